#include "domain_events.hpp"

#include <string>
#include <utility>

#include "plantrack/alerts.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/tracker.hpp"

namespace plantrack {

sdk::Event plan_validated(const Plan& plan, std::string message, Date as_of) {
  return make_event(plan, sdk::EventType::kPlanValidated, as_of, plan.info.id, std::move(message));
}

std::vector<PluginFailure> notify_validated(PluginHost& host, const Plan& plan, std::string summary,
                                            Date as_of) {
  return host.notify(plan_validated(plan, std::move(summary), as_of), sdk::View{plan, nullptr});
}

std::vector<sdk::Event> domain_events(const Plan& plan, const std::vector<Event>& appended,
                                      const PlanStatus& before, const PlanStatus& after) {
  std::vector<sdk::Event> out;
  const Date as_of = after.as_of;
  for (const Event& n : appended) {
    std::string id = std::to_string(n.id);
    if (n.kind == EventKind::kProgress) {
      sdk::Event e = make_event(plan, sdk::EventType::kProgressRecorded, n.effective, id,
                                tr("{task}: {quantity} recorded",
                                   {{"task", n.task}, {"quantity", n.quantity.value_or(0)}}));
      e.task = n.task;
      e.quantity = n.quantity;
      e.event_id = n.id;
      out.push_back(std::move(e));
    } else if (n.kind == EventKind::kStart) {
      sdk::Event e = make_event(plan, sdk::EventType::kTaskStarted, n.effective, n.task,
                                tr("{task} started", {{"task", n.task}}));
      e.task = n.task;
      e.event_id = n.id;
      out.push_back(std::move(e));
    }
  }
  for (std::size_t t = 0; t < plan.tasks.size() && t < before.tasks.size(); ++t) {
    const TaskStatus& b = before.tasks[t];
    const TaskStatus& a = after.tasks[t];
    const Task& task = plan.tasks[t];
    if (a.state == TaskState::kDone && b.state != TaskState::kDone) {
      sdk::Event e = make_event(
          plan, sdk::EventType::kTaskCompleted, as_of, task.id,
          tr("{task} completed: {achieved} of {target} {unit}", {{"task", task.id},
                                                                 {"achieved", a.achieved},
                                                                 {"target", task.target},
                                                                 {"unit", task.unit}}));
      e.task = task.id;
      e.stage = task.stage;
      out.push_back(std::move(e));
    }
    bool was_blocked = !b.blockers.empty() || b.blocked_by_hand;
    if (was_blocked && a.ready) {
      sdk::Event e =
          make_event(plan, sdk::EventType::kTaskUnblocked, as_of, task.id + "/" + as_of.to_string(),
                     tr("{task} can start now", {{"task", task.id}}));
      e.task = task.id;
      e.stage = task.stage;
      out.push_back(std::move(e));
    }
  }
  for (std::size_t s = 0; s < after.stages.size() && s < before.stages.size(); ++s) {
    if (after.stages[s].rollup.complete && !before.stages[s].rollup.complete) {
      out.push_back(stage_completed(plan, plan.stages[after.stages[s].stage], as_of));
    }
  }
  return out;
}

}  // namespace plantrack
