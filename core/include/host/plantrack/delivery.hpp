#pragma once
/// Delivering events to the plan's notifiers, each notification once per notifier, in one batch
/// per notifier per call.
///
/// The store remembers, per notifier and event key, what was delivered, what failed (kept, with
/// the event, for the next run) and what a run is sending. A run claims every event for a notifier
/// first (what is kept for it, oldest first, then the new ones) in one short write transaction,
/// then sends the claimed ones in one call (a webhook POST, an e-mail), then settles them all in a
/// second one: two transactions per notifier per call, however many events. So a run killed
/// midway does not send again what it claimed, two runs at once do not both send a notification,
/// one failing notifier does not make the others receive an event again, and what failed is kept
/// once, not once per run: a failing batch keeps all of its events, sent first by the next run,
/// and is one failure in the result.
///
/// Example:
///   plantrack::DeliveryResult r = plantrack::deliver(host, store, plan.info.id, events, view,
///                                                    now_utc());
///   for (const auto& f : r.failures) std::cerr << f.plugin << ": " << f.message << "\n";
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plugin_host.hpp"
#include "plantrack/store.hpp"

namespace plantrack {

/// What a delivery run did, counted in notifications (one event to one notifier).
struct DeliveryResult {
  std::size_t sent = 0;    ///< delivered by this run (kept ones from earlier runs included)
  std::size_t before = 0;  ///< delivered earlier, or being delivered by another run
  /// One per notifier whose batch failed (its event_key names the batch, see batch_key()), and
  /// how many of its notifications are kept for the next run (`kept`, read back from the store).
  struct Failure {
    PluginFailure failure;
    std::size_t kept = 0;
  };
  std::vector<Failure> failures;
  /// How many notifications the failed notifiers keep for the next run.
  std::size_t kept() const {
    std::size_t n = 0;
    for (const Failure& f : failures) n += f.kept;
    return n;
  }
};

/// Sends `events` to every loaded notifier that has not had them, after what is kept for it, as
/// one batch per notifier (no call for a notifier with nothing to send).
/// `again`: send even what was delivered before (`check --resend`). `at`: UTC ISO 8601, stored.
/// Throws StoreError when the store cannot be written.
PLANTRACK_API DeliveryResult deliver(PluginHost& host, EventStore& store,
                                     const std::string& plan_id,
                                     const std::vector<sdk::Event>& events, const sdk::View& view,
                                     const std::string& at, bool again = false);

/// An event as one line of JSON and back (what the store keeps for a failed delivery).
PLANTRACK_API std::string to_json(const sdk::Event& event);
PLANTRACK_API std::optional<sdk::Event> event_from_json(const std::string& text);

}  // namespace plantrack
