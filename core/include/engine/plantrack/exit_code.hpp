#pragma once
/// The exit codes of plantrack's commands: part of the interface (docs/cli.md), in one place.
/// A server maps them to HTTP statuses (kInvalidInput 422, kUsage 400, ...).

namespace plantrack {

enum class ExitCode : int {
  kOk = 0,
  kInvalidInput = 1,  ///< the plan, a CSV, the store or an argument's value is wrong
  kUsage = 2,         ///< the command line is wrong (or an output would replace a kept file)
  kFindings = 3,      ///< `check`: findings or alerts
  kDiffers = 3,       ///< `diff --exit-code`: the plans differ
  kPluginFailed = 4,  ///< the work was done, but a plugin failed
  kInternal = 70,     ///< a bug (EX_SOFTWARE)
};

constexpr int to_int(ExitCode code) {
  return static_cast<int>(code);
}

}  // namespace plantrack
