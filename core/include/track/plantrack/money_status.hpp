#pragma once
/// Allocated, spent and remaining money, from the plan's funding and budget lines and the spending
/// recorded in the store (PlanStatus::spending).
///
/// Example:
///   plantrack::MoneyStatus m = plantrack::money_status(plan, status.spending);
///   for (const plantrack::MoneyRow& s : m.sources) std::cout << s.key << " " << s.remaining();
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/status.hpp"

namespace plantrack {

/// One row: what was allocated and what was spent. Sums saturate at the 64-bit limits (the
/// recording commands refuse amounts that would get there).
struct MoneyRow {
  std::string key;  ///< a source id, a task id, or "" for a year row
  int year = 0;     ///< 0 when the row is not about one year
  std::int64_t allocated = 0;
  std::int64_t spent = 0;
  std::int64_t remaining() const { return allocated - spent; }
};

/// One budget line (task, source, year) and what was spent on it; `line` is nullopt for spending
/// without a budget line.
struct MoneyLine {
  std::string task;
  std::string source;
  int year = 0;
  std::int64_t allocated = 0;
  std::int64_t spent = 0;
  std::optional<std::size_t> line;  ///< index into plan.budget
  std::int64_t remaining() const { return allocated - spent; }
};

struct MoneyStatus {
  std::vector<MoneyRow> sources;  ///< per [[funding]] source, plan order: its amount, spent
  std::vector<MoneyRow> years;    ///< per year: budget lines of that year, spent from that year
  std::vector<MoneyRow> tasks;    ///< per task with a budget line or spending, plan order
  std::vector<MoneyLine> lines;   ///< per (task, source, year), sorted so
  MoneyRow total;                 ///< every source's amount, everything spent
  bool any() const { return !lines.empty(); }
};

PLANTRACK_API MoneyStatus money_status(const Plan& plan, const std::vector<Spending>& spending);

/// The same for `period` (docs/tracking.md, "Periods"): the budget lines of the years it touches
/// (a half or a quarter carries its year's lines, as it carries its year's targets), a source's
/// allocation being the sum of its lines there, and the spending that falls in it (place_of its
/// date and budget year).
PLANTRACK_API MoneyStatus money_status(const Plan& plan, const std::vector<Spending>& spending,
                                       const Period& period);

}  // namespace plantrack
