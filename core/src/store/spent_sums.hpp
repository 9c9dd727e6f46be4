#pragma once
// What each plan's payments sum to, kept beside the log (schema 8) so that checking a new payment
// reads one row per (task, source, year) instead of every payment. Derived data, like the task
// summaries: maintained in the transaction of each append, built from the log by the migration,
// never the truth (a question the table cannot answer goes to the events). Internal to the store.
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "plantrack/event.hpp"
#include "plantrack/store.hpp"
#include "sqlite_support.hpp"

namespace plantrack::store {

/// The tables (part of the schema-8 migration, schema.cpp).
extern const char* const kSpentSumsTables;

/// Folds events just inserted into the sums (inside the append's transaction): a payment adds to
/// its (task, source, year), a revert of a payment takes it out again (once, however many reverts
/// name it). Other events change nothing. Its statements are prepared once, for a whole batch.
class SpentSumsWriter {
 public:
  SpentSumsWriter(sqlite3* db, const std::string& path);
  /// Throws StoreError.
  void fold(const std::string& plan_id, std::int64_t id, const NewEvent& event);
  /// Writes what was folded (once per row touched). Throws StoreError.
  void flush();
  /// Whether fold() has anything to do with `event`.
  static bool folds(const NewEvent& event) {
    return event.kind == EventKind::kSpend || event.reverts.has_value();
  }
  /// Builds the sums of every plan from the log, in log order (the migration to schema 8).
  static void build(sqlite3* db, const std::string& path);

 private:
  struct Payment;
  void fold(const std::string& plan_id, std::int64_t id, EventKind kind,
            std::optional<std::int64_t> reverts, const Payment& payment);
  void add(const std::string& plan_id, const Payment& payment, int sign, const std::string& dated);
  std::optional<Payment> reverted(const std::string& plan_id, std::int64_t id, std::int64_t by);
  void step(sqlite3_stmt* s);
  struct Delta {
    std::int64_t amount = 0;
    int payments = 0;
  };
  struct PlanState {
    std::string latest;  // the latest date folded
    bool exact = true;
  };
  std::map<std::tuple<std::string, std::string, std::string, int>, Delta> deltas_;
  std::map<std::string, PlanState> plans_;
  sqlite3* db_;
  std::string path_;
  Statement read_, put_, state_, target_;
};

/// The sums as EventStore::spent_sums gives them, when the table can answer for `as_of`: every
/// payment and revert folded in is dated on or before it, and no sum passed the 64-bit range.
/// nullopt otherwise (then sum the events). Throws StoreError.
std::optional<std::vector<EventStore::SpentSum>> read_spent_sums(sqlite3* db,
                                                                 const std::string& path,
                                                                 const std::string& plan_id,
                                                                 Date as_of);

}  // namespace plantrack::store
