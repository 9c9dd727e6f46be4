#include <iostream>
#include <string>

#include "commands.hpp"
#include "plantrack/graph.hpp"
#include "plantrack/load.hpp"

namespace plantrack::cli {
namespace {

struct GraphOptions {
  std::string file;
  std::string format = "dot";
};

int run_graph(const GraphOptions& options) {
  LoadResult result = load_plan_file(options.file);
  std::cerr << render_text(result.diagnostics, result.source);
  if (!result.ok()) {
    std::cerr << options.file << ": invalid plan: no graph drawn; run 'plantrack validate "
              << options.file << "' for details\n";
    return kInvalidInput;
  }
  DependencyGraph graph(result.plan);
  GraphFormat format = options.format == "json"      ? GraphFormat::kJson
                       : options.format == "mermaid" ? GraphFormat::kMermaid
                                                     : GraphFormat::kDot;
  std::cout << export_graph(result.plan, graph, format);
  return kOk;
}

}  // namespace

Command add_graph_command(CLI::App& app) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* cmd = app.add_subcommand("graph", "Print the plan's dependency graph");
  cmd->add_option("FILE", options->file, "Plan file (TOML)")->required();
  cmd->add_option("--format", options->format, "dot (Graphviz), mermaid or json")
      ->check(CLI::IsMember({"dot", "mermaid", "json"}));
  cmd->footer(
      "Stages are drawn as clusters; an arrow runs from a prerequisite to the task that waits for\n"
      "it; threshold edges are dashed and labelled (\"≥ 10 DN\"). Render dot with:\n"
      "  plantrack graph plan.toml | dot -Tsvg > plan.svg");
  return [options] { return run_graph(*options); };
}

}  // namespace plantrack::cli
