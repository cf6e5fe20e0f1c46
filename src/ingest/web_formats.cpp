// HTML pages and WARC crawls.
#include <fmt/format.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>

#include "core/utf8.h"
#include "ingest/formats.h"
#include "ingest/html_extract.h"
#include "ingest/warc.h"

namespace veille {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The charset named by a Content-Type value or by the page's own <meta> tags.
std::string FindCharset(std::string_view content_type, std::string_view html) {
  std::string ct = Lower(content_type);
  size_t p = ct.find("charset=");
  std::string head;
  if (p == std::string::npos) {
    head = Lower(html.substr(0, 4096));
    p = head.find("charset=");
    if (p == std::string::npos) return {};
    ct = head;
  }
  p += 8;
  while (p < ct.size() && (ct[p] == '"' || ct[p] == '\'' || ct[p] == ' ')) ++p;
  size_t e = p;
  while (e < ct.size() && (std::isalnum(static_cast<unsigned char>(ct[e])) || ct[e] == '-' || ct[e] == '_')) ++e;
  return ct.substr(p, e - p);
}

bool Transcode(const std::string& charset, std::string_view in, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  out->assign(in.size() * 3 + 16, '\0');
  int32_t len = ucnv_convert("UTF-8", charset.c_str(), out->data(), static_cast<int32_t>(out->size()), in.data(),
                             static_cast<int32_t>(in.size()), &err);
  if (U_FAILURE(err)) return false;
  out->resize(len);
  return true;
}

}  // namespace

void ReadHtmlDoc(std::string bytes, const std::string& path, std::string id, std::string_view charset_hint,
                 Diagnostics& diag, const DocCallback& emit, Doc seed) {
  Doc doc = std::move(seed);
  doc.source = path;
  doc.format = doc.format.empty() ? "html" : doc.format;
  doc.id = std::move(id);
  std::string where = doc.format == "warc" ? fmt::format("{} ({})", path, doc.id) : path;
  // Pages in a declared legacy charset are transcoded; offsets then refer to the
  // UTF-8 transcoding, which is what `original` holds.
  std::string charset = FindCharset(charset_hint, bytes);
  if (!utf8::IsValid(bytes) && !charset.empty() && charset != "utf-8" && charset != "utf8") {
    std::string decoded;
    if (Transcode(charset, bytes, &decoded) && utf8::IsValid(decoded)) bytes.swap(decoded);
  }
  std::string html;
  if (utf8::IsValid(bytes)) {
    html = std::move(bytes);
  } else {
    size_t n = utf8::Repair(bytes, &html);
    diag.Warning(where, fmt::format("invalid UTF-8: {} sequence{} replaced with U+FFFD", n, n == 1 ? "" : "s"));
  }
  HtmlPage page = ExtractHtml(html);
  doc.original = std::move(html);
  doc.text = std::move(page.text);
  doc.map = std::move(page.map);
  doc.removed = std::move(page.removed);
  if (page.title) doc.title = std::move(page.title);
  if (page.url && !doc.url) doc.url = std::move(page.url);
  if (page.date) {
    doc.date = std::move(page.date);
    doc.date_source = "metadata";
  }
  if (doc.text.empty()) {
    diag.Warning(where, "no article text found in the HTML page");
  }
  emit(std::move(doc));
}

void ReadWarcStream(ByteSource& src, const std::string& path, const ReadOptions& options, Diagnostics& diag,
                    const DocCallback& emit) {
  WarcReader reader(src, options.max_doc_bytes);
  WarcRecord rec;
  std::string error;
  while (true) {
    error.clear();
    bool more = reader.Next(&rec, &error);
    if (!error.empty()) diag.Error(path, error);
    if (!more) break;
    if (rec.type.empty()) continue;  // malformed record, reported
    if (rec.type != "response" && rec.type != "resource") continue;
    // Redirects, errors and "not modified" pages are not articles.
    if (rec.type == "response" && rec.http_status != 0 && (rec.http_status < 200 || rec.http_status >= 300)) continue;
    std::string ct = Lower(rec.content_type);
    bool html = ct.find("html") != std::string::npos;
    if (!html && !ct.empty()) continue;  // images, scripts, PDFs...
    if (rec.payload.empty()) continue;
    Doc seed;
    seed.format = "warc";
    if (!rec.target_uri.empty()) seed.url = rec.target_uri;
    std::string day = IsoDay(rec.date);
    if (!day.empty()) {
      seed.date = day;
      seed.date_source = "metadata";
    }
    std::string id = rec.id.empty() ? fmt::format("{}#{}", path, rec.record_number) : rec.id;
    if (utf8::LooksBinary(rec.payload)) {
      diag.Error(fmt::format("{} ({})", path, id), "binary payload; record skipped");
      continue;
    }
    ReadHtmlDoc(std::move(rec.payload), path, std::move(id), rec.content_type, diag, emit, std::move(seed));
    rec = WarcRecord();
  }
}

}  // namespace veille
