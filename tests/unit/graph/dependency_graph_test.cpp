#include <catch2/catch.hpp>

#include "../test_plans.hpp"
#include "plantrack/graph.hpp"

using namespace plantrack;
using plantrack::test::load;
using plantrack::test::task;

namespace {
std::size_t position(const std::vector<std::size_t>& order, std::size_t task) {
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), task) - order.begin());
}
}  // namespace

TEST_CASE("topological order puts prerequisites first", "[graph]") {
  LoadResult r =
      load(task("c", "training", 1, "depends_on = [\"b\"]\n") +
           task("b", "training", 1, "depends_on = [\"a\"]\n") + task("a", "awareness", 1));
  DependencyGraph g(r.plan);
  auto order = g.task_order();
  REQUIRE(order);
  CHECK(position(*order, 2) < position(*order, 1));
  CHECK(position(*order, 1) < position(*order, 0));
  CHECK(g.task_cycles().empty());
  REQUIRE(g.stage_order());
  CHECK(g.stage_order()->front() == 0);  // awareness before training
  CHECK(g.stage_after(1, 0));
  CHECK_FALSE(g.stage_after(0, 1));
}

TEST_CASE("cycle detection yields the cycle, one per knot", "[graph]") {
  LoadResult r =
      load(task("a", "awareness", 1, "depends_on = [\"b\"]\n") +
           task("b", "awareness", 1, "depends_on = [\"a\"]\n") +
           task("c", "awareness", 1, "depends_on = [\"c\"]\n") + task("d", "awareness", 1));
  DependencyGraph g(r.plan);
  CHECK_FALSE(g.task_order());
  auto cycles = g.task_cycles();
  REQUIRE(cycles.size() == 2);
  REQUIRE(cycles[0].size() == 2);
  CHECK(cycles[0][0].from == 0);
  CHECK(cycles[0][0].to == 1);
  CHECK(cycles[0][1].from == 1);
  CHECK(cycles[0][1].to == 0);
  REQUIRE(cycles[1].size() == 1);
  CHECK(cycles[1][0].from == 2);
}

TEST_CASE("readiness follows completion and thresholds", "[graph]") {
  LoadResult r =
      load(task("classes", "training", 6) +
           task("quick", "training", 15, "depends_on = [\"classes\"]\n") +
           task("detailed", "training", 2, "depends_on = [{ task = \"quick\", at_least = 10 }]\n"));
  DependencyGraph g(r.plan);
  Progress progress{{3, 0, 0}, {false, false, false}};
  auto ready = g.readiness(progress);
  CHECK(ready[0].ready());
  CHECK_FALSE(ready[1].ready());
  REQUIRE(ready[2].blockers.size() == 1);
  CHECK(ready[2].blockers[0].task == 1);
  CHECK(ready[2].blockers[0].at_least == 10);
  CHECK(ready[2].blockers[0].achieved == 0);

  progress = Progress{{6, 10, 0}, {true, false, false}};
  ready = g.readiness(progress);
  CHECK(ready[0].complete);
  CHECK_FALSE(ready[0].ready());  // done, so not "ready to start"
  CHECK(ready[1].ready());
  CHECK(ready[2].ready());  // 10 quick assessments reached
}
