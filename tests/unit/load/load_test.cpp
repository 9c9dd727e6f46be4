#include <catch2/catch.hpp>

#include <filesystem>

#include "../test_plans.hpp"
#include "plantrack/detail/plan_serializer.hpp"
#include "plantrack/plan_cache.hpp"

using namespace plantrack;
using plantrack::test::codes;
using plantrack::test::load;
using plantrack::test::task;

TEST_CASE("a complete plan loads into the model", "[load]") {
  LoadResult r =
      load(task("quick", "training", 15,
                "years = [2013, 2014]\ntargets = { 2013 = 5, 2014 = 10 }\n"
                "due = 2014-12-31\ncounting = \"cumulative\"\n"
                "depends_on = [\"articles\", { task = \"articles\", at_least = 3 }]\n") +
           task("articles", "awareness", 30) +
           "\n[[funding]]\nid = \"central\"\nkind = \"central\"\namount = 123_000_000\n"
           "\n[[plugin]]\nname = \"notify_email\"\nsettings = { to = [\"a@b\"], port = 25 "
           "}\n");
  INFO(codes(r));
  REQUIRE(r.ok());
  const Plan& p = r.plan;
  CHECK(p.info.id == "demo");
  CHECK(p.info.period_start == 2012);
  CHECK(p.info.period_end == 2015);
  CHECK(p.info.currency == "VND");
  CHECK(p.info.locale == "vi");
  REQUIRE(p.tasks.size() == 2);
  const Task& t = p.tasks[0];
  CHECK(t.target == 15);
  CHECK(t.counting == Counting::kCumulative);
  CHECK(t.due == Date{2014, 12, 31});
  REQUIRE(t.targets.size() == 2);
  CHECK(t.targets[1].year == 2014);
  CHECK(t.targets[1].quantity == 10);
  REQUIRE(t.depends_on.size() == 2);
  CHECK_FALSE(t.depends_on[0].is_threshold());
  CHECK(t.depends_on[1].at_least == 3);
  CHECK(t.where == SourcePos{15, 1});
  CHECK(t.active_years() == std::vector<int>{2013, 2014});
  REQUIRE(p.funding.size() == 1);
  CHECK(p.funding[0].kind == FundingKind::kCentral);
  CHECK(p.funding[0].amount == 123000000);
  REQUIRE(p.plugins.size() == 1);
  CHECK(p.plugins[0].settings.size() == 2);
}

TEST_CASE("one pass reports every problem, sorted by position", "[load]") {
  LoadResult r = load(task("a", "nowhere", 0, "colour = 1\n") + task("a", "awareness", 5));
  CHECK(codes(r) ==
        "unknown-reference bad-quantity unknown-key duplicate-id participants-below-target");
  for (std::size_t i = 1; i < r.diagnostics.size(); ++i) {
    CHECK(r.diagnostics[i - 1].where <= r.diagnostics[i].where);
  }
}

TEST_CASE("a TOML syntax error stops at once with its position", "[load]") {
  LoadResult r = load_plan_text("[plan\nid = 1\n", "x.toml");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "syntax");
  CHECK(r.diagnostics[0].where.line == 1);
  CHECK(r.diagnostics[0].message.rfind("invalid TOML: ", 0) == 0);
}

TEST_CASE("hostile inputs give diagnostics, never a crash", "[load]") {
  CHECK(codes(load_plan_text("", "e.toml")) == "missing-key");
  CHECK(load_plan_text("", "e.toml").diagnostics[0].message == "the plan file has no [plan] table");
  CHECK(codes(load_plan_text("a = \"\xff\"", "u.toml")) == "syntax");
  CHECK(codes(load_plan_text("a = " + std::string(5000, '[') + std::string(5000, ']'), "n.toml")) ==
        "too-deep");
  CHECK(codes(load_plan_text(std::string("a = 1\0b = 2", 11), "z.toml")) == "syntax");
  CHECK(codes(load_plan_text("plan = 3", "t.toml")) == "wrong-type");
  CHECK(codes(load_plan_text("task = 3\n[plan]\nid=\"x\"\ntitle=\"x\"\nperiod={start=1,end=2}",
                             "t.toml")) == "wrong-type bad-year bad-year");
}

TEST_CASE("nesting deeper than 64 levels is refused before parsing, where it starts", "[load]") {
  std::string dotted;
  for (int i = 0; i < 35000; ++i) dotted += "a.";
  LoadResult keys = load_plan_text(dotted + "a = 1\n", "k.toml");
  REQUIRE(codes(keys) == "too-deep");
  CHECK(keys.diagnostics[0].where.line == 1);
  CHECK(keys.diagnostics[0].where.column == 128);  // the dot that is one too many
  CHECK(codes(load_plan_text("\n[" + dotted + "a]\n", "t.toml")) == "too-deep");
  CHECK(codes(load_plan_text("x = " + std::string(65, '{'), "i.toml")) == "too-deep");
  // At the limit it is only TOML; inside strings, comments and multi-line strings it is text.
  CHECK(codes(load_plan_text("x = " + std::string(63, '[') + std::string(63, ']'), "l.toml")) !=
        "too-deep");
  std::string text = "# " + dotted + "\ns = \"" + std::string(100, '[') + "\"\nm = '''\n" +
                     std::string(100, '{') + "\n'''\nd = \"\"\"\n" + dotted + "\n\"\"\"\n";
  CHECK(codes(load_plan_text(text, "s.toml")).find("too-deep") == std::string::npos);
  std::string deep_inline = "x = {";
  for (int i = 0; i < 70; ++i) deep_inline += "k.";
  CHECK(codes(load_plan_text(deep_inline + "k = 1}\n", "d.toml")) == "too-deep");
}

TEST_CASE("a file that cannot be read is one io diagnostic", "[load]") {
  LoadResult r = load_plan_file("/nonexistent/plan.toml");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "io");
  CHECK(r.diagnostics[0].message == "cannot read the plan: no such file");
  CHECK_FALSE(r.ok());
}

TEST_CASE("every workflow shipped in workflows/ loads without errors", "[load][workflows]") {
  std::size_t checked = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(PLANTRACK_SOURCE_DIR "/workflows")) {
    if (entry.path().extension() != ".toml") continue;
    // Rule tables are not plans (docs/rules.md; the rules plugin's tests read them).
    if (entry.path().parent_path().filename() == "rules" ||
        entry.path().parent_path().filename() == "ha-son") {
      continue;
    }
    LoadResult r = load_plan_file(entry.path().string());
    INFO(render_text(r.diagnostics, r.source));
    CHECK(count_errors(r.diagnostics) == 0);
    ++checked;
  }
  CHECK(checked >= 3);
}

TEST_CASE("the flagship plan carries the seed report's facts", "[load][workflows]") {
  LoadResult r = load_plan_file(PLANTRACK_SOURCE_DIR
                                "/workflows/binh-duong-cleaner-production-2012-2015.toml");
  REQUIRE(r.ok());
  const Plan& p = r.plan;
  CHECK(p.objectives.size() == 5);
  REQUIRE(p.tasks.size() == 7);
  std::vector<std::int64_t> targets;
  for (const Task& t : p.tasks) targets.push_back(t.target);
  CHECK(targets == std::vector<std::int64_t>{2, 30, 5000, 6, 15, 2, 1});
  std::int64_t total = 0;
  for (const Funding& f : p.funding) total += f.amount;
  CHECK(total == 1'023'600'000);
  CHECK(p.funding.size() == 4);
  CHECK(p.participants.size() == 1);
  CHECK(p.narrative.solutions.size() == 3);
  CHECK(p.narrative.integrated_activities.empty());
  CHECK(codes(r) ==
        "year-outside-period year-outside-period participants-below-target year-outside-period "
        "participants-below-target");
}

TEST_CASE("budget lines and declared totals load with their positions", "[load]") {
  LoadResult r = load(task("quick", "training", 15, "years = [2013, 2014]\n") +
                      "\n[[funding]]\nid = \"central\"\nkind = \"central\"\namount = 123_000_000\n"
                      "\n[[funding]]\nid = \"local\"\nkind = \"local\"\namount = 900_600_000\n"
                      "\n[[total]]\nid = \"state\"\ntitle = \"State\"\n"
                      "sources = [\"central\", \"local\"]\namount = 1_023_600_000\n"
                      "\n[[budget]]\ntask = \"quick\"\nsource = \"local\"\nyear = 2014\n"
                      "amount = 150_000_000\ncategory = \"consultancy\"\ndecision = \"QĐ 1\"\n");
  INFO(codes(r));
  REQUIRE(r.ok());
  REQUIRE(r.plan.totals.size() == 1);
  const FundingTotal& total = r.plan.totals[0];
  CHECK(total.id == "state");
  REQUIRE(total.sources.size() == 2);
  CHECK(total.sources[1].id == "local");
  CHECK(total.amount == 1'023'600'000);
  REQUIRE(r.plan.budget.size() == 1);
  const BudgetLine& line = r.plan.budget[0];
  CHECK(line.task == "quick");
  CHECK(line.source == "local");
  CHECK(line.year == 2014);
  CHECK(line.amount == 150'000'000);
  CHECK(line.category == "consultancy");
  CHECK(line.decision == "QĐ 1");
  CHECK(line.amount_where.line == line.year_where.line + 1);
  // The binary cache keeps them whole.
  std::optional<Plan> back = deserialize_plan(serialize_plan(r.plan));
  REQUIRE(back);
  CHECK(back->budget[0].decision == "QĐ 1");
  CHECK(back->totals[0].sources[0].id == "central");
  CHECK(back->budget[0].amount_where == line.amount_where);
}
