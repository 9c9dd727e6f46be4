// Fixture: a plantrack plugin library (its manifest is in order) whose static initialiser calls
// exit(0), as a broken library might. Loading it must not end a command with status 0 and nothing
// recorded; and it must not be loaded at all when the plugin named is another library's.
#include <cstdlib>

#include "plantrack/sdk/plugin.hpp"

namespace {
using namespace plantrack::sdk;

struct ExitOnLoad {
  ExitOnLoad() { std::exit(0); }
} exit_on_load;

class Never : public NotifierBase {
 public:
  Never(const Settings&, Context&) {}

 protected:
  void on_event(const Event&, const View&) override {}
};

constexpr PluginSpec kPlugins[] = {notifier<Never>("exit-on-load", "Exits while loading")};
const Descriptor kDescriptor = describe("fixture_exit_on_load", "0.1.0", kPlugins);
const Descriptor* describe_library() {
  return &kDescriptor;
}
}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
