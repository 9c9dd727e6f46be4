// Year plans (carry-over arithmetic), plan diffs and what-if changes.
#include <catch2/catch.hpp>

#include <random>

#include "../test_plans.hpp"
#include "plantrack/plan_diff.hpp"
#include "plantrack/what_if.hpp"
#include "plantrack/year_plan.hpp"

using namespace plantrack;

namespace {

Event progress(std::int64_t id, const std::string& task, std::int64_t q, int year) {
  Event e;
  e.id = id;
  e.task = task;
  e.kind = EventKind::kProgress;
  e.quantity = q;
  e.year = year;
  e.effective = Date{year, 6, 1};
  return e;
}

const YearTask* find(const std::vector<YearTask>& tasks, const Plan& plan, const std::string& id) {
  for (const YearTask& y : tasks) {
    if (plan.tasks[y.task].id == id) return &y;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("planned per year: per-year targets, else the target spread with the remainder first",
          "[planning]") {
  LoadResult r = test::load(test::task("a", "awareness", 10, "years = [2012, 2013, 2014]\n") +
                            test::task("b", "awareness", 9, "targets = { 2013 = 2, 2014 = 7 }\n"));
  REQUIRE(r.ok());
  CHECK(planned_in_year(r.plan.tasks[0], 2012) == 4);
  CHECK(planned_in_year(r.plan.tasks[0], 2013) == 3);
  CHECK(planned_in_year(r.plan.tasks[0], 2014) == 3);
  CHECK(planned_in_year(r.plan.tasks[0], 2015) == 0);
  CHECK(planned_in_year(r.plan.tasks[1], 2014) == 7);
  CHECK(planned_in_year(r.plan.tasks[1], 2012) == 0);
}

TEST_CASE("carry-over: what slipped comes forward, capped at what is left", "[planning]") {
  LoadResult r = test::load(
      test::task("inc", "awareness", 10, "years = [2012, 2013, 2014]\n") +
      test::task("nocarry", "awareness", 10, "years = [2012, 2013, 2014]\ncarry_over = false\n") +
      test::task("cum", "awareness", 100,
                 "years = [2012, 2013, 2014]\ncounting = \"cumulative\"\n") +
      test::task("done", "awareness", 5, "years = [2013, 2014]\n") +
      test::task("ahead", "awareness", 10, "years = [2013, 2014]\n"));
  REQUIRE(r.ok());
  const Plan& plan = r.plan;
  std::vector<Event> events = {progress(1, "inc", 2, 2012),     progress(2, "inc", 1, 2013),
                               progress(3, "nocarry", 1, 2013), progress(4, "cum", 40, 2013),
                               progress(5, "done", 5, 2013),    progress(6, "ahead", 9, 2013)};
  PlanStatus before = derive_status(plan, events, Date{2013, 12, 31});
  std::vector<YearTask> tasks = year_tasks(plan, before, 2014);
  const YearTask* inc = find(tasks, plan, "inc");
  REQUIRE(inc);
  CHECK(inc->planned == 3);
  CHECK(inc->planned_before == 7);
  CHECK(inc->done_before == 3);
  CHECK(inc->carried == 4);
  CHECK(inc->target == 7);
  const YearTask* nocarry = find(tasks, plan, "nocarry");
  REQUIRE(nocarry);
  CHECK(nocarry->carried == 0);
  CHECK(nocarry->target == 3);
  const YearTask* cum = find(tasks, plan, "cum");
  REQUIRE(cum);
  CHECK(cum->target == 100);  // the running total due by the end of 2014: all of it
  CHECK_FALSE(find(tasks, plan, "done"));
  const YearTask* ahead = find(tasks, plan, "ahead");
  REQUIRE(ahead);
  CHECK(ahead->target == 1);  // 5 planned, but only 1 is left of 10
  PlanStatus before_2013 = derive_status(plan, events, Date{2012, 12, 31});
  std::vector<YearTask> tasks_2013 = year_tasks(plan, before_2013, 2013);
  const YearTask* cum_2013 = find(tasks_2013, plan, "cum");
  REQUIRE(cum_2013);
  CHECK(cum_2013->target == 67);  // 34 + 33 planned by the end of 2013
}

TEST_CASE("a year plan is a valid plan, the same text every time, naming its programme",
          "[planning]") {
  LoadResult r = test::load(test::task("a", "awareness", 10, "years = [2013, 2014]\n") +
                            test::task("b", "training", 4,
                                       "years = [2014]\n"
                                       "depends_on = [{ task = \"a\", at_least = 2 }]\n"));
  REQUIRE(r.ok());
  PlanStatus before = derive_status(r.plan, {progress(1, "a", 3, 2013)}, Date{2013, 12, 31});
  std::vector<YearTask> tasks = year_tasks(r.plan, before, 2014);
  std::string text =
      year_plan_toml(r.plan, tasks, "programme.toml", "abcdef0123456789", before, 2014);
  CHECK(text == year_plan_toml(r.plan, year_tasks(r.plan, before, 2014), "programme.toml",
                               "abcdef0123456789", before, 2014));
  LoadResult year = load_plan_text(text, "year.toml");
  INFO(text);
  INFO(render_text(year.diagnostics, year.source));
  REQUIRE(year.ok());
  CHECK(year.plan.info.programme_id == "demo");
  CHECK(year.plan.info.programme_file == "programme.toml");
  REQUIRE(year.plan.tasks.size() == 2);
  CHECK(year.plan.tasks[0].target == 7);  // 5 planned + 2 carried
  CHECK(year.plan.tasks[1].depends_on.empty());
  CHECK_THAT(text, Catch::Contains("# satisfied by 2013-12-31: a >= 2 (3 DN)"));
}

TEST_CASE("diff: renames through renamed_from, targets, dependencies, money", "[planning]") {
  std::string money = "\n[[funding]]\nid = \"s\"\nkind = \"local\"\ntitle = \"S\"\namount = 100\n";
  LoadResult a =
      test::load(test::task("old", "awareness", 5) + test::task("b", "training", 3) + money +
                 "\n[[budget]]\ntask = \"b\"\nsource = \"s\"\nyear = 2013\namount = 50\n");
  LoadResult b = test::load(test::task("new", "awareness", 5, "renamed_from = \"old\"\n") +
                            test::task("b", "training", 4, "depends_on = [\"new\"]\n") + money);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  std::vector<std::string> seen;
  for (const PlanChange& c : diff_plans(a.plan, b.plan)) {
    seen.push_back(std::string(to_string(c.kind)) + " " + c.area + " " + c.subject + " " + c.field +
                   " [" + c.before + "] [" + c.after + "]");
  }
  CHECK(seen == std::vector<std::string>{
                    "renamed task new id [old] [new]", "changed task new title [old] [new]",
                    "changed task b target [3] [4]", "changed task b depends_on [] [new]",
                    "removed budget b/s/2013  [50] []"});
  CHECK(diff_plans(a.plan, a.plan).empty());
}

TEST_CASE("what-if: changes apply to a copy, and mistakes are found at their lines", "[planning]") {
  LoadResult r = test::load(test::task("a", "awareness", 10, "years = [2013]\ndue = 2013-12-31\n") +
                            "\n[[funding]]\nid = \"s\"\nkind = \"local\"\ntitle = \"S\"\n"
                            "amount = 1_000\n\n[[total]]\nid = \"t\"\ntitle = \"T\"\n"
                            "sources = [\"s\"]\namount = 1_000\n");
  REQUIRE(r.ok());
  DiagnosticSink sink("w.toml");
  std::vector<std::string> described;
  SourceText good("w.toml",
                  "[[slip]]\ntask = \"a\"\nyears = 1\n[[cut]]\nsource = \"s\"\npercent = 25\n");
  std::optional<Plan> changed = apply_what_if(r.plan, good, sink, described);
  REQUIRE(changed);
  CHECK(changed->tasks[0].active_years() == std::vector<int>{2014});
  CHECK(changed->tasks[0].due == Date{2014, 12, 31});
  CHECK(changed->funding[0].amount == 750);
  CHECK(changed->totals[0].amount == 750);
  CHECK(r.plan.funding[0].amount == 1000);  // the plan itself is untouched
  CHECK(described.size() == 2);
  SourceText bad("w.toml",
                 "[[slip]]\ntask = \"b\"\nyears = 1\n[[cut]]\nsource = \"s\"\npercent = 101\n");
  CHECK_FALSE(apply_what_if(r.plan, bad, sink, described));
  std::vector<Diagnostic> problems = sink.take_sorted();
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].where.line == 2);
  CHECK(problems[1].where.line == 6);
}

TEST_CASE("every year plan of a random plan and log re-loads as a valid plan", "[planning]") {
  std::mt19937 random(20141024);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  for (int round = 0; round < 150; ++round) {
    int count = 2 + pick(10);
    std::string body;
    std::vector<int> targets;
    for (int i = 0; i < count; ++i) {
      std::string id = "t" + std::to_string(i);
      int target = 1 + pick(20);
      targets.push_back(target);
      std::string extra;
      if (pick(3) == 0) {  // per-year targets that add up to the target
        int first = 2012 + pick(3);
        int part = pick(target + 1);
        extra += "targets = { " + std::to_string(first) + " = " + std::to_string(part) + ", " +
                 std::to_string(first + 1) + " = " + std::to_string(target - part) + " }\n";
      } else {
        int first = 2012 + pick(4);
        extra += "years = [" + std::to_string(first);
        for (int y = first + 1; y <= 2015 && pick(2); ++y) extra += ", " + std::to_string(y);
        extra += "]\n";
      }
      if (pick(4) == 0) extra += "counting = \"cumulative\"\n";
      if (pick(4) == 0) extra += "carry_over = false\n";
      std::vector<std::string> deps;
      for (int j = 0; j < i; ++j) {
        if (pick(4) != 0) continue;
        std::string on = "t" + std::to_string(j);
        deps.push_back(
            pick(2) ? "\"" + on + "\""
                    : "{ task = \"" + on + "\", at_least = " +
                          std::to_string(1 + pick(targets[static_cast<std::size_t>(j)])) + " }");
      }
      if (!deps.empty()) {
        extra += "depends_on = [";
        for (std::size_t k = 0; k < deps.size(); ++k) extra += (k ? ", " : "") + deps[k];
        extra += "]\n";
      }
      body += test::task(id, i < count / 2 ? "awareness" : "training", target, extra);
    }
    LoadResult r = test::load(body);
    INFO(body);
    INFO(render_text(r.diagnostics, r.source));
    REQUIRE(r.ok());
    std::vector<Event> events;
    for (int e = 0, n = pick(30); e < n; ++e) {
      events.push_back(
          progress(e + 1, "t" + std::to_string(pick(count)), 1 + pick(6), 2012 + pick(4)));
    }
    for (int year = 2012; year <= 2015; ++year) {
      PlanStatus before = derive_status(r.plan, events, Date{year - 1, 12, 31});
      std::string text = year_plan_toml(r.plan, year_tasks(r.plan, before, year), "programme.toml",
                                        "abcdef0123456789", before, year);
      LoadResult again = load_plan_text(text, "year.toml");
      INFO(year);
      INFO(text);
      INFO(render_text(again.diagnostics, again.source));
      REQUIRE(again.ok());
    }
  }
}
