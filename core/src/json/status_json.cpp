// The JSON of the commands that print it (status, next, why, history, check, what-if, diff), and
// the pieces the JSON report shares with them. docs/json.md describes every shape.
#include "plantrack/status_json.hpp"

#include <cstddef>
#include <map>

#include "json_parts.hpp"
#include "plantrack/alerts.hpp"
#include "plantrack/money.hpp"
#include "plantrack/money_status.hpp"
#include "plantrack/printable.hpp"

namespace plantrack {
namespace json {

std::string text(const Json& json) {
  return printable(json.dump(2, ' ', false, Json::error_handler_t::replace), LineBreaks::kAllowed) +
         "\n";
}

Json plan_json(const Plan& plan) {
  const PlanInfo& info = plan.info;
  return {
      {"id", info.id},
      {"title", info.title},
      {"owner", info.owner},
      {"executor", info.executor},
      {"period", {{"start", info.period_start}, {"end", info.period_end}}},
      {"currency", info.currency},
      {"basis", info.basis},
      {"approved", info.approved_decision.empty()
                       ? Json(nullptr)
                       : Json({{"decision", info.approved_decision},
                               {"date", info.approved_date ? Json(info.approved_date->to_string())
                                                           : Json(nullptr)},
                               {"by", info.approved_by}})}};
}

Json rollup_json(const Rollup& r) {
  return {{"not_started", r.not_started}, {"in_progress", r.in_progress}, {"done", r.done},
          {"cancelled", r.cancelled},     {"percent", r.percent},         {"complete", r.complete}};
}

namespace {

Json blocker_json(const Plan& plan, const Blocker& b) {
  Json j = {{"task", plan.tasks[b.task].id}, {"achieved", b.achieved}};
  if (b.at_least) j["at_least"] = *b.at_least;
  j["reason"] = blocker_text(plan, b);
  return j;
}

}  // namespace

Json task_json(const Plan& plan, std::size_t i, const PlanStatus* status) {
  const Task& task = plan.tasks[i];
  Json j = {{"id", task.id},     {"stage", task.stage},   {"title", task.title},
            {"unit", task.unit}, {"target", task.target}, {"years", task.active_years()}};
  if (status) {
    const TaskStatus& s = status->tasks[i];
    Json by_year = Json::object();
    for (const YearQuantity& y : s.by_year) by_year[std::to_string(y.year)] = y.quantity;
    Json blockers = Json::array();
    for (const Blocker& b : s.blockers) blockers.push_back(blocker_json(plan, b));
    j["achieved"] = s.achieved;
    j["by_year"] = std::move(by_year);
    j["percent"] = s.percent;
    if (s.period) {
      const PeriodFigures& p = *s.period;
      j["period"] = {{"target", p.target ? Json(*p.target) : Json(nullptr)},
                     {"achieved", p.achieved},
                     {"percent", p.target ? Json(p.percent) : Json(nullptr)}};
    } else {
      j["period"] = nullptr;
    }
    j["state"] = to_string(s.state);
    j["ready"] = s.ready;
    j["blockers"] = std::move(blockers);
    j["blocked_by_hand"] = s.blocked_by_hand ? Json(*s.blocked_by_hand) : Json(nullptr);
    j["overdue"] = s.overdue;
    j["done_on"] = s.done_on ? Json(s.done_on->to_string()) : Json(nullptr);
    std::optional<int> late = days_late(plan, s);
    j["days_late"] = late ? Json(*late) : Json(nullptr);
    std::optional<double> whole = task.share_of_whole(s.achieved);
    j["share_of_whole"] = whole ? Json(*whole) : Json(nullptr);
  }
  j["due"] = task.due ? Json(task.due->to_string()) : Json(nullptr);
  j["of"] = task.of ? Json(*task.of) : Json(nullptr);
  return j;
}

Json stage_json(const Plan& plan, const StageStatus& st) {
  const Stage& stage = plan.stages[st.stage];
  return {{"id", stage.id},
          {"title", stage.title},
          {"rollup", rollup_json(st.rollup)},
          {"to_date", rollup_json(st.to_date)}};
}

namespace {

Json money_row_json(const MoneyRow& r) {
  Json j = Json::object();
  if (!r.key.empty()) j["id"] = r.key;
  if (r.year) j["year"] = r.year;
  j["allocated"] = r.allocated;
  j["spent"] = r.spent;
  j["remaining"] = r.remaining();
  return j;
}

Json source_json(const Plan& plan, const MoneyRow& r) {
  Json j = {{"id", r.key}};
  for (const Funding& f : plan.funding) {
    if (f.id == r.key) j["kind"] = to_string(f.kind), j["title"] = f.title;
  }
  j["allocated"] = r.allocated;
  j["spent"] = r.spent;
  j["remaining"] = r.remaining();
  return j;
}

Json line_json(const MoneyLine& l) {
  return {{"task", l.task},
          {"source", l.source},
          {"year", l.year},
          {"allocated", l.allocated},
          {"spent", l.spent},
          {"remaining", l.remaining()},
          {"budget_line", l.line.has_value()}};
}

Json spending_json(const Spending& p) {
  return {{"event", p.event},
          {"date", p.date.to_string()},
          {"task", p.task},
          {"source", p.source},
          {"year", p.year},
          {"amount", p.amount},
          {"cost", p.cost ? Json(*p.cost) : Json(nullptr)},
          {"participant", p.participant},
          {"note", p.note}};
}

}  // namespace

void log_json(Json& doc, const PlanStatus& status) {
  doc["known_at"] = status.known_at.empty() ? Json(nullptr) : Json(status.known_at);
  doc["log"] = status.log_event == 0
                   ? Json(nullptr)
                   : Json({{"event", status.log_event}, {"recorded_at", status.log_recorded_at}});
}

Json period_json(const std::optional<Period>& period) {
  if (!period) return nullptr;
  return {{"period", period->to_string()},
          {"first", period->first.to_string()},
          {"last", period->last.to_string()}};
}

Json money_json(const Plan& plan, const PlanStatus* status, bool in_period) {
  static const std::vector<Spending> kNone;
  const std::vector<Spending>& paid = status ? status->spending : kNone;
  if (in_period && (!status || !status->period)) return nullptr;
  MoneyStatus m = in_period ? money_status(plan, paid, *status->period) : money_status(plan, paid);
  Json sources = Json::array(), years = Json::array(), tasks = Json::array();
  Json lines = Json::array(), spending = Json::array();
  for (const MoneyRow& r : m.sources) sources.push_back(source_json(plan, r));
  for (const MoneyRow& r : m.years) years.push_back(money_row_json(r));
  for (const MoneyRow& r : m.tasks) tasks.push_back(money_row_json(r));
  for (const MoneyLine& l : m.lines) lines.push_back(line_json(l));
  for (const Spending& p : paid) {
    if (!in_period || status->period->contains(place_of(p.date, p.year))) {
      spending.push_back(spending_json(p));
    }
  }
  return {{"currency", plan.info.currency}, {"total", money_row_json(m.total)},
          {"sources", std::move(sources)},  {"years", std::move(years)},
          {"tasks", std::move(tasks)},      {"lines", std::move(lines)},
          {"spending", std::move(spending)}};
}

Json finding_json(const sdk::Finding& f, const std::string& plugin, const std::string& file) {
  Json j = Json::object();
  if (!plugin.empty()) j["plugin"] = plugin;
  j["severity"] = f.severity == sdk::Severity::kError     ? "error"
                  : f.severity == sdk::Severity::kWarning ? "warning"
                                                          : "info";
  j["rule"] = f.rule;
  j["basis"] = f.basis;
  j["message"] = f.message;
  j["amounts"] = f.amounts;
  if (f.where.known()) {
    if (!file.empty()) j["file"] = file;
    j["line"] = f.where.line;
    j["column"] = f.where.column;
  }
  if (f.event_id) j["event"] = *f.event_id;
  j["fix"] = f.fix;
  return j;
}

}  // namespace json

using json::Json;

std::string blocker_text(const Plan& plan, const Blocker& b) {
  const Task& other = plan.tasks[b.task];
  if (!b.at_least) return "waits for \"" + other.id + "\" to be done";
  return "waits for \"" + other.id + "\" to reach " + std::to_string(*b.at_least) + " " +
         other.unit + " (has " + std::to_string(b.achieved) + ")";
}

std::string status_json(const Plan& plan, const PlanIndex& index, const PlanStatus& status,
                        const std::string& stage) {
  // Tasks of each stage, in plan order.
  std::vector<std::vector<std::size_t>> stage_tasks(plan.stages.size());
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    if (auto s = index.task_stages()[i]) stage_tasks[*s].push_back(i);
  }
  Json stages = Json::array();
  for (const StageStatus& st : status.stages) {
    if (!stage.empty() && plan.stages[st.stage].id != stage) continue;
    Json tasks = Json::array();
    for (std::size_t i : stage_tasks[st.stage]) tasks.push_back(json::task_json(plan, i, &status));
    Json j = json::stage_json(plan, st);
    j["tasks"] = std::move(tasks);
    stages.push_back(std::move(j));
  }
  Json orphans = Json::array();
  for (const Orphan& orphan : status.orphans) {
    orphans.push_back({{"task", orphan.task}, {"events", orphan.events}});
  }
  Json doc = {{"plan", json::plan_json(plan)},
              {"as_of", status.as_of.to_string()},
              {"period", json::period_json(status.period)},
              {"rollup", json::rollup_json(status.plan)},
              {"to_date", json::rollup_json(status.to_date)},
              {"stages", std::move(stages)},
              {"orphans", std::move(orphans)},
              {"money", json::money_json(plan, &status)},
              {"money_in_period", json::money_json(plan, &status, true)}};
  json::log_json(doc, status);
  return json::text(doc);
}

std::string next_json(const Plan& plan, const NextTasks& next) {
  Json ready = Json::array();
  for (std::size_t i : next.ready) {
    ready.push_back(json::task_json(plan, i, &next.status));
    ready.back()["later"] = false;
  }
  for (std::size_t i : next.later) {
    ready.push_back(json::task_json(plan, i, &next.status));
    ready.back()["later"] = true;
  }
  return json::text(ready);
}

namespace {

Json why_task_json(const Plan& plan, const PlanStatus& status, std::size_t i) {
  Json j = json::task_json(plan, i, &status);
  Json& blockers = j["blockers"];
  std::size_t total = blockers.size();
  if (total > kWhyShownBlockers) {
    blockers.erase(blockers.begin() + static_cast<std::ptrdiff_t>(kWhyShownBlockers),
                   blockers.end());
  }
  j["blockers_total"] = total;
  return j;
}

}  // namespace

std::string why_json(const Plan& plan, const WhyTask& why) {
  const PlanStatus& status = why.status;
  Json j = why_task_json(plan, status, why.task);
  const std::vector<std::size_t>& chain = why.waiting_on;
  Json first = Json::array(), last = Json::array();
  for (std::size_t k = 0; k < chain.size(); ++k) {
    if (!why_shows(k, chain.size())) continue;
    bool head = k < kWhyChainHead || chain.size() <= kWhyChainHead + kWhyChainTail;
    (head ? first : last).push_back(why_task_json(plan, status, chain[k]));
  }
  std::size_t omitted = chain.size() - first.size() - last.size();
  j["waiting_on"] = {
      {"count", chain.size()}, {"first", first}, {"omitted", omitted}, {"last", last}};
  return json::text(j);
}

std::string history_json(const History& history) {
  Json list = Json::array();
  for (const Event& e : history.events) {
    auto reverted = history.reverted_by.find(e.id);
    Json j = {{"id", e.id},
              {"task", e.task},
              {"kind", to_string(e.kind)},
              {"quantity", e.quantity ? Json(*e.quantity) : Json(nullptr)},
              {"year", e.year ? Json(*e.year) : Json(nullptr)},
              {"date", e.effective.to_string()},
              {"recorded_at", e.recorded_at},
              {"actor", e.actor},
              {"note", e.note},
              {"evidence", e.evidence},
              {"plan_revision", e.plan_revision},
              {"reverts", e.reverts ? Json(*e.reverts) : Json(nullptr)},
              {"reverted_by",
               reverted != history.reverted_by.end() ? Json(reverted->second) : Json(nullptr)}};
    if (e.kind == EventKind::kSpend) {  // a payment's own fields
      j["source"] = e.source;
      j["amount"] = e.amount ? Json(*e.amount) : Json(nullptr);
      j["cost"] = e.cost ? Json(*e.cost) : Json(nullptr);
      j["participant"] = e.participant;
    }
    list.push_back(std::move(j));
  }
  return json::text(list);
}

std::string check_json(const CheckResult& check, const std::string& plan_file, Date as_of) {
  Json findings = Json::array(), alerts = Json::array();
  for (const PluginFinding& f : check.findings) {
    findings.push_back(json::finding_json(f.finding, f.plugin, plan_file));
  }
  for (const sdk::Event& e : check.events) {
    if (e.type == sdk::EventType::kFundingFinding) continue;
    Json j = {{"type", sdk::to_string(e.type)}, {"key", e.key}, {"message", e.message}};
    if (!e.task.empty()) j["task"] = e.task;
    if (!e.stage.empty()) j["stage"] = e.stage;
    alerts.push_back(std::move(j));
  }
  const DeliveryResult& sent = check.delivery;
  return json::text(
      {{"as_of", as_of.to_string()},
       {"findings", std::move(findings)},
       {"alerts", std::move(alerts)},
       {"notifications",
        {{"sent", sent.sent}, {"already_sent", sent.before}, {"kept", sent.kept()}}}});
}

namespace {

std::string what_if_task_text(const TaskStatus& s) {
  std::string out(to_string(s.state));
  out += ", " + std::to_string(s.achieved) + " (" + format_percent(s.percent) + ")";
  if (s.ready) out += ", ready";
  if (!s.blockers.empty()) out += ", blocked";
  if (s.overdue) out += ", OVERDUE";
  return out;
}

}  // namespace

std::vector<WhatIfTaskChange> what_if_task_changes(const WhatIfResult& w) {
  std::vector<WhatIfTaskChange> out;
  for (std::size_t i = 0; i < w.changed.tasks.size(); ++i) {
    std::string b = what_if_task_text(w.before.tasks[i]);
    std::string a = what_if_task_text(w.after.tasks[i]);
    if (b != a) out.push_back({w.changed.tasks[i].id, std::move(b), std::move(a)});
  }
  return out;
}

std::string what_if_json(const WhatIfResult& w, Date as_of) {
  Json tasks = Json::array();
  for (const WhatIfTaskChange& c : what_if_task_changes(w)) {
    tasks.push_back({{"id", c.id}, {"before", c.before}, {"after", c.after}});
  }
  return json::text({{"as_of", as_of.to_string()},
                     {"changes", w.changes},
                     {"plan", {{"before", w.before.plan.percent}, {"after", w.after.plan.percent}}},
                     {"tasks", std::move(tasks)},
                     {"alerts", w.alerts},
                     {"findings", w.findings}});
}

namespace {

Json place_json(SourcePos pos) {
  if (!pos.known()) return nullptr;
  return {{"line", pos.line}, {"column", pos.column}};
}

}  // namespace

std::string diff_json(const std::vector<PlanChange>& changes, const std::string& old_path,
                      const std::string& new_path) {
  Json list = Json::array();
  for (const PlanChange& c : changes) {
    list.push_back({{"kind", to_string(c.kind)},
                    {"area", c.area},
                    {"subject", c.subject},
                    {"field", c.field},
                    {"before", c.before},
                    {"after", c.after},
                    {"old", place_json(c.old_at)},
                    {"new", place_json(c.new_at)}});
  }
  return json::text({{"old", old_path}, {"new", new_path}, {"changes", std::move(list)}});
}

}  // namespace plantrack
