#pragma once
/// The progress store: an embedded SQLite database holding the event log.
///
/// One database per plan file, by default beside it (`<plan>.plantrack.db`). WAL mode, a busy
/// timeout, and every append in one transaction: a batch is stored whole or not at all. The schema
/// is versioned (PRAGMA user_version, checked against the tables themselves) and migrated forward
/// without dropping a column; a newer database is refused, and so is one that is not plantrack's
/// (PRAGMA application_id, or its tables). A write first checks the file (PRAGMA quick_check).
/// A store that cannot get its WAL files (a read-only folder) is read as it is. docs/tracking.md.
///
/// Example:
///   plantrack::EventStore store = plantrack::EventStore::open("plan.toml.plantrack.db");
///   store.append("binh-duong-cp-2012-2015", revision, "2014-10-24T08:00:00Z", {event});
///   for (const plantrack::Event& e : store.events("binh-duong-cp-2012-2015")) ...
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plantrack/event.hpp"
#include "plantrack/export.hpp"

namespace plantrack {

/// A store that cannot be used: locked past the timeout, read-only, corrupt, from a newer
/// plantrack, ... `what()` says what happened, `fix()` what to do.
class PLANTRACK_API StoreError : public std::runtime_error {
 public:
  StoreError(const std::string& what, std::string fix);
  ~StoreError() override;
  const std::string& fix() const { return fix_; }

 private:
  std::string fix_;
};

class PLANTRACK_API EventStore {
  struct Impl;

 public:
  /// The schema version this plantrack writes.
  static constexpr int kSchemaVersion = 9;

  enum class Mode { kReadOnly, kReadWrite };

  /// Opens (creating in read-write mode if absent) and migrates the store. A read-only open of a
  /// missing file gives an empty store. Throws StoreError: for a file that is not a plantrack
  /// store (nothing is written to it), is damaged (cut short; in read-write mode, any damage
  /// quick_check finds) or of an unexpected schema.
  static EventStore open(const std::string& path, Mode mode, int busy_timeout_ms = 5000);

  EventStore(EventStore&&) noexcept;
  EventStore& operator=(EventStore&&) noexcept;
  ~EventStore();

  /// Folds a task id's events into its summary (plantrack::fold_summary): (task id, the summary
  /// before, or nullopt to start from nothing, events oldest first) -> the new summary, or nullopt
  /// when the one before cannot be continued (then it is called again with all the id's events).
  using SummaryFold = std::function<std::optional<std::string>(
      std::string_view task, std::optional<std::string_view> previous,
      const std::vector<EventFact>& events)>;

  /// The write lock, held from before the checks that decide what to append until the append is
  /// committed, so that two processes never both pass a check only one of them may pass (two
  /// reverts of one event, two payments that together pass the 64-bit range). Reads made while
  /// it is held see the latest log; append() becomes part of it. Without commit() nothing of it
  /// is kept. Throws StoreError (locked past the busy timeout).
  ///
  ///   EventStore::Transaction lock(store);
  ///   PlanStatus now = status_from_store(...);   // read and check under the lock
  ///   store.append(...);
  ///   lock.commit();
  class PLANTRACK_API Transaction {
   public:
    explicit Transaction(EventStore& store);
    ~Transaction();  ///< rolls back unless committed
    Transaction(Transaction&& other) noexcept : impl_(other.impl_) { other.impl_ = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    void commit();

   private:
    EventStore::Impl* impl_;
  };

  /// Appends the events in one transaction (or as part of the Transaction held, which a failed
  /// append leaves to be rolled back) and returns their ids. With `fold`, the task
  /// summaries are brought up to date in the same transaction (the first time, from the whole
  /// log); without, they are marked out of date. Throws StoreError.
  std::vector<std::int64_t> append(const std::string& plan_id, const std::string& plan_revision,
                                   const std::string& recorded_at,
                                   const std::vector<NewEvent>& events,
                                   const SummaryFold& fold = nullptr);

  /// The plan's task summaries as (task id, bytes) — of `tasks` only when not empty — when they
  /// cover every event; nullopt when they are out of date (scan the events instead). A task id
  /// without events has none. Throws StoreError.
  std::optional<std::vector<std::pair<std::string, std::string>>> summaries(
      const std::string& plan_id, const std::vector<std::string>& tasks = {}) const;

  /// Whether the store holds any event of the plan. Throws StoreError.
  bool holds(const std::string& plan_id) const;

  /// Every event of the plan, oldest first (by id). Throws StoreError.
  std::vector<Event> events(const std::string& plan_id) const;

  /// Streams the plan's events oldest first (tasks interleave), without their free text but for
  /// block reasons, and without revert events (see reverts()). With `tasks` non-empty, only events
  /// of those task ids. One pass over the log: status uses summaries() when it can. With
  /// `known_at` (RFC 3339 UTC, as `recorded_at`), only events recorded at or before it: the log as
  /// the store knew it then (`--known-at`). Throws StoreError.
  void scan(const std::string& plan_id, const std::vector<std::string>& tasks,
            const std::function<void(const EventFact&)>& visit,
            const std::string& known_at = {}) const;

  /// The plan's revert events as (reverted event id, revert event id, effective date).
  struct Revert {
    std::int64_t reverted = 0;
    std::int64_t by = 0;
    Date effective;
  };
  /// With `known_at`, only reverts recorded at or before it (see scan()).
  std::vector<Revert> reverts(const std::string& plan_id, const std::string& known_at = {}) const;

  /// The last event of the plan recorded at or before `known_at` (empty: the last event): its id
  /// and `recorded_at`, what a report names as the state of the log it was made from; nullopt
  /// when there is none. Throws StoreError.
  struct LogPosition {
    std::int64_t id = 0;
    std::string recorded_at;
  };
  std::optional<LogPosition> last_recorded(const std::string& plan_id,
                                           const std::string& known_at = {}) const;

  /// While alive, every read of this store sees the log as it was when the first read ran (one
  /// SQLite read transaction), even if another process appends meanwhile.
  class PLANTRACK_API Snapshot {
   public:
    explicit Snapshot(const EventStore& store);
    ~Snapshot();
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;

   private:
    const EventStore& store_;
    bool open_ = false;
  };

  /// Keys of the notifications already sent for the plan (see alerts.hpp), sorted.
  std::vector<std::string> delivered(const std::string& plan_id) const;
  /// Remembers that these notifications were sent, at `at` (UTC ISO 8601), in one transaction.
  void mark_delivered(const std::string& plan_id, const std::vector<std::string>& keys,
                      const std::string& at);

  /// Per-notifier delivery memory (schema 7), each call one short write transaction, so that each
  /// notification reaches each notifier once even with runs in parallel or killed midway.
  enum class Claim {
    kClaimed,    ///< now "sending" for this run: send it, then settle_delivery()
    kDelivered,  ///< delivered before (or, before schema 7, to every notifier)
    kTaken,      ///< another run is sending it, or one was stopped while sending: not again
  };
  /// Claims the notification `key` for `notifier` (`again`: even if delivered before).
  Claim claim_delivery(const std::string& plan_id, const std::string& notifier,
                       const std::string& key, const std::string& at, bool again = false);
  /// Ends a claim: delivered, or kept as pending with the event (JSON) for the next run.
  void settle_delivery(const std::string& plan_id, const std::string& notifier,
                       const std::string& key, bool delivered, const std::string& event_json,
                       const std::string& at);
  /// A notifier's batch (plantrack/delivery.hpp): claim_delivery for each of `claims`, in order,
  /// in one write transaction (a key claimed earlier in the batch is kTaken the second time).
  struct DeliveryClaim {
    std::string key;
    bool again = false;
  };
  std::vector<Claim> claim_deliveries(const std::string& plan_id, const std::string& notifier,
                                      const std::vector<DeliveryClaim>& claims,
                                      const std::string& at);
  /// settle_delivery for each claimed notification of a batch, all delivered or all kept, in one
  /// write transaction. `event_json` is read only when they are kept.
  struct DeliverySettlement {
    std::string key, event_json;
  };
  void settle_deliveries(const std::string& plan_id, const std::string& notifier,
                         const std::vector<DeliverySettlement>& settlements, bool delivered,
                         const std::string& at);
  struct PendingDelivery {
    std::string key, event_json;
  };
  /// What is kept for `notifier`, oldest first.
  std::vector<PendingDelivery> pending_deliveries(const std::string& plan_id,
                                                  const std::string& notifier) const;
  std::size_t pending_count(const std::string& plan_id, const std::string& notifier) const;

  /// The plan's spend events (reverted ones too, see reverts()), oldest first; with `known_at`,
  /// only those recorded at or before it (see scan()). Throws StoreError.
  std::vector<Event> spending(const std::string& plan_id, const std::string& known_at = {}) const;

  /// What the plan's payments sum to per (task id as paid, source, budget year), counting those
  /// dated on or before `as_of` and not reverted by then: what checking a new payment needs,
  /// without reading each payment (from the sums kept since schema 8, when every payment and
  /// revert is dated on or before `as_of`; else summed from the events). Sums past the 64-bit
  /// range are held at its limit. Throws StoreError.
  struct SpentSum {
    std::string task, source;
    int year = 0;
    std::int64_t amount = 0;
  };
  std::vector<SpentSum> spent_sums(const std::string& plan_id, Date as_of) const;

  /// One event by id, if the plan has it. Throws StoreError.
  std::optional<Event> event(const std::string& plan_id, std::int64_t id) const;

  /// Whether the store holds any event, of any plan. Throws StoreError.
  bool has_events() const;

  const std::string& path() const;

 private:
  explicit EventStore(std::unique_ptr<Impl> impl);
  static void open_to_read(Impl& impl);
  std::unique_ptr<Impl> impl_;
};

/// Where a plan's store lives unless told otherwise: `<plan file>.plantrack.db`.
PLANTRACK_API std::string default_store_path(const std::string& plan_path);

}  // namespace plantrack
