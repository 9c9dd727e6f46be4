#include "tracking.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "plantrack/money.hpp"
#include "plantrack/plan_cache.hpp"
#include "plantrack/printable.hpp"
#include "plantrack/stored_status.hpp"
#include "plantrack/year_plan.hpp"
#include "plugins.hpp"

namespace plantrack::cli {

void add_track_options(CLI::App* cmd, TrackOptions& options, bool format, bool date) {
  cmd->add_option("FILE", options.file, "Plan file (TOML)")->required();
  cmd->add_option(
      "--db", options.db,
      "Progress store (default: $PLANTRACK_DB, else FILE.plantrack.db beside the plan)");
  if (format) {
    cmd->add_option("--format", options.format, "text or json")
        ->check(CLI::IsMember({"text", "json"}));
  }
  if (date) cmd->add_option("--date", options.date, "As-of date, YYYY-MM-DD (default: today)");
}

std::optional<Tracking> open_tracking(const TrackOptions& options, EventStore::Mode mode,
                                      int& exit_code) {
  Tracking t;
  CachedPlan cached = load_plan_cached(options.file);
  t.loaded = std::move(cached.loaded);
  t.revision = std::move(cached.revision);
  if (!t.loaded.ok()) {
    std::vector<Diagnostic> errors;  // warnings are for 'plantrack validate'
    for (const Diagnostic& d : t.loaded.diagnostics) {
      if (d.severity == Severity::kError) errors.push_back(d);
    }
    std::cerr << render_text(errors, t.loaded.source);
    std::cerr << options.file << ": invalid plan: nothing was read or written; run 'plantrack "
              << "validate " << options.file << "' for details\n";
    exit_code = 1;
    return std::nullopt;
  }
  std::string programme;  // a year plan's programme file
  std::string db = options.db;
  if (const char* env = std::getenv("PLANTRACK_DB"); db.empty() && env && *env) db = env;
  if (t.loaded.plan.info.is_year_plan()) {
    // A year plan records into its programme's log, under the programme's id, so that its
    // progress counts toward the programme (docs/planning.md). Without a programme that is
    // really its programme it would start a log of its own, silently apart.
    ProgrammeCheck check = check_programme(t.loaded.plan, options.file, [](const std::string& f) {
      return load_plan_cached(f).loaded;
    });
    if (check.problem) {
      std::cerr << render_text({*check.problem}, t.loaded.source)
                << "nothing was read or written\n";
      exit_code = 1;
      return std::nullopt;
    }
    programme = check.path;
    t.loaded.plan.info.id = t.loaded.plan.info.programme_id;
    if (db.empty()) db = default_store_path(programme);
  }
  t.programme_path = programme;
  if (mode == EventStore::Mode::kReadWrite) {  // settings checked before anything is written
    t.plugins = load_plugins(t.plan(), options.file, t.loaded.source, exit_code);
    if (exit_code != 0) return std::nullopt;
  }
  t.as_of = today();
  if (!options.date.empty()) {
    std::optional<Date> date = parse_date(options.date);
    if (!date) {
      std::cerr << "plantrack: error: --date \"" << options.date
                << "\" is not a calendar date\n  fix: write it as 2014-10-24\n";
      exit_code = 2;
      return std::nullopt;
    }
    t.as_of = *date;
  }
  if (db.empty()) db = default_store_path(options.file);
  int busy_timeout_ms = 5000;
  if (const char* env = std::getenv("PLANTRACK_BUSY_TIMEOUT_MS"); env && *env) {
    busy_timeout_ms = std::atoi(env);
  }
  std::error_code exists_error;
  bool existed = std::filesystem::exists(db, exists_error);
  try {
    t.store = EventStore::open(db, mode, busy_timeout_ms);
    t.store_path = db;
    t.store_created = mode == EventStore::Mode::kReadWrite && !existed;
  } catch (const StoreError& e) {
    std::cerr << "plantrack: error: " << e.what() << "\n  fix: " << e.fix() << "\n";
    if (mode == EventStore::Mode::kReadWrite) std::cerr << "nothing was written\n";
    exit_code = 1;
    return std::nullopt;
  }
  return t;
}

std::vector<KeptFile> Tracking::kept_files() const {
  std::vector<KeptFile> kept{{loaded.source.path(), "the plan"}, {store_path, "the plan's store"}};
  if (!programme_path.empty()) kept.push_back({programme_path, "the plan's programme"});
  return kept;
}

bool Tracking::lock_for_write(const std::string& command) {
  try {
    write_lock.emplace(*store);
    return true;
  } catch (const StoreError& e) {
    discard_new_store();
    std::cerr << "plantrack " << command << ": error: " << e.what() << "\n  fix: " << e.fix()
              << "\nnothing was written\n";
    return false;
  }
}

void Tracking::commit() {
  if (!write_lock) return;
  write_lock->commit();
  write_lock.reset();
}

void Tracking::discard_new_store() {
  write_lock.reset();  // rolls back
  if (!store_created) return;
  store_created = false;
  // Another command may have found the file absent too, and recorded into it meanwhile: the file
  // goes only when it holds no event and this was its last connection (SQLite removes the -wal
  // file when the last connection closes; while another has the store open, it stays).
  bool empty = false;
  try {
    empty = !store->has_events();
  } catch (const StoreError&) {
    empty = false;  // cannot tell: keep it
  }
  store.reset();  // closes the database first
  std::error_code ignored;
  if (!empty || std::filesystem::exists(store_path + "-wal", ignored)) return;
  for (const char* suffix : {"", "-shm", "-journal"}) {
    std::filesystem::remove(store_path + suffix, ignored);
  }
}

Tracking::~Tracking() {
  index_.reset();
  keep_until_exit(std::move(loaded));
}

const PlanIndex& Tracking::index() const {
  if (!index_) index_ = std::make_unique<PlanIndex>(plan());
  return *index_;
}

EventStore::SummaryFold Tracking::fold() const {
  return summary_fold(plan(), index());
}

PlanStatus Tracking::status(bool readiness) const {
  return status_from_store(plan(), index(), *store, as_of, readiness);
}

PlanStatus Tracking::status_for_record(const std::string& task) const {
  std::vector<std::string> ids{task};
  if (const Task* t = plan().find_task(task)) {  // and the ids it had before
    ids.insert(ids.end(), t->renamed_from.begin(), t->renamed_from.end());
  }
  return status_from_store(plan(), index(), *store, as_of, false, ids);
}

void print_problems(const std::vector<Diagnostic>& diagnostics, const SourceText& source) {
  constexpr std::size_t kShownPerKind = 20;  // a million-row import: the first ones and a count
  std::cerr << render_text(diagnostics, source, kShownPerKind);
}

std::string json_text(const nlohmann::ordered_json& json) {
  return printable(json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
                   LineBreaks::kAllowed) +
         "\n";
}

std::string percent_text(double percent) {
  return format_percent(percent);
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  std::size_t points = 0;
  for (char c : text) points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (points >= width) return text;
  std::string fill(width - points, ' ');
  return right ? fill + text : text + fill;
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
    out += " " + format_money(*e.amount, style) + " from " + printable(e.source);
    if (e.cost) out += " (of a cost of " + format_money(*e.cost, style) + ")";
    if (!e.participant.empty()) out += " to " + printable(e.participant);
  }
  if (e.year) out += " (" + std::to_string(*e.year) + ")";
  if (e.reverts) out += " reverts #" + std::to_string(*e.reverts);
  out += " by " + printable(e.actor);
  if (!e.note.empty()) out += ": " + printable(e.note);
  if (!e.evidence.empty()) out += " [" + printable(e.evidence) + "]";
  if (!task) out += " (task no longer in the plan)";
  return out;
}

}  // namespace plantrack::cli
