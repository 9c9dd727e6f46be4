#pragma once
// Quoting of plan text in Graphviz dot: one home for the graph export and the coloured dot of the
// report layer (graph_svg.cpp). Internal: not installed.
#include <string>
#include <string_view>

namespace plantrack {

/// A Graphviz double-quoted string: quotes and backslashes escaped, a newline a line break, control
/// characters and bidi overrides shown as escapes (printable).
std::string dot_quote(std::string_view text);

}  // namespace plantrack
