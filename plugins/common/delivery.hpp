#pragma once
// What the delivering notifiers (webhook, email) share: an event as JSON, retries with backoff,
// and the spool of deliveries that failed, sent again before the next event. Built into each
// plugin library (a static library with hidden symbols), not part of the SDK.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "plantrack/plugin.hpp"

namespace plantrack::plugins {

/// The event as one line of JSON: type, plan, as_of, key, message, and task, stage, quantity and
/// event id when set.
std::string event_json(const sdk::Event& event);

/// Calls `attempt` (empty string = success, else why) up to 1 + `retries` times, waiting `backoff`
/// before the first retry and twice as long before each next one. Returns the last error.
std::string with_retries(const std::function<std::string()>& attempt, std::int64_t retries,
                         std::chrono::milliseconds backoff, sdk::Context& context,
                         const std::string& what);

/// Deliveries kept for the next run: a JSON Lines file, rewritten whole through a temporary file.
class Spool {
 public:
  /// `path` relative to the plan's folder.
  Spool(const std::string& path, const sdk::Context& context);
  /// Sends what is kept, then `item`, oldest first, stopping at the first failure (the rest are
  /// kept untried); keeps what was not delivered. Throws std::runtime_error saying what failed and
  /// how many are kept. `send` returns an empty string on success, else why.
  void deliver(const std::string& item, const std::function<std::string(const std::string&)>& send,
               const std::string& what);
  const std::string& path() const { return path_; }

 private:
  std::vector<std::string> read() const;
  void write(const std::vector<std::string>& items) const;
  std::string path_;
};

}  // namespace plantrack::plugins
