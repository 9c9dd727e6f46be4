// Fixture: descriptors with a bad count or a null pointer, chosen by the macro BAD_DESCRIPTOR:
//   1 plugin_count far beyond its array   2 a null plugins array with a count of 1
//   3 a plugin with a null name           4 setting_count beyond its settings array
// The host must refuse each before walking it.
#include "plantrack/sdk/plugin.hpp"

namespace {
using namespace plantrack::sdk;

class Quiet : public NotifierBase {
 public:
  Quiet(const Settings&, Context&) {}

 protected:
  void on_event(const Event&, const View&) override {}
};

const SettingSpec kSettings[] = {{"x", SettingType::kBoolean, "false", "x"}};
#if BAD_DESCRIPTOR == 3
constexpr PluginSpec kPlugins[] = {
    {nullptr, kNotifier, "no name", nullptr, 0, &make<Notifier, Quiet>, nullptr, nullptr}};
#elif BAD_DESCRIPTOR == 4
constexpr PluginSpec kPlugins[] = {{"quiet", kNotifier, "too many settings", kSettings, 100000000,
                                    &make<Notifier, Quiet>, nullptr, nullptr}};
#else
constexpr PluginSpec kPlugins[] = {notifier<Quiet>("quiet", "Does nothing")};
#endif
Descriptor make_descriptor() {
  Descriptor d = describe("fixture_bad_descriptor", "0.1.0", kPlugins);
#if BAD_DESCRIPTOR == 1
  d.plugin_count = 1u << 30;
#elif BAD_DESCRIPTOR == 2
  d.plugins = nullptr;
#endif
  return d;
}
const Descriptor kDescriptor = make_descriptor();
const Descriptor* describe_library() {
  return &kDescriptor;
}
}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
