#pragma once
// The store's schema: what a database's tables say it is, and bringing it forward to the schema
// this plantrack writes. Internal to the store module.
#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace plantrack::store {

/// PRAGMA application_id of a plantrack store ("PlTk"). Stores made before it was set have 0 and
/// are recognised by their tables; they get it on their next write.
constexpr std::int32_t kApplicationId = 0x506C546B;

/// The schema version of the database, checked against its tables. A version of 0 or below (not
/// set: what `sqlite3 old.db .dump | sqlite3 new.db` gives) is read from the tables themselves;
/// 0 for an empty database. Throws StoreError for a database that is not a plantrack store (a
/// foreign application id, or tables that are not plantrack's), one written by a newer plantrack,
/// and one whose tables are newer or older than its version says.
int schema_version(sqlite3* db, const std::string& path);

/// Brings the database from `version` (as schema_version gave it) to the current schema in one
/// transaction, and sets plantrack's application id. No step drops a column: a table rebuilt
/// keeps every column it had. Throws StoreError.
void migrate(sqlite3* db, const std::string& path, int version);

/// Throws StoreError when SQLite's quick_check finds the database damaged.
void check_integrity(sqlite3* db, const std::string& path);

/// Throws StoreError when the file at `path` is shorter than its SQLite header says (truncated).
/// Reads only the header: cheap enough for every open. Skipped while a -wal or -journal file
/// beside it has content (a checkpoint may be lengthening the file).
void check_length(const std::string& path);

}  // namespace plantrack::store
