#pragma once
// The domain events a write produces, derived once per command in the core: what was appended
// (progress recorded, task started), and what changed between the status before and after it
// (tasks completed or unblocked, stages completed); and the plan validated (validate --notify).
#include <cstdint>
#include <string>
#include <vector>

#include "plantrack/event.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/plugin.hpp"
#include "plantrack/status.hpp"

namespace plantrack {

/// "plan-validated/<plan id>": a valid plan, `message` saying what was checked.
sdk::Event plan_validated(const Plan& plan, std::string message, Date as_of);

std::vector<sdk::Event> domain_events(const Plan& plan, const std::vector<Event>& appended,
                                      const PlanStatus& before, const PlanStatus& after);

}  // namespace plantrack
