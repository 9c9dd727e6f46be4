#pragma once
// The pieces every JSON document of plantrack is built from (status_json.cpp, report_json.cpp):
// one shape each for a task, a roll-up, a stage, the money, a funding finding. docs/json.md.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>

#include "plantrack/plan.hpp"
#include "plantrack/sdk/boundary.hpp"
#include "plantrack/status.hpp"

namespace plantrack::json {

using Json = nlohmann::ordered_json;

/// The document as printed: indented by 2, invalid UTF-8 replaced, C1 and bidi controls escaped,
/// a final newline.
std::string text(const Json& json);

Json plan_json(const Plan& plan);
Json rollup_json(const Rollup& rollup);
/// A task; its status (achieved, state, readiness, blockers with their reasons...) when `status`
/// is given. `achieved` is over the document's years: `years_achieved` when given (a report for
/// some years), else every year (then it equals `achieved_total`).
Json task_json(const Plan& plan, std::size_t task, const PlanStatus* status,
               std::optional<std::int64_t> years_achieved = std::nullopt);
/// A stage and its roll-up (no tasks).
Json stage_json(const Plan& plan, const StageStatus& stage);
/// Allocated, spent and remaining per source, year, task and budget line, and every payment.
Json money_json(const Plan& plan, const PlanStatus* status);
/// A funding finding; `plugin` and `file` when known.
Json finding_json(const sdk::Finding& finding, const std::string& plugin, const std::string& file);

}  // namespace plantrack::json
