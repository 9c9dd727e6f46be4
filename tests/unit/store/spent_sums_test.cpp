// The payment sums kept beside the log (schema 8, core/src/store/spent_sums.cpp): what
// EventStore::spent_sums gives from them must be what summing the payments gives.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "../temp_db.hpp"
#include "plantrack/store.hpp"

using namespace plantrack;
using plantrack::test::TempDb;

namespace {

NewEvent paid(const std::string& task, const std::string& source, std::int64_t amount, Date date,
              std::optional<int> year = std::nullopt) {
  NewEvent e;
  e.task = task;
  e.kind = EventKind::kSpend;
  e.year = year;
  e.effective = date;
  e.actor = "tester";
  e.source = source;
  e.amount = amount;
  return e;
}

NewEvent revert_of(std::int64_t id, Date date) {
  NewEvent e;
  e.task = "a";
  e.kind = EventKind::kRevert;
  e.reverts = id;
  e.effective = date;
  e.actor = "tester";
  return e;
}

NewEvent progress(const std::string& task, Date date) {
  NewEvent e;
  e.task = task;
  e.kind = EventKind::kProgress;
  e.quantity = 1;
  e.effective = date;
  e.actor = "tester";
  return e;
}

using Sum = std::tuple<std::string, std::string, int, std::int64_t>;

std::vector<Sum> sums(const EventStore& store, const std::string& plan, Date as_of) {
  std::vector<Sum> out;
  for (const EventStore::SpentSum& s : store.spent_sums(plan, as_of)) {
    out.emplace_back(s.task, s.source, s.year, s.amount);
  }
  return out;
}

// Runs SQL on the file apart from the store: the rows of a one-column query.
std::vector<std::string> query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* s = nullptr;
  std::vector<std::string> out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK) {
    while (sqlite3_step(s) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(s, 0);
      out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

void exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

const Date kOct{2014, 10, 1}, kNov{2014, 11, 1}, kDec{2014, 12, 1}, kLater{2015, 1, 10};

}  // namespace

TEST_CASE("payment sums per task, source and year, in key order, from the kept sums",
          "[store][spent]") {
  TempDb tmp;
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  store.append("p", "r", "t",
               {paid("b", "local", 5, kOct), paid("a", "state", 7, kOct), progress("a", kOct),
                paid("a", "local", 10, kOct), paid("a", "local", 20, kNov, 2013)});
  store.append("p", "r", "t", {paid("a", "local", 1, kNov)});
  store.append("q", "r", "t", {paid("a", "local", 1000, kOct)});  // another plan
  CHECK(sums(store, "p", kLater) == std::vector<Sum>{{"a", "local", 2013, 20},
                                                     {"a", "local", 2014, 11},
                                                     {"a", "state", 2014, 7},
                                                     {"b", "local", 2014, 5}});
  CHECK(sums(store, "q", kLater) == std::vector<Sum>{{"a", "local", 2014, 1000}});
  CHECK(sums(store, "none", kLater).empty());
  // Kept: one row per key, and the latest date of the plan.
  CHECK(query(tmp.str(), "SELECT amount FROM spent_sums WHERE plan_id = 'p' ORDER BY 1") ==
        std::vector<std::string>{"5", "7", "11", "20"});
  CHECK(query(tmp.str(), "SELECT latest FROM spent_sums_state WHERE plan_id = 'p'") ==
        std::vector<std::string>{"2014-11-01"});
}

TEST_CASE("payment sums as of a date before some payments or reverts count what was then",
          "[store][spent]") {
  TempDb tmp;
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  std::vector<std::int64_t> ids =
      store.append("p", "r", "t", {paid("a", "local", 10, kOct), paid("a", "local", 20, kNov)});
  store.append("p", "r", "t", {revert_of(ids[0], kDec)});
  CHECK(sums(store, "p", kLater) == std::vector<Sum>{{"a", "local", 2014, 20}});
  CHECK(sums(store, "p", kDec) == std::vector<Sum>{{"a", "local", 2014, 20}});
  CHECK(sums(store, "p", Date{2014, 11, 30}) == std::vector<Sum>{{"a", "local", 2014, 30}});
  CHECK(sums(store, "p", Date{2014, 10, 31}) == std::vector<Sum>{{"a", "local", 2014, 10}});
  CHECK(sums(store, "p", Date{2014, 9, 30}).empty());
}

TEST_CASE("a key whose payments are all reverted is no sum; a second revert takes nothing more",
          "[store][spent]") {
  TempDb tmp;
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  std::vector<std::int64_t> ids =
      store.append("p", "r", "t", {paid("a", "local", 10, kOct), paid("b", "local", 3, kOct)});
  // Reverted in the same batch as another payment, and twice (a store written by hand).
  store.append("p", "r", "t",
               {revert_of(ids[0], kNov), paid("b", "local", 4, kOct), revert_of(ids[0], kNov)});
  store.append("p", "r", "t", {revert_of(ids[1] + 1000, kNov)});  // no such event
  CHECK(sums(store, "p", kLater) == std::vector<Sum>{{"b", "local", 2014, 7}});
  CHECK(sums(store, "p", Date{2014, 10, 31}) ==
        std::vector<Sum>{{"a", "local", 2014, 10}, {"b", "local", 2014, 7}});
}

TEST_CASE("payment sums past the 64-bit range are held at its limit", "[store][spent]") {
  TempDb tmp;
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  store.append("p", "r", "t", {paid("a", "local", kMax - 1, kOct)});
  store.append("p", "r", "t", {paid("a", "local", 5, kOct), paid("b", "local", 2, kOct)});
  CHECK(sums(store, "p", kLater) ==
        std::vector<Sum>{{"a", "local", 2014, kMax}, {"b", "local", 2014, 2}});
}

TEST_CASE("a schema-7 store gets its payment sums from its log on its next write",
          "[store][spent][schema]") {
  TempDb tmp;
  std::vector<Sum> before;
  {
    EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
    std::vector<std::int64_t> ids = store.append(
        "p", "r", "t",
        {paid("a", "local", 10, kOct), paid("a", "local", 20, kNov), paid("b", "state", 3, kOct)});
    store.append("p", "r", "t", {revert_of(ids[1], kNov), paid("a", "local", 1, kOct)});
    store.append("q", "r", "t", {paid("c", "local", 9, kOct)});
    before = sums(store, "p", kLater);
  }
  REQUIRE(before == std::vector<Sum>{{"a", "local", 2014, 11}, {"b", "state", 2014, 3}});
  exec(tmp.str(), "DROP TABLE spent_sums; DROP TABLE spent_sums_state; PRAGMA user_version = 7");
  {
    EventStore archive = EventStore::open(tmp.str(), EventStore::Mode::kReadOnly);
    CHECK(sums(archive, "p", kLater) == before);  // read as it is, from the events
  }
  CHECK(query(tmp.str(), "PRAGMA user_version") == std::vector<std::string>{"7"});
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  CHECK(query(tmp.str(), "PRAGMA user_version") ==
        std::vector<std::string>{std::to_string(EventStore::kSchemaVersion)});
  CHECK(query(tmp.str(), "SELECT amount FROM spent_sums WHERE plan_id = 'p' ORDER BY 1") ==
        std::vector<std::string>{"3", "11"});
  CHECK(query(tmp.str(), "SELECT plan_id || ' ' || latest FROM spent_sums_state ORDER BY 1") ==
        std::vector<std::string>{"p 2014-11-01", "q 2014-10-01"});
  CHECK(sums(store, "p", kLater) == before);
  CHECK(sums(store, "q", kLater) == std::vector<Sum>{{"c", "local", 2014, 9}});
  store.append("p", "r", "t", {paid("b", "state", 4, kOct)});  // kept up to date from there
  CHECK(sums(store, "p", kLater) ==
        std::vector<Sum>{{"a", "local", 2014, 11}, {"b", "state", 2014, 7}});
}
