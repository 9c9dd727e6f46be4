#pragma once
/// Reading input files whole, with bounds: only regular files are read (a folder, a device, a
/// FIFO or a socket is refused before anything is read), and never more than a limit.
///
///   plantrack::FileRead csv = plantrack::read_input_file("progress.csv", plantrack::kMaxCsvBytes);
///   if (!csv.bytes) std::cerr << csv.problem << "\n  fix: " << csv.fix << "\n";
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/export.hpp"

namespace plantrack {

/// The largest plan file read (TOML).
inline constexpr std::uint64_t kMaxPlanBytes = 512ull << 20;
/// The largest CSV import read (a million rows are about 60 MiB).
inline constexpr std::uint64_t kMaxCsvBytes = 1ull << 30;
/// The largest small input read (what-if changes, rule tables).
inline constexpr std::uint64_t kMaxSmallInputBytes = 64ull << 20;

/// A file's bytes, or why they were not read.
struct FileRead {
  std::optional<std::string> bytes;
  std::string problem;  ///< "cannot read the file: it is a folder", lower case, no path
  std::string reason;   ///< the problem's cause alone: "it is a folder"
  std::string fix;      ///< what to do about it
};

/// Reads the regular file at `path` (symlinks followed) whole when it is at most `max_bytes`
/// long. Anything that is not a regular file is refused without blocking (a FIFO is not opened
/// for reading), and so is a file above the limit (also one that grows past it while read).
PLANTRACK_API FileRead read_input_file(const std::string& path, std::uint64_t max_bytes);

/// The file's bytes (read_input_file with kMaxPlanBytes), or nullopt when it cannot be read.
PLANTRACK_API std::optional<std::string> read_file(const std::string& path);

/// Why `path` is not a regular file that can be read ("it is a folder", "it is a device"; in this
/// thread's language), or nullopt when it is one. Does not open it.
PLANTRACK_API std::optional<std::string> not_a_regular_file(const std::string& path);

}  // namespace plantrack
