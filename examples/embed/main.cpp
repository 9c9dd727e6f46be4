// Example: use plantrack's core library from your own program.
//   plantrack_embed_example workflows/binh-duong-cleaner-production-2012-2015.toml
// Loads the plan, prints any problems, then lists tasks in dependency order and which are ready
// when nothing has been recorded yet.
#include <iostream>

#include "plantrack/graph.hpp"
#include "plantrack/load.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " PLAN.toml\n";
    return 2;
  }
  plantrack::LoadResult result = plantrack::load_plan_file(argv[1]);
  std::cerr << plantrack::render_text(result.diagnostics, result.source);
  if (!result.ok()) return 1;
  const plantrack::Plan& plan = result.plan;
  plantrack::DependencyGraph graph(plan);
  plantrack::Progress nothing_yet;  // no task has progress
  std::vector<plantrack::Readiness> readiness = graph.readiness(nothing_yet);
  std::optional<std::vector<std::size_t>> order = graph.task_order();  // a valid plan has no cycle
  for (std::size_t i : *order) {
    const plantrack::Readiness& r = readiness[i];
    std::cout << (r.ready() ? "ready    " : "blocked  ") << plan.tasks[i].id;
    for (const plantrack::Blocker& b : r.blockers) {
      std::cout << "  (waits for " << plan.tasks[b.task].id;
      if (b.at_least) std::cout << " to reach " << *b.at_least;
      std::cout << ")";
    }
    std::cout << "\n";
  }
  return 0;
}
