#pragma once
/// The JSON plantrack prints, built in one place: `status`, `next`, `why`, `history`, `check`,
/// `status --what-if` and `diff` with `--format json`; the JSON report (report::build_json in
/// plantrack/sdk/report.hpp) is built from the same pieces. Every front end (the CLI, next the
/// server, whose API returns "the same JSON as `status --format json`") prints what these return,
/// so a task, a stage's roll-up, the money or a funding finding has one shape wherever it appears.
/// The shapes are documented in docs/json.md.
///
/// Each function returns the document as text, ready to print: indented by 2, invalid UTF-8
/// replaced, C1 controls and bidi overrides escaped as \uXXXX (the same values, still valid JSON,
/// harmless on a terminal), with a final newline. Text rather than a JSON value so that the JSON
/// library stays out of the public headers: an embedder or a plugin built against another version
/// of it cannot mismatch the core's.
///
/// Example:
///   auto tracker = plantrack::Tracker::open("plan.toml", {});
///   std::cout << plantrack::status_json(tracker->plan(), tracker->index(), tracker->status());
#include <cstddef>
#include <string>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/plan_diff.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/status.hpp"
#include "plantrack/tracker.hpp"

namespace plantrack {

/// `status --format json`: the plan, the as-of date, the plan's roll-up, each stage with its
/// roll-up and tasks, orphaned events and the money. `stage` not empty: that stage only.
PLANTRACK_API std::string status_json(const Plan& plan, const PlanIndex& index,
                                      const PlanStatus& status, const std::string& stage = {});
/// `next --format json`: the ready tasks, in dependency order.
PLANTRACK_API std::string next_json(const Plan& plan, const NextTasks& next);
/// `why --format json`: the task, its first unmet dependencies with their reasons, and the chain
/// it waits for (the first and last few of a long one).
PLANTRACK_API std::string why_json(const Plan& plan, const WhyTask& why);
/// `history --format json`: the events, newest first, with which revert undid which.
PLANTRACK_API std::string history_json(const History& history);
/// `check --format json`: findings (at `plan_file`'s lines), alerts and what was sent.
PLANTRACK_API std::string check_json(const CheckResult& check, const std::string& plan_file,
                                     Date as_of);
/// `status --what-if --format json`: the changes, the plan's percent before and after, the tasks
/// that change, the alerts and findings that appear or go.
PLANTRACK_API std::string what_if_json(const WhatIfResult& what_if, Date as_of);

/// `diff --format json`: `{old, new, changes[]}`, each change with its kind, area, subject, field,
/// before and after, and its place in each file (`old`, `new`: {line, column} or null).
PLANTRACK_API std::string diff_json(const std::vector<PlanChange>& changes,
                                    const std::string& old_path, const std::string& new_path);

/// Why a task waits for another, in words ("waits for \"x\" to be done"): what `status` and `why`
/// print and what their JSON carries as a blocker's `reason`.
PLANTRACK_API std::string blocker_text(const Plan& plan, const Blocker& blocker);

/// What `why` shows, in text and JSON alike: a chain of unmet dependencies once, flat and
/// shortened (a 100k-task chain shows its first and last few, with a count of those left out),
/// and at most a few unmet dependencies of each task.
inline constexpr std::size_t kWhyChainHead = 10, kWhyChainTail = 10;
inline constexpr std::size_t kWhyShownBlockers = 10;
/// Whether the task at `position` of a chain of `count` is shown: all of a short chain, the
/// first and the last few of a long one.
constexpr bool why_shows(std::size_t position, std::size_t count) {
  return count <= kWhyChainHead + kWhyChainTail || position < kWhyChainHead ||
         position >= count - kWhyChainTail;
}

/// A task whose state, readiness or lateness a what-if changes, in words
/// ("in progress, 5 (50%), ready").
struct WhatIfTaskChange {
  std::string id, before, after;
};
/// The tasks `what_if` changes, in plan order: what `status --what-if` prints, in text and JSON.
PLANTRACK_API std::vector<WhatIfTaskChange> what_if_task_changes(const WhatIfResult& what_if);

}  // namespace plantrack
