#pragma once
// What the tracking commands share: options, loading the plan, opening its store, printing
// problems.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/load.hpp"
#include "plantrack/output_file.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/plugin_host.hpp"
#include "plantrack/status.hpp"
#include "plantrack/store.hpp"

namespace plantrack::cli {

struct TrackOptions {
  std::string file;
  std::string db;
  std::string format = "text";
  std::string date;
};

/// Adds FILE, --db and (when asked) --format and --date to a command.
void add_track_options(CLI::App* cmd, TrackOptions& options, bool format, bool date);

/// The plan and its store, ready for a command.
struct Tracking {
 private:
  mutable std::unique_ptr<PlanIndex> index_;

 public:
  LoadResult loaded;
  std::optional<EventStore> store;
  Date as_of;
  std::string revision;  ///< SHA-256 of the plan file
  /// The plan's plugins (writing commands, unless --no-plugins); nullptr when none.
  std::unique_ptr<PluginHost> plugins;
  const Plan& plan() const { return loaded.plan; }
  /// Built on first use, once per command.
  const PlanIndex& index() const;

  Tracking() = default;
  Tracking(Tracking&&) = default;
  Tracking& operator=(Tracking&&) = default;
  ~Tracking();  ///< the plan is kept until the process exits (keep_until_exit)
  /// Status as of `as_of`, from the store. Without `readiness`, no blockers and no roll-ups (what
  /// checking records needs). Throws StoreError.
  PlanStatus status(bool readiness = true) const;
  /// What checking a record on `task` needs: only its events are read (and those of the ids it was
  /// renamed from); other tasks show nothing recorded; no readiness. Throws StoreError.
  PlanStatus status_for_record(const std::string& task) const;
  /// Keeps the store's task summaries up to date when appending (EventStore::append).
  EventStore::SummaryFold fold() const;
  /// After input was refused: removes the store file if this command created it (nothing was
  /// recorded in it), so that invalid input leaves nothing behind.
  void discard_new_store();

  /// Takes the store's write lock before a writing command reads what it checks against, so that
  /// the checks and the append are one transaction (see EventStore::Transaction). On failure
  /// prints what and how to fix ("plantrack COMMAND: error: ...") and returns false.
  bool lock_for_write(const std::string& command);
  /// Commits what was appended under the lock (nothing when no lock is held). Throws StoreError.
  void commit();

  std::string store_path;      ///< the store's file
  std::string programme_path;  ///< a year plan's programme file; empty for a programme
  /// The files this command reads and keeps, which no output may replace: the plan, its
  /// programme, its store.
  std::vector<KeptFile> kept_files() const;
  bool store_created = false;  ///< this command created it (read-write, the file was absent)
  /// Held from lock_for_write() to commit(); declared last, so it ends before the store closes.
  std::optional<EventStore::Transaction> write_lock;
};

/// Loads the plan (printing its errors) and opens the store: --db, else PLANTRACK_DB, else
/// `<plan>.plantrack.db`. On failure prints what and how to fix and sets `exit_code`.
std::optional<Tracking> open_tracking(const TrackOptions& options, EventStore::Mode mode,
                                      int& exit_code);

/// Prints diagnostics about command-line input ("plantrack record: error: ...") or a CSV file.
void print_problems(const std::vector<Diagnostic>& diagnostics, const SourceText& source);

/// JSON as the commands print it: indented by 2, invalid UTF-8 replaced, C1 controls and bidi
/// overrides escaped (printable, which keeps it valid JSON with the same values), a final newline.
std::string json_text(const nlohmann::ordered_json& json);

/// A percent rounded down for display: "87%".
std::string percent_text(double percent);

/// Pads UTF-8 text to `width` code points (left-aligned; right-aligned when `right`).
std::string pad(const std::string& text, std::size_t width, bool right = false);
/// One line for an event: id, date, kind, task, quantity with the task's unit, year, actor, note.
/// `index` finds the task (or the one renamed from it) without a walk over the plan per event.
std::string describe_event(const Plan& plan, const PlanIndex& index, const Event& e);

}  // namespace plantrack::cli
