#pragma once
/// Writing a file whole: the one place that creates, fills and renames files (outputs, the plan
/// cache, temporaries handed to another program). Reading is in read_file.hpp.
///
///   if (std::optional<std::string> why = plantrack::replace_file("cache/x.plan", bytes,
///                                                                plantrack::Durability::kNotSynced))
///     ...;  // *why: "No space left on device"
///
/// A file that replaces another is written beside it under a unique temporary name (mkstemp, so
/// never a name someone else could have put a link at), then renamed over it: a reader sees the
/// old file or the new one, never a part of either.
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/export.hpp"

namespace plantrack {

/// What a crash may leave.
enum class Durability {
  /// The bytes and the rename are flushed to disk (fsync of the file, then of its folder): after
  /// a crash the path holds the old file or the new one. For what a user keeps (reports, year
  /// plans).
  kSynced,
  /// Not flushed (a replacement is still atomic for readers): after a power loss the file may be
  /// empty or cut. For what checks itself and can be made again (the plan cache has a checksum)
  /// and for temporaries removed a moment later, where an fsync would only cost time.
  kNotSynced,
};

/// A file written under a name of its own, not yet where it belongs.
struct WrittenFile {
  std::string path;        ///< the file's name, when written
  std::string error;       ///< why not (the system's words: "No space left on device")
  bool created = false;    ///< the failure came after the file was made (while writing it)
  bool no_folder = false;  ///< it could not be made: the folder does not exist
  bool ok() const { return error.empty(); }
};

/// Writes all of `bytes` to the open descriptor `fd` (again after a short write or EINTR); false
/// when the system refuses (errno says why). For devices and pipes, which are written straight
/// into; files are written whole with the functions below.
PLANTRACK_API bool write_all(int fd, std::string_view bytes);

/// Writes `bytes` into a new file `folder`/`prefix`XXXXXX (a unique name made by mkstemp), with
/// permission bits `mode` (nullopt: 0600, readable by its owner only), flushed to disk with
/// kSynced. On failure nothing is left behind.
PLANTRACK_API WrittenFile write_new_file(const std::string& folder, const std::string& prefix,
                                         std::string_view bytes, std::optional<unsigned> mode,
                                         Durability durability);

/// Renames `temporary` (from write_new_file, in the same folder) over `path`; with kSynced the
/// folder is synced after. nullopt, or why not; `temporary` is removed either way.
PLANTRACK_API std::optional<std::string> move_into_place(const std::string& temporary,
                                                         const std::string& path,
                                                         Durability durability);

/// Creates or replaces the regular file `path` with `bytes` whole: write_new_file beside it (the
/// mode of the file it replaces, or 0666 less the umask for a new one), then move_into_place.
/// `path` is written as named: resolving links and refusing what must not be replaced is the
/// caller's (write_outputs in output_file.hpp does both). nullopt, or why not.
PLANTRACK_API std::optional<std::string> replace_file(const std::string& path,
                                                      std::string_view bytes,
                                                      Durability durability);

}  // namespace plantrack
