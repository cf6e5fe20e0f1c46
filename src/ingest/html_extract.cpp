// HTML main-content extraction: parse with gumbo, select the article (see
// html_score.cpp), emit its text through a TextBuilder so that every output
// byte maps back to the HTML, and account for every other byte in `removed`.

#include "ingest/html_extract.h"

#include <algorithm>

#include "ingest/html_internal.h"

namespace veille {
namespace {

using html::Node;
using html::NodeKind;
using html::Tree;

// Pages beyond this size are cut (at a character boundary) before parsing.
constexpr size_t kMaxHtmlBytes = 32u << 20;
// Below this many bytes of text the first pass is suspected of having dropped
// the article on a misleading class name, and a pass without class hints runs.
constexpr size_t kShortText = 250;

constexpr uint8_t kMarkupLabel = 0;
constexpr uint8_t kKeptLabel = 255;

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

bool AllSpace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), html::IsHtmlSpace);
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Length of the character reference lexically at o[j] == '&' (including a
// final ';'), or 0 if there is none.
size_t ReferenceLength(std::string_view o, size_t j) {
  size_t i = j + 1;
  if (i < o.size() && o[i] == '#') {
    ++i;
    bool hex = i < o.size() && (o[i] == 'x' || o[i] == 'X');
    if (hex) ++i;
    size_t digits = i;
    while (i < o.size() && (hex ? IsHex(o[i]) : (o[i] >= '0' && o[i] <= '9'))) ++i;
    if (i == digits) return 0;
  } else {
    // Entity names are at most 31 characters; gumbo matches the longest one.
    size_t name = i;
    while (i < o.size() && i - name < 40 && IsAsciiAlnum(o[i])) ++i;
    if (i == name) return 0;
  }
  if (i < o.size() && o[i] == ';') ++i;
  return i - j;
}

// True if what follows a reference in the source (up to the next space, '&' or
// '<', at most 8 bytes) follows its decoded form in the text too.
bool Resyncs(std::string_view o, size_t j, std::string_view t, size_t k) {
  size_t q = 0;
  while (j + q < o.size() && q < 8) {
    char c = o[j + q];
    if (html::IsHtmlSpace(c) || c == '&' || c == '<') break;
    ++q;
  }
  if (q == 0) {
    if (j == o.size()) return k == t.size();                   // end of the text
    if (o[j] == '&' || o[j] == '<') return k < t.size();       // another reference next
    return k < t.size() && html::IsHtmlSpace(t[k]);            // a space next
  }
  return t.substr(k, q) == o.substr(j, q);
}

// The character reference at o[j] == '&', if gumbo decoded it: sets *m to the
// source bytes it spans and *dk to the bytes of its decoded form at t[k].
bool MatchReference(std::string_view o, size_t j, std::string_view t, size_t k, size_t* m,
                    size_t* dk) {
  size_t len = ReferenceLength(o, j);
  if (len == 0 || k >= t.size()) return false;
  if (t.substr(k, len) == o.substr(j, len)) return false;  // left as is
  bool numeric = o[j + 1] == '#';
  // Named references without ';' may match a prefix of the name ("&notit" -> "¬it").
  size_t shortest = numeric ? len : 2;
  for (size_t cand = len; cand >= shortest && cand >= 2; --cand) {
    size_t bytes = 0;
    for (int cps = 1; cps <= (numeric ? 1 : 2) && k + bytes < t.size(); ++cps) {
      bytes += Utf8Length(static_cast<unsigned char>(t[k + bytes]));
      if (k + bytes > t.size()) break;
      if (Resyncs(o, j + cand, t, k + bytes)) {
        *m = cand;
        *dk = bytes;
        return true;
      }
    }
  }
  return false;
}

// Emits the kept text: blocks separated by "\n\n", whitespace collapsed.
//
// The walk collects the pieces of one block (a paragraph, heading, list item,
// or a run of text between <br><br>) before writing it, so that a block can
// still be dropped as a whole: mostly links, a repeat of the title, a byline or
// a date line, a teaser.
class Emitter {
 public:
  Emitter(const Tree& t, std::string_view html, std::string_view title)
      : t_(t), html_(html), title_(title), b_(html) {}

  void EmitRoot(int root) {
    BlockBreak();
    Walk(root, false);
    BlockBreak();
  }

  std::string Finish(OffsetMap* map, std::vector<Span>* kept) {
    uint32_t end = static_cast<uint32_t>(html_.size());
    if (b_.source_pos() < end) b_.Skip(b_.source_pos(), end);
    *kept = std::move(kept_);
    return b_.Finish(map);
  }

  // Source spans of the blocks dropped as a whole, with their rule.
  const std::vector<std::pair<Span, std::string>>& dropped() const { return dropped_; }

 private:
  // One piece of a block: a run of characters or a whitespace run.
  struct Piece {
    bool space;
    bool free;   // stands for no source bytes (text the parser moved)
    bool link;   // inside <a>
    bool verbatim;     // text == the source bytes
    Span span;   // source bytes
    std::string text;  // decoded characters (empty for spaces)
  };

  void Walk(int i, bool in_link) {
    const Node& n = t_[i];
    if (n.drop != html::kNoRule) {
      bool block = n.kind == NodeKind::kElement && (html::IsBlock(n.tag) || n.tag == GUMBO_TAG_BR);
      if (block) BlockBreak();
      return;
    }
    switch (n.kind) {
      case NodeKind::kText: OnText(n, in_link); return;
      case NodeKind::kWhitespace: Space(n.span.start, n.span.end, false); return;
      case NodeKind::kComment: return;
      case NodeKind::kElement: break;
    }
    if (n.tag == GUMBO_TAG_BR) {
      OnBr(n);
      return;
    }
    bool block = html::IsBlock(n.tag);
    if (block) BlockBreak();
    for (int c : n.children) Walk(c, in_link || n.tag == GUMBO_TAG_A);
    if (block) BlockBreak();
  }

  void OnBr(const Node& n) {
    if (!HasChars()) return;
    if (++brs_ >= 2) {
      BlockBreak();  // <br><br> separates paragraphs
      return;
    }
    Space(n.span.start, n.span.end, false);
  }

  void OnText(const Node& n, bool in_link) {
    link_ = in_link;
    std::string_view t = html::Text(n);
    if (n.span.empty() || n.span.start < SourcePos()) {
      // The parser moved this text (foster parenting): its bytes are behind us.
      Rest(SourcePos(), SourcePos(), t, true);
      return;
    }
    Align(t_.src.substr(n.span.start, n.span.size()), n.span.start, t);
  }

  // Walks the source bytes `o` (at offset `base`) and gumbo's decoded text `t`
  // together, emitting verbatim runs, decoded references and whitespace.
  void Align(std::string_view o, uint32_t base, std::string_view t) {
    size_t j = 0, k = 0;
    while (j < o.size()) {
      if (html::IsHtmlSpace(o[j])) {
        size_t j0 = j;
        while (j < o.size() && html::IsHtmlSpace(o[j])) ++j;
        while (k < t.size() && html::IsHtmlSpace(t[k])) ++k;
        Space(base + j0, base + j, false);
        continue;
      }
      size_t m = 0, dk = 0;
      if (o[j] == '&' && MatchReference(o, j, t, k, &m, &dk)) {
        std::string_view decoded = t.substr(k, dk);
        if (AllSpace(decoded)) Space(base + j, base + j + m, false);
        else Chars(base + j, base + j + m, decoded, false);
        j += m;
        k += dk;
        continue;
      }
      if (o[j] == '<' && (k >= t.size() || t[k] != '<')) {
        // A tag the parser ignored but left inside the text's source span.
        size_t gt = o.find('>', j);
        if (gt != std::string_view::npos) {
          j = gt + 1;
          continue;
        }
      }
      size_t j0 = j;
      while (j < o.size() && k < t.size() && o[j] == t[k] && !html::IsHtmlSpace(o[j]) &&
             (o[j] != '&' || j == j0)) {
        ++j;
        ++k;
      }
      if (j == j0) break;  // the texts disagree: give up on fine alignment
      Chars(base + j0, base + j, o.substr(j0, j - j0), false);
    }
    if (j < o.size() || k < t.size())
      Rest(base + j, base + static_cast<uint32_t>(o.size()), t.substr(k), false);
  }

  // Emits `t` in place of source [from, to) without finer alignment.
  void Rest(uint32_t from, uint32_t to, std::string_view t, bool free) {
    if (t.empty()) return;
    std::string body = html::CollapseSpace(t);
    if (html::IsHtmlSpace(t.front())) Space(from, from, free);
    if (!body.empty()) Chars(from, to, body, free);
    if (html::IsHtmlSpace(t.back())) Space(to, to, free);
  }

  void Space(uint32_t from, uint32_t to, bool free) {
    if (HasChars()) Push({true, free, false, false, {from, to}, {}});
  }

  void Chars(uint32_t from, uint32_t to, std::string_view decoded, bool free) {
    brs_ = 0;
    bool verbatim = !free && decoded == html_.substr(from, to - from);
    if (verbatim && !block_.empty() && block_.back().verbatim && block_.back().link == link_ &&
        block_.back().span.end == from) {
      block_.back().span.end = to;  // extend the previous run
      block_.back().text.append(decoded);
      block_end_ = std::max(block_end_, to);
      return;
    }
    Push({false, free, link_, verbatim, {from, to}, std::string(decoded)});
  }

  bool HasChars() const { return !block_.empty(); }  // blocks start with characters

  // Source position after the pieces collected so far.
  uint32_t SourcePos() const { return std::max(b_.source_pos(), block_end_); }

  void Push(Piece piece) {
    if (!piece.free) block_end_ = std::max(block_end_, piece.span.end);
    block_.push_back(std::move(piece));
  }

  void BlockBreak() {
    brs_ = 0;
    if (block_.empty()) return;
    std::string rule = Judge();
    if (rule.empty()) Write();
    else Drop(rule);
    block_.clear();
    block_end_ = 0;
  }

  // The rule that drops the current block, or "".
  std::string Judge() const {
    std::string text;
    size_t chars = 0, link_chars = 0;
    for (const Piece& p : block_) {
      if (p.space) {
        if (!text.empty() && text.back() != ' ') text.push_back(' ');
        continue;
      }
      text.append(p.text);
      size_t n = CodePoints(p.text);
      chars += n;
      if (p.link) link_chars += n;
    }
    if (link_chars * 2 > chars) return "html:link-dense";
    if (!title_.empty() && html::SameText(text, title_)) return "html:title";
    if (text.size() < 400 && html::IsBylineText(text)) return "html:byline";
    if (text.size() < 300 && html::IsTeaserText(text)) return "html:read-also";
    return "";
  }

  static size_t CodePoints(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  }

  void Drop(const std::string& rule) {
    Span span{UINT32_MAX, 0};
    for (const Piece& p : block_) {
      if (p.free) continue;
      span.start = std::min(span.start, p.span.start);
      span.end = std::max(span.end, p.span.end);
    }
    if (span.start < span.end) dropped_.push_back({span, rule});
  }

  void Write() {
    // Trailing spaces are not written.
    size_t end = block_.size();
    while (end > 0 && block_[end - 1].space) --end;
    const Piece& first = block_.front();
    if (!first.free) SkipTo(first.span.start);
    if (wrote_block_) b_.Insert("\n\n");
    wrote_block_ = true;
    const Piece* pending = nullptr;
    for (size_t i = 0; i < end; ++i) {
      const Piece& p = block_[i];
      if (p.space) {
        if (!pending) pending = &p;
        continue;
      }
      if (pending) {
        if (pending->free || p.free) b_.Insert(" ");
        else Take(pending->span.start, pending->span.end, " ");
        pending = nullptr;
      }
      if (p.free) b_.Insert(p.text);
      else Take(p.span.start, p.span.end, p.text);
    }
  }

  void SkipTo(uint32_t pos) {
    if (pos > b_.source_pos()) b_.Skip(b_.source_pos(), pos);
  }

  // Emits `out` for source [from, to), skipping the bytes before it.
  void Take(uint32_t from, uint32_t to, std::string_view out) {
    if (to <= b_.source_pos() && to > from) {
      b_.Insert(out);
      return;
    }
    from = std::max(from, b_.source_pos());
    to = std::max(to, from);
    SkipTo(from);
    if (out == html_.substr(from, to - from)) b_.Copy(from, to);
    else b_.Replace(from, to, out);
    if (to > from) {
      if (!kept_.empty() && kept_.back().end == from) kept_.back().end = to;
      else kept_.push_back({from, to});
    }
  }

  const Tree& t_;
  std::string_view html_;
  std::string_view title_;
  TextBuilder b_;
  std::vector<Span> kept_;
  std::vector<std::pair<Span, std::string>> dropped_;
  std::vector<Piece> block_;
  uint32_t block_end_ = 0;  // source end of the pieces in block_
  bool wrote_block_ = false;
  bool link_ = false;
  int brs_ = 0;
};

// Labels every byte of the page: kept, markup, or the boilerplate rule that
// removed it; then turns the labels into Removal ranges.
class Painter {
 public:
  Painter(const Tree& t, size_t size, int outside_rule)
      : t_(t), labels_(size, kMarkupLabel), outside_(Label(outside_rule)) {}

  void PaintTree() { Walk(0, false); }

  void Keep(const std::vector<Span>& kept) {
    for (Span s : kept) Fill(s.start, s.end, kKeptLabel, true);
  }

  void PaintRange(size_t from, size_t to, int rule) { Fill(from, to, Label(rule), false); }

  std::vector<Removal> Removals() const;

 private:
  void Walk(int i, bool inside) {
    const Node& n = t_[i];
    if (n.drop != html::kNoRule) {
      if (n.drop != html::kMarkupRule) Fill(n.span.start, n.span.end, Label(n.drop), false);
      return;
    }
    inside = inside || n.content_root;
    if (!inside && i != 0 && i != t_.html && i != t_.body &&
        ((n.kind == NodeKind::kElement && !n.holds_content) || n.kind == NodeKind::kText)) {
      Fill(n.span.start, n.span.end, outside_, false);
      return;
    }
    for (int c : n.children) Walk(c, inside);
  }

  uint8_t Label(int rule) const { return static_cast<uint8_t>(std::min(rule, 254)); }

  void Fill(size_t from, size_t to, uint8_t label, bool overwrite) {
    to = std::min(to, labels_.size());
    for (size_t i = from; i < to; ++i)
      if (overwrite || labels_[i] == kMarkupLabel) labels_[i] = label;
  }

  const Tree& t_;
  std::vector<uint8_t> labels_;
  uint8_t outside_;
};

std::vector<Removal> Painter::Removals() const {
  struct Run {
    uint32_t start, end;
    uint8_t label;
  };
  std::vector<Run> runs;
  for (size_t i = 0; i < labels_.size();) {
    size_t j = i;
    while (j < labels_.size() && labels_[j] == labels_[i]) ++j;
    runs.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), labels_[i]});
    i = j;
  }
  // Markup between two pieces removed by the same rule joins them.
  for (size_t i = 1; i + 1 < runs.size(); ++i) {
    if (runs[i].label == kMarkupLabel && runs[i - 1].label == runs[i + 1].label &&
        runs[i - 1].label != kKeptLabel)
      runs[i].label = runs[i - 1].label;
  }
  std::vector<Removal> out;
  for (const Run& r : runs) {
    if (r.label == kKeptLabel) continue;
    if (!out.empty() && out.back().span.end == r.start &&
        out.back().rule == (r.label == kMarkupLabel ? "html:markup" : t_.rules[r.label])) {
      out.back().span.end = r.end;
      continue;
    }
    Removal rm;
    rm.span = {r.start, r.end};
    rm.why = r.label == kMarkupLabel ? RemovalReason::kMarkup : RemovalReason::kBoilerplate;
    rm.rule = r.label == kMarkupLabel ? "html:markup" : t_.rules[r.label];
    out.push_back(std::move(rm));
  }
  return out;
}

struct PassResult {
  std::string text;
  OffsetMap map;
  std::vector<Removal> removed;
  html::Metadata meta;
};

// One selection + emission over the parsed tree. `html` is the page (cut to
// 4 GiB); tree->src is the part that was parsed.
PassResult RunPass(Tree* tree, std::string_view html, std::string_view title,
                   const html::SelectOptions& options) {
  html::ResetSelection(tree);
  html::SelectContent(tree, options);
  PassResult r;
  Emitter emitter(*tree, html, title);
  for (int i = 0; i < static_cast<int>(tree->nodes.size()); ++i)
    if (tree->nodes[i].content_root) emitter.EmitRoot(i);
  std::vector<Span> kept;
  r.text = emitter.Finish(&r.map, &kept);

  Painter painter(*tree, html.size(), tree->Rule("html:outside-main"));
  painter.PaintTree();
  if (tree->src.size() < html.size())
    painter.PaintRange(tree->src.size(), html.size(), tree->Rule("html:truncated"));
  for (const auto& [span, rule] : emitter.dropped())
    painter.PaintRange(span.start, span.end, tree->Rule(rule));
  painter.Keep(kept);
  r.removed = painter.Removals();
  r.meta = html::ReadMetadata(*tree);
  return r;
}

// Where to cut a page too large to parse: at most kMaxHtmlBytes, on a
// character boundary.
size_t ParseLimit(std::string_view html) {
  if (html.size() <= kMaxHtmlBytes) return html.size();
  size_t cut = kMaxHtmlBytes;
  while (cut > 0 && (static_cast<unsigned char>(html[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

HtmlPage ExtractHtml(std::string_view html) {
  // Offsets are 32-bit; nothing this large reaches here in practice.
  html = html.substr(0, std::min<size_t>(html.size(), UINT32_MAX));
  std::string_view input = html.substr(0, ParseLimit(html));
  std::optional<std::string> limited = html::LimitNesting(input);

  Tree tree;
  tree.src = limited ? std::string_view(*limited) : input;
  const char* data = tree.src.empty() ? "" : tree.src.data();
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, data, tree.src.size());
  tree.src = std::string_view(data, tree.src.size());
  html::BuildTree(out, &tree);

  // The title as the head gives it, to recognise its repeats in the body.
  std::string title = html::ReadMetadata(tree).title.value_or("");
  PassResult best = RunPass(&tree, html, title, {});
  if (best.text.size() < kShortText) {
    PassResult relaxed = RunPass(&tree, html, title, {.class_hints = false});
    if (relaxed.text.size() > best.text.size()) best = std::move(relaxed);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);

  HtmlPage page;
  page.text = std::move(best.text);
  page.map = std::move(best.map);
  page.removed = std::move(best.removed);
  page.title = std::move(best.meta.title);
  page.date = std::move(best.meta.date);
  page.url = std::move(best.meta.url);
  page.lang = std::move(best.meta.lang);
  return page;
}

}  // namespace veille
