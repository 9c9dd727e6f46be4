#include "plan_reader.hpp"

#include <algorithm>
#include <charconv>

#include "plantrack/i18n.hpp"

#include "table_reader.hpp"

namespace plantrack::load {
namespace {

// A list of strings, or nothing when any item is not a string.
std::optional<SettingValue> string_list(toml::array& list) {
  std::vector<std::string> items;
  for (toml::node& item : list) {
    const auto* text = item.as_string();
    if (!text) return std::nullopt;
    items.push_back(text->get());
  }
  return items;
}

class PlanReader {
 public:
  explicit PlanReader(DiagnosticSink& sink) : sink_(sink) {}
  Plan read(toml::table& root);

 private:
  std::string read_id(TableReader& reader, const std::string& what);
  void read_format(TableReader& root, Plan& plan);
  void read_info(toml::table& table, PlanInfo& info);
  void read_period(TableReader& reader, PlanInfo& info);
  Stage read_stage(toml::table& table);
  Task read_task(toml::table& table);
  void read_years(TableReader& reader, Task& task);
  void read_targets(TableReader& reader, Task& task);
  void read_dependencies(TableReader& reader, Task& task);
  Funding read_funding(toml::table& table);
  FundingTotal read_total(toml::table& table);
  BudgetLine read_budget(toml::table& table);
  // A whole, non-negative amount of money; nullopt after reporting a problem (or when absent).
  std::optional<std::int64_t> read_amount(TableReader& r, SourcePos at);
  Participant read_participant(toml::table& table);
  PluginConfig read_plugin(toml::table& table);
  void read_narrative(toml::table& table, Narrative& narrative);
  void read_alerts(toml::table& table, Alerts& alerts);
  void read_report(toml::table& table, ReportStyle& report);
  std::optional<std::int64_t> positive(TableReader& reader, std::string_view key, Need need);

  DiagnosticSink& sink_;
};

Plan PlanReader::read(toml::table& root) {
  Plan plan;
  TableReader reader(root, tr("the plan file"),
                     {"format", "plan", "objective", "stage", "task", "funding", "total", "budget",
                      "participant", "plugin", "alerts", "report", "narrative", "amendment"},
                     sink_);
  read_format(reader, plan);
  if (!root.contains("plan")) {
    sink_.error("missing-key", reader.where(), tr("the plan file has no [plan] table")).fix =
        tr("start the file with a [plan] table holding id, title and period (see "
           "docs/plan-format.md)");
  } else if (toml::table* info = reader.table("plan")) {
    read_info(*info, plan.info);
  }
  std::vector<toml::table*> tasks = reader.tables("task");
  plan.tasks.reserve(tasks.size());
  for (toml::table* t : reader.tables("objective")) {
    TableReader r(*t, "[[objective]]", {"id", "text"}, sink_);
    plan.objectives.push_back(Objective{read_id(r, tr("objective")),
                                        r.text("text", Need::kRequired, LineBreaks::kAllowed),
                                        r.where()});
  }
  for (toml::table* t : reader.tables("stage")) plan.stages.push_back(read_stage(*t));
  for (toml::table* t : tasks) {
    plan.tasks.push_back(read_task(*t));
    const_cast<toml::table*>(t)->clear();  // read_plan owns the document: see plan_reader.hpp
  }
  for (toml::table* t : reader.tables("funding")) plan.funding.push_back(read_funding(*t));
  for (toml::table* t : reader.tables("total")) plan.totals.push_back(read_total(*t));
  for (toml::table* t : reader.tables("budget")) plan.budget.push_back(read_budget(*t));
  for (toml::table* t : reader.tables("participant")) {
    plan.participants.push_back(read_participant(*t));
  }
  for (toml::table* t : reader.tables("plugin")) plan.plugins.push_back(read_plugin(*t));
  if (toml::table* a = reader.table("alerts")) read_alerts(*a, plan.alerts);
  if (toml::table* t = reader.table("report")) read_report(*t, plan.report);
  for (toml::table* t : reader.tables("amendment")) {
    TableReader r(*t, "[[amendment]]", {"decision", "date", "summary"}, sink_);
    Amendment a;
    a.where = r.where();
    a.decision = r.text("decision", Need::kRequired);
    a.date = r.date("date", Need::kRequired).value_or(Date{});
    a.summary = r.text("summary", Need::kOptional, LineBreaks::kAllowed);
    plan.amendments.push_back(std::move(a));
  }
  if (toml::table* n = reader.table("narrative")) read_narrative(*n, plan.narrative);
  return plan;
}

std::string PlanReader::read_id(TableReader& reader, const std::string& what) {
  std::string id = reader.text("id", Need::kRequired);
  const toml::node* given = reader.node("id");
  if (id.empty() && given && given->is_string()) {
    Diagnostic& d =
        sink_.error("bad-id", reader.where("id"), tr("{what} id is empty", {{"what", what}}));
    d.why =
        tr("an empty id cannot be referred to, recorded against or told apart from a missing "
           "one");
    d.fix =
        tr("give it a slug: lower-case ASCII letters, digits and '-', e.g. "
           "\"quick-assessments\"");
  } else if (!id.empty() && !is_slug(id)) {
    Diagnostic& d =
        sink_.error("bad-id", reader.where("id"),
                    tr("{what} id \"{id}\" is not a slug", {{"what", what}, {"id", id}}));
    d.why = tr("ids are used on the command line, in file names and in references");
    d.fix = tr("use lower-case ASCII letters, digits and '-', e.g. \"quick-assessments\"");
  }
  return id;
}

void PlanReader::read_format(TableReader& root, Plan& plan) {
  std::optional<std::int64_t> format = root.integer("format");
  if (format && *format != 1) {
    Diagnostic& d =
        sink_.error("unsupported-format", root.where("format"),
                    tr("unsupported plan format {format}; this plantrack reads format 1",
                       {{"format", *format}}));
    d.fix = tr("write format = 1, or use the plantrack version that wrote this plan");
  }
  plan.format = 1;
}

void PlanReader::read_info(toml::table& table, PlanInfo& info) {
  TableReader r(table, "[plan]",
                {"id", "title", "owner", "executor", "period", "currency", "locale", "basis",
                 "approved", "programme"},
                sink_);
  info.where = r.where();
  info.id = read_id(r, tr("plan"));
  info.title = r.text("title", Need::kRequired);
  info.owner = r.text("owner");
  info.executor = r.text("executor");
  read_period(r, info);
  if (r.node("currency")) info.currency = r.text("currency");
  if (r.node("locale")) {
    std::string locale = r.text("locale");
    if (locale == "vi" || locale == "en") {
      info.locale = locale;
    } else if (r.node("locale")->is_string()) {
      r.not_one_of("locale", locale, r.where("locale"), {"vi", "en"});
    }
  }
  info.basis = r.text_list("basis");
  if (toml::table* approved = r.table("approved")) {
    TableReader a(*approved, "approved", {"decision", "date", "by"}, sink_);
    info.approved_decision = a.text("decision", Need::kRequired);
    info.approved_date = a.date("date", Need::kRequired);
    info.approved_by = a.text("by");
  }
  if (toml::table* programme = r.table("programme")) {
    TableReader p(*programme, "programme", {"file", "id"}, sink_);
    info.programme_where = p.where();
    info.programme_file = p.text("file", Need::kRequired);
    info.programme_id = p.text("id", Need::kRequired);
  }
}

void PlanReader::read_period(TableReader& r, PlanInfo& info) {
  toml::table* period = r.table("period", Need::kRequired);
  if (!period) return;
  TableReader p(*period, "period", {"start", "end"}, sink_);
  info.period_where = p.where();
  std::optional<int> start = p.year("start", Need::kRequired);
  std::optional<int> end = p.year("end", Need::kRequired);
  if (start && end && *start > *end) {
    Diagnostic& d = sink_.error(
        "bad-period", p.where(),
        tr("period starts in {start} but ends in {end}", {{"start", *start}, {"end", *end}}));
    d.fix = tr("swap start and end");
    return;
  }
  info.period_start = start.value_or(0);
  info.period_end = end.value_or(0);
}

Stage PlanReader::read_stage(toml::table& table) {
  TableReader r(table, "[[stage]]", {"id", "title", "depends_on"}, sink_);
  Stage stage;
  stage.where = r.where();
  stage.id = read_id(r, tr("stage"));
  stage.title = r.text("title", Need::kRequired);
  if (toml::array* deps = r.array("depends_on")) {
    for (toml::node& item : *deps) {
      if (auto* id = item.as_string()) {
        stage.depends_on.push_back(Ref{std::move(id->get()), position_of(item)});
      } else {
        Diagnostic& d = sink_.error("wrong-type", position_of(item),
                                    tr("\"depends_on\" of a stage must list stage ids, got {type}",
                                       {{"type", describe_type(item)}}));
        d.fix = tr("write depends_on = [\"awareness\"]");
      }
    }
  }
  return stage;
}

std::optional<std::int64_t> PlanReader::positive(TableReader& r, std::string_view key, Need need) {
  std::optional<std::int64_t> value = r.integer(key, need);
  if (value && *value <= 0) {
    Diagnostic& d = sink_.error(
        "bad-quantity", r.where(key),
        tr("\"{key}\" must be greater than 0, got {value}", {{"key", key}, {"value", *value}}));
    d.fix = tr("write a positive whole number");
    return std::nullopt;
  }
  return value;
}

Task PlanReader::read_task(toml::table& table) {
  TableReader r(
      table, "[[task]]",
      {"id", "stage", "title", "unit", "target", "years", "targets", "due", "owner", "objective",
       "counting", "depends_on", "renamed_from", "report_digits", "carry_over", "of"},
      sink_);
  Task task;
  task.where = r.where();
  task.id = read_id(r, tr("task"));
  task.stage = r.text("stage", Need::kRequired);
  task.stage_where = r.where("stage");
  task.title = r.text("title", Need::kRequired);
  task.unit = r.text("unit", Need::kRequired);
  task.target = positive(r, "target", Need::kRequired).value_or(0);
  task.target_where = r.where("target");
  read_years(r, task);
  read_targets(r, task);
  task.due = r.date("due");
  task.owner = r.text("owner");
  task.objective = r.text("objective");
  task.objective_where = r.where("objective");
  if (r.node("counting")) {
    std::string counting = r.text("counting");
    if (counting == "cumulative") {
      task.counting = Counting::kCumulative;
    } else if (counting != "increment" && r.node("counting")->is_string()) {
      r.not_one_of("counting", counting, r.where("counting"), {"increment", "cumulative"});
    }
  }
  if (std::optional<std::int64_t> digits = r.integer("report_digits")) {
    if (*digits < 1 || *digits > 9) {
      sink_
          .error("bad-value", r.where("report_digits"),
                 tr("\"report_digits\" must be between 1 and 9, got {value}", {{"value", *digits}}))
          .fix = tr("e.g. report_digits = 2 writes 2 as 02");
    } else {
      task.report_digits = static_cast<int>(*digits);
    }
  }
  task.of = positive(r, "of", Need::kOptional);
  if (task.of && task.target > *task.of) {
    Diagnostic& d = sink_.error("bad-quantity", r.where("target"),
                                tr("target {target} is more than of = {of}, the whole it is a "
                                   "share of",
                                   {{"target", task.target}, {"of", *task.of}}));
    d.why = tr("a ratio indicator counts a part of `of` (e.g. establishments out of all of them)");
    d.fix = tr("lower the target to at most {of}, or raise `of`", {{"of", *task.of}});
  }
  if (toml::node* carry = r.node("carry_over")) {
    if (auto value = carry->value<bool>()) {
      task.carry_over = *value;
    } else {
      sink_
          .error("wrong-type", r.where("carry_over"),
                 tr("\"carry_over\" must be true or false, got {type}",
                    {{"type", describe_type(*carry)}}))
          .fix = tr("write carry_over = false");
    }
  }
  read_dependencies(r, task);
  task.renamed_where = r.where("renamed_from");
  if (toml::node* renamed = r.node("renamed_from")) {
    if (renamed->is_string()) {
      task.renamed_from.push_back(r.text("renamed_from"));
    } else {
      task.renamed_from = r.text_list("renamed_from");
    }
  }
  return task;
}

void PlanReader::read_years(TableReader& r, Task& task) {
  toml::array* years = r.array("years");
  if (!years) return;
  for (toml::node& item : *years) {
    SourcePos where = position_of(item);
    if (const auto* value = item.as_integer()) {
      if (auto year = check_year(value->get(), where, sink_))
        task.years.push_back(Year{*year, where});
    } else {
      Diagnostic& d = sink_.error(
          "wrong-type", where,
          tr("\"years\" must list years as integers, got {type}", {{"type", describe_type(item)}}));
      d.fix = tr("write years = [2013, 2014]");
    }
  }
}

void PlanReader::read_targets(TableReader& r, Task& task) {
  toml::table* targets = r.table("targets");
  if (!targets) return;
  task.targets_where = position_of(*targets);
  for (auto&& [key, value] : *targets) {
    SourcePos where = position_of(key.source());
    std::int64_t year = 0;
    std::string_view text = key.str();
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (error != std::errc() || end != text.data() + text.size()) {
      Diagnostic& d = sink_.error("bad-year", where,
                                  tr("\"targets\" key \"{key}\" is not a year", {{"key", text}}));
      d.fix = tr("key each per-year target by its year, e.g. targets = { 2013 = 10, 2014 = 20 }");
      continue;
    }
    std::optional<int> checked = check_year(year, where, sink_);
    const auto* quantity = value.as_integer();
    if (!quantity) {
      Diagnostic& d =
          sink_.error("wrong-type", position_of(value),
                      tr("per-year target for {year} must be a whole number (integer), got {type}",
                         {{"year", text}, {"type", describe_type(value)}}));
      d.fix = tr("write {year} = 10", {{"year", text}});
      continue;
    }
    if (quantity->get() < 0) {
      Diagnostic& d = sink_.error("bad-quantity", position_of(value),
                                  tr("per-year target for {year} must not be negative, got {value}",
                                     {{"year", text}, {"value", quantity->get()}}));
      d.fix = tr("write 0 or a positive whole number");
      continue;
    }
    if (checked) task.targets.push_back(YearTarget{*checked, quantity->get(), where});
  }
  std::sort(task.targets.begin(), task.targets.end(),
            [](const YearTarget& a, const YearTarget& b) { return a.where < b.where; });
}

void PlanReader::read_dependencies(TableReader& r, Task& task) {
  toml::array* deps = r.array("depends_on");
  if (!deps) return;
  for (toml::node& item : *deps) {
    SourcePos where = position_of(item);
    if (auto* id = item.as_string()) {
      task.depends_on.push_back(Dependency{std::move(id->get()), std::nullopt, where});
    } else if (auto* threshold = item.as_table()) {
      TableReader t(*threshold, tr("a depends_on threshold"), {"task", "at_least"}, sink_);
      std::string prerequisite = t.text("task", Need::kRequired);
      std::optional<std::int64_t> at_least = positive(t, "at_least", Need::kRequired);
      if (!prerequisite.empty() && at_least) {
        task.depends_on.push_back(Dependency{prerequisite, at_least, where});
      }
    } else {
      Diagnostic& d =
          sink_.error("wrong-type", where,
                      tr("\"depends_on\" items must be task ids or thresholds, got {type}",
                         {{"type", describe_type(item)}}));
      d.fix =
          tr("write depends_on = [\"training-classes\", { task = \"quick-assessments\", "
             "at_least = 10 }]");
    }
  }
}

Funding PlanReader::read_funding(toml::table& table) {
  TableReader r(table, "[[funding]]", {"id", "kind", "title", "amount"}, sink_);
  Funding funding;
  funding.where = r.where();
  funding.id = read_id(r, tr("funding"));
  std::string kind = r.text("kind", Need::kRequired);
  if (auto parsed = funding_kind_from(kind)) {
    funding.kind = *parsed;
  } else if (r.node("kind") && r.node("kind")->is_string()) {
    r.not_one_of("kind", kind, r.where("kind"),
                 {"central", "local", "district", "international", "enterprise", "other"});
  }
  funding.title = r.text("title");
  funding.amount_where = r.where("amount");
  if (std::optional<std::int64_t> amount = read_amount(r, funding.amount_where)) {
    funding.amount = *amount;
  }
  return funding;
}

std::optional<std::int64_t> PlanReader::read_amount(TableReader& r, SourcePos at) {
  const toml::node* amount = r.node("amount");
  if (amount && amount->is_floating_point()) {
    Diagnostic& d = sink_.error("bad-amount", at,
                                tr("\"amount\" must be a whole number of the plan's currency, "
                                   "got a floating-point number"));
    d.why = tr("VND has no minor unit; money is counted in whole đồng");
    d.fix = tr("write the amount without decimals, e.g. amount = 123000000");
    return std::nullopt;
  }
  std::optional<std::int64_t> value = r.integer("amount", Need::kRequired);
  if (value && *value < 0) {
    Diagnostic& d = sink_.error(
        "bad-amount", at, tr("\"amount\" must not be negative, got {value}", {{"value", *value}}));
    d.fix =
        tr("write the amount the source provides; 0 is allowed for a source that gave "
           "nothing");
    return std::nullopt;
  }
  return value;
}

FundingTotal PlanReader::read_total(toml::table& table) {
  TableReader r(table, "[[total]]", {"id", "title", "sources", "amount"}, sink_);
  FundingTotal total;
  total.where = r.where();
  total.id = read_id(r, tr("total"));
  total.title = r.text("title");
  if (toml::array* sources = r.array("sources", Need::kRequired)) {
    for (toml::node& item : *sources) {
      if (auto* id = item.as_string()) {
        total.sources.push_back(Ref{std::move(id->get()), position_of(item)});
      } else {
        sink_
            .error("wrong-type", position_of(item),
                   tr("\"sources\" of a total must list funding ids, got {type}",
                      {{"type", describe_type(item)}}))
            .fix = tr("write sources = [\"central-budget\", \"local-budget\"]");
      }
    }
  }
  total.amount_where = r.where("amount");
  if (std::optional<std::int64_t> amount = read_amount(r, total.amount_where)) {
    total.amount = *amount;
  }
  return total;
}

BudgetLine PlanReader::read_budget(toml::table& table) {
  TableReader r(table, "[[budget]]", {"task", "source", "year", "amount", "category", "decision"},
                sink_);
  BudgetLine line;
  line.where = r.where();
  line.task = r.text("task", Need::kRequired);
  line.task_where = r.where("task");
  line.source = r.text("source", Need::kRequired);
  line.source_where = r.where("source");
  line.year_where = r.where("year");
  line.year = r.year("year", Need::kRequired).value_or(0);
  line.amount_where = r.where("amount");
  if (std::optional<std::int64_t> amount = read_amount(r, line.amount_where)) line.amount = *amount;
  line.category = r.text("category");
  line.decision = r.text("decision");
  return line;
}

Participant PlanReader::read_participant(toml::table& table) {
  TableReader r(table, "[[participant]]", {"name", "sector", "task", "year", "activity"}, sink_);
  Participant p;
  p.where = r.where();
  p.name = r.text("name", Need::kRequired);
  p.sector = r.text("sector");
  p.task = r.text("task", Need::kRequired);
  p.task_where = r.where("task");
  p.year = r.year("year", Need::kRequired).value_or(0);
  p.year_where = r.where("year");
  p.activity = r.text("activity");
  return p;
}

PluginConfig PlanReader::read_plugin(toml::table& table) {
  TableReader r(table, "[[plugin]]", {"name", "path", "settings"}, sink_);
  PluginConfig plugin;
  plugin.where = r.where();
  plugin.name = r.text("name", Need::kRequired);
  plugin.path = r.text("path");
  toml::table* settings = r.table("settings");
  if (!settings) return plugin;
  for (auto&& [key, value] : *settings) {
    SourcePos where = position_of(key.source());
    std::optional<SettingValue> setting;
    if (const auto* b = value.as_boolean()) setting = b->get();
    if (const auto* i = value.as_integer()) setting = i->get();
    if (const auto* f = value.as_floating_point()) setting = f->get();
    if (const auto* s = value.as_string()) setting = s->get();
    if (auto* list = value.as_array()) setting = string_list(*list);
    if (!setting) {
      Diagnostic& d =
          sink_.error("wrong-type", position_of(value),
                      tr("plugin setting \"{key}\" must be a string, number, boolean or list of "
                         "strings, got {type}",
                         {{"key", key.str()}, {"type", describe_type(value)}}));
      d.fix = tr("write the setting as a single value, e.g. {key} = \"...\"", {{"key", key.str()}});
      continue;
    }
    plugin.settings.push_back(PluginSetting{std::string(key.str()), *setting, where});
  }
  return plugin;
}

void PlanReader::read_report(toml::table& table, ReportStyle& report) {
  TableReader r(table, "[report]", {"linh", "nghin", "bon", "ty"}, sink_);
  report.where = r.where();
  // Each key names a word and takes one of its two written forms.
  auto choice = [&](std::string_view key, std::string_view standard, std::string_view variant,
                    bool& out) {
    if (!r.node(key) || !r.node(key)->is_string()) {
      r.text(key);  // reports a wrong type
      return;
    }
    std::string value = r.text(key);
    if (value == variant) {
      out = true;
    } else if (value != standard) {
      r.not_one_of(key, value, r.where(key), {standard, variant});
    }
  };
  choice("linh", "linh", "lẻ", report.linh_le);
  choice("nghin", "nghìn", "ngàn", report.ngan);
  choice("bon", "bốn", "tư", report.tu_after_muoi);
  choice("ty", "tỷ", "tỉ", report.ti);
}

void PlanReader::read_alerts(toml::table& table, Alerts& alerts) {
  TableReader r(table, "[alerts]", {"due_within_days", "behind_pace_margin_percent", "report_due"},
                sink_);
  alerts.where = r.where();
  auto bounded = [&](std::string_view key, int low, int high, int& out) {
    std::optional<std::int64_t> v = r.integer(key);
    if (!v) return;
    if (*v < low || *v > high) {
      sink_
          .error("bad-value", r.where(key),
                 tr("\"{key}\" must be between {low} and {high}, got {value}",
                    {{"key", key}, {"low", low}, {"high", high}, {"value", *v}}))
          .fix = tr("e.g. {key} = {value}", {{"key", key}, {"value", out}});
      return;
    }
    out = static_cast<int>(*v);
  };
  bounded("due_within_days", 0, 366, alerts.due_within_days);
  bounded("behind_pace_margin_percent", 0, 100, alerts.behind_pace_margin_percent);
  if (toml::array* dates = r.array("report_due")) {
    for (toml::node& item : *dates) {
      if (const auto* d = item.as_date()) {
        alerts.report_due.push_back(Date{d->get().year, d->get().month, d->get().day});
      } else {
        sink_
            .error(
                "wrong-type", position_of(item),
                tr("\"report_due\" must list dates, got {type}", {{"type", describe_type(item)}}))
            .fix = tr("write report_due = [2014-10-24, 2015-10-24] (TOML dates, no quotes)");
      }
    }
  }
}

void PlanReader::read_narrative(toml::table& table, Narrative& n) {
  TableReader r(table, "[narrative]",
                {"content", "general_objective", "assessment", "difficulties",
                 "integrated_activities", "recommendations", "next_tasks", "solution"},
                sink_);
  constexpr Need kOptional = Need::kOptional;
  constexpr LineBreaks kFree = LineBreaks::kAllowed;  // paragraphs of the report
  n.content = r.text("content", kOptional, kFree);
  n.general_objective = r.text("general_objective", kOptional, kFree);
  n.assessment = r.text_list("assessment", kOptional, kFree);
  n.difficulties = r.text_list("difficulties", kOptional, kFree);
  n.integrated_activities = r.text_list("integrated_activities", kOptional, kFree);
  n.recommendations = r.text_list("recommendations", kOptional, kFree);
  n.next_tasks = r.text_list("next_tasks", kOptional, kFree);
  for (toml::table* t : r.tables("solution")) {
    TableReader s(*t, "[[narrative.solution]]", {"title", "points"}, sink_);
    n.solutions.push_back(Section{s.text("title", Need::kRequired),
                                  s.text_list("points", Need::kOptional, LineBreaks::kAllowed)});
  }
}

}  // namespace

Plan read_plan(toml::table& root, DiagnosticSink& sink) {
  return PlanReader(sink).read(root);
}

}  // namespace plantrack::load
