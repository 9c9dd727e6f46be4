#include "plantrack/domain_event.hpp"

#include <cstddef>

namespace plantrack {

std::string_view to_string(DomainEventType type) {
  static constexpr std::string_view kNames[] = {
      "plan-validated",  "progress-recorded", "task-started",  "task-completed",
      "task-unblocked",  "stage-completed",   "task-overdue",  "task-behind-pace",
      "funding-finding", "report-generated",  "task-due-soon", "report-due"};
  return kNames[static_cast<std::size_t>(type)];
}

}  // namespace plantrack
