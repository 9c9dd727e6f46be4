#pragma once
/// What changed between two versions of a plan (an amendment, a year's revision): tasks added,
/// removed or renamed (`renamed_from`), their targets, years, due dates and dependencies; stages;
/// funding sources, declared totals and budget lines; the plan's own facts and amendments. Each
/// change carries where it is in both files.
///
/// Example:
///   for (const plantrack::PlanChange& c : plantrack::diff_plans(old_plan, new_plan))
///     std::cout << c.subject << " " << c.field << ": " << c.before << " -> " << c.after << "\n";
#include <string>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"

namespace plantrack {

struct PlanChange {
  enum class Kind { kAdded, kRemoved, kRenamed, kChanged };
  Kind kind = Kind::kChanged;
  std::string area;     ///< "plan", "amendment", "stage", "task", "funding", "total", "budget"
  std::string subject;  ///< the id: "posters", "quick-assessments/local-budget/2014"
  std::string field;    ///< what changed ("target", "years", ...); empty when added or removed
  std::string before, after;  ///< the values as text; empty when absent
  SourcePos old_at, new_at;   ///< where in the old and the new file (unknown when absent there)
};

PLANTRACK_API std::string_view to_string(PlanChange::Kind kind);

/// The changes from `before` to `after`, in plan order (plan, amendments, stages, tasks, funding,
/// totals, budget lines).
PLANTRACK_API std::vector<PlanChange> diff_plans(const Plan& before, const Plan& after);

}  // namespace plantrack
