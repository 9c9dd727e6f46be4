// Tracker::append: checks, one transaction, the domain events, one batch to the notifiers.
#include <algorithm>
#include <charconv>
#include <set>
#include <type_traits>

#include "domain_events.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/stored_status.hpp"
#include "tracker_impl.hpp"

namespace plantrack {
namespace {

// Past this many task ids a status of only those tasks costs as much as one of all of them.
constexpr std::size_t kMostNamedTasks = 256;

// The task ids whose events the checks need (with the ids each had before); empty: all.
std::vector<std::string> named_tasks(const Plan& plan, const PlanIndex& index,
                                     const std::vector<Change>& changes) {
  std::set<std::string> ids;
  for (const Change& change : changes) {
    if (std::holds_alternative<RevertInput>(change)) continue;  // reads no status
    std::visit(
        [&](const auto& c) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(c)>, RevertInput>) {
            ids.insert(c.task);
            if (std::optional<std::size_t> t = index.current_task(c.task)) {
              const Task& task = plan.tasks[*t];
              ids.insert(task.id);
              ids.insert(task.renamed_from.begin(), task.renamed_from.end());
            }
          }
        },
        change);
    if (ids.size() > kMostNamedTasks) return {};
  }
  if (ids.empty()) ids.insert(std::string());  // reverts only: no task's events are needed
  return {ids.begin(), ids.end()};
}

// A revert of event `text` ("42" or "#42"), checked against the store.
std::optional<NewEvent> revert_event(const EventStore& store, const std::string& plan_id,
                                     const std::string& plan_path, bool day_first,
                                     const RevertInput& in, Date today, DiagnosticSink& sink) {
  std::string text = in.event.rfind('#', 0) == 0 ? in.event.substr(1) : in.event;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  std::optional<Event> target;
  if (ec == std::errc() && end == text.data() + text.size()) target = store.event(plan_id, id);
  std::size_t errors = sink.error_count();
  check_utf8({{"--reason", in.reason, {}}}, sink);
  if (!target) {
    sink.error("unknown-event", {}, tr("no event #{event} in this plan's store", {{"event", text}}))
        .fix = tr("run 'plantrack history {plan}' to see the event ids", {{"plan", plan_path}});
  } else if (target->kind == EventKind::kRevert) {
    sink.error("bad-revert", {}, tr("event #{event} is itself a revert", {{"event", text}})).fix =
        tr("record the original again instead");
  } else {
    for (const EventStore::Revert& r : store.reverts(plan_id)) {
      if (r.reverted != id) continue;
      sink.error(
              "bad-revert", {},
              tr("event #{event} was already reverted by #{by}", {{"event", text}, {"by", r.by}}))
          .fix = tr("nothing to do");
    }
  }
  std::optional<Date> effective;
  if (target) {
    effective = in.date.empty() ? std::optional<Date>(target->effective)
                                : effective_date(in.date, {}, today, day_first, sink);
    if (effective && *effective < target->effective) {
      sink.error("revert-before-event", {},
                 tr("a correction dated {date} is before the event it corrects (#{event}, dated "
                    "{event_date})",
                    {{"date", effective->to_string()},
                     {"event", text},
                     {"event_date", target->effective.to_string()}}))
          .fix =
          tr("date it on or after {event_date}, or leave out --date (the correction then "
             "takes effect on the event's own date)",
             {{"event_date", target->effective.to_string()}});
    }
  }
  if (sink.error_count() > errors) return std::nullopt;
  NewEvent revert;
  revert.task = target->task;
  revert.kind = EventKind::kRevert;
  revert.reverts = id;
  revert.effective = *effective;
  revert.actor = login_name();
  revert.note = in.reason;
  return revert;
}

bool is_payment(const Change& change) {
  if (std::holds_alternative<SpendInput>(change)) return true;
  const auto* row = std::get_if<RecordInput>(&change);
  return row && row->is_payment();
}

// What the plan's payments sum to, as one Spending per (task, source, year): all the Recorder's
// payment checks read of them (the sums per source, per budget line, and in all).
void add_spent_sums(const Plan& plan, const PlanIndex& index, const EventStore& store,
                    PlanStatus& status) {
  // A year plan counts the money of its year (as StatusBuilder::finish does).
  std::optional<int> only_year;
  if (plan.info.is_year_plan() && plan.info.period_start == plan.info.period_end) {
    only_year = plan.info.period_start;
  }
  for (EventStore::SpentSum& sum : store.spent_sums(plan.info.id, status.as_of)) {
    if (only_year && sum.year != *only_year) continue;
    Spending s;
    std::optional<std::size_t> task = index.current_task(sum.task);
    s.task = task ? plan.tasks[*task].id : std::move(sum.task);
    s.source = std::move(sum.source);
    s.year = sum.year;
    s.amount = sum.amount;
    status.spending.push_back(std::move(s));
  }
}

EventFact fact_of(const Event& e) {
  return EventFact{e.id, e.task, e.kind, e.quantity, e.year, e.effective, e.reverts, e.note};
}

}  // namespace

ExitCode AppendResult::exit_code() const {
  if (refused || (error && error->wrote_nothing)) return ExitCode::kInvalidInput;
  if (error || !delivery.failures.empty()) return ExitCode::kPluginFailed;
  return ExitCode::kOk;
}

AppendResult Tracker::append(const std::vector<Change>& changes, DiagnosticSink& sink,
                             const std::function<void(const std::vector<Event>&)>& appended) {
  Impl& m = *impl_;
  const Plan& plan = m.loaded.plan;
  AppendResult result;
  // The checks and the append are one transaction: two processes never both pass a check only
  // one of them may pass (two reverts of one event).
  std::optional<EventStore::Transaction> lock;
  try {
    lock.emplace(*m.store);
  } catch (const StoreError& e) {
    discard_new_store();
    result.error = store_error(e, true);
    return result;
  }
  bool notify = m.plugins && m.plugins->notifier_count() > 0;
  // One derivation before the append: with readiness when notifiers need the domain events (the
  // builder is kept to derive the status after it in memory), else of the named tasks only.
  std::unique_ptr<StatusBuilder> builder;
  PlanStatus before;
  if (notify) {
    builder = status_builder_from_store(plan, *m.index, *m.store, m.as_of);
    before = builder->finish(true, &m.dependency_graph());
  } else {  // without the payments: checking a new one needs only their sums
    before = status_from_store(plan, *m.index, *m.store, m.as_of, false,
                               named_tasks(plan, *m.index, changes), nullptr, false);
    if (std::any_of(changes.begin(), changes.end(), is_payment)) {
      add_spent_sums(plan, *m.index, *m.store, before);
    }
  }
  Date today = m.clock->today();
  std::optional<Recorder> recorder;
  if (notify) {
    recorder.emplace(plan, *m.index, before, today);  // `before` is needed again after
  } else {
    recorder.emplace(plan, *m.index, std::move(before), today);
  }
  std::vector<NewEvent> events;
  events.reserve(changes.size());
  bool reverts = false;
  for (const Change& change : changes) {
    std::optional<NewEvent> event;
    if (const auto* r = std::get_if<RecordInput>(&change)) {
      event = r->is_payment() ? recorder->spend(spend_input(*r), sink) : recorder->record(*r, sink);
    } else if (const auto* s = std::get_if<SpendInput>(&change)) {
      event = recorder->spend(*s, sink);
    } else if (const auto* l = std::get_if<LifecycleInput>(&change)) {
      event = recorder->lifecycle(l->task, l->kind, l->reason, sink);
    } else if (const auto* v = std::get_if<RevertInput>(&change)) {
      event = revert_event(*m.store, plan.info.id, m.plan_path, writes_day_first(plan.info), *v,
                           today, sink);
      reverts = true;
    }
    if (event) events.push_back(std::move(*event));
  }
  if (sink.error_count() > 0 || events.empty()) {
    lock.reset();  // rolls back
    discard_new_store();
    result.refused = sink.error_count() > 0;
    return result;
  }
  std::vector<std::int64_t> ids;
  try {
    ids = m.store->append(plan.info.id, m.revision, m.clock->now_utc(), events,
                          summary_fold(plan, *m.index));
    lock->commit();
  } catch (const StoreError& e) {
    lock.reset();
    discard_new_store();
    result.error = store_error(e, true);
    return result;
  }
  lock.reset();
  result.appended.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {  // built in place: 100k rows of an import
    Event& stored = result.appended.emplace_back();
    static_cast<NewEvent&>(stored) = std::move(events[i]);
    stored.id = ids[i];
    stored.plan_id = plan.info.id;
    stored.plan_revision = m.revision;
  }
  if (appended) appended(result.appended);
  if (!notify) return result;
  // The status after the append, in memory: the one before plus what was appended (a revert
  // cannot be taken back out of a task's tally: then the store is read again).
  PlanStatus after;
  if (reverts) {
    after = status_from_store(plan, *m.index, *m.store, m.as_of, true, {}, &m.dependency_graph());
  } else {
    for (const Event& e : result.appended) {
      builder->add(fact_of(e));
      if (e.kind == EventKind::kSpend) builder->add_spending(e);
    }
    after = builder->finish(true, &m.dependency_graph());
  }
  result.events = domain_events(plan, result.appended, before, after);
  // Remembered per notifier, so that 'plantrack check' does not send "stage completed" again.
  try {
    result.delivery = deliver(*m.plugins, *m.store, plan.info.id, result.events,
                              sdk::View{plan, &after}, m.clock->now_utc());
  } catch (const StoreError& e) {
    result.error = store_error(e, false);
  }
  return result;
}

}  // namespace plantrack
