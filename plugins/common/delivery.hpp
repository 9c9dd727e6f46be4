#pragma once
// What the delivering notifiers (webhook, email) share: an event as JSON, retries with backoff.
// What still fails is kept by the host, in the store, and sent again by the next run
// (plantrack/delivery.hpp). Built into each plugin library (a static library with hidden
// symbols), not part of the SDK.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "plantrack/sdk/plugin.hpp"

namespace plantrack::plugins {

/// The event as one line of JSON: type, plan, as_of, key, message, and task, stage, quantity and
/// event id when set.
std::string event_json(const sdk::Event& event);

/// A batch as one JSON object: {"count":N,"events":[EVENT,...]}, each EVENT as event_json().
std::string batch_json(const std::vector<sdk::Event>& events);

/// Calls `attempt` (empty string = success, else why) up to 1 + `retries` times, waiting `backoff`
/// before the first retry and twice as long before each next one (at most a minute). Returns the
/// last error.
std::string with_retries(const std::function<std::string()>& attempt, std::int64_t retries,
                         std::chrono::milliseconds backoff, sdk::Context& context,
                         const std::string& what);

/// Before failed deliveries were kept in the store (schema 7), the webhook and email notifiers
/// kept them in a spool file; warns once when such a file still holds some (it is no longer read).
void warn_of_old_spool(const std::string& path, sdk::Context& context);

}  // namespace plantrack::plugins
