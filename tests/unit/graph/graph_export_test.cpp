#include <catch2/catch.hpp>

#include "../test_plans.hpp"
#include "plantrack/graph.hpp"

using namespace plantrack;
using plantrack::test::load;
using plantrack::test::task;

namespace {
LoadResult two_tasks() {
  return load(
      task("quick", "awareness", 15) +
      task("detailed", "training", 2, "depends_on = [{ task = \"quick\", at_least = 5 }]\n"));
}
bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("dot export draws stages as clusters and labels thresholds", "[graph]") {
  LoadResult r = two_tasks();
  REQUIRE(r.diagnostics.size() >= 1);
  DependencyGraph g(r.plan);
  std::string dot = export_graph(r.plan, g, GraphFormat::kDot);
  CHECK(has(dot, "subgraph \"cluster_awareness\" {"));
  CHECK(has(dot, "\"quick\" -> \"detailed\" [label=\"≥ 5 DN\", style=dashed];"));
  CHECK(has(dot, "[ltail=\"cluster_awareness\", lhead=\"cluster_training\", style=bold]"));
}

TEST_CASE("mermaid export uses safe ids and escapes labels", "[graph]") {
  LoadResult r = two_tasks();
  DependencyGraph g(r.plan);
  std::string m = export_graph(r.plan, g, GraphFormat::kMermaid);
  CHECK(m.rfind("flowchart LR\n", 0) == 0);
  CHECK(has(m, "subgraph s_awareness[\"awareness: Awareness\"]"));
  CHECK(has(m, "t_quick -.->|\"≥ 5 DN\"| t_detailed"));
  CHECK(has(m, "s_awareness ==> s_training"));
}

TEST_CASE("json export lists stages, tasks, edges and order", "[graph]") {
  LoadResult r = two_tasks();
  DependencyGraph g(r.plan);
  std::string j = export_graph(r.plan, g, GraphFormat::kJson);
  CHECK(has(j, "\"kind\": \"threshold\""));
  CHECK(has(j, "\"at_least\": 5"));
  CHECK(has(j, "\"order\": [\n    \"quick\",\n    \"detailed\"\n  ]"));
}
