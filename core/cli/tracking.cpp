#include "tracking.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "language.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/money.hpp"
#include "plantrack/printable.hpp"
#include "plantrack/utf8.hpp"
#include "plugins.hpp"

namespace plantrack::cli {
namespace {
constexpr std::size_t kShownPerKind = 20;  // a million-row import: the first ones and a count
}  // namespace

void add_track_options(CLI::App* cmd, TrackOptions& options, bool format, bool date) {
  cmd->add_option("FILE", options.file, tr("Plan file (TOML)"))->required();
  cmd->add_option(
      "--db", options.db,
      tr("Progress store (default: $PLANTRACK_DB, else FILE.plantrack.db beside the plan)"));
  if (format) {
    cmd->add_option("--format", options.format, tr("text or json"))
        ->check(CLI::IsMember({"text", "json"}));
  }
  if (date) {
    cmd->add_option("--date", options.date, tr("As-of date, YYYY-MM-DD (default: today)"));
  }
}

void add_period_options(CLI::App* cmd, TrackOptions& options) {
  cmd->add_option("--year", options.year, tr("Show one year's figures against its targets"));
  cmd->add_option("--period", options.period,
                  tr("Show a period's figures: 2018, 2016..2019, 2018-H1, 2018-Q2 or "
                     "2018-01-01..2018-09-30"));
}

void add_known_at_option(CLI::App* cmd, TrackOptions& options) {
  cmd->add_option("--known-at", options.known_at,
                  tr("Count only what was recorded by this UTC time (2014-10-24T17:00:00Z, as "
                     "history prints recorded_at) or date (its end): the figures as known then"));
}

namespace {

// --year or --period as a Period; prints what is wrong (and sets `code`) when neither parses.
bool period_of(const TrackOptions& options, std::optional<Period>& out, ExitCode& code) {
  if (options.year.empty() && options.period.empty()) return true;
  std::string what = options.year.empty() ? "--period" : "--year";
  std::string text = options.year.empty() ? options.period : options.year;
  PeriodParse parsed = parse_period(text);
  std::string error = parsed.error, fix = parsed.fix;
  if (!options.year.empty() && !options.period.empty()) {
    error = tr("--year and --period are given together");
    fix = tr("give one: --year 2018 is --period 2018");
  } else if (!options.year.empty() && parsed.period &&
             (parsed.period->kind != Period::Kind::kYears ||
              parsed.period->first_year() != parsed.period->last_year())) {
    error = tr("--year \"{year}\" is not one year", {{"year", text}});
    fix = tr("write --year 2018, or --period {period}", {{"period", text}});
  } else if (parsed.period) {
    out = parsed.period;
    return true;
  } else if (!options.year.empty()) {
    error = tr("--year \"{year}\" is not a four-digit year", {{"year", text}});
    fix = tr("e.g. --year 2014 (or --period for a half, a quarter or some days)");
  } else {
    error = what + " " + error;
  }
  std::cerr << tr("plantrack: error: {error}", {{"error", error}}) << "\n  "
            << tr("fix: {fix}", {{"fix", fix}}) << "\n";
  code = ExitCode::kUsage;
  return false;
}

}  // namespace

std::optional<Tracker> open_tracker(const TrackOptions& options, EventStore::Mode mode,
                                    ExitCode& code) {
  speak_plan_language(options.file);
  Tracker::Options o;
  o.mode = mode;
  o.store = options.db;
  o.plugins = !plugin_options().disabled;
  o.plugin_path = plugin_options().search;
  o.keep_plan_at_exit = true;
  if (!options.date.empty()) {
    std::optional<Date> date = parse_date(options.date);
    // In Vietnamese, also as the offices write dates: 24/10/2014.
    if (!date && language() == "vi") date = parse_day_month_year(options.date);
    if (!date) {
      std::cerr << tr("plantrack: error: --date \"{date}\" is not a calendar date",
                      {{"date", options.date}})
                << "\n  " << tr("fix: write it as 2014-10-24") << "\n";
      code = ExitCode::kUsage;
      return std::nullopt;
    }
    o.as_of = *date;
  }
  if (!period_of(options, o.period, code)) return std::nullopt;
  if (!options.known_at.empty()) {
    std::optional<std::string> known = parse_utc_time(options.known_at);
    if (!known) {
      std::cerr << tr("plantrack: error: --known-at \"{time}\" is not a UTC time or a date",
                      {{"time", printable(options.known_at)}})
                << "\n  "
                << tr("fix: write it as history prints recorded_at, 2014-10-24T17:00:00Z (UTC, "
                      "ending in Z), or as a date, 2014-10-24 (its end)")
                << "\n";
      code = ExitCode::kUsage;
      return std::nullopt;
    }
    o.known_at = *known;
  }
  Result<Tracker> tracker = Tracker::open(options.file, std::move(o));
  if (!tracker) {
    print_error(tracker.error(), "");
    code = tracker.error().code;
    return std::nullopt;
  }
  if (!tracker->history_elsewhere().empty()) {
    std::cerr << tr("plantrack: warning: no store beside {file} ({store}); plan id \"{plan}\" has "
                    "its history in {elsewhere}",
                    {{"file", options.file},
                     {"store", tracker->store_path()},
                     {"plan", printable(tracker->plan().info.id)},
                     {"elsewhere", tracker->history_elsewhere()}})
              << "\n  "
              << tr("fix: pass --db {elsewhere} to see it (these figures count none of it)",
                    {{"elsewhere", tracker->history_elsewhere()}})
              << "\n";
  }
  return std::move(*tracker);
}

void print_error(const TrackerError& e, const std::string& command) {
  std::cerr << render_text(e.diagnostics, e.source, kShownPerKind);
  switch (e.kind) {
    case TrackerError::Kind::kInvalidPlan:
      std::cerr << e.source.path() << ": " << e.message << "; " << e.fix << "\n";
      return;
    case TrackerError::Kind::kProgramme:
      std::cerr << tr("nothing was read or written") << "\n";
      return;
    case TrackerError::Kind::kPlugins:
      std::cerr << e.source.path() << ": " << e.message << "\n  "
                << tr("fix: {fix}", {{"fix", e.fix}}) << "\n";
      return;
    case TrackerError::Kind::kStore:
    case TrackerError::Kind::kInput:
      break;
  }
  if (!e.message.empty()) {
    std::string where = !e.where.empty()  ? e.where
                        : command.empty() ? std::string("plantrack")
                                          : "plantrack " + command;
    print_failure(where, e.message, e.fix);
  }
  if (e.wrote_nothing) std::cerr << tr("nothing was written") << "\n";
}

void print_failure(const std::string& where, const std::string& message, const std::string& fix) {
  std::cerr << tr("{where}: error: {message}", {{"where", where}, {"message", message}}) << "\n";
  if (!fix.empty()) std::cerr << "  " << tr("fix: {fix}", {{"fix", fix}}) << "\n";
}

void print_problems(const std::vector<Diagnostic>& diagnostics, const SourceText& source) {
  std::cerr << render_text(diagnostics, source, kShownPerKind);
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  std::size_t columns = display_width(text);
  if (columns >= width) return text;
  std::string fill(width - columns, ' ');
  return right ? fill + text : text + fill;
}

std::string state_text(TaskState state) {
  switch (state) {
    case TaskState::kNotStarted:
      return tr("not started");
    case TaskState::kInProgress:
      return tr("in progress");
    case TaskState::kDone:
      return tr("done");
    case TaskState::kCancelled:
      return tr("cancelled");
  }
  return std::string(to_string(state));
}

std::size_t state_width(std::size_t at_least) {
  std::size_t width = at_least;
  for (TaskState s :
       {TaskState::kNotStarted, TaskState::kInProgress, TaskState::kDone, TaskState::kCancelled}) {
    width = std::max(width, display_width(state_text(s)));
  }
  return width;
}

std::string describe_event(const Plan& plan, const PlanIndex& index, const Event& e) {
  std::string out = "#" + std::to_string(e.id) + " " + e.effective.to_string() + " " +
                    std::string(to_string(e.kind)) + " " + printable(e.task);
  std::optional<std::size_t> found = index.current_task(e.task);
  const Task* task = found ? &plan.tasks[*found] : nullptr;
  if (e.quantity) {
    out += (*e.quantity > 0 ? " +" : " ") + std::to_string(*e.quantity) +
           (task ? " " + printable(task->unit) : std::string());
  }
  if (e.amount) {
    NumberStyle style = number_style(plan.info.locale);
    out += " " + tr("{amount} from {source}",
                    {{"amount", format_money(*e.amount, style)}, {"source", printable(e.source)}});
    if (e.cost) {
      out += " " + tr("(of a cost of {cost})", {{"cost", format_money(*e.cost, style)}});
    }
    if (!e.participant.empty()) {
      out += " " + tr("to {participant}", {{"participant", printable(e.participant)}});
    }
  }
  if (e.year) out += " (" + std::to_string(*e.year) + ")";
  if (e.reverts) out += " " + tr("reverts #{event}", {{"event", *e.reverts}});
  out += " " + tr("by {actor}", {{"actor", printable(e.actor)}});
  if (!e.note.empty()) out += ": " + printable(e.note);
  if (!e.evidence.empty()) out += " [" + printable(e.evidence) + "]";
  if (!task) out += " " + tr("(task no longer in the plan)");
  return out;
}

}  // namespace plantrack::cli
