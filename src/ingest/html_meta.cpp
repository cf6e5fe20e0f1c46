// Page metadata: title, publication date, canonical url, language.

#include <algorithm>
#include <cstdio>
#include <string>

#include "ingest/html_internal.h"

namespace veille::html {
namespace {

std::string Lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<std::string> NonEmpty(std::string s) {
  if (s.empty()) return std::nullopt;
  return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads up to `max` digits at s[*i]; returns -1 if there are none.
int ReadNumber(std::string_view s, size_t* i, int max) {
  int v = 0, n = 0;
  while (*i < s.size() && n < max && IsDigit(s[*i])) {
    v = v * 10 + (s[*i] - '0');
    ++*i;
    ++n;
  }
  return n == 0 ? -1 : v;
}

std::optional<std::string> FormatDate(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// True if `i` lies inside an element of the given tag (or the content when
// tag == GUMBO_TAG_LAST).
bool Inside(const Tree& t, int i, GumboTag tag) {
  for (int p = t[i].parent; p >= 0; p = t[p].parent) {
    if (tag == GUMBO_TAG_LAST ? t[p].content_root : t[p].tag == tag) return true;
  }
  return false;
}

bool InsideDropped(const Tree& t, int i) {
  for (int p = i; p >= 0; p = t[p].parent)
    if (t[p].drop != kNoRule) return true;
  return false;
}

// "datePublished": "2024-03-05T..." in JSON-LD text.
std::optional<std::string> JsonLdDate(std::string_view json) {
  static constexpr std::string_view kKey = "\"datePublished\"";
  for (size_t at = json.find(kKey); at != std::string_view::npos; at = json.find(kKey, at + 1)) {
    size_t i = at + kKey.size();
    while (i < json.size() && IsHtmlSpace(json[i])) ++i;
    if (i >= json.size() || json[i] != ':') continue;
    ++i;
    while (i < json.size() && IsHtmlSpace(json[i])) ++i;
    if (i >= json.size() || json[i] != '"') continue;
    size_t end = json.find('"', i + 1);
    if (end == std::string_view::npos) return std::nullopt;
    if (auto d = NormalizeDate(json.substr(i + 1, end - i - 1))) return d;
  }
  return std::nullopt;
}

// Meta names that carry a publication date, best first.
constexpr std::string_view kDateKeys[] = {
    "article:published_time", "og:article:published_time", "datepublished",
    "date",                   "pubdate",                   "publishdate",
    "publish-date",           "publish_date",              "dc.date",
    "dc.date.issued",         "dcterms.date",              "dcterms.issued",
    "dcterms.created",        "sailthru.date",             "parsely-pub-date",
    "og:published_time"};

struct Collected {
  std::vector<std::pair<std::string, std::string>> meta;  // lowercased key, content
  std::optional<std::string> title_tag, canonical, json_ld_date, time_date, h1;
  int h1_rank = 3;  // 0: in the content, 1: outside dropped parts, 2: anywhere
  int time_rank = 3;

  std::optional<std::string> Meta(std::string_view key) const {
    for (const auto& [k, v] : meta)
      if (k == key && !v.empty()) return v;
    return std::nullopt;
  }
};

void CollectMeta(const Node& n, Collected* c) {
  std::string_view content = Attr(n, "content");
  if (content.empty()) return;
  for (const char* attr : {"property", "name", "itemprop"}) {
    std::string_view key = Attr(n, attr);
    if (!key.empty()) c->meta.emplace_back(Lowercase(key), CollapseSpace(content));
  }
}

void CollectLink(const Node& n, Collected* c) {
  if (c->canonical) return;
  std::string rel = Lowercase(Attr(n, "rel"));
  bool canonical = false;
  for (size_t at = rel.find("canonical"); at != std::string::npos;
       at = rel.find("canonical", at + 1)) {
    bool starts = at == 0 || IsHtmlSpace(rel[at - 1]);
    bool ends = at + 9 == rel.size() || IsHtmlSpace(rel[at + 9]);
    canonical = canonical || (starts && ends);
  }
  if (!canonical) return;
  std::string href = CollapseSpace(Attr(n, "href"));
  if (!href.empty()) c->canonical = href;
}

void CollectTime(const Tree& t, int i, Collected* c) {
  std::string_view dt = Attr(t[i], "datetime");
  if (dt.empty()) dt = Attr(t[i], "content");
  auto date = NormalizeDate(dt);
  if (!date) return;
  int rank;
  bool pubdate = gumbo_get_attribute(&t[i].g->v.element.attributes, "pubdate") != nullptr;
  if (pubdate || Lowercase(Attr(t[i], "itemprop")) == "datepublished")
    rank = 0;
  else if (Inside(t, i, GUMBO_TAG_LAST) || Inside(t, i, GUMBO_TAG_ARTICLE))
    rank = 1;
  else
    rank = 2;
  if (rank < c->time_rank) {
    c->time_rank = rank;
    c->time_date = date;
  }
}

void CollectH1(const Tree& t, int i, Collected* c) {
  int rank = Inside(t, i, GUMBO_TAG_LAST) ? 0 : InsideDropped(t, i) ? 2 : 1;
  if (rank >= c->h1_rank) return;
  std::string text = SubtreeText(t, i, false, 1000);
  if (text.empty()) return;
  c->h1_rank = rank;
  c->h1 = text;
}

void Collect(const Tree& t, Collected* c) {
  for (int i = 0; i < static_cast<int>(t.nodes.size()); ++i) {
    const Node& n = t[i];
    if (n.kind != NodeKind::kElement) continue;
    switch (n.tag) {
      case GUMBO_TAG_META: CollectMeta(n, c); break;
      case GUMBO_TAG_LINK: CollectLink(n, c); break;
      case GUMBO_TAG_TIME: CollectTime(t, i, c); break;
      case GUMBO_TAG_H1: CollectH1(t, i, c); break;
      case GUMBO_TAG_TITLE:
        if (!c->title_tag && !Inside(t, i, GUMBO_TAG_SVG))
          c->title_tag = NonEmpty(SubtreeText(t, i, false, 2000));
        break;
      case GUMBO_TAG_SCRIPT:
        if (!c->json_ld_date && Lowercase(Attr(n, "type")).find("ld+json") != std::string::npos) {
          for (int k : n.children) {
            if (!c->json_ld_date) c->json_ld_date = JsonLdDate(Text(t[k]));
          }
        }
        break;
      default:
        if (!Attr(n, "itemprop").empty() && Lowercase(Attr(n, "itemprop")) == "datepublished")
          CollectTime(t, i, c);
        break;
    }
  }
}

std::optional<std::string> PickDate(const Collected& c) {
  for (std::string_view key : kDateKeys) {
    for (const auto& [k, v] : c.meta) {
      if (k != key) continue;
      if (auto d = NormalizeDate(v)) return d;
    }
  }
  if (c.time_rank == 0) return c.time_date;
  if (c.json_ld_date) return c.json_ld_date;
  if (c.time_rank == 1) return c.time_date;
  return std::nullopt;
}

// The <title> without the site name. When the page has an <h1> equal to the
// whole title or to the stripped one, it settles which it is ("Macron - Scholz :
// le sommet" is not "Site - Title").
std::string TitleFromTag(const std::string& title, const std::optional<std::string>& h1) {
  if (h1 && SameText(title, *h1)) return title;
  return StripSiteName(title);
}

}  // namespace

std::optional<std::string> NormalizeDate(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsHtmlSpace(s[i])) ++i;
  size_t start = i;
  int a = ReadNumber(s, &i, 8);
  if (a < 0) return std::nullopt;
  size_t digits = i - start;
  if (digits == 8) return FormatDate(a / 10000, a / 100 % 100, a % 100);  // 20240305
  if (i >= s.size()) return std::nullopt;
  char sep = s[i];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  ++i;
  int b = ReadNumber(s, &i, 2);
  if (b < 0 || i >= s.size() || s[i] != sep) return std::nullopt;
  ++i;
  size_t c_start = i;
  int c = ReadNumber(s, &i, 4);
  if (c < 0) return std::nullopt;
  if (digits == 4 && i - c_start <= 2) return FormatDate(a, b, c);       // 2024-03-05
  if (digits <= 2 && i - c_start == 4) return FormatDate(c, b, a);       // 05/03/2024
  return std::nullopt;
}

std::string StripSiteName(std::string_view title) {
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xC2\xBB ", " / "};
  size_t last = std::string_view::npos;
  size_t first = std::string_view::npos, first_len = 0;
  for (std::string_view sep : kSeparators) {
    size_t r = title.rfind(sep);
    if (r != std::string_view::npos && (last == std::string_view::npos || r > last)) {
      last = r;
    }
    size_t f = title.find(sep);
    if (f != std::string_view::npos && (first == std::string_view::npos || f < first)) {
      first = f;
      first_len = sep.size();
    }
  }
  if (last == std::string_view::npos) return std::string(title);
  std::string_view head = title.substr(0, last);
  if (WordCount(head) >= 3) return std::string(head);
  std::string_view tail = title.substr(first + first_len);
  if (WordCount(title.substr(0, first)) <= 3 && WordCount(tail) >= 3) return std::string(tail);
  return std::string(title);
}

Metadata ReadMetadata(const Tree& t) {
  Collected c;
  Collect(t, &c);
  Metadata m;
  if (auto og = c.Meta("og:title")) m.title = og;
  else if (auto tw = c.Meta("twitter:title")) m.title = tw;
  else if (c.title_tag) m.title = NonEmpty(TitleFromTag(*c.title_tag, c.h1));
  if (!m.title && c.h1) m.title = c.h1;
  m.date = PickDate(c);
  if (c.canonical) m.url = c.canonical;
  else if (auto og = c.Meta("og:url")) m.url = og;
  if (t.html >= 0) {
    std::string lang = CollapseSpace(Attr(t[t.html], "lang"));
    if (lang.empty()) lang = CollapseSpace(Attr(t[t.html], "xml:lang"));
    m.lang = NonEmpty(lang);
  }
  return m;
}

}  // namespace veille::html
