// The rules of a table applied to the recorded spending (PlanStatus::spending).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "plantrack/money.hpp"
#include "rule_table.hpp"

namespace plantrack::rules {
namespace {

using sdk::Finding;
using sdk::Severity;

using LineKey = std::tuple<std::string_view, std::string_view, int>;  // task, source, year

struct Context {
  const RuleTable& table;
  const Plan& plan;
  NumberStyle style;
  std::vector<Finding>& findings;
  std::set<std::int64_t> not_in_force = {};  // payments already reported as outside the table
  std::map<LineKey, const BudgetLine*> lines = {};  // the first line of each key

  Context(const RuleTable& t, const Plan& p, std::vector<Finding>& f)
      : table(t), plan(p), style(number_style(p.info.locale)), findings(f) {
    for (const BudgetLine& b : plan.budget) lines.emplace(LineKey{b.task, b.source, b.year}, &b);
  }

  std::string money(std::int64_t amount) const { return format_money(amount, style); }

  const Funding* source(const std::string& id) const {
    for (const Funding& f : plan.funding) {
      if (f.id == id) return &f;
    }
    return nullptr;
  }
  const BudgetLine* line(const Spending& s) const {
    auto it = lines.find(LineKey{s.task, s.source, s.year});
    return it == lines.end() ? nullptr : it->second;
  }
  // The plan location a payment's finding points at: its budget line, else its task.
  SourcePos where(const Spending& s) const {
    if (const BudgetLine* b = line(s)) return b->where;
    if (const Task* t = plan.find_task(s.task)) return t->where;
    return {};
  }
  Finding finding(const Rule& rule, Severity severity, const Spending& s) const {
    Finding f;
    f.severity = severity;
    f.rule = rule.id;
    f.basis = rule.basis;
    f.where = where(s);
    f.event_id = s.event;
    return f;
  }
};

std::string payment(const Context& c, const Spending& s) {
  std::string out = "payment #" + std::to_string(s.event) + " (" + c.money(s.amount) + " from \"" +
                    s.source + "\" for \"" + s.task + "\"";
  if (!s.participant.empty()) out += " to " + s.participant;
  return out + ", " + s.date.to_string() + ")";
}

bool covers(const Rule& rule, const Context& c, const Spending& s) {
  const Funding* source = c.source(s.source);
  if (!source) return false;
  std::string kind(to_string(source->kind));
  if (std::find(rule.source_kinds.begin(), rule.source_kinds.end(), kind) ==
      rule.source_kinds.end()) {
    return false;
  }
  if (rule.categories.empty()) return true;
  const BudgetLine* line = c.line(s);
  return line && std::find(rule.categories.begin(), rule.categories.end(), line->category) !=
                     rule.categories.end();
}

// The payments a rule covers and that are in force; a finding for each one it covers but that
// falls outside the table's validity ("rule not in force": nothing to check it against).
std::vector<const Spending*> in_force(const Rule& rule, Context& c,
                                      const std::vector<Spending>& spending) {
  std::vector<const Spending*> out;
  for (const Spending& s : spending) {
    if (!covers(rule, c, s)) continue;
    if (c.table.in_force(s.date)) {
      out.push_back(&s);
      continue;
    }
    if (!c.not_in_force.insert(s.event).second) continue;  // once per payment and table
    Finding f = c.finding(rule, Severity::kNote, s);
    f.rule = "not-in-force";
    bool before = s.date < c.table.valid_from;
    f.message = payment(c, s) + " is dated " + (before ? "before " : "after ") + c.table.title +
                (before ? " came into force (" + c.table.valid_from.to_string() + ")"
                        : " ceased to apply (" + c.table.valid_to->to_string() + ")") +
                ": rule not in force, not checked against " + c.table.id;
    f.amounts = {s.amount};
    f.fix =
        "nothing to fix if it followed the rules of its time; add the rule table that was in "
        "force then to check it";
    c.findings.push_back(std::move(f));
  }
  return out;
}

void support_cap(const Rule& rule, const Context& c, const std::vector<const Spending*>& paid) {
  // The percent of the cost: per participant, task and year (an advance and its settlement
  // support one cost); a payment without a participant stands alone.
  using Group = std::tuple<std::string, std::string, int, std::int64_t>;
  std::map<Group, std::vector<const Spending*>> groups;
  for (const Spending* s : paid) {
    std::int64_t alone = s->participant.empty() ? s->event : 0;
    groups[Group{s->participant, s->task, s->year, alone}].push_back(s);
  }
  if (rule.percent) {
    for (const auto& [key, payments] : groups) {
      std::int64_t support = 0;
      std::optional<std::int64_t> cost;
      for (const Spending* s : payments) {
        support = add_amounts(support, s->amount).value_or(support);
        if (s->cost) cost = std::max(cost.value_or(0), *s->cost);
      }
      const Spending& last = *payments.back();
      if (!cost) {
        Finding f = c.finding(rule, Severity::kWarning, last);
        f.rule = rule.id + "/cost-missing";
        f.message = payment(c, last) + " has no cost recorded: the " +
                    std::to_string(*rule.percent) + "% ceiling of \"" + rule.id +
                    "\" cannot be checked";
        f.amounts = {support};
        f.fix = "revert it and record it again with --cost (the whole cost it supports)";
        c.findings.push_back(std::move(f));
        continue;
      }
      std::int64_t allowed = percent_of(*cost, *rule.percent).value_or(*cost);
      if (support <= allowed) continue;
      Finding f = c.finding(rule, rule.severity, last);
      f.rule = rule.id + "/percent";
      std::string who = last.participant.empty()
                            ? payment(c, last)
                            : "support to " + last.participant + " for \"" + last.task + "\" in " +
                                  std::to_string(last.year);
      f.message = who + " is " + c.money(support) + ", above " + std::to_string(*rule.percent) +
                  "% of the cost of " + c.money(*cost) + " (at most " + c.money(allowed) + ")";
      f.amounts = {support, *cost, allowed};
      f.fix = "revert payment #" + std::to_string(last.event) + " and record at most " +
              c.money(std::max<std::int64_t>(0, allowed - (support - last.amount))) +
              " from the state; the rest is the participant's share";
      c.findings.push_back(std::move(f));
    }
  }
  if (!rule.cap) return;
  // The cap: per participant, per payment / year / the whole programme.
  std::map<std::tuple<std::string, int, std::int64_t>, std::int64_t> running;
  std::set<std::tuple<std::string, int, std::int64_t>> reported;
  for (const Spending* s : paid) {
    if (s->participant.empty() && rule.scope != CapScope::kPayment) {
      Finding f = c.finding(rule, Severity::kWarning, *s);
      f.rule = rule.id + "/participant-missing";
      f.message = payment(c, *s) + " names no participant: the cap of " + c.money(*rule.cap) +
                  " per participant of \"" + rule.id + "\" cannot be checked";
      f.amounts = {s->amount};
      f.fix = "revert it and record it again with --participant (the establishment supported)";
      c.findings.push_back(std::move(f));
      continue;
    }
    int year = rule.scope == CapScope::kYear ? s->year : 0;
    std::int64_t alone = rule.scope == CapScope::kPayment ? s->event : 0;
    auto key = std::make_tuple(s->participant, year, alone);
    std::int64_t& sum = running[key];
    std::int64_t before = sum;
    sum = add_amounts(sum, s->amount).value_or(sum);
    if (sum <= *rule.cap || !reported.insert(key).second) continue;
    Finding f = c.finding(rule, rule.severity, *s);
    f.rule = rule.id + "/cap";
    std::string scope = rule.scope == CapScope::kPayment ? "in one payment"
                        : rule.scope == CapScope::kYear  ? "in " + std::to_string(s->year)
                                                         : "within the programme";
    f.message = "support to " + (s->participant.empty() ? payment(c, *s) : s->participant) + " " +
                scope + " reaches " + c.money(sum) + " with " + payment(c, *s) +
                ", above the cap of " + c.money(*rule.cap);
    f.amounts = {sum, *rule.cap};
    f.fix = "revert payment #" + std::to_string(s->event) + " and record at most " +
            c.money(std::max<std::int64_t>(0, *rule.cap - before)) +
            " (what the cap leaves), or pay the rest from a non-state source";
    c.findings.push_back(std::move(f));
  }
}

void no_double_funding(const Rule& rule, const Context& c,
                       const std::vector<const Spending*>& paid) {
  using Group = std::tuple<std::string, std::string, int>;  // participant, task, year
  std::map<Group, std::vector<const Spending*>> groups;
  for (const Spending* s : paid) {
    if (!s->participant.empty()) groups[Group{s->participant, s->task, s->year}].push_back(s);
  }
  for (const auto& [key, payments] : groups) {
    std::vector<std::string> sources;
    const Spending* second = nullptr;
    for (const Spending* s : payments) {
      if (std::find(sources.begin(), sources.end(), s->source) != sources.end()) continue;
      sources.push_back(s->source);
      if (sources.size() == 2) second = s;
    }
    if (!second) continue;
    Finding f = c.finding(rule, rule.severity, *second);
    std::string list;
    std::vector<std::int64_t> amounts;
    for (const std::string& source : sources) {
      std::int64_t sum = 0;
      for (const Spending* s : payments) {
        if (s->source == source) sum = add_amounts(sum, s->amount).value_or(sum);
      }
      list += (list.empty() ? "" : " and ") + ("\"" + source + "\" (" + c.money(sum) + ")");
      amounts.push_back(sum);
    }
    f.message = std::get<0>(key) + " was paid for \"" + std::get<1>(key) + "\" in " +
                std::to_string(std::get<2>(key)) + " from " + std::to_string(sources.size()) +
                " state sources: " + list;
    f.amounts = amounts;
    f.fix = "pay one cost from one state source: revert payment #" + std::to_string(second->event) +
            " (from \"" + second->source +
            "\") unless it pays a different cost, then record that under its own task";
    c.findings.push_back(std::move(f));
  }
}

}  // namespace

void evaluate(const RuleTable& table, const Plan& plan, const PlanStatus& status,
              std::vector<sdk::Finding>& findings) {
  Context c(table, plan, findings);
  for (const Rule& rule : table.rules) {
    std::vector<const Spending*> paid = in_force(rule, c, status.spending);
    if (rule.kind == RuleKind::kSupportCap) {
      support_cap(rule, c, paid);
    } else {
      no_double_funding(rule, c, paid);
    }
  }
}

}  // namespace plantrack::rules
