// The SQLite event log: the only file that includes sqlite3.h.
#include <sqlite3.h>

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
  impl->exec("PRAGMA synchronous = NORMAL", "setting durability");
  // A large import touches index pages all over a million-event store; with SQLite's default 2 MiB
  // cache it spills them to the log mid-transaction (measured: half the time of a 100k-row import).
  // Pages are only allocated as used.
  impl->exec("PRAGMA cache_size = -131072", "sizing the page cache");
  impl->migrate();
  return EventStore(std::move(impl));
}

std::vector<std::int64_t> EventStore::append(const std::string& plan_id,
                                             const std::string& plan_revision,
                                             const std::string& recorded_at,
                                             const std::vector<NewEvent>& events) {
  std::vector<std::int64_t> ids;
  ids.reserve(events.size());
  impl_->exec("BEGIN IMMEDIATE", "starting to record");
  try {
    Statement insert(impl_->db,
                     "INSERT INTO events (plan_id, task_id, kind, quantity, year, effective_date, "
                     "recorded_at, actor, note, evidence, plan_revision, reverts) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    sqlite3_stmt* s = insert.get();
    for (const NewEvent& e : events) {
      std::string kind(to_string(e.kind));
      std::string date = e.effective.to_string();
      sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 2, e.task.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 3, kind.c_str(), -1, SQLITE_TRANSIENT);
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
      int rc = sqlite3_step(s);
      if (rc != SQLITE_DONE) impl_->fail(rc, "recording");
      ids.push_back(sqlite3_last_insert_rowid(impl_->db));
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    }
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
    "plan_revision, reverts FROM events ";

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
  std::unordered_map<std::int64_t, std::string> block_notes;
  {
    Statement notes(impl_->db,
                    "SELECT id, note FROM events INDEXED BY events_blocks "
                    "WHERE plan_id = ?1 AND kind = 'block'");
    sqlite3_bind_text(notes.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(notes.get())) == SQLITE_ROW) {
      const unsigned char* note = sqlite3_column_text(notes.get(), 1);
      block_notes.emplace(sqlite3_column_int64(notes.get(), 0),
                          note ? reinterpret_cast<const char*>(note) : "");
    }
    if (rc != SQLITE_DONE) impl_->fail(rc, "reading the blocks");
  }
  // Revert events are left out: reverts() lists them, and status only needs what they cancel.
  std::string sql =
      "SELECT id, task_id, kind, quantity, year, effective_date "
      "FROM events INDEXED BY events_for_status WHERE plan_id = ?1 AND reverts IS NULL";
  if (!tasks.empty()) {
    sql += " AND task_id IN (";
    for (std::size_t i = 0; i < tasks.size(); ++i) sql += (i ? ", ?" : "?") + std::to_string(i + 2);
    sql += ")";
  }
  sql += " ORDER BY task_id, id";
  Statement query(impl_->db, sql.c_str());
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    sqlite3_bind_text(s, static_cast<int>(i + 2), tasks[i].c_str(), -1, SQLITE_STATIC);
  }
  auto view = [&](int column) {
    const unsigned char* text = sqlite3_column_text(s, column);
    int size = sqlite3_column_bytes(s, column);
    return text ? std::string_view(reinterpret_cast<const char*>(text),
                                   static_cast<std::size_t>(size))
                : std::string_view();
  };
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    EventFact f;
    f.id = sqlite3_column_int64(s, 0);
    f.task = view(1);
    f.kind = event_kind_from(view(2)).value_or(EventKind::kNote);
    if (sqlite3_column_type(s, 3) != SQLITE_NULL) f.quantity = sqlite3_column_int64(s, 3);
    if (sqlite3_column_type(s, 4) != SQLITE_NULL) f.year = sqlite3_column_int(s, 4);
    f.effective = stored_date(view(5));
    if (f.kind == EventKind::kBlock) {
      auto note = block_notes.find(f.id);
      if (note != block_notes.end()) f.note = note->second;
    }
    visit(f);
  }
  if (rc != SQLITE_DONE) impl_->fail(rc, "reading the events");
}

std::string default_store_path(const std::string& plan_path) {
  return plan_path + ".plantrack.db";
}

}  // namespace plantrack
