#include "plantrack/delivery.hpp"

#include <nlohmann/json.hpp>

namespace plantrack {

std::string to_json(const sdk::Event& e) {
  nlohmann::json j = {{"type", static_cast<std::uint32_t>(e.type)},
                      {"plan", e.plan_id},
                      {"task", e.task},
                      {"stage", e.stage},
                      {"as_of", e.as_of.to_string()},
                      {"key", e.key},
                      {"message", e.message}};
  if (e.quantity) j["quantity"] = *e.quantity;
  if (e.event_id) j["event"] = *e.event_id;
  return j.dump();
}

std::optional<sdk::Event> event_from_json(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    sdk::Event e;
    auto type = j.at("type").get<std::uint32_t>();
    if (type > static_cast<std::uint32_t>(sdk::EventType::kReportDue)) return std::nullopt;
    e.type = static_cast<sdk::EventType>(type);
    e.plan_id = j.at("plan").get<std::string>();
    e.task = j.at("task").get<std::string>();
    e.stage = j.at("stage").get<std::string>();
    std::optional<Date> as_of = parse_date(j.at("as_of").get<std::string>());
    if (!as_of) return std::nullopt;
    e.as_of = *as_of;
    e.key = j.at("key").get<std::string>();
    e.message = j.at("message").get<std::string>();
    if (j.contains("quantity")) e.quantity = j["quantity"].get<std::int64_t>();
    if (j.contains("event")) e.event_id = j["event"].get<std::int64_t>();
    return e;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

namespace {

// One notifier's share of a delivery: what is kept for it first, then the new events, claimed in
// the store in one transaction (so no other run sends them too), then sent in one batch and
// settled in one transaction: two short write transactions per notifier, whatever the number of
// events.
struct NotifierBatch {
  EventStore& store;
  const std::string& plan_id;
  const std::string& name;
  const std::string& at;
  DeliveryResult& result;
  std::vector<sdk::Event> wanted;                 // to claim, in order
  std::vector<EventStore::DeliveryClaim> claims;  // one per wanted event
  std::vector<sdk::Event> events;                 // claimed by this run

  void want(const sdk::Event& e, bool again) {
    wanted.push_back(e);
    claims.push_back({e.key, again});
  }

  void claim() {
    std::vector<EventStore::Claim> got = store.claim_deliveries(plan_id, name, claims, at);
    for (std::size_t i = 0; i < got.size(); ++i) {
      if (got[i] == EventStore::Claim::kClaimed) {
        events.push_back(std::move(wanted[i]));
      } else {
        ++result.before;
      }
    }
  }

  // Every claimed event is settled: all delivered, or all kept for the next run.
  void send(PluginHost& host, std::size_t index, const sdk::View& view) {
    if (events.empty()) return;
    sdk::Outcome outcome = host.notify_one(index, events, view);
    std::vector<EventStore::DeliverySettlement> settled;
    settled.reserve(events.size());
    for (const sdk::Event& e : events) {
      settled.push_back({e.key, outcome.ok ? std::string() : to_json(e)});
    }
    store.settle_deliveries(plan_id, name, settled, outcome.ok, at);
    if (outcome.ok) {
      result.sent += events.size();
      return;
    }
    result.failures.push_back(DeliveryResult::Failure{
        PluginFailure{name, batch_key(events), outcome.error}, store.pending_count(plan_id, name)});
  }
};

}  // namespace

DeliveryResult deliver(PluginHost& host, EventStore& store, const std::string& plan_id,
                       const std::vector<sdk::Event>& events, const sdk::View& view,
                       const std::string& at, bool again) {
  DeliveryResult result;
  std::vector<std::string> names = host.notifiers();
  for (std::size_t i = 0; i < names.size(); ++i) {
    NotifierBatch batch{store, plan_id, names[i], at, result, {}, {}, {}};
    for (const EventStore::PendingDelivery& kept : store.pending_deliveries(plan_id, names[i])) {
      std::optional<sdk::Event> e = event_from_json(kept.event_json);
      if (e) batch.want(*e, false);
    }
    for (const sdk::Event& e : events) batch.want(e, again);
    batch.claim();
    batch.send(host, i, view);
  }
  return result;
}

}  // namespace plantrack
