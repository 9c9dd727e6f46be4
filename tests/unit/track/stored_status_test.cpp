// Status read through the store's task summaries must equal status derived from every event, for
// any log: increment and cumulative counting, lifecycle events, blocks with reasons, reverts,
// renamed and removed task ids, batches large and small, as-of dates before and after the events.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "../temp_db.hpp"
#include "../test_plans.hpp"
#include "plantrack/detail/summary.hpp"
#include "plantrack/sdk/report.hpp"
#include "plantrack/stored_status.hpp"

using namespace plantrack;
using plantrack::test::TempDb;

namespace {

// 700 tasks (more than one append folds one by one), every fifth cumulative, one renamed.
LoadResult big_plan() {
  std::string body;
  for (int i = 0; i < 700; ++i) {
    std::string extra = i % 5 == 0 ? "counting = \"cumulative\"\n" : "";
    if (i == 1) extra += "renamed_from = \"old-1\"\n";
    body += test::task("t" + std::to_string(i), i % 2 ? "training" : "awareness", 50, extra);
  }
  return test::load(body);
}

void require_same(const Plan& plan, const PlanStatus& got, const PlanStatus& want) {
  REQUIRE(got.tasks.size() == want.tasks.size());
  for (std::size_t i = 0; i < got.tasks.size(); ++i) {
    INFO("task " << plan.tasks[i].id);
    const TaskStatus& a = got.tasks[i];
    const TaskStatus& b = want.tasks[i];
    CHECK(a.achieved == b.achieved);
    REQUIRE(a.by_year.size() == b.by_year.size());
    for (std::size_t y = 0; y < a.by_year.size(); ++y) {
      CHECK(a.by_year[y].year == b.by_year[y].year);
      CHECK(a.by_year[y].quantity == b.by_year[y].quantity);
    }
    CHECK(a.period == b.period);
    CHECK(a.state == b.state);
    CHECK(a.blocked_by_hand == b.blocked_by_hand);
    CHECK(a.last_activity == b.last_activity);
    CHECK(a.done_on == b.done_on);
    CHECK(a.ready == b.ready);
    CHECK(a.blockers.size() == b.blockers.size());
  }
  CHECK(got.plan.done == want.plan.done);
  CHECK(got.plan.percent == Approx(want.plan.percent));
  REQUIRE(got.orphans.size() == want.orphans.size());
  for (std::size_t i = 0; i < got.orphans.size(); ++i) {
    CHECK(got.orphans[i].task == want.orphans[i].task);
    CHECK(got.orphans[i].events == want.orphans[i].events);
  }
}

}  // namespace

TEST_CASE("status from summaries equals status from every event", "[track][store]") {
  LoadResult r = big_plan();
  REQUIRE(r.ok());
  const Plan& plan = r.plan;
  PlanIndex index(plan);
  TempDb tmp;
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  std::mt19937 rng(20141024);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<std::int64_t> ids;  // appended so far, for reverts
  const EventKind kLifecycle[] = {EventKind::kStart,   EventKind::kComplete, EventKind::kBlock,
                                  EventKind::kUnblock, EventKind::kCancel,   EventKind::kReopen,
                                  EventKind::kNote};
  for (int batch = 0; batch < 24; ++batch) {
    // Mostly small batches on a few tasks; every sixth a large one across all of them.
    int size = batch % 6 == 5 ? 1500 : 1 + pick(40);
    std::vector<NewEvent> events;
    for (int i = 0; i < size; ++i) {
      NewEvent e;
      int task = batch % 6 == 5 ? pick(700) : pick(12);
      e.task = "t" + std::to_string(task);
      if (pick(20) == 0) e.task = "old-1";  // the renamed task's former id
      if (pick(25) == 0) e.task = "gone";   // a task no longer in the plan
      e.effective = Date{2012 + pick(4), 1 + pick(12), 1 + pick(28)};
      e.actor = "tester";
      int roll = pick(10);
      if (roll < 6) {
        e.kind = EventKind::kProgress;
        e.quantity = pick(7) == 0 ? -(1 + pick(3)) : 1 + pick(30);
        if (pick(8) != 0) e.year = e.effective.year();
      } else if (roll < 9 || ids.empty()) {
        e.kind = kLifecycle[pick(7)];
        if (e.kind == EventKind::kBlock && pick(2)) e.note = "waiting for funds " + e.task;
      } else {
        std::optional<Event> target =
            store.event(plan.info.id, ids[pick(static_cast<int>(ids.size()))]);
        REQUIRE(target);
        if (target->kind == EventKind::kRevert) continue;
        e.kind = EventKind::kRevert;
        e.task = target->task;
        e.reverts = target->id;
      }
      events.push_back(e);
    }
    std::vector<std::int64_t> added = store.append(plan.info.id, "rev", "2015-01-01T00:00:00Z",
                                                   events, summary_fold(plan, index));
    ids.insert(ids.end(), added.begin(), added.end());
    REQUIRE(store.summaries(plan.info.id));
    std::vector<Event> all = store.events(plan.info.id);
    for (Date as_of : {Date{2016, 1, 1}, Date{2015, 12, 31}, Date{2014, 6, 30}, Date{2011, 1, 1}}) {
      INFO("batch " << batch << " as of " << as_of.to_string());
      require_same(plan, status_from_store(plan, index, store, as_of),
                   derive_status(plan, all, as_of));
    }
    // Periods from month summaries (a quarter, a half, years) and from a day range (the log).
    for (const char* text : {"2013-Q2", "2014-H2", "2012..2013", "2013-02-10..2014-03-05"}) {
      StatusScope scope{Date{2016, 1, 1}, parse_period(text).period};
      REQUIRE(scope.period);
      INFO("batch " << batch << " period " << text);
      require_same(plan, status_from_store(plan, index, store, scope),
                   derive_status(plan, all, scope));
    }
  }
}

namespace {

// Every text of a report, in order: two reports are the same when these are.
std::vector<std::string> report_texts(const Plan& plan, const PlanStatus& status) {
  report::Options options;
  options.lang = "vi";
  options.revision = "rev";
  report::Document d = report::build(sdk::View{plan, &status}, options);
  std::vector<std::string> out{d.title, d.subtitle};
  out.insert(out.end(), d.preamble.begin(), d.preamble.end());
  for (const report::Section& s : d.sections) {
    out.push_back(s.heading);
    for (const report::Block& b : s.body) {
      out.push_back(b.text);
      out.insert(out.end(), b.items.begin(), b.items.end());
      for (const auto& row : b.table.rows) out.insert(out.end(), row.begin(), row.end());
    }
  }
  out.insert(out.end(), d.notes.begin(), d.notes.end());
  return out;
}

}  // namespace

TEST_CASE("known at a time, the figures and the report are those made at that time",
          "[track][store][property]") {
  std::string body;
  for (int i = 0; i < 40; ++i) {
    std::string extra = i % 4 == 0 ? "counting = \"cumulative\"\n" : "due = 2013-06-30\n";
    body += test::task("t" + std::to_string(i), i % 2 ? "training" : "awareness", 20, extra);
  }
  LoadResult r = test::load(body);
  REQUIRE(r.ok());
  const Plan& plan = r.plan;
  PlanIndex index(plan);
  TempDb tmp;
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  std::mt19937 rng(20141024);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<std::int64_t> ids;
  struct Sent {
    std::string at;
    PlanStatus status;
    std::vector<std::string> report;
  };
  std::vector<Sent> sent;
  const Date as_of{2015, 12, 31};
  for (int batch = 0; batch < 30; ++batch) {
    std::vector<NewEvent> events;
    for (int i = 0, size = 1 + pick(30); i < size; ++i) {
      NewEvent e;
      e.task = "t" + std::to_string(pick(40));
      e.effective = Date{2012 + pick(4), 1 + pick(12), 1 + pick(28)};
      e.actor = "tester";
      int roll = pick(10);
      if (roll < 7 || ids.empty()) {
        e.kind = roll == 6 ? EventKind::kComplete : EventKind::kProgress;
        if (e.kind == EventKind::kProgress) e.quantity = 1 + pick(8);
        if (pick(4) != 0) e.year = e.effective.year();
      } else {  // a correction of an earlier event
        std::optional<Event> target =
            store.event(plan.info.id, ids[pick(static_cast<int>(ids.size()))]);
        REQUIRE(target);
        if (target->kind == EventKind::kRevert) continue;
        e.kind = EventKind::kRevert;
        e.task = target->task;
        e.reverts = target->id;
        e.effective = target->effective;
      }
      events.push_back(e);
    }
    // One batch a day; a report made after each, from the summaries as a user would.
    char at[32];
    std::snprintf(at, sizeof at, "2015-%02d-%02dT08:00:00Z", 1 + batch / 28, 1 + batch % 28);
    std::vector<std::int64_t> added =
        store.append(plan.info.id, "rev", at, events, summary_fold(plan, index));
    ids.insert(ids.end(), added.begin(), added.end());
    PlanStatus now = status_from_store(plan, index, store, as_of);
    sent.push_back({at, now, report_texts(plan, now)});
  }
  std::vector<Event> all = store.events(plan.info.id);
  for (const Sent& s : sent) {
    INFO("known at " << s.at);
    StatusScope scope(as_of, std::nullopt, s.at);
    PlanStatus again = status_from_store(plan, index, store, scope);
    require_same(plan, again, s.status);
    CHECK(again.log_event == s.status.log_event);
    CHECK(again.log_recorded_at == s.status.log_recorded_at);
    CHECK(report_texts(plan, again) == s.report);
    require_same(plan, derive_status(plan, all, scope), s.status);  // the same rule in memory
    // Any moment before the next batch knows as much.
    std::string later = s.at.substr(0, 11) + "23:59:59Z";
    CHECK(report_texts(plan, status_from_store(plan, index, store, {as_of, std::nullopt, later})) ==
          s.report);
  }
}

TEST_CASE("a plan that changes a task's target reads when it was done right", "[track][store]") {
  LoadResult before = test::load(test::task("a", "awareness", 10));
  LoadResult after = test::load(test::task("a", "awareness", 20));
  REQUIRE(before.ok());
  REQUIRE(after.ok());
  PlanIndex index_before(before.plan), index_after(after.plan);
  TempDb tmp;
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  NewEvent e{"a", EventKind::kProgress, 10, 2014,         Date{2014, 3, 1}, "x", "",
             "",  std::nullopt,         "", std::nullopt, std::nullopt,     ""};
  store.append(before.plan.info.id, "r1", "t", {e}, summary_fold(before.plan, index_before));
  e.effective = Date{2014, 5, 1};
  store.append(before.plan.info.id, "r1", "t", {e}, summary_fold(before.plan, index_before));
  PlanStatus ten = status_from_store(before.plan, index_before, store, Date{2015, 1, 1});
  CHECK(ten.tasks[0].done_on == Date{2014, 3, 1});
  // Folded against 10: with a target of 20 it was done only with the second record.
  PlanStatus twenty = status_from_store(after.plan, index_after, store, Date{2015, 1, 1});
  CHECK(twenty.tasks[0].done_on == Date{2014, 5, 1});
  CHECK(twenty.tasks[0].done_on ==
        derive_status(after.plan, store.events("demo"), Date{2015, 1, 1}).tasks[0].done_on);
  store.append(after.plan.info.id, "r2", "t", {e}, summary_fold(after.plan, index_after));
  CHECK(status_from_store(after.plan, index_after, store, Date{2015, 1, 1}).tasks[0].done_on ==
        Date{2014, 5, 1});
}

TEST_CASE("summaries out of date are rebuilt from the log on the next append", "[track][store]") {
  LoadResult r = test::load(test::task("a", "awareness", 10) +
                            test::task("b", "awareness", 10, "counting = \"cumulative\"\n"));
  REQUIRE(r.ok());
  const Plan& plan = r.plan;
  PlanIndex index(plan);
  TempDb tmp;
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  NewEvent a{"a", EventKind::kProgress, 3,  2014,         Date{2014, 3, 1}, "x", "",
             "",  std::nullopt,         "", std::nullopt, std::nullopt,     ""};
  NewEvent b{"b", EventKind::kProgress, 7,  2014,         Date{2014, 3, 1}, "x", "",
             "",  std::nullopt,         "", std::nullopt, std::nullopt,     ""};
  store.append(plan.info.id, "rev", "t", {a, b});  // no fold: the summaries are out of date
  CHECK_FALSE(store.summaries(plan.info.id));
  PlanStatus from_log = status_from_store(plan, index, store, Date{2015, 1, 1});
  CHECK(from_log.tasks[0].achieved == 3);
  CHECK(from_log.tasks[1].achieved == 7);
  store.append(plan.info.id, "rev", "t", {a}, summary_fold(plan, index));
  auto summaries = store.summaries(plan.info.id);
  REQUIRE(summaries);
  CHECK(summaries->size() == 2);
  PlanStatus after = status_from_store(plan, index, store, Date{2015, 1, 1});
  CHECK(after.tasks[0].achieved == 6);
  CHECK(after.tasks[1].achieved == 7);
}

TEST_CASE("a plan that changes a task's counting is still read right", "[track][store]") {
  LoadResult before = test::load(test::task("a", "awareness", 100));
  LoadResult after = test::load(test::task("a", "awareness", 100, "counting = \"cumulative\"\n"));
  REQUIRE(before.ok());
  REQUIRE(after.ok());
  PlanIndex index_before(before.plan), index_after(after.plan);
  TempDb tmp;
  EventStore store = EventStore::open(tmp.str(), EventStore::Mode::kReadWrite);
  NewEvent e{"a", EventKind::kProgress, 10, 2014,         Date{2014, 3, 1}, "x", "",
             "",  std::nullopt,         "", std::nullopt, std::nullopt,     ""};
  store.append(before.plan.info.id, "r1", "t", {e}, summary_fold(before.plan, index_before));
  e.quantity = 25;
  e.effective = Date{2014, 4, 1};
  store.append(before.plan.info.id, "r1", "t", {e}, summary_fold(before.plan, index_before));
  CHECK(status_from_store(before.plan, index_before, store, Date{2015, 1, 1}).tasks[0].achieved ==
        35);
  // The summary was folded as increments; the new plan reads the same events as running totals.
  CHECK(status_from_store(after.plan, index_after, store, Date{2015, 1, 1}).tasks[0].achieved ==
        25);
  e.quantity = 30;
  store.append(after.plan.info.id, "r2", "t", {e}, summary_fold(after.plan, index_after));
  CHECK(status_from_store(after.plan, index_after, store, Date{2015, 1, 1}).tasks[0].achieved ==
        30);
}

TEST_CASE("a summary whose date is not a real day is damaged: it is folded again from the log",
          "[track][store]") {
  LoadResult r = test::load(test::task("a", "awareness", 10));
  REQUIRE(r.ok());
  PlanIndex index(r.plan);
  EventFact e{1, "a", EventKind::kProgress, 3, 2014, Date{2014, 3, 1}, std::nullopt, {}};
  std::optional<std::string> folded = fold_summary(r.plan, index, "a", std::nullopt, {e});
  REQUIRE(folded);
  REQUIRE(fold_summary(r.plan, index, "a", *folded, {}));
  // The date is written as yyyymmdd in 8 little-endian bytes: make it 2014-13-01.
  auto bytes = [](std::int64_t v) {
    std::string out;
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
    return out;
  };
  std::string damaged = *folded;
  std::size_t at = damaged.find(bytes(20140301));
  REQUIRE(at != std::string::npos);
  damaged.replace(at, 8, bytes(20141301));
  CHECK_FALSE(fold_summary(r.plan, index, "a", damaged, {}));
}
