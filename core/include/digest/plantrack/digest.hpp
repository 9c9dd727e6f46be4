#pragma once
/// SHA-256 digests, used for plan revisions and plugin libraries.
#include <string>
#include <string_view>

#include "plantrack/export.hpp"

namespace plantrack {

/// Lower-case hex SHA-256 of the bytes.
PLANTRACK_API std::string sha256_hex(std::string_view bytes);

/// Lower-case hex SHA-256 of a file's contents; empty when it cannot be read.
PLANTRACK_API std::string file_sha256(const std::string& path);

}  // namespace plantrack
