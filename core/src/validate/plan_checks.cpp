// The plan checks: everything that needs more than one element of the plan (ids, references,
// cycles, sums, thresholds) plus the warnings. Works on the model only; the loader has already
// checked shapes.
#include "plantrack/validate.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "plantrack/graph.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/money.hpp"
#include "plantrack/printable.hpp"

namespace plantrack {
namespace {

using Index = std::unordered_map<std::string_view, std::size_t>;

class PlanChecker {
 public:
  PlanChecker(const Plan& plan, DiagnosticSink& sink)
      : plan_(plan), sink_(sink), index_(plan), style_(number_style(plan.info.locale)) {}
  void run();

 private:
  template <typename T>
  Index index_ids(const std::vector<T>& items, std::string_view what);
  template <typename T>
  void duplicate(const T& first, const T& second, std::string_view what);
  void unknown(SourcePos where, std::string_view what, const std::string& id,
               const std::vector<std::string_view>& known, std::string_view owner);
  void unknown(SourcePos where, std::string_view what, const std::string& id,
               const Suggester& known, std::string_view owner);
  void unknown_with(SourcePos where, std::string_view what, const std::string& id,
                    const std::string& hint, bool none_known, std::string_view owner);
  void check_stage_references();
  void check_task_references(std::size_t i, const std::vector<TaskEdge>& edges, std::size_t& edge);
  void check_targets(const Task& task);
  void check_thresholds(const DependencyGraph& graph);
  void check_cycles(const DependencyGraph& graph);
  void check_years(const Task& task);
  void check_stage_order(const DependencyGraph& graph);
  /// Participant warnings; returns how many rows name each task.
  std::vector<std::int64_t> check_participants();
  void check_enterprise_rows(const Task& task, std::int64_t rows);
  void check_budget();
  void check_totals();
  /// Repeated sources of one total; true when there are none.
  bool check_total_sources(const FundingTotal& total);
  void check_renames();

  const Plan& plan_;
  DiagnosticSink& sink_;
  const PlanIndex index_;
  const NumberStyle style_;  // how amounts are written in messages: the plan's language
  Index objectives_, funding_;
  std::optional<Suggester> task_ids_;  // built on the first unknown task id

  // Suggestions for unknown task ids: indexed once, however many unknown references there are.
  const Suggester& task_ids() {
    if (!task_ids_) task_ids_.emplace(index_.task_ids());
    return *task_ids_;
  }
};

void PlanChecker::run() {
  objectives_ = index_ids(plan_.objectives, tr("objective"));
  funding_ = index_ids(plan_.funding, tr("funding source"));
  for (auto [first, second] : index_.duplicate_stages()) {
    duplicate(plan_.stages[first], plan_.stages[second], tr("stage"));
  }
  for (auto [first, second] : index_.duplicate_tasks()) {
    duplicate(plan_.tasks[first], plan_.tasks[second], tr("task"));
  }
  DependencyGraph graph(plan_, index_);
  check_stage_references();
  std::vector<std::int64_t> rows = check_participants();
  // One pass over the tasks for every per-task check: a 100k-task plan is tens of megabytes.
  const std::vector<TaskEdge>& edges = graph.task_edges();
  std::size_t edge = 0;
  for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
    const Task& task = plan_.tasks[i];
    check_task_references(i, edges, edge);
    check_targets(task);
    check_years(task);
    check_enterprise_rows(task, rows[i]);
  }
  check_thresholds(graph);
  check_cycles(graph);
  check_stage_order(graph);
  check_budget();
  check_totals();
  check_renames();
}

template <typename T>
Index PlanChecker::index_ids(const std::vector<T>& items, std::string_view what) {
  Index index;
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const T& item = items[i];
    if (item.id.empty()) continue;  // missing or bad id, already reported
    auto [it, inserted] = index.emplace(item.id, i);
    if (!inserted) duplicate(items[it->second], item, what);
  }
  return index;
}

template <typename T>
void PlanChecker::duplicate(const T& first, const T& second, std::string_view what) {
  Diagnostic& d =
      sink_.error("duplicate-id", second.where,
                  tr("duplicate {what} id \"{id}\"", {{"what", what}, {"id", second.id}}));
  d.notes.push_back(Note{first.where, tr("\"{id}\" first defined here", {{"id", first.id}})});
  d.fix = tr("give each {what} its own id", {{"what", what}});
}

std::vector<std::string_view> sorted_keys(const Index& index) {
  std::vector<std::string_view> names;
  names.reserve(index.size());
  for (const auto& entry : index) names.push_back(entry.first);
  std::sort(names.begin(), names.end());  // ties resolve the same way on every run
  return names;
}

void PlanChecker::unknown(SourcePos where, std::string_view what, const std::string& id,
                          const std::vector<std::string_view>& names, std::string_view owner) {
  unknown_with(where, what, id, suggest(id, names), names.empty(), owner);
}

void PlanChecker::unknown(SourcePos where, std::string_view what, const std::string& id,
                          const Suggester& names, std::string_view owner) {
  unknown_with(where, what, id, names.suggest(id), plan_.tasks.empty(), owner);
}

void PlanChecker::unknown_with(SourcePos where, std::string_view what, const std::string& id,
                               const std::string& hint, bool none_known, std::string_view owner) {
  Diagnostic& d = sink_.error("unknown-reference", where,
                              tr("{owner} refers to unknown {what} \"{id}\"",
                                 {{"owner", owner}, {"what", what}, {"id", printable(id)}}));
  if (!hint.empty()) {
    d.fix = tr("did you mean \"{name}\"?", {{"name", hint}});
  } else if (none_known) {
    d.fix = tr("declare the {what} first", {{"what", what}});
  } else {
    d.fix = tr("use the id of a declared {what}", {{"what", what}});
  }
}

void PlanChecker::check_stage_references() {
  for (const Stage& stage : plan_.stages) {
    for (const Ref& dep : stage.depends_on) {
      if (index_.stage(dep.id)) continue;
      unknown(dep.where, tr("stage"), dep.id, index_.stage_ids(),
              tr("stage \"{stage}\"", {{"stage", stage.id}}));
    }
  }
  for (const Participant& p : plan_.participants) {
    if (p.task.empty() || index_.task(p.task)) continue;
    unknown(p.task_where, tr("task"), p.task, task_ids(),
            tr("participant \"{name}\"", {{"name", p.name}}));
  }
}

// `edge` walks the graph's edges, which hold the dependencies it could resolve in plan order: a
// dependency without its edge names an unknown task.
void PlanChecker::check_task_references(std::size_t i, const std::vector<TaskEdge>& edges,
                                        std::size_t& edge) {
  const Task& task = plan_.tasks[i];
  auto owner = [&] { return tr("task \"{task}\"", {{"task", task.id}}); };
  if (!task.stage.empty() && !index_.task_stages()[i]) {
    unknown(task.stage_where, tr("stage"), task.stage, index_.stage_ids(), owner());
  }
  if (!task.objective.empty() && !objectives_.count(task.objective)) {
    unknown(task.objective_where, tr("objective"), task.objective, sorted_keys(objectives_),
            owner());
  }
  for (std::size_t k = 0; k < task.depends_on.size(); ++k) {
    if (edge < edges.size() && edges[edge].from == i && edges[edge].dependency == k) {
      ++edge;
      continue;
    }
    const Dependency& dep = task.depends_on[k];
    unknown(dep.where, tr("task"), dep.task, task_ids(), owner());
  }
}

void PlanChecker::check_targets(const Task& task) {
  if (task.targets.empty() || task.target <= 0) return;
  std::int64_t sum = 0;
  for (const YearTarget& t : task.targets) {
    if (__builtin_add_overflow(sum, t.quantity, &sum)) {
      sink_
          .error("overflow", task.targets_where,
                 tr("per-year targets of task \"{task}\" add up past the 64-bit integer range",
                    {{"task", task.id}}))
          .fix = tr("check the per-year quantities for a typing mistake");
      return;
    }
  }
  if (sum != task.target) {
    Diagnostic& d =
        sink_.error("targets-sum", task.targets_where,
                    tr("per-year targets of task \"{task}\" sum to {sum}, but its target is "
                       "{target}",
                       {{"task", task.id}, {"sum", sum}, {"target", task.target}}));
    d.notes.push_back(Note{task.target_where, tr("target set here")});
    d.fix = tr("make the per-year targets add up to {target}, or change target to {sum}",
               {{"target", task.target}, {"sum", sum}});
  }
  if (task.years.empty()) return;
  for (const YearTarget& t : task.targets) {
    bool listed = std::any_of(task.years.begin(), task.years.end(),
                              [&](const Year& y) { return y.value == t.year; });
    if (listed) continue;
    Diagnostic& d = sink_.error("targets-year", t.where,
                                tr("task \"{task}\" has a target for {year}, which is not in "
                                   "its \"years\"",
                                   {{"task", task.id}, {"year", t.year}}));
    d.fix = tr("add {year} to years, or drop \"years\" (targets implies them)", {{"year", t.year}});
  }
}

void PlanChecker::check_years(const Task& task) {
  const PlanInfo& info = plan_.info;
  for (std::size_t i = 0; i < task.years.size(); ++i) {
    const Year& y = task.years[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (task.years[j].value != y.value) continue;
      sink_
          .error("duplicate-year", y.where,
                 tr("year {year} is listed twice for task \"{task}\"",
                    {{"year", y.value}, {"task", task.id}}))
          .fix = tr("list each year once");
    }
  }
  if (info.period_start == 0) return;
  auto outside = [&](int year, SourcePos where) {
    if (year >= info.period_start && year <= info.period_end) return;
    Diagnostic& d = sink_.warning("year-outside-period", where,
                                  tr("task \"{task}\" has work in {year}, outside the plan period "
                                     "{start}-{end}",
                                     {{"task", task.id},
                                      {"year", year},
                                      {"start", info.period_start},
                                      {"end", info.period_end}}));
    d.why = tr("reports will count this work under the plan although it falls outside its period");
    d.fix =
        tr("if the work belongs to the plan, nothing; otherwise correct the year or the period");
  };
  for (const Year& y : task.years) outside(y.value, y.where);
  if (task.years.empty()) {
    for (const YearTarget& t : task.targets) outside(t.year, t.where);
  }
}

void PlanChecker::check_thresholds(const DependencyGraph& graph) {
  for (const TaskEdge& e : graph.task_edges()) {
    const Task& task = plan_.tasks[e.from];
    const Dependency& dep = task.depends_on[e.dependency];
    const Task& other = plan_.tasks[e.to];
    if (!dep.at_least || other.target <= 0 || *dep.at_least <= other.target) continue;
    Diagnostic& d = sink_.error(
        "threshold-above-target", dep.where,
        tr("task \"{task}\" waits for {at_least} {unit} of \"{other}\", above its target of "
           "{target}",
           {{"task", task.id},
            {"at_least", *dep.at_least},
            {"unit", other.unit},
            {"other", other.id},
            {"target", other.target}}));
    d.why = tr("the threshold can never be reached, so \"{task}\" would stay blocked",
               {{"task", task.id}});
    d.notes.push_back(
        Note{other.target_where, tr("target of \"{task}\" set here", {{"task", other.id}})});
    d.fix = tr("lower at_least to at most {target}, or depend on the task being complete",
               {{"target", other.target}});
  }
}

void PlanChecker::check_cycles(const DependencyGraph& graph) {
  for (const auto& cycle : graph.task_cycles()) {
    std::string path;
    for (const TaskEdge& e : cycle) path += plan_.tasks[e.from].id + " -> ";
    path += plan_.tasks[cycle.front().from].id;
    const TaskEdge& first = cycle.front();
    Diagnostic& d = sink_.error("cycle", plan_.tasks[first.from].depends_on[first.dependency].where,
                                tr("dependency cycle among tasks: {path}", {{"path", path}}));
    d.why = tr("no task in a cycle can ever become ready");
    for (const TaskEdge& e : cycle) {
      d.notes.push_back(
          Note{plan_.tasks[e.from].depends_on[e.dependency].where,
               tr("\"{task}\" depends on \"{other}\" here",
                  {{"task", plan_.tasks[e.from].id}, {"other", plan_.tasks[e.to].id}})});
    }
    d.fix = tr("remove one of these dependencies");
  }
  for (const auto& cycle : graph.stage_cycles()) {
    std::string path;
    for (std::size_t s : cycle) path += plan_.stages[s].id + " -> ";
    path += plan_.stages[cycle.front()].id;
    auto edge_where = [&](std::size_t from, std::size_t to) {
      for (const Ref& r : plan_.stages[from].depends_on) {
        if (r.id == plan_.stages[to].id) return r.where;
      }
      return plan_.stages[from].where;
    };
    Diagnostic& d = sink_.error("cycle", edge_where(cycle[0], cycle[1 % cycle.size()]),
                                tr("dependency cycle among stages: {path}", {{"path", path}}));
    for (std::size_t i = 0; i < cycle.size(); ++i) {
      std::size_t from = cycle[i], to = cycle[(i + 1) % cycle.size()];
      d.notes.push_back(
          Note{edge_where(from, to),
               tr("stage \"{stage}\" depends on \"{other}\" here",
                  {{"stage", plan_.stages[from].id}, {"other", plan_.stages[to].id}})});
    }
    d.fix = tr("remove one of these stage dependencies");
  }
}

void PlanChecker::check_stage_order(const DependencyGraph& graph) {
  for (const TaskEdge& e : graph.task_edges()) {
    const Task& task = plan_.tasks[e.from];
    const Task& other = plan_.tasks[e.to];
    std::optional<std::size_t> mine = index_.task_stages()[e.from];
    std::optional<std::size_t> theirs = index_.task_stages()[e.to];
    if (!mine || !theirs || !graph.stage_after(*theirs, *mine)) continue;
    Diagnostic& d =
        sink_.warning("depends-on-later-stage", task.depends_on[e.dependency].where,
                      tr("task \"{task}\" (stage \"{stage}\") depends on \"{other}\" of the "
                         "later stage \"{later}\"",
                         {{"task", task.id},
                          {"stage", task.stage},
                          {"other", other.id},
                          {"later", other.stage}}));
    d.why = tr("stage \"{later}\" comes after \"{stage}\" in the stage order",
               {{"later", other.stage}, {"stage", task.stage}});
    d.fix = tr("move one of the tasks to another stage, or drop the dependency");
  }
}

bool counts_enterprises(const std::string& unit) {
  std::string lower;
  for (char c : unit) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "dn" || lower == "doanh nghiệp" || lower == "enterprise" ||
         lower == "enterprises";
}

std::vector<std::int64_t> PlanChecker::check_participants() {
  std::vector<std::int64_t> rows(plan_.tasks.size(), 0);
  for (const Participant& p : plan_.participants) {
    std::optional<std::size_t> found = index_.task(p.task);
    if (!found) continue;
    ++rows[*found];
    std::vector<int> years = plan_.tasks[*found].active_years();
    if (p.year == 0 || years.empty() || std::count(years.begin(), years.end(), p.year)) continue;
    Diagnostic& d =
        sink_.warning("participant-year", p.year_where,
                      tr("participant \"{name}\" took part in \"{task}\" in {year}, a year the "
                         "task is not planned for",
                         {{"name", p.name}, {"task", p.task}, {"year", p.year}}));
    d.fix = tr("correct the year, or add it to the task's years");
  }
  return rows;
}

void PlanChecker::check_enterprise_rows(const Task& task, std::int64_t rows) {
  if (!counts_enterprises(task.unit) || rows >= task.target) return;
  Diagnostic& d =
      sink_.warning("participants-below-target", task.where,
                    trn("task \"{task}\" counts enterprises ({target} {unit}) but {n} "
                        "[[participant]] row names it",
                        "task \"{task}\" counts enterprises ({target} {unit}) but {n} "
                        "[[participant]] rows name it",
                        static_cast<std::uint64_t>(rows),
                        {{"task", task.id}, {"target", task.target}, {"unit", task.unit}}));
  d.why = tr("the report's appendix lists one row per participating enterprise");
  d.fix =
      tr("add a [[participant]] row (name, sector, task = \"{task}\", year) for each "
         "enterprise",
         {{"task", task.id}});
}

}  // namespace

// Budget lines name a task and a funding source; their year should be one the task runs in.
// Whether lines fit their sources is the balance check's business (a funding-check plugin).
void PlanChecker::check_budget() {
  std::vector<std::string_view> sources = sorted_keys(funding_);
  for (const BudgetLine& line : plan_.budget) {
    std::optional<std::size_t> task = line.task.empty() ? std::nullopt : index_.task(line.task);
    if (!line.task.empty() && !task) {
      unknown(line.task_where, tr("task"), line.task, task_ids(), tr("budget line"));
    }
    if (!line.source.empty() && !funding_.count(line.source)) {
      unknown(line.source_where, tr("funding source"), line.source, sources, tr("budget line"));
    }
    if (!task || line.year == 0) continue;
    std::vector<int> years = plan_.tasks[*task].active_years();
    if (years.empty() || std::count(years.begin(), years.end(), line.year)) continue;
    Diagnostic& d = sink_.warning("budget-year", line.year_where,
                                  tr("budget line for task \"{task}\" is for {year}, not one of "
                                     "the task's years",
                                     {{"task", line.task}, {"year", line.year}}));
    d.why = tr("money allocated for a year the task has no work in is usually a typing mistake");
    d.fix = tr("correct the year, or add it to the task's years");
  }
}

// A declared total must equal the sum of its sources, every amount added with overflow checks.
void PlanChecker::check_totals() {
  std::vector<std::string_view> sources = sorted_keys(funding_);
  index_ids(plan_.totals, tr("total"));  // reports two totals with one id
  for (const FundingTotal& total : plan_.totals) {
    std::vector<std::int64_t> amounts;
    std::string parts;
    bool known = check_total_sources(total);
    for (const Ref& ref : total.sources) {
      auto it = funding_.find(ref.id);
      if (it == funding_.end()) {
        unknown(ref.where, tr("funding source"), ref.id, sources,
                tr("total \"{total}\"", {{"total", total.id}}));
        known = false;
        continue;
      }
      const Funding& f = plan_.funding[it->second];
      amounts.push_back(f.amount);
      parts += (parts.empty() ? "" : " + ") + f.id + " " + format_figure(f.amount, style_);
    }
    if (!known) continue;
    std::optional<std::int64_t> sum = sum_amounts(amounts);
    if (!sum) {
      sink_
          .error("overflow", total.amount_where,
                 tr("the sources of total \"{total}\" sum past the 64-bit range",
                    {{"total", total.id}}))
          .fix = tr("check the amounts for extra digits");
      continue;
    }
    if (*sum == total.amount) continue;
    Diagnostic& d = sink_.error("total-mismatch", total.amount_where,
                                tr("total \"{total}\" is {amount} but its sources sum to {sum}",
                                   {{"total", total.id},
                                    {"amount", format_figure(total.amount, style_)},
                                    {"sum", format_figure(*sum, style_)}}));
    d.why = parts.empty() ? tr("it lists no sources") : parts;
    d.fix = tr("correct the total or the sources' amounts");
  }
}

// A source listed twice in one total would be added twice: the sum would match a declared total
// the sources do not make up.
bool PlanChecker::check_total_sources(const FundingTotal& total) {
  std::unordered_map<std::string_view, SourcePos> listed;
  bool once = true;
  for (const Ref& ref : total.sources) {
    auto [first, inserted] = listed.emplace(ref.id, ref.where);
    if (inserted) continue;
    Diagnostic& d = sink_.error("double-counted", ref.where,
                                tr("total \"{total}\" lists funding source \"{source}\" twice",
                                   {{"total", total.id}, {"source", ref.id}}));
    d.why = tr("its amount would be added twice to the sum the total must equal");
    d.notes.push_back(
        Note{first->second, tr("\"{source}\" first listed here", {{"source", ref.id}})});
    d.fix = tr("list each source once");
    once = false;
  }
  return once;
}

// An old id must lead to one task: events recorded under it count for that task. Two tasks
// renamed from it, or a task still called by it, would leave its history with two owners.
void PlanChecker::check_renames() {
  std::unordered_map<std::string_view, std::size_t> claimed;  // old id -> the first task
  for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
    const Task& task = plan_.tasks[i];
    for (const std::string& old : task.renamed_from) {
      if (old.empty()) continue;
      if (std::optional<std::size_t> current = index_.task(old)) {
        const Task& holder = plan_.tasks[*current];
        Diagnostic& d = sink_.error(
            "ambiguous-rename", task.renamed_where,
            *current == i
                ? tr("task \"{task}\" is renamed from \"{old}\", its own id",
                     {{"task", task.id}, {"old", old}})
                : tr("task \"{task}\" is renamed from \"{old}\", the id of a current task",
                     {{"task", task.id}, {"old", old}}));
        d.why = tr("progress recorded under \"{old}\" counts for the task that has that id",
                   {{"old", old}});
        if (*current != i) {
          d.notes.push_back(Note{holder.where, tr("task \"{task}\" is here", {{"task", old}})});
        }
        d.fix =
            tr("drop \"{old}\" from renamed_from, or give the other task a new id", {{"old", old}});
        continue;
      }
      auto [first, inserted] = claimed.emplace(old, i);
      if (inserted || first->second == i) continue;
      const Task& other = plan_.tasks[first->second];
      Diagnostic& d = sink_.error("ambiguous-rename", task.renamed_where,
                                  tr("tasks \"{first}\" and \"{second}\" are both renamed "
                                     "from \"{old}\"",
                                     {{"first", other.id}, {"second", task.id}, {"old", old}}));
      d.why = tr("progress recorded under \"{old}\" can count for one task only", {{"old", old}});
      d.notes.push_back(
          Note{other.renamed_where, tr("\"{task}\" claims it here", {{"task", other.id}})});
      d.fix =
          tr("keep \"{old}\" in the renamed_from of the task that continues it", {{"old", old}});
    }
  }
}

void check_plan(const Plan& plan, DiagnosticSink& sink) {
  PlanChecker(plan, sink).run();
}

}  // namespace plantrack
