#pragma once
// Quoting of plan text in the graph formats, one home for graph_export.cpp and graph_svg.cpp.
#include <string>
#include <string_view>

namespace plantrack {

/// A Graphviz double-quoted string: quotes and backslashes escaped, a newline a line break, control
/// characters and bidi overrides shown as escapes (printable).
std::string dot_quote(std::string_view text);

}  // namespace plantrack
