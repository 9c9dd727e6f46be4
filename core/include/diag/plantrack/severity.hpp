#pragma once
/// How serious a diagnostic or a funding finding is: one enum on both sides of the plugin
/// boundary (since plugin ABI 2), so a finding becomes a diagnostic without a translation table.
/// Plugins see it as `sdk::Severity` (plantrack/sdk/severity.hpp).
#include <cstdint>

namespace plantrack {

/// kNote: information that needs no action (e.g. a rule not in force for an old payment); JSON
/// output calls it "info" for findings, as before ABI 2.
enum class Severity : std::uint32_t { kError, kWarning, kNote };

}  // namespace plantrack
