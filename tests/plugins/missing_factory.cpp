// Fixture: declares a notifier without a factory.
#include "plantrack/sdk/plugin.hpp"

namespace {
using namespace plantrack::sdk;
constexpr PluginSpec kPlugins[] = {
    PluginSpec{"hollow", kNotifier, "no factory", nullptr, 0, nullptr, nullptr, nullptr}};
const Descriptor kDescriptor = describe("fixture_missing_factory", "0.1.0", kPlugins);
const Descriptor* describe_library() {
  return &kDescriptor;
}
}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
