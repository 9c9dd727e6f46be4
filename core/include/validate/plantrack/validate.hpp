#pragma once
/// The plan checks (ids, references, cycles, targets, amounts, warnings) on a built model:
/// what `load_plan_file` runs after reading, and what a plan built in code (what-if, year plans)
/// runs alone.
///
/// Example:
///   plantrack::DiagnosticSink sink("plan.toml");
///   plantrack::check_plan(plan, sink);
///   if (sink.error_count() > 0) ...
#include "plantrack/diagnostic.hpp"
#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"

namespace plantrack {

PLANTRACK_API void check_plan(const Plan& plan, DiagnosticSink& sink);

}  // namespace plantrack
