// plantrack status FILE --what-if CHANGES.toml: status, alerts and funding findings before and
// after changes applied in memory; nothing is written.
#include <iostream>

#include "plantrack/i18n.hpp"
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
  std::cout << tr("what if {file}, as of {date} (nothing is written):",
                  {{"file", changes_path}, {"date", t.as_of().to_string()}})
            << "\n";
  for (const std::string& d : described) std::cout << "  " << d << "\n";
  std::cout << tr("status: plan {before} -> {after} complete",
                  {{"before", format_percent(before.plan.percent)},
                   {"after", format_percent(after.plan.percent)}})
            << "\n";
  auto stage_figure = [](const Rollup& r) {
    return r.complete ? tr("{percent} (complete)", {{"percent", format_percent(r.percent)}})
                      : format_percent(r.percent);
  };
  for (std::size_t s = 0; s < after.stages.size(); ++s) {
    const Rollup &b = before.stages[s].rollup, &a = after.stages[s].rollup;
    if (format_percent(b.percent) == format_percent(a.percent) && b.complete == a.complete)
      continue;
    std::cout << "  "
              << tr("stage {stage}: {before} -> {after}", {{"stage", changed->stages[s].id},
                                                           {"before", stage_figure(b)},
                                                           {"after", stage_figure(a)}})
              << "\n";
  }
  for (const WhatIfTaskChange& c : tasks) {
    std::cout << "  "
              << tr("task {task}: {before} -> {after}",
                    {{"task", c.id}, {"before", c.before}, {"after", c.after}})
              << "\n";
  }
  if (tasks.empty())
    std::cout << "  " << tr("no task changes state, readiness or lateness") << "\n";
  std::cout << (alert_lines.empty() ? tr("alerts: no change") : tr("alerts:")) << "\n";
  for (const std::string& l : alert_lines) std::cout << "  " << l << "\n";
  std::cout << (!w.funding_checks       ? tr("funding findings: (the plan has no funding checks)")
                : finding_lines.empty() ? tr("funding findings: no change")
                                        : tr("funding findings:"))
            << "\n";
  for (const std::string& l : finding_lines) std::cout << "  " << l << "\n";
  return kOk;
}

}  // namespace plantrack::cli
