#pragma once
/// The dependency graph of a plan: stages and tasks, topological order, cycles, readiness.
///
/// Edges point from a dependent to its prerequisite ("a depends on b" is a -> b). References to
/// unknown ids are left out (the plan checks report them). Boost.Graph stays inside graph/*.cpp.
///
/// Example:
///   plantrack::DependencyGraph g(plan);
///   if (auto order = g.task_order()) for (auto i : *order) std::cout << plan.tasks[i].id << "\n";
///   auto ready = g.readiness(progress);  // which tasks can start, and what blocks the others
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/plan_index.hpp"

namespace plantrack {

/// One `depends_on` item of task `from` naming task `to`.
struct TaskEdge {
  std::size_t from = 0;        ///< the dependent task
  std::size_t to = 0;          ///< the prerequisite task
  std::size_t dependency = 0;  ///< index into plan.tasks[from].depends_on
};

/// What is known of each task's progress, indexed like plan.tasks.
struct Progress {
  std::vector<std::int64_t> achieved;
  std::vector<bool> complete;
};

/// One unmet dependency.
struct Blocker {
  std::size_t task = 0;  ///< the prerequisite
  std::optional<std::int64_t> at_least;
  std::int64_t achieved = 0;
};

struct Readiness {
  std::size_t task = 0;
  bool complete = false;
  std::vector<Blocker> blockers;  ///< empty when ready
  bool ready() const { return !complete && blockers.empty(); }
};

class PLANTRACK_API DependencyGraph {
 public:
  explicit DependencyGraph(const Plan& plan);
  /// Reuses an index already built for the plan.
  DependencyGraph(const Plan& plan, const PlanIndex& index);
  ~DependencyGraph();
  DependencyGraph(const DependencyGraph&) = delete;
  DependencyGraph& operator=(const DependencyGraph&) = delete;

  const std::vector<TaskEdge>& task_edges() const;

  /// Tasks with every prerequisite before its dependents; nullopt when the tasks have a cycle.
  std::optional<std::vector<std::size_t>> task_order() const;
  /// Stages likewise.
  std::optional<std::vector<std::size_t>> stage_order() const;

  /// One cycle per strongly connected component: each is a list of edges, the last leading back to
  /// the first task. Empty when the tasks form a DAG.
  std::vector<std::vector<TaskEdge>> task_cycles() const;
  /// Stage cycles as stage indices (a -> b -> ... ; the last depends on the first).
  std::vector<std::vector<std::size_t>> stage_cycles() const;

  /// True when stage `later` depends, directly or not, on stage `earlier`.
  bool stage_after(std::size_t later, std::size_t earlier) const;

  /// Readiness of every task given its progress: a task dependency is met when that task is
  /// complete; a threshold when that task's achieved quantity reaches `at_least`.
  std::vector<Readiness> readiness(const Progress& progress) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

enum class GraphFormat { kDot, kMermaid, kJson };

/// The plan's graph as Graphviz dot, Mermaid or JSON: stages as clusters, threshold edges labelled.
PLANTRACK_API std::string export_graph(const Plan& plan, const DependencyGraph& graph,
                                       GraphFormat format);

}  // namespace plantrack
