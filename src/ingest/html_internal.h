// Internals of the HTML main-content extractor (ingest/html_extract.h). Not part
// of any public interface: only the html_*.cpp files of ingest/ include this.
//
// ExtractHtml (html_extract.cpp) runs these steps:
//   0. html_sanitize.cpp blanks start tags nested too deep (gumbo is quadratic
//                        in nesting depth), keeping every byte offset;
//   1. html_tree.cpp     copies gumbo's parse tree into a flat node table (Tree)
//                        carrying the per-node facts the later steps need;
//   2. html_meta.cpp     reads title, date, canonical url and language;
//   3. html_score.cpp    marks boilerplate subtrees (nav, share bars, comments,
//                        ...), scores candidate containers readability-style,
//                        picks the main content and cleans it;
//   4. html_extract.cpp  emits the kept text block by block through a TextBuilder,
//                        judging each block (html_text.cpp: bylines, teasers,
//                        repeated title), and records the removed byte ranges.
#pragma once
#include <gumbo.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace veille::html {

// Deepest element nesting the extractor accepts. Start tags nested deeper are
// blanked out before parsing (gumbo's tree construction is quadratic in depth).
constexpr int kMaxNesting = 200;
// Depth beyond which the tree copy stops descending (a second guard: gumbo adds
// implied and reconstructed elements the pre-scan does not see).
constexpr int kMaxTreeDepth = 400;

enum class NodeKind : uint8_t { kElement, kText, kWhitespace, kComment };

// Rule ids index Tree::rules; 0 means "not dropped", 1 is plain markup.
constexpr int kNoRule = 0;
constexpr int kMarkupRule = 1;

struct Node {
  const GumboNode* g = nullptr;
  NodeKind kind = NodeKind::kElement;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int parent = -1;
  int depth = 0;
  std::vector<int> children;
  Span span;  // source bytes of the whole subtree (start tag to end tag)

  // Text facts (decoded text; whitespace runs count as one character).
  uint32_t own_chars = 0;     // text nodes: length of their text
  uint32_t own_commas = 0;

  // Classification.
  int drop = kNoRule;         // rule that removed this subtree, or kNoRule
  int hint = 0;               // class/id hint: +1 positive, -1 weak, -2 strong negative
  bool protect = false;       // html/body/main/articleBody or an ancestor of one
  bool article_body = false;  // [itemprop=articleBody]

  // Statistics over the kept (non-dropped) subtree, filled by ComputeStats().
  uint32_t chars = 0;         // all text
  uint32_t link_chars = 0;    // text inside <a>
  uint32_t commas = 0;
  uint32_t inline_chars = 0;  // text reachable without crossing a block element
  uint32_t inline_commas = 0;
  uint32_t paragraphs = 0;    // <p> descendants
  uint32_t list_items = 0;
  uint32_t images = 0;
  uint32_t inputs = 0;
  uint32_t embeds = 0;
  bool has_block = false;     // some descendant element is block-level

  // Scoring.
  double score = 0;
  bool candidate = false;
  bool content_root = false;  // a top-level piece of the selected main content
  bool holds_content = false; // content_root or an ancestor of one
};

// The parse tree as a flat table in document order (node 0 is the document).
struct Tree {
  std::string_view src;   // the bytes gumbo parsed (same length as the input)
  std::vector<Node> nodes;
  std::vector<std::string> rules{"", "html:markup"};
  int html = -1;
  int head = -1;
  int body = -1;

  int Rule(std::string_view name);  // interns a rule name
  const Node& operator[](int i) const { return nodes[i]; }
  Node& operator[](int i) { return nodes[i]; }
};

// Builds the table from a gumbo parse of tree->src.
void BuildTree(const GumboOutput* out, Tree* tree);

// Attribute value of an element node, or empty.
std::string_view Attr(const Node& n, const char* name);
// Tag name, lowercased by gumbo for known tags; the source spelling for others.
std::string_view TagName(const Node& n);
// Decoded text of a text node.
std::string_view Text(const Node& n);
// Collapsed, trimmed text of a subtree (kept nodes only when skip_dropped),
// stopping after `limit` bytes.
std::string SubtreeText(const Tree& t, int i, bool skip_dropped, size_t limit = 1 << 20);
// Collapses whitespace runs to one space and trims.
std::string CollapseSpace(std::string_view s);

bool IsBlock(GumboTag tag);
bool IsHtmlSpace(char c);

// --- html_text.cpp ---
// Lowercases ASCII, folds French accented letters to their base letter, drops
// other non-ASCII characters; stops after `limit` bytes.
std::string Fold(std::string_view s, size_t limit);
// "À lire aussi", "Publicité", "Newsletter"...: text that introduces a teaser.
bool IsTeaserText(std::string_view text);
// "Publié le 12 mars 2024", "Par Hélène Roussel", "18 octobre 2023 à 13h20".
bool IsBylineText(std::string_view text);
// Equal once folded and stripped of everything but letters and digits.
bool SameText(std::string_view a, std::string_view b);

// --- html_sanitize.cpp ---
// Returns a copy of `html` of the same length in which start tags nested deeper
// than kMaxNesting (and their end tags) are overwritten with spaces, or nullopt
// when nothing needed blanking.
std::optional<std::string> LimitNesting(std::string_view html);

// --- html_meta.cpp ---
struct Metadata {
  std::optional<std::string> title;
  std::optional<std::string> date;
  std::optional<std::string> url;
  std::optional<std::string> lang;
};
// Reads metadata from head and body. Called after content selection so that
// the <h1> and <time> fallbacks can prefer the main content.
Metadata ReadMetadata(const Tree& t);
// "2024-03-05T10:00:00+01:00", "2024/03/05", "20240305", "05/03/2024" -> "2024-03-05".
std::optional<std::string> NormalizeDate(std::string_view s);
// Strips a " | Site" / " - Site" suffix (or "Site | " prefix) from a <title>.
std::string StripSiteName(std::string_view title);

// --- html_score.cpp ---
struct SelectOptions {
  bool class_hints = true;  // drop subtrees on negative class/id hints
};
// Marks boilerplate, scores, selects and cleans the main content: sets drop,
// content_root and holds_content on the nodes.
void SelectContent(Tree* t, const SelectOptions& options);
// Clears everything SelectContent() set, so that it can run again.
void ResetSelection(Tree* t);

}  // namespace veille::html
