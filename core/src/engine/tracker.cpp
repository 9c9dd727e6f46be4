// The Tracker: opening a plan with its store and plugins, and the commands that read.
#include "plantrack/tracker.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "plantrack/i18n.hpp"
#include "plantrack/plan_cache.hpp"
#include "plantrack/printable.hpp"
#include "plantrack/stored_status.hpp"
#include "plantrack/year_plan.hpp"
#include "tracker_impl.hpp"

namespace plantrack {

void keep_until_exit(LoadResult&& result) {
  static auto* kept = new LoadResult();
  *kept = std::move(result);
}

namespace {

// A store beside `plan_path` (`*.plantrack.db`, at most 64 looked at) holding events of
// `plan_id`; empty when none does or none can be read.
std::string store_holding(const std::string& plan_path, const std::string& plan_id) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(plan_path).parent_path();
  bool here = dir.empty();  // names as the user would type them: "plan.toml.plantrack.db"
  if (here) dir = ".";
  std::vector<std::string> candidates;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    const std::string suffix = ".plantrack.db";
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        entry.is_regular_file(ec)) {
      candidates.push_back(here ? name : entry.path().string());
    }
    if (candidates.size() >= 64) break;
  }
  std::sort(candidates.begin(), candidates.end());
  for (const std::string& path : candidates) {
    try {
      EventStore store = EventStore::open(path, EventStore::Mode::kReadOnly, 0);
      if (store.holds(plan_id)) return path;
    } catch (const StoreError&) {  // not a store, or not ours to read: not the one
    }
  }
  return {};
}

TrackerError plan_error(TrackerError::Kind kind, std::vector<Diagnostic> diagnostics,
                        const SourceText& source) {
  TrackerError e;
  e.kind = kind;
  e.code = ExitCode::kInvalidInput;
  e.diagnostics = std::move(diagnostics);
  e.source = source;
  return e;
}

// The plan's errors (warnings are for 'plantrack validate').
TrackerError invalid_plan(const LoadResult& loaded, const std::string& path) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : loaded.diagnostics) {
    if (d.severity == Severity::kError) errors.push_back(d);
  }
  TrackerError e = plan_error(TrackerError::Kind::kInvalidPlan, std::move(errors), loaded.source);
  e.message = tr("invalid plan: nothing was read or written");
  e.fix = tr("run 'plantrack validate {plan}' for details", {{"plan", path}});
  return e;
}

int busy_timeout_ms(const Environment& env) {
  std::optional<std::string> value = env.get("PLANTRACK_BUSY_TIMEOUT_MS");
  return value ? std::atoi(value->c_str()) : 5000;
}

}  // namespace

TrackerError store_error(const StoreError& e, bool wrote_nothing) {
  TrackerError out;
  out.kind = TrackerError::Kind::kStore;
  out.code = ExitCode::kInvalidInput;
  out.message = e.what();
  out.fix = e.fix();
  out.wrote_nothing = wrote_nothing;
  return out;
}

std::vector<std::string> Tracker::Impl::search_path() const {
  return plugin_search_path(options.plugin_path, options.environment);
}

std::unique_ptr<PluginHost> Tracker::Impl::bare_host() const {
  return std::make_unique<PluginHost>(search_path());
}

std::optional<TrackerError> Tracker::Impl::load_plugins() {
  plugins_tried = true;
  if (loaded.plan.plugins.empty() || !options.plugins) return std::nullopt;
  auto host = bare_host();
  DiagnosticSink sink(plan_path);
  if (!host->load_plan_plugins(loaded.plan, plan_path, sink)) {
    TrackerError e = plan_error(TrackerError::Kind::kPlugins, sink.take_sorted(), loaded.source);
    e.message = tr("the plan's plugins cannot be loaded: nothing was written");
    e.fix = tr("correct the [[plugin]] entries, or run with --no-plugins");
    return e;
  }
  plugins = std::move(host);
  return std::nullopt;
}

Result<Tracker> Tracker::open(const std::string& plan_path, Options options) {
  auto m = std::make_unique<Impl>();
  m->options = std::move(options);
  const Options& o = m->options;
  m->clock = o.clock ? o.clock : std::make_shared<SystemClock>(o.environment);
  m->plan_path = plan_path;
  std::string cache = o.cache_dir.empty() ? plan_cache_dir(o.environment) : o.cache_dir;
  CachedPlan cached = load_plan_cached(plan_path, cache);
  m->loaded = std::move(cached.loaded);
  m->revision = std::move(cached.revision);
  if (!m->loaded.ok()) return invalid_plan(m->loaded, plan_path);
  std::string db = o.store.empty() ? o.environment.get("PLANTRACK_DB").value_or("") : o.store;
  Plan& plan = m->loaded.plan;
  if (plan.info.is_year_plan()) {
    // A year plan records into its programme's log, under the programme's id, so that its
    // progress counts toward the programme (docs/planning.md). Without a programme that is
    // really its programme it would start a log of its own, silently apart.
    ProgrammeCheck check = check_programme(
        plan, plan_path, [&](const std::string& f) { return load_plan_cached(f, cache).loaded; });
    if (check.problem) {
      return plan_error(TrackerError::Kind::kProgramme, {*check.problem}, m->loaded.source);
    }
    m->programme_path = check.path;
    plan.info.id = plan.info.programme_id;
    if (db.empty()) db = default_store_path(m->programme_path);
  }
  m->index = std::make_unique<PlanIndex>(plan);
  if (o.mode == EventStore::Mode::kReadWrite) {  // settings checked before anything is written
    if (std::optional<TrackerError> e = m->load_plugins()) return std::move(*e);
  }
  if (o.period && (o.period->last_year() < plan.info.period_start ||
                   o.period->first_year() > plan.info.period_end)) {
    TrackerError e;
    e.kind = TrackerError::Kind::kInput;
    e.code = ExitCode::kUsage;
    std::string span =
        std::to_string(plan.info.period_start) + ".." + std::to_string(plan.info.period_end);
    e.message = tr("period {period} is outside the programme's period {span}",
                   {{"period", o.period->to_string()}, {"span", span}});
    e.fix =
        tr("give a period within {span} (e.g. --period {span} for all of it)", {{"span", span}});
    return e;
  }
  m->period = o.period;
  m->known_at = o.known_at;
  std::optional<Date> known_day =
      o.known_at.empty() ? std::nullopt : parse_date(std::string_view(o.known_at).substr(0, 10));
  m->as_of = o.as_of ? *o.as_of : known_day ? *known_day : m->clock->today();
  bool defaulted = db.empty();
  if (defaulted) db = default_store_path(plan_path);
  std::error_code exists_error;
  bool existed = std::filesystem::exists(db, exists_error);
  // An amended copy of the plan saved under another name, with the same plan id: its history is
  // in the store beside the original. Found by the id, named to the user (not followed: which
  // copy is current is theirs to say).
  if (defaulted && !existed) m->history_elsewhere = store_holding(plan_path, plan.info.id);
  if (!m->history_elsewhere.empty() && o.mode == EventStore::Mode::kReadWrite) {
    TrackerError e;  // writing here would split the plan's history in two stores
    e.kind = TrackerError::Kind::kInput;
    e.code = ExitCode::kUsage;
    e.message =
        tr("plan id \"{id}\" has its history in {store}, not beside {plan} ({db} would start a "
           "second, separate history)",
           {{"id", printable(plan.info.id)},
            {"store", m->history_elsewhere},
            {"plan", plan_path},
            {"db", db}});
    e.fix = tr("pass --db {store} to add to that history (or --db {db} to start apart on purpose)",
               {{"store", m->history_elsewhere}, {"db", db}});
    e.wrote_nothing = true;
    return e;
  }
  try {
    m->store = EventStore::open(db, o.mode, busy_timeout_ms(o.environment));
    m->store_path = db;
    m->store_created = o.mode == EventStore::Mode::kReadWrite && !existed;
  } catch (const StoreError& e) {
    return store_error(e, o.mode == EventStore::Mode::kReadWrite);
  }
  return Tracker(std::move(m));
}

Tracker::Tracker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tracker::Tracker(Tracker&&) noexcept = default;
Tracker& Tracker::operator=(Tracker&&) noexcept = default;

Tracker::~Tracker() {
  if (!impl_) return;
  impl_->store.reset();  // the store and the plugins go first; the plan they read, last
  impl_->plugins.reset();
  impl_->graph.reset();
  impl_->index.reset();
  if (impl_->options.keep_plan_at_exit) keep_until_exit(std::move(impl_->loaded));
}

const Plan& Tracker::plan() const {
  return impl_->loaded.plan;
}
const PlanIndex& Tracker::index() const {
  return *impl_->index;
}
const DependencyGraph& Tracker::dependency_graph() const {
  return impl_->dependency_graph();
}
const SourceText& Tracker::source() const {
  return impl_->loaded.source;
}
const std::string& Tracker::revision() const {
  return impl_->revision;
}
Date Tracker::as_of() const {
  return impl_->as_of;
}

const std::string& Tracker::history_elsewhere() const {
  return impl_->history_elsewhere;
}

const std::optional<Period>& Tracker::period() const {
  return impl_->period;
}

const std::string& Tracker::known_at() const {
  return impl_->known_at;
}
const Clock& Tracker::clock() const {
  return *impl_->clock;
}
const std::string& Tracker::plan_path() const {
  return impl_->plan_path;
}
const std::string& Tracker::store_path() const {
  return impl_->store_path;
}
const std::string& Tracker::programme_path() const {
  return impl_->programme_path;
}

std::vector<KeptFile> Tracker::kept_files() const {
  std::vector<KeptFile> kept{{impl_->loaded.source.path(), tr("the plan")},
                             {impl_->store_path, tr("the plan's store")}};
  if (!impl_->programme_path.empty())
    kept.push_back({impl_->programme_path, tr("the plan's programme")});
  return kept;
}

Result<PluginHost*> Tracker::plugins() {
  if (!impl_->plugins_tried) {
    if (std::optional<TrackerError> e = impl_->load_plugins()) return std::move(*e);
  }
  return impl_->plugins.get();
}

PlanStatus Tracker::status() const {
  const Impl& m = *impl_;
  return status_from_store(m.loaded.plan, *m.index, *m.store, m.scope(), true, {},
                           &m.dependency_graph());
}

PlanStatus Tracker::progress() const {
  const Impl& m = *impl_;
  return status_from_store(m.loaded.plan, *m.index, *m.store, m.as_of, false);
}

NextTasks Tracker::next() const {
  NextTasks out;
  out.status = status();
  std::vector<std::size_t> order =
      impl_->dependency_graph().task_order().value_or(std::vector<std::size_t>{});
  const Plan& plan = impl_->loaded.plan;
  for (std::size_t i : order) {
    if (!out.status.tasks[i].ready) continue;
    std::vector<int> years = plan.tasks[i].active_years();
    bool later = !years.empty() && years.front() > out.status.as_of.year();
    (later ? out.later : out.ready).push_back(i);
  }
  return out;
}

Result<WhyTask> Tracker::why(const std::string& id) const {
  const Plan& p = plan();
  const Task* task = p.find_task(id);
  if (!task) {
    std::vector<std::string_view> ids;
    for (const Task& each : p.tasks) ids.push_back(each.id);
    std::string hint = suggest(id, ids);
    TrackerError e;
    e.kind = TrackerError::Kind::kInput;
    e.message = tr("unknown task \"{task}\"", {{"task", printable(id)}});
    e.fix = hint.empty() ? tr("run 'plantrack status' to see the task ids")
                         : tr("did you mean \"{id}\"?", {{"id", printable(hint)}});
    return e;
  }
  WhyTask out;
  out.status = status();
  out.task = static_cast<std::size_t>(task - p.tasks.data());
  out.waiting_on = waiting_on(out.status, out.task);
  return out;
}

History Tracker::history(const std::string& task) const {
  History out;
  const std::string& id = plan().info.id;
  for (const EventStore::Revert& r : impl_->store->reverts(id)) out.reverted_by[r.reverted] = r.by;
  std::vector<Event> events = impl_->store->events(id);
  out.empty_log = events.empty();
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (!task.empty() && it->task != task) continue;
    // A period's events: those whose date (moved into the year they count for) falls in it.
    if (impl_->period && !impl_->period->contains(place_of(it->effective, it->year))) continue;
    out.events.push_back(std::move(*it));
  }
  return out;
}

void Tracker::discard_new_store() {
  Impl& m = *impl_;
  if (!m.store_created) return;
  m.store_created = false;
  // Another command may have found the file absent too, and recorded into it meanwhile: the file
  // goes only when it holds no event and this was its last connection (SQLite removes the -wal
  // file when the last connection closes; while another has the store open, it stays).
  bool empty = false;
  try {
    empty = !m.store->has_events();
  } catch (const StoreError&) {
    empty = false;  // cannot tell: keep it
  }
  m.store.reset();  // closes the database first
  std::error_code ignored;
  if (!empty || std::filesystem::exists(m.store_path + "-wal", ignored)) return;
  for (const char* suffix : {"", "-shm", "-journal"}) {
    std::filesystem::remove(m.store_path + suffix, ignored);
  }
}

}  // namespace plantrack
