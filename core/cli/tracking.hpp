#pragma once
// What the tracking commands share: options, opening the plan's Tracker, printing problems.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/exit_code.hpp"
#include "plantrack/load.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/status.hpp"
#include "plantrack/tracker.hpp"

namespace plantrack::cli {

struct TrackOptions {
  std::string file;
  std::string db;
  std::string format = "text";
  std::string date;
  std::string year, period;  ///< --year, --period (add_period_options)
  std::string known_at;      ///< --known-at (add_known_at_option)
};

/// Adds FILE, --db and (when asked) --format and --date to a command.
void add_track_options(CLI::App* cmd, TrackOptions& options, bool format, bool date);

/// Adds --year and --period (the figures of a period: docs/tracking.md, "Periods").
void add_period_options(CLI::App* cmd, TrackOptions& options);

/// Adds --known-at (the figures as the store knew them then: docs/tracking.md).
void add_known_at_option(CLI::App* cmd, TrackOptions& options);

/// Opens the plan's Tracker for a command: FILE, --db, --date, --year/--period, --known-at, the
/// global plugin options and the environment. On failure prints what and how to fix and sets
/// `code`.
std::optional<Tracker> open_tracker(const TrackOptions& options, EventStore::Mode mode,
                                    ExitCode& code);

/// Prints why a tracker could not open or a command could not go on, as the CLI always has:
/// the diagnostics, then what it means.
void print_error(const TrackerError& error, const std::string& command);

/// Prints "WHERE: error: MESSAGE" and "  fix: FIX" (when there is one) in the user's language: the
/// one form of a command's own errors (a file it could not read, a store that failed).
void print_failure(const std::string& where, const std::string& message, const std::string& fix);

/// Prints diagnostics about command-line input ("plantrack record: error: ...") or a CSV file.
void print_problems(const std::vector<Diagnostic>& diagnostics, const SourceText& source);

/// Pads UTF-8 text to `width` columns (left-aligned; right-aligned when `right`).
std::string pad(const std::string& text, std::size_t width, bool right = false);
/// A task's state in the language spoken ("in progress", "đang thực hiện").
std::string state_text(TaskState state);
/// The width of a column of states: the widest state_text(), and at least `at_least`.
std::size_t state_width(std::size_t at_least);
/// One line for an event: id, date, kind, task, quantity with the task's unit, year, actor, note.
/// `index` finds the task (or the one renamed from it) without a walk over the plan per event.
std::string describe_event(const Plan& plan, const PlanIndex& index, const Event& e);

}  // namespace plantrack::cli
