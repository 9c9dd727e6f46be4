// Periods: what --year and --period accept, a task's target in one, and the figures of a period
// against the programme's (docs/tracking.md, "Periods").
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "../test_plans.hpp"
#include "plantrack/period.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/status.hpp"

using namespace plantrack;

TEST_CASE("periods as typed", "[model][period]") {
  auto p = [](std::string_view text) {
    PeriodParse r = parse_period(text);
    INFO(text << ": " << r.error);
    REQUIRE(r.period);
    return *r.period;
  };
  CHECK(p("2018") == year_period(2018));
  CHECK(p("2016..2019") == years_period(2016, 2019));
  Period h1 = p("2018-H1");
  CHECK(h1.kind == Period::Kind::kHalf);
  CHECK(h1.first == Date{2018, 1, 1});
  CHECK(h1.last == Date{2018, 6, 30});
  CHECK(p("2018-H2").first == Date{2018, 7, 1});
  Period q2 = p("2018-Q2");
  CHECK(q2.kind == Period::Kind::kQuarter);
  CHECK(q2.part == 2);
  CHECK(q2.first == Date{2018, 4, 1});
  CHECK(q2.last == Date{2018, 6, 30});
  CHECK(p("2018-Q4").last == Date{2018, 12, 31});
  Period days = p("2018-01-01..2018-09-30");
  CHECK(days.kind == Period::Kind::kRange);
  CHECK(days.whole_months());
  CHECK_FALSE(days.whole_years());
  CHECK_FALSE(p("2018-01-10..2018-02-05").whole_months());
  // Whole years written as days are those years.
  CHECK(p("2016-01-01..2017-12-31") == years_period(2016, 2017));
  for (const char* text : {"2018", "2016..2019", "2018-H1", "2018-Q2", "2018-01-01..2018-09-30"}) {
    CHECK(p(text).to_string() == text);
  }
  CHECK(p("2018").contains(Date{2018, 12, 31}));
  CHECK_FALSE(p("2018").contains(Date{2019, 1, 1}));
}

TEST_CASE("periods that are not: each says what is wrong and what to write", "[model][period]") {
  for (const char* text : {"", "18", "2018-Q5", "2018-Q0", "2018-H3", "2019..2018", "2018-02-30",
                           "2018-09-30..2018-01-01", "2018..", "..2018", "2018-q2x", "abcd"}) {
    PeriodParse r = parse_period(text);
    INFO("\"" << text << "\"");
    CHECK_FALSE(r.period);
    CHECK_FALSE(r.error.empty());
    CHECK_FALSE(r.fix.empty());
  }
}

TEST_CASE("a record's place in time: its date, moved into the year it counts for", "[period]") {
  CHECK(place_of(Date{2018, 5, 5}, std::nullopt) == Date{2018, 5, 5});
  CHECK(place_of(Date{2018, 5, 5}, 2018) == Date{2018, 5, 5});
  CHECK(place_of(Date{2019, 2, 1}, 2018) == Date{2018, 12, 31});  // entered late
  CHECK(place_of(Date{2017, 12, 20}, 2018) == Date{2018, 1, 1});  // paid ahead
}

TEST_CASE("a task's target in a period", "[model][period]") {
  LoadResult r = test::load(
      test::task("inc", "awareness", 10, "targets = { 2012 = 2, 2013 = 3, 2014 = 5 }\n") +
      test::task("cum", "awareness", 20,
                 "counting = \"cumulative\"\ntargets = { 2012 = 4, 2013 = 6, 2014 = 10 }\n") +
      test::task("late", "awareness", 6, "years = [2014]\n") +
      test::task("always", "awareness", 8));
  REQUIRE(r.ok());
  const PlanInfo& info = r.plan.info;
  const Task& inc = r.plan.tasks[0];
  const Task& cum = r.plan.tasks[1];
  const Task& late = r.plan.tasks[2];
  const Task& always = r.plan.tasks[3];
  REQUIRE(info.period_start == 2012);
  CHECK(inc.target_in(year_period(2013), info) == 3);
  CHECK(inc.target_in(years_period(2012, 2013), info) == 5);
  CHECK(inc.target_in(*parse_period("2013-Q2").period, info) == 3);  // a part carries its year's
  CHECK(inc.target_in(*parse_period("2013-06-01..2014-02-01").period, info) == 8);
  // Cumulative: the standing planned by the period's end.
  CHECK(cum.target_in(year_period(2013), info) == 10);
  CHECK(cum.target_in(years_period(2012, 2014), info) == 20);
  // Not run in the period.
  CHECK_FALSE(late.target_in(year_period(2013), info).has_value());
  CHECK(late.target_in(year_period(2014), info) == 6);
  CHECK_FALSE(cum.target_in(year_period(2011), info).has_value());
  // No years: its whole target only for a period covering the programme.
  CHECK(always.target_in(years_period(info.period_start, info.period_end), info) == 8);
  CHECK_FALSE(always.target_in(year_period(2013), info).has_value());
}

TEST_CASE("property: a period's figures add up to the programme's, its roll-up is its rows'",
          "[period][property]") {
  std::string body;
  for (int i = 0; i < 40; ++i) {
    std::string id = "t" + std::to_string(i), stage = i % 2 ? "training" : "awareness";
    if (i % 4 == 3) {  // every fourth a running total
      body += test::task(id, stage, 5,
                         "counting = \"cumulative\"\ntargets = { 2012 = 1, 2013 = 2, 2014 = 2 }\n");
      continue;
    }
    int a = 1 + i % 4, b = 2 + i % 3;
    body += test::task(id, stage, a + b + 5,
                       "targets = { 2012 = " + std::to_string(a) + ", 2013 = " + std::to_string(b) +
                           ", 2014 = 5 }\n");
  }
  LoadResult r = test::load(body);
  REQUIRE(r.ok());
  const Plan& plan = r.plan;
  REQUIRE(plan.info.period_start == 2012);
  REQUIRE(plan.info.period_end == 2015);
  std::mt19937 rng(20141024);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  for (int round = 0; round < 20; ++round) {
    std::vector<Event> log;
    int n = 1 + pick(300);
    for (int i = 0; i < n; ++i) {
      Event e;
      e.id = i + 1;
      e.kind = EventKind::kProgress;
      e.task = "t" + std::to_string(pick(40));
      e.effective = Date{2012 + pick(4), 1 + pick(12), 1 + pick(28)};
      e.year = e.effective.year();
      if (pick(5) == 0) e.year = 2012 + pick(4);  // entered in another year than it counts for
      e.quantity = 1 + pick(6);
      e.recorded_at = "2016-01-01T00:00:00Z";
      log.push_back(e);
    }
    Date as_of{2016, 1, 1};
    PlanStatus whole = derive_status(plan, log, as_of);
    std::vector<PlanStatus> quarters;
    for (int y = 2012; y <= 2015; ++y) {
      for (int q = 1; q <= 4; ++q) {
        std::string text = std::to_string(y) + "-Q" + std::to_string(q);
        quarters.push_back(derive_status(plan, log, StatusScope{as_of, parse_period(text).period}));
      }
    }
    for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
      INFO("round " << round << " task " << plan.tasks[t].id);
      const Task& task = plan.tasks[t];
      if (task.counting == Counting::kCumulative) {
        // The standing at the end of the last quarter is the total to date.
        CHECK(quarters.back().tasks[t].period->achieved == whole.tasks[t].achieved);
        continue;
      }
      std::int64_t sum = 0;
      for (const PlanStatus& q : quarters) sum += q.tasks[t].period->achieved;
      CHECK(sum == whole.tasks[t].achieved);
      std::int64_t targets = 0;
      for (int y = 2012; y <= 2015; ++y)
        targets += task.target_in(year_period(y), plan.info).value_or(0);
      CHECK(targets == task.target);
    }
    // A period's roll-up is the mean of its rows' shares, each within 0-100%.
    for (const PlanStatus& q : quarters) {
      double sum = 0;
      std::size_t counted = 0;
      for (const TaskStatus& s : q.tasks) {
        if (!s.period || !s.period->target) continue;
        sum += std::clamp(s.period->percent, 0.0, 100.0);
        ++counted;
      }
      REQUIRE(counted > 0);
      CHECK(q.plan.percent == Approx(sum / static_cast<double>(counted)));
    }
  }
}
