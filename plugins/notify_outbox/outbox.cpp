// notify_outbox: appends each event as one JSON line to a file (flushed per event), for other
// tools to pick up.
//
//   [[plugin]]
//   name = "outbox"
//   [plugin.settings]
//   file = "outbox.jsonl"   # relative to the plan's folder
//   events = ["task-overdue", "funding-finding"]   # default: every event
// The file is opened when the first event comes (a command that sends none writes nothing).
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "../common/delivery.hpp"
#include "plantrack/sdk/plugin.hpp"

namespace {

using namespace plantrack::sdk;

class Outbox final : public NotifierBase {
 public:
  Outbox(const Settings& settings, Context& context) : events_(settings.list("events")) {
    (void)context;
    path_ = settings.text("file");  // a kPath: resolved by the host, inside the plan's folder
    for (const std::string& name : events_) {
      bool known = false;
      for (auto t = static_cast<std::uint32_t>(EventType::kPlanValidated);
           t <= static_cast<std::uint32_t>(EventType::kReportDue); ++t) {
        known = known || to_string(static_cast<EventType>(t)) == name;
      }
      if (!known) {
        throw std::runtime_error("unknown event type \"" + name +
                                 "\" in setting \"events\" (docs/plugins.md lists them)");
      }
    }
  }

 protected:
  void on_event(const Event& e, const View&) override {
    std::string_view type = to_string(e.type);
    if (!events_.empty() && std::find(events_.begin(), events_.end(), type) == events_.end()) {
      return;
    }
    if (!out_.is_open()) {
      out_.open(path_, std::ios::app | std::ios::binary);
      if (!out_) throw std::runtime_error("cannot open " + path_ + " for appending");
    }
    out_ << plantrack::plugins::event_json(e) << '\n' << std::flush;
    if (!out_) throw std::runtime_error("cannot write to " + path_);
  }

 private:
  std::vector<std::string> events_;
  std::string path_;
  std::ofstream out_;
};

const SettingSpec kSettings[] = {
    {"file", SettingType::kPath, "\"plantrack-outbox.jsonl\"",
     "the JSON Lines file events are appended to (in the plan's folder or below)"},
    {"events", SettingType::kStringList, "[]",
     "event types to write (task-overdue, funding-finding, ...); empty: all"},
};
constexpr PluginSpec kPlugins[] = {
    notifier<Outbox>("outbox", "Appends each event as a JSON line to a file", kSettings)};
const Descriptor kDescriptor = describe("notify_outbox", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
