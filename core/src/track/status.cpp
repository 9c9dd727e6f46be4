#include "plantrack/status.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "plantrack/plan_index.hpp"

namespace plantrack {
namespace {

constexpr std::array<std::string_view, 9> kKinds = {
    "progress", "start", "complete", "block", "unblock", "cancel", "reopen", "note", "revert"};
constexpr std::array<std::string_view, 4> kStates = {"not started", "in progress", "done",
                                                     "cancelled"};

// What the events say of one task, before the plan's dependencies are looked at.
struct Tally {
  std::int64_t total = 0;                 // increment: the sum; cumulative: the latest total
  std::map<int, std::int64_t> per_year;   // increment: sums; cumulative: latest total in the year
  std::optional<Date> latest_cumulative;  // date of the latest cumulative record
  bool started = false, completed = false, cancelled = false;
  std::optional<std::string> block_reason;
  std::optional<Date> last_activity;
};

void apply(Tally& t, const Task& task, const EventFact& e) {
  t.last_activity = std::max(t.last_activity.value_or(e.effective), e.effective);
  switch (e.kind) {
    case EventKind::kProgress: {
      std::int64_t q = e.quantity.value_or(0);
      if (task.counting == Counting::kIncrement) {
        t.total += q;
        if (e.year) t.per_year[*e.year] += q;
      } else {
        if (!t.latest_cumulative || e.effective >= *t.latest_cumulative) {
          t.total = q;
          t.latest_cumulative = e.effective;
        }
        if (e.year) t.per_year[*e.year] = q;  // oldest first: the last one in a year wins
      }
      break;
    }
    case EventKind::kStart:
      t.started = true;
      break;
    case EventKind::kComplete:
      t.completed = true;
      break;
    case EventKind::kCancel:
      t.cancelled = true;
      break;
    case EventKind::kReopen:
      t.completed = false;
      t.cancelled = false;
      break;
    case EventKind::kBlock:
      t.block_reason = e.note.empty() ? "blocked by hand" : e.note;
      break;
    case EventKind::kUnblock:
      t.block_reason.reset();
      break;
    case EventKind::kNote:
    case EventKind::kRevert:
      break;
  }
}

// Cumulative years hold running totals; what was done in a year is the rise since the year before.
std::vector<YearQuantity> per_year(const Task& task, const Tally& t) {
  std::vector<YearQuantity> out;
  std::int64_t before = 0;
  for (const auto& [year, value] : t.per_year) {
    bool cumulative = task.counting == Counting::kCumulative;
    out.push_back(YearQuantity{year, cumulative ? value - before : value});
    before = value;
  }
  return out;
}

TaskState state_of(const Task& task, const Tally& t) {
  if (t.cancelled) return TaskState::kCancelled;
  if (t.completed || (task.target > 0 && t.total >= task.target)) return TaskState::kDone;
  if (t.started || t.total != 0) return TaskState::kInProgress;
  return TaskState::kNotStarted;
}

void add_to(Rollup& r, const TaskStatus& s, const Task& task, double& sum, std::size_t& counted) {
  switch (s.state) {
    case TaskState::kNotStarted:
      ++r.not_started;
      break;
    case TaskState::kInProgress:
      ++r.in_progress;
      break;
    case TaskState::kDone:
      ++r.done;
      break;
    case TaskState::kCancelled:
      ++r.cancelled;
      return;
  }
  double share = s.state == TaskState::kDone
                     ? 1.0
                     : std::clamp(static_cast<double>(s.achieved) /
                                      static_cast<double>(std::max<std::int64_t>(task.target, 1)),
                                  0.0, 1.0);
  sum += share;
  ++counted;
}

void finish_rollup(Rollup& r, double sum, std::size_t counted) {
  r.percent = counted ? 100.0 * sum / static_cast<double>(counted) : (r.cancelled ? 100.0 : 0.0);
  std::size_t total = r.not_started + r.in_progress + r.done + r.cancelled;
  r.complete = total > 0 && r.done + r.cancelled == total;
}

}  // namespace

std::string_view to_string(EventKind kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

std::optional<EventKind> event_kind_from(std::string_view text) {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == text) return static_cast<EventKind>(i);
  }
  return std::nullopt;
}

std::string_view to_string(TaskState state) {
  return kStates[static_cast<std::size_t>(state)];
}

std::int64_t TaskStatus::achieved_in(int year) const {
  for (const YearQuantity& y : by_year) {
    if (y.year == year) return y.quantity;
  }
  return 0;
}

struct StatusBuilder::Impl {
  const Plan& plan;
  Date as_of;
  PlanIndex index;
  std::unordered_set<std::int64_t> reverted;
  std::vector<Tally> tallies;
  std::map<std::string, std::size_t, std::less<>> orphans;
  std::string last_text;                 // the task id of the previous event
  std::optional<std::size_t> last_task;  // and its index

  Impl(const Plan& p, Date date) : plan(p), as_of(date), index(p), tallies(p.tasks.size()) {}
};

StatusBuilder::StatusBuilder(const Plan& plan, Date as_of)
    : impl_(std::make_unique<Impl>(plan, as_of)) {}
StatusBuilder::~StatusBuilder() = default;

void StatusBuilder::revert(std::int64_t reverted_id, Date effective) {
  if (effective <= impl_->as_of) impl_->reverted.insert(reverted_id);
}

void StatusBuilder::add(const EventFact& e) {
  if (e.effective > impl_->as_of || e.kind == EventKind::kRevert) return;
  if (!impl_->reverted.empty() && impl_->reverted.count(e.id)) return;
  // Events usually come task by task: look the id up only when it changes.
  std::optional<std::size_t> task;
  if (impl_->last_task && e.task == impl_->last_text) {
    task = impl_->last_task;
  } else {
    task = impl_->index.current_task(e.task);
    impl_->last_text.assign(e.task);
    impl_->last_task = task;
  }
  if (!task) {
    auto orphan = impl_->orphans.find(e.task);
    if (orphan == impl_->orphans.end())
      orphan = impl_->orphans.emplace(std::string(e.task), 0).first;
    ++orphan->second;
    return;
  }
  apply(impl_->tallies[*task], impl_->plan.tasks[*task], e);
}

PlanStatus StatusBuilder::finish(bool readiness_too) {
  const Plan& plan = impl_->plan;
  const PlanIndex& index = impl_->index;
  const Date as_of = impl_->as_of;
  PlanStatus status;
  status.as_of = as_of;
  Progress progress;
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& task = plan.tasks[i];
    const Tally& t = impl_->tallies[i];
    TaskStatus s;
    s.task = i;
    s.achieved = t.total;
    s.by_year = per_year(task, t);
    s.percent = task.target > 0
                    ? 100.0 * static_cast<double>(t.total) / static_cast<double>(task.target)
                    : 0.0;
    s.state = state_of(task, t);
    s.blocked_by_hand = t.block_reason;
    s.last_activity = t.last_activity;
    bool open = s.state == TaskState::kNotStarted || s.state == TaskState::kInProgress;
    s.overdue = open && task.due && *task.due < as_of;
    progress.achieved.push_back(t.total);
    progress.complete.push_back(s.state == TaskState::kDone);
    status.tasks.push_back(std::move(s));
  }
  if (!readiness_too) return status;
  DependencyGraph graph(plan, index);
  std::vector<Readiness> readiness = graph.readiness(progress);
  for (TaskStatus& s : status.tasks) {
    s.blockers = std::move(readiness[s.task].blockers);
    bool open = s.state == TaskState::kNotStarted || s.state == TaskState::kInProgress;
    s.ready = open && s.blockers.empty() && !s.blocked_by_hand;
  }
  std::vector<double> sums(plan.stages.size(), 0);
  std::vector<std::size_t> counted(plan.stages.size(), 0);
  status.stages.resize(plan.stages.size());
  for (std::size_t s = 0; s < plan.stages.size(); ++s) status.stages[s].stage = s;
  double plan_sum = 0;
  std::size_t plan_counted = 0;
  for (const TaskStatus& s : status.tasks) {
    const Task& task = plan.tasks[s.task];
    add_to(status.plan, s, task, plan_sum, plan_counted);
    if (auto stage = index.task_stages()[s.task]) {
      add_to(status.stages[*stage].rollup, s, task, sums[*stage], counted[*stage]);
    }
  }
  finish_rollup(status.plan, plan_sum, plan_counted);
  for (std::size_t s = 0; s < plan.stages.size(); ++s) {
    finish_rollup(status.stages[s].rollup, sums[s], counted[s]);
  }
  for (const auto& [task, count] : impl_->orphans) status.orphans.push_back(Orphan{task, count});
  return status;
}

PlanStatus derive_status(const Plan& plan, const std::vector<Event>& events, Date as_of) {
  StatusBuilder builder(plan, as_of);
  for (const Event& e : events) {
    if (e.kind == EventKind::kRevert && e.reverts) builder.revert(*e.reverts, e.effective);
  }
  for (const Event& e : events) {
    builder.add(
        EventFact{e.id, e.task, e.kind, e.quantity, e.year, e.effective, e.reverts, e.note});
  }
  return builder.finish();
}

}  // namespace plantrack
