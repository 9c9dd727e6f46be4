#include "plantrack/environment.hpp"

#include <cstdlib>

namespace plantrack {

Environment Environment::process() {
  Environment env;
  env.process_ = true;
  return env;
}

Environment Environment::of(std::map<std::string, std::string> values) {
  Environment env;
  for (auto& [name, value] : values) env.values_.emplace(name, std::move(value));
  return env;
}

std::optional<std::string> Environment::get(std::string_view name) const {
  if (process_) {
    const char* value = std::getenv(std::string(name).c_str());
    if (!value || !*value) return std::nullopt;
    return std::string(value);
  }
  auto found = values_.find(name);
  if (found == values_.end() || found->second.empty()) return std::nullopt;
  return found->second;
}

}  // namespace plantrack
