// The SQLite event log: the only file that includes sqlite3.h.
#include <sqlite3.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <unordered_map>

#include "plantrack/status.hpp"
#include "plantrack/store.hpp"

namespace plantrack {

StoreError::StoreError(const std::string& what, std::string fix)
    : std::runtime_error(what), fix_(std::move(fix)) {}
StoreError::~StoreError() = default;

namespace {

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('progress', 'start', 'complete', 'block', 'unblock', 'cancel',
                                     'reopen', 'note', 'revert')),
  quantity INTEGER,
  year INTEGER,
  effective_date TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  plan_revision TEXT NOT NULL,
  reverts INTEGER REFERENCES events (id)
);
CREATE INDEX IF NOT EXISTS events_by_plan ON events (plan_id, id);
CREATE TRIGGER IF NOT EXISTS events_are_never_updated BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;
CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;
PRAGMA user_version = 1;
)sql";

// Version 2: recording one task reads only that task's events.
constexpr const char* kSchemaV2 = R"sql(
CREATE INDEX IF NOT EXISTS events_by_task ON events (plan_id, task_id, id);
CREATE INDEX IF NOT EXISTS events_reverts ON events (plan_id, reverts) WHERE reverts IS NOT NULL;
PRAGMA user_version = 2;
)sql";

// Version 3: status reads events task by task from an index holding every column it needs (one
// sequential pass, one id lookup per task instead of per event); block reasons come from their own
// small index.
constexpr const char* kSchemaV3 = R"sql(
CREATE INDEX IF NOT EXISTS events_for_status
  ON events (plan_id, task_id, id, kind, quantity, year, effective_date, reverts);
DROP INDEX IF EXISTS events_by_task;
CREATE INDEX IF NOT EXISTS events_blocks ON events (plan_id, id) WHERE kind = 'block';
PRAGMA user_version = 3;
)sql";

// Version 4: status keeps a summary per task id, updated in the same transaction as the events
// (see fold_summary in status.hpp); `summaries_through` says up to which event they are complete.
// A store migrated from version 3 has none until its next append folds the whole log once. The
// status index goes: status reads summaries, and a large import no longer dirties an index page
// per row (measured on a 1M-event store: most of a 100k-row import's time).
constexpr const char* kSchemaV4 = R"sql(
DROP INDEX IF EXISTS events_for_status;
CREATE TABLE IF NOT EXISTS task_summaries (
  plan_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  summary BLOB NOT NULL,
  PRIMARY KEY (plan_id, task_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS summaries_through (
  plan_id TEXT PRIMARY KEY,
  last_event INTEGER NOT NULL
) WITHOUT ROWID;
PRAGMA user_version = 4;
)sql";

// Version 5: what notifications were sent (by their stable key), so a daily `check` never sends
// the same one twice. Not part of the log: `check --resend` sends again.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE IF NOT EXISTS deliveries (
  plan_id TEXT NOT NULL,
  key TEXT NOT NULL,
  delivered_at TEXT NOT NULL,
  PRIMARY KEY (plan_id, key)
) WITHOUT ROWID;
PRAGMA user_version = 5;
)sql";

// Version 6: spending is recorded in the same log (kind 'spend', with its funding source, amount,
// the cost it supports and who was paid). SQLite cannot change a CHECK in place, so the table is
// rebuilt (ids and the id sequence kept: an id is never reused) and its indexes and triggers made
// again; a partial index finds the spending.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE events_v6 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('progress', 'start', 'complete', 'block', 'unblock', 'cancel',
                                     'reopen', 'note', 'revert', 'spend')),
  quantity INTEGER,
  year INTEGER,
  effective_date TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  plan_revision TEXT NOT NULL,
  reverts INTEGER REFERENCES events (id),
  source TEXT,
  amount INTEGER,
  cost INTEGER,
  participant TEXT
);
INSERT INTO events_v6 (id, plan_id, task_id, kind, quantity, year, effective_date, recorded_at,
                       actor, note, evidence, plan_revision, reverts)
  SELECT id, plan_id, task_id, kind, quantity, year, effective_date, recorded_at, actor, note,
         evidence, plan_revision, reverts FROM events ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'events_v6';
UPDATE sqlite_sequence SET name = 'events_v6' WHERE name = 'events';
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
CREATE INDEX events_by_plan ON events (plan_id, id);
CREATE INDEX events_reverts ON events (plan_id, reverts) WHERE reverts IS NOT NULL;
CREATE INDEX events_blocks ON events (plan_id, id) WHERE kind = 'block';
CREATE INDEX events_spend ON events (plan_id, id) WHERE kind = 'spend';
CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;
PRAGMA user_version = 6;
)sql";

// Owns a prepared statement.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      throw StoreError(std::string("the store cannot run a query: ") + sqlite3_errmsg(db),
                       "the database may be damaged; restore it from a backup");
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Dates were checked when recorded ("YYYY-MM-DD"): read the digits without checking them again.
Date stored_date(std::string_view text) {
  if (text.size() != 10) return parse_date(text).value_or(Date{});
  auto digits = [&](std::size_t at, std::size_t n) {
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  return Date{digits(0, 4), digits(5, 2), digits(8, 2)};
}

std::string_view column_view(sqlite3_stmt* s, int column) {
  const unsigned char* text = sqlite3_column_text(s, column);
  int size = sqlite3_column_bytes(s, column);
  return text
             ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
             : std::string_view();
}

std::string column_text(sqlite3_stmt* s, int column) {
  return std::string(column_view(s, column));
}

std::string column_blob(sqlite3_stmt* s, int column) {
  const void* data = sqlite3_column_blob(s, column);
  int size = sqlite3_column_bytes(s, column);
  return data ? std::string(static_cast<const char*>(data), static_cast<std::size_t>(size))
              : std::string();
}

// Version 7: deliveries per notifier, so one failing notifier does not make the others receive an
// event again, and what failed waits here (the event as JSON) for the next run. `state`:
// 'sending' (claimed by a run; one killed while sending leaves it: in doubt, never sent twice),
// 'pending' (failed or not tried: sent again first by the next run), 'delivered'.
constexpr const char* kSchemaV7 = R"sql(
CREATE TABLE IF NOT EXISTS notifier_deliveries (
  plan_id TEXT NOT NULL,
  notifier TEXT NOT NULL,
  key TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('sending', 'pending', 'delivered')),
  event TEXT,
  at TEXT NOT NULL,
  UNIQUE (plan_id, notifier, key)
);
PRAGMA user_version = 7;
)sql";

}  // namespace

struct EventStore::Impl {
  sqlite3* db = nullptr;
  std::string path;
  ~Impl() { sqlite3_close_v2(db); }

  // Throws a StoreError saying what went wrong in user terms.
  [[noreturn]] void fail(int code, const std::string& doing) const {
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    switch (code & 0xff) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        throw StoreError("the store " + path + " is locked by another program (another plantrack?)",
                         "wait for the other command to finish and try again");
      case SQLITE_READONLY:
        throw StoreError("the store " + path + " is read-only (" + doing + ")",
                         "make the file and its folder writable, or pass --db with another path");
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        throw StoreError(
            "the store " + path + " is not a valid plantrack database (" + detail + ")",
            "restore it from a backup, or pass --db with another path");
      case SQLITE_CANTOPEN:
        throw StoreError("the store " + path + " cannot be opened (" + detail + ")",
                         "check that its folder exists and is writable, or pass --db");
      case SQLITE_FULL:
        throw StoreError("the disk holding " + path + " is full", "free some space and try again");
      default:
        throw StoreError("the store " + path + " failed while " + doing + ": " + detail,
                         "check the file; restore it from a backup if it is damaged");
    }
  }

  // One row of the per-notifier memory (inside the caller's transaction); the row keeps its place
  // (rowid) when it exists, so what is pending stays oldest first.
  void put_delivery(const std::string& plan_id, const std::string& notifier, const std::string& key,
                    const char* state, const std::string& event, const std::string& at) {
    Statement put(
        db,
        "INSERT INTO notifier_deliveries (plan_id, notifier, key, state, event, at) "
        "VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), ?6) ON CONFLICT (plan_id, notifier, key) "
        "DO UPDATE SET state = excluded.state, event = CASE WHEN excluded.state = "
        "'delivered' THEN NULL ELSE COALESCE(excluded.event, event) END, "
        "at = excluded.at");
    sqlite3_bind_text(put.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(put.get(), 2, notifier.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(put.get(), 3, key.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(put.get(), 4, state, -1, SQLITE_STATIC);
    sqlite3_bind_text(put.get(), 5, event.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(put.get(), 6, at.c_str(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(put.get());
    if (rc != SQLITE_DONE) fail(rc, "remembering a delivery");
  }

  void exec(const char* sql, const std::string& doing) {
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, doing);
  }

  int user_version() {
    Statement s(db, "PRAGMA user_version");
    int rc = sqlite3_step(s.get());
    if (rc != SQLITE_ROW) fail(rc, "reading the schema version");
    return sqlite3_column_int(s.get(), 0);
  }

  // The newest event id of a plan, 0 when it has none.
  std::int64_t last_event(const std::string& plan_id) const {
    Statement q(db, "SELECT MAX(id) FROM events WHERE plan_id = ?1");
    sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(q.get());
    if (rc != SQLITE_ROW) fail(rc, "reading the log");
    return sqlite3_column_int64(q.get(), 0);
  }

  // The event up to which the plan's task summaries are complete, if they are kept.
  std::optional<std::int64_t> summaries_through(const std::string& plan_id) const {
    Statement q(db, "SELECT last_event FROM summaries_through WHERE plan_id = ?1");
    sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(q.get());
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) fail(rc, "reading the task summaries");
    return sqlite3_column_int64(q.get(), 0);
  }

  void set_summaries_through(const std::string& plan_id, std::optional<std::int64_t> last) {
    Statement q(db, last ? "INSERT OR REPLACE INTO summaries_through (plan_id, last_event) "
                           "VALUES (?1, ?2)"
                         : "DELETE FROM summaries_through WHERE plan_id = ?1");
    sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    if (last) sqlite3_bind_int64(q.get(), 2, *last);
    int rc = sqlite3_step(q.get());
    if (rc != SQLITE_DONE) fail(rc, "updating the task summaries");
  }

  // Folds a batch just inserted into the summaries of the task ids it touches, in task id order
  // (the table's order: neighbouring writes share pages). A large batch reads the summaries in one
  // ordered pass instead of one lookup per id.
  void fold_new(const std::string& plan_id, const std::vector<NewEvent>& events,
                const std::vector<std::int64_t>& ids, const SummaryFold& fold) {
    std::vector<std::size_t> order(events.size());  // by task id, then log order
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return events[a].task < events[b].task; });
    struct Group {
      std::string_view task;
      std::vector<EventFact> events;
      std::optional<std::string> previous;
    };
    std::vector<Group> groups;
    for (std::size_t i : order) {
      const NewEvent& e = events[i];
      if (groups.empty() || groups.back().task != e.task) groups.push_back(Group{e.task, {}, {}});
      groups.back().events.push_back(
          EventFact{ids[i], e.task, e.kind, e.quantity, e.year, e.effective, e.reverts,
                    e.kind == EventKind::kBlock ? std::string_view(e.note) : std::string_view()});
    }
    constexpr std::size_t kBulk = 512;
    if (groups.size() > kBulk) {
      Statement q(
          db, "SELECT task_id, summary FROM task_summaries WHERE plan_id = ?1 ORDER BY task_id");
      sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
      auto next = groups.begin();
      int rc = SQLITE_ROW;
      while (next != groups.end() && (rc = sqlite3_step(q.get())) == SQLITE_ROW) {
        std::string_view task = column_view(q.get(), 0);
        while (next != groups.end() && next->task < task) ++next;
        if (next != groups.end() && next->task == task) next->previous = column_blob(q.get(), 1);
      }
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(rc, "reading the task summaries");
    } else {
      Statement one(db, "SELECT summary FROM task_summaries WHERE plan_id = ?1 AND task_id = ?2");
      for (Group& g : groups) {
        sqlite3_bind_text(one.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(one.get(), 2, g.task.data(), static_cast<int>(g.task.size()),
                          SQLITE_STATIC);
        int rc = sqlite3_step(one.get());
        if (rc == SQLITE_ROW) g.previous = column_blob(one.get(), 0);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(rc, "reading a task summary");
        sqlite3_reset(one.get());
      }
    }
    Statement put(db,
                  "INSERT OR REPLACE INTO task_summaries (plan_id, task_id, summary) "
                  "VALUES (?1, ?2, ?3)");
    for (const Group& g : groups) {
      // Summaries are complete: an id without one had no events before this batch.
      std::optional<std::string> summary =
          g.previous ? fold(g.task, std::string_view(*g.previous), g.events)
                     : fold(g.task, std::nullopt, g.events);
      if (!summary) {  // a revert, or a summary that cannot be continued: fold the id's whole log
        std::vector<EventFact> log;
        std::deque<std::string> keep;  // owns the block reasons the facts point to
        facts(plan_id, {std::string(g.task)}, true, false, [&](const EventFact& f) {
          log.push_back(f);
          log.back().task = g.task;
          if (!f.note.empty()) {
            keep.emplace_back(f.note);
            log.back().note = keep.back();
          }
        });
        summary = fold(g.task, std::nullopt, log);
      }
      if (!summary) {
        throw StoreError("the summary of task " + std::string(g.task) + " cannot be built",
                         "report this as a plantrack bug, with the store file");
      }
      put_summary(put.get(), plan_id, g.task, *summary);
    }
  }

  // Folds every event of the plan again (a store from before summaries, or one written without).
  void fold_all(const std::string& plan_id, const SummaryFold& fold) {
    Statement clear(db, "DELETE FROM task_summaries WHERE plan_id = ?1");
    sqlite3_bind_text(clear.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(clear.get());
    if (rc != SQLITE_DONE) fail(rc, "clearing the task summaries");
    Statement put(db, "INSERT INTO task_summaries (plan_id, task_id, summary) VALUES (?1, ?2, ?3)");
    std::string task;
    std::vector<EventFact> log;
    std::deque<std::string> notes;  // owns the block reasons the facts point to
    auto flush = [&] {
      if (log.empty()) return;
      for (EventFact& f : log) f.task = task;
      std::optional<std::string> summary = fold(task, std::nullopt, log);
      if (summary) put_summary(put.get(), plan_id, task, *summary);
      log.clear();
      notes.clear();
    };
    facts(plan_id, {}, true, true, [&](const EventFact& f) {
      if (f.task != task) {
        flush();
        task.assign(f.task);
      }
      log.push_back(f);
      if (!f.note.empty()) {
        notes.emplace_back(f.note);
        log.back().note = notes.back();
      }
    });
    flush();
  }

  void put_summary(sqlite3_stmt* put, const std::string& plan_id, std::string_view task,
                   const std::string& summary) {
    sqlite3_bind_text(put, 1, plan_id.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(put, 2, task.data(), static_cast<int>(task.size()), SQLITE_STATIC);
    sqlite3_bind_blob(put, 3, summary.data(), static_cast<int>(summary.size()), SQLITE_STATIC);
    int rc = sqlite3_step(put);
    if (rc != SQLITE_DONE) fail(rc, "writing a task summary");
    sqlite3_reset(put);
  }

  // Streams the plan's events (of `tasks` only, when not empty), each task's oldest first: in log
  // order, or task by task when `by_task`. Block reasons are read apart, as few events have one.
  void facts(const std::string& plan_id, const std::vector<std::string>& tasks, bool with_reverts,
             bool by_task, const std::function<void(const EventFact&)>& visit) const {
    std::unordered_map<std::int64_t, std::string> block_notes;
    {
      Statement notes(db,
                      "SELECT id, note FROM events INDEXED BY events_blocks "
                      "WHERE plan_id = ?1 AND kind = 'block'");
      sqlite3_bind_text(notes.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
      int rc = SQLITE_ROW;
      while ((rc = sqlite3_step(notes.get())) == SQLITE_ROW) {
        block_notes.emplace(sqlite3_column_int64(notes.get(), 0), column_text(notes.get(), 1));
      }
      if (rc != SQLITE_DONE) fail(rc, "reading the blocks");
    }
    std::string sql =
        "SELECT id, task_id, kind, quantity, year, effective_date, reverts "
        "FROM events WHERE plan_id = ?1";
    if (!with_reverts) sql += " AND reverts IS NULL";
    if (!tasks.empty()) {
      sql += " AND task_id IN (";
      for (std::size_t i = 0; i < tasks.size(); ++i) {
        sql += (i ? ", ?" : "?") + std::to_string(i + 2);
      }
      sql += ")";
    }
    sql += by_task ? " ORDER BY task_id, id" : " ORDER BY id";
    Statement query(db, sql.c_str());
    sqlite3_stmt* s = query.get();
    sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      sqlite3_bind_text(s, static_cast<int>(i + 2), tasks[i].c_str(), -1, SQLITE_STATIC);
    }
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      EventFact f;
      f.id = sqlite3_column_int64(s, 0);
      f.task = column_view(s, 1);
      f.kind = event_kind_from(column_view(s, 2)).value_or(EventKind::kNote);
      if (sqlite3_column_type(s, 3) != SQLITE_NULL) f.quantity = sqlite3_column_int64(s, 3);
      if (sqlite3_column_type(s, 4) != SQLITE_NULL) f.year = sqlite3_column_int(s, 4);
      f.effective = stored_date(column_view(s, 5));
      if (sqlite3_column_type(s, 6) != SQLITE_NULL) f.reverts = sqlite3_column_int64(s, 6);
      if (f.kind == EventKind::kBlock) {
        auto note = block_notes.find(f.id);
        if (note != block_notes.end()) f.note = note->second;
      }
      visit(f);
    }
    if (rc != SQLITE_DONE) fail(rc, "reading the events");
  }

  void migrate() {
    int version = user_version();
    if (version > kSchemaVersion) {
      throw StoreError("the store " + path + " was written by a newer plantrack (schema " +
                           std::to_string(version) + "; this one reads up to " +
                           std::to_string(kSchemaVersion) + ")",
                       "upgrade plantrack, or pass --db with another path");
    }
    if (version == kSchemaVersion) return;
    exec("BEGIN IMMEDIATE", "starting the schema migration");
    try {
      if (version < 1) exec(kSchemaV1, "creating the schema");
      if (version < 2) exec(kSchemaV2, "adding the per-task index");
      if (version < 3) exec(kSchemaV3, "adding the status index");
      if (version < 4) exec(kSchemaV4, "adding the task summaries");
      if (version < 5) exec(kSchemaV5, "adding the delivery memory");
      if (version < 6) exec(kSchemaV6, "adding spending to the log");
      if (version < 7) exec(kSchemaV7, "adding deliveries per notifier");
      exec("COMMIT", "finishing the schema migration");
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
};

EventStore::EventStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventStore::EventStore(EventStore&&) noexcept = default;
EventStore& EventStore::operator=(EventStore&&) noexcept = default;
EventStore::~EventStore() = default;

const std::string& EventStore::path() const {
  return impl_->path;
}

EventStore EventStore::open(const std::string& path, Mode mode, int busy_timeout_ms) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  bool read_only = mode == Mode::kReadOnly;
  std::error_code ec;
  if (read_only && !std::filesystem::exists(path, ec)) {
    // Nothing recorded yet: an empty store in memory, so reading commands work before any record.
    int rc = sqlite3_open_v2(":memory:", &impl->db, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) impl->fail(rc, "opening");
    impl->exec(kSchemaV1, "creating the schema");
    impl->exec(kSchemaV2, "creating the schema");
    impl->exec(kSchemaV3, "creating the schema");
    impl->exec(kSchemaV4, "creating the schema");
    impl->exec(kSchemaV5, "creating the schema");
    impl->exec(kSchemaV6, "creating the schema");
    impl->exec(kSchemaV7, "creating the schema");
    return EventStore(std::move(impl));
  }
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) impl->fail(rc, "opening");
  sqlite3_busy_timeout(impl->db, busy_timeout_ms);
  sqlite3_extended_result_codes(impl->db, 1);
  if (read_only) {
    int version = impl->user_version();
    if (version > kSchemaVersion) impl->migrate();  // throws the "newer plantrack" message
    if (version < kSchemaVersion) {
      throw StoreError("the store " + path + " has an older schema and is opened read-only",
                       "run any recording command once (it migrates the store), then retry");
    }
    return EventStore(std::move(impl));
  }
  impl->exec("PRAGMA journal_mode = WAL", "switching to WAL mode");
  impl->exec("PRAGMA synchronous = FULL", "setting durability");
  // A large import touches index pages all over a million-event store; with SQLite's default 2 MiB
  // cache it spills them to the log mid-transaction (measured: half the time of a 100k-row import).
  // Pages are only allocated as used.
  impl->exec("PRAGMA cache_size = -131072", "sizing the page cache");
  // The CHECK on `kind` guards the file against other writers; SQLite 3.40 evaluates its IN list by
  // building a temporary index per inserted row (measured: ~10% of a 100k-row import). The kinds
  // plantrack writes come from EventKind, so its own inserts skip that check.
  impl->exec("PRAGMA ignore_check_constraints = ON", "setting up the connection");
  impl->migrate();
  return EventStore(std::move(impl));
}

std::vector<std::int64_t> EventStore::append(const std::string& plan_id,
                                             const std::string& plan_revision,
                                             const std::string& recorded_at,
                                             const std::vector<NewEvent>& events,
                                             const SummaryFold& fold) {
  std::vector<std::int64_t> ids;
  ids.reserve(events.size());
  impl_->exec("BEGIN IMMEDIATE", "starting to record");
  try {
    std::int64_t before = impl_->last_event(plan_id);
    std::optional<std::int64_t> through = impl_->summaries_through(plan_id);
    Statement insert(impl_->db,
                     "INSERT INTO events (plan_id, task_id, kind, quantity, year, effective_date, "
                     "recorded_at, actor, note, evidence, plan_revision, reverts, source, "
                     "amount, cost, participant) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                     "?16)");
    sqlite3_stmt* s = insert.get();
    for (const NewEvent& e : events) {
      std::string date = e.effective.to_string();
      std::string_view kind = to_string(e.kind);
      sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 2, e.task.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 3, kind.data(), static_cast<int>(kind.size()), SQLITE_STATIC);
      if (e.quantity) {
        sqlite3_bind_int64(s, 4, *e.quantity);
      } else {
        sqlite3_bind_null(s, 4);
      }
      if (e.year) {
        sqlite3_bind_int(s, 5, *e.year);
      } else {
        sqlite3_bind_null(s, 5);
      }
      sqlite3_bind_text(s, 6, date.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 7, recorded_at.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 8, e.actor.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 9, e.note.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 10, e.evidence.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 11, plan_revision.c_str(), -1, SQLITE_STATIC);
      if (e.reverts) {
        sqlite3_bind_int64(s, 12, *e.reverts);
      } else {
        sqlite3_bind_null(s, 12);
      }
      if (e.kind == EventKind::kSpend) {
        sqlite3_bind_text(s, 13, e.source.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 14, e.amount.value_or(0));
        if (e.cost) sqlite3_bind_int64(s, 15, *e.cost);
        sqlite3_bind_text(s, 16, e.participant.c_str(), -1, SQLITE_STATIC);
      }
      int rc = sqlite3_step(s);
      if (rc != SQLITE_DONE) impl_->fail(rc, "recording");
      ids.push_back(sqlite3_last_insert_rowid(impl_->db));
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    }
    if (!fold) {
      impl_->set_summaries_through(plan_id, std::nullopt);  // no longer complete
    } else if (before == 0 || through == before) {
      impl_->fold_new(plan_id, events, ids, fold);
    } else {
      impl_->fold_all(plan_id, fold);
    }
    if (fold && !ids.empty()) impl_->set_summaries_through(plan_id, ids.back());
    impl_->exec("COMMIT", "committing");
  } catch (...) {
    sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return ids;
}

namespace {
constexpr const char* kEventColumns =
    "SELECT id, task_id, kind, quantity, year, effective_date, recorded_at, actor, note, evidence, "
    "plan_revision, reverts, source, amount, cost, participant FROM events ";

Event read_event(sqlite3_stmt* s, const std::string& plan_id) {
  auto text = [&](int column) {
    const unsigned char* value = sqlite3_column_text(s, column);
    return value ? std::string(reinterpret_cast<const char*>(value)) : std::string();
  };
  Event e;
  e.id = sqlite3_column_int64(s, 0);
  e.plan_id = plan_id;
  e.task = text(1);
  e.kind = event_kind_from(text(2)).value_or(EventKind::kNote);
  if (sqlite3_column_type(s, 3) != SQLITE_NULL) e.quantity = sqlite3_column_int64(s, 3);
  if (sqlite3_column_type(s, 4) != SQLITE_NULL) e.year = sqlite3_column_int(s, 4);
  e.effective = parse_date(text(5)).value_or(Date{});
  e.recorded_at = text(6);
  e.actor = text(7);
  e.note = text(8);
  e.evidence = text(9);
  e.plan_revision = text(10);
  if (sqlite3_column_type(s, 11) != SQLITE_NULL) e.reverts = sqlite3_column_int64(s, 11);
  e.source = text(12);
  if (sqlite3_column_type(s, 13) != SQLITE_NULL) e.amount = sqlite3_column_int64(s, 13);
  if (sqlite3_column_type(s, 14) != SQLITE_NULL) e.cost = sqlite3_column_int64(s, 14);
  e.participant = text(15);
  return e;
}
}  // namespace

std::vector<Event> EventStore::events(const std::string& plan_id) const {
  Statement query(impl_->db,
                  (std::string(kEventColumns) + "WHERE plan_id = ?1 ORDER BY id").c_str());
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  std::vector<Event> out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) out.push_back(read_event(s, plan_id));
  if (rc != SQLITE_DONE) impl_->fail(rc, "reading the events");
  return out;
}

std::vector<Event> EventStore::spending(const std::string& plan_id) const {
  Statement query(impl_->db, (std::string(kEventColumns) +
                              "INDEXED BY events_spend WHERE plan_id = ?1 AND kind = 'spend' "
                              "ORDER BY id")
                                 .c_str());
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  std::vector<Event> out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) out.push_back(read_event(s, plan_id));
  if (rc != SQLITE_DONE) impl_->fail(rc, "reading the spending");
  return out;
}

std::optional<Event> EventStore::event(const std::string& plan_id, std::int64_t id) const {
  Statement query(impl_->db,
                  (std::string(kEventColumns) + "WHERE plan_id = ?1 AND id = ?2").c_str());
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_int64(s, 2, id);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return read_event(s, plan_id);
  if (rc != SQLITE_DONE) impl_->fail(rc, "reading an event");
  return std::nullopt;
}

std::vector<EventStore::Revert> EventStore::reverts(const std::string& plan_id) const {
  Statement query(impl_->db,
                  "SELECT reverts, id, effective_date FROM events INDEXED BY events_reverts "
                  "WHERE plan_id = ?1 AND reverts IS NOT NULL");
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  std::vector<Revert> out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    const unsigned char* date = sqlite3_column_text(s, 2);
    out.push_back(
        Revert{sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
               parse_date(date ? reinterpret_cast<const char*>(date) : "").value_or(Date{})});
  }
  if (rc != SQLITE_DONE) impl_->fail(rc, "reading the reverts");
  return out;
}

void EventStore::scan(const std::string& plan_id, const std::vector<std::string>& tasks,
                      const std::function<void(const EventFact&)>& visit) const {
  impl_->facts(plan_id, tasks, false, false, visit);
}

std::optional<std::vector<std::pair<std::string, std::string>>> EventStore::summaries(
    const std::string& plan_id, const std::vector<std::string>& tasks) const {
  std::int64_t last = impl_->last_event(plan_id);
  std::optional<std::int64_t> through = impl_->summaries_through(plan_id);
  std::vector<std::pair<std::string, std::string>> out;
  if (last == 0) return out;
  if (through != last) return std::nullopt;
  Statement query(impl_->db, tasks.empty()
                                 ? "SELECT task_id, summary FROM task_summaries WHERE plan_id = ?1"
                                 : "SELECT task_id, summary FROM task_summaries "
                                   "WHERE plan_id = ?1 AND task_id = ?2");
  sqlite3_stmt* s = query.get();
  auto read = [&] {
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      out.emplace_back(column_text(s, 0), column_blob(s, 1));
    }
    if (rc != SQLITE_DONE) impl_->fail(rc, "reading the task summaries");
    sqlite3_reset(s);
  };
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  if (tasks.empty()) read();
  for (const std::string& task : tasks) {
    sqlite3_bind_text(s, 2, task.c_str(), -1, SQLITE_STATIC);
    read();
  }
  return out;
}

std::vector<std::string> EventStore::delivered(const std::string& plan_id) const {
  Statement q(impl_->db, "SELECT key FROM deliveries WHERE plan_id = ?1 ORDER BY key");
  sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
  std::vector<std::string> out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) out.push_back(column_text(q.get(), 0));
  if (rc != SQLITE_DONE) impl_->fail(rc, "reading the delivery memory");
  return out;
}

void EventStore::mark_delivered(const std::string& plan_id, const std::vector<std::string>& keys,
                                const std::string& at) {
  if (keys.empty()) return;
  impl_->exec("BEGIN IMMEDIATE", "remembering deliveries");
  try {
    Statement put(
        impl_->db,
        "INSERT OR REPLACE INTO deliveries (plan_id, key, delivered_at) VALUES (?1, ?2, ?3)");
    for (const std::string& key : keys) {
      sqlite3_bind_text(put.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(put.get(), 2, key.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(put.get(), 3, at.c_str(), -1, SQLITE_STATIC);
      int rc = sqlite3_step(put.get());
      if (rc != SQLITE_DONE) impl_->fail(rc, "remembering deliveries");
      sqlite3_reset(put.get());
    }
    impl_->exec("COMMIT", "remembering deliveries");
  } catch (...) {
    sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

EventStore::Claim EventStore::claim_delivery(const std::string& plan_id,
                                             const std::string& notifier, const std::string& key,
                                             const std::string& at, bool again) {
  impl_->exec("BEGIN IMMEDIATE", "claiming a delivery");
  try {
    Claim claim = Claim::kClaimed;
    Statement q(impl_->db,
                "SELECT state FROM notifier_deliveries WHERE plan_id = ?1 AND notifier = ?2 AND "
                "key = ?3");
    sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(q.get(), 2, notifier.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(q.get(), 3, key.c_str(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(q.get());
    if (rc == SQLITE_ROW) {
      std::string state = column_text(q.get(), 0);
      if (state == "sending") claim = Claim::kTaken;
      if (state == "delivered" && !again) claim = Claim::kDelivered;
    } else if (rc != SQLITE_DONE) {
      impl_->fail(rc, "reading the delivery memory");
    } else if (!again) {  // remembered before version 7, for every notifier
      Statement old(impl_->db, "SELECT 1 FROM deliveries WHERE plan_id = ?1 AND key = ?2");
      sqlite3_bind_text(old.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(old.get(), 2, key.c_str(), -1, SQLITE_STATIC);
      rc = sqlite3_step(old.get());
      if (rc == SQLITE_ROW) claim = Claim::kDelivered;
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) impl_->fail(rc, "reading the delivery memory");
    }
    if (claim == Claim::kClaimed) impl_->put_delivery(plan_id, notifier, key, "sending", "", at);
    impl_->exec("COMMIT", "claiming a delivery");
    return claim;
  } catch (...) {
    sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void EventStore::settle_delivery(const std::string& plan_id, const std::string& notifier,
                                 const std::string& key, bool delivered,
                                 const std::string& event_json, const std::string& at) {
  impl_->exec("BEGIN IMMEDIATE", "remembering a delivery");
  try {
    impl_->put_delivery(plan_id, notifier, key, delivered ? "delivered" : "pending",
                        delivered ? "" : event_json, at);
    impl_->exec("COMMIT", "remembering a delivery");
  } catch (...) {
    sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<EventStore::PendingDelivery> EventStore::pending_deliveries(
    const std::string& plan_id, const std::string& notifier) const {
  Statement q(impl_->db,
              "SELECT key, event FROM notifier_deliveries WHERE plan_id = ?1 AND notifier = ?2 "
              "AND state = 'pending' ORDER BY rowid");
  sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_text(q.get(), 2, notifier.c_str(), -1, SQLITE_STATIC);
  std::vector<PendingDelivery> out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    out.push_back(PendingDelivery{column_text(q.get(), 0), column_text(q.get(), 1)});
  }
  if (rc != SQLITE_DONE) impl_->fail(rc, "reading the deliveries kept");
  return out;
}

std::size_t EventStore::pending_count(const std::string& plan_id,
                                      const std::string& notifier) const {
  return pending_deliveries(plan_id, notifier).size();
}

EventStore::Snapshot::Snapshot(const EventStore& store) : store_(store) {
  if (sqlite3_get_autocommit(store.impl_->db)) {  // not inside a transaction already
    int rc = sqlite3_exec(store.impl_->db, "BEGIN", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) store.impl_->fail(rc, "starting to read");
    open_ = true;
  }
}

EventStore::Snapshot::~Snapshot() {
  if (open_) sqlite3_exec(store_.impl_->db, "COMMIT", nullptr, nullptr, nullptr);
}

std::string default_store_path(const std::string& plan_path) {
  return plan_path + ".plantrack.db";
}

}  // namespace plantrack
