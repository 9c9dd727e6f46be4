// The JSON report (format "plantrack-report"): the report's data for scripts, its tasks, stages,
// money and findings in the shapes `status --format json` and `check --format json` use.
// plugins/report_json prints it (report::build_json). docs/json.md; the version policy in
// docs/reports.md.
#include "json_parts.hpp"
#include "plantrack/money.hpp"
#include "plantrack/sdk/report.hpp"

namespace plantrack {
namespace {

using json::Json;

// 2: stages carry their figures under `rollup`, tasks their `blockers` and the funding its
// `total`, `years`, `tasks` and `spending`, as in `status --format json`.
// 3: "period", "to_date"; a task's "period" figures. 4: "known_at", "log"; a task's "done_on",
// "days_late"; "of" and "share"; the plan's "approved".
constexpr int kVersion = 4;

// The columns' headings, as the JSON report has always listed them.
std::vector<std::string> titles(const report::Table& t) {
  std::vector<std::string> out;
  for (const report::Column& c : t.columns) out.push_back(c.title);
  return out;
}

Json document_json(const report::Document& d) {
  Json sections = Json::array();
  for (const report::Section& s : d.sections) {
    Json blocks = Json::array();
    for (const report::Block& b : s.body) {
      if (b.kind == report::Block::Kind::kParagraph) {
        blocks.push_back({{"paragraph", b.text}});
      } else if (b.kind == report::Block::Kind::kBullets) {
        blocks.push_back({{"bullets", b.items}});
      } else {
        blocks.push_back({{"table",
                           {{"name", b.table.name},
                            {"title", b.table.title},
                            {"columns", titles(b.table)},
                            {"rows", b.table.rows}}}});
      }
    }
    sections.push_back({{"heading", s.heading}, {"level", s.level}, {"blocks", blocks}});
  }
  return {{"title", d.title},
          {"subtitle", d.subtitle},
          {"preamble", d.preamble},
          {"notes", d.notes},
          {"sections", sections}};
}

// The money as in `status`, each source's amount also written the report's way, and the
// plan's declared totals with their amounts in words.
Json funding_json(const Plan& plan, const PlanStatus* status, const std::string& lang) {
  NumberStyle style = number_style(lang);
  VietnameseWords words{plan.report.linh_le, plan.report.ngan, plan.report.tu_after_muoi,
                        plan.report.ti};
  Json funding = json::money_json(plan, status);
  for (Json& source : funding["sources"]) {
    std::int64_t amount = source["allocated"].get<std::int64_t>();
    source["amount"] = amount;
    source["amount_text"] = format_money(amount, style);
  }
  Json totals = Json::array();
  for (const FundingTotal& t : plan.totals) {
    Json ids = Json::array();
    for (const Ref& r : t.sources) ids.push_back(r.id);
    totals.push_back({{"id", t.id},
                      {"title", t.title},
                      {"amount", t.amount},
                      {"amount_text", format_money(t.amount, style)},
                      {"words", money_in_words(t.amount, lang, words)},
                      {"sources", ids}});
  }
  funding["totals"] = std::move(totals);
  return funding;
}

}  // namespace

std::string report::build_json(const sdk::View& view, const Options& options) {
  const Plan& plan = view.plan;
  const PlanStatus* status = view.status;
  std::string lang = options.lang == "vi" ? "vi" : "en";
  Json doc;
  doc["format"] = "plantrack-report";
  doc["version"] = kVersion;
  doc["lang"] = lang;
  doc["plan"] = json::plan_json(plan);
  doc["revision"] = options.revision;
  Json amendments = Json::array();
  for (const Amendment& a : plan.amendments) {
    amendments.push_back(
        {{"decision", a.decision}, {"date", a.date.to_string()}, {"summary", a.summary}});
  }
  doc["amendments"] = std::move(amendments);
  doc["as_of"] = status ? Json(status->as_of.to_string()) : Json(nullptr);
  doc["period"] = status ? json::period_json(status->period) : Json(nullptr);
  doc["rollup"] = status ? json::rollup_json(status->plan) : Json(nullptr);
  doc["to_date"] = status ? json::rollup_json(status->to_date) : Json(nullptr);
  doc["money_in_period"] = json::money_json(plan, status, true);
  if (status) {
    json::log_json(doc, *status);
  } else {
    doc["known_at"] = doc["log"] = nullptr;
  }
  Json tasks = Json::array();
  for (std::size_t i = 0; i < plan.tasks.size(); ++i)
    tasks.push_back(json::task_json(plan, i, status));
  doc["tasks"] = std::move(tasks);
  Json stages = Json::array();
  if (status) {
    for (const StageStatus& st : status->stages) stages.push_back(json::stage_json(plan, st));
  }
  doc["stages"] = std::move(stages);
  doc["funding"] = funding_json(plan, status, lang);
  Json participants = Json::array();
  for (const Participant& p : plan.participants) {
    participants.push_back({{"name", p.name},
                            {"sector", p.sector},
                            {"task", p.task},
                            {"activity", p.activity},
                            {"year", p.year}});
  }
  doc["participants"] = std::move(participants);
  Json findings = Json::array();
  if (view.findings) {
    for (const sdk::Finding& f : *view.findings) findings.push_back(json::finding_json(f, {}, {}));
  }
  doc["findings"] = std::move(findings);
  doc["document"] = document_json(report::build(view, options));
  return json::text(doc);
}

}  // namespace plantrack
