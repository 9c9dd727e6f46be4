#pragma once
/// Writing what a command produces (a report, a year plan) without ever losing what it read:
///
///   plantrack::OutputPolicy policy;
///   policy.kept = {{"plan.toml", "the plan"}, {"plan.toml.plantrack.db", "the plan's store"}};
///   policy.marker = "plantrack-report";                      // what an earlier report carries
///   if (auto refused = plantrack::write_outputs({{"report.md", text}}, policy)) ...
///
/// "-" is standard output. A character or block device or a FIFO is written straight into (a
/// device is never replaced by a file). A symbolic link is followed, and the file it names is
/// what is checked and written. Regular files are written whole or not at all: each beside its
/// destination under a unique temporary name, flushed to disk, then renamed over it once all
/// were written. An existing regular file is replaced only when it is an earlier output of the
/// same kind (it carries the marker, or, for outputs without one, begins with the same first
/// line), or with `force`; the files in `kept` and SQLite databases are never replaced.
#include <optional>
#include <string>
#include <vector>

#include "plantrack/export.hpp"

namespace plantrack {

/// One file to write: where, and its whole content.
struct OutputFile {
  std::string path;
  std::string bytes;
};

/// A file a command reads and keeps, which no output may replace.
struct KeptFile {
  std::string path;
  std::string what;  ///< for messages: "the plan", "the plan's store"
};

/// What may be written over.
struct OutputPolicy {
  /// Files the command reads and keeps (the plan, its programme, the store): never written.
  /// A store's -wal, -shm and -journal files are protected with it.
  std::vector<KeptFile> kept;
  /// Text every output of this kind carries near its start or end ("plantrack-report"); an
  /// output without it is recognised by its first line instead.
  std::string marker;
  /// What the outputs are, for messages: "report", "year plan".
  std::string noun = "output";
  /// Also replace an existing file that is not an earlier output of this kind.
  bool force = false;
};

/// Why nothing was written.
struct OutputRefusal {
  std::string message;  ///< what, with the path: "report.md is the plan's store"
  std::string fix;
  bool usage = true;  ///< the path was refused (exit 2); false: writing failed (exit 1)
};

/// Writes every file or none (see above). Checks every path before writing anything.
PLANTRACK_API std::optional<OutputRefusal> write_outputs(const std::vector<OutputFile>& files,
                                                         const OutputPolicy& policy);

/// True when `existing` (a file's bytes) is an earlier output of the kind `fresh` is: both carry
/// `marker` when `fresh` does; otherwise both begin with the same, non-empty, first line.
PLANTRACK_API bool is_earlier_output(const std::string& existing, const std::string& fresh,
                                     const std::string& marker);

}  // namespace plantrack
