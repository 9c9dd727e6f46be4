#pragma once
// How deeply a TOML document nests, found before it is parsed: toml++ recurses once per level of
// a dotted key or table header, so a key nested tens of thousands deep would exhaust the stack.
#include <cstddef>
#include <optional>
#include <string_view>

#include "plantrack/plan.hpp"

namespace plantrack::load {

/// The deepest a plan may nest: table header segments, dotted key segments, arrays and inline
/// tables together. Plans nest four or five deep.
inline constexpr std::size_t kMaxNesting = 64;

/// Where the document first nests deeper than `limit`, or nullopt. Reads strings and comments as
/// TOML does (a '.' or '[' inside them does not count); malformed TOML is left to the parser.
std::optional<SourcePos> too_deep(std::string_view text, std::size_t limit = kMaxNesting);

}  // namespace plantrack::load
