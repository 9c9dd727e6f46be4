#pragma once
/// A cache of validated plans, keyed by the SHA-256 of the plan file's bytes.
///
/// Tracking commands load the plan on every run; parsing and checking a 100k-task plan takes most
/// of a second. A valid plan is therefore also stored in binary form, and the next command on an
/// unchanged file reads that instead. Any change to the file changes the key; a cache file that is
/// damaged or from another plantrack version is ignored and rewritten. Only valid plans are cached.
/// The file's SHA-256 is itself kept with a stamp of the file (device, inode, size, modification
/// and change times) and not recomputed while the stamp matches; see docs/tracking.md.
///
/// Where: $PLANTRACK_CACHE_DIR, else $XDG_CACHE_HOME/plantrack, else ~/.cache/plantrack;
/// PLANTRACK_CACHE_DIR=off disables it.
///
/// Example:
///   plantrack::CachedPlan p = plantrack::load_plan_cached("plan.toml");
///   if (p.loaded.ok()) use(p.loaded.plan, p.revision);
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/environment.hpp"
#include "plantrack/export.hpp"
#include "plantrack/load.hpp"

namespace plantrack {

struct CachedPlan {
  LoadResult loaded;     ///< from the cache: the plan, no diagnostics (it was valid)
  std::string revision;  ///< SHA-256 of the plan file
  bool from_cache = false;
};

/// Loads a plan through the cache (see above).
PLANTRACK_API CachedPlan load_plan_cached(const std::string& path);
/// The same with the cache in `dir` ("off" or empty: no cache).
PLANTRACK_API CachedPlan load_plan_cached(const std::string& path, const std::string& dir);
/// The cache's folder as `environment` names it (see above); empty when it names none.
PLANTRACK_API std::string plan_cache_dir(const Environment& environment);

}  // namespace plantrack
