// plantrack status FILE --what-if CHANGES.toml: status, alerts and funding findings before and
// after changes applied in memory; nothing is written.
#include <nlohmann/json.hpp>

#include <iostream>

#include "plantrack/money.hpp"
#include "what_if.hpp"

namespace plantrack::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string task_text(const TaskStatus& s) {
  std::string out(to_string(s.state));
  out += ", " + std::to_string(s.achieved) + " (" + format_percent(s.percent) + ")";
  if (s.ready) out += ", ready";
  if (!s.blockers.empty()) out += ", blocked";
  if (s.overdue) out += ", OVERDUE";
  return out;
}

}  // namespace

ExitCode run_what_if(Tracker& t, const std::string& changes_path, const std::string& format) {
  Result<WhatIfResult> what_if = t.what_if(changes_path);
  if (!what_if) {
    print_error(what_if.error(), "status");
    return what_if.error().code;
  }
  const WhatIfResult& w = *what_if;
  const Plan* changed = &w.changed;
  const PlanStatus &before = w.before, &after = w.after;
  const std::vector<std::string>& described = w.changes;
  const std::vector<std::string>& alert_lines = w.alerts;
  const std::vector<std::string>& finding_lines = w.findings;
  struct TaskChange {
    std::string id, before, after;
  };
  std::vector<TaskChange> tasks;
  for (std::size_t i = 0; i < changed->tasks.size(); ++i) {
    std::string b = task_text(before.tasks[i]), a = task_text(after.tasks[i]);
    if (b != a) tasks.push_back({changed->tasks[i].id, b, a});
  }
  if (format == "json") {
    Json j = {{"as_of", t.as_of().to_string()},
              {"changes", described},
              {"plan", {{"before", before.plan.percent}, {"after", after.plan.percent}}},
              {"tasks", Json::array()},
              {"alerts", alert_lines},
              {"findings", finding_lines}};
    for (const TaskChange& c : tasks) {
      j["tasks"].push_back({{"id", c.id}, {"before", c.before}, {"after", c.after}});
    }
    std::cout << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return kOk;
  }
  std::cout << "what if " << changes_path << ", as of " << t.as_of().to_string()
            << " (nothing is written):\n";
  for (const std::string& d : described) std::cout << "  " << d << "\n";
  std::cout << "status: plan " << format_percent(before.plan.percent) << " -> "
            << format_percent(after.plan.percent) << " complete\n";
  for (std::size_t s = 0; s < after.stages.size(); ++s) {
    const Rollup &b = before.stages[s].rollup, &a = after.stages[s].rollup;
    if (format_percent(b.percent) == format_percent(a.percent) && b.complete == a.complete)
      continue;
    std::cout << "  stage " << changed->stages[s].id << ": " << format_percent(b.percent)
              << (b.complete ? " (complete)" : "") << " -> " << format_percent(a.percent)
              << (a.complete ? " (complete)" : "") << "\n";
  }
  for (const TaskChange& c : tasks) {
    std::cout << "  task " << c.id << ": " << c.before << " -> " << c.after << "\n";
  }
  if (tasks.empty()) std::cout << "  no task changes state, readiness or lateness\n";
  std::cout << "alerts:" << (alert_lines.empty() ? " no change" : "") << "\n";
  for (const std::string& l : alert_lines) std::cout << "  " << l << "\n";
  std::cout << "funding findings:"
            << (!w.funding_checks       ? " (the plan has no funding checks)"
                : finding_lines.empty() ? " no change"
                                        : "")
            << "\n";
  for (const std::string& l : finding_lines) std::cout << "  " << l << "\n";
  return kOk;
}

}  // namespace plantrack::cli
