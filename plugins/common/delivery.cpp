#include "delivery.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

namespace plantrack::plugins {

std::string event_json(const sdk::Event& e) {
  nlohmann::json j = {{"type", std::string(sdk::to_string(e.type))},
                      {"plan", e.plan_id},
                      {"as_of", e.as_of.to_string()},
                      {"key", e.key},
                      {"message", e.message}};
  if (!e.task.empty()) j["task"] = e.task;
  if (!e.stage.empty()) j["stage"] = e.stage;
  if (e.quantity) j["quantity"] = *e.quantity;
  if (e.event_id) j["event"] = *e.event_id;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string batch_json(const std::vector<sdk::Event>& events) {
  std::string out = "{\"count\":" + std::to_string(events.size()) + ",\"events\":[";
  for (std::size_t i = 0; i < events.size(); ++i) out += (i ? "," : "") + event_json(events[i]);
  return out + "]}";
}

std::string with_retries(const std::function<std::string()>& attempt, std::int64_t retries,
                         std::chrono::milliseconds backoff, sdk::Context& context,
                         const std::string& what) {
  std::string error;
  for (std::int64_t n = 0; n <= retries; ++n) {
    if (n > 0) {
      std::this_thread::sleep_for(backoff);
      backoff = std::min(backoff * 2, std::chrono::milliseconds(60'000));
    }
    error = attempt();
    if (error.empty()) return {};
    context.warn(what + ": attempt " + std::to_string(n + 1) + " failed: " + error);
  }
  return error;
}

void warn_of_old_spool(const std::string& path, sdk::Context& context) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) == 0) {
    return;
  }
  context.warn(path +
               " holds deliveries kept by an older plantrack; it is no longer read (failed "
               "deliveries are now kept in the store): send them by hand or remove the file");
}

}  // namespace plantrack::plugins
