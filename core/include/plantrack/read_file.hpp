#pragma once
/// Reading a whole file at once (sized read, not character by character).
#include <optional>
#include <string>

#include "plantrack/export.hpp"

namespace plantrack {

/// The file's bytes, or nullopt when it cannot be opened or read.
PLANTRACK_API std::optional<std::string> read_file(const std::string& path);

}  // namespace plantrack
