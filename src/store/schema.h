// The schema of the corpus database and its forward migrations.
//
// `PRAGMA user_version` holds the schema version. Each migration takes the database
// from version N-1 to N in one transaction; opening a database runs the missing
// ones in order. A database whose version is newer than kSchemaVersion was written
// by a newer veille and is refused.
#pragma once
#include <sqlite3.h>

#include <string>

namespace veille::store {

constexpr int kSchemaVersion = 2;

// Runs the migrations from the database's current version up to `target`.
// Throws StoreError (naming `path`) on failure or when the database is newer.
void Migrate(sqlite3* db, const std::string& path, int target = kSchemaVersion);

// The version stored in the file (0 for a new, empty database).
int SchemaVersion(sqlite3* db);

}  // namespace veille::store
