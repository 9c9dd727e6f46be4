// Reading and applying what-if changes (the only toml++ use outside the plan loader lives here,
// in the loader's folder, with its schema-checked reader).
#include "plantrack/what_if.hpp"

#include <chrono>
#include <cstdlib>

#include "plantrack/i18n.hpp"

#include "plantrack/money.hpp"
#include "table_reader.hpp"

namespace plantrack {
namespace {

using load::Need;
using load::TableReader;

std::vector<std::string_view> task_ids(const Plan& plan) {
  std::vector<std::string_view> out;
  for (const Task& t : plan.tasks) out.push_back(t.id);
  return out;
}

Task* find_task(Plan& plan, TableReader& r, DiagnosticSink& sink) {
  std::string id = r.text("task", Need::kRequired);
  if (id.empty()) return nullptr;
  for (Task& t : plan.tasks) {
    if (t.id == id) return &t;
  }
  Diagnostic& d =
      sink.error("unknown-task", r.where("task"), tr("unknown task \"{task}\"", {{"task", id}}));
  std::string hint = suggest(id, task_ids(plan));
  d.fix = hint.empty() ? tr("use a task id of the plan")
                       : tr("did you mean \"{name}\"?", {{"name", hint}});
  return nullptr;
}

std::string years_text(const Task& t) {
  std::string out;
  for (int y : t.active_years()) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out;
}

}  // namespace

std::optional<Plan> apply_what_if(const Plan& original, const SourceText& changes,
                                  DiagnosticSink& sink, std::vector<std::string>& described) {
  std::size_t errors = sink.error_count();
  toml::table document;
  try {
    document = toml::parse(std::string_view(changes.text()), std::string_view(changes.path()));
  } catch (const toml::parse_error& e) {
    sink.error("syntax", load::position_of(e.source()), std::string(e.description())).fix =
        tr("correct the TOML at the caret");
    return std::nullopt;
  }
  Plan plan = original;
  NumberStyle style = number_style(plan.info.locale);
  TableReader root(document, tr("the what-if file"), {"slip", "cut", "target"}, sink);
  for (toml::table* t : root.tables("slip")) {
    TableReader r(*t, "[[slip]]", {"task", "years"}, sink);
    Task* task = find_task(plan, r, sink);
    std::optional<std::int64_t> years = r.integer("years", Need::kRequired);
    if (!task || !years) continue;
    if (*years < -50 || *years > 50 || *years == 0) {
      sink.error("bad-value", r.where("years"), tr("\"years\" must be a shift of -50 to 50, not 0"))
          .fix = tr("e.g. years = 1 (a year later)");
      continue;
    }
    int shift = static_cast<int>(*years);
    std::string before = years_text(*task);
    for (Year& y : task->years) y.value += shift;
    for (YearTarget& y : task->targets) y.year += shift;
    if (task->due) {
      std::chrono::year_month_day due = task->due->ymd() + std::chrono::years{shift};
      // 29 February moved into a common year: the last day of its February
      if (!due.ok()) due = due.year() / due.month() / std::chrono::last;
      task->due = Date(due);
    }
    described.push_back(trn(
        "slip \"{task}\" by {shift} year: years {before} -> {after}",
        "slip \"{task}\" by {shift} years: years {before} -> {after}",
        static_cast<std::uint64_t>(std::abs(shift)),
        {{"task", task->id}, {"shift", shift}, {"before", before}, {"after", years_text(*task)}}));
  }
  for (toml::table* t : root.tables("cut")) {
    TableReader r(*t, "[[cut]]", {"source", "percent"}, sink);
    std::string id = r.text("source", Need::kRequired);
    std::optional<std::int64_t> percent = r.integer("percent", Need::kRequired);
    Funding* source = nullptr;
    std::vector<std::string_view> ids;
    for (Funding& f : plan.funding) {
      ids.push_back(f.id);
      if (f.id == id) source = &f;
    }
    if (!id.empty() && !source) {
      Diagnostic& d = sink.error("unknown-source", r.where("source"),
                                 tr("unknown funding source \"{source}\"", {{"source", id}}));
      std::string hint = suggest(id, ids);
      d.fix = hint.empty() ? tr("use a [[funding]] id of the plan")
                           : tr("did you mean \"{name}\"?", {{"name", hint}});
    }
    if (percent && (*percent < 0 || *percent > 100)) {
      sink.error("bad-value", r.where("percent"), tr("\"percent\" must be 0 to 100")).fix =
          tr("e.g. percent = 20 (a cut of a fifth)");
      continue;
    }
    if (!source || !percent) continue;
    std::int64_t cut = percent_of(source->amount, *percent).value_or(0);
    std::int64_t before = source->amount;
    source->amount -= cut;
    for (FundingTotal& total : plan.totals) {  // totals declared over it follow
      for (const Ref& ref : total.sources) {
        if (ref.id == source->id) total.amount -= cut;
      }
    }
    described.push_back(tr("cut \"{source}\" by {percent}%: {before} -> {after}",
                           {{"source", source->id},
                            {"percent", *percent},
                            {"before", format_figure(before, style)},
                            {"after", format_figure(source->amount, style)}}));
  }
  for (toml::table* t : root.tables("target")) {
    TableReader r(*t, "[[target]]", {"task", "target"}, sink);
    Task* task = find_task(plan, r, sink);
    std::optional<std::int64_t> target = r.integer("target", Need::kRequired);
    if (!task || !target) continue;
    if (*target <= 0) {
      sink.error("bad-value", r.where("target"), tr("\"target\" must be above 0")).fix =
          tr("give the new target, e.g. target = 4000");
      continue;
    }
    described.push_back(tr(
        "target of \"{task}\": {before} -> {after} {unit}",
        {{"task", task->id}, {"before", task->target}, {"after", *target}, {"unit", task->unit}}));
    task->target = *target;
    task->targets.clear();  // per-year targets no longer add up: the new target stands alone
  }
  if (sink.error_count() > errors) return std::nullopt;
  if (described.empty()) {
    sink.error("missing-key", SourcePos{1, 1}, tr("the what-if file changes nothing")).fix =
        tr("add a [[slip]], [[cut]] or [[target]] (docs/planning.md)");
    return std::nullopt;
  }
  return plan;
}

}  // namespace plantrack
