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

// "key":"value" or "key":null when the value is empty.
void AppendStringOrNull(const char* key, const std::string& v, std::string* out) {
  AppendKey(key, out);
  if (v.empty()) out->append("null");
  else AppendJsonString(v, out);
}

void AppendSpanText(const Doc& doc, Span span, std::string* out) {
  out->append(fmt::format("\"start\":{},\"end\":{},\"text\":", span.start, span.end));
  AppendJsonString(span.of(doc.text), out);
}

void AppendQuote(const Doc& doc, const Quote& q, std::string* out) {
  out->push_back('{');
  AppendSpanText(doc, q.span, out);
  out->append(",\"speaker\":");
  if (!q.speaker) {
    out->append("null");
  } else {
    out->push_back('{');
    AppendKey("text", out);
    AppendJsonString(q.speaker->span.of(doc.text), out);
    out->append(fmt::format(",\"start\":{},\"end\":{},", q.speaker->span.start, q.speaker->span.end));
    AppendStringOrNull("id", q.speaker->id, out);
    out->push_back(',');
    AppendStringOrNull("name", q.speaker->name, out);
    out->push_back(',');
    AppendStringOrNull("actor", q.speaker->actor, out);
    out->push_back('}');
  }
  out->push_back(',');
  AppendKey("kind", out);
  AppendJsonString(q.kind, out);
  out->push_back(',');
  AppendStringOrNull("verb", q.verb, out);
  out->push_back(',');
  AppendKey("rule", out);
  AppendJsonString(q.rule, out);
  out->push_back('}');
}

void AppendEventActor(const Doc& doc, const EventActor& a, std::string* out) {
  out->push_back('{');
  AppendKey("id", out);
  AppendJsonString(a.id, out);
  out->push_back(',');
  AppendKey("name", out);
  AppendJsonString(a.name, out);
  out->push_back(',');
  AppendKey("actor", out);
  AppendJsonString(a.actor, out);
  out->push_back(',');
  AppendSpanText(doc, a.span, out);
  out->push_back('}');
}

void AppendEvent(const Doc& doc, const Event& e, std::string* out) {
  out->append(fmt::format("{{\"sentence\":{},\"start\":{},\"end\":{},\"text\":", e.sentence, e.span.start,
                          e.span.end));
  AppendJsonString(e.span.of(doc.text), out);
  out->append(",\"source\":");
  AppendEventActor(doc, e.source, out);
  out->append(",\"target\":");
  if (e.target) AppendEventActor(doc, *e.target, out);
  else out->append("null");
  out->append(fmt::format(",\"code\":\"{}\",\"root\":\"{}\",\"plover\":", e.code, e.root));
  AppendJsonString(e.plover, out);
  out->append(fmt::format(",\"goldstein\":{:.1f},\"quad\":{},\"polarity\":\"{}\",", e.goldstein, e.quad,
                          e.polarity));
  AppendOptional("date", e.date, out);
  out->append(",\"place\":");
  if (!e.place) {
    out->append("null");
  } else {
    out->push_back('{');
    AppendKey("name", out);
    AppendJsonString(e.place->name, out);
    out->push_back(',');
    AppendKey("country", out);
    AppendJsonString(e.place->country, out);
    out->append(fmt::format(",\"lat\":{:.4f},\"lon\":{:.4f}}}", e.place->lat, e.place->lon));
  }
  out->push_back(',');
  AppendKey("rule", out);
  AppendJsonString(e.rule, out);
  out->push_back('}');
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
  AppendOptional("dup_of", doc.dup_of, out);
  out->push_back(',');
  AppendOptional("story", doc.story, out);
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
  out->append("],\"quotes\":[");
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    if (i) out->push_back(',');
    AppendQuote(doc, doc.quotes[i], out);
  }
  out->append("],\"timex\":[");
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
  out->append("],\"events\":[");
  for (size_t i = 0; i < doc.events.size(); ++i) {
    if (i) out->push_back(',');
    AppendEvent(doc, doc.events[i], out);
  }
  out->append("]}\n");
}

}  // namespace veille
