// The corpus database: an embedded SQLite file (WAL journal, FTS5 with a French
// stemming tokenizer) holding every document veille processed and its annotations.
// The schema is described in README.md ("The corpus database") and created or
// migrated forward on open (schema.h).
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace veille::store {

// Anything that goes wrong with the database; the message names the file.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A prepared statement. Parameters are bound by position (1-based), never spliced into SQL.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }

  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::string_view v);       // TEXT
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::optional<std::string>& v);  // TEXT or NULL
  Statement& BindBlob(int i, std::string_view v);   // BLOB
  Statement& BindNull(int i);
  // Binds NULL when `v` is empty, else TEXT.
  Statement& BindOrNull(int i, std::string_view v) { return v.empty() ? BindNull(i) : Bind(i, v); }

  // Steps once: true when a row is available, false when done. Throws on error.
  bool Step();
  // Steps to completion (for statements that return no rows) and resets.
  void Run();
  void Reset();  // resets and clears the bindings

  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string Text(int col) const;
  std::string_view TextView(int col) const;  // valid until the next Step/Reset
  std::optional<std::string> OptText(int col) const;
  std::string_view Blob(int col) const;  // valid until the next Step/Reset
  int columns() const { return sqlite3_column_count(stmt_); }
  int ColumnType(int col) const { return sqlite3_column_type(stmt_, col); }
  const char* ColumnName(int col) const { return sqlite3_column_name(stmt_, col); }

 private:
  void Check(int rc, const char* what);
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  enum class Mode {
    kReadWrite,  // create the file if missing, migrate the schema forward
    kReadOnly,   // the file must exist and be at the current schema version
  };
  // Opens (and when writable, creates and migrates) the database at `path`.
  // Throws StoreError with a clear message: file missing, not writable, not a veille
  // database, or written by a newer veille.
  // `schema_target` is for tests of the migrations: stop at that version.
  Database(const std::string& path, Mode mode, int schema_target = -1);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Executes one or more SQL statements without parameters (schema, pragmas).
  void Exec(std::string_view sql);
  Statement Prepare(std::string_view sql) { return Statement(db_, sql); }

  void Begin() { Exec("BEGIN IMMEDIATE"); }
  void Commit() { Exec("COMMIT"); }
  void Rollback();

  int schema_version();

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace veille::store
