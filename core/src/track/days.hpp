#pragma once
// Day counts for the alerts: internal (not installed).
#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"

namespace plantrack {

/// Days from a to b (negative when b is earlier).
PLANTRACK_API int days_between(Date a, Date b);

}  // namespace plantrack
