// notify_console: one line per event on standard output.
//
//   [[plugin]]
//   name = "console"
//   [plugin.settings]
//   events = ["task-completed", "stage-completed"]   # default: every event
#include <algorithm>
#include <iostream>

#include "plantrack/sdk/plugin.hpp"

namespace {

using namespace plantrack::sdk;

class Console final : public NotifierBase {
 public:
  Console(const Settings& settings, Context&) : events_(settings.list("events")) {}

 protected:
  void on_event(const Event& e, const View&) override {
    std::string_view type = to_string(e.type);
    if (!events_.empty() && std::find(events_.begin(), events_.end(), type) == events_.end())
      return;
    std::cout << "notify: " << e.as_of.to_string() << " " << type << " " << e.message << "\n";
  }

 private:
  std::vector<std::string> events_;
};

const SettingSpec kSettings[] = {
    {"events", SettingType::kStringList, "[]",
     "event types to print (task-completed, stage-completed, ...); empty: all"},
};
constexpr PluginSpec kPlugins[] = {
    notifier<Console>("console", "Prints each event on standard output", kSettings)};
const Descriptor kDescriptor = describe("notify_console", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
