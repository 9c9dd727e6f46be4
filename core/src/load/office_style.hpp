#pragma once
// Values written the way an office writes them, which TOML does not read: amounts with dots or
// commas between the thousands (3.700.000.000) and dates day first (30/09/2018). When toml++ stops
// at such a value, the loader says what to write instead rather than quoting the parser.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/diagnostic.hpp"

namespace plantrack::load {

/// The diagnostic for an office-style value on `line` at or just before code-point column
/// `column` (where the parser stopped), pointing at the value's first character; nullopt when
/// there is none there.
std::optional<Diagnostic> office_style_value(std::string_view line, std::uint32_t line_number,
                                             std::uint32_t column);

}  // namespace plantrack::load
