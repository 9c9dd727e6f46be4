// The plan checks: everything that needs more than one element of the plan (ids, references,
// cycles, sums, thresholds) plus the warnings. Works on the model only; the loader has already
// checked shapes.
#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "plantrack/graph.hpp"
#include "plantrack/load.hpp"

namespace plantrack {
namespace {

using Index = std::unordered_map<std::string_view, std::size_t>;

class PlanChecker {
 public:
  PlanChecker(const Plan& plan, DiagnosticSink& sink) : plan_(plan), sink_(sink) {}
  void run();

 private:
  template <typename T>
  Index index_ids(const std::vector<T>& items, std::string_view what);
  void unknown(SourcePos where, std::string_view what, const std::string& id, const Index& known,
               std::string_view owner);
  void check_references();
  void check_targets(const Task& task);
  void check_thresholds();
  void check_cycles(const DependencyGraph& graph);
  void check_years(const Task& task);
  void check_stage_order(const DependencyGraph& graph);
  void check_participants();

  const Plan& plan_;
  DiagnosticSink& sink_;
  Index objectives_, stages_, tasks_, funding_;
};

void PlanChecker::run() {
  objectives_ = index_ids(plan_.objectives, "objective");
  stages_ = index_ids(plan_.stages, "stage");
  tasks_ = index_ids(plan_.tasks, "task");
  funding_ = index_ids(plan_.funding, "funding source");
  check_references();
  for (const Task& task : plan_.tasks) {
    check_targets(task);
    check_years(task);
  }
  check_thresholds();
  DependencyGraph graph(plan_);
  check_cycles(graph);
  check_stage_order(graph);
  check_participants();
}

template <typename T>
Index PlanChecker::index_ids(const std::vector<T>& items, std::string_view what) {
  Index index;
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const T& item = items[i];
    if (item.id.empty()) continue;  // missing or bad id, already reported
    auto [it, inserted] = index.emplace(item.id, i);
    if (inserted) continue;
    Diagnostic& d = sink_.error("duplicate-id", item.where,
                                "duplicate " + std::string(what) + " id \"" + item.id + "\"");
    d.notes.push_back(Note{items[it->second].where, "\"" + item.id + "\" first defined here"});
    d.fix = "give each " + std::string(what) + " its own id";
  }
  return index;
}

void PlanChecker::unknown(SourcePos where, std::string_view what, const std::string& id,
                          const Index& known, std::string_view owner) {
  Diagnostic& d = sink_.error(
      "unknown-reference", where,
      std::string(owner) + " refers to unknown " + std::string(what) + " \"" + id + "\"");
  std::vector<std::string_view> names;
  names.reserve(known.size());
  for (const auto& [name, index] : known) names.push_back(name);
  std::sort(names.begin(), names.end());  // ties resolve the same way on every run
  std::string hint = suggest(id, names);
  if (!hint.empty()) {
    d.fix = "did you mean \"" + hint + "\"?";
  } else if (names.empty()) {
    d.fix = "declare the " + std::string(what) + " first";
  } else {
    d.fix = "use the id of a declared " + std::string(what);
  }
}

void PlanChecker::check_references() {
  for (const Stage& stage : plan_.stages) {
    for (const Ref& dep : stage.depends_on) {
      if (!stages_.count(dep.id))
        unknown(dep.where, "stage", dep.id, stages_, "stage \"" + stage.id + "\"");
    }
  }
  for (const Task& task : plan_.tasks) {
    std::string owner = "task \"" + task.id + "\"";
    if (!task.stage.empty() && !stages_.count(task.stage)) {
      unknown(task.stage_where, "stage", task.stage, stages_, owner);
    }
    if (!task.objective.empty() && !objectives_.count(task.objective)) {
      unknown(task.objective_where, "objective", task.objective, objectives_, owner);
    }
    for (const Dependency& dep : task.depends_on) {
      if (!tasks_.count(dep.task)) unknown(dep.where, "task", dep.task, tasks_, owner);
    }
  }
  for (const Participant& p : plan_.participants) {
    if (!p.task.empty() && !tasks_.count(p.task)) {
      unknown(p.task_where, "task", p.task, tasks_, "participant \"" + p.name + "\"");
    }
  }
}

void PlanChecker::check_targets(const Task& task) {
  if (task.targets.empty() || task.target <= 0) return;
  std::int64_t sum = 0;
  for (const YearTarget& t : task.targets) {
    if (__builtin_add_overflow(sum, t.quantity, &sum)) {
      sink_
          .error(
              "overflow", task.targets_where,
              "per-year targets of task \"" + task.id + "\" add up past the 64-bit integer range")
          .fix = "check the per-year quantities for a typing mistake";
      return;
    }
  }
  if (sum != task.target) {
    Diagnostic& d =
        sink_.error("targets-sum", task.targets_where,
                    "per-year targets of task \"" + task.id + "\" sum to " + std::to_string(sum) +
                        ", but its target is " + std::to_string(task.target));
    d.notes.push_back(Note{task.target_where, "target set here"});
    d.fix = "make the per-year targets add up to " + std::to_string(task.target) +
            ", or change target to " + std::to_string(sum);
  }
  if (task.years.empty()) return;
  for (const YearTarget& t : task.targets) {
    bool listed = std::any_of(task.years.begin(), task.years.end(),
                              [&](const Year& y) { return y.value == t.year; });
    if (listed) continue;
    Diagnostic& d = sink_.error("targets-year", t.where,
                                "task \"" + task.id + "\" has a target for " +
                                    std::to_string(t.year) + ", which is not in its \"years\"");
    d.fix = "add " + std::to_string(t.year) + " to years, or drop \"years\" (targets implies them)";
  }
}

void PlanChecker::check_years(const Task& task) {
  const PlanInfo& info = plan_.info;
  for (std::size_t i = 0; i < task.years.size(); ++i) {
    const Year& y = task.years[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (task.years[j].value != y.value) continue;
      sink_
          .error(
              "duplicate-year", y.where,
              "year " + std::to_string(y.value) + " is listed twice for task \"" + task.id + "\"")
          .fix = "list each year once";
    }
  }
  if (info.period_start == 0) return;
  auto outside = [&](int year, SourcePos where) {
    if (year >= info.period_start && year <= info.period_end) return;
    Diagnostic& d =
        sink_.warning("year-outside-period", where,
                      "task \"" + task.id + "\" has work in " + std::to_string(year) +
                          ", outside the plan period " + std::to_string(info.period_start) + "-" +
                          std::to_string(info.period_end));
    d.why = "reports will count this work under the plan although it falls outside its period";
    d.fix = "if the work belongs to the plan, nothing; otherwise correct the year or the period";
  };
  for (const Year& y : task.years) outside(y.value, y.where);
  if (task.years.empty()) {
    for (const YearTarget& t : task.targets) outside(t.year, t.where);
  }
}

void PlanChecker::check_thresholds() {
  for (const Task& task : plan_.tasks) {
    for (const Dependency& dep : task.depends_on) {
      auto it = tasks_.find(dep.task);
      if (!dep.at_least || it == tasks_.end()) continue;
      const Task& other = plan_.tasks[it->second];
      if (other.target <= 0 || *dep.at_least <= other.target) continue;
      Diagnostic& d = sink_.error(
          "threshold-above-target", dep.where,
          "task \"" + task.id + "\" waits for " + std::to_string(*dep.at_least) + " " + other.unit +
              " of \"" + other.id + "\", above its target of " + std::to_string(other.target));
      d.why = "the threshold can never be reached, so \"" + task.id + "\" would stay blocked";
      d.notes.push_back(Note{other.target_where, "target of \"" + other.id + "\" set here"});
      d.fix = "lower at_least to at most " + std::to_string(other.target) +
              ", or depend on the task being complete";
    }
  }
}

void PlanChecker::check_cycles(const DependencyGraph& graph) {
  for (const auto& cycle : graph.task_cycles()) {
    std::string path;
    for (const TaskEdge& e : cycle) path += plan_.tasks[e.from].id + " -> ";
    path += plan_.tasks[cycle.front().from].id;
    const TaskEdge& first = cycle.front();
    Diagnostic& d = sink_.error("cycle", plan_.tasks[first.from].depends_on[first.dependency].where,
                                "dependency cycle among tasks: " + path);
    d.why = "no task in a cycle can ever become ready";
    for (const TaskEdge& e : cycle) {
      d.notes.push_back(Note{
          plan_.tasks[e.from].depends_on[e.dependency].where,
          "\"" + plan_.tasks[e.from].id + "\" depends on \"" + plan_.tasks[e.to].id + "\" here"});
    }
    d.fix = "remove one of these dependencies";
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
                                "dependency cycle among stages: " + path);
    for (std::size_t i = 0; i < cycle.size(); ++i) {
      std::size_t from = cycle[i], to = cycle[(i + 1) % cycle.size()];
      d.notes.push_back(Note{edge_where(from, to), "stage \"" + plan_.stages[from].id +
                                                       "\" depends on \"" + plan_.stages[to].id +
                                                       "\" here"});
    }
    d.fix = "remove one of these stage dependencies";
  }
}

void PlanChecker::check_stage_order(const DependencyGraph& graph) {
  for (const TaskEdge& e : graph.task_edges()) {
    const Task& task = plan_.tasks[e.from];
    const Task& other = plan_.tasks[e.to];
    auto mine = stages_.find(task.stage), theirs = stages_.find(other.stage);
    if (mine == stages_.end() || theirs == stages_.end()) continue;
    if (!graph.stage_after(theirs->second, mine->second)) continue;
    Diagnostic& d =
        sink_.warning("depends-on-later-stage", task.depends_on[e.dependency].where,
                      "task \"" + task.id + "\" (stage \"" + task.stage + "\") depends on \"" +
                          other.id + "\" of the later stage \"" + other.stage + "\"");
    d.why = "stage \"" + other.stage + "\" comes after \"" + task.stage + "\" in the stage order";
    d.fix = "move one of the tasks to another stage, or drop the dependency";
  }
}

bool counts_enterprises(const std::string& unit) {
  std::string lower;
  for (char c : unit) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "dn" || lower == "doanh nghiệp" || lower == "enterprise" ||
         lower == "enterprises";
}

void PlanChecker::check_participants() {
  std::vector<std::int64_t> rows(plan_.tasks.size(), 0);
  for (const Participant& p : plan_.participants) {
    auto it = tasks_.find(p.task);
    if (it == tasks_.end()) continue;
    ++rows[it->second];
    std::vector<int> years = plan_.tasks[it->second].active_years();
    if (p.year == 0 || years.empty() || std::count(years.begin(), years.end(), p.year)) continue;
    Diagnostic& d =
        sink_.warning("participant-year", p.year_where,
                      "participant \"" + p.name + "\" took part in \"" + p.task + "\" in " +
                          std::to_string(p.year) + ", a year the task is not planned for");
    d.fix = "correct the year, or add it to the task's years";
  }
  for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
    const Task& task = plan_.tasks[i];
    if (!counts_enterprises(task.unit) || rows[i] >= task.target) continue;
    Diagnostic& d = sink_.warning("participants-below-target", task.where,
                                  "task \"" + task.id + "\" counts enterprises (" +
                                      std::to_string(task.target) + " " + task.unit + ") but " +
                                      std::to_string(rows[i]) + " [[participant]] " +
                                      (rows[i] == 1 ? "row names" : "rows name") + " it");
    d.why = "the report's appendix lists one row per participating enterprise";
    d.fix = "add a [[participant]] row (name, sector, task = \"" + task.id +
            "\", year) for each enterprise";
  }
}

}  // namespace

void check_plan(const Plan& plan, DiagnosticSink& sink) {
  PlanChecker(plan, sink).run();
}

}  // namespace plantrack
