// Fuzz target: any bytes given to the loader must give diagnostics (and rendering), never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plantrack/graph.hpp"
#include "plantrack/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  plantrack::LoadResult result = plantrack::load_plan_text(std::move(text), "fuzz.toml");
  std::string rendered = plantrack::render_text(result.diagnostics, result.source);
  rendered += plantrack::render_json(result.diagnostics);
  if (result.ok()) {
    plantrack::DependencyGraph graph(result.plan);
    rendered += plantrack::export_graph(result.plan, graph, plantrack::GraphFormat::kDot);
    rendered += plantrack::export_graph(result.plan, graph, plantrack::GraphFormat::kMermaid);
    rendered += plantrack::export_graph(result.plan, graph, plantrack::GraphFormat::kJson);
  }
  // Rendering must never be empty when there is something to say.
  if (rendered.empty() && !result.diagnostics.empty()) __builtin_trap();
  return 0;
}
