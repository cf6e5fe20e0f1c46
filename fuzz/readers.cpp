// Reader targets: arbitrary bytes as the content of a file of each format.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/diagnostics.h"
#include "core/utf8.h"
#include "fuzz/targets.h"
#include "ingest/reader.h"

namespace veille::fuzz {
namespace {

// What every reader promises of the documents it emits.
void CheckDoc(const Doc& doc) {
  FUZZ_CHECK(utf8::IsValid(doc.text));
  const auto& anchors = doc.map.anchors();
  if (!anchors.empty()) {
    FUZZ_CHECK(doc.map.derived_size() == doc.text.size());
    FUZZ_CHECK(doc.map.source_size() == doc.original.size());
    for (size_t i = 1; i < anchors.size(); ++i) {
      FUZZ_CHECK(anchors[i - 1].derived <= anchors[i].derived);
      FUZZ_CHECK(anchors[i - 1].source <= anchors[i].source);
    }
  }
  for (const Removal& r : doc.removed) FUZZ_CHECK(r.span.start <= r.span.end && r.span.end <= doc.original.size());
  for (const Span& s : doc.sentences) FUZZ_CHECK(s.start <= s.end && s.end <= doc.text.size());
}

int Read(const uint8_t* data, size_t size, const char* name) {
  static FILE* devnull = std::fopen("/dev/null", "w");
  Diagnostics diag(devnull);
  ReadOptions options;
  options.max_doc_bytes = 1 << 20;
  ReadBytes(std::string(reinterpret_cast<const char*>(data), size), name, options, diag,
            [](Doc&& doc) { CheckDoc(doc); });
  return 0;
}

}  // namespace

int Text(const uint8_t* data, size_t size) { return Read(data, size, "fuzz.txt"); }
int Jsonl(const uint8_t* data, size_t size) { return Read(data, size, "fuzz.jsonl"); }
int Html(const uint8_t* data, size_t size) { return Read(data, size, "fuzz.html"); }
int Warc(const uint8_t* data, size_t size) { return Read(data, size, "fuzz.warc"); }
int Gzip(const uint8_t* data, size_t size) { return Read(data, size, "fuzz.gz"); }
int Sniff(const uint8_t* data, size_t size) { return Read(data, size, "fuzz"); }

void CheckFailed(const char* what, const char* file, int line) {
  std::fprintf(stderr, "FUZZ_CHECK failed: %s at %s:%d\n", what, file, line);
  std::abort();
}

}  // namespace veille::fuzz
