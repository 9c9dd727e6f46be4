#pragma once
// The domain events a write produces, derived once per command in the core: what was appended
// (progress recorded, task started), and what changed between the status before and after it
// (tasks completed or unblocked, stages completed).
#include <cstdint>
#include <vector>

#include "plantrack/event.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/plugin.hpp"
#include "plantrack/status.hpp"

namespace plantrack {

std::vector<sdk::Event> domain_events(const Plan& plan, const std::vector<Event>& appended,
                                      const PlanStatus& before, const PlanStatus& after);

}  // namespace plantrack
