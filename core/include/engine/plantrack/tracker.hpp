#pragma once
/// The engine: one plan, its store and its plugins, and every verb plantrack has on them. Each
/// front end (the CLI, next the server) parses, calls one Tracker method, and renders; the policy
/// (which store a plan uses, the year plan's mapping onto its programme, when plugins load, which
/// domain events a write produces, what notifiers are sent) lives here, once. docs/embedding.md.
///
/// Example (examples/embed/):
///   plantrack::Tracker::Options options;
///   options.mode = plantrack::EventStore::Mode::kReadWrite;
///   auto tracker = plantrack::Tracker::open("plan.toml", options);
///   if (!tracker) return print(tracker.error());
///   plantrack::DiagnosticSink sink("embed");
///   plantrack::RecordInput in;
///   in.task = "posters";
///   in.quantity = "500";
///   plantrack::AppendResult r = tracker->append({in}, sink);
///   plantrack::PlanStatus now = tracker->status();
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "plantrack/delivery.hpp"
#include "plantrack/diagnostic.hpp"
#include "plantrack/environment.hpp"
#include "plantrack/event.hpp"
#include "plantrack/exit_code.hpp"
#include "plantrack/export.hpp"
#include "plantrack/graph.hpp"
#include "plantrack/load.hpp"
#include "plantrack/output_file.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/plugin_host.hpp"
#include "plantrack/recording.hpp"
#include "plantrack/status.hpp"
#include "plantrack/store.hpp"

namespace plantrack {

/// Why a tracker could not open, or a command could not go on: the problems at their places
/// (`diagnostics`, rendered with `source`) and/or what happened and how to fix it.
struct TrackerError {
  enum class Kind {
    kInvalidPlan,  ///< the plan has errors (diagnostics); nothing was read or written
    kProgramme,    ///< a year plan's programme is missing or wrong (diagnostics)
    kPlugins,      ///< the plan's plugins cannot be loaded (diagnostics, at the plan's lines)
    kStore,        ///< the store cannot be opened, read or written (message, fix)
    kInput,        ///< what the command was given is wrong (diagnostics and/or message, fix)
  };
  Kind kind = Kind::kInput;
  ExitCode code = ExitCode::kInvalidInput;
  std::vector<Diagnostic> diagnostics;
  SourceText source;  ///< what `diagnostics` point into (the plan, a CSV, a changes file)
  std::string message, fix;
  std::string where;  ///< the file `message` is about, when not the command's input in general
  /// A write was refused: nothing of it was written (false for reads, and for a store failure
  /// after the write: what was recorded is kept).
  bool wrote_nothing = false;
};

/// A value, or why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}             // NOLINT: implicit, like std::optional
  Result(TrackerError error) : error_(std::move(error)) {}  // NOLINT
  explicit operator bool() const { return value_.has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  const TrackerError& error() const { return error_; }

 private:
  std::optional<T> value_;
  TrackerError error_;
};

/// A lifecycle change as typed: start, complete, block, unblock, cancel or reopen a task.
struct LifecycleInput {
  std::string task;
  EventKind kind = EventKind::kStart;
  std::string reason;
};

/// A revert as typed: the event ("42" or "#42"), why, and when the correction takes effect
/// (YYYY-MM-DD; empty: the reverted event's own effective date, so every view of the time it
/// counted in is corrected).
struct RevertInput {
  std::string event;
  std::string reason;
  std::string date;
};

/// One change a user asks for; Tracker::append checks it against the plan and the store.
using Change = std::variant<RecordInput, SpendInput, LifecycleInput, RevertInput>;

/// What a write did.
struct AppendResult {
  std::vector<Event> appended;  ///< as stored, with their ids; empty when nothing was written
  /// The domain events derived from the write (what was recorded, tasks completed or unblocked,
  /// stages completed), as sent to the notifiers in one batch.
  std::vector<sdk::Event> events;
  DeliveryResult delivery;  ///< what the notifiers did with them
  /// The store failed: before the append (nothing written) or, after it, while remembering
  /// deliveries (what was recorded is kept; `wrote_nothing` is false).
  std::optional<TrackerError> error;
  /// Set when the input had errors (reported to the sink): nothing was written.
  bool refused = false;
  PLANTRACK_API ExitCode exit_code() const;
};

/// What `next` shows: the status, and the tasks ready now in dependency order.
/// What `next` lists: the ready tasks in dependency order, this year's work (a task planned for
/// the as-of year or earlier, or without years) first, then `later`: ready, but planned from a
/// later year.
struct NextTasks {
  PlanStatus status;
  std::vector<std::size_t> ready;  ///< indexes into plan.tasks
  std::vector<std::size_t> later;  ///< ready, planned from a later year (its first year)
};

/// What `why` explains: a task, its status, and the chain of tasks it waits for (waiting_on).
struct WhyTask {
  PlanStatus status;
  std::size_t task = 0;
  std::vector<std::size_t> waiting_on;
};

/// The log, newest first, with which event reverted which.
struct History {
  std::vector<Event> events;                         ///< newest first
  std::map<std::int64_t, std::int64_t> reverted_by;  ///< event id -> the revert's id
  bool empty_log = true;                             ///< the plan's log has no event at all
};

/// What `check` found and sent.
struct CheckResult {
  PlanStatus status;
  std::vector<PluginFinding> findings;
  std::vector<PluginFailure> check_failures;  ///< funding checks that failed
  std::vector<sdk::Event> events;             ///< alerts and findings, as sent to the notifiers
  DeliveryResult delivery;
  std::size_t alert_count = 0;  ///< alerts that need action (not "stage completed")
  bool notifiers = false;       ///< the plan has notifiers loaded
  PLANTRACK_API ExitCode exit_code() const;
};

/// What a report is asked for. `output` empty or "-": standard output (`text` of the result).
struct ReportOrder {
  std::string format = "md";
  std::string lang;  ///< "vi" or "en"; empty: the plan's locale (the period: Options::period)
  std::string table;
  std::string output;
  bool force = false;
};

struct ReportResult {
  std::vector<OutputFile> files;  ///< as written; one with path "-" for standard output
  bool to_stdout = false;
  std::vector<PluginFailure> check_failures;   ///< funding checks that failed (findings missing)
  std::vector<PluginFailure> notify_failures;  ///< notifiers that failed on report-generated
  PLANTRACK_API ExitCode exit_code() const;
};

struct YearPlanResult {
  std::string text;  ///< the year plan, as written
  std::size_t tasks = 0;
  bool to_stdout = false;
};

/// `status --what-if`: before and after changes applied in memory; nothing is written.
struct WhatIfResult {
  std::vector<std::string> changes;  ///< each change in words
  PlanStatus before, after;
  Plan changed;  ///< the plan with the changes applied (indexed like the plan)
  std::vector<std::string> alerts, findings;  ///< "- " before only, "+ " after only
  bool funding_checks = false;                ///< the plan has funding checks
};

class PLANTRACK_API Tracker {
 public:
  struct Options {
    EventStore::Mode mode = EventStore::Mode::kReadOnly;
    /// The store's file (--db). Empty: PLANTRACK_DB, else a year plan's programme's store, else
    /// `<plan>.plantrack.db` beside the plan (docs/tracking.md, "Which store").
    std::string store;
    std::optional<Date> as_of;  ///< default: the clock's today
    /// Reads show the figures of this period (--period, --year) beside those to as_of()
    /// (docs/tracking.md, "Periods").
    std::optional<Period> period;
    /// Reads count only the events recorded at or before this UTC time (--known-at; the text
    /// parse_utc_time gives): the figures as the store knew them then. The as-of date defaults
    /// to its date (docs/tracking.md, "Reports as they were sent").
    std::string known_at;
    bool plugins = true;                   ///< false: --no-plugins
    std::vector<std::string> plugin_path;  ///< looked in first (--plugin-path)
    /// The plan cache's folder; empty: from the environment (plan_cache.hpp); "off": none.
    std::string cache_dir;
    Environment environment = Environment::process();
    std::shared_ptr<const Clock> clock;  ///< default: SystemClock over `environment`
    /// Do not tear the plan down when the tracker goes (a process about to exit frees it all at
    /// once, like clang's -disable-free; a 100k-task plan's teardown is ~4% of a command).
    bool keep_plan_at_exit = false;
  };

  /// Loads the plan (through the plan cache), maps a year plan onto its programme, loads its
  /// plugins (when writing, so their settings are checked before anything is written) and opens
  /// its store.
  static Result<Tracker> open(const std::string& plan_path, Options options);

  Tracker(Tracker&&) noexcept;
  Tracker& operator=(Tracker&&) noexcept;
  ~Tracker();

  const Plan& plan() const;  ///< a year plan's carries its programme's id
  const PlanIndex& index() const;
  /// The plan's dependency graph, built once per tracker.
  const DependencyGraph& dependency_graph() const;
  const SourceText& source() const;     ///< the plan file's text
  const std::string& revision() const;  ///< SHA-256 of the plan file
  Date as_of() const;
  const std::optional<Period>& period() const;  ///< Options::period
  const std::string& known_at() const;          ///< Options::known_at
  const Clock& clock() const;
  const std::string& plan_path() const;
  const std::string& store_path() const;
  /// When the store beside the plan did not exist: another store in the plan's folder holding
  /// this plan id's history (an amended copy saved under a new name); empty otherwise.
  const std::string& history_elsewhere() const;
  const std::string& programme_path() const;  ///< a year plan's programme; empty otherwise
  /// The files no output may replace: the plan, its programme, its store.
  std::vector<KeptFile> kept_files() const;
  /// The plan's plugins (loaded on first use when reading); nullptr when none or disabled.
  Result<PluginHost*> plugins();

  /// Status as of as_of(), with readiness and roll-ups. Throws StoreError.
  PlanStatus status() const;
  /// The same without blockers and roll-ups (what checking records needs).
  PlanStatus progress() const;
  NextTasks next() const;
  /// Why `task` is blocked, late or done; an unknown id is refused with "did you mean".
  Result<WhyTask> why(const std::string& task) const;
  /// The log newest first; only `task`'s events when not empty; with a period, only the events
  /// that fall in it (place_of).
  History history(const std::string& task = {}) const;

  /// Checks `changes` against the plan and the store under the store's write lock (problems to
  /// `sink`: then nothing is written, not even a new empty store), appends them all in one
  /// transaction, derives the domain events once and sends them to the notifiers in one batch.
  /// Needs Mode::kReadWrite. `appended`, when given, is called once the events are committed and
  /// before the notifiers run (a front end says what was recorded before a notifier prints).
  AppendResult append(const std::vector<Change>& changes, DiagnosticSink& sink,
                      const std::function<void(const std::vector<Event>&)>& appended = nullptr);

  /// Funding checks and alerts as of as_of(); sends what was not sent before (all with `resend`).
  Result<CheckResult> check(bool resend);
  /// Renders and writes a report; sends report-generated.
  Result<ReportResult> report(const ReportOrder& order);
  /// Writes the plan for `year` (the tracker opened as of the end of the year before).
  Result<YearPlanResult> plan_year(int year, const std::string& output, bool force);
  /// Applies CHANGES.toml in memory and compares.
  Result<WhatIfResult> what_if(const std::string& changes_path);

  /// After input was refused: removes the store file if this tracker created it (nothing was
  /// recorded in it), so that invalid input leaves nothing behind.
  void discard_new_store();

 private:
  struct Impl;
  explicit Tracker(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Like clang's -disable-free: `result`'s plan is not torn down before the process exits, which
/// frees it all at once (tearing down a 100k-task plan's model costs ~4% of a command). Only the
/// most recent one is kept, so a command over many files does not pile them up. What
/// Options::keep_plan_at_exit does with a tracker's plan, for a plan loaded without one (validate).
PLANTRACK_API void keep_until_exit(LoadResult&& result);

/// `validate --notify`: the plan-validated event of a valid plan (key "plan-validated/<plan id>",
/// `summary` as its message, as of `as_of`), derived in the core like a write's domain events, sent
/// to the notifiers `host` has loaded for the plan. Returns the notifiers that failed on it.
PLANTRACK_API std::vector<PluginFailure> notify_validated(PluginHost& host, const Plan& plan,
                                                          std::string summary, Date as_of);

}  // namespace plantrack
