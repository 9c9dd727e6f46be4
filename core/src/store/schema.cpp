// The store's schema, its versions, and migrating forward. See docs/tracking.md ("The store").
#include "schema.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "plantrack/i18n.hpp"
#include "plantrack/store.hpp"
#include "spent_sums.hpp"
#include "sqlite_support.hpp"

namespace plantrack::store {
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
// again; a partial index finds the spending. Every column the old table has is copied, also one
// plantrack does not know (added by hand): a migration never drops data.
constexpr const char* kEventsV6 = R"sql(
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
  participant TEXT)sql";

constexpr const char* kSchemaV6Rest = R"sql(
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

// Version 7: deliveries remembered per notifier and key, claimed before sending and settled as
// each is delivered, so that no notification is sent twice (docs/plugins.md).
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

// Version 8: what each plan's payments sum to per (task, source, year), kept beside the log as the
// task summaries are (spent_sums.cpp), built from the log here once.
constexpr const char* kSchemaV8 = "PRAGMA user_version = 8;";

// Version 9: task summaries say when a task became done (summary version 3). Those folded before
// are marked out of date, so status reads the log until the next write folds them all again.
constexpr const char* kSchemaV9 = "DELETE FROM summaries_through; PRAGMA user_version = 9;";

// The columns of the events table as every version has them (1-5), and those version 6 adds.
constexpr const char* kEventColumns[] = {
    "id",          "plan_id", "task_id", "kind",     "quantity",      "year",   "effective_date",
    "recorded_at", "actor",   "note",    "evidence", "plan_revision", "reverts"};
constexpr const char* kSpendColumns[] = {"source", "amount", "cost", "participant"};

std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::int64_t pragma(sqlite3* db, const std::string& path, const char* name) {
  Statement s(db, (std::string("PRAGMA ") + name).c_str());
  int rc = sqlite3_step(s.get());
  if (rc != SQLITE_ROW) fail(db, path, rc, tr("reading {pragma}", {{"pragma", name}}));
  return sqlite3_column_int64(s.get(), 0);
}

// A column: its name and declared type.
struct Column {
  std::string name, type;
};

// The database's own tables (not SQLite's), and the events table's columns.
struct Tables {
  std::vector<std::string> names;
  std::vector<Column> events;
  bool has(std::string_view table) const {
    return std::find(names.begin(), names.end(), table) != names.end();
  }
  bool has_column(std::string_view column) const {
    return std::any_of(events.begin(), events.end(),
                       [&](const Column& c) { return c.name == column; });
  }
};

Tables read_tables(sqlite3* db, const std::string& path) {
  Tables t;
  Statement names(db,
                  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                  "'sqlite\\_%' ESCAPE '\\' ORDER BY name");
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(names.get())) == SQLITE_ROW) {
    t.names.push_back(column_text(names.get(), 0));
  }
  if (rc != SQLITE_DONE) fail(db, path, rc, tr("reading the tables"));
  Statement columns(db, "SELECT name, type FROM pragma_table_info('events')");
  while ((rc = sqlite3_step(columns.get())) == SQLITE_ROW) {
    t.events.push_back(Column{column_text(columns.get(), 0), column_text(columns.get(), 1)});
  }
  if (rc != SQLITE_DONE) fail(db, path, rc, tr("reading the events table"));
  return t;
}

std::string list(const std::vector<std::string>& names, std::size_t most = 5) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < most; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > most) out += ", ...";
  return out;
}

// `message` says which store and why it is not plantrack's.
[[noreturn]] void not_plantrack(std::string message) {
  throw StoreError(std::move(message),
                   tr("pass --db with the plan's own store (by default PLAN.plantrack.db), or a "
                      "new path where plantrack may start one"));
}

// The schema the tables are at: 1 (events; versions 2 and 3 only add indexes), 4 (task
// summaries), 5 (delivery memory), 6 (spending columns), 7 (deliveries per notifier), 8 (payment
// sums). Refuses
// tables that are not plantrack's.
int schema_of_tables(const Tables& t, const std::string& path) {
  if (!t.has("events")) {
    not_plantrack(
        tr("the store {path} is an SQLite database, but not a plantrack store (it has "
           "the tables {tables} and no event log)",
           {{"path", path}, {"tables", list(t.names)}}));
  }
  std::vector<std::string> missing;
  for (const char* c : kEventColumns) {
    if (!t.has_column(c)) missing.emplace_back(c);
  }
  if (!missing.empty()) {
    not_plantrack(
        tr("the store {path} is an SQLite database, but not a plantrack store (its "
           "table \"events\" has no column {columns})",
           {{"path", path}, {"columns", list(missing)}}));
  }
  std::size_t spend =
      static_cast<std::size_t>(std::count_if(std::begin(kSpendColumns), std::end(kSpendColumns),
                                             [&](const char* c) { return t.has_column(c); }));
  if (spend == std::size(kSpendColumns)) {
    if (t.has("spent_sums")) return 8;
    return t.has("notifier_deliveries") ? 7 : 6;
  }
  if (spend > 0) {
    throw StoreError(tr("the store {path} is damaged: its table \"events\" has only some of the "
                        "spending columns (source, amount, cost, participant)",
                        {{"path", path}}),
                     tr("restore it from a backup"));
  }
  if (t.has("deliveries")) return 5;
  if (t.has("task_summaries")) return 4;
  return 1;
}

// The schema whose tables a version has (versions 2 and 3 only add indexes to version 1's;
// version 9 only marks the task summaries out of date).
int tables_of_version(int version) {
  return version <= 3 ? 1 : version == 9 ? 8 : version;
}

}  // namespace

int schema_version(sqlite3* db, const std::string& path) {
  auto id = static_cast<std::int32_t>(pragma(db, path, "application_id"));
  if (id != 0 && id != kApplicationId) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08X", static_cast<unsigned>(id));
    not_plantrack(
        tr("the store {path} is an SQLite database, but not a plantrack store (its "
           "application id is {id})",
           {{"path", path}, {"id", hex}}));
  }
  auto version = static_cast<int>(pragma(db, path, "user_version"));
  if (version > EventStore::kSchemaVersion) {
    throw StoreError(
        tr("the store {path} was written by a newer plantrack (schema {version}; "
           "this one reads up to {supported})",
           {{"path", path}, {"version", version}, {"supported", EventStore::kSchemaVersion}}),
        tr("upgrade plantrack, or pass --db with another path"));
  }
  Tables tables = read_tables(db, path);
  if (tables.names.empty()) {
    if (version > 0) {
      throw StoreError(tr("the store {path} is damaged: it says schema {version} but has no tables",
                          {{"path", path}, {"version", version}}),
                       tr("restore it from a backup, or remove it to start an empty store"));
    }
    return 0;  // a new store
  }
  int found = schema_of_tables(tables, path);
  if (version <= 0) return found;  // not set (a restored dump): the tables say
  int expected = tables_of_version(version);
  if (found > expected) {
    throw StoreError(tr("the store {path} says it is schema {version} (PRAGMA user_version) but "
                        "its tables are of schema {found}; migrating it would lose data",
                        {{"path", path}, {"version", version}, {"found", found}}),
                     tr("if it was restored or edited by hand and its tables are right, set its "
                        "version with: sqlite3 {path} 'PRAGMA user_version = {found}'; otherwise "
                        "restore it from a backup",
                        {{"path", path}, {"found", found}}));
  }
  if (found < expected) {
    throw StoreError(tr("the store {path} is damaged: it says schema {version} but its tables are "
                        "of schema {found}",
                        {{"path", path}, {"version", version}, {"found", found}}),
                     tr("restore it from a backup"));
  }
  return version;
}

namespace {

// Version 6's table rebuild, keeping every column the old table has.
std::string rebuild_for_spending(sqlite3* db, const std::string& path) {
  Tables t = read_tables(db, path);
  std::string create = "CREATE TABLE events_v6 (";
  create += kEventsV6;
  std::string copied;
  for (const Column& c : t.events) {
    copied += (copied.empty() ? "" : ", ") + quoted(c.name);
    bool known = std::any_of(std::begin(kEventColumns), std::end(kEventColumns),
                             [&](const char* k) { return c.name == k; });
    if (!known) create += ",\n  " + quoted(c.name) + " " + c.type;  // added by hand: kept
  }
  create += ");\n";
  return create + "INSERT INTO events_v6 (" + copied + ") SELECT " + copied +
         " FROM events ORDER BY id;\n" + kSchemaV6Rest;
}

}  // namespace

void migrate(sqlite3* db, const std::string& path, int version) {
  bool claimed = pragma(db, path, "application_id") == kApplicationId;
  if (version == EventStore::kSchemaVersion && claimed) return;
  exec(db, path, "BEGIN IMMEDIATE", tr("starting the schema migration"));
  try {
    // Another process may have migrated it meanwhile: read the version again under the lock.
    version = schema_version(db, path);
    if (version < 1) exec(db, path, kSchemaV1, tr("creating the schema"));
    if (version < 2) exec(db, path, kSchemaV2, tr("adding the per-task index"));
    if (version < 3) exec(db, path, kSchemaV3, tr("adding the status index"));
    if (version < 4) exec(db, path, kSchemaV4, tr("adding the task summaries"));
    if (version < 5) exec(db, path, kSchemaV5, tr("adding the delivery memory"));
    if (version < 6) {
      exec(db, path, rebuild_for_spending(db, path).c_str(), tr("adding spending to the log"));
    }
    if (version < 7) exec(db, path, kSchemaV7, tr("adding deliveries per notifier"));
    if (version < 8) {
      exec(db, path, kSpentSumsTables, tr("adding the payment sums"));
      SpentSumsWriter::build(db, path);
      exec(db, path, kSchemaV8, tr("adding the payment sums"));
    }
    if (version < 9) exec(db, path, kSchemaV9, tr("marking the task summaries for refolding"));
    // A version read from the tables (a restored dump) is written down too.
    exec(db, path,
         ("PRAGMA user_version = " + std::to_string(EventStore::kSchemaVersion) +
          "; PRAGMA application_id = " + std::to_string(kApplicationId))
             .c_str(),
         tr("marking the store as plantrack's"));
    exec(db, path, "COMMIT", tr("finishing the schema migration"));
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

namespace {

// Past this size a whole quick_check costs more than a write is worth (measured: ~6 ms per MiB,
// 3 s for a store of 1M events, whose record takes 17 ms): only the tables other than the log are
// checked, besides the length check every open makes and SQLite's own checks of each page it reads.
constexpr std::uintmax_t kWholeCheckBytes = 32u << 20;

std::vector<std::string> quick_check(sqlite3* db, const std::string& path, const char* sql) {
  Statement q(db, sql);
  std::vector<std::string> problems;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) problems.push_back(column_text(q.get(), 0));
  if (rc != SQLITE_DONE) fail(db, path, rc, tr("checking the store's integrity"));
  if (problems.size() == 1 && problems[0] == "ok") problems.clear();
  return problems;
}

}  // namespace

void check_integrity(sqlite3* db, const std::string& path) {
  std::error_code ec;
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  std::vector<std::string> problems;
  if (ec || size <= kWholeCheckBytes) {
    problems = quick_check(db, path, "PRAGMA quick_check(3)");
  } else {
    Tables t = read_tables(db, path);
    for (const char* table :
         {"task_summaries", "summaries_through", "deliveries", "spent_sums", "spent_sums_state"}) {
      if (!t.has(table)) continue;
      problems =
          quick_check(db, path, (std::string("PRAGMA quick_check('") + table + "')").c_str());
      if (!problems.empty()) break;
    }
  }
  if (problems.empty()) return;
  // The first problem found, on one line ("*** in database main ***" heads the list).
  std::string first;
  std::size_t lines = 0;
  for (const std::string& row : problems) {
    std::size_t at = 0;
    while (at < row.size()) {
      std::size_t end = std::min(row.find('\n', at), row.size());
      std::string line = row.substr(at, end - at);
      at = end + 1;
      if (line.empty() || line.rfind("***", 0) == 0) continue;
      if (lines++ == 0) first = line;
    }
  }
  throw StoreError(
      lines > 1 ? tr("the store {path} is damaged (SQLite's integrity check: {problem}, and more)",
                     {{"path", path}, {"problem", first}})
                : tr("the store {path} is damaged (SQLite's integrity check: {problem})",
                     {{"path", path}, {"problem", first}}),
      tr("restore it from a backup; to save what can still be read: sqlite3 {path} .recover | "
         "sqlite3 recovered.db",
         {{"path", path}}));
}

void check_length(const std::string& path) {
  // While a -wal (or -journal) file has content, another process may be copying pages into the
  // file: page 1, with the new page count, is written before the pages that lengthen the file.
  // The check is made only when nothing can be under way.
  std::error_code ec;
  for (const char* beside : {"-wal", "-journal"}) {
    if (std::filesystem::file_size(path + beside, ec) > 0 && !ec) return;
  }
  std::ifstream in(path, std::ios::binary);
  unsigned char h[100] = {};
  if (!in.read(reinterpret_cast<char*>(h), sizeof h)) return;  // too short: SQLite says so
  if (std::string_view(reinterpret_cast<char*>(h), 16) !=
      std::string_view("SQLite format 3\0", 16)) {
    return;
  }
  auto be32 = [&](int at) {
    return std::uint32_t{h[at]} << 24 | std::uint32_t{h[at + 1]} << 16 |
           std::uint32_t{h[at + 2]} << 8 | std::uint32_t{h[at + 3]};
  };
  std::uint32_t page_size = std::uint32_t{h[16]} << 8 | h[17];
  if (page_size == 1) page_size = 65536;
  // The page count in the header is valid only when written by the same change (SQLite 3.7.0+).
  if (be32(24) != be32(92) || page_size < 512) return;
  std::uint64_t expected = std::uint64_t{be32(28)} * page_size;
  in.seekg(0, std::ios::end);
  auto size = static_cast<std::uint64_t>(in.tellg());
  if (size >= expected) return;
  throw StoreError(tr("the store {path} is damaged: it is cut short ({size} bytes of {expected})",
                      {{"path", path}, {"size", size}, {"expected", expected}}),
                   tr("restore it from a backup; to save what can still be read: sqlite3 {path} "
                      ".recover | sqlite3 recovered.db",
                      {{"path", path}}));
}

}  // namespace plantrack::store
