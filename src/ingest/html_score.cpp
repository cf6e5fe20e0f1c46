// Main-content selection: boilerplate marking, readability-style scoring of
// candidate containers, and cleaning of the chosen content.
//
// 1. MarkDrops    removes subtrees that are never article text: scripts, forms
//                 controls, hidden elements, <nav>/<aside>/<footer>, page headers,
//                 ARIA landmarks, and elements whose class or id says what they
//                 are (share bars, comments, cookie banners, related lists, ...).
// 2. ComputeStats sums text, link text, commas, paragraphs... over what is left.
// 3. ScoreUnits   gives every paragraph (a <p>, or a block with enough direct
//                 text) a score from its length and commas and adds it to its
//                 ancestors with decreasing weight, as readability does.
// 4. PickTop      takes the best candidate after a link-density penalty, moves up
//                 when several good candidates share an ancestor, and adds the
//                 siblings that look like article text.
// 5. Clean        drops what is inside the content but is not body text: the
//                 <h1> (it is the title), link lists, "À lire aussi" boxes,
//                 link-dense blocks, small forms and galleries.

#include <algorithm>
#include <cmath>
#include <string>

#include "ingest/html_internal.h"

namespace veille::html {
namespace {

// ---------------------------------------------------------------------------
// Class and id hints.

struct Hint {
  std::string_view pattern;
  std::string_view name;  // used in the rule: "html:class=<name>"
  bool token;             // match a whole token (split on non-alphanumerics)
  bool weak;              // lowers the score but does not drop
};

// Checked in order; the first match names the rule.
constexpr Hint kNegative[] = {
    {"comment", "comment", false, false},      {"disqus", "comment", false, false},
    {"reaction", "comment", false, false},     {"cookie", "cookie", false, false},
    {"consent", "consent", false, false},      {"gdpr", "consent", false, false},
    {"rgpd", "consent", false, false},         {"didomi", "consent", false, false},
    {"tarteaucitron", "consent", false, false},{"share", "share", false, false},
    {"sharing", "share", false, false},        {"partage", "share", false, false},
    {"toolbar", "share", false, false},        {"social", "social", false, false},
    {"reseaux", "social", false, false},       {"follow-us", "social", false, false},
    {"related", "related", false, false},      {"lire-aussi", "related", false, false},
    {"lireaussi", "related", false, false},    {"a-lire", "related", false, false},
    {"read-also", "related", false, false},    {"readalso", "related", false, false},
    {"also-read", "related", false, false},    {"see-also", "related", false, false},
    {"voir-aussi", "related", false, false},   {"meme-sujet", "related", false, false},
    {"more-stories", "related", false, false}, {"autres-articles", "related", false, false},
    {"same-topic", "related", false, false},   {"recommend", "recommended", false, false},
    {"recommand", "recommended", false, false},{"outbrain", "recommended", false, false},
    {"taboola", "recommended", false, false},  {"most-read", "recommended", false, false},
    {"mostread", "recommended", false, false}, {"plus-lus", "recommended", false, false},
    {"popular", "recommended", false, false},  {"trending", "recommended", false, false},
    {"newsletter", "newsletter", false, false},{"subscribe", "newsletter", false, false},
    {"abonn", "newsletter", false, false},     {"paywall", "newsletter", false, false},
    {"promo", "promo", false, false},          {"sponsor", "promo", false, false},
    {"advert", "ad", false, false},            {"adslot", "ad", false, false},
    {"ad-slot", "ad", false, false},           {"publicite", "ad", false, false},
    {"dfp-", "ad", false, false},              {"sidebar", "sidebar", false, false},
    {"widget", "sidebar", false, false},       {"breadcrumb", "breadcrumb", false, false},
    {"ariane", "breadcrumb", false, false},    {"pagination", "nav", false, false},
    {"pager", "nav", false, false},            {"navbar", "nav", false, false},
    {"navigation", "nav", false, false},       {"megamenu", "nav", false, false},
    {"mega-menu", "nav", false, false},        {"masthead", "header", false, false},
    {"footer", "footer", false, false},        {"colophon", "footer", false, false},
    {"popup", "popup", false, false},          {"modal", "popup", false, false},
    {"overlay", "popup", false, false},        {"byline", "byline", false, false},
    {"author", "byline", false, false},        {"auteur", "byline", false, false},
    {"signature", "byline", false, false},     {"dateline", "byline", false, false},
    {"timestamp", "byline", false, false},     {"credit", "credit", false, false},
    {"copyright", "credit", false, false},     {"keyword", "tags", false, false},
    {"mots-cles", "tags", false, false},       {"taglist", "tags", false, false},
    {"tag-list", "tags", false, false},        {"screen-reader", "hidden", false, false},
    {"sr-only", "hidden", false, false},       {"visually-hidden", "hidden", false, false},
    {"visuallyhidden", "hidden", false, false},{"header", "header", false, true},
    {"banner", "banner", false, true},         {"dialog", "popup", false, false},
};

constexpr Hint kNegativeTokens[] = {
    {"ad", "ad", true, false}, {"ads", "ad", true, false}, {"adv", "ad", true, false},
    {"pub", "ad", true, false}, {"nav", "nav", true, false}, {"menu", "nav", true, false},
    {"skip", "nav", true, false}, {"search", "nav", true, false}, {"login", "nav", true, false},
    {"tags", "tags", true, false}, {"meta", "byline", true, false}, {"date", "byline", true, false},
    {"time", "byline", true, false}, {"print", "share", true, false}, {"tools", "share", true, false},
    {"outils", "share", true, false}, {"hidden", "hidden", true, false}, {"rail", "sidebar", true, false},
    {"aside", "sidebar", true, false},
};

constexpr std::string_view kPositive[] = {
    "article", "content", "story", "entry", "body", "text", "chapo", "chapeau",
    "standfirst", "corps", "texte", "contenu", "post"};

// Class names that describe a state of the page, not the element ("has-sidebar",
// "no-comments", "is-sticky"), or a taxonomy the CMS attached to a post
// ("tag-social", "category-partage"): they are ignored.
bool IsStateName(std::string_view name) {
  for (std::string_view prefix : {"has-", "with-", "no-", "is-", "show-", "enable", "js-", "tag-",
                                  "category-", "categorie-", "rubrique-", "format-", "type-",
                                  "status-", "post-format-", "postid-", "single-"})
    if (name.starts_with(prefix)) return true;
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool HasToken(std::string_view name, std::string_view token) {
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && !IsAlnum(name[i])) ++i;
    size_t j = i;
    while (j < name.size() && IsAlnum(name[j])) ++j;
    if (j > i && name.substr(i, j - i) == token) return true;
    i = j;
  }
  return false;
}

const Hint* MatchNegative(std::string_view name) {
  for (const Hint& h : kNegative)
    if (name.find(h.pattern) != std::string_view::npos) return &h;
  for (const Hint& h : kNegativeTokens)
    if (HasToken(name, h.pattern)) return &h;
  return nullptr;
}

bool MatchPositive(std::string_view name) {
  for (std::string_view p : kPositive)
    if (name.find(p) != std::string_view::npos) return true;
  return HasToken(name, "lead") || HasToken(name, "intro") || HasToken(name, "main");
}

struct HintResult {
  const Hint* negative = nullptr;
  const char* where = "class";
  bool positive = false;
};

// Splits the class attribute into names and matches each, then the id and the
// tag name of custom elements ("amp-social-share").
HintResult MatchHints(const Node& n) {
  HintResult r;
  auto check = [&r](std::string_view name, const char* where) {
    if (name.empty() || IsStateName(name)) return;
    if (MatchPositive(name)) r.positive = true;
    const Hint* h = MatchNegative(name);
    if (h && (!r.negative || (r.negative->weak && !h->weak))) {
      r.negative = h;
      r.where = where;
    }
  };
  std::string cls = Lower(Attr(n, "class"));
  size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && IsHtmlSpace(cls[i])) ++i;
    size_t j = i;
    while (j < cls.size() && !IsHtmlSpace(cls[j])) ++j;
    check(std::string_view(cls).substr(i, j - i), "class");
    i = j;
  }
  check(Lower(Attr(n, "id")), "id");
  if (n.tag == GUMBO_TAG_UNKNOWN) check(Lower(TagName(n)), "tag");
  return r;
}

// ---------------------------------------------------------------------------
// Step 1: boilerplate.

bool IsHidden(const Node& n) {
  const GumboVector& attrs = n.g->v.element.attributes;
  if (gumbo_get_attribute(&attrs, "hidden") != nullptr) return true;
  if (Lower(Attr(n, "aria-hidden")) == "true") return true;
  std::string style = Lower(Attr(n, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), IsHtmlSpace), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool IsMarkupOnly(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_BASE: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_SOURCE: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

bool IsControl(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST: case GUMBO_TAG_LABEL: case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_OUTPUT:
      return true;
    default:
      return false;
  }
}

bool HasAncestor(const Tree& t, int i, GumboTag a, GumboTag b) {
  for (int p = t[i].parent; p >= 0; p = t[p].parent)
    if (t[p].tag == a || t[p].tag == b) return true;
  return false;
}

// The rule that drops element i whatever its class, or "" to keep it.
std::string StructuralRule(const Tree& t, int i) {
  const Node& n = t[i];
  if (IsMarkupOnly(n.tag)) return "html:markup";
  if (n.tag == GUMBO_TAG_NOSCRIPT) return "html:noscript";
  if (IsControl(n.tag)) return "html:control";
  if (n.protect) return "";
  if (IsHidden(n)) return "html:hidden";
  std::string role = Lower(Attr(n, "role"));
  for (std::string_view r : {"navigation", "banner", "contentinfo", "complementary", "search",
                             "dialog", "alertdialog", "menu", "menubar", "toolbar"}) {
    if (role == r) return "html:role=" + role;
  }
  switch (n.tag) {
    case GUMBO_TAG_NAV: return "html:nav";
    case GUMBO_TAG_ASIDE: return "html:aside";
    case GUMBO_TAG_FOOTER: return "html:footer";
    case GUMBO_TAG_MENU: return "html:nav";
    case GUMBO_TAG_HEADER:
      // A page header; an article's own header (title, standfirst) is kept.
      return HasAncestor(t, i, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN) ? "" : "html:header";
    default: return "";
  }
}

void MarkSemantic(Tree* t) {
  for (Node& n : t->nodes) {
    if (n.kind != NodeKind::kElement || n.g == nullptr || n.g->type == GUMBO_NODE_DOCUMENT)
      continue;
    n.article_body = Lower(Attr(n, "itemprop")) == "articlebody";
    HintResult h = MatchHints(n);
    n.hint = h.positive ? 1 : !h.negative ? 0 : h.negative->weak ? -1 : -2;
    if (n.article_body || n.tag == GUMBO_TAG_MAIN || n.tag == GUMBO_TAG_HTML ||
        n.tag == GUMBO_TAG_BODY || Lower(Attr(n, "role")) == "main")
      n.protect = true;
  }
  // Ancestors of protected elements are protected (children come after parents).
  for (int i = static_cast<int>(t->nodes.size()) - 1; i > 0; --i) {
    Node& n = t->nodes[i];
    if (n.protect && n.parent >= 0) t->nodes[n.parent].protect = true;
  }
}

void MarkDrops(Tree* t, const SelectOptions& opt) {
  std::vector<bool> under(t->nodes.size(), false);  // inside a dropped subtree
  for (int i = 1; i < static_cast<int>(t->nodes.size()); ++i) {
    Node& n = t->nodes[i];
    if (under[n.parent]) {
      under[i] = true;
      continue;
    }
    if (n.kind == NodeKind::kComment) {
      n.drop = kMarkupRule;
      continue;
    }
    if (n.kind != NodeKind::kElement) continue;
    std::string rule = StructuralRule(*t, i);
    if (rule.empty() && opt.class_hints && !n.protect) {
      HintResult h = MatchHints(n);
      // Weak hints ("header", "banner") only lower the score.
      if (h.negative && !h.negative->weak)
        rule = std::string("html:") + h.where + "=" + std::string(h.negative->name);
    }
    if (!rule.empty()) {
      n.drop = t->Rule(rule);
      under[i] = true;
    }
  }
}

// ---------------------------------------------------------------------------
// Step 2: statistics over the kept tree.

bool IsInline(const Node& n) {
  return n.kind != NodeKind::kElement || (!IsBlock(n.tag) && n.tag != GUMBO_TAG_BR);
}

void ComputeStats(Tree* t) {
  for (int i = static_cast<int>(t->nodes.size()) - 1; i >= 0; --i) {
    Node& n = t->nodes[i];
    if (n.kind == NodeKind::kText) {
      n.chars = n.inline_chars = n.own_chars;
      n.commas = n.inline_commas = n.own_commas;
    }
    if (n.kind == NodeKind::kElement) {
      if (n.tag == GUMBO_TAG_A) n.link_chars = n.chars;
      if (n.tag == GUMBO_TAG_P) ++n.paragraphs;
      if (n.tag == GUMBO_TAG_LI) ++n.list_items;
      if (n.tag == GUMBO_TAG_IMG) ++n.images;
      if (IsControl(n.tag)) ++n.inputs;
      if (n.tag == GUMBO_TAG_IFRAME || n.tag == GUMBO_TAG_EMBED || n.tag == GUMBO_TAG_OBJECT ||
          n.tag == GUMBO_TAG_VIDEO)
        ++n.embeds;
    }
    if (n.parent < 0) continue;
    Node& p = t->nodes[n.parent];
    if (n.drop != kNoRule) {
      // Embedded media are dropped as markup but still tell what a block is.
      if (n.drop == kMarkupRule) p.embeds += n.embeds;
      continue;
    }
    // Adjacent text pieces are separated by (at least) a space.
    if (n.chars > 0 && p.chars > 0) ++p.chars;
    p.chars += n.chars;
    p.link_chars += n.link_chars;
    p.commas += n.commas;
    p.paragraphs += n.paragraphs;
    p.list_items += n.list_items;
    p.images += n.images;
    p.inputs += n.inputs;
    p.embeds += n.embeds;
    p.has_block = p.has_block || n.has_block || !IsInline(n);
    if (IsInline(n)) {
      p.inline_chars += n.inline_chars;
      p.inline_commas += n.inline_commas;
    }
  }
}

double LinkDensity(const Node& n) {
  return n.chars == 0 ? 0.0 : static_cast<double>(n.link_chars) / n.chars;
}

// Elements whose own text is one paragraph: their score goes to the parent.
bool IsParagraphTag(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD ||
         tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_DD;
}

// Blocks never scored as paragraphs.
bool IsUnscored(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_DT:
    case GUMBO_TAG_TH: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Step 3: scoring.

double InitialScore(const Node& n) {
  double s = 0;
  switch (n.tag) {
    case GUMBO_TAG_DIV: s = 5; break;
    case GUMBO_TAG_ARTICLE: s = 10; break;
    case GUMBO_TAG_MAIN: s = 5; break;
    case GUMBO_TAG_SECTION: s = 3; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: s = -3; break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: s = -5; break;
    default: break;
  }
  s += 25.0 * std::max(-1, n.hint);
  if (n.article_body) s += 25;
  return s;
}

void AddScore(Tree* t, int i, double score) {
  Node& n = t->nodes[i];
  if (!n.candidate) {
    n.candidate = true;
    n.score = InitialScore(n);
  }
  n.score += score;
}

// Alive = neither dropped nor inside a dropped subtree.
std::vector<bool> AliveNodes(const Tree& t) {
  std::vector<bool> alive(t.nodes.size(), true);
  for (size_t i = 0; i < t.nodes.size(); ++i) {
    const Node& n = t.nodes[i];
    alive[i] = n.drop == kNoRule && (n.parent < 0 || alive[n.parent]);
  }
  return alive;
}

void ScoreUnits(Tree* t, const std::vector<bool>& alive) {
  for (int i = 1; i < static_cast<int>(t->nodes.size()); ++i) {
    const Node& n = t->nodes[i];
    if (!alive[i] || n.kind != NodeKind::kElement || IsInline(n) || IsUnscored(n.tag)) continue;
    if (n.inline_chars < 25) continue;
    double score = 1.0 + n.inline_commas + std::min(3u, n.inline_chars / 100);
    int a = IsParagraphTag(n.tag) ? n.parent : i;
    for (int level = 0; level < 5 && a > 0; ++level, a = t->nodes[a].parent) {
      if (t->nodes[a].kind != NodeKind::kElement) break;
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      AddScore(t, a, score / divider);
    }
  }
  for (Node& n : t->nodes)
    if (n.candidate) n.score *= 1.0 - LinkDensity(n);
}

// ---------------------------------------------------------------------------
// Step 4: choosing the content.

bool IsAncestor(const Tree& t, int a, int i) {
  for (int p = i; p >= 0; p = t[p].parent)
    if (p == a) return true;
  return false;
}

// When three or more near-best candidates share an ancestor of the best one, the
// article is probably split in pieces (sections, live-blog entries): use it.
int CommonAncestor(const Tree& t, int top) {
  std::vector<int> inside(t.nodes.size(), 0);  // near-best candidates under each node
  int close = 0;
  for (int i = 0; i < static_cast<int>(t.nodes.size()); ++i) {
    if (i == top || !t[i].candidate || t[i].score < 0.75 * t[top].score) continue;
    ++close;
    for (int p = i; p >= 0; p = t[p].parent) ++inside[p];
  }
  if (close < 3) return top;
  for (int p = t[top].parent; p > 0 && t[p].tag != GUMBO_TAG_BODY; p = t[p].parent)
    if (inside[p] >= 3) return p;
  return top;
}

// Readability's climb: a parent scoring higher than its best child is a better
// container.
int Climb(const Tree& t, int top) {
  double last = t[top].score;
  double threshold = last / 3;
  for (int p = t[top].parent; p > 0 && t[p].tag != GUMBO_TAG_BODY; p = t[p].parent) {
    if (!t[p].candidate) continue;
    if (t[p].score < threshold) break;
    if (t[p].score > last) return p;
    last = t[p].score;
  }
  return top;
}

// Element children (text counts double: a wrapper holding text is not a wrapper).
int ElementChildren(const Tree& t, int i) {
  int count = 0;
  for (int c : t[i].children) {
    const Node& n = t[c];
    if (n.kind == NodeKind::kText && n.own_chars > 0) count += 2;
    if (n.kind == NodeKind::kElement && n.drop == kNoRule) ++count;
  }
  return count;
}

int PickTop(const Tree& t, const std::vector<bool>& alive) {
  int top = -1;
  for (int i = 0; i < static_cast<int>(t.nodes.size()); ++i)
    if (alive[i] && t[i].candidate && (top < 0 || t[i].score > t[top].score)) top = i;
  if (top < 0) return t.body >= 0 ? t.body : (t.html >= 0 ? t.html : 0);
  // An explicit articleBody holding a fair share of the text wins.
  for (int i = 0; i < static_cast<int>(t.nodes.size()); ++i) {
    if (!alive[i] || !t[i].article_body || t[i].chars < 200) continue;
    if (IsAncestor(t, i, top) || t[i].chars * 2 >= t[top].chars) return i;
  }
  top = CommonAncestor(t, top);
  top = Climb(t, top);
  // A wrapper with one child is the same content.
  for (int p = t[top].parent; p > 0 && t[p].tag != GUMBO_TAG_BODY && t[p].drop == kNoRule;
       p = t[p].parent) {
    if (ElementChildren(t, p) != 1) break;
    top = p;
  }
  return top;
}

// A sibling of the top candidate that reads like article text. Beyond readability's
// rule for <p> siblings, a short block before the top one (the standfirst in an
// article header) is accepted too.
bool LooksLikeProse(const Tree& t, int i, bool before_top) {
  const Node& n = t[i];
  if (n.tag != GUMBO_TAG_P && (!before_top || n.chars > 600 || n.hint <= -2)) return false;
  double ld = LinkDensity(n);
  if (n.chars > 80 && ld < 0.25) return true;
  if (n.chars == 0 || n.chars >= 80 || ld > 0) return false;
  std::string text = SubtreeText(t, i, true, 400);
  return text.find(". ") != std::string::npos || (!text.empty() && text.back() == '.');
}

// The top candidate and those of its siblings that belong to the article.
std::vector<int> WithSiblings(const Tree& t, int top) {
  int parent = t[top].parent;
  if (parent <= 0 || t[top].tag == GUMBO_TAG_BODY || t[top].tag == GUMBO_TAG_HTML) return {top};
  double threshold = std::max(10.0, t[top].score * 0.2);
  std::string_view top_class = Attr(t[top], "class");
  std::vector<int> roots;
  bool before_top = true;
  for (int s : t[parent].children) {
    const Node& n = t[s];
    if (s == top) {
      roots.push_back(s);
      before_top = false;
      continue;
    }
    if (n.kind != NodeKind::kElement || n.drop != kNoRule || IsMarkupOnly(n.tag) ||
        n.tag == GUMBO_TAG_H1)
      continue;
    double bonus = !top_class.empty() && Attr(n, "class") == top_class ? t[top].score * 0.2 : 0;
    if ((n.candidate && n.score + bonus >= threshold) || LooksLikeProse(t, s, before_top))
      roots.push_back(s);
  }
  return roots;
}

// ---------------------------------------------------------------------------
// Step 5: cleaning inside the content.

bool IsList(GumboTag tag) {
  return tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL || tag == GUMBO_TAG_MENU;
}

// The rule that removes element i from the content, or "".
std::string CleanRule(const Tree& t, int i) {
  const Node& n = t[i];
  if (n.tag == GUMBO_TAG_H1) return "html:title";
  if (IsInline(n)) return "";
  if (n.chars == 0 && n.images == 0) return "";
  double ld = LinkDensity(n);
  if (IsList(n.tag)) return ld > 0.5 ? "html:link-list" : "";
  bool small = n.chars < 300;
  if (small && IsTeaserText(SubtreeText(t, i, true, 200))) return "html:read-also";
  if (!n.has_block) return ld > 0.5 ? "html:link-dense" : "";
  // A container: readability's conditional cleaning, simplified.
  if (n.commas >= 10) return "";
  if (ld > 0.5 || (n.hint <= 0 && ld > 0.33 && n.paragraphs < 2)) return "html:link-dense";
  if (n.list_items > n.paragraphs && ld > 0.2) return "html:link-list";
  if (n.inputs > 0 && n.inputs * 3 > n.paragraphs) return "html:form";
  if (n.tag != GUMBO_TAG_FIGURE && n.images > 1 && n.paragraphs * 2 < n.images && n.chars < 200)
    return "html:gallery";
  if (n.embeds > 1 || (n.embeds == 1 && n.chars < 75)) return "html:embed";
  return "";
}

// `under` marks nodes inside a removed subtree; it is shared by the roots.
void Clean(Tree* t, int root, std::vector<bool>* under_removed) {
  // Preorder: the subtree of root is the contiguous range after it, up to the
  // first node that is not a descendant.
  std::vector<bool>& under = *under_removed;
  for (int i = root + 1; i < static_cast<int>(t->nodes.size()); ++i) {
    Node& n = t->nodes[i];
    if (n.depth <= t->nodes[root].depth) break;
    if (under[n.parent] || n.drop != kNoRule) {
      under[i] = true;
      continue;
    }
    if (n.kind != NodeKind::kElement) continue;
    std::string rule = CleanRule(*t, i);
    if (!rule.empty()) {
      n.drop = t->Rule(rule);
      under[i] = true;
    }
  }
}

}  // namespace

void SelectContent(Tree* t, const SelectOptions& options) {
  if (t->nodes.empty()) return;
  MarkSemantic(t);
  MarkDrops(t, options);
  ComputeStats(t);
  std::vector<bool> alive = AliveNodes(*t);
  ScoreUnits(t, alive);
  int top = PickTop(*t, alive);
  std::vector<bool> under(t->nodes.size(), false);
  for (int root : WithSiblings(*t, top)) {
    t->nodes[root].content_root = true;
    for (int p = root; p >= 0 && !t->nodes[p].holds_content; p = t->nodes[p].parent)
      t->nodes[p].holds_content = true;
    Clean(t, root, &under);
  }
}

void ResetSelection(Tree* t) {
  for (Node& n : t->nodes) {
    Node fresh;
    fresh.g = n.g;
    fresh.kind = n.kind;
    fresh.tag = n.tag;
    fresh.parent = n.parent;
    fresh.depth = n.depth;
    fresh.children = std::move(n.children);
    fresh.span = n.span;
    fresh.own_chars = n.own_chars;
    fresh.own_commas = n.own_commas;
    n = std::move(fresh);
  }
}

}  // namespace veille::html
