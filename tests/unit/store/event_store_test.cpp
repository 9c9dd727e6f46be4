#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "../temp_db.hpp"
#include "plantrack/store.hpp"

using namespace plantrack;
using plantrack::test::TempDb;

namespace {

NewEvent progress(const std::string& task, std::int64_t q) {
  NewEvent e;
  e.task = task;
  e.quantity = q;
  e.year = 2014;
  e.effective = Date{2014, 10, 24};
  e.actor = "tester";
  return e;
}

void exec(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_close(db);
}
}  // namespace

TEST_CASE("events round-trip in one transaction, ids in order", "[store]") {
  TempDb tmp;
  EventStore store = EventStore::open(tmp.path.string(), EventStore::Mode::kReadWrite);
  auto ids =
      store.append("p", "rev1", "2014-10-24T08:00:00Z", {progress("a", 5), progress("b", 7)});
  REQUIRE(ids.size() == 2);
  CHECK(ids[1] == ids[0] + 1);
  std::vector<Event> events = store.events("p");
  REQUIRE(events.size() == 2);
  CHECK(events[0].task == "a");
  CHECK(events[0].quantity == 5);
  CHECK(events[0].plan_revision == "rev1");
  CHECK(events[0].recorded_at == "2014-10-24T08:00:00Z");
  CHECK(events[1].effective == Date{2014, 10, 24});
  CHECK(store.events("other").empty());
}

TEST_CASE("the log is append-only even for SQL written by hand", "[store]") {
  TempDb tmp;
  {
    EventStore store = EventStore::open(tmp.path.string(), EventStore::Mode::kReadWrite);
    store.append("p", "r", "t", {progress("a", 5)});
  }
  exec(tmp.path.string(), "UPDATE events SET quantity = 50");
  exec(tmp.path.string(), "DELETE FROM events");
  EventStore store = EventStore::open(tmp.path.string(), EventStore::Mode::kReadOnly);
  REQUIRE(store.events("p").size() == 1);
  CHECK(store.events("p")[0].quantity == 5);
}

TEST_CASE("a store from a newer plantrack is refused", "[store]") {
  TempDb tmp;
  { EventStore::open(tmp.path.string(), EventStore::Mode::kReadWrite); }
  exec(tmp.path.string(), "PRAGMA user_version = 99");
  try {
    EventStore::open(tmp.path.string(), EventStore::Mode::kReadWrite);
    FAIL("expected a StoreError");
  } catch (const StoreError& e) {
    CHECK(std::string(e.what()).find("was written by a newer plantrack (schema 99") !=
          std::string::npos);
    CHECK(e.fix() == "upgrade plantrack, or pass --db with another path");
  }
}

TEST_CASE("a file that is not a database is refused, and left alone", "[store]") {
  TempDb tmp;
  const std::string text = "this is not sqlite, just text that is long enough to matter\n";
  { std::ofstream(tmp.path) << text; }
  CHECK_THROWS_AS(EventStore::open(tmp.path.string(), EventStore::Mode::kReadWrite), StoreError);
  CHECK(std::filesystem::file_size(tmp.path) == text.size());
}

TEST_CASE("reading a store that does not exist yet gives no events and creates nothing",
          "[store]") {
  TempDb tmp;
  EventStore store = EventStore::open(tmp.path.string(), EventStore::Mode::kReadOnly);
  CHECK(store.events("p").empty());
  CHECK_FALSE(std::filesystem::exists(tmp.path));
}

TEST_CASE("a store of schema 1 is migrated forward on the first write, events intact", "[store]") {
  TempDb tmp;
  exec(tmp.path.string(),
       "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, "
       "task_id TEXT NOT NULL, kind TEXT NOT NULL, quantity INTEGER, year INTEGER, "
       "effective_date TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL, "
       "note TEXT NOT NULL DEFAULT '', evidence TEXT NOT NULL DEFAULT '', "
       "plan_revision TEXT NOT NULL, reverts INTEGER REFERENCES events (id)); "
       "INSERT INTO events (plan_id, task_id, kind, quantity, year, effective_date, recorded_at, "
       "actor, plan_revision) VALUES ('p', 'a', 'progress', 4, 2013, '2013-05-01', 't', 'x', 'r'); "
       "PRAGMA user_version = 1;");
  CHECK_THROWS_AS(EventStore::open(tmp.path.string(), EventStore::Mode::kReadOnly), StoreError);
  EventStore store = EventStore::open(tmp.path.string(), EventStore::Mode::kReadWrite);
  store.append("p", "r", "t", {progress("a", 5)});
  std::int64_t total = 0;
  store.scan("p", {}, [&](const EventFact& f) { total += f.quantity.value_or(0); });
  CHECK(total == 9);
  std::int64_t only_a = 0;
  store.scan("p", {"a"}, [&](const EventFact& f) { only_a += f.quantity.value_or(0); });
  CHECK(only_a == 9);
  EventStore reader = EventStore::open(tmp.path.string(), EventStore::Mode::kReadOnly);
  CHECK(reader.events("p").size() == 2);
}

TEST_CASE("spending round-trips with its source, amount, cost and participant", "[store]") {
  TempDb tmp;
  EventStore store = EventStore::open(tmp.path.string(), EventStore::Mode::kReadWrite);
  NewEvent pay = progress("a", 0);
  pay.kind = EventKind::kSpend;
  pay.quantity.reset();
  pay.source = "local-budget";
  pay.amount = 25'000'000;
  pay.cost = 60'000'000;
  pay.participant = "Công ty A";
  store.append("p", "r", "t", {progress("a", 5), pay});
  std::vector<Event> spent = store.spending("p");
  REQUIRE(spent.size() == 1);
  CHECK(spent[0].kind == EventKind::kSpend);
  CHECK(spent[0].source == "local-budget");
  CHECK(spent[0].amount == 25'000'000);
  CHECK(spent[0].cost == 60'000'000);
  CHECK(spent[0].participant == "Công ty A");
  CHECK_FALSE(spent[0].quantity);
  CHECK_FALSE(store.events("p")[0].amount);  // progress has none
}

TEST_CASE("an older store gets spending by a rebuilt table: ids, order, guards kept", "[store]") {
  TempDb tmp;
  // The events table as plantrack 1-5 made it: its CHECK refuses the kind 'spend'.
  exec(tmp.path.string(),
       "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, "
       "task_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('progress', 'start', "
       "'complete', 'block', 'unblock', 'cancel', 'reopen', 'note', 'revert')), "
       "quantity INTEGER, year INTEGER, effective_date TEXT NOT NULL, recorded_at TEXT NOT NULL, "
       "actor TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', evidence TEXT NOT NULL DEFAULT '', "
       "plan_revision TEXT NOT NULL, reverts INTEGER REFERENCES events (id)); "
       "INSERT INTO events (plan_id, task_id, kind, quantity, year, effective_date, recorded_at, "
       "actor, plan_revision) VALUES ('p', 'a', 'progress', 1, 2013, '2013-05-01', 't', 'x', "
       "'r'), ('p', 'b', 'progress', 2, 2013, '2013-05-01', 't', 'x', 'r'), ('p', 'a', "
       "'progress', 3, 2013, '2013-05-02', 't', 'x', 'r'); "
       "DELETE FROM events WHERE id = 3; "  // the sequence remembers 3: it is never reused
       "PRAGMA user_version = 1;");
  EventStore store = EventStore::open(tmp.path.string(), EventStore::Mode::kReadWrite);
  NewEvent pay = progress("a", 0);
  pay.kind = EventKind::kSpend;
  pay.quantity.reset();
  pay.source = "s";
  pay.amount = 10;
  std::vector<std::int64_t> ids = store.append("p", "r", "t", {pay});
  REQUIRE(ids.size() == 1);
  CHECK(ids[0] == 4);
  std::vector<Event> events = store.events("p");
  REQUIRE(events.size() == 3);
  CHECK(events[1].quantity == 2);
  CHECK(store.spending("p").size() == 1);
  exec(tmp.path.string(), "DELETE FROM events");
  exec(tmp.path.string(),
       "INSERT INTO events (plan_id, task_id, kind, effective_date, recorded_at, actor, "
       "plan_revision) VALUES ('p', 'a', 'bogus', '2013-05-01', 't', 'x', 'r')");
  CHECK(store.events("p").size() == 3);
}
