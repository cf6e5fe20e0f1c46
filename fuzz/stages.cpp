// Text-stage targets: the cleaner on a document read from arbitrary bytes, and the
// sentence splitter on arbitrary (repaired) UTF-8.
#include <cstdio>
#include <string>

#include "clean/cleaner.h"
#include "core/diagnostics.h"
#include "core/utf8.h"
#include "fuzz/targets.h"
#include "ingest/reader.h"
#include "segment/segmenter.h"

namespace veille::fuzz {
namespace {

bool IsBoundary(std::string_view text, uint32_t pos) {
  return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

}  // namespace

int Cleaner(const uint8_t* data, size_t size) {
  static const veille::Cleaner cleaner;
  static FILE* devnull = std::fopen("/dev/null", "w");
  Diagnostics diag(devnull);
  ReadBytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt", ReadOptions{}, diag, [](Doc&& doc) {
    cleaner.Run(doc);
    FUZZ_CHECK(utf8::IsValid(doc.text));
    FUZZ_CHECK(doc.map.derived_size() == doc.text.size());
    FUZZ_CHECK(doc.map.source_size() == doc.original.size());
    for (const Removal& r : doc.removed) FUZZ_CHECK(r.span.start <= r.span.end && r.span.end <= doc.original.size());
    // Each original byte is removed for one reason at most (doc.removed is sorted).
    for (size_t i = 1; i < doc.removed.size(); ++i) FUZZ_CHECK(doc.removed[i - 1].span.end <= doc.removed[i].span.start);
    const auto& anchors = doc.map.anchors();
    for (size_t i = 1; i < anchors.size(); ++i) {
      FUZZ_CHECK(anchors[i - 1].derived <= anchors[i].derived);
      FUZZ_CHECK(anchors[i - 1].source <= anchors[i].source);
    }
    // Every offset of the cleaned text maps into the original.
    for (uint32_t pos = 0; pos <= doc.text.size(); pos += 1 + pos / 8)
      FUZZ_CHECK(doc.map.ToSource(pos) <= doc.original.size());
  });
  return 0;
}

int Segmenter(const uint8_t* data, size_t size) {
  static const veille::Segmenter segmenter = veille::Segmenter::Load();
  std::string text;
  utf8::Repair(std::string_view(reinterpret_cast<const char*>(data), size), &text);
  std::vector<Span> sentences = segmenter.Split(text);
  uint32_t last = 0;
  for (const Span& s : sentences) {
    FUZZ_CHECK(s.start >= last && s.start < s.end && s.end <= text.size());
    FUZZ_CHECK(IsBoundary(text, s.start) && IsBoundary(text, s.end));
    last = s.end;
  }
  return 0;
}

}  // namespace veille::fuzz
