// A notifier that does nothing, for bench/plugin_dispatch: what remains is the cost of dispatch.
#include "plantrack/sdk/plugin.hpp"

namespace {
using namespace plantrack::sdk;

class Noop final : public NotifierBase {
 public:
  Noop(const Settings&, Context&) {}

 protected:
  void on_event(const Event&, const View&) override {}
};

constexpr PluginSpec kPlugins[] = {notifier<Noop>("noop", "Does nothing")};
const Descriptor kDescriptor = describe("bench_noop", "1.0.0", kPlugins);
const Descriptor* describe_library() {
  return &kDescriptor;
}
}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
