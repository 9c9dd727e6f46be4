#include "spent_sums.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "plantrack/i18n.hpp"
#include "sqlite_support.hpp"

namespace plantrack::store {

// `payments` counts the payments of a row not reverted: a row whose payments are all reverted is
// no sum at all (as for a GROUP BY over the payments left). `latest` is the latest effective date
// of a payment or of a revert of one folded in; `exact` turns 0 for good once a sum passes the
// 64-bit range (SQLite's sum() refuses it: those sums are then held at the limit, payment by
// payment, from the events).
const char* const kSpentSumsTables = R"sql(
CREATE TABLE IF NOT EXISTS spent_sums (
  plan_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  source TEXT NOT NULL,
  year INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  payments INTEGER NOT NULL,
  PRIMARY KEY (plan_id, task_id, source, year)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS spent_sums_state (
  plan_id TEXT PRIMARY KEY,
  latest TEXT NOT NULL,
  exact INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// A payment as the sums key it: the task id as paid, its source, its budget year.
struct SpentSumsWriter::Payment {
  std::string task, source;
  int year = 0;
  std::int64_t amount = 0;
  std::string effective;
};

SpentSumsWriter::SpentSumsWriter(sqlite3* db, const std::string& path)
    : db_(db),
      path_(path),
      read_(db,
            "SELECT amount FROM spent_sums WHERE plan_id = ?1 AND task_id = ?2 AND source = ?3 "
            "AND year = ?4"),
      put_(db,
           "INSERT INTO spent_sums (plan_id, task_id, source, year, amount, payments) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (plan_id, task_id, source, year) "
           "DO UPDATE SET amount = excluded.amount, payments = payments + excluded.payments"),
      state_(db,
             "INSERT INTO spent_sums_state (plan_id, latest, exact) VALUES (?1, ?2, ?3) "
             "ON CONFLICT (plan_id) DO UPDATE SET latest = MAX(latest, excluded.latest), "
             "exact = exact AND excluded.exact"),
      target_(db,
              "SELECT task_id, COALESCE(source, ''), COALESCE(year, CAST(substr(effective_date, "
              "1, 4) AS INTEGER)), COALESCE(amount, 0), effective_date, EXISTS (SELECT 1 FROM "
              "events WHERE plan_id = ?1 AND reverts = ?2 AND id < ?3) "
              "FROM events WHERE id = ?2 AND plan_id = ?1 AND kind = 'spend'") {}

void SpentSumsWriter::step(sqlite3_stmt* s) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) fail(db_, path_, rc, tr("updating the payment sums"));
}

// Kept in memory until flush(): a batch of payments writes each row it touches once.
void SpentSumsWriter::add(const std::string& plan_id, const Payment& payment, int sign,
                          const std::string& dated) {
  Delta& d = deltas_[{plan_id, payment.task, payment.source, payment.year}];
  // A negative amount (none is recorded today) would let SQLite's running sum pass the range
  // where the end sum does not: such a plan's sums are read from the events.
  bool exact = payment.amount >= 0 &&
               (sign > 0 ? !__builtin_add_overflow(d.amount, payment.amount, &d.amount)
                         : !__builtin_sub_overflow(d.amount, payment.amount, &d.amount));
  d.payments += sign;
  PlanState& plan = plans_.try_emplace(plan_id, PlanState{dated, true}).first->second;
  plan.latest = std::max(plan.latest, dated);
  plan.exact = plan.exact && exact;
}

void SpentSumsWriter::flush() {
  for (const auto& [key, d] : deltas_) {
    const auto& [plan_id, task, source, year] = key;
    sqlite3_stmt* r = read_.get();
    sqlite3_bind_text(r, 1, plan_id.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 2, task.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 3, source.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int(r, 4, year);
    int rc = sqlite3_step(r);
    std::int64_t sum = rc == SQLITE_ROW ? sqlite3_column_int64(r, 0) : 0;
    sqlite3_reset(r);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(db_, path_, rc, tr("reading the payment sums"));
    if (__builtin_add_overflow(sum, d.amount, &sum)) plans_[plan_id].exact = false;
    sqlite3_stmt* p = put_.get();
    sqlite3_bind_text(p, 1, plan_id.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(p, 2, task.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(p, 3, source.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int(p, 4, year);
    sqlite3_bind_int64(p, 5, sum);
    sqlite3_bind_int(p, 6, d.payments);
    step(p);
  }
  for (const auto& [plan_id, plan] : plans_) {
    sqlite3_stmt* s = state_.get();
    sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, plan.latest.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 3, plan.exact ? 1 : 0);
    step(s);
  }
  deltas_.clear();
  plans_.clear();
}

std::optional<SpentSumsWriter::Payment> SpentSumsWriter::reverted(const std::string& plan_id,
                                                                  std::int64_t id,
                                                                  std::int64_t by) {
  sqlite3_stmt* q = target_.get();
  sqlite3_bind_text(q, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_int64(q, 2, id);
  sqlite3_bind_int64(q, 3, by);
  int rc = sqlite3_step(q);
  std::optional<Payment> out;
  if (rc == SQLITE_ROW && sqlite3_column_int(q, 5) == 0) {  // not taken out by an earlier revert
    out = Payment{std::string(column_view(q, 0)), std::string(column_view(q, 1)),
                  sqlite3_column_int(q, 2), sqlite3_column_int64(q, 3),
                  std::string(column_view(q, 4))};
  }
  sqlite3_reset(q);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(db_, path_, rc, tr("reading a reverted payment"));
  return out;
}

// A second revert of a payment, or a revert of another event, changes no sum; nor the latest
// date: a payment is left out once a revert dated on or before the as-of date names it, and the
// first revert's date is already in `latest`.
void SpentSumsWriter::fold(const std::string& plan_id, std::int64_t id, EventKind kind,
                           std::optional<std::int64_t> reverts, const Payment& payment) {
  if (kind == EventKind::kSpend) {
    add(plan_id, payment, 1, payment.effective);
  } else if (reverts) {
    if (std::optional<Payment> target = reverted(plan_id, *reverts, id)) {
      add(plan_id, *target, -1, std::max(payment.effective, target->effective));
    }
  }
}

void SpentSumsWriter::fold(const std::string& plan_id, std::int64_t id, const NewEvent& e) {
  if (!folds(e)) return;
  fold(plan_id, id, e.kind, e.reverts,
       Payment{e.task, e.source, e.year.value_or(e.effective.year()), e.amount.value_or(0),
               e.effective.to_string()});
}

// Payments first, then reverts, each through its own partial index (not a pass over the whole log:
// measured, a third of the first write to a 1M-event store): a sum does not depend on the order
// it is folded in, and which revert of a payment counts is decided by id (reverted()).
void SpentSumsWriter::build(sqlite3* db, const std::string& path) {
  exec(db, path, "DELETE FROM spent_sums; DELETE FROM spent_sums_state",
       tr("building the payment sums"));
  SpentSumsWriter writer(db, path);
  for (const char* from :
       {"INDEXED BY events_spend WHERE kind = 'spend'",
        "INDEXED BY events_reverts WHERE reverts IS NOT NULL AND kind != 'spend'"}) {
    Statement q(db,
                (std::string("SELECT id, plan_id, kind, reverts, task_id, COALESCE(source, ''), "
                             "COALESCE(year, CAST(substr(effective_date, 1, 4) AS INTEGER)), "
                             "COALESCE(amount, 0), effective_date FROM events ") +
                 from)
                    .c_str());
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
      sqlite3_stmt* s = q.get();
      std::optional<std::int64_t> reverts;
      if (sqlite3_column_type(s, 3) != SQLITE_NULL) reverts = sqlite3_column_int64(s, 3);
      EventKind kind = event_kind_from(column_view(s, 2)).value_or(EventKind::kNote);
      Payment p{std::string(column_view(s, 4)), std::string(column_view(s, 5)),
                sqlite3_column_int(s, 6), sqlite3_column_int64(s, 7),
                std::string(column_view(s, 8))};  // the date as stored, as the sums compare it
      writer.fold(std::string(column_view(s, 1)), sqlite3_column_int64(s, 0), kind, reverts, p);
    }
    if (rc != SQLITE_DONE) fail(db, path, rc, tr("building the payment sums"));
  }
  writer.flush();
}

std::optional<std::vector<EventStore::SpentSum>> read_spent_sums(sqlite3* db,
                                                                 const std::string& path,
                                                                 const std::string& plan_id,
                                                                 Date as_of) {
  std::vector<EventStore::SpentSum> out;
  Statement state(db, "SELECT latest, exact FROM spent_sums_state WHERE plan_id = ?1");
  sqlite3_bind_text(state.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
  int rc = sqlite3_step(state.get());
  if (rc == SQLITE_DONE) return out;  // no payment was ever recorded for the plan
  if (rc != SQLITE_ROW) fail(db, path, rc, tr("reading the payment sums"));
  std::string date = as_of.to_string();
  if (column_view(state.get(), 0) > std::string_view(date)) return std::nullopt;
  if (sqlite3_column_int(state.get(), 1) == 0) return std::nullopt;
  // In the order of a GROUP BY over the same keys (the table's key).
  Statement q(db,
              "SELECT task_id, source, year, amount FROM spent_sums WHERE plan_id = ?1 AND "
              "payments > 0 ORDER BY task_id, source, year");
  sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    out.push_back({column_text(q.get(), 0), column_text(q.get(), 1), sqlite3_column_int(q.get(), 2),
                   sqlite3_column_int64(q.get(), 3)});
  }
  if (rc != SQLITE_DONE) fail(db, path, rc, tr("reading the payment sums"));
  return out;
}

}  // namespace plantrack::store
