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

// One notifier's run: what is kept for it first, then the new events, skipping what it had.
struct NotifierRun {
  PluginHost& host;
  EventStore& store;
  const std::string& plan_id;
  const sdk::View& view;
  const std::string& at;
  std::size_t index;
  std::string name;
  DeliveryResult& result;
  bool down = false;  // failed once in this run: keep the rest untried
  std::optional<PluginFailure> first_failure;

  void send(const sdk::Event& e, bool again) {
    EventStore::Claim claim = store.claim_delivery(plan_id, name, e.key, at, again);
    if (claim != EventStore::Claim::kClaimed) {
      ++result.before;
      return;
    }
    if (down) {
      store.settle_delivery(plan_id, name, e.key, false, to_json(e), at);
      return;
    }
    sdk::Outcome outcome = host.notify_one(index, e, view);
    store.settle_delivery(plan_id, name, e.key, outcome.ok, to_json(e), at);
    if (outcome.ok) {
      ++result.sent;
      return;
    }
    down = true;
    first_failure = PluginFailure{name, e.key, outcome.error};
  }
};

}  // namespace

DeliveryResult deliver(PluginHost& host, EventStore& store, const std::string& plan_id,
                       const std::vector<sdk::Event>& events, const sdk::View& view,
                       const std::string& at, bool again) {
  DeliveryResult result;
  std::vector<std::string> names = host.notifiers();
  for (std::size_t i = 0; i < names.size(); ++i) {
    NotifierRun run{host, store, plan_id, view, at, i, names[i], result, false, std::nullopt};
    for (const EventStore::PendingDelivery& kept : store.pending_deliveries(plan_id, names[i])) {
      std::optional<sdk::Event> e = event_from_json(kept.event_json);
      if (e) run.send(*e, false);
    }
    for (const sdk::Event& e : events) run.send(e, again);
    if (run.first_failure) {
      result.failures.push_back(
          DeliveryResult::Failure{*run.first_failure, store.pending_count(plan_id, names[i])});
    }
  }
  return result;
}

}  // namespace plantrack
