#pragma once
/// Status derived from a plan and its event log, as of a date.
///
/// Per task: target, achieved (total and per year), percent, state, readiness with reasons,
/// overdue. Per stage and plan: counts by state and a completion percent, the mean over tasks that
/// are not cancelled of min(achieved / target, 1); a stage is complete when all its tasks are done
/// or cancelled. Events of tasks no longer in the plan are kept as orphans, never dropped.
///
/// Example:
///   plantrack::PlanStatus s = plantrack::derive_status(plan, store.events(plan.info.id), today);
///   for (const plantrack::TaskStatus& t : s.tasks) if (t.ready) std::cout <<
///   plan.tasks[t.task].id;
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plantrack/event.hpp"
#include "plantrack/export.hpp"
#include "plantrack/graph.hpp"
#include "plantrack/period.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/plan_index.hpp"

namespace plantrack {

enum class TaskState { kNotStarted, kInProgress, kDone, kCancelled };
PLANTRACK_API std::string_view to_string(TaskState state);

struct YearQuantity {
  int year = 0;
  std::int64_t quantity = 0;
};

/// A task's figures in the status's period (PlanStatus::period).
struct PeriodFigures {
  std::optional<std::int64_t> target;  ///< Task::target_in(period); nullopt: not run in it
  /// Increment: what was done in the period; cumulative: where the total stood at its end.
  std::int64_t achieved = 0;
  double percent = 0;  ///< achieved / target * 100; 100 for a target of 0; 0 without a target
  bool operator==(const PeriodFigures&) const = default;
};

struct TaskStatus {
  std::size_t task = 0;  ///< index into plan.tasks
  std::int64_t achieved = 0;
  std::vector<YearQuantity> by_year;  ///< sorted by year
  double percent = 0;                 ///< achieved / target * 100 (may exceed 100)
  TaskState state = TaskState::kNotStarted;
  bool ready = false;                          ///< can start or continue now
  std::vector<Blocker> blockers;               ///< unmet dependencies
  std::optional<std::string> blocked_by_hand;  ///< reason of a `block` not yet lifted
  bool overdue = false;
  /// When a done task became done: the date of its `complete`, or the date its target was
  /// reached (the latest date among the records counted by then). Unset for a task not done, and
  /// for an increment task of a year plan (counted on its year only). See days_late().
  std::optional<Date> done_on;
  std::optional<Date> last_activity;
  std::optional<PeriodFigures> period;  ///< set when the status is of a period
  PLANTRACK_API std::int64_t achieved_in(int year) const;
};

struct Rollup {
  std::size_t not_started = 0, in_progress = 0, done = 0, cancelled = 0;
  double percent = 0;
  bool complete = false;  ///< every task done or cancelled (and at least one task)
};

struct StageStatus {
  std::size_t stage = 0;  ///< index into plan.stages
  Rollup rollup;          ///< of the period's figures when the status is of a period
  Rollup to_date;         ///< of the programme's figures, to the status's date
};

/// Events naming a task id the plan no longer has.
struct Orphan {
  std::string task;
  std::size_t events = 0;
};

/// Money paid out for a task (a `spend` event that is not reverted).
struct Spending {
  std::int64_t event = 0;  ///< the event id
  std::string task;        ///< the task's current id (its id when paid, if the plan lost it)
  std::string source;      ///< a [[funding]] id
  int year = 0;            ///< the budget year it was paid from
  std::int64_t amount = 0;
  std::optional<std::int64_t> cost;  ///< the total cost it supports, when recorded
  std::string participant;           ///< who was paid or supported, when recorded
  Date date;                         ///< when it was paid
  std::string note;
};

/// What a status is asked for: the date it is as of (events dated later are not counted) and,
/// for a period view, the period whose figures each task shows beside its figures to that date.
/// The date may be after the period: a record for 2018 entered on 2019-01-15 counts in 2018
/// (place_of) once the status is as of that day. With `known_at` (RFC 3339 UTC, as events'
/// `recorded_at`), events recorded after it are not counted either: the figures as the store knew
/// them then (`--known-at`, docs/tracking.md "Reports as they were sent").
struct StatusScope {
  StatusScope(Date date) : as_of(date) {}  // NOLINT: implicit, a date alone is a scope
  StatusScope(Date date, std::optional<Period> p, std::string known = {})
      : as_of(date), period(p), known_at(std::move(known)) {}
  Date as_of;
  std::optional<Period> period;
  std::string known_at;  ///< empty: every event recorded so far
};

struct PlanStatus {
  Date as_of;
  std::optional<Period> period;  ///< the period the figures are of, when one was asked
  std::string known_at;          ///< StatusScope::known_at: empty when not asked
  /// The last event of the log the figures were read from (recorded at or before `known_at`):
  /// its id (0: none, or a status not read from a store) and when it was recorded. A report
  /// names it, so that one regenerated with `--known-at` says the same.
  std::int64_t log_event = 0;
  std::string log_recorded_at;
  std::vector<TaskStatus> tasks;  ///< indexed like plan.tasks
  std::vector<StageStatus> stages;
  /// Over the period's tasks (those with a target in it) when the status is of a period: a task
  /// counts by its share min(achieved / target, 1) in the period, or 1 when done by then.
  Rollup plan;
  Rollup to_date;  ///< the programme's roll-up to `as_of` (the same as `plan` without a period)
  std::vector<Orphan> orphans;
  std::vector<Spending> spending;  ///< dated on or before `as_of`, oldest first
};

/// Every task `task` waits for, directly or not: the unmet dependencies of `task`, theirs, and so
/// on, each once, nearest first (breadth first, plan order within a level). Iterative, so a
/// 100k-task chain costs 100k steps and no stack. Needs a status built with readiness.
PLANTRACK_API std::vector<std::size_t> waiting_on(const PlanStatus& status, std::size_t task);

/// Events dated after `as_of` are ignored; reverted events are ignored.
PLANTRACK_API PlanStatus derive_status(const Plan& plan, const std::vector<Event>& events,
                                       Date as_of);
/// The same for a scope (a period's figures too).
PLANTRACK_API PlanStatus derive_status(const Plan& plan, const std::vector<Event>& events,
                                       const StatusScope& scope);

/// The same, fed one event at a time so a million events need not be held at once. Each task's
/// events must come oldest first; tasks may interleave (the store sends them task by task).
class PLANTRACK_API StatusBuilder {
 public:
  StatusBuilder(const Plan& plan, Date as_of);
  /// The same with an index of the plan the caller already has (it must outlive the builder).
  StatusBuilder(const Plan& plan, const PlanIndex& index, Date as_of);
  /// A status of `scope`: with a period, each task's figures in it too (TaskStatus::period).
  StatusBuilder(const Plan& plan, const PlanIndex& index, const StatusScope& scope);
  ~StatusBuilder();
  StatusBuilder(const StatusBuilder&) = delete;
  StatusBuilder& operator=(const StatusBuilder&) = delete;
  /// Call for every revert event before add(): the event it names is then ignored.
  void revert(std::int64_t reverted_id, Date effective);
  void add(const EventFact& event);
  /// The last event of the log the status is read from (PlanStatus::log_event).
  void log(std::int64_t event, std::string recorded_at);
  /// A spend event (with its source, amount, ...); ignored when reverted or after the as-of date.
  void add_spending(const Event& event);
  /// Starts from the per-task summaries the store keeps (task id, bytes from fold_summary) instead
  /// of every event. Returns the task ids whose summary cannot be used (dated after the as-of
  /// date, folded with another `counting`, damaged, or one of several ids of a renamed task; every
  /// id for a period that does not start and end with a month, which needs the events' days):
  /// scan those ids' events and add() them (after revert()).
  std::vector<std::string> add_summaries(
      const std::vector<std::pair<std::string, std::string>>& summaries);
  /// The status. Without `readiness`, blockers, `ready` and the roll-ups are left empty: enough to
  /// check a record, and much cheaper on a large plan. `graph`: the plan's dependency graph when
  /// the caller keeps one (else it is built). The builder stays usable: more events can be added
  /// and the status finished again (the status after a write, from the one before it).
  PlanStatus finish(bool readiness = true, const DependencyGraph* graph = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plantrack
