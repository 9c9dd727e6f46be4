#include "plantrack/plan.hpp"

#include <algorithm>
#include <array>

namespace plantrack {

std::vector<int> Task::active_years() const {
  std::vector<int> result;
  if (!years.empty()) {
    for (const Year& y : years) result.push_back(y.value);
  } else {
    for (const YearTarget& t : targets) result.push_back(t.year);
  }
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

Date Task::deadline(const PlanInfo& plan) const {
  if (due) return *due;
  std::vector<int> active = active_years();
  return Date{active.empty() ? plan.period_end : active.back(), 12, 31};
}

std::optional<std::int64_t> Task::target_in(int year) const {
  std::vector<int> active = active_years();
  bool runs = std::binary_search(active.begin(), active.end(), year);
  if (!targets.empty()) {
    for (const YearTarget& t : targets) {
      if (t.year == year) return t.quantity;
    }
    return runs ? std::optional<std::int64_t>(0) : std::nullopt;
  }
  if (!runs) return std::nullopt;
  auto n = static_cast<std::int64_t>(active.size());
  auto position = static_cast<std::int64_t>(std::lower_bound(active.begin(), active.end(), year) -
                                            active.begin());
  return target / n + (position < target % n ? 1 : 0);
}

std::optional<double> Task::share_of_whole(std::int64_t count) const {
  if (!of || *of <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(count) / static_cast<double>(*of);
}

std::int64_t Task::target_by(int year) const {
  std::int64_t sum = 0;
  if (!targets.empty()) {
    for (const YearTarget& t : targets) {
      if (t.year <= year) sum += t.quantity;
    }
    return sum;
  }
  for (int y : active_years()) {
    if (y <= year) sum += target_in(y).value_or(0);
  }
  return sum;
}

std::optional<std::int64_t> Task::target_in(const Period& period, const PlanInfo& plan) const {
  std::vector<int> active = active_years();
  if (active.empty()) {
    bool whole = period.first_year() <= plan.period_start && period.last_year() >= plan.period_end;
    return whole ? std::optional<std::int64_t>(target) : std::nullopt;
  }
  if (counting == Counting::kCumulative) {
    if (active.front() > period.last_year()) return std::nullopt;
    return target_by(period.last_year());
  }
  std::optional<std::int64_t> sum;
  for (int year : active) {
    if (!period.touches(year)) continue;
    if (std::optional<std::int64_t> t = target_in(year)) sum = sum.value_or(0) + *t;
  }
  return sum;
}

const Task* Plan::find_task(std::string_view id) const {
  auto it = std::find_if(tasks.begin(), tasks.end(), [&](const Task& t) { return t.id == id; });
  return it == tasks.end() ? nullptr : &*it;
}

const Stage* Plan::find_stage(std::string_view id) const {
  auto it = std::find_if(stages.begin(), stages.end(), [&](const Stage& s) { return s.id == id; });
  return it == stages.end() ? nullptr : &*it;
}

const Funding* Plan::find_funding(std::string_view id) const {
  auto it =
      std::find_if(funding.begin(), funding.end(), [&](const Funding& f) { return f.id == id; });
  return it == funding.end() ? nullptr : &*it;
}

namespace {
constexpr std::array<std::string_view, 6> kFundingKinds = {
    "central", "local", "district", "international", "enterprise", "other"};
}

std::string_view to_string(FundingKind kind) {
  return kFundingKinds[static_cast<std::size_t>(kind)];
}

std::optional<FundingKind> funding_kind_from(std::string_view text) {
  for (std::size_t i = 0; i < kFundingKinds.size(); ++i) {
    if (kFundingKinds[i] == text) return static_cast<FundingKind>(i);
  }
  return std::nullopt;
}

std::string_view to_string(Counting counting) {
  return counting == Counting::kIncrement ? "increment" : "cumulative";
}

}  // namespace plantrack
