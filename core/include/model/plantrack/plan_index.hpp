#pragma once
/// Lookups by id into a plan, built once and shared by the checks and the dependency graph.
///
/// Example:
///   plantrack::PlanIndex index(plan);
///   if (auto i = index.task("posters")) std::cout << plan.tasks[*i].target;
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"

namespace plantrack {

class PLANTRACK_API PlanIndex {
 public:
  /// Indexes tasks and stages (the plan must outlive the index). The first of two equal ids wins.
  explicit PlanIndex(const Plan& plan);

  std::optional<std::size_t> task(std::string_view id) const { return tasks_.find(id); }
  std::optional<std::size_t> stage(std::string_view id) const { return stages_.find(id); }
  /// The task with this id, or the task that was renamed from it (`renamed_from`).
  std::optional<std::size_t> current_task(std::string_view id) const;
  /// The stage index of each task, nullopt where its stage is unknown.
  const std::vector<std::optional<std::size_t>>& task_stages() const { return task_stages_; }
  /// (first, duplicate) task indices for each task id used twice; likewise for stages.
  const std::vector<std::pair<std::size_t, std::size_t>>& duplicate_tasks() const {
    return duplicate_tasks_;
  }
  const std::vector<std::pair<std::size_t, std::size_t>>& duplicate_stages() const {
    return duplicate_stages_;
  }
  /// All task ids, sorted, for suggestions.
  std::vector<std::string_view> task_ids() const { return tasks_.sorted_keys(); }
  std::vector<std::string_view> stage_ids() const { return stages_.sorted_keys(); }

 private:
  /// Open addressing over (hash, position) pairs: one allocation, no node per id; the ids
  /// themselves stay in the plan. Measured ~2x faster than std::unordered_map on 100k-task plans.
  class IdMap {
   public:
    template <typename T>
    void build(const std::vector<T>& items,
               std::vector<std::pair<std::size_t, std::size_t>>& duplicates);
    std::optional<std::size_t> find(std::string_view id) const;
    std::vector<std::string_view> sorted_keys() const;

   private:
    struct Slot {
      std::size_t hash = 0;
      std::size_t position = kEmpty;
    };
    static constexpr std::size_t kEmpty = static_cast<std::size_t>(-1);
    std::vector<Slot> slots_;
    std::vector<std::string_view> ids_;  // by position
  };

  IdMap tasks_;
  IdMap stages_;
  std::vector<std::pair<std::string_view, std::size_t>> renamed_;  // old id -> task, sorted
  std::vector<std::optional<std::size_t>> task_stages_;
  std::vector<std::pair<std::size_t, std::size_t>> duplicate_tasks_;
  std::vector<std::pair<std::size_t, std::size_t>> duplicate_stages_;
};

}  // namespace plantrack
