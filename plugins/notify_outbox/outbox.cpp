// notify_outbox: appends each event as one JSON line to a file (flushed per event), for other
// tools to pick up.
//
//   [[plugin]]
//   name = "outbox"
//   [plugin.settings]
//   file = "outbox.jsonl"   # relative to the plan's folder
#include <filesystem>
#include <fstream>

#include "../common/delivery.hpp"
#include "plantrack/plugin.hpp"

namespace {

using namespace plantrack::sdk;

class Outbox final : public NotifierBase {
 public:
  Outbox(const Settings& settings, Context& context) {
    std::filesystem::path file = settings.text("file");
    if (file.is_relative()) file = std::filesystem::path(context.plan_path()).parent_path() / file;
    path_ = file.string();
    out_.open(path_, std::ios::app | std::ios::binary);
    if (!out_) throw std::runtime_error("cannot open " + path_ + " for appending");
  }

 protected:
  void on_event(const Event& e, const View&) override {
    out_ << plantrack::plugins::event_json(e) << '\n' << std::flush;
    if (!out_) throw std::runtime_error("cannot write to " + path_);
  }

 private:
  std::string path_;
  std::ofstream out_;
};

const SettingSpec kSettings[] = {
    {"file", SettingType::kString, "\"plantrack-outbox.jsonl\"",
     "the JSON Lines file events are appended to (relative to the plan's folder)"},
};
const PluginSpec kPlugins[] = {
    notifier<Outbox>("outbox", "Appends each event as a JSON line to a file", kSettings)};
const Descriptor kDescriptor = describe("notify_outbox", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library)
