// plantrack status FILE --what-if CHANGES.toml: status, alerts and funding findings before and
// after changes applied in memory; nothing is written.
#include <nlohmann/json.hpp>

#include <iostream>
#include <set>

#include "plantrack/alerts.hpp"
#include "plantrack/read_file.hpp"
#include "plantrack/stored_status.hpp"
#include "plantrack/what_if.hpp"
#include "plugins.hpp"
#include "what_if.hpp"

namespace plantrack::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string task_text(const TaskStatus& s) {
  std::string out(to_string(s.state));
  out += ", " + std::to_string(s.achieved) + " (" + percent_text(s.percent) + ")";
  if (s.ready) out += ", ready";
  if (!s.blockers.empty()) out += ", blocked";
  if (s.overdue) out += ", OVERDUE";
  return out;
}

std::set<std::string> lines_of(const std::vector<sdk::Event>& events) {
  std::set<std::string> out;
  for (const sdk::Event& e : events)
    out.insert(std::string(sdk::to_string(e.type)) + ": " + e.message);
  return out;
}

std::set<std::string> lines_of(const std::vector<PluginFinding>& findings) {
  std::set<std::string> out;
  for (const PluginFinding& f : findings) {
    out.insert("[" + f.plugin + " " + f.finding.rule + "] " + f.finding.message);
  }
  return out;
}

// Lines only before ("-") and only after ("+").
std::vector<std::string> compare(const std::set<std::string>& before,
                                 const std::set<std::string>& after) {
  std::vector<std::string> out;
  for (const std::string& l : before) {
    if (!after.count(l)) out.push_back("- " + l);
  }
  for (const std::string& l : after) {
    if (!before.count(l)) out.push_back("+ " + l);
  }
  return out;
}

}  // namespace

int run_what_if(Tracking& t, const std::string& changes_path, const std::string& format) {
  FileRead text = read_input_file(changes_path, kMaxSmallInputBytes);
  if (!text.bytes) {
    std::cerr << changes_path << ": error: " << text.problem << "\n  fix: " << text.fix << "\n";
    return kInvalidInput;
  }
  SourceText source(changes_path, std::move(*text.bytes));
  DiagnosticSink sink(changes_path);
  std::vector<std::string> described;
  std::optional<Plan> changed = apply_what_if(t.plan(), source, sink, described);
  if (!changed) {
    std::cerr << render_text(sink.take_sorted(), source);
    return kInvalidInput;
  }
  PlanStatus before = t.status();
  PlanIndex changed_index(*changed);
  PlanStatus after = status_from_store(*changed, changed_index, *t.store, t.as_of, true);
  int code = kOk;
  std::unique_ptr<PluginHost> host =
      load_plugins(t.plan(), t.loaded.source.path(), t.loaded.source, code);
  if (code != kOk) return code;
  std::vector<PluginFinding> found_before, found_after;
  if (host) {
    host->check_funding(sdk::View{t.plan(), &before}, found_before);
    host->check_funding(sdk::View{*changed, &after}, found_after);
  }
  std::vector<std::string> alert_lines = compare(lines_of(alerts(t.plan(), before, t.as_of)),
                                                 lines_of(alerts(*changed, after, t.as_of)));
  std::vector<std::string> finding_lines = compare(lines_of(found_before), lines_of(found_after));
  struct TaskChange {
    std::string id, before, after;
  };
  std::vector<TaskChange> tasks;
  for (std::size_t i = 0; i < changed->tasks.size(); ++i) {
    std::string b = task_text(before.tasks[i]), a = task_text(after.tasks[i]);
    if (b != a) tasks.push_back({changed->tasks[i].id, b, a});
  }
  if (format == "json") {
    Json j = {{"as_of", t.as_of.to_string()},
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
  std::cout << "what if " << changes_path << ", as of " << t.as_of.to_string()
            << " (nothing is written):\n";
  for (const std::string& d : described) std::cout << "  " << d << "\n";
  std::cout << "status: plan " << percent_text(before.plan.percent) << " -> "
            << percent_text(after.plan.percent) << " complete\n";
  for (std::size_t s = 0; s < after.stages.size(); ++s) {
    const Rollup &b = before.stages[s].rollup, &a = after.stages[s].rollup;
    if (percent_text(b.percent) == percent_text(a.percent) && b.complete == a.complete) continue;
    std::cout << "  stage " << changed->stages[s].id << ": " << percent_text(b.percent)
              << (b.complete ? " (complete)" : "") << " -> " << percent_text(a.percent)
              << (a.complete ? " (complete)" : "") << "\n";
  }
  for (const TaskChange& c : tasks) {
    std::cout << "  task " << c.id << ": " << c.before << " -> " << c.after << "\n";
  }
  if (tasks.empty()) std::cout << "  no task changes state, readiness or lateness\n";
  std::cout << "alerts:" << (alert_lines.empty() ? " no change" : "") << "\n";
  for (const std::string& l : alert_lines) std::cout << "  " << l << "\n";
  std::cout << "funding findings:"
            << (!host                   ? " (the plan has no funding checks)"
                : finding_lines.empty() ? " no change"
                                        : "")
            << "\n";
  for (const std::string& l : finding_lines) std::cout << "  " << l << "\n";
  return kOk;
}

}  // namespace plantrack::cli
