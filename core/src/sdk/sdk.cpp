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

}  // namespace plantrack::sdk
