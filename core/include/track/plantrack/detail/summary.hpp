#pragma once
// The per-task summary byte protocol between the status and the store's fold: internal (not
// installed); the store calls it through StoredStatusInputs (stored_status.hpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/event.hpp"
#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/plan_index.hpp"

namespace plantrack {

/// What status keeps per task id in the store, folded in as events are appended, so that status
/// reads one row per task instead of every event. Continues `previous` (the summary before
/// `events`), or starts from nothing when `previous` is nullopt: then `events` must be all of the
/// id's events, reverts included. `events` oldest first. Returns nullopt when `previous` cannot be
/// continued (a revert among `events`, another `counting`, damaged bytes): fold all events again.
PLANTRACK_API std::optional<std::string> fold_summary(const Plan& plan, const PlanIndex& index,
                                                      std::string_view task,
                                                      std::optional<std::string_view> previous,
                                                      const std::vector<EventFact>& events);

}  // namespace plantrack
