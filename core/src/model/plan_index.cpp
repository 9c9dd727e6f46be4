#include "plantrack/plan_index.hpp"

#include <algorithm>
#include <bit>
#include <functional>

namespace plantrack {

template <typename T>
void PlanIndex::IdMap::build(const std::vector<T>& items,
                             std::vector<std::pair<std::size_t, std::size_t>>& duplicates) {
  ids_.reserve(items.size());
  for (const T& item : items) ids_.emplace_back(item.id);
  slots_.assign(std::bit_ceil(items.size() * 2 + 2), Slot{});  // load factor <= 1/2
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (ids_[i].empty()) continue;  // a missing id is reported by the loader
    std::size_t hash = std::hash<std::string_view>{}(ids_[i]);
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.position == kEmpty) {
        slot = Slot{hash, i};
        break;
      }
      if (slot.hash == hash && ids_[slot.position] == ids_[i]) {
        duplicates.emplace_back(slot.position, i);  // the first keeps the id
        break;
      }
    }
  }
}

std::optional<std::size_t> PlanIndex::IdMap::find(std::string_view id) const {
  if (slots_.empty()) return std::nullopt;
  const std::size_t mask = slots_.size() - 1;
  std::size_t hash = std::hash<std::string_view>{}(id);
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.position == kEmpty) return std::nullopt;
    if (slot.hash == hash && ids_[slot.position] == id) return slot.position;
  }
}

std::vector<std::string_view> PlanIndex::IdMap::sorted_keys() const {
  std::vector<std::string_view> keys;
  for (const Slot& slot : slots_) {
    if (slot.position != kEmpty) keys.push_back(ids_[slot.position]);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

PlanIndex::PlanIndex(const Plan& plan) {
  tasks_.build(plan.tasks, duplicate_tasks_);
  stages_.build(plan.stages, duplicate_stages_);
  task_stages_.reserve(plan.tasks.size());
  for (const Task& task : plan.tasks) task_stages_.push_back(stage(task.stage));
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    for (const std::string& old : plan.tasks[i].renamed_from) renamed_.emplace_back(old, i);
  }
  std::sort(renamed_.begin(), renamed_.end());
}

std::optional<std::size_t> PlanIndex::current_task(std::string_view id) const {
  if (auto i = task(id)) return i;
  auto it =
      std::lower_bound(renamed_.begin(), renamed_.end(), id,
                       [](const auto& entry, std::string_view key) { return entry.first < key; });
  if (it != renamed_.end() && it->first == id) return it->second;
  return std::nullopt;
}

}  // namespace plantrack
