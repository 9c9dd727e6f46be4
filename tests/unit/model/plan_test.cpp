// The model's rules: a task's years and its target in a year (Task::target_in, target_by).
#include <catch2/catch.hpp>

#include "../test_plans.hpp"
#include "plantrack/plan.hpp"

using namespace plantrack;

namespace {

const Task& only_task(const LoadResult& r) {
  REQUIRE(r.ok());
  REQUIRE(r.plan.tasks.size() == 1);
  return r.plan.tasks[0];
}

}  // namespace

TEST_CASE("target in a year: the per-year target when the task has them", "[model]") {
  LoadResult r = test::load(test::task(
      "a", "awareness", 9, "years = [2012, 2013, 2014]\ntargets = { 2013 = 2, 2014 = 7 }\n"));
  const Task& t = only_task(r);
  CHECK(t.target_in(2013) == 2);
  CHECK(t.target_in(2014) == 7);
  CHECK(t.target_in(2012) == 0);  // one of its years, without an entry: nothing planned
  CHECK_FALSE(t.target_in(2015).has_value());  // not one of its years
  CHECK(t.target_by(2012) == 0);
  CHECK(t.target_by(2013) == 2);
  CHECK(t.target_by(2020) == 9);
}

TEST_CASE("target in a year: per-year targets alone name the years", "[model]") {
  LoadResult r = test::load(test::task("a", "awareness", 3, "targets = { 2014 = 1, 2012 = 2 }\n"));
  const Task& t = only_task(r);
  CHECK(t.active_years() == std::vector<int>{2012, 2014});
  CHECK(t.target_in(2012) == 2);
  CHECK(t.target_in(2014) == 1);
  CHECK_FALSE(t.target_in(2013).has_value());
}

TEST_CASE("target in a year: the target spread over the years, the first take the remainder",
          "[model]") {
  LoadResult r = test::load(test::task("a", "awareness", 11, "years = [2014, 2012, 2013, 2015]\n"));
  const Task& t = only_task(r);
  // 11 over four years: 3, 3, 3, 2 in year order, whatever order the plan lists them in.
  CHECK(t.target_in(2012) == 3);
  CHECK(t.target_in(2013) == 3);
  CHECK(t.target_in(2014) == 3);
  CHECK(t.target_in(2015) == 2);
  CHECK(t.target_by(2011) == 0);
  CHECK(t.target_by(2013) == 6);
  CHECK(t.target_by(2015) == 11);
  LoadResult two = test::load(test::task("b", "awareness", 10, "years = [2013, 2014]\n"));
  CHECK(only_task(two).target_in(2014) == 5);  // issue 13: plan-year, status and report agree
}

TEST_CASE("target in a year: a one-year task's is its whole target", "[model]") {
  LoadResult r = test::load(test::task("a", "awareness", 7, "years = [2013]\n"));
  const Task& t = only_task(r);
  CHECK(t.target_in(2013) == 7);
  CHECK_FALSE(t.target_in(2012).has_value());
  CHECK_FALSE(t.target_in(2014).has_value());
}

TEST_CASE("target in a year: none outside its years, none for a task without years", "[model]") {
  LoadResult r = test::load(test::task("a", "awareness", 4));
  const Task& t = only_task(r);
  CHECK(t.active_years().empty());
  CHECK_FALSE(t.target_in(2013).has_value());
  CHECK(t.target_by(2015) == 0);
}

TEST_CASE("target in a year: a cumulative task's is the year's share; target_by the total",
          "[model]") {
  LoadResult r = test::load(
      test::task("a", "awareness", 100, "years = [2012, 2013, 2014]\ncounting = \"cumulative\"\n"));
  const Task& t = only_task(r);
  CHECK(t.target_in(2012) == 34);
  CHECK(t.target_in(2013) == 33);
  CHECK(t.target_by(2013) == 67);  // where the running total should stand at the end of 2013
  CHECK(t.target_by(2014) == 100);
}

TEST_CASE("plans compare equal field by field", "[model]") {
  LoadResult a = test::load(test::task("a", "awareness", 4, "years = [2013]\n"));
  LoadResult b = test::load(test::task("a", "awareness", 4, "years = [2013]\n"));
  REQUIRE(a.ok());
  CHECK(a.plan == b.plan);
  b.plan.tasks[0].years[0].where.column += 1;  // where a value was read is part of the plan
  CHECK_FALSE(a.plan == b.plan);
}
