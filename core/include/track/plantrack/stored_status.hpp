#pragma once
/// Status read from a progress store: from the task summaries the store keeps where they are up
/// to date (one row per task), from the events otherwise. What every command that shows status
/// uses; see docs/tracking.md ("How status is read").
///
/// Example:
///   plantrack::PlanIndex index(plan);
///   plantrack::EventStore store = plantrack::EventStore::open(path, EventStore::Mode::kReadWrite);
///   store.append(plan.info.id, revision, now, events, plantrack::summary_fold(plan, index));
///   plantrack::PlanStatus s = plantrack::status_from_store(plan, index, store, today);
#include <memory>
#include <string>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/status.hpp"
#include "plantrack/store.hpp"

namespace plantrack {

/// The status of `scope` (as of a date; of a period too, when it has one). With `tasks` non-empty,
/// only those task ids' events are read (other tasks show nothing recorded). Without `readiness`,
/// no blockers and no roll-ups (enough to check records). Throws StoreError.
PLANTRACK_API PlanStatus status_from_store(const Plan& plan, const PlanIndex& index,
                                           const EventStore& store, const StatusScope& scope,
                                           bool readiness = true,
                                           const std::vector<std::string>& tasks = {},
                                           const DependencyGraph* graph = nullptr,
                                           bool spending = true);

/// The builder status_from_store finishes, with what the store holds as of `as_of` (of `tasks`
/// only when not empty) added: for a caller that adds more events and finishes again. `plan` and
/// `index` must outlive it. Without `spending`, the payments are not read (PlanStatus::spending
/// stays empty: a command that needs no money). Throws StoreError.
PLANTRACK_API std::unique_ptr<StatusBuilder> status_builder_from_store(
    const Plan& plan, const PlanIndex& index, const EventStore& store, const StatusScope& scope,
    const std::vector<std::string>& tasks = {}, bool spending = true);

/// What EventStore::append needs to keep the summaries up to date (fold_summary over this plan).
/// `plan` and `index` must outlive the returned function.
PLANTRACK_API EventStore::SummaryFold summary_fold(const Plan& plan, const PlanIndex& index);

}  // namespace plantrack
