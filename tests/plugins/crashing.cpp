// Fixture: notifiers that end the process the ways a broken plugin does. The host must name the
// plugin and what it was doing ("crashed (SIGSEGV) during notify"), not end with no word.
//   crash-segv: dereferences nullptr   crash-abort: abort()   crash-exit: exit(0)
#include <csignal>
#include <cstdlib>

#include "plantrack/sdk/plugin.hpp"

namespace {
using namespace plantrack::sdk;

enum class How { kSegv, kAbort, kExit };

template <How how>
class Crasher : public NotifierBase {
 public:
  Crasher(const Settings&, Context&) {}

 protected:
  void on_event(const Event&, const View&) override {
    if constexpr (how == How::kSegv) std::raise(SIGSEGV);
    if constexpr (how == How::kAbort) std::abort();
    if constexpr (how == How::kExit) std::exit(0);
  }
};

constexpr PluginSpec kPlugins[] = {
    notifier<Crasher<How::kSegv>>("crash-segv", "Crashes with SIGSEGV on every event"),
    notifier<Crasher<How::kAbort>>("crash-abort", "Aborts on every event"),
    notifier<Crasher<How::kExit>>("crash-exit", "Calls exit(0) on every event")};
const Descriptor kDescriptor = describe("fixture_crashing", "0.1.0", kPlugins);
const Descriptor* describe_library() {
  return &kDescriptor;
}
}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
