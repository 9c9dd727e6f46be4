#include "plantrack/stored_status.hpp"
#include "plantrack/detail/summary.hpp"

namespace plantrack {
namespace {

// Events of `tasks` (all when empty) recorded by `known_at` (all when empty) into `builder`.
void scan_into(const Plan& plan, const EventStore& store, StatusBuilder& builder,
               const std::vector<std::string>& tasks, const std::string& known_at) {
  for (const EventStore::Revert& r : store.reverts(plan.info.id, known_at)) {
    builder.revert(r.reverted, r.effective);
  }
  store.scan(
      plan.info.id, tasks, [&](const EventFact& e) { builder.add(e); }, known_at);
}

// Past this many ids the summaries cannot answer for (an as-of date long ago), one pass over the
// whole log is as cheap as a pass for those ids (a scan reads the whole log either way).
constexpr std::size_t kMostScannedIds = 256;

// Spending comes from its own index, not the summaries (few events, each with its amounts).
void add_spending(const Plan& plan, const EventStore& store, StatusBuilder& builder,
                  bool reverts_known, const std::string& known_at) {
  std::vector<Event> spent = store.spending(plan.info.id, known_at);
  if (spent.empty()) return;
  if (!reverts_known) {
    for (const EventStore::Revert& r : store.reverts(plan.info.id, known_at)) {
      builder.revert(r.reverted, r.effective);
    }
  }
  for (const Event& e : spent) builder.add_spending(e);
}

void set_log(StatusBuilder& builder, const std::optional<EventStore::LogPosition>& last) {
  if (last) builder.log(last->id, last->recorded_at);
}

}  // namespace

std::unique_ptr<StatusBuilder> status_builder_from_store(const Plan& plan, const PlanIndex& index,
                                                         const EventStore& store,
                                                         const StatusScope& scope,
                                                         const std::vector<std::string>& tasks,
                                                         bool spending) {
  EventStore::Snapshot snapshot(store);  // summaries and events from the same moment
  const std::string& known_at = scope.known_at;
  // The summaries hold everything recorded so far: the log as known earlier needs its events.
  if (auto summaries = known_at.empty() ? store.summaries(plan.info.id, tasks) : std::nullopt) {
    auto builder = std::make_unique<StatusBuilder>(plan, index, scope);
    std::vector<std::string> rest = builder->add_summaries(*summaries);
    if (rest.size() <= kMostScannedIds) {
      if (!rest.empty()) scan_into(plan, store, *builder, rest, known_at);
      if (spending) add_spending(plan, store, *builder, !rest.empty(), known_at);
      set_log(*builder, store.last_recorded(plan.info.id));
      return builder;
    }
  }
  auto builder = std::make_unique<StatusBuilder>(plan, index, scope);
  scan_into(plan, store, *builder, tasks, known_at);
  if (spending) add_spending(plan, store, *builder, true, known_at);
  set_log(*builder, store.last_recorded(plan.info.id, known_at));
  return builder;
}

PlanStatus status_from_store(const Plan& plan, const PlanIndex& index, const EventStore& store,
                             const StatusScope& scope, bool readiness,
                             const std::vector<std::string>& tasks, const DependencyGraph* graph,
                             bool spending) {
  return status_builder_from_store(plan, index, store, scope, tasks, spending)
      ->finish(readiness, graph);
}

EventStore::SummaryFold summary_fold(const Plan& plan, const PlanIndex& index) {
  return [&plan, &index](std::string_view task, std::optional<std::string_view> previous,
                         const std::vector<EventFact>& events) {
    return fold_summary(plan, index, task, previous, events);
  };
}

}  // namespace plantrack
