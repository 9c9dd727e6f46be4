// The rules plugin's tables and rules, on payments built in the test (no store needed).
#include <catch2/catch.hpp>

#include <algorithm>

#include "../test_plans.hpp"
#include "rule_table.hpp"

using namespace plantrack;

namespace {

std::optional<rules::RuleTable> table(const std::string& rules_text,
                                      const std::string& period = "valid_from = 2013-02-10\n",
                                      std::vector<Diagnostic>* problems = nullptr) {
  SourceText source("t.rules.toml", "format = 1\n[table]\nid = \"t\"\nbasis = \"TTLT 221\"\n" +
                                        period + rules_text);
  DiagnosticSink sink("t.rules.toml");
  std::optional<rules::RuleTable> out = rules::parse_rule_table(source, sink);
  if (problems) *problems = sink.take_sorted();
  return out;
}

const std::string kAssessment =
    "[[rule]]\nid = \"cp\"\nkind = \"support-cap\"\ncategories = [\"cp-assessment\"]\n"
    "percent = 50\ncap = 50_000_000\n";

// A plan with state and enterprise sources and an assessment budget line per year.
LoadResult money_plan() {
  std::string body = test::task("qa", "awareness", 10);
  for (auto [id, kind] :
       {std::pair{"local", "local"}, {"central", "central"}, {"ent", "enterprise"}}) {
    body += "\n[[funding]]\nid = \"" + std::string(id) + "\"\nkind = \"" + kind +
            "\"\ntitle = \"x\"\namount = 1_000_000_000\n";
  }
  for (int year : {2012, 2013, 2014}) {
    for (const char* source : {"local", "central", "ent"}) {
      body += "\n[[budget]]\ntask = \"qa\"\nsource = \"" + std::string(source) +
              "\"\nyear = " + std::to_string(year) +
              "\namount = 300_000_000\ncategory = \"cp-assessment\"\n";
    }
  }
  return test::load(body);
}

Spending pay(std::int64_t event, const std::string& who, std::int64_t amount,
             std::optional<std::int64_t> cost, Date date, const std::string& source = "local") {
  Spending s;
  s.event = event;
  s.task = "qa";
  s.source = source;
  s.year = date.year();
  s.amount = amount;
  s.cost = cost;
  s.participant = who;
  s.date = date;
  return s;
}

std::vector<std::string> rules_of(const rules::RuleTable& t, const Plan& plan,
                                  std::vector<Spending> spending) {
  PlanStatus status;
  status.spending = std::move(spending);
  std::vector<sdk::Finding> findings;
  rules::evaluate(t, plan, status, findings);
  std::vector<std::string> out;
  for (const sdk::Finding& f : findings) {
    out.push_back(f.rule + (f.event_id ? "#" + std::to_string(*f.event_id) : ""));
  }
  return out;
}

}  // namespace

TEST_CASE("the shipped 221/2012 table reads, with its dates and figures", "[rules]") {
  std::string path = PLANTRACK_SOURCE_DIR "/workflows/rules/vn-ttlt-221-2012.toml";
  SourceText source = SourceText::from_file(path);
  DiagnosticSink sink(path);
  std::optional<rules::RuleTable> t = rules::parse_rule_table(source, sink);
  INFO(render_text(sink.take_sorted(), source));
  REQUIRE(t);
  CHECK(t->valid_from == Date{2013, 2, 10});
  REQUIRE(t->rules.size() == 2);
  CHECK(t->rules[0].percent == 50);
  CHECK(t->rules[0].cap == 50'000'000);
  CHECK(t->rules[0].scope == rules::CapScope::kProgramme);
  CHECK(t->rules[1].kind == rules::RuleKind::kNoDoubleFunding);
}

TEST_CASE("rule table mistakes are reported at their lines, all of them", "[rules]") {
  std::vector<Diagnostic> problems;
  CHECK_FALSE(
      table("[[rule]]\nid = \"a\"\nkind = \"support-cap\"\npercent = 101\nscope = 1\n"
            "[[rule]]\nid = \"a\"\nkind = \"cap\"\n",
            "valid_from = \"2013-02-10\"\n", &problems));
  std::vector<std::string> codes;
  for (const Diagnostic& d : problems) codes.push_back(d.code + "@" + std::to_string(d.where.line));
  CHECK(codes == std::vector<std::string>{"wrong-type@5", "out-of-range@9", "unknown-key@10",
                                          "duplicate-id@11", "unknown-value@13"});
  CHECK_FALSE(table("[[rule]]\nid = \"a\"\nkind = \"support-cap\"\n", "valid_from = 2013-02-10\n",
                    &problems));
  CHECK(problems.at(0).message == "support-cap rule \"a\" has neither \"percent\" nor \"cap\"");
  CHECK_FALSE(table("", "valid_from = 2013-02-10\n", &problems));
  CHECK(problems.at(0).message == "the rule table has no [[rule]]");
  // The type words are the plan's (plantrack/toml_type.hpp): one list for both readers.
  CHECK_FALSE(table("[[rule]]\nid = \"a\"\nkind = \"support-cap\"\npercent = 50.5\n",
                    "valid_from = 2013-02-10\n", &problems));
  CHECK_THAT(problems.at(0).message, Catch::EndsWith("must be a whole number, not a "
                                                     "floating-point number"));
}

TEST_CASE("the percent ceiling: exactly 50% passes, one đồng more does not", "[rules]") {
  LoadResult r = money_plan();
  REQUIRE(r.ok());
  auto t = table(kAssessment);
  REQUIRE(t);
  Date d{2014, 3, 1};
  CHECK(rules_of(*t, r.plan, {pay(1, "A", 20'000'000, 40'000'000, d)}).empty());
  CHECK(rules_of(*t, r.plan, {pay(1, "A", 20'000'001, 40'000'000, d)}) ==
        std::vector<std::string>{"cp/percent#1"});
  // An advance and its settlement support one cost: together they are checked.
  CHECK(
      rules_of(*t, r.plan,
               {pay(1, "A", 10'000'000, 40'000'000, d), pay(2, "A", 15'000'000, 40'000'000, d)}) ==
      std::vector<std::string>{"cp/percent#2"});
  CHECK(rules_of(*t, r.plan, {pay(1, "A", 10'000'000, std::nullopt, d)}) ==
        std::vector<std::string>{"cp/cost-missing#1"});
  // Enterprise money is not state support.
  CHECK(rules_of(*t, r.plan, {pay(1, "A", 40'000'000, 40'000'000, d, "ent")}).empty());
}

TEST_CASE("the cap counts per participant over its scope", "[rules]") {
  LoadResult r = money_plan();
  REQUIRE(r.ok());
  std::vector<Spending> two_years = {pay(1, "A", 30'000'000, 100'000'000, Date{2013, 5, 1}),
                                     pay(2, "A", 30'000'000, 100'000'000, Date{2014, 5, 1}),
                                     pay(3, "B", 50'000'000, 100'000'000, Date{2014, 5, 1})};
  auto programme = table(kAssessment);
  REQUIRE(programme);
  CHECK(rules_of(*programme, r.plan, two_years) == std::vector<std::string>{"cp/cap#2"});
  auto per_year = table(kAssessment + "cap_scope = \"year\"\n");
  REQUIRE(per_year);
  CHECK(rules_of(*per_year, r.plan, two_years).empty());
  auto per_payment = table(kAssessment + "cap_scope = \"payment\"\n");
  REQUIRE(per_payment);
  CHECK(rules_of(*per_payment, r.plan, {pay(1, "", 60'000'000, 200'000'000, Date{2014, 5, 1})}) ==
        std::vector<std::string>{"cp/cap#1"});
  CHECK(rules_of(*programme, r.plan, {pay(1, "", 10'000'000, 40'000'000, Date{2014, 5, 1})}) ==
        std::vector<std::string>{"cp/participant-missing#1"});
}

TEST_CASE("a rule applies only inside its validity, to the day", "[rules]") {
  LoadResult r = money_plan();
  REQUIRE(r.ok());
  auto t = table(kAssessment, "valid_from = 2013-02-10\nvalid_to = 2014-12-31\n");
  REQUIRE(t);
  std::int64_t over = 30'000'000;  // 75% of the cost
  CHECK(rules_of(*t, r.plan, {pay(1, "A", over, 40'000'000, Date{2013, 2, 9})}) ==
        std::vector<std::string>{"not-in-force#1"});
  CHECK(rules_of(*t, r.plan, {pay(1, "A", over, 40'000'000, Date{2013, 2, 10})}) ==
        std::vector<std::string>{"cp/percent#1"});
  CHECK(rules_of(*t, r.plan, {pay(1, "A", over, 40'000'000, Date{2014, 12, 31})}) ==
        std::vector<std::string>{"cp/percent#1"});
  CHECK(rules_of(*t, r.plan, {pay(1, "A", over, 40'000'000, Date{2015, 1, 1})}) ==
        std::vector<std::string>{});  // no 2015 budget line: the category is unknown
}

TEST_CASE("no double funding: two state sources for one participant, task and year", "[rules]") {
  LoadResult r = money_plan();
  REQUIRE(r.ok());
  auto t = table("[[rule]]\nid = \"once\"\nkind = \"no-double-funding\"\n");
  REQUIRE(t);
  Date d{2014, 3, 1};
  CHECK(rules_of(*t, r.plan, {pay(1, "A", 1, 2, d), pay(2, "A", 1, 2, d, "central")}) ==
        std::vector<std::string>{"once#2"});
  CHECK(rules_of(*t, r.plan, {pay(1, "A", 1, 2, d), pay(2, "A", 1, 2, d, "ent")}).empty());
  CHECK(rules_of(*t, r.plan, {pay(1, "A", 1, 2, d), pay(2, "B", 1, 2, d, "central")}).empty());
  CHECK(rules_of(*t, r.plan, {pay(1, "A", 1, 2, d), pay(2, "A", 1, 2, Date{2013, 3, 1}, "central")})
            .empty());
}
