// Fixture: a good plugin library ("marker", a notifier) whose static initialiser creates the file
// `<this library>.loaded`, so a test can tell whether the host ever loaded it.
#include <vector>  // before boost/dll (BOOST_DLL_USE_STD_FS)

#include <boost/dll/runtime_symbol_info.hpp>

#include <fstream>

#include "plantrack/sdk/plugin.hpp"

namespace {
using namespace plantrack::sdk;

struct MarkOnLoad {
  MarkOnLoad() {
    std::error_code ec;
    std::ofstream(boost::dll::this_line_location(ec).string() + ".loaded") << "loaded\n";
  }
} mark_on_load;

class Marker : public NotifierBase {
 public:
  Marker(const Settings&, Context&) {}

 protected:
  void on_event(const Event&, const View&) override {}
};

constexpr PluginSpec kPlugins[] = {notifier<Marker>("marker", "Marks its library as loaded")};
const Descriptor kDescriptor = describe("fixture_marker", "1.0.0", kPlugins);
const Descriptor* describe_library() {
  return &kDescriptor;
}
}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
