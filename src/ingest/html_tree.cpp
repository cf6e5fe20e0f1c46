// The flat copy of gumbo's parse tree and small helpers over it.

#include <algorithm>

#include "ingest/html_internal.h"

namespace veille::html {
namespace {

constexpr uint32_t kNoPos = UINT32_MAX;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Offset of a gumbo string piece inside src, or kNoPos when it does not point there.
uint32_t OffsetIn(std::string_view src, const GumboStringPiece& piece) {
  if (piece.data == nullptr || piece.data < src.data() || piece.data > src.data() + src.size())
    return kNoPos;
  return static_cast<uint32_t>(piece.data - src.data());
}

void CountText(std::string_view text, Node* n) {
  bool in_space = true;  // leading whitespace does not count
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsHtmlSpace(static_cast<char>(c))) {
      in_space = true;
      continue;
    }
    if (IsContinuation(c)) continue;
    if (in_space && n->own_chars > 0) ++n->own_chars;  // the collapsed space before a word
    in_space = false;
    ++n->own_chars;
    if (c == ',') ++n->own_commas;
  }
}

class TreeBuilder {
 public:
  explicit TreeBuilder(Tree* t) : t_(t) {}

  int Add(const GumboNode* g, int parent, int depth) {
    if (depth > kMaxTreeDepth) return -1;
    int id = static_cast<int>(t_->nodes.size());
    t_->nodes.emplace_back();
    Node& n = t_->nodes.back();
    n.g = g;
    n.parent = parent;
    n.depth = depth;
    n.span = {kNoPos, 0};
    switch (g->type) {
      case GUMBO_NODE_DOCUMENT:
        AddChildren(id, &g->v.document.children, depth);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        AddElement(id, g, depth);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_COMMENT:
        AddLeaf(id, g);
        break;
    }
    Node& done = t_->nodes[id];
    if (done.span.start == kNoPos) done.span = {0, 0};
    if (parent >= 0) Extend(parent, done.span);
    return id;
  }

 private:
  void AddElement(int id, const GumboNode* g, int depth) {
    const GumboElement& e = g->v.element;
    Node& n = t_->nodes[id];
    n.kind = NodeKind::kElement;
    n.tag = g->type == GUMBO_NODE_TEMPLATE ? GUMBO_TAG_TEMPLATE : e.tag;
    uint32_t size = static_cast<uint32_t>(t_->src.size());
    if (e.original_tag.length > 0 && e.start_pos.offset < size) {
      uint64_t start_tag = uint64_t{e.start_pos.offset} + e.original_tag.length;
      uint32_t end = static_cast<uint32_t>(std::min<uint64_t>(size, start_tag));
      Extend(id, {e.start_pos.offset, end});
    }
    if (e.original_end_tag.length > 0 && e.end_pos.offset < size) {
      uint64_t end_tag = uint64_t{e.end_pos.offset} + e.original_end_tag.length;
      uint32_t end = static_cast<uint32_t>(std::min<uint64_t>(size, end_tag));
      Extend(id, {e.end_pos.offset, end});
    }
    if (n.tag == GUMBO_TAG_HTML && t_->html < 0) t_->html = id;
    if (n.tag == GUMBO_TAG_HEAD && t_->head < 0) t_->head = id;
    if (n.tag == GUMBO_TAG_BODY && t_->body < 0) t_->body = id;
    AddChildren(id, &e.children, depth);
  }

  void AddLeaf(int id, const GumboNode* g) {
    Node& n = t_->nodes[id];
    const GumboText& text = g->v.text;
    n.kind = g->type == GUMBO_NODE_COMMENT      ? NodeKind::kComment
             : g->type == GUMBO_NODE_WHITESPACE ? NodeKind::kWhitespace
                                                : NodeKind::kText;
    uint32_t at = OffsetIn(t_->src, text.original_text);
    if (at != kNoPos) {
      uint64_t end = uint64_t{at} + text.original_text.length;
      n.span = {at, static_cast<uint32_t>(std::min<uint64_t>(t_->src.size(), end))};
    }
    if (n.kind == NodeKind::kText && text.text != nullptr) CountText(text.text, &n);
  }

  void AddChildren(int id, const GumboVector* children, int depth) {
    for (unsigned i = 0; i < children->length; ++i) {
      int child = Add(static_cast<const GumboNode*>(children->data[i]), id, depth + 1);
      if (child >= 0) t_->nodes[id].children.push_back(child);
    }
  }

  void Extend(int id, Span s) {
    if (s.end <= s.start) return;
    Span& span = t_->nodes[id].span;
    if (span.start == kNoPos) {
      span = s;
      return;
    }
    span.start = std::min(span.start, s.start);
    span.end = std::max(span.end, s.end);
  }

  Tree* t_;
};

void AppendText(const Tree& t, int i, bool skip_dropped, size_t limit, std::string* out) {
  const Node& n = t[i];
  if (out->size() >= limit || (skip_dropped && n.drop != kNoRule)) return;
  if (n.kind == NodeKind::kText || n.kind == NodeKind::kWhitespace) {
    out->append(Text(n));
    return;
  }
  if (n.kind != NodeKind::kElement) return;
  if (n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE || n.tag == GUMBO_TAG_TEMPLATE) return;
  bool block = IsBlock(n.tag) || n.tag == GUMBO_TAG_BR;
  if (block) out->push_back(' ');
  for (int c : n.children) AppendText(t, c, skip_dropped, limit, out);
  if (block) out->push_back(' ');
}

}  // namespace

int Tree::Rule(std::string_view name) {
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i] == name) return static_cast<int>(i);
  rules.emplace_back(name);
  return static_cast<int>(rules.size() - 1);
}

void BuildTree(const GumboOutput* out, Tree* tree) {
  tree->nodes.clear();
  tree->nodes.reserve(1024);
  TreeBuilder(tree).Add(out->document, -1, 0);
}

std::string_view Attr(const Node& n, const char* name) {
  if (n.kind != NodeKind::kElement || n.g == nullptr || n.g->type == GUMBO_NODE_DOCUMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n.g->v.element.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

std::string_view TagName(const Node& n) {
  if (n.kind != NodeKind::kElement || n.g == nullptr || n.g->type == GUMBO_NODE_DOCUMENT) return {};
  if (n.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n.tag);
  GumboStringPiece piece = n.g->v.element.original_tag;
  if (piece.data == nullptr || piece.length == 0) return {};
  gumbo_tag_from_original_text(&piece);
  return {piece.data, piece.length};
}

std::string_view Text(const Node& n) {
  if (n.kind == NodeKind::kElement || n.g == nullptr || n.g->v.text.text == nullptr) return {};
  return n.g->v.text.text;
}

std::string SubtreeText(const Tree& t, int i, bool skip_dropped, size_t limit) {
  std::string raw;
  AppendText(t, i, skip_dropped, limit, &raw);
  return CollapseSpace(raw);
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsHtmlSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_UL: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_FRAMESET:
      return true;
    default:
      return false;
  }
}

}  // namespace veille::html
