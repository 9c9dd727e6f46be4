// The commands that read: status, next, why, history. They open the store read-only.
#include <array>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "plantrack/alerts.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/printable.hpp"

#include "commands.hpp"
#include "plantrack/graph.hpp"
#include "plantrack/money.hpp"
#include "plantrack/money_status.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/status_json.hpp"
#include "tracking.hpp"
#include "what_if.hpp"

namespace plantrack::cli {
namespace {

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

// "done late: 2018-10-15, 15 days after due 2018-09-30"; empty when on time or not done.
std::string done_late_text(const Plan& plan, const TaskStatus& s) {
  std::optional<int> late = days_late(plan, s);
  if (!late) return {};
  return trn(
      "done late: {date}, {n} day after {deadline}", "done late: {date}, {n} days after {deadline}",
      static_cast<std::uint64_t>(*late),
      {{"date", s.done_on->to_string()}, {"deadline", deadline_text(plan, plan.tasks[s.task])}});
}

// "20% of 420" for a ratio indicator (Task::of); empty for any other task.
std::string share_text(const Task& task, std::int64_t achieved) {
  std::optional<double> whole = task.share_of_whole(achieved);
  return whole ? tr("{percent} of {whole}",
                    {{"percent", format_percent(*whole)}, {"whole", *task.of}})
               : std::string();
}

std::string readiness_text(const Plan& plan, const TaskStatus& s) {
  std::string out;
  if (s.ready) out = tr("ready");
  if (s.blocked_by_hand) out = tr("blocked by hand: {reason}", {{"reason", *s.blocked_by_hand}});
  for (const Blocker& b : s.blockers) {
    out += out.empty() ? tr("blocked: {blocker}", {{"blocker", blocker_text(plan, b)}})
                       : "; " + blocker_text(plan, b);
  }
  if (s.overdue) {
    out += (out.empty() ? "" : "; ") +
           tr("OVERDUE ({deadline})", {{"deadline", deadline_text(plan, plan.tasks[s.task])}});
  }
  if (std::string late = done_late_text(plan, s); !late.empty()) {
    out += (out.empty() ? "" : "; ") + late;
  }
  if (std::string share = share_text(plan.tasks[s.task], s.achieved); !share.empty()) {
    out += (out.empty() ? "" : "; ") + share;
  }
  return out;
}

// Allocated, spent and remaining per source, year and task; nothing when the plan has no budget
// lines and nothing was spent. `title`: what the money is of, in what currency ("money (đồng)",
// "money in 2018 (USD)").
void print_money_table(const Plan& plan, const MoneyStatus& m, const std::string& title) {
  if (!m.any()) return;
  NumberStyle style = number_style(plan.info.locale);
  auto row = [&](const std::string& label, const MoneyRow& r) {
    std::cout << "  " << pad(printable(label), 22) << ' '
              << pad(format_figure(r.allocated, style), 17, true) << ' '
              << pad(format_figure(r.spent, style), 17, true) << ' '
              << pad(format_figure(r.remaining(), style), 17, true)
              << (r.remaining() < 0 ? "  " + tr("OVERSPENT") : std::string()) << "\n";
  };
  std::cout << "\n"
            << pad(title, 24) << ' ' << pad(tr("allocated"), 17, true) << ' '
            << pad(tr("spent"), 17, true) << ' ' << pad(tr("remaining"), 17, true) << "\n";
  for (const MoneyRow& r : m.sources) row(r.key, r);
  row(tr("all sources"), m.total);
  std::cout << "  " << tr("by year (budget lines)") << "\n";
  for (const MoneyRow& r : m.years) row(std::to_string(r.year), r);
  std::cout << "  " << tr("by task (budget lines)") << "\n";
  for (const MoneyRow& r : m.tasks) row(r.key, r);
  for (const MoneyLine& l : m.lines) {
    if (!l.line) {
      std::cout << "  "
                << tr("spent without a budget line: {task} from {source} in {year}: {spent}",
                      {{"task", printable(l.task)},
                       {"source", printable(l.source)},
                       {"year", l.year},
                       {"spent", format_money(l.spent, style)}})
                << "\n";
    } else if (l.remaining() < 0) {
      std::cout << "  "
                << tr("over its budget line: {task} from {source} in {year}: spent {spent} of "
                      "{allocated}",
                      {{"task", printable(l.task)},
                       {"source", printable(l.source)},
                       {"year", l.year},
                       {"spent", format_money(l.spent, style)},
                       {"allocated", format_money(l.allocated, style)}})
                << "\n";
    }
  }
}

// The period's money, then the programme's to the period's end; the programme's without one.
void print_money(const Plan& plan, const PlanStatus& status) {
  std::string currency = number_style(plan.info.locale) == NumberStyle::kVietnamese
                             ? std::string("đồng")
                             : printable(plan.info.currency);
  if (!status.period) {
    print_money_table(plan, money_status(plan, status.spending),
                      tr("money ({currency})", {{"currency", currency}}));
    return;
  }
  print_money_table(plan, money_status(plan, status.spending, *status.period),
                    tr("money in {period} ({currency})",
                       {{"period", status.period->to_string()}, {"currency", currency}}));
  print_money_table(plan, money_status(plan, status.spending),
                    tr("money to {date} ({currency})",
                       {{"date", status.as_of.to_string()}, {"currency", currency}}));
}

struct StatusOptions {
  TrackOptions track;
  std::string stage;
  std::string what_if;
};

// The target and achieved figures a row shows: the programme's, or the period's.
std::string figures(const Task& task, const TaskStatus& s, double& percent) {
  if (!s.period) {
    percent = s.percent;
    return std::to_string(s.achieved) + "/" + std::to_string(task.target) + " " + task.unit;
  }
  const PeriodFigures& p = *s.period;
  if (!p.target) {
    percent = -1;  // the task does not run in the period
    return std::to_string(p.achieved) + "/- " + task.unit;
  }
  percent = p.percent;
  return std::to_string(p.achieved) + "/" + std::to_string(*p.target) + " " + task.unit;
}

std::string rollup_counts(const Rollup& r) {
  return tr(
      "{done} done, {in_progress} in progress, {not_started} not started, {cancelled} "
      "cancelled",
      {{"done", r.done},
       {"in_progress", r.in_progress},
       {"not_started", r.not_started},
       {"cancelled", r.cancelled}});
}

ExitCode run_status(StatusOptions& o) {
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(o.track, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  const Plan& plan = t->plan();
  if (!o.stage.empty() && !plan.find_stage(o.stage)) {
    std::string stages;
    for (const Stage& s : plan.stages) stages += (stages.empty() ? "" : " ") + printable(s.id);
    std::cerr << tr("plantrack status: error: unknown stage \"{stage}\"",
                    {{"stage", printable(o.stage)}})
              << "\n  " << tr("fix: the stages are: {stages}", {{"stages", stages}}) << "\n";
    return kUsage;
  }
  if (!o.what_if.empty()) return run_what_if(*t, o.what_if, o.track.format);
  PlanStatus status = t->status();
  if (o.track.format == "json") {
    std::cout << status_json(plan, t->index(), status, o.stage);
    return kOk;
  }
  // Tasks of each stage, in plan order.
  std::vector<std::vector<std::size_t>> stage_tasks(plan.stages.size());
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    if (auto stage = t->index().task_stages()[i]) stage_tasks[*stage].push_back(i);
  }
  const Rollup& r = status.to_date;
  std::cout << printable(plan.info.title) << "\n"
            << tr("{plan} as of {date}: {percent} complete; {counts}",
                  {{"plan", printable(plan.info.id)},
                   {"date", status.as_of.to_string()},
                   {"percent", format_percent(r.percent)},
                   {"counts", rollup_counts(r)}})
            << "\n";
  if (!status.known_at.empty()) {
    if (status.log_event == 0) {
      std::cout << tr("as known at {time}: nothing was recorded by then",
                      {{"time", status.known_at}});
    } else {
      std::cout << tr(
          "as known at {time}: the log through event #{event} (recorded "
          "{recorded}); what was recorded later is not counted",
          {{"time", status.known_at},
           {"event", status.log_event},
           {"recorded", status.log_recorded_at}});
    }
    std::cout << "\n";
  }
  if (status.period) {
    const Period& p = *status.period;
    std::cout << tr("period {period} ({first} to {last}): {percent} of its targets; of the tasks "
                    "it plans, {counts}",
                    {{"period", p.to_string()},
                     {"first", p.first.to_string()},
                     {"last", p.last.to_string()},
                     {"percent", format_percent(status.plan.percent)},
                     {"counts", rollup_counts(status.plan)}})
              << "\n"
              << tr("rows: done in the period / its target (a cumulative task: its total at the "
                    "period's end), then to date")
              << "\n";
  }
  // The state words translated and padded once, not once a row (100k rows).
  const std::size_t state_column = state_width(12);
  std::array<std::string, 4> state_cells;
  for (TaskState state :
       {TaskState::kNotStarted, TaskState::kInProgress, TaskState::kDone, TaskState::kCancelled}) {
    state_cells[static_cast<std::size_t>(state)] = pad(state_text(state), state_column);
  }
  for (const StageStatus& st : status.stages) {
    const Stage& stage = plan.stages[st.stage];
    if (!o.stage.empty() && stage.id != o.stage) continue;
    std::string heading;
    if (!status.period) {
      heading = st.to_date.complete ? tr("{stage}: {title} — {percent}, complete",
                                         {{"stage", printable(stage.id)},
                                          {"title", printable(stage.title)},
                                          {"percent", format_percent(st.rollup.percent)}})
                                    : tr("{stage}: {title} — {percent}",
                                         {{"stage", printable(stage.id)},
                                          {"title", printable(stage.title)},
                                          {"percent", format_percent(st.rollup.percent)}});
    } else if (st.to_date.complete) {
      heading = tr("{stage}: {title} — {percent} in {period}, {to_date} to date, complete",
                   {{"stage", printable(stage.id)},
                    {"title", printable(stage.title)},
                    {"percent", format_percent(st.rollup.percent)},
                    {"period", status.period->to_string()},
                    {"to_date", format_percent(st.to_date.percent)}});
    } else {
      heading = tr("{stage}: {title} — {percent} in {period}, {to_date} to date",
                   {{"stage", printable(stage.id)},
                    {"title", printable(stage.title)},
                    {"percent", format_percent(st.rollup.percent)},
                    {"period", status.period->to_string()},
                    {"to_date", format_percent(st.to_date.percent)}});
    }
    std::cout << "\n" << heading << "\n";
    std::string rows;  // one write per stage
    for (std::size_t i : stage_tasks[st.stage]) {
      const TaskStatus& s = status.tasks[i];
      const Task& task = plan.tasks[i];
      double percent = 0;
      std::string numbers = figures(task, s, percent);
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
      rows += state_cells[static_cast<std::size_t>(s.state)];
      rows += ' ';
      if (s.period) {
        rows += pad(
            tr("to date {achieved}/{target}", {{"achieved", s.achieved}, {"target", task.target}}),
            18);
        rows += ' ';
      }
      append_printable(rows, readiness_text(plan, s));
      rows.erase(std::max(rows.find_last_not_of(' ') + 1, start));
      rows += '\n';
    }
    std::cout << rows;
  }
  print_money(plan, status);
  for (const Orphan& orphan : status.orphans) {
    std::cout << "\n"
              << tr("orphaned: {events} event(s) for \"{task}\", a task no longer in the plan "
                    "(kept; add renamed_from = \"{task}\" to the task that replaced it)",
                    {{"events", orphan.events}, {"task", printable(orphan.task)}})
              << "\n";
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
  if (o.format == "json") {
    std::cout << next_json(plan, next);
    return kOk;
  }
  auto row = [&](std::size_t i) {
    const TaskStatus& s = status.tasks[i];
    const Task& task = plan.tasks[i];
    std::cout << pad(printable(task.id), 24) << " " << pad(printable(task.stage), 14) << " "
              << pad(std::to_string(s.achieved) + "/" + std::to_string(task.target) + " " +
                         printable(task.unit),
                     18, true)
              << "  " << tr("due {date}", {{"date", task.due ? task.due->to_string() : "-"}})
              << (!s.overdue ? std::string()
                  : task.due ? "  " + tr("OVERDUE")
                             : "  " + tr("OVERDUE ({deadline})",
                                         {{"deadline", deadline_text(plan, task)}}))
              << "\n";
  };
  for (std::size_t i : next.ready) row(i);
  if (!next.later.empty()) {
    std::cout << (next.ready.empty() ? "" : "\n") << tr("planned for later years (ready already):")
              << "\n";
    for (std::size_t i : next.later) {
      std::cout << "  " << tr("from {year}", {{"year", plan.tasks[i].active_years().front()}})
                << "  ";
      row(i);
    }
  }
  if (status.plan.complete) {
    std::cout << tr("nothing left to do: every task is done or cancelled") << "\n";
  } else if (next.ready.empty() && next.later.empty()) {
    std::cout << tr("nothing is ready: every open task waits for something (see 'plantrack why')")
              << "\n";
  }
  return kOk;
}

struct WhyOptions {
  TrackOptions track;
  std::string task;
};

void explain_task(std::string& out, const Plan& plan, const PlanStatus& status, std::size_t i,
                  const std::string& indent) {
  const Task& task = plan.tasks[i];
  const TaskStatus& s = status.tasks[i];
  out += indent + printable(task.id) + ": " + state_text(s.state) + ", " +
         std::to_string(s.achieved) + "/" + std::to_string(task.target) + " " +
         printable(task.unit) + " (" + format_percent(s.percent) + ")";
  if (s.state == TaskState::kDone && s.achieved < task.target) {
    out += ", " + tr("marked done by hand");
  }
  if (std::string share = share_text(task, s.achieved); !share.empty()) out += ", " + share;
  out += "\n";
  if (std::string late = done_late_text(plan, s); !late.empty()) {
    out += indent + "  " + late + "\n";
  } else if (s.state == TaskState::kDone && s.done_on) {
    out += indent + "  " +
           tr("done on {date}, on time ({deadline})",
              {{"date", s.done_on->to_string()}, {"deadline", deadline_text(plan, task)}}) +
           "\n";
  }
  if (s.overdue) {
    out += indent + "  " +
           tr("late: {deadline}, not done as of {date}",
              {{"deadline", deadline_text(plan, task)}, {"date", status.as_of.to_string()}}) +
           "\n";
  }
  if (s.blocked_by_hand) {
    out += indent + "  " +
           tr("blocked by hand: {reason}", {{"reason", printable(*s.blocked_by_hand)}}) + "\n";
  }
  for (std::size_t k = 0; k < s.blockers.size() && k < kWhyShownBlockers; ++k) {
    out += indent + "  " + printable(blocker_text(plan, s.blockers[k])) + "\n";
  }
  if (s.blockers.size() > kWhyShownBlockers) {
    out +=
        indent + "  " +
        tr("... and {n} more unmet dependencies", {{"n", s.blockers.size() - kWhyShownBlockers}}) +
        "\n";
  }
  if (s.ready) out += indent + "  " + tr("ready: every dependency is met") + "\n";
}

void explain(const Plan& plan, const WhyTask& why) {
  const PlanStatus& status = why.status;
  std::string out;
  explain_task(out, plan, status, why.task, "");
  const std::vector<std::size_t>& chain = why.waiting_on;
  if (!chain.empty()) {
    out += trn("waits, directly or not, for {n} task not done yet, nearest first:",
               "waits, directly or not, for {n} tasks not done yet, nearest first:", chain.size()) +
           "\n";
  }
  for (std::size_t k = 0; k < chain.size(); ++k) {
    if (why_shows(k, chain.size())) {
      explain_task(out, plan, status, chain[k], "  ");
    } else if (k == kWhyChainHead) {
      out += "  " + tr("... {n} more ...", {{"n", chain.size() - kWhyChainHead - kWhyChainTail}}) +
             "\n";
    }
  }
  std::cout << out;
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
    std::cout << why_json(t->plan(), *why);
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
  if (o.track.format == "json") {
    std::cout << history_json(history);
    return kOk;
  }
  const std::map<std::int64_t, std::int64_t>& reverted_by = history.reverted_by;
  const PlanIndex& index = t->index();
  for (const Event& e : history.events) {
    auto reverted = reverted_by.find(e.id);
    std::cout << describe_event(t->plan(), index, e);
    if (reverted != reverted_by.end()) {
      std::cout << "  " << tr("(reverted by #{event})", {{"event", reverted->second}});
    }
    std::cout << "\n";
  }
  if (history.empty_log) {
    std::cout << tr("no events recorded yet") << "\n";
  }
  return kOk;
}

}  // namespace

Command add_status_command(CLI::App& app) {
  auto o = std::make_shared<StatusOptions>();
  CLI::App* cmd = app.add_subcommand("status", tr("Show where each stage and task stands"));
  add_track_options(cmd, o->track, true, true);
  add_period_options(cmd, o->track);
  add_known_at_option(cmd, o->track);
  cmd->add_option("--stage", o->stage, tr("Show one stage"));
  cmd->add_option("--what-if", o->what_if,
                  tr("Show what CHANGES.toml (slips, cuts, targets) would change; writes nothing"))
      ->type_name("CHANGES.toml");
  return [o] { return run_status(*o); };
}

Command add_next_command(CLI::App& app) {
  auto o = std::make_shared<TrackOptions>();
  CLI::App* cmd = app.add_subcommand("next", tr("List tasks ready to start or continue"));
  add_track_options(cmd, *o, true, true);
  return [o] { return run_next(*o); };
}

Command add_why_command(CLI::App& app) {
  auto o = std::make_shared<WhyOptions>();
  CLI::App* cmd = app.add_subcommand("why", tr("Explain why a task is blocked, late or done"));
  add_track_options(cmd, o->track, true, true);
  cmd->add_option("TASK", o->task, tr("Task id"))->required();
  return [o] { return run_why(*o); };
}

Command add_history_command(CLI::App& app) {
  auto o = std::make_shared<HistoryOptions>();
  CLI::App* cmd = app.add_subcommand("history", tr("Show the event log, newest first"));
  add_track_options(cmd, o->track, true, false);
  add_period_options(cmd, o->track);
  cmd->add_option("TASK", o->task, tr("Only this task's events"));
  return [o] { return run_history(*o); };
}

}  // namespace plantrack::cli
