// plantrack status FILE --what-if CHANGES.toml: status, alerts and funding findings before and
// after changes applied in memory; nothing is written.
#include <iostream>

#include "plantrack/money.hpp"
#include "plantrack/status_json.hpp"
#include "what_if.hpp"

namespace plantrack::cli {

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
  if (format == "json") {
    std::cout << what_if_json(w, t.as_of());
    return kOk;
  }
  std::vector<WhatIfTaskChange> tasks = what_if_task_changes(w);
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
  for (const WhatIfTaskChange& c : tasks) {
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
