#include <catch2/catch.hpp>

#include "../test_plans.hpp"

using namespace plantrack;
using plantrack::test::codes;
using plantrack::test::load;
using plantrack::test::task;

TEST_CASE("duplicate ids point at both definitions", "[validate]") {
  LoadResult r = load(task("x", "awareness", 1) + task("x", "awareness", 2));
  REQUIRE(codes(r) == "participants-below-target duplicate-id participants-below-target");
  const Diagnostic& d = r.diagnostics[1];
  CHECK(d.message == "duplicate task id \"x\"");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].where.line < d.where.line);
}

TEST_CASE("unknown references suggest the closest id", "[validate]") {
  LoadResult r = load(task("training-classes", "training", 1) +
                      task("b", "awarenes", 1, "depends_on = [\"training-clases\"]\n"));
  std::vector<std::string> fixes;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code == "unknown-reference") fixes.push_back(d.fix);
  }
  CHECK(fixes == std::vector<std::string>{"did you mean \"awareness\"?",
                                          "did you mean \"training-classes\"?"});
}

TEST_CASE("per-year targets must sum to the target", "[validate]") {
  LoadResult ok = load(task("x", "awareness", 6, "targets = { 2013 = 2, 2014 = 4 }\n"));
  CHECK(codes(ok) == "participants-below-target");
  LoadResult bad = load(task("x", "awareness", 6, "targets = { 2013 = 2, 2014 = 3 }\n"));
  REQUIRE(codes(bad) == "participants-below-target targets-sum");
  CHECK(bad.diagnostics[1].message ==
        "per-year targets of task \"x\" sum to 5, but its target is 6");
  LoadResult huge =
      load(task("x", "awareness", 6, "targets = { 2013 = 9223372036854775807, 2014 = 1 }\n"));
  CHECK(codes(huge) == "participants-below-target overflow");
}

TEST_CASE("thresholds above the other task's target can never be met", "[validate]") {
  LoadResult r =
      load(task("q", "awareness", 15) +
           task("d", "awareness", 2, "depends_on = [{ task = \"q\", at_least = 16 }]\n"));
  REQUIRE(r.diagnostics.size() >= 1);
  CHECK(r.diagnostics[0].code == "participants-below-target");
  bool found = false;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code != "threshold-above-target") continue;
    found = true;
    CHECK(d.message == "task \"d\" waits for 16 DN of \"q\", above its target of 15");
  }
  CHECK(found);
  CHECK(codes(load(task("q", "awareness", 15) +
                   task("d", "awareness", 2, "depends_on = [{ task = \"q\", at_least = 15 }]\n")))
            .find("threshold") == std::string::npos);
}

TEST_CASE("cycles are printed as full paths with a note per edge", "[validate]") {
  LoadResult r =
      load(task("a", "awareness", 1) + task("b", "awareness", 1, "depends_on = [\"c\"]\n") +
           task("c", "awareness", 1, "depends_on = [\"b\"]\n"));
  std::vector<const Diagnostic*> cycles;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code == "cycle") cycles.push_back(&d);
  }
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0]->message == "dependency cycle among tasks: b -> c -> b");
  CHECK(cycles[0]->notes.size() == 2);
}

TEST_CASE("warnings: years outside the period and dependencies on a later stage", "[validate]") {
  LoadResult r =
      load(task("early", "awareness", 1, "years = [2011, 2013]\ndepends_on = [\"late\"]\n") +
           task("late", "training", 1));
  CHECK(r.ok());
  std::string c = codes(r);
  CHECK(c.find("year-outside-period") != std::string::npos);
  CHECK(c.find("depends-on-later-stage") != std::string::npos);
}

TEST_CASE("enterprise-counted tasks want a participant row per enterprise", "[validate]") {
  std::string participant = "\n[[participant]]\nname = \"Công ty A\"\ntask = \"q\"\nyear = 2013\n";
  LoadResult r = load(task("q", "awareness", 1, "years = [2013]\n") + participant);
  CHECK(codes(r).empty());
  LoadResult wrong_year = load(task("q", "awareness", 1, "years = [2014]\n") + participant);
  CHECK(codes(wrong_year) == "participant-year");
}
