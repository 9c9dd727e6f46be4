#include "plantrack/status.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "plantrack/i18n.hpp"
#include "plantrack/plan_index.hpp"
#include "tally.hpp"

namespace plantrack {
namespace {

using tally::Tally;

constexpr std::array<std::string_view, 4> kStates = {"not started", "in progress", "done",
                                                     "cancelled"};

// Cumulative years hold running totals; what was done in a year is the rise since the year before.
std::vector<YearQuantity> by_year(const Task& task, const Tally& t) {
  std::vector<YearQuantity> out;
  std::int64_t before = 0;
  for (const auto& [year, value] : tally::per_year(t, task.counting)) {
    bool cumulative = task.counting == Counting::kCumulative;
    out.push_back(YearQuantity{year, cumulative ? tally::saturating_sub(value, before) : value});
    before = value;
  }
  return out;
}

// The task's figures in `period` (docs/tracking.md, "Periods").
PeriodFigures period_figures(const PlanInfo& info, const Task& task, const Tally& t,
                             const Period& period, bool days) {
  PeriodFigures f;
  f.target = task.target_in(period, info);
  std::int32_t first = tally::bucket_key(period.first, days);
  std::int32_t last = tally::bucket_key(period.last, days);
  f.achieved = task.counting == Counting::kCumulative ? tally::standing_at(t, last)
                                                      : tally::sum_between(t, first, last);
  if (f.target) {
    f.percent = *f.target > 0
                    ? 100.0 * static_cast<double>(f.achieved) / static_cast<double>(*f.target)
                    : 100.0;
  }
  return f;
}

TaskState state_of(const Task& task, const Tally& t) {
  if (t.cancelled) return TaskState::kCancelled;
  if (t.completed || (task.target > 0 && t.total >= task.target)) return TaskState::kDone;
  if (t.started || t.total != 0) return TaskState::kInProgress;
  return TaskState::kNotStarted;
}

// A task's share in a roll-up: its achieved over its target, within 0-1 (to date, 1 when done).
double share_of(std::int64_t achieved, std::int64_t target) {
  return std::clamp(
      static_cast<double>(achieved) / static_cast<double>(std::max<std::int64_t>(target, 1)), 0.0,
      1.0);
}

void add_to(Rollup& r, const TaskStatus& s, double share, double& sum, std::size_t& counted) {
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
  sum += share;
  ++counted;
}

void finish_rollup(Rollup& r, double sum, std::size_t counted) {
  r.percent = counted ? 100.0 * sum / static_cast<double>(counted) : (r.cancelled ? 100.0 : 0.0);
  std::size_t total = r.not_started + r.in_progress + r.done + r.cancelled;
  r.complete = total > 0 && r.done + r.cancelled == total;
}

// Stage and plan roll-ups of the tasks' shares (`period`: of the period's figures, over the
// tasks with a target in it).
void roll_up(const Plan& plan, const PlanIndex& index, PlanStatus& status, bool period) {
  std::vector<double> sums(plan.stages.size(), 0);
  std::vector<std::size_t> counted(plan.stages.size(), 0);
  double plan_sum = 0;
  std::size_t plan_counted = 0;
  Rollup whole;
  std::vector<Rollup> stages(plan.stages.size());
  for (const TaskStatus& s : status.tasks) {
    double share = 0;
    if (period) {
      if (!s.period || !s.period->target) continue;
      // The period's own figures, as its row shows them: a task done since, or done without
      // reaching this period's share, counts what the period holds.
      share = *s.period->target == 0 ? 1.0 : share_of(s.period->achieved, *s.period->target);
    } else {
      share = s.state == TaskState::kDone ? 1.0 : share_of(s.achieved, plan.tasks[s.task].target);
    }
    add_to(whole, s, share, plan_sum, plan_counted);
    if (auto stage = index.task_stages()[s.task]) {
      add_to(stages[*stage], s, share, sums[*stage], counted[*stage]);
    }
  }
  finish_rollup(whole, plan_sum, plan_counted);
  for (std::size_t i = 0; i < plan.stages.size(); ++i)
    finish_rollup(stages[i], sums[i], counted[i]);
  (period ? status.plan : status.to_date) = whole;
  for (std::size_t i = 0; i < plan.stages.size(); ++i) {
    (period ? status.stages[i].rollup : status.stages[i].to_date) = stages[i];
  }
}

}  // namespace

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
  std::optional<Period> period;
  std::string known_at;
  std::int64_t log_event = 0;
  std::string log_recorded_at;
  bool days = false;  // buckets of days: the period does not start and end with a month
  std::optional<PlanIndex> own_index;
  const PlanIndex& index;
  std::unordered_set<std::int64_t> reverted;
  std::vector<Tally> tallies;
  std::map<std::string, std::size_t, std::less<>> orphans;
  std::string last_text;                 // the task id of the previous event
  std::optional<std::size_t> last_task;  // and its index
  std::vector<Spending> spending;        // before reverts are applied

  Impl(const Plan& p, Date date)
      : plan(p),
        as_of(date),
        own_index(std::in_place, p),
        index(*own_index),
        tallies(p.tasks.size()) {}
  Impl(const Plan& p, const PlanIndex& i, Date date)
      : plan(p), as_of(date), index(i), tallies(p.tasks.size()) {}
};

StatusBuilder::StatusBuilder(const Plan& plan, Date as_of)
    : impl_(std::make_unique<Impl>(plan, as_of)) {}
StatusBuilder::StatusBuilder(const Plan& plan, const PlanIndex& index, Date as_of)
    : impl_(std::make_unique<Impl>(plan, index, as_of)) {}
StatusBuilder::StatusBuilder(const Plan& plan, const PlanIndex& index, const StatusScope& scope)
    : impl_(std::make_unique<Impl>(plan, index, scope.as_of)) {
  impl_->period = scope.period;
  impl_->days = scope.period && !scope.period->whole_months();
  impl_->known_at = scope.known_at;
}
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
  const Task& t = impl_->plan.tasks[*task];
  tally::apply(impl_->tallies[*task], t.counting, t.target, e, impl_->days);
}

std::vector<std::string> StatusBuilder::add_summaries(
    const std::vector<std::pair<std::string, std::string>>& summaries) {
  Impl& impl = *impl_;
  std::vector<std::string> scan;
  // Ids per current task: a task renamed from another may have two, whose events must be merged
  // in order, which only a scan can do.
  std::vector<std::optional<std::size_t>> target(summaries.size());
  std::vector<std::uint32_t> ids_per_task(impl.plan.tasks.size(), 0);
  if (impl.days) {  // the summaries keep months: a period of days needs every event's day
    for (const auto& [id, bytes] : summaries) scan.push_back(id);
    return scan;
  }
  for (std::size_t i = 0; i < summaries.size(); ++i) {
    target[i] = impl.index.current_task(summaries[i].first);
    if (target[i]) ++ids_per_task[*target[i]];
  }
  for (std::size_t i = 0; i < summaries.size(); ++i) {
    const std::string& id = summaries[i].first;
    std::optional<tally::Summary> s = tally::read_summary(summaries[i].second);
    bool usable = s && (!s->latest || *s->latest <= impl.as_of);
    if (usable && target[i]) {
      const Task& task = impl.plan.tasks[*target[i]];
      // One id per task, folded with its counting and (for when it was done) its target.
      usable = ids_per_task[*target[i]] == 1 && s->counting == task.counting &&
               (s->tally.events == 0 || s->tally.done_target == task.target);
    }
    if (!usable) {
      scan.push_back(id);
    } else if (target[i]) {
      impl.tallies[*target[i]] = std::move(s->tally);
    } else if (s->tally.events > 0) {
      impl.orphans[id] += s->tally.events;
    }
  }
  return scan;
}

void StatusBuilder::log(std::int64_t event, std::string recorded_at) {
  impl_->log_event = event;
  impl_->log_recorded_at = std::move(recorded_at);
}

void StatusBuilder::add_spending(const Event& e) {
  if (e.kind != EventKind::kSpend || e.effective > impl_->as_of) return;
  Spending s;
  s.event = e.id;
  std::optional<std::size_t> task = impl_->index.current_task(e.task);
  s.task = task ? impl_->plan.tasks[*task].id : e.task;
  s.source = e.source;
  s.year = e.year.value_or(e.effective.year());
  s.amount = e.amount.value_or(0);
  s.cost = e.cost;
  s.participant = e.participant;
  s.date = e.effective;
  s.note = e.note;
  impl_->spending.push_back(std::move(s));
}

PlanStatus StatusBuilder::finish(bool readiness_too, const DependencyGraph* graph) {
  const Plan& plan = impl_->plan;
  const PlanIndex& index = impl_->index;
  const Date as_of = impl_->as_of;
  PlanStatus status;
  status.as_of = as_of;
  status.period = impl_->period;
  status.known_at = impl_->known_at;
  status.log_event = impl_->log_event;
  status.log_recorded_at = impl_->log_recorded_at;
  // A year plan counts what was done in its year (its progress is in the programme's log, all
  // years together); a cumulative task's running total is the programme's either way.
  std::optional<int> only_year;
  if (plan.info.is_year_plan() && plan.info.period_start == plan.info.period_end) {
    only_year = plan.info.period_start;
  }
  for (const Spending& s : impl_->spending) {  // copied: the builder may go on (Tracker::append)
    if (impl_->reverted.count(s.event) || (only_year && s.year != *only_year)) continue;
    status.spending.push_back(s);
  }
  std::stable_sort(status.spending.begin(), status.spending.end(),
                   [](const Spending& a, const Spending& b) { return a.event < b.event; });
  status.tasks.reserve(plan.tasks.size());
  Progress progress;
  if (readiness_too) {
    progress.achieved.reserve(plan.tasks.size());
    progress.complete.reserve(plan.tasks.size());
  }
  Tally year_tally;
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& task = plan.tasks[i];
    const Tally* tally = &impl_->tallies[i];
    if (only_year && task.counting == Counting::kIncrement) {
      year_tally = *tally;
      year_tally.total = tally::sum_between(*tally, *only_year * 10000, *only_year * 10000 + 1231);
      tally = &year_tally;
    }
    const Tally& t = *tally;
    TaskStatus s;
    s.task = i;
    s.achieved = t.total;
    s.by_year = by_year(task, t);
    if (impl_->period) {
      s.period = period_figures(plan.info, task, t, *impl_->period, impl_->days);
    }
    s.percent = task.target > 0
                    ? 100.0 * static_cast<double>(t.total) / static_cast<double>(task.target)
                    : 0.0;
    s.state = state_of(task, t);
    // A year plan's count is its year's, not what the programme's log reached.
    if (s.state == TaskState::kDone && tally == &impl_->tallies[i]) s.done_on = t.done_on;
    s.blocked_by_hand = t.block_reason;
    if (s.blocked_by_hand == tally::kBlockedByHand) s.blocked_by_hand = tr("blocked by hand");
    s.last_activity = t.last_activity;
    bool open = s.state == TaskState::kNotStarted || s.state == TaskState::kInProgress;
    s.overdue = open && task.deadline(plan.info) < as_of;
    if (readiness_too) {
      progress.achieved.push_back(t.total);
      progress.complete.push_back(s.state == TaskState::kDone);
    }
    status.tasks.push_back(std::move(s));
  }
  if (!readiness_too) return status;
  std::optional<DependencyGraph> own_graph;
  if (!graph) graph = &own_graph.emplace(plan, index);
  std::vector<Readiness> readiness = graph->readiness(progress);
  for (TaskStatus& s : status.tasks) {
    s.blockers = std::move(readiness[s.task].blockers);
    bool open = s.state == TaskState::kNotStarted || s.state == TaskState::kInProgress;
    s.ready = open && s.blockers.empty() && !s.blocked_by_hand;
  }
  status.stages.resize(plan.stages.size());
  for (std::size_t s = 0; s < plan.stages.size(); ++s) status.stages[s].stage = s;
  roll_up(plan, index, status, false);
  if (impl_->period) {
    roll_up(plan, index, status, true);
  } else {
    status.plan = status.to_date;
    for (StageStatus& st : status.stages) st.rollup = st.to_date;
  }
  for (const auto& [task, count] : impl_->orphans) status.orphans.push_back(Orphan{task, count});
  return status;
}

std::vector<std::size_t> waiting_on(const PlanStatus& status, std::size_t task) {
  std::vector<std::size_t> out;
  if (task >= status.tasks.size()) return out;
  std::vector<char> seen(status.tasks.size(), 0);
  seen[task] = 1;
  std::vector<std::size_t> level{task}, next;
  while (!level.empty()) {
    for (std::size_t i : level) {
      for (const Blocker& b : status.tasks[i].blockers) {
        if (b.task >= seen.size() || seen[b.task]) continue;
        seen[b.task] = 1;
        next.push_back(b.task);
      }
    }
    std::sort(next.begin(), next.end());
    out.insert(out.end(), next.begin(), next.end());
    level.swap(next);
    next.clear();
  }
  return out;
}

PlanStatus derive_status(const Plan& plan, const std::vector<Event>& events, Date as_of) {
  return derive_status(plan, events, StatusScope(as_of));
}

PlanStatus derive_status(const Plan& plan, const std::vector<Event>& events,
                         const StatusScope& scope) {
  PlanIndex index(plan);
  StatusBuilder builder(plan, index, scope);
  // Recorded after the time asked: not known then (RFC 3339 UTC texts compare as times).
  auto unknown = [&](const Event& e) {
    return !scope.known_at.empty() && e.recorded_at > scope.known_at;
  };
  for (const Event& e : events) {
    if (unknown(e)) continue;
    if (e.kind == EventKind::kRevert && e.reverts) builder.revert(*e.reverts, e.effective);
  }
  for (const Event& e : events) {
    if (unknown(e)) continue;
    builder.add(
        EventFact{e.id, e.task, e.kind, e.quantity, e.year, e.effective, e.reverts, e.note});
    if (e.kind == EventKind::kSpend) builder.add_spending(e);
  }
  return builder.finish();
}

}  // namespace plantrack
