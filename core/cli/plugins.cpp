#include "plugins.hpp"

#include "plantrack/alerts.hpp"

#include <iostream>

namespace plantrack::cli {

PluginOptions& plugin_options() {
  static PluginOptions options;
  return options;
}

std::unique_ptr<PluginHost> load_plugins(const Plan& plan, const std::string& plan_path,
                                         const SourceText& source, int& exit_code) {
  if (plan.plugins.empty() || plugin_options().disabled) return nullptr;
  auto host = std::make_unique<PluginHost>(plugin_search_path(plugin_options().search));
  DiagnosticSink sink(plan_path);
  if (!host->load_plan_plugins(plan, plan_path, sink)) {
    std::cerr << render_text(sink.take_sorted(), source);
    std::cerr << plan_path << ": the plan's plugins cannot be loaded: nothing was written\n"
              << "  fix: correct the [[plugin]] entries, or run with --no-plugins\n";
    exit_code = 1;
    return nullptr;
  }
  return host;
}

std::vector<sdk::Event> events_of(const Plan& plan, const std::vector<NewEvent>& appended,
                                  const std::vector<std::int64_t>& ids, const PlanStatus& before,
                                  const PlanStatus& after) {
  std::vector<sdk::Event> out;
  const Date as_of = after.as_of;
  for (std::size_t i = 0; i < appended.size(); ++i) {
    const NewEvent& n = appended[i];
    std::string id = std::to_string(ids[i]);
    if (n.kind == EventKind::kProgress) {
      sdk::Event e =
          make_event(plan, sdk::EventType::kProgressRecorded, n.effective, id,
                     n.task + ": " + std::to_string(n.quantity.value_or(0)) + " recorded");
      e.task = n.task;
      e.quantity = n.quantity;
      e.event_id = ids[i];
      out.push_back(std::move(e));
    } else if (n.kind == EventKind::kStart) {
      sdk::Event e =
          make_event(plan, sdk::EventType::kTaskStarted, n.effective, n.task, n.task + " started");
      e.task = n.task;
      e.event_id = ids[i];
      out.push_back(std::move(e));
    }
  }
  for (std::size_t t = 0; t < plan.tasks.size() && t < before.tasks.size(); ++t) {
    const TaskStatus& b = before.tasks[t];
    const TaskStatus& a = after.tasks[t];
    const Task& task = plan.tasks[t];
    if (a.state == TaskState::kDone && b.state != TaskState::kDone) {
      sdk::Event e = make_event(plan, sdk::EventType::kTaskCompleted, as_of, task.id,
                                task.id + " completed: " + std::to_string(a.achieved) + " of " +
                                    std::to_string(task.target) + " " + task.unit);
      e.task = task.id;
      e.stage = task.stage;
      out.push_back(std::move(e));
    }
    bool was_blocked = !b.blockers.empty() || b.blocked_by_hand;
    if (was_blocked && a.ready) {
      sdk::Event e = make_event(plan, sdk::EventType::kTaskUnblocked, as_of,
                                task.id + "/" + as_of.to_string(), task.id + " can start now");
      e.task = task.id;
      e.stage = task.stage;
      out.push_back(std::move(e));
    }
  }
  for (std::size_t s = 0; s < after.stages.size() && s < before.stages.size(); ++s) {
    if (after.stages[s].rollup.complete && !before.stages[s].rollup.complete) {
      const Stage& stage = plan.stages[after.stages[s].stage];
      sdk::Event e = make_event(plan, sdk::EventType::kStageCompleted, as_of, stage.id,
                                "stage " + stage.id + " completed");
      e.stage = stage.id;
      out.push_back(std::move(e));
    }
  }
  return out;
}

int dispatch(PluginHost& host, const std::vector<sdk::Event>& events, const sdk::View& view,
             const std::string& command) {
  int code = 0;
  for (const sdk::Event& e : events) {
    for (const PluginFailure& f : host.notify(e, view)) {
      std::cerr << "plantrack " << command << ": plugin \"" << f.plugin << "\" failed on event "
                << f.event_key << ": " << f.message
                << "\n  (what was recorded is kept; the other plugins still ran)\n";
      code = kPluginFailed;
    }
  }
  return code;
}

void print_failures(const DeliveryResult& result, const std::string& command) {
  for (const DeliveryResult::Failure& f : result.failures) {
    std::cerr << "plantrack " << command << ": plugin \"" << f.failure.plugin
              << "\" failed on event " << f.failure.event_key << ": " << f.failure.message << "\n  "
              << f.kept << " notification" << (f.kept == 1 ? "" : "s")
              << " kept for it in the store, sent first by the next run (what was recorded is "
                 "kept; the other plugins still ran)\n";
  }
}

std::size_t kept_count(const DeliveryResult& result) {
  std::size_t n = 0;
  for (const DeliveryResult::Failure& f : result.failures) n += f.kept;
  return n;
}

}  // namespace plantrack::cli
