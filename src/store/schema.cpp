#include "store/schema.h"

#include <fmt/format.h>

#include <iterator>

#include "store/database.h"

namespace veille::store {
namespace {

// Migration N takes the schema from version N-1 to N. Never edit a released one: add
// the next. Offsets are UTF-8 byte offsets into documents.text (removed: into
// documents.original), end exclusive, as in the extract contract.
constexpr const char* kMigrations[] = {
    // 1: documents and their annotations.
    R"sql(
CREATE TABLE documents (
  doc         INTEGER PRIMARY KEY,      -- internal key of the stored document
  hash        BLOB NOT NULL UNIQUE,     -- XXH3-128 of the original bytes: the idempotency key
  id          TEXT NOT NULL,            -- the contract's id (not unique across inputs)
  source      TEXT NOT NULL,
  url         TEXT,
  title       TEXT,
  date        TEXT,                     -- YYYY-MM-DD
  date_source TEXT,
  format      TEXT NOT NULL,
  lang        TEXT NOT NULL,
  lang_score  REAL NOT NULL,
  dup_of      TEXT,
  story       TEXT,
  text        TEXT NOT NULL,            -- the cleaned text every span points into
  original    BLOB,                     -- the input as read; NULL when byte-identical to text
  map         BLOB NOT NULL,            -- OffsetMap text -> original: little-endian u32 pairs
  contract    BLOB NOT NULL,            -- the extract contract line (no newline), zlib-compressed
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_id ON documents(id);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE sentences (
  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  n INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;

CREATE TABLE removed (
  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  n INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  why TEXT NOT NULL, rule TEXT NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;

CREATE TABLE entities (
  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  n INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  type TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, actor TEXT,
  via TEXT NOT NULL, rule TEXT NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;
CREATE INDEX entities_id ON entities(id);

CREATE TABLE timex (
  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  n INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  value TEXT, anchor TEXT NOT NULL, rule TEXT NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;

CREATE TABLE tokens (
  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  n INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  sentence INTEGER NOT NULL, pos TEXT NOT NULL, lemma TEXT NOT NULL, feats TEXT NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;

CREATE TABLE quotes (
  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  n INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,  -- NULL when no speaker
  speaker_id TEXT, speaker_name TEXT, speaker_actor TEXT,
  verb TEXT, rule TEXT NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_id);

CREATE TABLE events (
  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  n INTEGER NOT NULL, sentence INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  source_id TEXT NOT NULL, source_name TEXT NOT NULL, source_actor TEXT NOT NULL,
  source_start INTEGER NOT NULL, source_end INTEGER NOT NULL, source_text TEXT NOT NULL,
  target_id TEXT, target_name TEXT, target_actor TEXT,                  -- NULL when no target
  target_start INTEGER, target_end INTEGER, target_text TEXT,
  code TEXT NOT NULL, root TEXT NOT NULL, plover TEXT NOT NULL,
  goldstein REAL NOT NULL, quad INTEGER NOT NULL, polarity TEXT NOT NULL,
  date TEXT,                                                            -- the event's own date
  place_name TEXT, place_country TEXT, place_lat REAL, place_lon REAL,  -- NULL when no place
  rule TEXT NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;
CREATE INDEX events_source ON events(source_id);
CREATE INDEX events_target ON events(target_id);
CREATE INDEX events_code ON events(code);

CREATE TABLE warnings (
  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  n INTEGER NOT NULL, message TEXT NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;
)sql",
    // 2: full-text search over title and text, French stemming (tokenizer veille_french).
    R"sql(
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='doc', tokenize='veille_french');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc, old.title, old.text);
END;
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

void ExecOrThrow(sqlite3* db, const std::string& path, const char* sql, const char* what) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    throw StoreError(fmt::format("{}: {}: {}", path, what, msg));
  }
}

}  // namespace

int SchemaVersion(sqlite3* db) {
  sqlite3_stmt* st = nullptr;
  int v = -1;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return v;
}

void Migrate(sqlite3* db, const std::string& path, int target) {
  int v = SchemaVersion(db);
  if (v < 0) throw StoreError(fmt::format("{}: not a database: {}", path, sqlite3_errmsg(db)));
  if (v > kSchemaVersion)
    throw StoreError(fmt::format("{}: database schema version {} is newer than this veille supports ({}); "
                                 "use a newer veille",
                                 path, v, kSchemaVersion));
  for (; v < target; ++v) {
    ExecOrThrow(db, path, "BEGIN IMMEDIATE", "cannot write");
    // Re-read inside the write lock: another process may have migrated meanwhile.
    int now = SchemaVersion(db);
    if (now > v) {
      ExecOrThrow(db, path, "COMMIT", "cannot write");
      v = now - 1;
      continue;
    }
    try {
      ExecOrThrow(db, path, kMigrations[v], fmt::format("migration to schema version {}", v + 1).c_str());
      ExecOrThrow(db, path, fmt::format("PRAGMA user_version = {}", v + 1).c_str(), "cannot set schema version");
      ExecOrThrow(db, path, "COMMIT", "cannot write");
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
}

}  // namespace veille::store
