#include "output/contract.h"

#include <fmt/format.h>

namespace veille {
namespace {

void AppendOptional(const char* key, const std::optional<std::string>& v, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
  if (v) AppendJsonString(*v, out);
  else out->append("null");
}

void AppendKey(const char* key, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\t': out->append("\\t"); break;
      case '\r': out->append("\\r"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void AppendContractJson(const Doc& doc, std::string* out) {
  out->push_back('{');
  AppendKey("id", out);
  AppendJsonString(doc.id, out);
  out->push_back(',');
  AppendKey("source", out);
  AppendJsonString(doc.source, out);
  out->push_back(',');
  AppendOptional("url", doc.url, out);
  out->push_back(',');
  AppendOptional("title", doc.title, out);
  out->push_back(',');
  AppendKey("lang", out);
  AppendJsonString(doc.lang.empty() ? "und" : doc.lang, out);
  out->append(fmt::format(",\"lang_score\":{:.3f},", doc.lang_score));
  AppendOptional("date", doc.date, out);
  out->push_back(',');
  AppendOptional("date_source", doc.date_source, out);
  out->push_back(',');
  AppendKey("text", out);
  AppendJsonString(doc.text, out);
  out->append(",\"sentences\":[");
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (i) out->push_back(',');
    out->append(fmt::format("{{\"start\":{},\"end\":{}}}", doc.sentences[i].start, doc.sentences[i].end));
  }
  out->append("],\"removed\":[");
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    const Removal& r = doc.removed[i];
    if (i) out->push_back(',');
    out->append(fmt::format("{{\"start\":{},\"end\":{},\"why\":\"{}\",\"rule\":", r.span.start, r.span.end,
                            RemovalReasonName(r.why)));
    AppendJsonString(r.rule, out);
    out->push_back('}');
  }
  out->append("],\"entities\":[],\"quotes\":[],\"timex\":[],\"events\":[]}\n");
}

}  // namespace veille
