// The SQLite event log (the store module is the only one that includes sqlite3.h).
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "plantrack/i18n.hpp"
#include "plantrack/store.hpp"
#include "plantrack/utf8.hpp"
#include "schema.hpp"
#include "spent_sums.hpp"
#include "sqlite_support.hpp"

namespace plantrack {

StoreError::StoreError(const std::string& what, std::string fix)
    : std::runtime_error(what), fix_(std::move(fix)) {}
StoreError::~StoreError() = default;

namespace store {

[[noreturn]] void fail(sqlite3* db, const std::string& path, int code, const std::string& doing) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw StoreError(tr("the store {path} is locked by another program (another plantrack?)",
                          {{"path", path}}),
                       tr("wait for the other command to finish and try again"));
    case SQLITE_READONLY:
      throw StoreError(tr("the store {path} is read-only (it or its folder cannot be written)",
                          {{"path", path}}),
                       tr("make the file and its folder writable, or pass --db with another path"));
    case SQLITE_NOTADB:
      throw StoreError(tr("the store {path} is not a valid plantrack database ({detail})",
                          {{"path", path}, {"detail", detail}}),
                       tr("restore it from a backup, or pass --db with another path"));
    case SQLITE_CORRUPT:
      throw StoreError(
          tr("the store {path} is damaged ({detail})", {{"path", path}, {"detail", detail}}),
          tr("restore it from a backup; to save what can still be read: sqlite3 {path} .recover | "
             "sqlite3 recovered.db",
             {{"path", path}}));
    case SQLITE_CANTOPEN:
      throw StoreError(
          tr("the store {path} cannot be opened ({detail})", {{"path", path}, {"detail", detail}}),
          tr("check that its folder exists and is writable, or pass --db"));
    case SQLITE_FULL:
      throw StoreError(tr("the disk holding {path} is full", {{"path", path}}),
                       tr("free some space and try again"));
    default:
      throw StoreError(tr("the store {path} failed while {doing}: {detail}",
                          {{"path", path}, {"doing", doing}, {"detail", detail}}),
                       tr("check the file; restore it from a backup if it is damaged"));
  }
}

void exec(sqlite3* db, const std::string& path, const char* sql, const std::string& doing) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db, path, rc, doing);
}

Statement::Statement(sqlite3* db, const char* sql) {
  if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
    throw StoreError(tr("the store cannot run a query: {detail}", {{"detail", sqlite3_errmsg(db)}}),
                     tr("the database may be damaged; restore it from a backup"));
  }
}

std::string_view column_view(sqlite3_stmt* s, int column) {
  const unsigned char* text = sqlite3_column_text(s, column);
  int size = sqlite3_column_bytes(s, column);
  return text
             ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
             : std::string_view();
}

std::string column_text(sqlite3_stmt* s, int column) {
  return valid_utf8(column_view(s, column));
}

}  // namespace store

namespace {
using store::column_text;
using store::column_view;
using store::Statement;

// Dates were checked when recorded ("YYYY-MM-DD"); another writer's bad text reads as no date.
Date stored_date(std::string_view text) {
  return parse_date(text).value_or(Date{});
}

std::string column_blob(sqlite3_stmt* s, int column) {
  const void* data = sqlite3_column_blob(s, column);
  int size = sqlite3_column_bytes(s, column);
  return data ? std::string(static_cast<const char*>(data), static_cast<std::size_t>(size))
              : std::string();
}

}  // namespace

struct EventStore::Impl {
  sqlite3* db = nullptr;
  std::string path;
  int schema = 0;  // as opened: a read-only store may be older than kSchemaVersion
  ~Impl() { sqlite3_close_v2(db); }

  // Throws a StoreError saying what went wrong in user terms.
  [[noreturn]] void fail(int code, const std::string& doing) const {
    store::fail(db, path, code, doing);
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
    if (rc != SQLITE_DONE) fail(rc, tr("remembering a delivery"));
  }

  void exec(const char* sql, const std::string& doing) { store::exec(db, path, sql, doing); }

  // One claim of claim_deliveries, inside its transaction: "sending" unless another run is
  // sending it, or it was delivered before (to this notifier, or before schema 7 to all).
  Claim claim_delivery(const std::string& plan_id, const std::string& notifier,
                       const std::string& key, const std::string& at, bool again) {
    Claim claim = Claim::kClaimed;
    Statement q(db,
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
      fail(rc, tr("reading the delivery memory"));
    } else if (!again) {  // remembered before version 7, for every notifier
      Statement old(db, "SELECT 1 FROM deliveries WHERE plan_id = ?1 AND key = ?2");
      sqlite3_bind_text(old.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(old.get(), 2, key.c_str(), -1, SQLITE_STATIC);
      rc = sqlite3_step(old.get());
      if (rc == SQLITE_ROW) claim = Claim::kDelivered;
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(rc, tr("reading the delivery memory"));
    }
    if (claim == Claim::kClaimed) put_delivery(plan_id, notifier, key, "sending", "", at);
    return claim;
  }

  // The newest event id of a plan, 0 when it has none.
  std::int64_t last_event(const std::string& plan_id) const {
    Statement q(db, "SELECT MAX(id) FROM events WHERE plan_id = ?1");
    sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(q.get());
    if (rc != SQLITE_ROW) fail(rc, tr("reading the log"));
    return sqlite3_column_int64(q.get(), 0);
  }

  // The event up to which the plan's task summaries are complete, if they are kept.
  std::optional<std::int64_t> summaries_through(const std::string& plan_id) const {
    Statement q(db, "SELECT last_event FROM summaries_through WHERE plan_id = ?1");
    sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(q.get());
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) fail(rc, tr("reading the task summaries"));
    return sqlite3_column_int64(q.get(), 0);
  }

  void set_summaries_through(const std::string& plan_id, std::optional<std::int64_t> last) {
    Statement q(db, last ? "INSERT OR REPLACE INTO summaries_through (plan_id, last_event) "
                           "VALUES (?1, ?2)"
                         : "DELETE FROM summaries_through WHERE plan_id = ?1");
    sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    if (last) sqlite3_bind_int64(q.get(), 2, *last);
    int rc = sqlite3_step(q.get());
    if (rc != SQLITE_DONE) fail(rc, tr("updating the task summaries"));
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
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(rc, tr("reading the task summaries"));
    } else {
      Statement one(db, "SELECT summary FROM task_summaries WHERE plan_id = ?1 AND task_id = ?2");
      for (Group& g : groups) {
        sqlite3_bind_text(one.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(one.get(), 2, g.task.data(), static_cast<int>(g.task.size()),
                          SQLITE_STATIC);
        int rc = sqlite3_step(one.get());
        if (rc == SQLITE_ROW) g.previous = column_blob(one.get(), 0);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(rc, tr("reading a task summary"));
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
        throw StoreError(tr("the summary of task {task} cannot be built", {{"task", g.task}}),
                         tr("report this as a plantrack bug, with the store file"));
      }
      put_summary(put.get(), plan_id, g.task, *summary);
    }
  }

  // Folds every event of the plan again (a store from before summaries, or one written without).
  void fold_all(const std::string& plan_id, const SummaryFold& fold) {
    Statement clear(db, "DELETE FROM task_summaries WHERE plan_id = ?1");
    sqlite3_bind_text(clear.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(clear.get());
    if (rc != SQLITE_DONE) fail(rc, tr("clearing the task summaries"));
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
    if (rc != SQLITE_DONE) fail(rc, tr("writing a task summary"));
    sqlite3_reset(put);
  }

  // Streams the plan's events (of `tasks` only, when not empty), each task's oldest first: in log
  // order, or task by task when `by_task`. Block reasons are read apart, as few events have one.
  // With `known_at`, only events recorded at or before it.
  void facts(const std::string& plan_id, const std::vector<std::string>& tasks, bool with_reverts,
             bool by_task, const std::function<void(const EventFact&)>& visit,
             const std::string& known_at = {}) const {
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
      if (rc != SQLITE_DONE) fail(rc, tr("reading the blocks"));
    }
    std::string sql =
        "SELECT id, task_id, kind, quantity, year, effective_date, reverts "
        "FROM events WHERE plan_id = ?1";
    if (!with_reverts) sql += " AND reverts IS NULL";
    int known = static_cast<int>(tasks.size()) + 2;  // the parameter known_at binds to
    if (!tasks.empty()) {
      sql += " AND task_id IN (";
      for (std::size_t i = 0; i < tasks.size(); ++i) {
        sql += (i ? ", ?" : "?") + std::to_string(i + 2);
      }
      sql += ")";
    }
    if (!known_at.empty()) sql += " AND recorded_at <= ?" + std::to_string(known);
    sql += by_task ? " ORDER BY task_id, id" : " ORDER BY id";
    Statement query(db, sql.c_str());
    sqlite3_stmt* s = query.get();
    sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      sqlite3_bind_text(s, static_cast<int>(i + 2), tasks[i].c_str(), -1, SQLITE_STATIC);
    }
    if (!known_at.empty()) sqlite3_bind_text(s, known, known_at.c_str(), -1, SQLITE_STATIC);
    int rc = SQLITE_ROW;
    std::string task_text;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      EventFact f;
      f.id = sqlite3_column_int64(s, 0);
      f.task = column_view(s, 1);
      if (first_invalid_utf8(f.task)) {  // stored by an older plantrack: shown with U+FFFD
        task_text = valid_utf8(f.task);
        f.task = task_text;
      }
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
    if (rc != SQLITE_DONE) fail(rc, tr("reading the events"));
  }
};

EventStore::EventStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventStore::EventStore(EventStore&&) noexcept = default;
EventStore& EventStore::operator=(EventStore&&) noexcept = default;
EventStore::~EventStore() = default;

const std::string& EventStore::path() const {
  return impl_->path;
}

namespace {

// A file URI for `path` (SQLite's form: reserved characters percent-encoded).
std::string file_uri(const std::string& path, const char* query) {
  std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  std::string out = "file:";
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : absolute) {
    bool plain = std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out + "?" + query;
}

// True when a read failed only because SQLite could not make the WAL index beside the store (a
// read-only folder or file).
bool cannot_make_wal_files(int rc) {
  return (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN;
}

}  // namespace

// Opens an existing store to read. A store in WAL mode needs its -shm file; where it cannot be made
// (an archived store in a read-only folder) and there is no -wal file holding later writes, the
// file alone is the whole store: it is opened immutable, without locks or WAL files.
void EventStore::open_to_read(Impl& impl) {
  int rc = sqlite3_open_v2(impl.path.c_str(), &impl.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) impl.fail(rc, tr("opening"));
  sqlite3_extended_result_codes(impl.db, 1);
  rc = sqlite3_exec(impl.db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK || !cannot_make_wal_files(rc)) return;  // other errors: reported when read
  std::error_code ec;
  std::uintmax_t wal = std::filesystem::file_size(impl.path + "-wal", ec);
  if (!ec && wal > 0) {
    throw StoreError(tr("the store {path} cannot be read: its latest writes are in {path}-wal, "
                        "and SQLite cannot open that beside it (read-only folder?)",
                        {{"path", impl.path}}),
                     tr("copy {path} and {path}-wal together to a writable folder and pass --db "
                        "with the copy, or make the folder writable for one command",
                        {{"path", impl.path}}));
  }
  sqlite3_close_v2(impl.db);
  impl.db = nullptr;
  std::string uri = file_uri(impl.path, "immutable=1");
  rc = sqlite3_open_v2(uri.c_str(), &impl.db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) impl.fail(rc, tr("opening read-only"));
  sqlite3_extended_result_codes(impl.db, 1);
}

EventStore EventStore::open(const std::string& path, Mode mode, int busy_timeout_ms) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  bool read_only = mode == Mode::kReadOnly;
  std::error_code ec;
  auto empty_store = [&] {
    // Nothing recorded yet: an empty store in memory, so reading commands work before any record.
    sqlite3_close_v2(impl->db);
    impl->db = nullptr;
    int rc = sqlite3_open_v2(":memory:", &impl->db, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) impl->fail(rc, tr("opening"));
    store::migrate(impl->db, path, 0);
    impl->schema = kSchemaVersion;
    return EventStore(std::move(impl));
  };
  if (read_only && !std::filesystem::exists(path, ec)) return empty_store();
  if (std::filesystem::exists(path, ec)) store::check_length(path);
  if (read_only) {
    open_to_read(*impl);
  } else {
    int rc =
        sqlite3_open_v2(path.c_str(), &impl->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) impl->fail(rc, tr("opening"));
    sqlite3_extended_result_codes(impl->db, 1);
  }
  sqlite3_busy_timeout(impl->db, busy_timeout_ms);
  sqlite3_exec(impl->db, "PRAGMA mmap_size = 1073741824", nullptr, nullptr, nullptr);
  // Before anything is written: a database that is not plantrack's, or of another schema, is
  // refused as it is.
  int version = store::schema_version(impl->db, path);
  if (read_only) {
    if (version == 0) return empty_store();  // an empty database: no tables yet
    // Schema 7 only adds the per-notifier delivery memory, which reading commands do not use:
    // a schema-6 store (an archive on read-only media too) is read as it is.
    if (version < 6) {
      throw StoreError(
          tr("the store {path} has an older schema and is opened read-only", {{"path", path}}),
          tr("run any recording command once (it migrates the store), then retry"));
    }
    impl->schema = version;
    return EventStore(std::move(impl));
  }
  if (version > 0) store::check_integrity(impl->db, path);  // a write must not build on damage
  impl->exec("PRAGMA journal_mode = WAL", tr("switching to WAL mode"));
  impl->exec("PRAGMA synchronous = FULL", tr("setting durability"));
  // A large import touches index pages all over a million-event store; with SQLite's default 2 MiB
  // cache it spills them to the log mid-transaction (measured: half the time of a 100k-row import).
  // Pages are only allocated as used.
  impl->exec("PRAGMA cache_size = -131072", tr("sizing the page cache"));
  // The CHECK on `kind` guards the file against other writers; SQLite 3.40 evaluates its IN list by
  // building a temporary index per inserted row (measured: ~10% of a 100k-row import). The kinds
  // plantrack writes come from EventKind, so its own inserts skip that check.
  impl->exec("PRAGMA ignore_check_constraints = ON", tr("setting up the connection"));
  store::migrate(impl->db, path, version);
  impl->schema = kSchemaVersion;
  return EventStore(std::move(impl));
}

EventStore::Transaction::Transaction(EventStore& store) : impl_(store.impl_.get()) {
  impl_->exec("BEGIN IMMEDIATE", tr("waiting for the write lock"));
}

void EventStore::Transaction::commit() {
  if (!impl_) return;
  Impl* impl = impl_;
  impl_ = nullptr;
  int rc = sqlite3_exec(impl->db, "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_exec(impl->db, "ROLLBACK", nullptr, nullptr, nullptr);
    impl->fail(rc, tr("committing"));
  }
}

EventStore::Transaction::~Transaction() {
  if (impl_) sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::vector<std::int64_t> EventStore::append(const std::string& plan_id,
                                             const std::string& plan_revision,
                                             const std::string& recorded_at,
                                             const std::vector<NewEvent>& events,
                                             const SummaryFold& fold) {
  std::vector<std::int64_t> ids;
  ids.reserve(events.size());
  // Inside a Transaction (checks made under the write lock) the append is part of it: no
  // savepoint (it would copy every page the append changes to a statement journal); if the append
  // fails, the Transaction is rolled back whole.
  bool joined = !sqlite3_get_autocommit(impl_->db);
  if (!joined) impl_->exec("BEGIN IMMEDIATE", tr("starting to record"));
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
    std::optional<store::SpentSumsWriter> sums;  // prepared for the first payment or revert
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
      if (rc != SQLITE_DONE) impl_->fail(rc, tr("recording"));
      ids.push_back(sqlite3_last_insert_rowid(impl_->db));
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
      if (store::SpentSumsWriter::folds(e)) {
        if (!sums) sums.emplace(impl_->db, impl_->path);
        sums->fold(plan_id, ids.back(), e);
      }
    }
    if (sums) sums->flush();
    if (!fold) {
      impl_->set_summaries_through(plan_id, std::nullopt);  // no longer complete
    } else if (before == 0 || through == before) {
      impl_->fold_new(plan_id, events, ids, fold);
    } else {
      impl_->fold_all(plan_id, fold);
    }
    if (fold && !ids.empty()) impl_->set_summaries_through(plan_id, ids.back());
    if (!joined) impl_->exec("COMMIT", tr("committing"));
  } catch (...) {
    if (!joined) sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return ids;
}

namespace {
constexpr const char* kEventColumns =
    "SELECT id, task_id, kind, quantity, year, effective_date, recorded_at, actor, note, evidence, "
    "plan_revision, reverts, source, amount, cost, participant FROM events ";

Event read_event(sqlite3_stmt* s, const std::string& plan_id) {
  auto text = [&](int column) { return column_text(s, column); };
  Event e;
  e.id = sqlite3_column_int64(s, 0);
  e.plan_id = plan_id;
  e.task = text(1);
  e.kind = event_kind_from(text(2)).value_or(EventKind::kNote);
  if (sqlite3_column_type(s, 3) != SQLITE_NULL) e.quantity = sqlite3_column_int64(s, 3);
  if (sqlite3_column_type(s, 4) != SQLITE_NULL) e.year = sqlite3_column_int(s, 4);
  e.effective = stored_date(text(5));
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
  if (rc != SQLITE_DONE) impl_->fail(rc, tr("reading the events"));
  return out;
}

std::vector<Event> EventStore::spending(const std::string& plan_id,
                                        const std::string& known_at) const {
  Statement query(impl_->db, (std::string(kEventColumns) +
                              "INDEXED BY events_spend WHERE plan_id = ?1 AND kind = 'spend' " +
                              (known_at.empty() ? "" : "AND recorded_at <= ?2 ") + "ORDER BY id")
                                 .c_str());
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  if (!known_at.empty()) sqlite3_bind_text(s, 2, known_at.c_str(), -1, SQLITE_STATIC);
  std::vector<Event> out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) out.push_back(read_event(s, plan_id));
  if (rc != SQLITE_DONE) impl_->fail(rc, tr("reading the spending"));
  return out;
}

std::vector<EventStore::SpentSum> EventStore::spent_sums(const std::string& plan_id,
                                                         Date as_of) const {
  if (impl_->schema >= 8) {
    if (auto kept = store::read_spent_sums(impl_->db, impl_->path, plan_id, as_of)) return *kept;
  }
  std::string date = as_of.to_string();
  Statement query(impl_->db,
                  "SELECT task_id, source, COALESCE(year, CAST(substr(effective_date, 1, 4) AS "
                  "INTEGER)), SUM(amount) FROM events INDEXED BY events_spend "
                  "WHERE plan_id = ?1 AND kind = 'spend' AND effective_date <= ?2 AND id NOT IN "
                  "(SELECT reverts FROM events WHERE plan_id = ?1 AND reverts IS NOT NULL AND "
                  "effective_date <= ?2) GROUP BY 1, 2, 3");
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_text(s, 2, date.c_str(), -1, SQLITE_STATIC);
  std::vector<SpentSum> out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    out.push_back({column_text(s, 0), column_text(s, 1), sqlite3_column_int(s, 2),
                   sqlite3_column_int64(s, 3)});
  }
  if (rc == SQLITE_DONE) return out;
  if (rc != SQLITE_ERROR) impl_->fail(rc, tr("summing the spending"));
  // SQLite's sum() refuses to pass the 64-bit range (an older plantrack stored such payments):
  // each payment is read instead, and the sums held at the limit.
  std::set<std::int64_t> reverted;
  for (const Revert& r : reverts(plan_id)) {
    if (r.effective <= as_of) reverted.insert(r.reverted);
  }
  std::map<std::tuple<std::string, std::string, int>, std::int64_t> sums;
  for (const Event& e : spending(plan_id)) {
    if (e.effective > as_of || reverted.count(e.id)) continue;
    std::int64_t& sum = sums[{e.task, e.source, e.year.value_or(e.effective.year())}];
    if (__builtin_add_overflow(sum, e.amount.value_or(0), &sum)) {
      sum = std::numeric_limits<std::int64_t>::max();
    }
  }
  out.clear();
  for (const auto& [key, sum] : sums) {
    out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), sum});
  }
  return out;
}

bool EventStore::holds(const std::string& plan_id) const {
  Statement query(impl_->db, "SELECT 1 FROM events WHERE plan_id = ?1 LIMIT 1");
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  int rc = sqlite3_step(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) impl_->fail(rc, tr("reading the events"));
  return rc == SQLITE_ROW;
}

std::optional<Event> EventStore::event(const std::string& plan_id, std::int64_t id) const {
  Statement query(impl_->db,
                  (std::string(kEventColumns) + "WHERE plan_id = ?1 AND id = ?2").c_str());
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_int64(s, 2, id);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return read_event(s, plan_id);
  if (rc != SQLITE_DONE) impl_->fail(rc, tr("reading an event"));
  return std::nullopt;
}

std::vector<EventStore::Revert> EventStore::reverts(const std::string& plan_id,
                                                    const std::string& known_at) const {
  Statement query(impl_->db, known_at.empty()
                                 ? "SELECT reverts, id, effective_date FROM events INDEXED BY "
                                   "events_reverts WHERE plan_id = ?1 AND reverts IS NOT NULL"
                                 : "SELECT reverts, id, effective_date FROM events INDEXED BY "
                                   "events_reverts WHERE plan_id = ?1 AND reverts IS NOT NULL "
                                   "AND recorded_at <= ?2");
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  if (!known_at.empty()) sqlite3_bind_text(s, 2, known_at.c_str(), -1, SQLITE_STATIC);
  std::vector<Revert> out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    const unsigned char* date = sqlite3_column_text(s, 2);
    out.push_back(
        Revert{sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
               parse_date(date ? reinterpret_cast<const char*>(date) : "").value_or(Date{})});
  }
  if (rc != SQLITE_DONE) impl_->fail(rc, tr("reading the reverts"));
  return out;
}

void EventStore::scan(const std::string& plan_id, const std::vector<std::string>& tasks,
                      const std::function<void(const EventFact&)>& visit,
                      const std::string& known_at) const {
  impl_->facts(plan_id, tasks, false, false, visit, known_at);
}

std::optional<EventStore::LogPosition> EventStore::last_recorded(
    const std::string& plan_id, const std::string& known_at) const {
  // Newest first by id: the log's events are recorded in that order, so the first row found
  // is the last one recorded by then.
  Statement query(impl_->db, known_at.empty()
                                 ? "SELECT id, recorded_at FROM events WHERE plan_id = ?1 "
                                   "ORDER BY id DESC LIMIT 1"
                                 : "SELECT id, recorded_at FROM events WHERE plan_id = ?1 AND "
                                   "recorded_at <= ?2 ORDER BY id DESC LIMIT 1");
  sqlite3_stmt* s = query.get();
  sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_STATIC);
  if (!known_at.empty()) sqlite3_bind_text(s, 2, known_at.c_str(), -1, SQLITE_STATIC);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return LogPosition{sqlite3_column_int64(s, 0), column_text(s, 1)};
  if (rc != SQLITE_DONE) impl_->fail(rc, tr("reading the last event"));
  return std::nullopt;
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
    if (rc != SQLITE_DONE) impl_->fail(rc, tr("reading the task summaries"));
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

bool EventStore::has_events() const {
  Statement q(impl_->db, "SELECT EXISTS (SELECT 1 FROM events)");
  int rc = sqlite3_step(q.get());
  if (rc != SQLITE_ROW) impl_->fail(rc, tr("reading the log"));
  return sqlite3_column_int(q.get(), 0) != 0;
}

std::vector<std::string> EventStore::delivered(const std::string& plan_id) const {
  Statement q(impl_->db, "SELECT key FROM deliveries WHERE plan_id = ?1 ORDER BY key");
  sqlite3_bind_text(q.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
  std::vector<std::string> out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) out.push_back(column_text(q.get(), 0));
  if (rc != SQLITE_DONE) impl_->fail(rc, tr("reading the delivery memory"));
  return out;
}

void EventStore::mark_delivered(const std::string& plan_id, const std::vector<std::string>& keys,
                                const std::string& at) {
  if (keys.empty()) return;
  impl_->exec("BEGIN IMMEDIATE", tr("remembering deliveries"));
  try {
    Statement put(
        impl_->db,
        "INSERT OR REPLACE INTO deliveries (plan_id, key, delivered_at) VALUES (?1, ?2, ?3)");
    for (const std::string& key : keys) {
      sqlite3_bind_text(put.get(), 1, plan_id.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(put.get(), 2, key.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(put.get(), 3, at.c_str(), -1, SQLITE_STATIC);
      int rc = sqlite3_step(put.get());
      if (rc != SQLITE_DONE) impl_->fail(rc, tr("remembering deliveries"));
      sqlite3_reset(put.get());
    }
    impl_->exec("COMMIT", tr("remembering deliveries"));
  } catch (...) {
    sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

EventStore::Claim EventStore::claim_delivery(const std::string& plan_id,
                                             const std::string& notifier, const std::string& key,
                                             const std::string& at, bool again) {
  return claim_deliveries(plan_id, notifier, {DeliveryClaim{key, again}}, at).front();
}

void EventStore::settle_delivery(const std::string& plan_id, const std::string& notifier,
                                 const std::string& key, bool delivered,
                                 const std::string& event_json, const std::string& at) {
  settle_deliveries(plan_id, notifier, {DeliverySettlement{key, event_json}}, delivered, at);
}

std::vector<EventStore::Claim> EventStore::claim_deliveries(
    const std::string& plan_id, const std::string& notifier,
    const std::vector<DeliveryClaim>& claims, const std::string& at) {
  std::vector<Claim> out;
  if (claims.empty()) return out;
  impl_->exec("BEGIN IMMEDIATE", tr("claiming a delivery"));
  try {
    for (const DeliveryClaim& c : claims) {
      out.push_back(impl_->claim_delivery(plan_id, notifier, c.key, at, c.again));
    }
    impl_->exec("COMMIT", tr("claiming a delivery"));
    return out;
  } catch (...) {
    sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void EventStore::settle_deliveries(const std::string& plan_id, const std::string& notifier,
                                   const std::vector<DeliverySettlement>& settlements,
                                   bool delivered, const std::string& at) {
  if (settlements.empty()) return;
  static const std::string kNone;
  impl_->exec("BEGIN IMMEDIATE", tr("remembering a delivery"));
  try {
    for (const DeliverySettlement& d : settlements) {
      impl_->put_delivery(plan_id, notifier, d.key, delivered ? "delivered" : "pending",
                          delivered ? kNone : d.event_json, at);
    }
    impl_->exec("COMMIT", tr("remembering a delivery"));
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
  if (rc != SQLITE_DONE) impl_->fail(rc, tr("reading the deliveries kept"));
  return out;
}

std::size_t EventStore::pending_count(const std::string& plan_id,
                                      const std::string& notifier) const {
  return pending_deliveries(plan_id, notifier).size();
}

EventStore::Snapshot::Snapshot(const EventStore& store) : store_(store) {
  if (sqlite3_get_autocommit(store.impl_->db)) {  // not inside a transaction already
    int rc = sqlite3_exec(store.impl_->db, "BEGIN", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) store.impl_->fail(rc, tr("starting to read"));
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
