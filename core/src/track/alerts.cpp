#include "plantrack/alerts.hpp"
#include "track/days.hpp"

#include <algorithm>
#include <cmath>

namespace plantrack {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long days_from_civil(Date d) {
  int y = d.year - (d.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  auto yoe = static_cast<unsigned>(y - era * 400);
  auto m = static_cast<unsigned>(d.month), day = static_cast<unsigned>(d.day);
  unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string progress_text(const Task& task, const TaskStatus& s) {
  return std::to_string(s.achieved) + " of " + std::to_string(task.target) + " " + task.unit;
}

// The straight line: where the task should be on `as_of`, or nullopt outside its span.
std::optional<double> expected(const Plan& plan, const Task& task, Date as_of) {
  std::vector<int> years = task.active_years();
  int first = years.empty() ? plan.info.period_start : years.front();
  int last = years.empty() ? plan.info.period_end : years.back();
  if (first == 0) return std::nullopt;
  Date start{first, 1, 1};
  Date end = task.due ? *task.due : Date{last, 12, 31};
  long span = days_between(start, end);
  long elapsed = days_between(start, as_of);
  if (span <= 0 || elapsed <= 0 || elapsed > span) return std::nullopt;
  return static_cast<double>(task.target) * static_cast<double>(elapsed) /
         static_cast<double>(span);
}

}  // namespace

sdk::Event make_event(const Plan& plan, sdk::EventType type, Date as_of, const std::string& key,
                      std::string message) {
  sdk::Event e;
  e.type = type;
  e.plan_id = plan.info.id;
  e.as_of = as_of;
  e.key = std::string(sdk::to_string(type)) + "/" + key;
  e.message = std::move(message);
  return e;
}

int days_between(Date a, Date b) {
  return static_cast<int>(days_from_civil(b) - days_from_civil(a));
}

std::vector<sdk::Event> alerts(const Plan& plan, const PlanStatus& status, Date as_of) {
  std::vector<sdk::Event> out;
  const Alerts& config = plan.alerts;
  for (const TaskStatus& s : status.tasks) {
    const Task& task = plan.tasks[s.task];
    bool open = s.state == TaskState::kNotStarted || s.state == TaskState::kInProgress;
    if (!open) continue;
    auto add = [&](sdk::EventType type, const std::string& key, std::string message) {
      sdk::Event e = make_event(plan, type, as_of, key, std::move(message));
      e.task = task.id;
      e.stage = task.stage;
      e.quantity = s.achieved;
      out.push_back(std::move(e));
    };
    if (task.due && *task.due < as_of) {
      add(sdk::EventType::kTaskOverdue, task.id,
          task.id + " is overdue: due " + task.due->to_string() + ", " + progress_text(task, s));
    } else if (task.due && days_between(as_of, *task.due) <= config.due_within_days) {
      add(sdk::EventType::kTaskDueSoon, task.id + "/" + task.due->to_string(),
          task.id + " is due in " + std::to_string(days_between(as_of, *task.due)) + " days (" +
              task.due->to_string() + "), " + progress_text(task, s));
    }
    std::optional<double> line = expected(plan, task, as_of);
    double floor = line ? *line * (100.0 - config.behind_pace_margin_percent) / 100.0 : 0;
    // Below the line by more than the margin, and by at least one whole unit: at 0 of 2 when the
    // line says 0.4, nothing is late yet.
    if (line && floor >= 1.0 && static_cast<double>(s.achieved) < floor) {
      char month[8];
      std::snprintf(month, sizeof month, "%04d-%02d", as_of.year, as_of.month);
      add(sdk::EventType::kTaskBehindPace, task.id + "/" + month,
          task.id + " is behind pace: " + progress_text(task, s) + ", about " +
              std::to_string(static_cast<long long>(std::floor(*line))) + " expected by " +
              as_of.to_string());
    }
  }
  for (const Date& due : config.report_due) {
    int days = days_between(as_of, due);
    if (days < 0 || days > config.due_within_days) continue;
    out.push_back(make_event(
        plan, sdk::EventType::kReportDue, as_of, due.to_string(),
        "the report is due in " + std::to_string(days) + " days (" + due.to_string() + ")"));
  }
  for (const StageStatus& s : status.stages) {
    if (!s.rollup.complete) continue;
    out.push_back(stage_completed(plan, plan.stages[s.stage], as_of));
  }
  return out;
}

sdk::Event stage_completed(const Plan& plan, const Stage& stage, Date as_of) {
  sdk::Event e = make_event(plan, sdk::EventType::kStageCompleted, as_of, stage.id,
                            "stage " + stage.id + " completed");
  e.stage = stage.id;
  return e;
}

}  // namespace plantrack
