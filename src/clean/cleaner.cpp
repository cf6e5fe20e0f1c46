#include "clean/cleaner.h"

#include <algorithm>
#include <cstring>

#include "clean/char_normalizer.h"
#include "clean/line_rules.h"
#include "clean/repeats.h"

namespace veille {

struct Cleaner::Rules {
  CharNormalizer chars;
  LineRules lines;
};

namespace {

const std::string kRepeatedParagraph = "clean:repeated-paragraph";
const std::string kRepeatedSentence = "clean:repeated-sentence";
// A block rule removes at most this many link headlines after its marker.
constexpr int kMaxBlockLines = 12;
// Link headlines are short.
constexpr size_t kMaxHeadlineBytes = 200;

struct Line {
  uint32_t start, end;        // trimmed, offsets into the text being cleaned
  // The normalised text (only for lines short enough for rules): the raw line itself
  // when already normal, else norm_len bytes at norm_off of the scratch's `norms`.
  uint32_t norm_off = 0, norm_len = 0;
  bool normal = false;        // the raw line needs no character normalisation
  uint32_t normal_prefix = 0; // bytes at its start that need none (short lines)
  // Short lines that are not normal: their recorded normalisation (CharNormalizer::Edits).
  bool recorded = false;
  uint32_t op_begin = 0, op_end = 0, rem_begin = 0, rem_end = 0;
  const LineRule* rule = nullptr;
  const std::string* removed_by = nullptr;  // rule provenance when removed
  RemovalReason why = RemovalReason::kBoilerplate;
  std::vector<Span> cuts;     // repeated sentences inside a kept line (text offsets)
  bool blank() const { return start == end; }
  bool removed() const { return removed_by != nullptr; }
};

bool IsTrimByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// The cleaner's buffers, the thread's, reused from document to document (Run is
// not reentrant within a thread): no allocation once they have grown.
struct Scratch {
  std::vector<Line> lines;
  std::string norms;               // the normalised text of the lines that need it
  CharNormalizer::Edits edits;     // their recorded normalisation, replayed in step 2
  std::vector<Removal> removed, invisible;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

void SplitLines(std::string_view text, std::vector<Line>& lines) {
  lines.clear();  // keeps its capacity: no counting pass to reserve it
  uint32_t n = static_cast<uint32_t>(text.size()), pos = 0;
  while (pos <= n) {
    uint32_t nl = static_cast<uint32_t>(std::min<size_t>(text.find('\n', pos), n));
    uint32_t s = pos, e = nl;
    while (s < e && IsTrimByte(text[s])) ++s;
    while (e > s && IsTrimByte(text[e - 1])) --e;
    // No-break spaces at the edges of a line are trimmed too.
    while (e - s >= 2 && text.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
    while (e - s >= 2 && text.substr(s, 2) == "\xC2\xA0") s += 2;
    lines.push_back({s, e, 0, 0, false, 0, false, 0, 0, 0, 0, nullptr, nullptr, RemovalReason::kBoilerplate, {}});
    if (nl == n) break;
    pos = nl + 1;
  }
}

// A short line without a sentence-final period: a headline, a subheading or a link title.
bool LooksLikeHeadline(std::string_view line) {
  if (line.empty() || line.size() > kMaxHeadlineBytes) return false;
  size_t e = line.size();
  while (e > 0 && (line[e - 1] == ' ' || line[e - 1] == '"' || line[e - 1] == ')')) --e;
  if (e >= 2 && line.substr(e - 2, 2) == "\xC2\xBB") return false;  // ends with a quote: speech
  if (e == 0) return false;
  char last = line[e - 1];
  return last != '.' && last != ':' && last != ';' && last != ',';
}

}  // namespace

Cleaner::Cleaner() : rules_(std::make_unique<Rules>()) {}
Cleaner::~Cleaner() = default;
Cleaner::Cleaner(Cleaner&&) noexcept = default;

void Cleaner::Run(Doc& doc) const {
  const std::string& src = doc.text;
  Scratch& scratch = ThreadScratch();
  std::vector<Line>& lines = scratch.lines;
  SplitLines(src, lines);
  const CharNormalizer& chars = rules_->chars;
  // The normalised text of a line that has one (views into `norms` are taken only
  // between two appends to it).
  std::string& norms = scratch.norms;
  norms.clear();
  auto norm_of = [&](const Line& l) {
    return l.normal ? std::string_view(src.data() + l.start, l.end - l.start)
                    : std::string_view(norms.data() + l.norm_off, l.norm_len);
  };

  // 1. Decide which lines go.
  RepeatFinder repeats;
  CharNormalizer::Edits& edits = scratch.edits;  // of the short lines that need normalising
  edits.ops.clear();
  edits.removed.clear();
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.blank() || l.removed()) continue;
    std::string_view raw(src.data() + l.start, l.end - l.start);
    // Only short lines are normalised for the rules (and for the title); a long
    // line is body text, and its repeats are found on its raw bytes.
    bool is_short = raw.size() <= 2 * LineRules::kMaxLineBytes;
    if (is_short) {
      l.normal_prefix = static_cast<uint32_t>(chars.NormalPrefix(raw));
      l.normal = l.normal_prefix == raw.size();
      if (!l.normal) {
        l.recorded = true;
        l.op_begin = static_cast<uint32_t>(edits.ops.size());
        l.rem_begin = static_cast<uint32_t>(edits.removed.size());
        l.norm_off = static_cast<uint32_t>(norms.size());
        chars.Record(src, l.start, l.end, l.normal_prefix, &norms, &edits);
        l.norm_len = static_cast<uint32_t>(norms.size() - l.norm_off);
        l.op_end = static_cast<uint32_t>(edits.ops.size());
        l.rem_end = static_cast<uint32_t>(edits.removed.size());
      }
      if (norm_of(l).empty()) {
        l.end = l.start;  // only invisible characters: treat as blank
        continue;
      }
      if (norm_of(l).size() <= LineRules::kMaxLineBytes) l.rule = rules_->lines.Match(norm_of(l));
    }
    if (l.rule) {
      l.removed_by = &l.rule->where;
      l.why = l.rule->why;
      if (l.rule->action == LineAction::kTail) {
        for (size_t j = i + 1; j < lines.size(); ++j) lines[j].removed_by = &l.rule->where;
        break;
      }
      if (l.rule->action == LineAction::kBlock) {
        int taken = 0;
        for (size_t j = i + 1; j < lines.size() && taken < kMaxBlockLines; ++j) {
          Line& h = lines[j];
          if (h.blank()) continue;
          std::string norm = chars.Normalized(std::string_view(src.data() + h.start, h.end - h.start));
          if (!LooksLikeHeadline(norm) || rules_->lines.Match(norm)) break;
          h.removed_by = &l.rule->where;
          ++taken;
        }
      }
      continue;
    }
    if (repeats.RepeatedParagraph(is_short ? norm_of(l) : raw)) {
      l.removed_by = &kRepeatedParagraph;
      l.why = RemovalReason::kDuplicate;
      continue;
    }
    for (Span s : repeats.RepeatedSentences(raw)) {
      // Take the spaces after the sentence along (or before it, at the end of the line).
      uint32_t a = l.start + s.start, b = l.start + s.end;
      while (b < l.end && src[b] == ' ') ++b;
      if (b == l.end)
        while (a > l.start && src[a - 1] == ' ') --a;
      l.cuts.push_back({a, b});
    }
    if (!l.cuts.empty() && l.cuts.front().start == l.start && l.cuts.back().end == l.end && l.cuts.size() == 1) {
      l.cuts.clear();
      l.removed_by = &kRepeatedSentence;
      l.why = RemovalReason::kDuplicate;
    }
  }

  // 2. Build the cleaned text: kept lines, normalised, one blank line between them.
  TextBuilder b(src);
  std::vector<Removal>& removed = scratch.removed;  // offsets into src for now
  std::vector<Removal>& invisible = scratch.invisible;
  removed.clear();
  invisible.clear();
  bool first = true;
  const Line* first_kept = nullptr;
  int kept = 0;
  for (const Line& l : lines) {
    if (l.blank()) continue;
    if (l.removed()) {
      RemovalReason why = l.removed_by == &kRepeatedParagraph || l.removed_by == &kRepeatedSentence
                              ? RemovalReason::kDuplicate
                              : RemovalReason::kBoilerplate;
      if (!removed.empty() && removed.back().rule == *l.removed_by && removed.back().why == why &&
          src.find_first_not_of(" \t\r\n", removed.back().span.end) >= l.start) {
        removed.back().span.end = l.end;  // one span for a block or a tail
      } else {
        removed.push_back({{l.start, l.end}, why, *l.removed_by});
      }
      continue;
    }
    if (first) {
      b.Skip(0, l.start);
      first = false;
      first_kept = &l;
    } else {
      b.Replace(b.source_pos(), l.start, "\n\n");
    }
    ++kept;
    uint32_t pos = l.start;
    for (Span cut : l.cuts) {
      // Cuts may overlap (a sentence's trailing spaces taken by one cut, then by the
      // next one at the end of the line): keep only what was not cut yet.
      cut.start = std::max(cut.start, pos);
      if (cut.end <= cut.start) continue;
      chars.Normalize(src, pos, cut.start, b, &invisible);
      b.Skip(cut.start, cut.end);
      removed.push_back({cut, RemovalReason::kDuplicate, kRepeatedSentence});
      pos = cut.end;
    }
    if (l.normal && l.cuts.empty()) {
      b.Copy(l.start, l.end);  // what Normalize would do, without the scan
    } else if (l.recorded && l.cuts.empty()) {  // what Normalize would do, recorded in step 1
      CharNormalizer::Replay(edits, l.op_begin, l.op_end, norm_of(l), b);
      invisible.insert(invisible.end(), edits.removed.begin() + l.rem_begin, edits.removed.begin() + l.rem_end);
    } else
      chars.Normalize(src, pos, l.end, b, &invisible, l.cuts.empty() ? l.normal_prefix : 0);
  }
  if (b.source_pos() < src.size()) b.Skip(b.source_pos(), static_cast<uint32_t>(src.size()));

  if (!doc.title && first_kept && kept >= 2) {
    std::string_view head = norm_of(*first_kept);
    if (LooksLikeHeadline(head) && head.size() >= 10) doc.title = std::string(head);
  }

  // 3. Report removals in original offsets, in order.
  removed.insert(removed.end(), invisible.begin(), invisible.end());
  for (Removal& r : removed) r.span = doc.map.ToSource(r.span);
  doc.removed.insert(doc.removed.end(), std::make_move_iterator(removed.begin()),
                     std::make_move_iterator(removed.end()));
  std::sort(doc.removed.begin(), doc.removed.end(),
            [](const Removal& x, const Removal& y) { return x.span.start < y.span.start; });

  OffsetMap map;
  std::string text = b.Finish(&map);
  doc.map = doc.map.Compose(map);
  doc.text = std::move(text);
}

}  // namespace veille
