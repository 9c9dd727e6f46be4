// Fuzz target: any bytes given to the loader must give diagnostics (and rendering), never a crash;
// a valid plan goes through the plan cache's bytes and back unchanged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plantrack/detail/plan_serializer.hpp"
#include "plantrack/graph.hpp"
#include "plantrack/graph_svg.hpp"
#include "plantrack/load.hpp"
#include "plantrack/sdk/report.hpp"
#include "plantrack/what_if.hpp"
#include "plantrack/year_plan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  plantrack::LoadResult result = plantrack::load_plan_text(std::move(text), "fuzz.toml");
  std::string rendered = plantrack::render_text(result.diagnostics, result.source);
  rendered += plantrack::render_json(result.diagnostics);
  if (result.ok()) {
    // The cache round trip: deserialize_plan(serialize_plan(p)) == p. A NaN setting is not equal
    // to itself: then the bytes written again are compared.
    std::string bytes = plantrack::serialize_plan(result.plan);
    std::optional<plantrack::Plan> back = plantrack::deserialize_plan(bytes);
    if (!back) __builtin_trap();
    if (result.plan == result.plan ? !(*back == result.plan)
                                   : plantrack::serialize_plan(*back) != bytes) {
      __builtin_trap();
    }
    plantrack::DependencyGraph graph(result.plan);
    rendered += plantrack::export_graph(result.plan, graph, plantrack::GraphFormat::kDot);
    rendered += plantrack::export_graph(result.plan, graph, plantrack::GraphFormat::kMermaid);
    rendered += plantrack::export_graph(result.plan, graph, plantrack::GraphFormat::kJson);
    // What a valid plan feeds: the report, the pictures, the year plans, what-if on itself.
    plantrack::PlanStatus status =
        plantrack::derive_status(result.plan, {}, plantrack::Date{2014, 10, 24});
    plantrack::report::Options options;
    rendered += plantrack::report::build(plantrack::sdk::View{result.plan, &status}, options).title;
    rendered += plantrack::graph_svg(result.plan, &status);
    int year = result.plan.info.period_start;
    rendered += plantrack::year_plan_toml(
        result.plan, plantrack::year_tasks(result.plan, status, year), "p.toml", "0", status, year);
    plantrack::DiagnosticSink sink("w.toml");
    std::vector<std::string> described;
    plantrack::apply_what_if(result.plan, result.source, sink, described);
  }
  // Rendering must never be empty when there is something to say.
  if (rendered.empty() && !result.diagnostics.empty()) __builtin_trap();
  return 0;
}
