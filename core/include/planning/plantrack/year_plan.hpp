#pragma once
/// Year plans: the plan for one year of a programme, as a plan file. Each task's target for the
/// year is what the programme plans for that year plus what is unfinished from earlier years
/// (carry-over, unless the task says `carry_over = false`), capped at what is left of its target;
/// tasks finished earlier are left out; dependencies already satisfied are written as comments;
/// the year's budget lines are kept. The file references its programme (`programme = { file,
/// id }`), so progress recorded with it goes to the programme's log and counts toward it.
///
/// Example:
///   PlanStatus before = status_from_store(plan, index, store, Date{2013, 12, 31});
///   auto tasks = plantrack::year_tasks(plan, before, 2014);
///   std::string toml = plantrack::year_plan_toml(plan, tasks, "programme.toml", revision, before,
///                                                2014);
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/diagnostic.hpp"
#include "plantrack/export.hpp"
#include "plantrack/load.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/status.hpp"

namespace plantrack {

/// What every year plan says near its start: an existing file carrying it is an earlier year plan,
/// which `plan-year -o` may replace.
inline constexpr const char* kYearPlanMarker = "Made by `plantrack plan-year`";

/// What the programme plans for a task in `year`: Task::target_in(year), 0 where it has none.
PLANTRACK_API std::int64_t planned_in_year(const Task& task, int year);

/// One task's line of the year plan.
struct YearTask {
  std::size_t task = 0;             ///< index into the programme's tasks
  std::int64_t planned = 0;         ///< planned_in_year
  std::int64_t planned_before = 0;  ///< planned in the years before
  std::int64_t done_before = 0;     ///< achieved by the end of the year before
  std::int64_t carried = 0;         ///< max(0, planned_before - done_before), when carried over
  std::int64_t target = 0;          ///< the year's target
};

/// The year's tasks, in plan order; `before` is the programme's status at the end of the year
/// before.
PLANTRACK_API std::vector<YearTask> year_tasks(const Plan& programme, const PlanStatus& before,
                                               int year);

/// The year plan as TOML (a valid plan file, the same text for the same inputs), with `tasks`
/// from year_tasks(programme, before, year). `programme_file` is how the year plan refers to the
/// programme (relative to where it is written).
PLANTRACK_API std::string year_plan_toml(const Plan& programme, const std::vector<YearTask>& tasks,
                                         const std::string& programme_file,
                                         const std::string& revision, const PlanStatus& before,
                                         int year);

/// A year plan's programme, checked: where `programme.file` points (relative to the year plan's
/// folder), and what is wrong with it, at the year plan's `programme` line: it is not found or
/// not a regular file, it is not a valid plan, it is itself a year plan, or its id is not
/// `programme.id`. Without this check a year plan would record into a store its programme
/// never reads, or start a store beside any file. `load` reads a plan (load_plan_file, or the
/// cached loader).
struct ProgrammeCheck {
  std::string path;  ///< the programme's file, as found from the current folder
  std::optional<Diagnostic> problem;
};
PLANTRACK_API ProgrammeCheck
check_programme(const Plan& year_plan, const std::string& year_plan_file,
                const std::function<LoadResult(const std::string&)>& load);

}  // namespace plantrack
