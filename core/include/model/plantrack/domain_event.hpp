#pragma once
/// What the engine tells notifiers: a fact about a plan derived from its log or from `check`
/// (a task completed, a stage completed, a task overdue, ...). Plugins see it as `sdk::Event`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/date.hpp"
#include "plantrack/export.hpp"

namespace plantrack {

enum class DomainEventType : std::uint32_t {
  kPlanValidated,
  kProgressRecorded,
  kTaskStarted,
  kTaskCompleted,
  kTaskUnblocked,
  kStageCompleted,
  kTaskOverdue,
  kTaskBehindPace,
  kFundingFinding,
  kReportGenerated,
  kTaskDueSoon,  ///< appended: values only ever grow at the end
  kReportDue,
};
PLANTRACK_API std::string_view to_string(DomainEventType type);

struct DomainEvent {
  DomainEventType type = DomainEventType::kPlanValidated;
  std::string plan_id;
  std::string task;   ///< empty when not about one task
  std::string stage;  ///< the task's stage, or the stage completed
  Date as_of;
  /// Stable across runs for the same fact ("task-completed/posters"), for de-duplication.
  std::string key;
  std::string message;  ///< one line for people, in English
  std::optional<std::int64_t> quantity;
  std::optional<std::int64_t> event_id;  ///< the stored event behind it, if any
};

}  // namespace plantrack
