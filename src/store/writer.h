// Writing processed documents to the corpus database, in batches, idempotently.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/doc.h"
#include "store/database.h"

namespace veille::store {

// The idempotency key of a document: XXH3-128 of its original bytes (16 bytes, canonical
// big-endian form).
std::string ContentHash(std::string_view original);

class Writer {
 public:
  // Documents are written in transactions of `batch_size` documents: a crash loses at
  // most the open batch, and a re-run writes it again.
  explicit Writer(Database& db, size_t batch_size = 200);
  ~Writer();  // rolls back an uncommitted batch (call Commit() to keep it)

  // True when a document with these original bytes is already stored (committed or in
  // the open batch).
  bool Contains(std::string_view hash);

  // Stores `doc` (all its fields and annotations) with its extract contract line
  // (`contract`, with or without the trailing newline). Returns false, storing nothing,
  // when the same original bytes are already stored.
  bool Add(const Doc& doc, std::string_view contract);
  bool Add(const Doc& doc, std::string_view hash, std::string_view contract);

  // Commits the open batch, if any.
  void Commit();

 private:
  struct Statements;
  void Begin();
  Database& db_;
  size_t batch_size_;
  size_t in_batch_ = 0;
  bool open_ = false;
  std::unique_ptr<Statements> st_;
};

}  // namespace veille::store
