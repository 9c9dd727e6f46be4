#include <catch2/catch.hpp>

#include "../test_plans.hpp"
#include "plantrack/alerts.hpp"

using namespace plantrack;
using plantrack::test::load;
using plantrack::test::task;

namespace {

std::vector<std::string> keys(const Plan& plan, const std::vector<Event>& events, Date as_of) {
  std::vector<std::string> out;
  for (const DomainEvent& e : alerts(plan, derive_status(plan, events, as_of), as_of)) {
    out.push_back(e.key);
  }
  return out;
}

Event progress(const std::string& task, std::int64_t quantity, Date date) {
  static std::int64_t id = 1;
  Event e;
  e.id = id++;
  e.task = task;
  e.kind = EventKind::kProgress;
  e.quantity = quantity;
  e.year = date.year();
  e.effective = date;
  return e;
}

}  // namespace

TEST_CASE("days between dates count the calendar", "[track][alerts]") {
  CHECK(Date{2014, 1, 1}.days_until(Date{2014, 12, 31}) == 364);
  CHECK(Date{2012, 2, 28}.days_until(Date{2012, 3, 1}) == 2);  // a leap year
  CHECK(Date{2013, 2, 28}.days_until(Date{2013, 3, 1}) == 1);
  CHECK(Date{2014, 10, 24}.days_until(Date{2014, 10, 1}) == -23);
}

TEST_CASE("overdue, due soon and behind pace, each with a stable key", "[track][alerts]") {
  LoadResult r = load(task("late", "awareness", 10, "years = [2014]\ndue = 2014-06-30\n") +
                      task("soon", "awareness", 10, "years = [2014]\ndue = 2014-11-10\n") +
                      task("slow", "awareness", 100, "years = [2014]\n") +
                      task("fine", "awareness", 100, "years = [2014]\n") +
                      "\n[alerts]\ndue_within_days = 20\nbehind_pace_margin_percent = 10\n"
                      "report_due = [2014-11-01, 2015-01-15]\n");
  REQUIRE(r.ok());
  // On 2014-10-24 the straight line stands at 297/364 of the target, about 81.6 of 100.
  std::vector<Event> events = {progress("slow", 70, {2014, 9, 1}),
                               progress("fine", 78, {2014, 9, 1}),
                               progress("soon", 2, {2014, 9, 1})};
  CHECK(keys(r.plan, events, {2014, 10, 24}) ==
        std::vector<std::string>{"task-overdue/late", "task-due-soon/soon/2014-11-10",
                                 "task-behind-pace/soon/2014-10", "task-behind-pace/slow/2014-10",
                                 "report-due/2014-11-01"});
}

TEST_CASE("done tasks raise nothing, and complete stages are reported", "[track][alerts]") {
  LoadResult r = load(task("late", "awareness", 10, "years = [2014]\ndue = 2014-06-30\n") +
                      task("other", "training", 10, "years = [2014]\n"));
  REQUIRE(r.ok());
  std::vector<std::string> got = keys(r.plan, {progress("late", 10, {2014, 6, 1})}, {2014, 10, 24});
  CHECK(got ==
        std::vector<std::string>{"task-behind-pace/other/2014-10", "stage-completed/awareness"});
}

TEST_CASE("behind pace needs a whole unit of shortfall; its line has one decimal",
          "[track][alerts]") {
  LoadResult r = load(task("classes", "awareness", 10, "years = [2014]\n") +
                      task("ended", "awareness", 10, "years = [2013]\n") +
                      task("due", "awareness", 10, "years = [2013, 2014]\ndue = 2014-12-31\n") +
                      "\n[alerts]\nbehind_pace_margin_percent = 5\n");
  REQUIRE(r.ok());
  Date as_of{2014, 10, 12};  // the line: 10 * 284 / 364 = 7.8
  std::vector<Event> seven = {progress("classes", 7, {2014, 9, 1}),
                              progress("ended", 9, {2013, 9, 1}), progress("due", 9, {2014, 9, 1})};
  // 0.8 short of the line: less than a unit. "ended" is past its last year: overdue, not pace.
  CHECK(keys(r.plan, seven, as_of) == std::vector<std::string>{"task-overdue/ended"});
  std::vector<Event> six = {progress("classes", 6, {2014, 9, 1})};
  PlanStatus s = derive_status(r.plan, six, as_of);
  std::vector<DomainEvent> got = alerts(r.plan, s, as_of);
  REQUIRE(got.size() == 3);
  CHECK(got[0].message == "classes is behind pace: 6 of 10 DN, 7,8 expected by 2014-10-12");
  CHECK(got[1].message == "ended is overdue: planned to finish in 2013, 0 of 10 DN");
  CHECK(got[2].key == "task-behind-pace/due/2014-10");  // a due date ahead: its line runs to it
  CHECK(s.tasks[1].overdue);
  CHECK_FALSE(s.tasks[2].overdue);
  CHECK(r.plan.tasks[1].deadline(r.plan.info) == Date{2013, 12, 31});
  CHECK(r.plan.tasks[2].deadline(r.plan.info) == Date{2014, 12, 31});
}
