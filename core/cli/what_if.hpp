#pragma once
// `status --what-if`: the same plan with changes applied in memory, compared with the real one.
#include <string>

#include "commands.hpp"
#include "tracking.hpp"

namespace plantrack::cli {

/// Prints what the changes in `changes_path` would change (status, alerts, funding findings).
ExitCode run_what_if(Tracker& t, const std::string& changes_path, const std::string& format);

}  // namespace plantrack::cli
