#pragma once
/// How serious a diagnostic or a funding finding is (the diagnostics' own enum, see
/// plantrack/severity.hpp).
#include "plantrack/severity.hpp"

namespace plantrack::sdk {
using plantrack::Severity;
}  // namespace plantrack::sdk
