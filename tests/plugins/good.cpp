// Fixture: a library with two plugins. "tally" appends "<plugin>:<event key>" lines to a shared
// file (so tests see the dispatch order across plugins); "second" does the same under its name.
#include <fstream>

#include "plantrack/sdk/plugin.hpp"

namespace {
using namespace plantrack::sdk;

class Tally : public NotifierBase {
 public:
  Tally(const Settings& settings, Context&)
      : file_(settings.text("file")), label_(settings.text("label")) {}

 protected:
  void on_event(const Event& e, const View& view) override {
    std::ofstream(file_, std::ios::app)
        << label_ << ":" << e.key << ":" << view.plan.info.id << "\n";
  }

 private:
  std::string file_, label_;
};

// "budget-floor": a finding for each funding source below `floor`, at the source's amount.
class Floor : public FundingCheckBase {
 public:
  Floor(const Settings& settings, Context&) : floor_(settings.integer("floor")) {}

 protected:
  void inspect(const View& view, std::vector<Finding>& findings) override {
    for (const plantrack::Funding& f : view.plan.funding) {
      if (f.amount >= floor_) continue;
      Finding finding;
      finding.rule = "floor";
      finding.message = "source \"" + f.id + "\" is below the floor";
      finding.amounts = {f.amount, floor_};
      finding.where = f.amount_where;
      finding.fix = "raise it";
      findings.push_back(finding);
    }
  }

 private:
  std::int64_t floor_;
};

const SettingSpec kFloorSettings[] = {{"floor", SettingType::kInteger, "100", "the lowest amount"}};

const SettingSpec kSettings[] = {
    {"file", SettingType::kString, nullptr, "where to append"},
    {"label", SettingType::kString, "\"tally\"", "the line prefix"},
    {"limit", SettingType::kInteger, "10", "unused"},
    {"ratio", SettingType::kNumber, "0.5", "unused"},
    {"loud", SettingType::kBoolean, "false", "unused"},
};
constexpr PluginSpec kPlugins[] = {
    notifier<Tally>("tally", "Appends event keys to a file", kSettings),
    notifier<Tally>("second", "The same, another name", kSettings),
    funding_check<Floor>("budget-floor", "Sources above a floor", kFloorSettings)};
const Descriptor kDescriptor = describe("fixture_good", "2.1.0", kPlugins);
const Descriptor* describe_library() {
  return &kDescriptor;
}
}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
