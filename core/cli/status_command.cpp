// The commands that read: status, next, why, history. They open the store read-only.
#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "plantrack/printable.hpp"

#include "commands.hpp"
#include "plantrack/graph.hpp"
#include "plantrack/money.hpp"
#include "plantrack/money_status.hpp"
#include "plantrack/plan_index.hpp"
#include "tracking.hpp"
#include "what_if.hpp"

namespace plantrack::cli {
namespace {

using Json = nlohmann::ordered_json;

// Ten cells, one per 10%; the eleven bars are built once (a status may print 100k of them).
const std::string& bar(double percent) {
  static const std::array<std::string, 11> kBars = [] {
    std::array<std::string, 11> bars;
    for (int filled = 0; filled <= 10; ++filled) {
      for (int i = 0; i < 10; ++i) bars[filled] += i < filled ? "█" : "░";
    }
    return bars;
  }();
  return kBars[static_cast<std::size_t>(std::clamp(percent, 0.0, 100.0) / 10.0)];
}

std::string blocker_text(const Plan& plan, const Blocker& b) {
  const Task& other = plan.tasks[b.task];
  if (!b.at_least) return "waits for \"" + other.id + "\" to be done";
  return "waits for \"" + other.id + "\" to reach " + std::to_string(*b.at_least) + " " +
         other.unit + " (has " + std::to_string(b.achieved) + ")";
}

std::string readiness_text(const Plan& plan, const TaskStatus& s) {
  std::string out;
  if (s.ready) out = "ready";
  if (s.blocked_by_hand) out = "blocked by hand: " + *s.blocked_by_hand;
  for (const Blocker& b : s.blockers) {
    out += (out.empty() ? "blocked: " : "; ") + blocker_text(plan, b);
  }
  if (s.overdue) {
    out += (out.empty() ? "" : "; ") + std::string("OVERDUE (due ") +
           plan.tasks[s.task].due->to_string() + ")";
  }
  return out;
}

Json rollup_json(const Rollup& r) {
  return {{"not_started", r.not_started}, {"in_progress", r.in_progress}, {"done", r.done},
          {"cancelled", r.cancelled},     {"percent", r.percent},         {"complete", r.complete}};
}

Json task_json(const Plan& plan, const TaskStatus& s) {
  const Task& task = plan.tasks[s.task];
  Json by_year = Json::object();
  for (const YearQuantity& y : s.by_year) by_year[std::to_string(y.year)] = y.quantity;
  Json blockers = Json::array();
  for (const Blocker& b : s.blockers) {
    Json j = {{"task", plan.tasks[b.task].id}, {"achieved", b.achieved}};
    if (b.at_least) j["at_least"] = *b.at_least;
    blockers.push_back(j);
  }
  return {{"id", task.id},
          {"title", task.title},
          {"unit", task.unit},
          {"target", task.target},
          {"achieved", s.achieved},
          {"by_year", by_year},
          {"percent", s.percent},
          {"state", to_string(s.state)},
          {"ready", s.ready},
          {"blockers", blockers},
          {"blocked_by_hand", s.blocked_by_hand ? Json(*s.blocked_by_hand) : Json(nullptr)},
          {"overdue", s.overdue},
          {"due", task.due ? Json(task.due->to_string()) : Json(nullptr)}};
}

Json money_row_json(const MoneyRow& r) {
  Json j = Json::object();
  if (!r.key.empty()) j["id"] = r.key;
  if (r.year) j["year"] = r.year;
  j["allocated"] = r.allocated;
  j["spent"] = r.spent;
  j["remaining"] = r.remaining();
  return j;
}

Json money_json(const Plan& plan, const PlanStatus& status) {
  MoneyStatus m = money_status(plan, status.spending);
  Json rows[3] = {Json::array(), Json::array(), Json::array()};
  const std::vector<MoneyRow>* groups[3] = {&m.sources, &m.years, &m.tasks};
  for (int g = 0; g < 3; ++g) {
    for (const MoneyRow& r : *groups[g]) rows[g].push_back(money_row_json(r));
  }
  Json lines = Json::array();
  for (const MoneyLine& l : m.lines) {
    lines.push_back({{"task", l.task},
                     {"source", l.source},
                     {"year", l.year},
                     {"allocated", l.allocated},
                     {"spent", l.spent},
                     {"remaining", l.remaining()},
                     {"budget_line", l.line.has_value()}});
  }
  Json spending = Json::array();
  for (const Spending& p : status.spending) {
    spending.push_back({{"event", p.event},
                        {"date", p.date.to_string()},
                        {"task", p.task},
                        {"source", p.source},
                        {"year", p.year},
                        {"amount", p.amount},
                        {"cost", p.cost ? Json(*p.cost) : Json(nullptr)},
                        {"participant", p.participant},
                        {"note", p.note}});
  }
  return {{"currency", plan.info.currency},
          {"total", money_row_json(m.total)},
          {"sources", rows[0]},
          {"years", rows[1]},
          {"tasks", rows[2]},
          {"lines", lines},
          {"spending", spending}};
}

// Allocated, spent and remaining per source, year and task; nothing when the plan has no budget
// lines and nothing was spent.
void print_money(const Plan& plan, const PlanStatus& status) {
  MoneyStatus m = money_status(plan, status.spending);
  if (!m.any()) return;
  NumberStyle style = number_style(plan.info.locale);
  auto row = [&](const std::string& label, const MoneyRow& r) {
    std::cout << "  " << pad(printable(label), 22) << ' '
              << pad(format_figure(r.allocated, style), 17, true) << ' '
              << pad(format_figure(r.spent, style), 17, true) << ' '
              << pad(format_figure(r.remaining(), style), 17, true)
              << (r.remaining() < 0 ? "  OVERSPENT" : "") << "\n";
  };
  std::cout << "\nmoney ("
            << (style == NumberStyle::kVietnamese ? "đồng" : printable(plan.info.currency)) << ")"
            << std::string(16, ' ') << pad("allocated", 17, true) << ' ' << pad("spent", 17, true)
            << ' ' << pad("remaining", 17, true) << "\n";
  for (const MoneyRow& r : m.sources) row(r.key, r);
  row("all sources", m.total);
  std::cout << "  by year (budget lines)\n";
  for (const MoneyRow& r : m.years) row(std::to_string(r.year), r);
  std::cout << "  by task (budget lines)\n";
  for (const MoneyRow& r : m.tasks) row(r.key, r);
  for (const MoneyLine& l : m.lines) {
    if (!l.line) {
      std::cout << "  spent without a budget line: " << printable(l.task) << " from "
                << printable(l.source) << " in " << l.year << ": " << format_money(l.spent, style)
                << "\n";
    } else if (l.remaining() < 0) {
      std::cout << "  over its budget line: " << printable(l.task) << " from "
                << printable(l.source) << " in " << l.year << ": spent "
                << format_money(l.spent, style) << " of " << format_money(l.allocated, style)
                << "\n";
    }
  }
}

struct StatusOptions {
  TrackOptions track;
  int year = 0;
  std::string stage;
  std::string what_if;
};

// The target and achieved figures a row shows: the programme's, or one year's with --year.
std::string figures(const Task& task, const TaskStatus& s, int year, double& percent) {
  if (year == 0) {
    percent = s.percent;
    return std::to_string(s.achieved) + "/" + std::to_string(task.target) + " " + task.unit;
  }
  std::int64_t done = s.achieved_in(year);
  std::optional<std::int64_t> target = task.target_in(year);
  if (!target) {
    percent = -1;  // the task does not run in that year
    return std::to_string(done) + "/- " + task.unit;
  }
  percent = *target > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(*target) : 100.0;
  return std::to_string(done) + "/" + std::to_string(*target) + " " + task.unit;
}

ExitCode run_status(StatusOptions& o) {
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(o.track, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  const Plan& plan = t->plan();
  if (!o.stage.empty() && !plan.find_stage(o.stage)) {
    std::cerr << "plantrack status: error: unknown stage \"" << printable(o.stage)
              << "\"\n  fix: the stages are:";
    for (const Stage& s : plan.stages) std::cerr << " " << printable(s.id);
    std::cerr << "\n";
    return kUsage;
  }
  if (!o.what_if.empty()) return run_what_if(*t, o.what_if, o.track.format);
  PlanStatus status = t->status();
  // Tasks of each stage, in plan order.
  std::vector<std::vector<std::size_t>> stage_tasks(plan.stages.size());
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    if (auto stage = t->index().task_stages()[i]) stage_tasks[*stage].push_back(i);
  }
  if (o.track.format == "json") {
    Json stages = Json::array();
    for (const StageStatus& st : status.stages) {
      const Stage& stage = plan.stages[st.stage];
      if (!o.stage.empty() && stage.id != o.stage) continue;
      Json tasks = Json::array();
      for (std::size_t i : stage_tasks[st.stage]) tasks.push_back(task_json(plan, status.tasks[i]));
      stages.push_back({{"id", stage.id},
                        {"title", stage.title},
                        {"rollup", rollup_json(st.rollup)},
                        {"tasks", tasks}});
    }
    Json orphans = Json::array();
    for (const Orphan& orphan : status.orphans) {
      orphans.push_back({{"task", orphan.task}, {"events", orphan.events}});
    }
    Json doc = {{"plan", plan.info.id},
                {"as_of", status.as_of.to_string()},
                {"rollup", rollup_json(status.plan)},
                {"stages", stages},
                {"orphans", orphans},
                {"money", money_json(plan, status)}};
    std::cout << json_text(doc);
    return kOk;
  }
  const Rollup& r = status.plan;
  std::cout << printable(plan.info.title) << "\n"
            << printable(plan.info.id) << " as of " << status.as_of.to_string() << ": "
            << format_percent(r.percent) << " complete; " << r.done << " done, " << r.in_progress
            << " in progress, " << r.not_started << " not started, " << r.cancelled
            << " cancelled\n";
  if (o.year) std::cout << "figures for " << o.year << " only\n";
  for (const StageStatus& st : status.stages) {
    const Stage& stage = plan.stages[st.stage];
    if (!o.stage.empty() && stage.id != o.stage) continue;
    std::cout << "\n"
              << printable(stage.id) << ": " << printable(stage.title) << " — "
              << format_percent(st.rollup.percent) << (st.rollup.complete ? ", complete" : "")
              << "\n";
    std::string rows;  // one write per stage
    for (std::size_t i : stage_tasks[st.stage]) {
      const TaskStatus& s = status.tasks[i];
      const Task& task = plan.tasks[i];
      double percent = 0;
      std::string numbers = figures(task, s, o.year, percent);
      std::size_t start = rows.size();
      rows += "  ";
      rows += pad(printable(task.id), 22);
      rows += ' ';
      rows += pad(numbers, 18, true);
      rows += ' ';
      rows += pad(percent < 0 ? "-" : format_percent(percent), 5, true);
      rows += ' ';
      rows += bar(std::max(percent, 0.0));
      rows += ' ';
      rows += pad(std::string(to_string(s.state)), 12);
      rows += ' ';
      append_printable(rows, readiness_text(plan, s));
      rows.erase(std::max(rows.find_last_not_of(' ') + 1, start));
      rows += '\n';
    }
    std::cout << rows;
  }
  print_money(plan, status);
  for (const Orphan& orphan : status.orphans) {
    std::cout << "\norphaned: " << orphan.events << " event(s) for \"" << printable(orphan.task)
              << "\", a task no longer in the plan (kept; add renamed_from = \""
              << printable(orphan.task) << "\" to the task that replaced it)\n";
  }
  return kOk;
}

ExitCode run_next(TrackOptions& o) {
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(o, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  const Plan& plan = t->plan();
  NextTasks next = t->next();
  const PlanStatus& status = next.status;
  Json ready = Json::array();
  for (std::size_t i : next.ready) {
    const TaskStatus& s = status.tasks[i];
    const Task& task = plan.tasks[i];
    if (o.format == "json") {
      ready.push_back(task_json(plan, s));
      continue;
    }
    std::cout << pad(printable(task.id), 24) << " " << pad(printable(task.stage), 14) << " "
              << pad(std::to_string(s.achieved) + "/" + std::to_string(task.target) + " " +
                         printable(task.unit),
                     18, true)
              << "  due " << (task.due ? task.due->to_string() : "-")
              << (s.overdue ? "  OVERDUE" : "") << "\n";
  }
  if (o.format == "json") {
    std::cout << json_text(ready);
  } else if (status.plan.complete) {
    std::cout << "nothing left to do: every task is done or cancelled\n";
  } else if (next.ready.empty()) {
    std::cout << "nothing is ready: every open task waits for something (see 'plantrack why')\n";
  }
  return kOk;
}

struct WhyOptions {
  TrackOptions track;
  std::string task;
};

// `why` shows the chain of unmet dependencies once, flat and shortened: a 100k-task chain prints
// the first and last few (with a count of those left out), not 100k nested levels.
constexpr std::size_t kChainHead = 10, kChainTail = 10;
constexpr std::size_t kShownBlockers = 10;  // of one task's unmet dependencies

// The positions of a list of `count` to show: all of it, or the first and the last few.
bool shown_in_chain(std::size_t position, std::size_t count) {
  return count <= kChainHead + kChainTail || position < kChainHead ||
         position >= count - kChainTail;
}

void explain_task(std::string& out, const Plan& plan, const PlanStatus& status, std::size_t i,
                  const std::string& indent) {
  const Task& task = plan.tasks[i];
  const TaskStatus& s = status.tasks[i];
  out += indent + printable(task.id) + ": " + std::string(to_string(s.state)) + ", " +
         std::to_string(s.achieved) + "/" + std::to_string(task.target) + " " +
         printable(task.unit) + " (" + format_percent(s.percent) + ")";
  if (s.state == TaskState::kDone && s.achieved < task.target) out += ", marked done by hand";
  out += "\n";
  if (s.overdue) {
    out += indent + "  late: due " + task.due->to_string() + ", not done as of " +
           status.as_of.to_string() + "\n";
  }
  if (s.blocked_by_hand)
    out += indent + "  blocked by hand: " + printable(*s.blocked_by_hand) + "\n";
  for (std::size_t k = 0; k < s.blockers.size() && k < kShownBlockers; ++k) {
    out += indent + "  " + printable(blocker_text(plan, s.blockers[k])) + "\n";
  }
  if (s.blockers.size() > kShownBlockers) {
    out += indent + "  ... and " + std::to_string(s.blockers.size() - kShownBlockers) +
           " more unmet dependencies\n";
  }
  if (s.ready) out += indent + "  ready: every dependency is met\n";
}

void explain(const Plan& plan, const WhyTask& why) {
  const PlanStatus& status = why.status;
  std::string out;
  explain_task(out, plan, status, why.task, "");
  const std::vector<std::size_t>& chain = why.waiting_on;
  if (!chain.empty()) {
    out += "waits, directly or not, for " + std::to_string(chain.size()) +
           (chain.size() == 1 ? " task" : " tasks") + " not done yet, nearest first:\n";
  }
  for (std::size_t k = 0; k < chain.size(); ++k) {
    if (shown_in_chain(k, chain.size())) {
      explain_task(out, plan, status, chain[k], "  ");
    } else if (k == kChainHead) {
      out += "  ... " + std::to_string(chain.size() - kChainHead - kChainTail) + " more ...\n";
    }
  }
  std::cout << out;
}

Json why_json(const Plan& plan, const PlanStatus& status, std::size_t i) {
  const TaskStatus& s = status.tasks[i];
  Json j = task_json(plan, s);
  Json blockers = Json::array();
  for (std::size_t k = 0; k < s.blockers.size() && k < kShownBlockers; ++k) {
    const Blocker& b = s.blockers[k];
    Json blocker = {{"task", plan.tasks[b.task].id},
                    {"achieved", b.achieved},
                    {"reason", blocker_text(plan, b)}};
    if (b.at_least) blocker["at_least"] = *b.at_least;
    blockers.push_back(std::move(blocker));
  }
  j["blockers"] = std::move(blockers);
  j["blockers_total"] = s.blockers.size();
  return j;
}

Json explain_json(const Plan& plan, const WhyTask& why) {
  const PlanStatus& status = why.status;
  Json j = why_json(plan, status, why.task);
  const std::vector<std::size_t>& chain = why.waiting_on;
  Json first = Json::array(), last = Json::array();
  for (std::size_t k = 0; k < chain.size(); ++k) {
    if (!shown_in_chain(k, chain.size())) continue;
    (k < kChainHead || chain.size() <= kChainHead + kChainTail ? first : last)
        .push_back(why_json(plan, status, chain[k]));
  }
  std::size_t omitted = chain.size() - first.size() - last.size();
  j["waiting_on"] = {
      {"count", chain.size()}, {"first", first}, {"omitted", omitted}, {"last", last}};
  return j;
}

ExitCode run_why(WhyOptions& o) {
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(o.track, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  Result<WhyTask> why = t->why(o.task);
  if (!why) {
    print_error(why.error(), "why");
    return why.error().code;
  }
  if (o.track.format == "json") {
    std::cout << json_text(explain_json(t->plan(), *why));
    return kOk;
  }
  explain(t->plan(), *why);
  return kOk;
}

struct HistoryOptions {
  TrackOptions track;
  std::string task;
};

ExitCode run_history(HistoryOptions& o) {
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(o.track, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  History history = t->history(o.task);
  const std::map<std::int64_t, std::int64_t>& reverted_by = history.reverted_by;
  const PlanIndex& index = t->index();
  Json list = Json::array();
  for (const Event& e : history.events) {
    auto reverted = reverted_by.find(e.id);
    if (o.track.format == "json") {
      Json j = {
          {"id", e.id},
          {"task", e.task},
          {"kind", to_string(e.kind)},
          {"quantity", e.quantity ? Json(*e.quantity) : Json(nullptr)},
          {"year", e.year ? Json(*e.year) : Json(nullptr)},
          {"date", e.effective.to_string()},
          {"recorded_at", e.recorded_at},
          {"actor", e.actor},
          {"note", e.note},
          {"evidence", e.evidence},
          {"plan_revision", e.plan_revision},
          {"reverts", e.reverts ? Json(*e.reverts) : Json(nullptr)},
          {"reverted_by", reverted != reverted_by.end() ? Json(reverted->second) : Json(nullptr)}};
      if (e.kind == EventKind::kSpend) {  // a payment's own fields
        j["source"] = e.source;
        j["amount"] = e.amount ? Json(*e.amount) : Json(nullptr);
        j["cost"] = e.cost ? Json(*e.cost) : Json(nullptr);
        j["participant"] = e.participant;
      }
      list.push_back(std::move(j));
      continue;
    }
    std::cout << describe_event(t->plan(), index, e);
    if (reverted != reverted_by.end()) std::cout << "  (reverted by #" << reverted->second << ")";
    std::cout << "\n";
  }
  if (o.track.format == "json") {
    std::cout << json_text(list);
  } else if (history.empty_log) {
    std::cout << "no events recorded yet\n";
  }
  return kOk;
}

}  // namespace

Command add_status_command(CLI::App& app) {
  auto o = std::make_shared<StatusOptions>();
  CLI::App* cmd = app.add_subcommand("status", "Show where each stage and task stands");
  add_track_options(cmd, o->track, true, true);
  cmd->add_option("--year", o->year, "Show one year's figures against that year's targets");
  cmd->add_option("--stage", o->stage, "Show one stage");
  cmd->add_option("--what-if", o->what_if,
                  "Show what CHANGES.toml (slips, cuts, targets) would change; writes nothing")
      ->type_name("CHANGES.toml");
  return [o] { return run_status(*o); };
}

Command add_next_command(CLI::App& app) {
  auto o = std::make_shared<TrackOptions>();
  CLI::App* cmd = app.add_subcommand("next", "List tasks ready to start or continue");
  add_track_options(cmd, *o, true, true);
  return [o] { return run_next(*o); };
}

Command add_why_command(CLI::App& app) {
  auto o = std::make_shared<WhyOptions>();
  CLI::App* cmd = app.add_subcommand("why", "Explain why a task is blocked, late or done");
  add_track_options(cmd, o->track, true, true);
  cmd->add_option("TASK", o->task, "Task id")->required();
  return [o] { return run_why(*o); };
}

Command add_history_command(CLI::App& app) {
  auto o = std::make_shared<HistoryOptions>();
  CLI::App* cmd = app.add_subcommand("history", "Show the event log, newest first");
  add_track_options(cmd, o->track, true, false);
  cmd->add_option("TASK", o->task, "Only this task's events");
  return [o] { return run_history(*o); };
}

}  // namespace plantrack::cli
