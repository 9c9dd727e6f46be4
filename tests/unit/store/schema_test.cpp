// Migrations from every schema version, stores restored from a dump, and stores that are not
// plantrack's or are damaged (core/src/store/schema.cpp).
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "../temp_db.hpp"
#include "plantrack/store.hpp"

using namespace plantrack;
using plantrack::test::TempDb;

namespace {

void exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  INFO(message);
  REQUIRE(rc == SQLITE_OK);
}

std::int64_t pragma(const std::string& path, const std::string& name) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &s, nullptr);
  sqlite3_step(s);
  std::int64_t value = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return value;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string error_of(const std::string& path, EventStore::Mode mode) {
  try {
    EventStore::open(path, mode);
  } catch (const StoreError& e) {
    return std::string(e.what()) + "\nfix: " + e.fix();
  }
  return "";
}

const char* kEventsV1 =
    "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, "
    "task_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('progress', 'start', "
    "'complete', 'block', 'unblock', 'cancel', 'reopen', 'note', 'revert')), "
    "quantity INTEGER, year INTEGER, effective_date TEXT NOT NULL, recorded_at TEXT NOT NULL, "
    "actor TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', evidence TEXT NOT NULL DEFAULT '', "
    "plan_revision TEXT NOT NULL, reverts INTEGER REFERENCES events (id));"
    "INSERT INTO events (plan_id, task_id, kind, quantity, year, effective_date, recorded_at, "
    "actor, note, evidence, plan_revision) VALUES ('p', 'a', 'progress', 4, 2013, '2013-05-01', "
    "'t', 'Chị Lan', 'đợt 1', 'BC 12', 'r');";
const char* kIndexesV2 =
    "CREATE INDEX events_by_task ON events (plan_id, task_id, id);"
    "CREATE INDEX events_reverts ON events (plan_id, reverts) WHERE reverts IS NOT NULL;";
const char* kIndexesV3 =
    "DROP INDEX events_by_task;"
    "CREATE INDEX events_for_status ON events (plan_id, task_id, id, kind, quantity, year, "
    "effective_date, reverts);"
    "CREATE INDEX events_blocks ON events (plan_id, id) WHERE kind = 'block';";
const char* kTablesV4 =
    "DROP INDEX events_for_status;"
    "CREATE TABLE task_summaries (plan_id TEXT NOT NULL, task_id TEXT NOT NULL, summary BLOB NOT "
    "NULL, PRIMARY KEY (plan_id, task_id)) WITHOUT ROWID;"
    "CREATE TABLE summaries_through (plan_id TEXT PRIMARY KEY, last_event INTEGER NOT NULL) "
    "WITHOUT ROWID;";
const char* kTablesV5 =
    "CREATE TABLE deliveries (plan_id TEXT NOT NULL, key TEXT NOT NULL, delivered_at TEXT NOT "
    "NULL, PRIMARY KEY (plan_id, key)) WITHOUT ROWID;"
    "INSERT INTO deliveries VALUES ('p', 'stage-completed:awareness', 't');";

// The tables of `version` as that plantrack made them, with one event (and one delivery from 5).
std::string tables_of(int version) {
  std::string sql = kEventsV1;
  if (version >= 2) sql += kIndexesV2;
  if (version >= 3) sql += kIndexesV3;
  if (version >= 4) sql += kTablesV4;
  if (version >= 5) sql += kTablesV5;
  return sql;
}

NewEvent payment(std::int64_t amount) {
  NewEvent e;
  e.task = "a";
  e.kind = EventKind::kSpend;
  e.year = 2014;
  e.effective = Date{2014, 10, 24};
  e.actor = "tester";
  e.source = "local-budget";
  e.amount = amount;
  e.cost = 2 * amount;
  e.participant = "Công ty A";
  return e;
}

void check_first_event(const EventStore& store) {
  std::vector<Event> events = store.events("p");
  REQUIRE(!events.empty());
  CHECK(events[0].id == 1);
  CHECK(events[0].quantity == 4);
  CHECK(events[0].actor == "Chị Lan");
  CHECK(events[0].note == "đợt 1");
  CHECK(events[0].evidence == "BC 12");
}
}  // namespace

TEST_CASE("every schema version migrates forward with its data, version set or not",
          "[store][schema]") {
  for (int version = 1; version <= 5; ++version) {
    for (int stated : {version, 0, -1}) {  // as written, or lost (a restored dump; garbage)
      INFO("schema " << version << ", user_version " << stated);
      TempDb tmp;
      exec(tmp.str(), tables_of(version) + "PRAGMA user_version = " + std::to_string(stated));
      {
        EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
        store.append("p", "r", "t", {payment(25'000'000)});
        check_first_event(store);
        REQUIRE(store.spending("p").size() == 1);
        CHECK(store.spending("p")[0].participant == "Công ty A");
        if (version >= 5) CHECK(store.delivered("p").size() == 1);
      }
      CHECK(pragma(tmp.str(), "user_version") == EventStore::kSchemaVersion);
      CHECK(pragma(tmp.str(), "application_id") == 0x506C546B);
    }
  }
}

TEST_CASE("a dump restored without its version keeps every payment", "[store][schema]") {
  TempDb original, restored;
  {
    EventStore store = EventStore::open(original.str(), EventStore::Mode::kReadWrite);
    store.append("p", "r", "t", {payment(10), payment(20)});
  }
  // What `sqlite3 old.db .dump | sqlite3 new.db` gives: the same tables, user_version and
  // application_id 0.
  exec(original.str(), "PRAGMA user_version = 0; PRAGMA application_id = 0");
  exec(original.str(), "VACUUM INTO '" + restored.str() + "'");
  REQUIRE(pragma(restored.str(), "user_version") == 0);
  {
    EventStore reader = EventStore::open(restored.str(), EventStore::Mode::kReadOnly);
    CHECK(reader.spending("p").size() == 2);
  }
  EventStore store = EventStore::open(restored.str(), EventStore::Mode::kReadWrite);
  store.append("p", "r", "t", {payment(30)});
  std::vector<Event> spent = store.spending("p");
  REQUIRE(spent.size() == 3);
  for (const Event& e : spent) {
    CHECK(e.amount.value_or(0) > 0);
    CHECK(e.source == "local-budget");
    CHECK(e.cost == 2 * e.amount.value_or(0));
    CHECK(e.participant == "Công ty A");
  }
  CHECK(pragma(restored.str(), "user_version") == EventStore::kSchemaVersion);
}

TEST_CASE("a version that contradicts the tables is refused, the file left as it is",
          "[store][schema]") {
  TempDb tmp;
  {
    EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
    store.append("p", "r", "t", {payment(10)});
  }
  exec(tmp.str(), "PRAGMA user_version = 3");
  std::string before = file_bytes(tmp.path);
  std::string error = error_of(tmp.str(), EventStore::Mode::kReadWrite);
  const std::string current = "8";  // schema 9 has schema 8's tables (it refolds summaries)
  CHECK(error.find("says it is schema 3 (PRAGMA user_version) but its tables are of schema " +
                   current) != std::string::npos);
  CHECK(error.find("PRAGMA user_version = " + current) != std::string::npos);  // the fix
  CHECK(file_bytes(tmp.path) == before);

  TempDb older;
  exec(older.str(), tables_of(1) + "PRAGMA user_version = 6");
  CHECK(error_of(older.str(), EventStore::Mode::kReadWrite)
            .find("is damaged: it says schema 6 but its tables are of schema 1") !=
        std::string::npos);
}

TEST_CASE("a migration keeps a column added by hand", "[store][schema]") {
  TempDb tmp;
  exec(tmp.str(), tables_of(5) +
                      "ALTER TABLE events ADD COLUMN checked_by TEXT;"
                      "UPDATE events SET checked_by = 'Anh Tuấn'; PRAGMA user_version = 5");
  { EventStore::open(tmp.str(), EventStore::Mode::kReadWrite); }
  sqlite3* db = nullptr;
  sqlite3_open(tmp.str().c_str(), &db);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT checked_by, quantity FROM events", -1, &s, nullptr) ==
          SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) == "Anh Tuấn");
  CHECK(sqlite3_column_int(s, 1) == 4);
  sqlite3_finalize(s);
  sqlite3_close(db);
}

TEST_CASE("a database that is not plantrack's is refused and nothing is added to it",
          "[store][schema]") {
  TempDb other, foreign_id;
  exec(other.str(), "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x')");
  exec(foreign_id.str(), tables_of(1) + "PRAGMA application_id = 42");
  for (const TempDb* db : {&other, &foreign_id}) {
    std::string before = file_bytes(db->path);
    for (auto mode : {EventStore::Mode::kReadWrite, EventStore::Mode::kReadOnly}) {
      std::string error = error_of(db->str(), mode);
      CHECK(error.find("is an SQLite database, but not a plantrack store") != std::string::npos);
    }
    CHECK(file_bytes(db->path) == before);
    CHECK_FALSE(std::filesystem::exists(db->str() + "-wal"));
  }
  CHECK(error_of(other.str(), EventStore::Mode::kReadOnly).find("the tables people") !=
        std::string::npos);
  CHECK(error_of(foreign_id.str(), EventStore::Mode::kReadOnly)
            .find("its application id is 0x0000002A") != std::string::npos);
  TempDb events_of_another;  // a table named events, not plantrack's
  exec(events_of_another.str(), "CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)");
  CHECK(error_of(events_of_another.str(), EventStore::Mode::kReadWrite)
            .find("its table \"events\" has no column plan_id") != std::string::npos);
}

TEST_CASE("an empty file becomes a store; a store without the application id gets it",
          "[store][schema]") {
  TempDb empty;
  { std::ofstream touch(empty.path); }
  { EventStore::open(empty.str(), EventStore::Mode::kReadWrite); }
  CHECK(pragma(empty.str(), "application_id") == 0x506C546B);
  exec(empty.str(), "PRAGMA application_id = 0");
  CHECK(error_of(empty.str(), EventStore::Mode::kReadOnly).empty());  // still plantrack's
  { EventStore::open(empty.str(), EventStore::Mode::kReadWrite); }
  CHECK(pragma(empty.str(), "application_id") == 0x506C546B);
}

TEST_CASE("a damaged store is refused before a write, a truncated one before any read",
          "[store][schema]") {
  TempDb tmp;
  {
    EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
    std::vector<NewEvent> many(400, payment(10));
    for (std::size_t i = 0; i < many.size(); ++i)
      many[i].note = std::string(200, static_cast<char>('a' + i % 26));
    store.append("p", "r", "t", many);
  }
  exec(tmp.str(), "PRAGMA wal_checkpoint(TRUNCATE)");
  std::string bytes = file_bytes(tmp.path);
  REQUIRE(bytes.size() > 20 * 4096);
  SECTION("damaged inside") {
    std::string damaged = bytes;
    std::size_t page = bytes.size() / 4096 / 2;  // a page of the log, in the middle
    for (std::size_t i = 0; i < 300; ++i) damaged[page * 4096 + 100 + i] = '\x07';
    { std::ofstream(tmp.path, std::ios::binary) << damaged; }
    std::string error = error_of(tmp.str(), EventStore::Mode::kReadWrite);
    CHECK(error.find("is damaged") != std::string::npos);
    CHECK(error.find("sqlite3 " + tmp.str() + " .recover") != std::string::npos);
    CHECK(file_bytes(tmp.path) == damaged);
  }
  SECTION("cut short by 1000 bytes") {
    { std::ofstream(tmp.path, std::ios::binary) << bytes.substr(0, bytes.size() - 1000); }
    for (auto mode : {EventStore::Mode::kReadWrite, EventStore::Mode::kReadOnly}) {
      CHECK(error_of(tmp.str(), mode)
                .find("is damaged: it is cut short (" + std::to_string(bytes.size() - 1000) +
                      " bytes of " + std::to_string(bytes.size()) + ")") != std::string::npos);
    }
  }
}

TEST_CASE("text that is not UTF-8 in a store reads back with U+FFFD", "[store][utf8]") {
  TempDb tmp;
  { EventStore::open(tmp.str(), EventStore::Mode::kReadWrite); }
  exec(tmp.str(),
       "INSERT INTO events (plan_id, task_id, kind, quantity, year, effective_date, recorded_at, "
       "actor, note, plan_revision, source, amount, participant) VALUES ('p', 'a', 'spend', NULL, "
       "2014, '2014-10-01', 't', CAST(X'41FF42' AS TEXT), CAST(X'6E6FC0' AS TEXT), 'r', 's', 5, "
       "CAST(X'43FF' AS TEXT))");
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadOnly);
  std::vector<Event> events = store.events("p");
  REQUIRE(events.size() == 1);
  CHECK(events[0].actor ==
        "A\xEF\xBF\xBD"
        "B");
  CHECK(events[0].note == "no\xEF\xBF\xBD");
  CHECK(events[0].participant == "C\xEF\xBF\xBD");
}

TEST_CASE("a transaction holds the write lock from the checks to the append", "[store]") {
  TempDb tmp;
  EventStore a = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  EventStore b = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite, 50);
  {
    EventStore::Transaction lock(a);
    a.append("p", "r", "t", {payment(1)});
    CHECK_THROWS_AS(EventStore::Transaction(b), StoreError);  // locked: b waits, then gives up
    CHECK(b.spending("p").empty());                           // not committed yet
    lock.commit();
  }
  CHECK(b.spending("p").size() == 1);
  {
    EventStore::Transaction lock(a);
    a.append("p", "r", "t", {payment(2)});
  }  // not committed: rolled back
  CHECK(a.spending("p").size() == 1);
  EventStore::Transaction lock(b);  // the lock is free again
  lock.commit();
}

TEST_CASE("a schema-6 store is read as it is, and gets the delivery memory on its next write",
          "[store][schema]") {
  TempDb tmp;
  {
    EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
    store.append("p", "r", "t", {payment(10)});
  }
  exec(tmp.str(),
       "DROP TABLE notifier_deliveries; DROP TABLE spent_sums; DROP TABLE spent_sums_state; "
       "PRAGMA user_version = 6");
  {
    EventStore archive = EventStore::open(tmp.str(), EventStore::Mode::kReadOnly);
    CHECK(archive.spending("p").size() == 1);
  }
  CHECK(pragma(tmp.str(), "user_version") == 6);  // reading changed nothing
  { EventStore::open(tmp.str(), EventStore::Mode::kReadWrite); }
  CHECK(pragma(tmp.str(), "user_version") == EventStore::kSchemaVersion);
  CHECK(EventStore::open(tmp.str(), EventStore::Mode::kReadOnly).spending("p").size() == 1);
}

TEST_CASE("schema 9 marks summaries folded before it out of date; the next write folds them again",
          "[store]") {
  TempDb tmp;
  NewEvent e{"a", EventKind::kProgress, 3,  2014,         Date{2014, 3, 1}, "x", "",
             "",  std::nullopt,         "", std::nullopt, std::nullopt,     ""};
  // A fold that writes what it is given the events of, so the test sees which were refolded.
  EventStore::SummaryFold fold = [](std::string_view task, std::optional<std::string_view> previous,
                                    const std::vector<EventFact>& events) {
    return std::optional<std::string>(std::string(task) + (previous ? "+" : "=") +
                                      std::to_string(events.size()));
  };
  {
    EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
    store.append("p", "r", "t", {e, e}, fold);
    REQUIRE(store.summaries("p"));
  }
  exec(tmp.str(), "PRAGMA user_version = 8");
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  CHECK(pragma(tmp.str(), "user_version") == EventStore::kSchemaVersion);
  CHECK_FALSE(store.summaries("p"));  // status reads the log meanwhile
  store.append("p", "r", "t", {e}, fold);
  auto summaries = store.summaries("p");
  REQUIRE(summaries);
  REQUIRE(summaries->size() == 1);
  CHECK(summaries->front().second == "a=3");  // folded again from all three events
}
