#include "store/database.h"

#include <fmt/format.h>

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "store/fts_french.h"
#include "store/schema.h"

namespace veille::store {
namespace {

// SQLite's message for the last error, with the system's reason when a write or
// read failed ("disk I/O error (File too large)", "database or disk is full (No
// space left on device)").
std::string ErrorText(sqlite3* db) {
  std::string msg = sqlite3_errmsg(db);
  int primary = sqlite3_extended_errcode(db) & 0xFF;
  int err = sqlite3_system_errno(db);
  if (primary != SQLITE_IOERR && primary != SQLITE_FULL) return msg;
  if (err != 0 && err != ENOSPC) return msg + fmt::format(" ({})", std::strerror(err));
  if (primary == SQLITE_FULL) return msg + " (no space left on the device)";
  // SQLite does not keep the reason of a failed write (EFBIG over `ulimit -f`):
  // name the limit when there is one.
  struct rlimit limit;
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    msg += fmt::format(" (a write failed; this process may not write files over {} KiB: ulimit -f)",
                       limit.rlim_cur / 1024);
  return msg;
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                         nullptr) != SQLITE_OK)
    throw StoreError(fmt::format("{}: cannot prepare statement: {}", sqlite3_db_filename(db, "main"),
                                 sqlite3_errmsg(db)));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::Check(int rc, const char* what) {
  if (rc != SQLITE_OK)
    throw StoreError(fmt::format("{}: {}: {}", sqlite3_db_filename(db_, "main"), what, ErrorText(db_)));
}

Statement& Statement::Bind(int i, int64_t v) {
  Check(sqlite3_bind_int64(stmt_, i, v), "bind");
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  Check(sqlite3_bind_double(stmt_, i, v), "bind");
  return *this;
}
Statement& Statement::Bind(int i, std::string_view v) {
  Check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8), "bind");
  return *this;
}
Statement& Statement::Bind(int i, const std::optional<std::string>& v) { return v ? Bind(i, *v) : BindNull(i); }
Statement& Statement::BindBlob(int i, std::string_view v) {
  Check(sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT), "bind");
  return *this;
}
Statement& Statement::BindNull(int i) {
  Check(sqlite3_bind_null(stmt_, i), "bind");
  return *this;
}

bool Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string msg = ErrorText(db_);
  sqlite3_reset(stmt_);
  throw StoreError(fmt::format("{}: {}", sqlite3_db_filename(db_, "main"), msg));
}

void Statement::Run() {
  while (Step()) {
  }
  sqlite3_reset(stmt_);
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::TextView(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(reinterpret_cast<const char*>(p), n) : std::string_view();
}
std::string_view Statement::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(static_cast<const char*>(p), n) : std::string_view();
}
std::string Statement::Text(int col) const { return std::string(TextView(col)); }
std::optional<std::string> Statement::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

Database::Database(const std::string& path, Mode mode, int schema_target) : path_(path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (mode == Mode::kReadOnly && !fs::exists(path, ec))
    throw StoreError(fmt::format("{}: no such database (create it with veille ingest)", path));
  if (fs::is_directory(path, ec)) throw StoreError(fmt::format("{}: is a directory, not a database file", path));
  if (mode == Mode::kReadWrite && !fs::exists(path, ec)) {
    // Say why a new database cannot be created rather than SQLite's generic message.
    fs::path dir = fs::path(path).parent_path();
    if (dir.empty()) dir = ".";
    if (!fs::is_directory(dir, ec))
      throw StoreError(fmt::format("{}: cannot create database: no directory {}", path, dir.string()));
    if (access(dir.c_str(), W_OK) != 0)
      throw StoreError(fmt::format("{}: cannot create database: directory {} is not writable ({})", path,
                                   dir.string(), std::strerror(errno)));
  }
  int flags = mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc == SQLITE_OK && mode == Mode::kReadOnly && SchemaVersion(db_) < 0 &&
      (sqlite3_errcode(db_) == SQLITE_READONLY || sqlite3_errcode(db_) == SQLITE_CANTOPEN)) {
    // A WAL database where its -shm file cannot be created (read-only directory or
    // medium): open it as immutable, which needs no -shm.
    sqlite3_close(db_);
    db_ = nullptr;
    std::string uri = "file:";
    for (char c : fs::absolute(path, ec).string()) {
      if (c == '?' || c == '#' || c == '%') uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
      else uri += c;
    }
    uri += "?immutable=1";
    rc = sqlite3_open_v2(uri.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  }
  if (rc != SQLITE_OK) {
    int err = db_ ? sqlite3_system_errno(db_) : 0;
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("{}: cannot open database: {}{}", path, msg,
                                 err ? fmt::format(" ({})", std::strerror(err)) : ""));
  }
  try {
    if (mode == Mode::kReadWrite && sqlite3_db_readonly(db_, "main") == 1)
      throw StoreError(fmt::format("{}: database is read-only (cannot write to it)", path));
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 10000);
    RegisterFrenchTokenizer(db_);
    if (mode == Mode::kReadWrite) {
      {
        Statement wal(db_, "PRAGMA journal_mode=WAL");
        if (!wal.Step() || wal.TextView(0) != "wal")
          throw StoreError(fmt::format("{}: cannot switch the journal to WAL", path));
      }
      // A bigger page cache keeps the FTS index pages in memory across a batch.
      Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536");
      Migrate(db_, path, schema_target < 0 ? kSchemaVersion : schema_target);
    } else {
      int v = SchemaVersion(db_);
      if (v < 0) throw StoreError(fmt::format("{}: not a database: {}", path, sqlite3_errmsg(db_)));
      if (v == 0) throw StoreError(fmt::format("{}: not a veille database (no schema)", path));
      if (v > kSchemaVersion)
        throw StoreError(fmt::format("{}: database schema version {} is newer than this veille supports ({}); "
                                     "use a newer veille",
                                     path, v, kSchemaVersion));
      if (v < kSchemaVersion)
        throw StoreError(fmt::format("{}: database schema version {} is older than this veille's ({}); "
                                     "run veille ingest on it once to migrate",
                                     path, v, kSchemaVersion));
    }
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

Database::~Database() { sqlite3_close(db_); }

void Database::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = ErrorText(db_);
    if (err && msg.find(err) == std::string::npos) msg = err;
    sqlite3_free(err);
    throw StoreError(fmt::format("{}: {}", path_, msg));
  }
}

void Database::Rollback() { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

int Database::schema_version() { return SchemaVersion(db_); }

}  // namespace veille::store
