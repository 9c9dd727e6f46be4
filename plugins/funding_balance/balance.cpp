// funding_balance: does the money in the plan add up?
// - every source kind a report lists is declared, zero included (reports list every source);
// - the budget lines drawn on a source do not exceed its amount (sums overflow-checked).
// Declared totals are checked by the loader itself ([[total]], `total-mismatch`).
//
//   [[plugin]]
//   name = "balance"
//   [plugin.settings]
//   source_kinds = ["central", "local", "international", "enterprise"]   # the default
#include <map>

#include "plantrack/money.hpp"
#include "plantrack/plugin.hpp"

namespace {

using namespace plantrack;
using namespace plantrack::sdk;

constexpr const char* kBasis = "the plan's [[funding]] amounts";

class Balance final : public FundingCheckBase {
 public:
  Balance(const Settings& settings, Context&) : kinds_(settings.list("source_kinds")) {}

 protected:
  void inspect(const View& view, std::vector<Finding>& findings) override {
    NumberStyle style = number_style(view.plan.info.locale);
    check_kinds(view.plan, findings);
    check_lines(view.plan, style, findings);
  }

 private:
  void check_kinds(const Plan& plan, std::vector<Finding>& findings) const {
    for (const std::string& kind : kinds_) {
      bool declared = false;
      for (const Funding& f : plan.funding) declared = declared || to_string(f.kind) == kind;
      if (declared) continue;
      Finding f;
      f.severity = Severity::kWarning;
      f.rule = "source-listed";
      f.basis = "reports list every funding source, zero included";
      f.message = "no funding source of kind \"" + kind + "\" is declared";
      f.where = plan.info.where;
      f.fix = "add a [[funding]] entry with kind = \"" + kind + "\" and amount = 0";
      findings.push_back(std::move(f));
    }
  }

  static void check_lines(const Plan& plan, NumberStyle style, std::vector<Finding>& findings) {
    std::map<std::string, std::vector<std::int64_t>> drawn;  // source -> its budget lines
    for (const BudgetLine& line : plan.budget) drawn[line.source].push_back(line.amount);
    for (const Funding& source : plan.funding) {
      auto it = drawn.find(source.id);
      if (it == drawn.end()) continue;
      std::optional<std::int64_t> sum = sum_amounts(it->second);
      Finding f;
      f.severity = Severity::kError;
      f.rule = "lines-within-source";
      f.basis = kBasis;
      f.where = source.amount_where;
      if (!sum) {
        f.message = "the budget lines of source \"" + source.id + "\" sum past the 64-bit range";
        f.fix = "check the lines' amounts for extra digits";
      } else if (*sum > source.amount) {
        f.message = "the budget lines of source \"" + source.id + "\" sum to " +
                    format_figure(*sum, style) + ", above its amount of " +
                    format_figure(source.amount, style);
        f.amounts = {*sum, source.amount};
        f.fix = "lower the lines by " + format_figure(*sum - source.amount, style) +
                " or raise the source's amount";
      } else {
        continue;
      }
      findings.push_back(std::move(f));
    }
  }

  std::vector<std::string> kinds_;
};

const SettingSpec kSettings[] = {
    {"source_kinds", SettingType::kStringList,
     R"(["central", "local", "international", "enterprise"])",
     "funding kinds every report lists, zero included"},
};
const PluginSpec kPlugins[] = {funding_check<Balance>(
    "balance", "Sources listed, zero included; budget lines within their sources", kSettings)};
const Descriptor kDescriptor = describe("funding_balance", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library)
