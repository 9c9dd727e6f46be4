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
/// A task; its status (achieved to the status's date, state, readiness, blockers with their
/// reasons...) when `status` is given, with its figures in the status's period ("period", null
/// without one).
Json task_json(const Plan& plan, std::size_t task, const PlanStatus* status);
/// A stage and its roll-up (no tasks).
Json stage_json(const Plan& plan, const StageStatus& stage);
/// Allocated, spent and remaining per source, year, task and budget line, and every payment.
/// The programme's money to the status's date, or (`in_period`) the status's period's: null when
/// it has none.
Json money_json(const Plan& plan, const PlanStatus* status, bool in_period = false);
/// {"period": "2018-Q2", "first", "last"}, or null.
Json period_json(const std::optional<Period>& period);
/// Which log the figures were read from: {"known_at": time or null, "log": {"event",
/// "recorded_at"} or null}, merged into a document.
void log_json(Json& doc, const PlanStatus& status);
/// A funding finding; `plugin` and `file` when known.
Json finding_json(const sdk::Finding& finding, const std::string& plugin, const std::string& file);

}  // namespace plantrack::json
