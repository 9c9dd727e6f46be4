#pragma once
// Rule tables: caps and rates of the law, as dated TOML files (workflows/rules/*.toml), never in
// code. A table has an id, a title, its legal basis and a validity period; each rule applies only
// to spending dated inside it. Format: docs/rules.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/diagnostic.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/sdk/plugin.hpp"

namespace plantrack::rules {

enum class RuleKind {
  kSupportCap,       ///< support <= percent of the cost, and <= cap per participant (in a scope)
  kNoDoubleFunding,  ///< one participant, task and year paid from two state sources
};

/// What the cap of a support-cap rule is counted over, per participant.
enum class CapScope { kPayment, kYear, kProgramme };

struct Rule {
  std::string id;
  std::string basis;  ///< the table's basis, then the rule's own (e.g. an article)
  RuleKind kind = RuleKind::kSupportCap;
  std::vector<std::string> categories;    ///< budget-line categories it covers; empty: all
  std::vector<std::string> source_kinds;  ///< funding kinds it covers (default: the state's)
  std::optional<std::int64_t> percent;    ///< of the cost (support-cap)
  std::optional<std::int64_t> cap;        ///< per participant, in the plan's currency
  CapScope scope = CapScope::kProgramme;
  sdk::Severity severity = sdk::Severity::kError;
  SourcePos where;
};

struct RuleTable {
  std::string id;
  std::string title;
  std::string basis;
  Date valid_from;
  std::optional<Date> valid_to;
  std::vector<Rule> rules;
  bool in_force(Date date) const { return date >= valid_from && (!valid_to || date <= *valid_to); }
};

/// Reads a rule table; problems go to `sink` at the file's lines. nullopt when there were errors.
std::optional<RuleTable> parse_rule_table(const SourceText& source, DiagnosticSink& sink);

/// Where a rule table named in the plan is: a path (with '/' or ending ".toml") is taken relative
/// to the plan's folder; a name is looked for as NAME.toml in the plan's `rules/` folder, then in
/// each folder of PLANTRACK_RULES_PATH, then in the installed rules folder. Empty when not found;
/// `looked` lists where it looked.
std::string find_rule_table(const std::string& entry, const std::string& plan_path,
                            std::vector<std::string>& looked);

/// The findings of one table's rules on the plan's recorded spending.
void evaluate(const RuleTable& table, const Plan& plan, const PlanStatus& status,
              std::vector<sdk::Finding>& findings);

}  // namespace plantrack::rules
