#include <catch2/catch.hpp>

#include "../test_plans.hpp"
#include "plantrack/money_status.hpp"

using namespace plantrack;

TEST_CASE("allocated, spent and remaining per source, year, task and line", "[money][track]") {
  LoadResult r =
      test::load(test::task("a", "awareness", 1) + test::task("b", "awareness", 1) +
                 "\n[[funding]]\nid = \"s1\"\nkind = \"local\"\ntitle = \"x\"\namount = 100\n"
                 "\n[[funding]]\nid = \"s2\"\nkind = \"central\"\ntitle = \"y\"\namount = 50\n"
                 "\n[[budget]]\ntask = \"a\"\nsource = \"s1\"\nyear = 2013\namount = 60\n"
                 "\n[[budget]]\ntask = \"b\"\nsource = \"s1\"\nyear = 2014\namount = 40\n");
  REQUIRE(r.ok());
  auto spend = [](std::int64_t id, const char* task, const char* source, int year,
                  std::int64_t amount) {
    Spending s;
    s.event = id;
    s.task = task;
    s.source = source;
    s.year = year;
    s.amount = amount;
    return s;
  };
  MoneyStatus m = money_status(r.plan, {spend(1, "a", "s1", 2013, 70), spend(2, "b", "s2", 2014, 5),
                                        spend(3, "a", "gone", 2013, 1)});
  REQUIRE(m.sources.size() == 3);
  CHECK(m.sources[0].key == "s1");
  CHECK(m.sources[0].allocated == 100);
  CHECK(m.sources[0].spent == 70);
  CHECK(m.sources[1].spent == 5);
  CHECK(m.sources[2].key == "gone");  // a source the plan no longer has keeps its spending
  CHECK(m.total.allocated == 150);
  CHECK(m.total.spent == 76);
  REQUIRE(m.years.size() == 2);
  CHECK(m.years[0].year == 2013);
  CHECK(m.years[0].allocated == 60);
  CHECK(m.years[0].spent == 71);
  REQUIRE(m.tasks.size() == 2);
  CHECK(m.tasks[0].key == "a");
  CHECK(m.tasks[0].remaining() == -11);
  REQUIRE(m.lines.size() == 4);
  CHECK(m.lines[0].task == "a");
  CHECK(m.lines[0].source == "gone");
  CHECK_FALSE(m.lines[0].line);
  CHECK(m.lines[1].line == 0u);
  CHECK(m.lines[1].remaining() == -10);
}
