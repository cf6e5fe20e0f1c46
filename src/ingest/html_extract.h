// Main-content extraction from HTML pages (gumbo parser). Internal to ingest/,
// used by the HTML and WARC readers.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"
#include "core/offset_map.h"

namespace veille {

struct HtmlPage {
  // The article body: paragraphs and headings separated by "\n\n"; entities
  // decoded; whitespace inside a block collapsed to single spaces.
  std::string text;
  OffsetMap map;                 // text -> offsets in the HTML bytes
  std::vector<Removal> removed;  // HTML bytes not in text: kMarkup (tags, scripts) or
                                 // kBoilerplate (nav, header, footer, share bars, comments,
                                 // cookie banners, related lists); spans into the HTML
  std::optional<std::string> title;  // og:title, else <title>, else the first <h1>
  std::optional<std::string> date;   // YYYY-MM-DD from <meta> (article:published_time, ...) or <time>
  std::optional<std::string> url;    // canonical link / og:url
  std::optional<std::string> lang;   // <html lang>
};

// `html` must be valid UTF-8 (the caller repairs or transcodes it first).
HtmlPage ExtractHtml(std::string_view html);

}  // namespace veille
