// report_json ("json"): the report's data as one JSON document with a version field, for scripts.
// The structure is documented in docs/reports.md; fields are only ever added within a version.
#include <nlohmann/json.hpp>

#include "plantrack/money.hpp"
#include "plantrack/money_status.hpp"
#include "plantrack/sdk/plugin.hpp"
#include "plantrack/sdk/report.hpp"

namespace {

using namespace plantrack;
using namespace plantrack::sdk;
using Json = nlohmann::ordered_json;

constexpr int kVersion = 1;

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
          {"sections", sections}};
}

class JsonReport final : public ReporterBase {
 public:
  JsonReport(const Settings&, Context&) {}

 protected:
  void write(const View& view, const ReportRequest& request, std::ostream& out) override {
    const Plan& plan = view.plan;
    report::Options options{request.lang, request.from_year, request.to_year, request.revision};
    std::string lang = request.lang == "vi" ? "vi" : "en";
    NumberStyle style = number_style(lang);
    VietnameseWords words{plan.report.linh_le, plan.report.ngan, plan.report.tu_after_muoi,
                          plan.report.ti};
    Json doc;
    doc["format"] = "plantrack-report";
    doc["version"] = kVersion;
    doc["lang"] = lang;
    doc["plan"] = {{"id", plan.info.id},
                   {"title", plan.info.title},
                   {"owner", plan.info.owner},
                   {"executor", plan.info.executor},
                   {"period", {{"start", plan.info.period_start}, {"end", plan.info.period_end}}},
                   {"currency", plan.info.currency},
                   {"basis", plan.info.basis}};
    doc["revision"] = request.revision;
    Json amendments = Json::array();
    for (const Amendment& a : plan.amendments) {
      amendments.push_back(
          {{"decision", a.decision}, {"date", a.date.to_string()}, {"summary", a.summary}});
    }
    doc["amendments"] = amendments;
    doc["as_of"] = view.status ? Json(view.status->as_of.to_string()) : Json(nullptr);
    doc["years"] = {{"from", request.from_year ? Json(*request.from_year) : Json(nullptr)},
                    {"to", request.to_year ? Json(*request.to_year) : Json(nullptr)}};
    Json tasks = Json::array();
    for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
      const Task& t = plan.tasks[i];
      Json j = {{"id", t.id},     {"stage", t.stage},   {"title", t.title},
                {"unit", t.unit}, {"target", t.target}, {"years", t.active_years()}};
      if (view.status) {
        const TaskStatus& s = view.status->tasks[i];
        Json by_year = Json::object();
        for (const YearQuantity& y : s.by_year) by_year[std::to_string(y.year)] = y.quantity;
        j["achieved"] = report::achieved_in(s, options);
        j["achieved_total"] = s.achieved;
        j["by_year"] = by_year;
        j["percent"] = s.percent;
        j["state"] = to_string(s.state);
        j["ready"] = s.ready;
        j["overdue"] = s.overdue;
        j["blocked_by_hand"] = s.blocked_by_hand ? Json(*s.blocked_by_hand) : Json(nullptr);
      }
      j["due"] = t.due ? Json(t.due->to_string()) : Json(nullptr);
      tasks.push_back(j);
    }
    doc["tasks"] = tasks;
    Json stages = Json::array();
    if (view.status) {
      for (const StageStatus& st : view.status->stages) {
        const Rollup& r = st.rollup;
        stages.push_back({{"id", plan.stages[st.stage].id},
                          {"title", plan.stages[st.stage].title},
                          {"percent", r.percent},
                          {"complete", r.complete},
                          {"done", r.done},
                          {"in_progress", r.in_progress},
                          {"not_started", r.not_started},
                          {"cancelled", r.cancelled}});
      }
    }
    doc["stages"] = stages;
    MoneyStatus money =
        money_status(plan, view.status ? view.status->spending : std::vector<Spending>{});
    Json sources = Json::array();
    for (const MoneyRow& r : money.sources) {
      Json j = {{"id", r.key}};
      for (const Funding& f : plan.funding) {
        if (f.id == r.key) j["kind"] = to_string(f.kind), j["title"] = f.title;
      }
      j["amount"] = r.allocated;
      j["amount_text"] = format_money(r.allocated, style);
      j["spent"] = r.spent;
      j["remaining"] = r.remaining();
      sources.push_back(j);
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
    Json lines = Json::array();
    for (const MoneyLine& l : money.lines) {
      lines.push_back({{"task", l.task},
                       {"source", l.source},
                       {"year", l.year},
                       {"allocated", l.allocated},
                       {"spent", l.spent},
                       {"budget_line", l.line.has_value()}});
    }
    doc["funding"] = {{"sources", sources}, {"totals", totals}, {"lines", lines}};
    Json participants = Json::array();
    for (const Participant& p : plan.participants) {
      participants.push_back({{"name", p.name},
                              {"sector", p.sector},
                              {"task", p.task},
                              {"activity", p.activity},
                              {"year", p.year}});
    }
    doc["participants"] = participants;
    Json findings = Json::array();
    if (view.findings) {
      for (const Finding& f : *view.findings) {
        const char* severity = f.severity == Severity::kError     ? "error"
                               : f.severity == Severity::kWarning ? "warning"
                                                                  : "info";
        Json j = {{"severity", severity}, {"rule", f.rule},       {"basis", f.basis},
                  {"message", f.message}, {"amounts", f.amounts}, {"fix", f.fix}};
        if (f.where.known()) j["line"] = f.where.line, j["column"] = f.where.column;
        if (f.event_id) j["event"] = *f.event_id;
        findings.push_back(j);
      }
    }
    doc["findings"] = findings;
    doc["document"] = document_json(report::build(view, options));
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  }
};

constexpr PluginSpec kPlugins[] = {reporter<JsonReport>(
    "json", "The report's data as versioned JSON, for scripts (docs/reports.md)")};
const Descriptor kDescriptor = describe("report_json", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
