// The Tracker through its public header: a plan file and a store of the test's own, the clock and
// the environment passed in (no setenv, no sleeps).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "../temp_db.hpp"
#include "../test_plans.hpp"
#include "plantrack/tracker.hpp"

using namespace plantrack;
using plantrack::test::TempDb;

namespace {

namespace fs = std::filesystem;

// A folder of the test's own holding `plan.toml`, removed at the end.
struct PlanFolder {
  fs::path dir;
  explicit PlanFolder(const std::string& body) {
    dir = fs::temp_directory_path() / ("plantrack-tracker-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir);
    std::ofstream(dir / "plan.toml") << test::kHeader << body;
  }
  ~PlanFolder() { fs::remove_all(dir); }
  PlanFolder(const PlanFolder&) = delete;
  PlanFolder& operator=(const PlanFolder&) = delete;
  std::string plan() const { return (dir / "plan.toml").string(); }
  std::string read(const std::string& name) const {
    std::ifstream in(dir / name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
};

const std::string kPlan = test::task("posters", "awareness", 10) +
                          test::task("training", "training", 2, "depends_on = [\"posters\"]\n");

const std::string kOutbox = R"(
[[plugin]]
name = "outbox"
)";

// What every case sets up: the plan in a folder of its own, a store of its own, a clock fixed at
// 2013-03-01 08:00 UTC, an empty environment, no plan cache, the built-in plugins, and a sink for
// what the tracker refuses.
struct TrackerCase {
  PlanFolder folder;
  TempDb db;
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>("2013-03-01T08:00:00Z");
  DiagnosticSink sink{"test"};

  explicit TrackerCase(const std::string& plan = kPlan) : folder(plan) {}

  Tracker::Options options(EventStore::Mode mode = EventStore::Mode::kReadWrite) const {
    Tracker::Options o;
    o.mode = mode;
    o.store = db.str();
    o.cache_dir = "off";
    o.environment = Environment::of({});
    o.clock = clock;
    o.plugin_path = {PLANTRACK_BUILTIN_PLUGIN_DIR};
    return o;
  }
  Result<Tracker> open(EventStore::Mode mode = EventStore::Mode::kReadWrite) const {
    return Tracker::open(folder.plan(), options(mode));
  }
};

RecordInput record(const std::string& task, const std::string& quantity) {
  RecordInput in;
  in.task = task;
  in.quantity = quantity;
  in.by = "test";
  return in;
}

}  // namespace

TEST_CASE("a tracker records, and reads status as of its clock", "[tracker]") {
  TrackerCase c;
  Result<Tracker> t = c.open();
  REQUIRE(t);
  CHECK(t->as_of() == Date{2013, 3, 1});
  CHECK(t->store_path() == c.db.str());
  AppendResult r = t->append({record("posters", "10")}, c.sink);
  REQUIRE(r.exit_code() == ExitCode::kOk);
  REQUIRE(r.appended.size() == 1);
  CHECK(r.appended[0].id == 1);
  CHECK(r.appended[0].effective == Date{2013, 3, 1});  // the clock's today
  CHECK(r.events.empty());                             // no notifier: nothing derived
  PlanStatus s = t->status();
  CHECK(s.tasks[0].state == TaskState::kDone);
  CHECK(s.tasks[1].ready);
  History h = t->history();
  REQUIRE(h.events.size() == 1);
  CHECK(h.events[0].recorded_at == "2013-03-01T08:00:00Z");  // the clock's now
  NextTasks next = t->next();
  CHECK(next.ready == std::vector<std::size_t>{1});
}

TEST_CASE("invalid input writes nothing, not even a new store", "[tracker]") {
  TrackerCase c;
  Result<Tracker> t = c.open();
  REQUIRE(t);
  AppendResult r = t->append({record("posters", "3"), record("postres", "1")}, c.sink);
  CHECK(r.refused);
  CHECK(r.exit_code() == ExitCode::kInvalidInput);
  CHECK(r.appended.empty());
  std::vector<Diagnostic> problems = c.sink.take_sorted();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "unknown-task");
  CHECK_FALSE(fs::exists(c.db.path));
}

TEST_CASE("a write derives its domain events once and sends them as one batch", "[tracker]") {
  TrackerCase c(kPlan + kOutbox);
  Result<Tracker> t = c.open();
  REQUIRE(t);
  std::size_t told = 0;
  AppendResult r = t->append({record("posters", "4"), record("posters", "6")}, c.sink,
                             [&](const std::vector<Event>& appended) { told = appended.size(); });
  REQUIRE(r.exit_code() == ExitCode::kOk);
  CHECK(told == 2);
  std::vector<std::string> types;
  for (const sdk::Event& e : r.events) types.emplace_back(sdk::to_string(e.type));
  // Two records; the task is done, its successor unblocked, the first stage complete.
  CHECK(types == std::vector<std::string>{"progress-recorded", "progress-recorded",
                                          "task-completed", "task-unblocked", "stage-completed"});
  CHECK(r.delivery.sent == 5);
  std::string outbox = c.folder.read("plantrack-outbox.jsonl");
  CHECK(std::count(outbox.begin(), outbox.end(), '\n') == 5);
}

TEST_CASE("a revert undoes a record and its figures", "[tracker]") {
  TrackerCase c(kPlan + kOutbox);
  Result<Tracker> t = c.open();
  REQUIRE(t);
  REQUIRE(t->append({record("posters", "10")}, c.sink).exit_code() == ExitCode::kOk);
  AppendResult r = t->append({RevertInput{"#1", "typed twice", ""}}, c.sink);
  REQUIRE(r.exit_code() == ExitCode::kOk);
  CHECK(r.appended[0].kind == EventKind::kRevert);
  CHECK(t->status().tasks[0].achieved == 0);
  AppendResult again = t->append({RevertInput{"1", "", ""}}, c.sink);
  CHECK(again.refused);
  CHECK(c.sink.take_sorted().back().message == "event #1 was already reverted by #2");
}

TEST_CASE("opening says what is wrong: the plan, the store, an unknown task", "[tracker]") {
  {
    TrackerCase c("\n[[task]]\nid = \"x\"\n");
    Result<Tracker> t = c.open();
    REQUIRE_FALSE(t);
    CHECK(t.error().kind == TrackerError::Kind::kInvalidPlan);
    CHECK(t.error().code == ExitCode::kInvalidInput);
    CHECK_FALSE(t.error().diagnostics.empty());
  }
  TrackerCase c;
  {
    std::ofstream(c.db.path) << "not a database, and long enough to be read as one's header....";
    Result<Tracker> t = c.open();
    REQUIRE_FALSE(t);
    CHECK(t.error().kind == TrackerError::Kind::kStore);
    CHECK_FALSE(t.error().fix.empty());
    c.db.remove();
  }
  Result<Tracker> t = c.open(EventStore::Mode::kReadOnly);
  REQUIRE(t);
  Result<WhyTask> why = t->why("poster");
  REQUIRE_FALSE(why);
  CHECK(why.error().fix == "did you mean \"posters\"?");
}

TEST_CASE("the store is found by one rule: the option, PLANTRACK_DB, beside the plan",
          "[tracker]") {
  TrackerCase c;
  Tracker::Options o = c.options(EventStore::Mode::kReadOnly);
  o.store.clear();
  o.environment = Environment::of({{"PLANTRACK_DB", c.db.str()}});
  CHECK(Tracker::open(c.folder.plan(), o)->store_path() == c.db.str());
  o.environment = Environment::of({});
  CHECK(Tracker::open(c.folder.plan(), o)->store_path() == c.folder.plan() + ".plantrack.db");
}
