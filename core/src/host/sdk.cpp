// The core's side of the plugin SDK: the interfaces' destructors (so their vtables and type
// information live in the core library), settings access, event names.
#include <stdexcept>

#include "plantrack/sdk/plugin.hpp"

namespace plantrack::sdk {

Context::~Context() = default;
Plugin::~Plugin() = default;
Notifier::~Notifier() = default;
Reporter::~Reporter() = default;
FundingCheck::~FundingCheck() = default;

const SettingValue* Settings::find(std::string_view name) const {
  for (const PluginSetting& s : values_) {
    if (s.key == name) return &s.value;
  }
  return nullptr;
}

namespace {
template <typename T>
const T& get(const SettingValue* value, std::string_view name) {
  if (!value || !std::holds_alternative<T>(*value)) {
    throw std::invalid_argument("plugin setting \"" + std::string(name) +
                                "\" is not declared with this type");
  }
  return std::get<T>(*value);
}
}  // namespace

std::string Settings::text(std::string_view name) const {
  return get<std::string>(find(name), name);
}
std::int64_t Settings::integer(std::string_view name) const {
  return get<std::int64_t>(find(name), name);
}
double Settings::number(std::string_view name) const {
  return get<double>(find(name), name);
}
bool Settings::boolean(std::string_view name) const {
  return get<bool>(find(name), name);
}
std::vector<std::string> Settings::list(std::string_view name) const {
  return get<std::vector<std::string>>(find(name), name);
}

std::string_view to_string(EventType type) {
  static constexpr std::string_view kNames[] = {
      "plan-validated",  "progress-recorded", "task-started",  "task-completed",
      "task-unblocked",  "stage-completed",   "task-overdue",  "task-behind-pace",
      "funding-finding", "report-generated",  "task-due-soon", "report-due"};
  return kNames[static_cast<std::size_t>(type)];
}

}  // namespace plantrack::sdk
