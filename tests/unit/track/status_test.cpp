#include <catch2/catch.hpp>

#include "../test_plans.hpp"
#include "plantrack/alerts.hpp"
#include "plantrack/status.hpp"

using namespace plantrack;
using plantrack::test::load;
using plantrack::test::task;

namespace {
std::int64_t next_id = 1;

Event progress(const std::string& task, std::int64_t quantity, Date date,
               std::optional<int> year = std::nullopt) {
  Event e;
  e.id = next_id++;
  e.task = task;
  e.kind = EventKind::kProgress;
  e.quantity = quantity;
  e.year = year ? year : std::optional<int>(date.year());
  e.effective = date;
  return e;
}

Event lifecycle(const std::string& task, EventKind kind, Date date, std::string note = "") {
  Event e;
  e.id = next_id++;
  e.task = task;
  e.kind = kind;
  e.effective = date;
  e.note = std::move(note);
  return e;
}

const Date kDay{2014, 10, 24};
}  // namespace

TEST_CASE("increment counting adds records, per year too", "[track]") {
  LoadResult r = load(task("q", "awareness", 15, "years = [2013, 2014]\n"));
  std::vector<Event> events = {progress("q", 5, {2013, 5, 1}), progress("q", 4, {2014, 3, 1}),
                               progress("q", 3, {2014, 6, 1})};
  PlanStatus s = derive_status(r.plan, events, kDay);
  CHECK(s.tasks[0].achieved == 12);
  CHECK(s.tasks[0].achieved_in(2013) == 5);
  CHECK(s.tasks[0].achieved_in(2014) == 7);
  CHECK(s.tasks[0].percent == Approx(80.0));
  CHECK(s.tasks[0].state == TaskState::kInProgress);
  CHECK(s.tasks[0].ready);
}

TEST_CASE("cumulative counting takes the latest running total", "[track]") {
  LoadResult r = load(task("c", "awareness", 40, "counting = \"cumulative\"\n"));
  std::vector<Event> events = {progress("c", 10, {2013, 12, 1}), progress("c", 25, {2014, 12, 1}),
                               progress("c", 18, {2014, 6, 1})};  // recorded late, dated earlier
  PlanStatus s = derive_status(r.plan, events, {2014, 12, 31});
  CHECK(s.tasks[0].achieved == 25);
  CHECK(s.tasks[0].achieved_in(2013) == 10);
  // The total standing latest in 2014 (25, dated 2014-12-01; the 18 recorded after it is dated
  // earlier) less 2013's total (10).
  CHECK(s.tasks[0].achieved_in(2014) == 15);
}

TEST_CASE("the as-of date hides later events", "[track]") {
  LoadResult r = load(task("q", "awareness", 15));
  std::vector<Event> events = {progress("q", 5, {2013, 5, 1}), progress("q", 10, {2014, 5, 1})};
  CHECK(derive_status(r.plan, events, {2013, 12, 31}).tasks[0].achieved == 5);
  CHECK(derive_status(r.plan, events, {2014, 12, 31}).tasks[0].state == TaskState::kDone);
}

TEST_CASE("a revert cancels the event it names", "[track]") {
  LoadResult r = load(task("q", "awareness", 15));
  Event wrong = progress("q", 50, {2014, 1, 1});
  Event revert = lifecycle("q", EventKind::kRevert, {2014, 1, 2});
  revert.reverts = wrong.id;
  PlanStatus s = derive_status(r.plan, {wrong, revert, progress("q", 5, {2014, 1, 3})}, kDay);
  CHECK(s.tasks[0].achieved == 5);
}

TEST_CASE("lifecycle events set the state", "[track]") {
  LoadResult r = load(task("a", "awareness", 10) + task("b", "awareness", 10));
  std::vector<Event> events = {lifecycle("a", EventKind::kStart, kDay),
                               lifecycle("b", EventKind::kCancel, kDay)};
  PlanStatus s = derive_status(r.plan, events, kDay);
  CHECK(s.tasks[0].state == TaskState::kInProgress);
  CHECK(s.tasks[1].state == TaskState::kCancelled);
  CHECK_FALSE(s.tasks[1].ready);
  events.push_back(lifecycle("a", EventKind::kComplete, kDay));
  events.push_back(lifecycle("b", EventKind::kReopen, kDay));
  events.push_back(lifecycle("b", EventKind::kBlock, kDay, "waiting for the budget"));
  s = derive_status(r.plan, events, kDay);
  CHECK(s.tasks[0].state == TaskState::kDone);
  CHECK(s.tasks[1].state == TaskState::kNotStarted);
  CHECK(s.tasks[1].blocked_by_hand == "waiting for the budget");
  CHECK_FALSE(s.tasks[1].ready);
  REQUIRE(s.stages.size() == 2);
  CHECK(s.stages[0].rollup.done == 1);
  CHECK(s.stages[0].rollup.percent == Approx(50.0));  // done (1) and nothing (0), averaged
}

TEST_CASE("thresholds, overdue and stage completion", "[track]") {
  LoadResult r =
      load(task("classes", "awareness", 6, "due = 2014-06-30\n") +
           task("quick", "training", 15, "depends_on = [{ task = \"classes\", at_least = 2 }]\n"));
  PlanStatus s = derive_status(r.plan, {progress("classes", 1, {2014, 1, 1})}, kDay);
  CHECK(s.tasks[0].overdue);
  REQUIRE(s.tasks[1].blockers.size() == 1);
  CHECK(s.tasks[1].blockers[0].achieved == 1);
  s = derive_status(
      r.plan, {progress("classes", 6, {2014, 1, 1}), progress("quick", 15, {2014, 2, 1})}, kDay);
  CHECK_FALSE(s.tasks[0].overdue);
  CHECK(s.tasks[1].blockers.empty());
  CHECK(s.stages[0].rollup.complete);
  CHECK(s.plan.complete);
  CHECK(s.plan.percent == Approx(100.0));
}

TEST_CASE("events of removed tasks are orphans, and renamed_from carries history", "[track]") {
  LoadResult r = load(task("posters", "awareness", 100, "renamed_from = \"leaflets\"\n"));
  PlanStatus s = derive_status(
      r.plan, {progress("leaflets", 40, {2014, 1, 1}), progress("banners", 3, {2014, 1, 1})}, kDay);
  CHECK(s.tasks[0].achieved == 40);
  REQUIRE(s.orphans.size() == 1);
  CHECK(s.orphans[0].task == "banners");
  CHECK(s.orphans[0].events == 1);
}

TEST_CASE("dates parse with the calendar checked", "[track]") {
  CHECK(parse_date("2014-10-24") == Date{2014, 10, 24});
  CHECK(parse_date("2012-02-29"));
  CHECK_FALSE(parse_date("2013-02-29"));
  CHECK_FALSE(parse_date("2014-13-01"));
  CHECK_FALSE(parse_date("24/10/2014"));
  CHECK_FALSE(parse_date("2014-1-1"));
}

TEST_CASE("waiting_on walks a 100k-task chain once, nearest first, without recursion", "[track]") {
  Plan plan;
  plan.stages.push_back(Stage{"s", "S", {}, {}});
  for (int i = 0; i < 100'000; ++i) {
    Task t;
    t.id = "c-" + std::to_string(i);
    t.stage = "s";
    t.target = 1;
    if (i) t.depends_on.push_back(Dependency{"c-" + std::to_string(i - 1), std::nullopt, {}});
    plan.tasks.push_back(std::move(t));
  }
  PlanStatus status = derive_status(plan, {}, Date{2014, 10, 24});
  std::vector<std::size_t> chain = waiting_on(status, 99'999);
  REQUIRE(chain.size() == 99'999);
  CHECK(chain.front() == 99'998);
  CHECK(chain.back() == 0);
  CHECK(waiting_on(status, 0).empty());
  CHECK(status.tasks[0].ready);
}

TEST_CASE("a task is done on the day it reached its target or was marked done", "[track]") {
  LoadResult r = load(task("q", "awareness", 10, "years = [2013]\ndue = 2013-09-30\n") +
                      task("m", "awareness", 10, "years = [2013]\n"));
  REQUIRE(r.ok());
  // 6 then 4: done with the second record; a record for 2013 entered in 2014 counts on 31/12.
  std::vector<Event> events = {progress("q", 6, {2013, 5, 1}), progress("q", 4, {2013, 10, 15}),
                               progress("q", 3, {2013, 11, 1}),
                               lifecycle("m", EventKind::kComplete, {2013, 8, 1})};
  PlanStatus s = derive_status(r.plan, events, kDay);
  CHECK(s.tasks[0].done_on == Date{2013, 10, 15});
  CHECK(days_late(r.plan, s.tasks[0]) == 15);
  CHECK(days_late(r.plan, s.tasks[1]) == std::nullopt);  // its deadline: the end of 2013
  CHECK(s.tasks[1].done_on == Date{2013, 8, 1});
  CHECK(derive_status(r.plan, events, Date{2013, 10, 14}).tasks[0].done_on == std::nullopt);
  events = {progress("q", 10, {2014, 2, 1}, 2013)};
  CHECK(derive_status(r.plan, events, kDay).tasks[0].done_on == Date{2013, 12, 31});
  // Reopened and short of the target: not done; done again later, on that later day.
  events = {lifecycle("m", EventKind::kComplete, {2013, 8, 1}),
            lifecycle("m", EventKind::kReopen, {2013, 9, 1}), progress("m", 10, {2013, 12, 5})};
  CHECK(derive_status(r.plan, events, {2013, 11, 1}).tasks[1].done_on == std::nullopt);
  CHECK(derive_status(r.plan, events, kDay).tasks[1].done_on == Date{2013, 12, 5});
  events.push_back(lifecycle("m", EventKind::kCancel, {2014, 1, 5}));
  CHECK(derive_status(r.plan, events, kDay).tasks[1].done_on == std::nullopt);
}
