// Fixture: a notifier that throws on every event.
#include <stdexcept>

#include "plantrack/sdk/plugin.hpp"

namespace {
using namespace plantrack::sdk;

class Thrower : public NotifierBase {
 public:
  Thrower(const Settings&, Context&) {}

 protected:
  void on_event(const Event& e, const View&) override {
    throw std::runtime_error("mail server said no to " + e.key);
  }
};

class BadCheck : public FundingCheckBase {
 public:
  BadCheck(const Settings&, Context&) {}

 protected:
  void inspect(const View&, std::vector<Finding>&) override {
    throw std::runtime_error("rule table missing");
  }
};

const SettingSpec kNoSettings[] = {{"unused", SettingType::kBoolean, "false", "unused"}};
constexpr PluginSpec kPlugins[] = {notifier<Thrower>("thrower", "Throws on every event"),
                                   funding_check<BadCheck>("bad-check", "Throws", kNoSettings)};
const Descriptor kDescriptor = describe("fixture_throwing", "0.1.0", kPlugins);
const Descriptor* describe_library() {
  return &kDescriptor;
}
}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
