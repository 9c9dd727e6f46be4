#include "plantrack/money_status.hpp"

#include <limits>
#include <map>
#include <tuple>

namespace plantrack {
namespace {

// Saturating: a sum past the range stays at the limit (recording refuses such amounts).
void add(std::int64_t& to, std::int64_t amount) {
  if (__builtin_add_overflow(to, amount, &to)) {
    to = amount > 0 ? std::numeric_limits<std::int64_t>::max()
                    : std::numeric_limits<std::int64_t>::min();
  }
}

// Both public forms: the programme's money, or a period's.
MoneyStatus tabulate(const Plan& plan, const std::vector<Spending>& spending,
                     const std::optional<Period>& period) {
  MoneyStatus out;
  using Key = std::tuple<std::string, std::string, int>;  // task, source, year
  std::map<Key, MoneyLine> lines;
  for (std::size_t i = 0; i < plan.budget.size(); ++i) {
    const BudgetLine& b = plan.budget[i];
    if (period && !period->touches(b.year)) continue;
    MoneyLine& line = lines[Key{b.task, b.source, b.year}];
    line.task = b.task;
    line.source = b.source;
    line.year = b.year;
    add(line.allocated, b.amount);
    line.line = i;
  }
  for (const Spending& s : spending) {
    if (period && !period->contains(place_of(s.date, s.year))) continue;
    MoneyLine& line = lines[Key{s.task, s.source, s.year}];
    line.task = s.task;
    line.source = s.source;
    line.year = s.year;
    add(line.spent, s.amount);
  }
  std::map<std::string, MoneyRow> by_source, by_task;
  std::map<int, MoneyRow> by_year;
  for (auto& [key, line] : lines) {
    for (MoneyRow* row : {&by_source[line.source], &by_task[line.task], &by_year[line.year]}) {
      add(row->spent, line.spent);
    }
    if (period) add(by_source[line.source].allocated, line.allocated);
    add(by_task[line.task].allocated, line.allocated);
    add(by_year[line.year].allocated, line.allocated);
    out.lines.push_back(std::move(line));
  }
  for (const Funding& f : plan.funding) {
    MoneyRow row = by_source[f.id];
    row.key = f.id;
    // A period's allocation is what its budget lines give; the programme's, the source's amount.
    if (!period) row.allocated = f.amount;
    add(out.total.allocated, row.allocated);
    add(out.total.spent, row.spent);
    out.sources.push_back(row);
    by_source.erase(f.id);
  }
  for (auto& [id, row] : by_source) {  // spending from a source the plan no longer has
    row.key = id;
    add(out.total.spent, row.spent);
    out.sources.push_back(row);
  }
  for (auto& [year, row] : by_year) {
    row.year = year;
    out.years.push_back(row);
  }
  for (const Task& t : plan.tasks) {
    auto it = by_task.find(t.id);
    if (it == by_task.end()) continue;
    it->second.key = t.id;
    out.tasks.push_back(it->second);
    by_task.erase(it);
  }
  for (auto& [id, row] : by_task) {
    row.key = id;
    out.tasks.push_back(row);
  }
  return out;
}

}  // namespace

MoneyStatus money_status(const Plan& plan, const std::vector<Spending>& spending) {
  return tabulate(plan, spending, std::nullopt);
}

MoneyStatus money_status(const Plan& plan, const std::vector<Spending>& spending,
                         const Period& period) {
  return tabulate(plan, spending, period);
}

}  // namespace plantrack
