#include "plantrack/plan_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "plantrack/money.hpp"
#include "plantrack/plan_index.hpp"

namespace plantrack {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string years_text(const Task& t) {
  std::vector<std::string> out;
  for (int y : t.active_years()) out.push_back(std::to_string(y));
  return join(out);
}

std::string targets_text(const Task& t) {
  std::vector<std::string> out;
  for (const YearTarget& y : t.targets)
    out.push_back(std::to_string(y.year) + ": " + std::to_string(y.quantity));
  return join(out);
}

std::string deps_text(const Task& t) {
  std::vector<std::string> out;
  for (const Dependency& d : t.depends_on) {
    out.push_back(d.task + (d.at_least ? " >= " + std::to_string(*d.at_least) : std::string()));
  }
  std::sort(out.begin(), out.end());
  return join(out);
}

// Items by id (the first of two equal ids), so that each lookup is one hash probe: a diff of two
// 1M-task plans is linear, not a scan of one plan per item of the other.
template <typename T>
std::unordered_map<std::string_view, const T*> by_id(const std::vector<T>& items) {
  std::unordered_map<std::string_view, const T*> out;
  out.reserve(items.size());
  for (const T& item : items) out.emplace(item.id, &item);
  return out;
}

template <typename Map>
auto find_in(const Map& map, std::string_view id) -> typename Map::mapped_type {
  auto it = map.find(id);
  return it == map.end() ? nullptr : it->second;
}

class Differ {
 public:
  explicit Differ(NumberStyle style) : style_(style) {}
  std::vector<PlanChange> out;

  void changed(std::string area, std::string subject, std::string field, const std::string& before,
               const std::string& after, SourcePos old_at, SourcePos new_at) {
    if (before == after) return;
    out.push_back(PlanChange{PlanChange::Kind::kChanged, std::move(area), std::move(subject),
                             std::move(field), before, after, old_at, new_at});
  }
  void added(std::string area, std::string subject, std::string what, SourcePos at) {
    out.push_back(PlanChange{PlanChange::Kind::kAdded,
                             std::move(area),
                             std::move(subject),
                             {},
                             {},
                             std::move(what),
                             {},
                             at});
  }
  void removed(std::string area, std::string subject, std::string what, SourcePos at) {
    out.push_back(PlanChange{PlanChange::Kind::kRemoved,
                             std::move(area),
                             std::move(subject),
                             {},
                             std::move(what),
                             {},
                             at,
                             {}});
  }

  void plan(const Plan& a, const Plan& b) {
    const PlanInfo &x = a.info, &y = b.info;
    changed("plan", x.id, "id", x.id, y.id, x.where, y.where);
    changed("plan", x.id, "title", x.title, y.title, x.where, y.where);
    changed("plan", x.id, "owner", x.owner, y.owner, x.where, y.where);
    changed("plan", x.id, "period",
            std::to_string(x.period_start) + "-" + std::to_string(x.period_end),
            std::to_string(y.period_start) + "-" + std::to_string(y.period_end), x.period_where,
            y.period_where);
    changed("plan", x.id, "basis", join(x.basis), join(y.basis), x.where, y.where);
    auto approved = [](const PlanInfo& i) {
      if (i.approved_decision.empty()) return std::string();
      return i.approved_decision + (i.approved_date ? " of " + i.approved_date->to_string() : "") +
             (i.approved_by.empty() ? "" : " by " + i.approved_by);
    };
    changed("plan", x.id, "approved", approved(x), approved(y), x.where, y.where);
    auto keys = [](const Plan& p) {
      std::set<std::pair<std::string, std::string>> set;
      for (const Amendment& m : p.amendments) set.emplace(m.decision, m.date.to_string());
      return set;
    };
    auto before = keys(a), after = keys(b);
    for (const Amendment& m : b.amendments) {
      if (!before.count({m.decision, m.date.to_string()}))
        added("amendment", m.decision,
              m.date.to_string() + (m.summary.empty() ? "" : ": " + m.summary), m.where);
    }
    for (const Amendment& m : a.amendments) {
      if (!after.count({m.decision, m.date.to_string()}))
        removed("amendment", m.decision, m.date.to_string(), m.where);
    }
  }

  void stages(const Plan& a, const Plan& b) {
    auto old_stages = by_id(a.stages), new_stages = by_id(b.stages);
    for (const Stage& s : b.stages) {
      const Stage* o = find_in(old_stages, s.id);
      if (!o) {
        added("stage", s.id, s.title, s.where);
        continue;
      }
      changed("stage", s.id, "title", o->title, s.title, o->where, s.where);
      std::vector<std::string> x, y;
      for (const Ref& r : o->depends_on) x.push_back(r.id);
      for (const Ref& r : s.depends_on) y.push_back(r.id);
      changed("stage", s.id, "depends_on", join(x), join(y), o->where, s.where);
    }
    for (const Stage& s : a.stages) {
      if (!find_in(new_stages, s.id)) removed("stage", s.id, s.title, s.where);
    }
  }

  void tasks(const Plan& a, const Plan& b) {
    PlanIndex old_index(a), new_index(b);
    auto old_task = [&](std::string_view id) -> const Task* {
      std::optional<std::size_t> i = old_index.task(id);
      return i ? &a.tasks[*i] : nullptr;
    };
    std::unordered_set<std::string_view> matched;  // old ids that have a counterpart
    for (const Task& t : b.tasks) {
      const Task* o = old_task(t.id);
      if (!o) {
        for (const std::string& old_id : t.renamed_from) {
          const Task* candidate = old_task(old_id);
          if (!candidate || new_index.task(old_id)) continue;
          o = candidate;
          out.push_back(PlanChange{PlanChange::Kind::kRenamed, "task", t.id, "id", old_id, t.id,
                                   candidate->where, t.where});
          break;
        }
      }
      if (!o) {
        added("task", t.id, t.title + " (" + std::to_string(t.target) + " " + t.unit + ")",
              t.where);
        continue;
      }
      matched.insert(o->id);
      changed("task", t.id, "title", o->title, t.title, o->where, t.where);
      changed("task", t.id, "stage", o->stage, t.stage, o->stage_where, t.stage_where);
      changed("task", t.id, "unit", o->unit, t.unit, o->where, t.where);
      changed("task", t.id, "target", std::to_string(o->target), std::to_string(t.target),
              o->target_where, t.target_where);
      changed("task", t.id, "years", years_text(*o), years_text(t), o->where, t.where);
      changed("task", t.id, "targets", targets_text(*o), targets_text(t), o->targets_where,
              t.targets_where);
      changed("task", t.id, "due", o->due ? o->due->to_string() : "",
              t.due ? t.due->to_string() : "", o->where, t.where);
      changed("task", t.id, "counting",
              o->counting == Counting::kCumulative ? "cumulative" : "increment",
              t.counting == Counting::kCumulative ? "cumulative" : "increment", o->where, t.where);
      changed("task", t.id, "depends_on", deps_text(*o), deps_text(t), o->where, t.where);
      changed("task", t.id, "of", o->of ? std::to_string(*o->of) : "",
              t.of ? std::to_string(*t.of) : "", o->where, t.where);
    }
    for (const Task& t : a.tasks) {
      if (!matched.count(t.id)) removed("task", t.id, t.title, t.where);
    }
  }

  void money(const Plan& a, const Plan& b) {
    auto old_funding = by_id(a.funding), new_funding = by_id(b.funding);
    for (const Funding& f : b.funding) {
      const Funding* o = find_in(old_funding, f.id);
      if (!o) {
        added("funding", f.id, f.title + ": " + amount_text(f.amount), f.where);
        continue;
      }
      changed("funding", f.id, "amount", amount_text(o->amount), amount_text(f.amount),
              o->amount_where, f.amount_where);
      changed("funding", f.id, "kind", std::string(to_string(o->kind)),
              std::string(to_string(f.kind)), o->where, f.where);
      changed("funding", f.id, "title", o->title, f.title, o->where, f.where);
    }
    for (const Funding& f : a.funding) {
      if (!find_in(new_funding, f.id))
        removed("funding", f.id, f.title + ": " + amount_text(f.amount), f.where);
    }
    auto old_totals = by_id(a.totals), new_totals = by_id(b.totals);
    for (const FundingTotal& t : b.totals) {
      const FundingTotal* o = find_in(old_totals, t.id);
      if (!o) {
        added("total", t.id, amount_text(t.amount), t.where);
        continue;
      }
      changed("total", t.id, "amount", amount_text(o->amount), amount_text(t.amount),
              o->amount_where, t.amount_where);
    }
    for (const FundingTotal& t : a.totals) {
      if (!find_in(new_totals, t.id)) removed("total", t.id, amount_text(t.amount), t.where);
    }
    using Key = std::tuple<std::string, std::string, int>;
    std::map<Key, const BudgetLine*> before;
    for (const BudgetLine& l : a.budget) before.emplace(Key{l.task, l.source, l.year}, &l);
    std::set<Key> seen;
    for (const BudgetLine& l : b.budget) {
      Key key{l.task, l.source, l.year};
      std::string subject = l.task + "/" + l.source + "/" + std::to_string(l.year);
      seen.insert(key);
      auto o = before.find(key);
      if (o == before.end()) {
        added("budget", subject, amount_text(l.amount), l.where);
        continue;
      }
      changed("budget", subject, "amount", amount_text(o->second->amount), amount_text(l.amount),
              o->second->amount_where, l.amount_where);
      changed("budget", subject, "category", o->second->category, l.category, o->second->where,
              l.where);
      changed("budget", subject, "decision", o->second->decision, l.decision, o->second->where,
              l.where);
    }
    for (const auto& [key, l] : before) {
      if (!seen.count(key)) {
        removed("budget", l->task + "/" + l->source + "/" + std::to_string(l->year),
                amount_text(l->amount), l->where);
      }
    }
  }

 private:
  // Amounts grouped as every other command prints them (200.000.000 in a Vietnamese plan).
  std::string amount_text(std::int64_t amount) const { return format_figure(amount, style_); }
  NumberStyle style_;
};

}  // namespace

std::string_view to_string(PlanChange::Kind kind) {
  switch (kind) {
    case PlanChange::Kind::kAdded:
      return "added";
    case PlanChange::Kind::kRemoved:
      return "removed";
    case PlanChange::Kind::kRenamed:
      return "renamed";
    case PlanChange::Kind::kChanged:
      break;
  }
  return "changed";
}

std::vector<PlanChange> diff_plans(const Plan& before, const Plan& after) {
  Differ d(number_style(after.info.locale));
  d.plan(before, after);
  d.stages(before, after);
  d.tasks(before, after);
  d.money(before, after);
  return std::move(d.out);
}

}  // namespace plantrack
