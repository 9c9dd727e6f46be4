#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "../temp_db.hpp"
#include "../test_plans.hpp"
#include "plantrack/delivery.hpp"
#include "plantrack/store.hpp"

using namespace plantrack;
using plantrack::test::TempDb;

namespace {
constexpr const char* kAt = "2014-10-24T09:00:00Z";

sdk::Event event(const std::string& key) {
  sdk::Event e;
  e.type = sdk::EventType::kProgressRecorded;
  e.plan_id = "p";
  e.as_of = Date{2014, 10, 24};
  e.key = key;
  return e;
}
}  // namespace

TEST_CASE("a delivery sends one batch per notifier; a failing batch is kept whole, reported once",
          "[delivery]") {
  TempDb db;
  std::filesystem::path out = db.path.string() + ".events";
  LoadResult r = test::load(test::task("posters", "awareness", 10) +
                            "\n[[plugin]]\nname = \"tally\"\n[plugin.settings]\nfile = \"" +
                            out.string() + "\"\n\n[[plugin]]\nname = \"thrower\"\n");
  REQUIRE(r.ok());
  PluginHost host({PLANTRACK_FIXTURE_DIR});
  DiagnosticSink sink("t.toml");
  REQUIRE(host.load_plan_plugins(r.plan, "t.toml", sink));
  EventStore s = EventStore::open(db.path.string(), EventStore::Mode::kReadWrite, 1000);
  sdk::View view{r.plan, nullptr};
  std::vector<sdk::Event> events;
  for (int i = 1; i <= 200; ++i) events.push_back(event("progress-recorded/" + std::to_string(i)));
  DeliveryResult first = deliver(host, s, "p", events, view, kAt);
  CHECK(first.sent == 200);  // tally's
  REQUIRE(first.failures.size() == 1);
  CHECK(first.failures[0].failure.plugin == "thrower");
  CHECK(first.failures[0].failure.event_key == "progress-recorded/1 (and 199 more)");
  CHECK(first.failures[0].kept == 200);
  CHECK(s.pending_count("p", "tally") == 0);
  // The next run: tally has had them all; thrower gets its kept 200 first, in one batch again.
  DeliveryResult second = deliver(host, s, "p", {event("progress-recorded/201")}, view, kAt);
  CHECK(second.sent == 1);
  CHECK(second.before == 0);
  REQUIRE(second.failures.size() == 1);
  CHECK(second.failures[0].failure.event_key == "progress-recorded/1 (and 200 more)");
  CHECK(second.failures[0].kept == 201);
  std::filesystem::remove(out);
}

TEST_CASE("a notification is claimed once per notifier, even by two connections", "[delivery]") {
  TempDb db;
  EventStore a = EventStore::open(db.path.string(), EventStore::Mode::kReadWrite, 1000);
  EventStore b = EventStore::open(db.path.string(), EventStore::Mode::kReadWrite, 1000);
  using Claim = EventStore::Claim;
  CHECK(a.claim_delivery("p", "webhook", "k1", kAt) == Claim::kClaimed);
  // Another run (or one killed while sending) does not send it again.
  CHECK(b.claim_delivery("p", "webhook", "k1", kAt) == Claim::kTaken);
  // Another notifier has its own memory.
  CHECK(b.claim_delivery("p", "outbox", "k1", kAt) == Claim::kClaimed);
  a.settle_delivery("p", "webhook", "k1", true, "", kAt);
  CHECK(b.claim_delivery("p", "webhook", "k1", kAt) == Claim::kDelivered);
  CHECK(b.claim_delivery("p", "webhook", "k1", kAt, true) == Claim::kClaimed);  // --resend
}

TEST_CASE("a failed delivery is kept once, oldest first, until delivered", "[delivery]") {
  TempDb db;
  EventStore s = EventStore::open(db.path.string(), EventStore::Mode::kReadWrite, 1000);
  for (const char* key : {"k2", "k1"}) {
    REQUIRE(s.claim_delivery("p", "webhook", key, kAt) == EventStore::Claim::kClaimed);
    s.settle_delivery("p", "webhook", key, false, std::string("{\"key\":\"") + key + "\"}", kAt);
  }
  // Failing again keeps one copy, in its place.
  REQUIRE(s.claim_delivery("p", "webhook", "k2", kAt) == EventStore::Claim::kClaimed);
  s.settle_delivery("p", "webhook", "k2", false, "{\"key\":\"k2\"}", kAt);
  std::vector<EventStore::PendingDelivery> kept = s.pending_deliveries("p", "webhook");
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].key == "k2");
  CHECK(kept[1].key == "k1");
  CHECK(s.pending_deliveries("p", "outbox").empty());
  REQUIRE(s.claim_delivery("p", "webhook", "k2", kAt) == EventStore::Claim::kClaimed);
  s.settle_delivery("p", "webhook", "k2", true, "", kAt);
  CHECK(s.pending_count("p", "webhook") == 1);
}

TEST_CASE("a notifier's batch is claimed and settled as one, in order", "[delivery]") {
  TempDb db;
  EventStore s = EventStore::open(db.path.string(), EventStore::Mode::kReadWrite, 1000);
  using Claim = EventStore::Claim;
  s.settle_delivery("p", "webhook", "k0", true, "", kAt);  // delivered by an earlier run
  // A key twice in one batch is claimed once; what was delivered is not claimed unless `again`.
  std::vector<Claim> got =
      s.claim_deliveries("p", "webhook", {{"k2"}, {"k1"}, {"k2"}, {"k0"}, {"k0", true}}, kAt);
  CHECK(got == std::vector<Claim>{Claim::kClaimed, Claim::kClaimed, Claim::kTaken,
                                  Claim::kDelivered, Claim::kClaimed});
  CHECK(s.claim_deliveries("p", "webhook", {}, kAt).empty());
  // Kept all together, in the batch's order, with their events; then delivered all together.
  s.settle_deliveries("p", "webhook", {{"k2", "{\"key\":\"k2\"}"}, {"k1", "{\"key\":\"k1\"}"}},
                      false, kAt);
  std::vector<EventStore::PendingDelivery> kept = s.pending_deliveries("p", "webhook");
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].key == "k2");
  CHECK(kept[0].event_json == "{\"key\":\"k2\"}");
  CHECK(kept[1].key == "k1");
  s.settle_deliveries("p", "webhook", {{"k2", ""}, {"k1", ""}}, true, kAt);
  CHECK(s.pending_count("p", "webhook") == 0);
  CHECK(s.claim_delivery("p", "webhook", "k1", kAt) == Claim::kDelivered);
}

TEST_CASE("what was remembered before per-notifier memory counts for every notifier",
          "[delivery]") {
  TempDb db;
  EventStore s = EventStore::open(db.path.string(), EventStore::Mode::kReadWrite, 1000);
  s.mark_delivered("p", {"stage-completed/a"}, kAt);
  CHECK(s.claim_delivery("p", "webhook", "stage-completed/a", kAt) ==
        EventStore::Claim::kDelivered);
}

TEST_CASE("an event survives the store as JSON", "[delivery]") {
  sdk::Event e;
  e.type = sdk::EventType::kTaskOverdue;
  e.plan_id = "binh-duong";
  e.task = "posters";
  e.stage = "awareness";
  e.as_of = Date{2014, 10, 24};
  e.key = "task-overdue/posters";
  e.message = "posters is overdue: Tờ rơi";
  e.quantity = 5;
  std::optional<sdk::Event> back = event_from_json(to_json(e));
  REQUIRE(back);
  CHECK(back->type == e.type);
  CHECK(back->task == e.task);
  CHECK(back->stage == e.stage);
  CHECK(back->as_of.to_string() == "2014-10-24");
  CHECK(back->key == e.key);
  CHECK(back->message == e.message);
  CHECK(back->quantity == 5);
  CHECK_FALSE(back->event_id);
  CHECK_FALSE(event_from_json("{\"type\": 99}"));
  CHECK_FALSE(event_from_json("not json"));
}
