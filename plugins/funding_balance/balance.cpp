// funding_balance: does the money in the plan add up?
// - every source kind a report lists is declared, zero included (reports list every source);
// - the budget lines drawn on a source do not exceed its amount (sums overflow-checked);
// - spending never exceeds its budget line (per task, source and year), and has one.
// Declared totals are checked by the loader itself ([[total]], `total-mismatch`).
//
//   [[plugin]]
//   name = "balance"
//   [plugin.settings]
//   source_kinds = ["central", "local", "international", "enterprise"]   # the default
#include <map>
#include <tuple>

#include "plantrack/money.hpp"
#include "plantrack/money_status.hpp"
#include "plantrack/sdk/plugin.hpp"

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
    if (view.status) check_spending(view.plan, *view.status, style, findings);
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

  // Per budget line: the payment that took its spending past the line (or the first payment
  // without a line) is the event the finding points at.
  static void check_spending(const Plan& plan, const PlanStatus& status, NumberStyle style,
                             std::vector<Finding>& findings) {
    using Key = std::tuple<std::string, std::string, int>;
    std::map<Key, std::int64_t> allocated;  // budget lines per key (a key may have several)
    for (const BudgetLine& b : plan.budget) {
      std::int64_t& sum = allocated[Key{b.task, b.source, b.year}];
      sum = add_amounts(sum, b.amount).value_or(sum);
    }
    std::map<Key, std::int64_t> running;
    std::map<Key, std::int64_t> first_over;
    for (const Spending& s : status.spending) {
      Key key{s.task, s.source, s.year};
      std::int64_t& sum = running[key];
      sum = add_amounts(sum, s.amount).value_or(sum);
      auto line = allocated.find(key);
      if ((line == allocated.end() || sum > line->second) && !first_over.count(key)) {
        first_over[key] = s.event;
      }
    }
    for (const MoneyLine& line : money_status(plan, status.spending).lines) {
      auto over = first_over.find(Key{line.task, line.source, line.year});
      if (over == first_over.end()) continue;
      Finding f;
      f.rule = "spending-within-line";
      f.basis = "the plan's [[budget]] lines";
      f.event_id = over->second;
      std::string what =
          "task \"" + line.task + "\" from \"" + line.source + "\" in " + std::to_string(line.year);
      if (!line.line) {
        // An enterprise's own counterpart money is not drawn from the plan's budget lines.
        const Funding* source = plan.find_funding(line.source);
        if (source && source->kind == FundingKind::kEnterprise) continue;
        f.severity = Severity::kWarning;
        if (const Task* task = plan.find_task(line.task)) f.where = task->where;
        f.message =
            "spending on " + what + " (" + format_money(line.spent, style) + ") has no budget line";
        f.amounts = {line.spent};
        f.fix = "add a [[budget]] line for it (task, source, year), or revert the payment (#" +
                std::to_string(over->second) + ") if its source or year is wrong";
      } else {
        const BudgetLine& b = plan.budget[*line.line];
        f.severity = Severity::kError;
        f.where = b.amount_where;
        f.message = "spending on " + what + " reaches " + format_money(line.spent, style) +
                    ", above its budget line of " + format_money(line.allocated, style) +
                    " (from payment #" + std::to_string(over->second) + ")";
        f.amounts = {line.spent, line.allocated};
        f.fix = "amend the budget line by " + format_money(line.spent - line.allocated, style) +
                " (with its decision), or revert the payment that went over";
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
constexpr PluginSpec kPlugins[] = {funding_check<Balance>(
    "balance", "Sources listed, zero included; budget lines within their sources", kSettings)};
const Descriptor kDescriptor = describe("funding_balance", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
