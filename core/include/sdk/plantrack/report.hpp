#pragma once
/// Forwards to the SDK's home, plantrack/sdk/report.hpp (include that in new code).
#include "plantrack/sdk/report.hpp"
