// The JSON shapes' one home: the report's tasks, stages and money are status's, and `why` shortens
// what it shows as its text does.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../test_plans.hpp"
#include "plantrack/sdk/report.hpp"
#include "plantrack/status_json.hpp"

using namespace plantrack;
using Json = nlohmann::ordered_json;

namespace {

Event progress(std::int64_t id, const std::string& task, std::int64_t quantity) {
  Event e;
  e.id = id;
  e.task = task;
  e.quantity = quantity;
  e.effective = Date{2014, 3, 1};
  return e;
}

}  // namespace

TEST_CASE("the JSON report's tasks, stages and money are status's", "[json]") {
  LoadResult r = test::load(test::task("posters", "awareness", 10) +
                            test::task("classes", "training", 2, "depends_on = [\"posters\"]\n"));
  REQUIRE(r.ok());
  PlanIndex index(r.plan);
  PlanStatus s = derive_status(r.plan, {progress(1, "posters", 4)}, Date{2014, 10, 24});
  Json status = Json::parse(status_json(r.plan, index, s));
  report::Options english;
  english.lang = "en";
  Json report = Json::parse(report::build_json(sdk::View{r.plan, &s}, english));
  CHECK(report["format"] == "plantrack-report");
  CHECK(report["version"] == 4);
  CHECK(report["plan"] == status["plan"]);
  CHECK(report["rollup"] == status["rollup"]);
  REQUIRE(report["tasks"].size() == 2);
  CHECK(report["tasks"][0] == status["stages"][0]["tasks"][0]);
  CHECK(report["tasks"][1] == status["stages"][1]["tasks"][0]);
  CHECK(report["stages"][1]["rollup"] == status["stages"][1]["rollup"]);
  CHECK(report["funding"]["lines"] == status["money"]["lines"]);
  const Json& blocker = status["stages"][1]["tasks"][0]["blockers"][0];
  CHECK(blocker["task"] == "posters");
  CHECK(blocker["reason"] == "waits for \"posters\" to be done");
}

TEST_CASE("status and report JSON carry a period's figures beside the programme's", "[json]") {
  LoadResult r =
      test::load(test::task("posters", "awareness", 10, "targets = { 2013 = 4, 2014 = 6 }\n"));
  REQUIRE(r.ok());
  PlanIndex index(r.plan);
  Event a = progress(1, "posters", 3), b = progress(2, "posters", 5);
  a.effective = Date{2013, 5, 1};
  a.year = 2013;
  b.effective = Date{2014, 5, 1};
  b.year = 2014;
  PlanStatus s = derive_status(r.plan, {a, b}, StatusScope{Date{2014, 10, 24}, year_period(2013)});
  Json status = Json::parse(status_json(r.plan, index, s));
  CHECK(status["as_of"] == "2014-10-24");
  CHECK(status["period"]["period"] == "2013");
  const Json& task = status["stages"][0]["tasks"][0];
  CHECK(task["achieved"] == 8);  // to date (24/10/2014), beside the period's 3
  CHECK(task["period"]["target"] == 4);
  CHECK(task["period"]["achieved"] == 3);
  CHECK(status["rollup"]["percent"] == 75.0);   // of 2013's target
  CHECK(status["to_date"]["percent"] == 80.0);  // of the programme's, to date
  report::Options english;
  english.lang = "en";
  Json report = Json::parse(report::build_json(sdk::View{r.plan, &s}, english));
  CHECK(report["period"] == status["period"]);
  CHECK(report["tasks"][0] == task);
  CHECK(report["rollup"] == status["rollup"]);
  CHECK(report["to_date"] == status["to_date"]);
}

TEST_CASE("why's JSON shows at most 10 unmet dependencies and counts them all", "[json]") {
  std::string body, needs;
  for (int i = 0; i < 12; ++i) {
    std::string id = "t" + std::to_string(i);
    body += test::task(id, "awareness", 1);
    needs += (needs.empty() ? "\"" : ", \"") + id + "\"";
  }
  body += test::task("last", "training", 1, "depends_on = [" + needs + "]\n");
  LoadResult r = test::load(body);
  REQUIRE(r.ok());
  WhyTask why;
  why.status = derive_status(r.plan, {}, Date{2014, 10, 24});
  why.task = 12;
  why.waiting_on = waiting_on(why.status, why.task);
  Json j = Json::parse(why_json(r.plan, why));
  CHECK(j["id"] == "last");
  CHECK(j["blockers"].size() == kWhyShownBlockers);
  CHECK(j["blockers_total"] == 12);
  CHECK(j["waiting_on"]["count"] == 12);
  CHECK(j["waiting_on"]["first"].size() == 12);  // a chain of 20 or fewer is shown whole
  CHECK(j["waiting_on"]["omitted"] == 0);
}
