#pragma once
/// What-if changes: a small TOML file of changes applied to a copy of a plan in memory (nothing is
/// written), so that status, readiness, alerts and funding findings can be compared before and
/// after. Format (docs/planning.md):
///
///   [[slip]]                 # a task slips: its years, per-year targets and due date move
///   task = "pilot-models"
///   years = 1
///
///   [[cut]]                  # a source is cut by a percent (declared totals follow)
///   source = "central-budget"
///   percent = 20
///
///   [[target]]               # a task's target changes
///   task = "posters"
///   target = 4000
///
/// Example:
///   DiagnosticSink sink("changes.toml");
///   auto changed = plantrack::apply_what_if(plan, source, sink, described);
#include <optional>
#include <string>
#include <vector>

#include "plantrack/diagnostic.hpp"
#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"

namespace plantrack {

/// The plan with the changes applied, or nullopt after reporting problems (unknown task or
/// source with "did you mean", wrong types, a percent outside 0-100) to `sink` at the file's
/// lines. `described` gets one line per change applied, in the file's order.
PLANTRACK_API std::optional<Plan> apply_what_if(const Plan& plan, const SourceText& changes,
                                                DiagnosticSink& sink,
                                                std::vector<std::string>& described);

}  // namespace plantrack
