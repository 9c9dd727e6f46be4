#pragma once
/// What `plantrack check` warns of as of a date, as events for notifiers: tasks overdue, due soon,
/// behind pace; reports due soon; stages complete. Each has a stable key, so a daily run that
/// remembers what it sent (EventStore::delivered) never sends the same one twice.
///
/// Example:
///   for (const plantrack::DomainEvent& e : plantrack::alerts(plan, status, today)) notify(e);
#include <optional>
#include <string>
#include <vector>

#include "plantrack/domain_event.hpp"
#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/status.hpp"

namespace plantrack {

/// An event of `type` for the plan, keyed "<type>/<key>" (e.g. "task-completed/posters").
PLANTRACK_API DomainEvent make_event(const Plan& plan, DomainEventType type, Date as_of,
                                     const std::string& key, std::string message);

/// - task-overdue: an open task (not started or in progress) past its deadline (Task::deadline:
///   its due date, else the end of its last planned year, else of the programme);
/// - task-due-soon: an open task due within `alerts.due_within_days`;
/// - task-behind-pace: an open task whose achieved count is below the straight line from the start
///   of its first year to its due date (or the end of its last year) by at least one unit and by
///   more than `alerts.behind_pace_margin_percent` of that line; the message gives the line with
///   one decimal ("7,8 expected"); keyed by month, so at most once a month;
/// - report-due: a date of `alerts.report_due` within `alerts.due_within_days`;
/// - stage-completed: every stage whose tasks are all done or cancelled.
PLANTRACK_API std::vector<DomainEvent> alerts(const Plan& plan, const PlanStatus& status,
                                              Date as_of);

/// When a task should have been finished, in words: "due 2014-12-31", or for a task without a
/// `due`, "planned to finish in 2018" (Task::deadline). What status, why and the alerts print.
PLANTRACK_API std::string deadline_text(const Plan& plan, const Task& task);

/// How many days after its deadline (Task::deadline) a done task was finished (TaskStatus::
/// done_on); nullopt when it was on time or is not done. What "done late" in status, why and the
/// report (section 2.4) counts.
PLANTRACK_API std::optional<int> days_late(const Plan& plan, const TaskStatus& status);

/// "stage-completed/<stage>": the one event for a completed stage, whether a write completed it
/// (Tracker::append) or `check` finds it complete, so that the notifiers' memory sees one key.
PLANTRACK_API DomainEvent stage_completed(const Plan& plan, const Stage& stage, Date as_of);

}  // namespace plantrack
