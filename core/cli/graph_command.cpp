// plantrack graph FILE: the dependency graph as dot, Mermaid, JSON, or an SVG picture coloured by
// progress (through Graphviz when it is installed, else plantrack's own layout).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "commands.hpp"
#include "language.hpp"
#include "plantrack/graph.hpp"
#include "plantrack/graph_svg.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/load.hpp"
#include "plantrack/write_file.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

struct GraphOptions {
  TrackOptions track;
  std::string format = "dot";
  bool builtin = false;
};

// `dot` on the PATH, or empty.
std::string find_dot() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/dot";
    if (end > start && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

// Graphviz's rendering of `dot_text`, or nullopt when it failed (the caller falls back).
std::optional<std::string> graphviz_svg(const std::string& dot, const std::string& dot_text) {
  // A name of its own (mkstemp), never one another user could have put a link at; not synced:
  // it is removed as soon as dot has read it.
  WrittenFile input =
      write_new_file(std::filesystem::temp_directory_path().string(), "plantrack-graph-", dot_text,
                     std::nullopt, Durability::kNotSynced);
  if (!input.ok()) return std::nullopt;
  const std::string& tmp = input.path;
  std::string command = "'" + dot + "' -Tsvg '" + tmp + "' 2>/dev/null";
  std::string svg;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[8192];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) svg.append(buffer, n);
    int status = ::pclose(pipe);
    std::remove(tmp.c_str());
    if (status == 0 && svg.find("<svg") != std::string::npos) return svg;
    return std::nullopt;
  }
  std::remove(tmp.c_str());
  return std::nullopt;
}

ExitCode run_svg(const GraphOptions& o) {
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(o.track, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  PlanStatus status = t->status();
  if (!o.builtin) {
    if (std::string dot = find_dot(); !dot.empty()) {
      if (auto svg = graphviz_svg(
              dot, graph_dot_with_progress(t->plan(), t->dependency_graph(), status))) {
        std::cout << *svg;
        return kOk;
      }
      std::cerr << tr("plantrack graph: Graphviz failed; drawing the graph with plantrack's own "
                      "layout")
                << "\n";
    }
  }
  std::cout << graph_svg(t->plan(), &status);
  return kOk;
}

ExitCode run_graph(const GraphOptions& options) {
  if (options.format == "svg") return run_svg(options);
  speak_plan_language(options.track.file);
  LoadResult result = load_plan_file(options.track.file);
  std::cerr << render_text(result.diagnostics, result.source);
  if (!result.ok()) {
    std::cerr << tr("{file}: invalid plan: no graph drawn; run 'plantrack validate {file}' for "
                    "details",
                    {{"file", options.track.file}})
              << "\n";
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
  CLI::App* cmd = app.add_subcommand("graph", tr("Print the plan's dependency graph"));
  add_track_options(cmd, options->track, false, true);
  cmd->add_option("--format", options->format,
                  tr("dot (Graphviz), mermaid, json, or svg (a picture coloured by progress)"))
      ->check(CLI::IsMember({"dot", "mermaid", "json", "svg"}));
  cmd->add_flag("--builtin-layout", options->builtin,
                tr("svg: draw with plantrack's own layout even when Graphviz is installed"));
  cmd->footer(tr(
      "Stages are drawn as clusters; an arrow runs from a prerequisite to the task that waits for\n"
      "it; threshold edges are dashed and labelled (\"≥ 10 DN\"). --format svg reads the store\n"
      "(--db, --date) to colour each task by its state and progress, through Graphviz's dot when\n"
      "it is on the PATH, else with plantrack's own layout (stages as columns)."));
  return [options] { return run_graph(*options); };
}

}  // namespace plantrack::cli
