#pragma once
// What the store's files share about SQLite: a prepared statement, running SQL, and turning an
// SQLite error into a StoreError in user terms. Internal to the store module.
#include <sqlite3.h>

#include <string>
#include <string_view>

#include "plantrack/store.hpp"

namespace plantrack::store {

/// Throws a StoreError saying what went wrong with the store at `path`, in user terms.
[[noreturn]] void fail(sqlite3* db, const std::string& path, int code, const std::string& doing);

/// Runs SQL (several statements allowed); throws through fail().
void exec(sqlite3* db, const std::string& path, const char* sql, const std::string& doing);

/// Owns a prepared statement.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql);
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

/// A text column as stored (bytes valid until the next step).
std::string_view column_view(sqlite3_stmt* s, int column);

/// A text column as UTF-8: bytes that are not (written by an older plantrack, or by hand) become
/// U+FFFD, so that every reader can print and serialise what it reads.
std::string column_text(sqlite3_stmt* s, int column);

}  // namespace plantrack::store
