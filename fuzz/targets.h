// Fuzz targets: one function per input surface, each taking arbitrary bytes.
// The same functions are the libFuzzer entry points (fuzz/main.cpp, built with
// -DVEILLE_FUZZ=ON) and the replay of every saved crash in the normal test suite
// (tests/fuzz_regressions_test.cpp). A broken invariant aborts (FUZZ_CHECK).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace veille::fuzz {

using TargetFn = int (*)(const uint8_t* data, size_t size);

struct Target {
  std::string_view name;  // also the folder of its saved crashes: tests/data/fuzz/<name>/
  TargetFn fn;
};

// Readers (src/ingest/), through ReadBytes: the file name chooses the format.
int Text(const uint8_t* data, size_t size);   // .txt: UTF-8 repair, Windows-1252 decoding
int Jsonl(const uint8_t* data, size_t size);  // .jsonl
int Html(const uint8_t* data, size_t size);   // .html: charset, gumbo, main-content extraction
int Warc(const uint8_t* data, size_t size);   // .warc: record framing, HTTP payloads
int Gzip(const uint8_t* data, size_t size);   // .gz: gzip member framing, then sniffing
int Sniff(const uint8_t* data, size_t size);  // no extension: format sniffing (stdin's path)
// Text stages.
int Cleaner(const uint8_t* data, size_t size);    // src/clean/
int Segmenter(const uint8_t* data, size_t size);  // src/segment/
// Dictionary loaders: the first byte chooses a dict file, the rest replaces its content.
int Dict(const uint8_t* data, size_t size);
// veille serve: "METHOD\nTARGET" parsed (ParseTarget) and answered (Api::Handle) over a small database.
int Http(const uint8_t* data, size_t size);

const std::vector<Target>& AllTargets();

// Dictionary files the Dict target knows, in the order of its first byte.
const std::vector<std::string_view>& DictFiles();

[[noreturn]] void CheckFailed(const char* what, const char* file, int line);

}  // namespace veille::fuzz

#define FUZZ_CHECK(cond) \
  do { \
    if (!(cond)) ::veille::fuzz::CheckFailed(#cond, __FILE__, __LINE__); \
  } while (0)
