#pragma once
/// The dependency graph as a picture, with progress: plantrack's own SVG layout (no Graphviz
/// needed) and Graphviz dot with the same colouring, for `plantrack graph --format svg` and the
/// HTML report.
///
/// Example:
///   std::string svg = plantrack::graph_svg(plan, &status);  // inline in HTML, or a .svg file
#include <string>
#include <string_view>

#include "plantrack/export.hpp"
#include "plantrack/graph.hpp"
#include "plantrack/status.hpp"

namespace plantrack {

/// Stages as columns in plan order (a rounded group each, titled), their tasks stacked inside;
/// an arrow per dependency (threshold edges labelled "≥ n"). With `status`, each task box is
/// outlined in its state's colour (done green, in progress amber, not started red, cancelled
/// grey) with its achieved/target and a progress bar. A standalone SVG document (xmlns set), all
/// text escaped.
PLANTRACK_API std::string graph_svg(const Plan& plan, const PlanStatus* status);

/// Graphviz dot like export_graph(kDot), each task filled in its state's colour and labelled
/// with achieved/target and percent.
PLANTRACK_API std::string graph_dot_with_progress(const Plan& plan, const DependencyGraph& graph,
                                                  const PlanStatus& status);

/// Text made safe inside XML/HTML text and attribute values (& < > " ').
PLANTRACK_API std::string xml_escape(std::string_view text);

/// The colour of a state in pictures (hex).
PLANTRACK_API const char* state_colour(TaskState state);

}  // namespace plantrack
