// WARC/1.0 and WARC/1.1 record reading over a byte stream (plain or gzip).
// Internal to ingest/.
#pragma once
#include <cstddef>
#include <string>

#include "ingest/byte_source.h"

namespace veille {

struct WarcRecord {
  std::string type;          // WARC-Type
  std::string id;            // WARC-Record-ID without the angle brackets
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date (ISO 8601 as written)
  std::string content_type;  // of the HTTP payload for responses ("text/html; charset=...")
  std::string payload;       // for "response" records: the HTTP body (headers removed,
                             // chunked transfer-coding and gzip/deflate content-coding undone)
  int http_status = 0;       // of "response" records (200, 301, 404...); 0 when unknown
  size_t record_number = 0;  // 1-based, for messages
};

class WarcReader {
 public:
  WarcReader(ByteSource& src, size_t max_record_bytes) : src_(src), max_(max_record_bytes) {}
  // Returns false at the end of the stream. On a malformed or oversized record sets
  // *error (and returns true with record->type empty) and resynchronises at the
  // next "WARC/" header; on a truncated stream sets *error and returns false.
  bool Next(WarcRecord* record, std::string* error);

 private:
  ByteSource& src_;
  size_t max_;
  size_t count_ = 0;
  std::string pending_;
};

}  // namespace veille
