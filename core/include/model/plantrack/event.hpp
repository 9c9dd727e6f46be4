#pragma once
/// Events: the append-only log that is the truth about progress. Status is derived from it.
///
/// Corrections are new events (a `revert` names the event it cancels); nothing is updated in place.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"

namespace plantrack {

enum class EventKind {
  kProgress,
  kStart,
  kComplete,
  kBlock,
  kUnblock,
  kCancel,
  kReopen,
  kNote,
  kRevert,
  kSpend  ///< money paid out of a funding source for a task
};

/// "progress", "start", "complete", ... as stored and printed.
PLANTRACK_API std::string_view to_string(EventKind kind);
PLANTRACK_API std::optional<EventKind> event_kind_from(std::string_view text);

/// An event to append. `quantity` is set for progress only; `reverts` for revert only; `source`,
/// `amount`, `cost` and `participant` for spend only (`year` is the budget year paid from).
struct NewEvent {
  std::string task;
  EventKind kind = EventKind::kProgress;
  std::optional<std::int64_t> quantity;
  std::optional<int> year;
  Date effective;
  std::string actor;
  std::string note;
  std::string evidence;
  std::optional<std::int64_t> reverts;
  std::string source;                  ///< a [[funding]] id
  std::optional<std::int64_t> amount;  ///< paid, in the plan's currency
  std::optional<std::int64_t> cost;    ///< the total cost it supports (e.g. consultancy)
  std::string participant;             ///< who was paid or supported (an establishment)
};

/// What status needs of a stored event: no free text. `task` is valid only during a scan callback.
struct EventFact {
  std::int64_t id = 0;
  std::string_view task;
  EventKind kind = EventKind::kProgress;
  std::optional<std::int64_t> quantity;
  std::optional<int> year;
  Date effective;
  std::optional<std::int64_t> reverts;
  std::string_view note;  ///< only for block events (the reason)
};

/// A stored event.
struct Event : NewEvent {
  std::int64_t id = 0;
  std::string plan_id;
  std::string recorded_at;    ///< UTC, ISO 8601 ("2014-10-24T08:30:00Z")
  std::string plan_revision;  ///< SHA-256 of the plan file the event was recorded against
};

}  // namespace plantrack
