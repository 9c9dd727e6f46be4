#include "plantrack/alerts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "plantrack/i18n.hpp"
#include "plantrack/money.hpp"

namespace plantrack {
namespace {

// The straight line: where the task should be on `as_of`, or nullopt outside its span.
std::optional<double> expected(const Plan& plan, const Task& task, Date as_of) {
  std::vector<int> years = task.active_years();
  int first = years.empty() ? plan.info.period_start : years.front();
  int last = years.empty() ? plan.info.period_end : years.back();
  if (first == 0) return std::nullopt;
  Date start{first, 1, 1};
  Date end = task.due ? *task.due : Date{last, 12, 31};
  long span = start.days_until(end);
  long elapsed = start.days_until(as_of);
  if (span <= 0 || elapsed <= 0 || elapsed > span) return std::nullopt;
  return static_cast<double>(task.target) * static_cast<double>(elapsed) /
         static_cast<double>(span);
}

// An expected figure with one decimal, as the plan's locale writes it: "7,8" (vi), "7.8".
std::string one_decimal(const Plan& plan, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string out = buffer;
  if (number_style(plan.info.locale) == NumberStyle::kVietnamese) {
    std::replace(out.begin(), out.end(), '.', ',');
  }
  return out;
}

}  // namespace

std::string deadline_text(const Plan& plan, const Task& task) {
  if (task.due) return "due " + task.due->to_string();
  return "planned to finish in " + std::to_string(task.deadline(plan.info).year());
}

std::optional<int> days_late(const Plan& plan, const TaskStatus& status) {
  if (status.state != TaskState::kDone || !status.done_on) return std::nullopt;
  int late = plan.tasks[status.task].deadline(plan.info).days_until(*status.done_on);
  if (late <= 0) return std::nullopt;
  return late;
}

DomainEvent make_event(const Plan& plan, DomainEventType type, Date as_of, const std::string& key,
                       std::string message) {
  DomainEvent e;
  e.type = type;
  e.plan_id = plan.info.id;
  e.as_of = as_of;
  e.key = std::string(to_string(type)) + "/" + key;
  e.message = std::move(message);
  return e;
}

std::vector<DomainEvent> alerts(const Plan& plan, const PlanStatus& status, Date as_of) {
  std::vector<DomainEvent> out;
  const Alerts& config = plan.alerts;
  for (const TaskStatus& s : status.tasks) {
    const Task& task = plan.tasks[s.task];
    bool open = s.state == TaskState::kNotStarted || s.state == TaskState::kInProgress;
    if (!open) continue;
    auto add = [&](DomainEventType type, const std::string& key, std::string message) {
      DomainEvent e = make_event(plan, type, as_of, key, std::move(message));
      e.task = task.id;
      e.stage = task.stage;
      e.quantity = s.achieved;
      out.push_back(std::move(e));
    };
    if (s.overdue) {
      add(DomainEventType::kTaskOverdue, task.id,
          task.due ? tr("{task} is overdue: due {due}, {achieved} of {target} {unit}",
                        {{"task", task.id},
                         {"due", task.due->to_string()},
                         {"achieved", s.achieved},
                         {"target", task.target},
                         {"unit", task.unit}})
                   : tr("{task} is overdue: planned to finish in {year}, {achieved} of {target} "
                        "{unit}",
                        {{"task", task.id},
                         {"year", task.deadline(plan.info).year()},
                         {"achieved", s.achieved},
                         {"target", task.target},
                         {"unit", task.unit}}));
    } else if (task.due && as_of.days_until(*task.due) <= config.due_within_days) {
      add(DomainEventType::kTaskDueSoon, task.id + "/" + task.due->to_string(),
          tr("{task} is due in {days} days ({due}), {achieved} of {target} {unit}",
             {{"task", task.id},
              {"days", as_of.days_until(*task.due)},
              {"due", task.due->to_string()},
              {"achieved", s.achieved},
              {"target", task.target},
              {"unit", task.unit}}));
    }
    std::optional<double> line = expected(plan, task, as_of);
    // Behind by at least one whole unit and by more than the margin's share of the line
    // (docs/plan-format.md): at 7 of 10 when the line says 7.8, nothing is late yet.
    double shortfall = line ? *line - static_cast<double>(s.achieved) : 0;
    if (line && shortfall >= 1.0 && shortfall > *line * config.behind_pace_margin_percent / 100.0) {
      char month[16];  // room for any int the compiler cannot rule out
      std::snprintf(month, sizeof month, "%04d-%02d", as_of.year(), as_of.month());
      add(DomainEventType::kTaskBehindPace, task.id + "/" + month,
          tr("{task} is behind pace: {achieved} of {target} {unit}, {expected} expected by {date}",
             {{"task", task.id},
              {"achieved", s.achieved},
              {"target", task.target},
              {"unit", task.unit},
              {"expected", one_decimal(plan, *line)},
              {"date", as_of.to_string()}}));
    }
  }
  for (const Date& due : config.report_due) {
    int days = as_of.days_until(due);
    if (days < 0 || days > config.due_within_days) continue;
    out.push_back(make_event(plan, DomainEventType::kReportDue, as_of, due.to_string(),
                             tr("the report is due in {days} days ({due})",
                                {{"days", days}, {"due", due.to_string()}})));
  }
  for (const StageStatus& s : status.stages) {
    if (!s.rollup.complete) continue;
    out.push_back(stage_completed(plan, plan.stages[s.stage], as_of));
  }
  return out;
}

DomainEvent stage_completed(const Plan& plan, const Stage& stage, Date as_of) {
  DomainEvent e = make_event(plan, DomainEventType::kStageCompleted, as_of, stage.id,
                             tr("stage {stage} completed", {{"stage", stage.id}}));
  e.stage = stage.id;
  return e;
}

}  // namespace plantrack
