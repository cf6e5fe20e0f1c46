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
  out->append("],\"entities\":[");
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    if (i) out->push_back(',');
    out->append(fmt::format("{{\"start\":{},\"end\":{},\"text\":", e.span.start, e.span.end));
    AppendJsonString(e.span.of(doc.text), out);
    out->append(",\"type\":");
    AppendJsonString(e.type, out);
    out->append(",\"id\":");
    AppendJsonString(e.id, out);
    out->append(",\"name\":");
    AppendJsonString(e.name, out);
    out->append(",\"actor\":");
    if (e.actor.empty()) out->append("null");
    else AppendJsonString(e.actor, out);
    out->append(",\"via\":");
    AppendJsonString(e.via, out);
    out->append(",\"rule\":");
    AppendJsonString(e.rule, out);
    out->push_back('}');
  }
  out->append("],\"quotes\":[],\"timex\":[");
  for (size_t i = 0; i < doc.timex.size(); ++i) {
    const Timex& t = doc.timex[i];
    if (i) out->push_back(',');
    out->append(fmt::format("{{\"start\":{},\"end\":{},\"text\":", t.span.start, t.span.end));
    AppendJsonString(std::string_view(doc.text).substr(t.span.start, t.span.end - t.span.start), out);
    out->append(",\"value\":");
    if (t.value.empty()) out->append("null");
    else AppendJsonString(t.value, out);
    out->append(",\"anchor\":");
    AppendJsonString(t.anchor, out);
    out->append(",\"rule\":");
    AppendJsonString(t.rule, out);
    out->push_back('}');
  }
  out->append("],\"events\":[]}\n");
}

}  // namespace veille
