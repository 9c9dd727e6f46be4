#pragma once
/// Forwards to the SDK's home, plantrack/sdk/plugin.hpp (include that in new code).
#include "plantrack/sdk/plugin.hpp"
