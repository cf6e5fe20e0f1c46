// Per-format document readers (internal to ingest/). Each takes a byte source
// and emits Docs; problems go to Diagnostics with the file (and line/record).
#pragma once
#include <string>
#include <string_view>

#include "ingest/byte_source.h"
#include "ingest/reader.h"

namespace veille {

enum class Format { kText, kJsonl, kHtml, kWarc, kUnknown };

// From the file name: .txt .text, .jsonl .ndjson, .html .htm .xhtml, .warc
// (each optionally followed by .gz).
Format FormatFromName(std::string_view path, bool* gzipped);
// From the first bytes of the content.
Format SniffFormat(std::string_view head);

// Fills doc.original/text/map from raw bytes: repairs invalid UTF-8 (warning),
// or decodes Windows-1252 when the bytes are clearly not UTF-8.
void SetOriginalText(std::string bytes, Doc& doc, std::string_view where, Diagnostics& diag);

// A single plain-text document.
void ReadTextDoc(std::string bytes, const std::string& path, Diagnostics& diag, const DocCallback& emit);
// One document per line.
void ReadJsonl(ByteSource& src, const std::string& path, const ReadOptions& options, Diagnostics& diag,
               const DocCallback& emit);
// A single HTML page; `fallback_date`/`url` come from the WARC record when any.
void ReadHtmlDoc(std::string bytes, const std::string& path, std::string id, std::string_view charset_hint,
                 Diagnostics& diag, const DocCallback& emit, Doc seed = {});
void ReadWarcStream(ByteSource& src, const std::string& path, const ReadOptions& options, Diagnostics& diag,
                    const DocCallback& emit);

// "YYYY-MM-DD" from an ISO 8601 date or date-time, or "" if it is not one.
std::string IsoDay(std::string_view s);

// Human-readable byte count: "1.2 GB", "64 MiB".
std::string HumanBytes(size_t n);

}  // namespace veille
