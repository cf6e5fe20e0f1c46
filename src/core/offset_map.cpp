#include "core/offset_map.h"

#include <algorithm>
#include <cassert>

namespace veille {

OffsetMap OffsetMap::Identity(uint32_t size) {
  OffsetMap m;
  m.anchors_.push_back({0, 0});
  m.anchors_.push_back({size, size});
  return m;
}

bool OffsetMap::is_identity() const {
  for (const Anchor& a : anchors_)
    if (a.derived != a.source) return false;
  return true;
}

uint32_t OffsetMap::ToSource(uint32_t pos) const {
  if (anchors_.empty()) return pos;
  // Last anchor with derived <= pos.
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), pos,
                             [](uint32_t p, const Anchor& a) { return p < a.derived; });
  if (it == anchors_.begin()) return anchors_.front().source;
  const Anchor& a = *(it - 1);
  if (it == anchors_.end()) return a.source + (pos - a.derived);  // past the end: extrapolate
  const Anchor& b = *it;
  if (b.derived - a.derived == b.source - a.source) return a.source + (pos - a.derived);
  return pos == a.derived ? a.source : (pos >= b.derived ? b.source : a.source);
}

Span OffsetMap::ToSource(Span s) const {
  if (anchors_.empty()) return s;
  uint32_t start = ToSource(s.start);
  // The end maps to the earliest source offset for it (before any skipped bytes),
  // and a replaced run it falls inside is covered whole.
  uint32_t end;
  auto it = std::lower_bound(anchors_.begin(), anchors_.end(), s.end,
                             [](const Anchor& a, uint32_t p) { return a.derived < p; });
  if (it == anchors_.end()) {
    end = anchors_.back().source + (s.end - anchors_.back().derived);
  } else if (it->derived == s.end || it == anchors_.begin()) {
    end = it->source;
  } else {
    const Anchor& a = *(it - 1);
    const Anchor& b = *it;
    end = b.derived - a.derived == b.source - a.source ? a.source + (s.end - a.derived) : b.source;
  }
  return {start, std::max(start, end)};
}

OffsetMap OffsetMap::Compose(const OffsetMap& inner) const {
  // inner: C -> B, this: B -> A. Anchor points of the result are the inner anchors,
  // plus, inside each verbatim inner run, the points where this map has anchors.
  // Inner sources do not decrease (a builder consumes its source in order), so one
  // index walks this map's anchors alongside: k is the first anchor whose derived
  // offset is past the current position (what ToSource finds by binary search).
  OffsetMap out;
  const auto& in = inner.anchors_;
  const auto& outer = anchors_;
  const size_t n = outer.size();
  // This map is the identity over [0, L] (the reader's, for a text read as it is) and
  // no inner source is past L: the walk below would map every inner source to itself
  // and split no verbatim run, so the result is the inner map itself.
  if (n == 0 || (n == 2 && outer[0].derived == 0 && outer[0].source == 0 && outer[1].derived == outer[1].source)) {
    uint32_t max_source = 0;
    for (const Anchor& a : in) max_source = std::max(max_source, a.source);
    if (n == 0 || max_source <= outer[1].derived) {
      out.anchors_ = in;
      return out;
    }
  }
  out.anchors_.reserve(in.size() + n);
  size_t k = 0;
  uint32_t last = 0;
  auto to_source = [&](uint32_t pos) -> uint32_t {  // ToSource(pos), k moved to its place
    if (n == 0) return pos;
    if (pos < last) k = 0;  // not in order after all: start again
    last = pos;
    while (k < n && outer[k].derived <= pos) ++k;
    if (k == 0) return outer.front().source;
    const Anchor& a = outer[k - 1];
    if (k == n) return a.source + (pos - a.derived);  // past the end: extrapolate
    const Anchor& b = outer[k];
    if (b.derived - a.derived == b.source - a.source) return a.source + (pos - a.derived);
    return pos == a.derived ? a.source : (pos >= b.derived ? b.source : a.source);
  };
  for (size_t i = 0; i < in.size(); ++i) {
    out.anchors_.push_back({in[i].derived, to_source(in[i].source)});
    if (i + 1 == in.size()) break;
    const Anchor& a = in[i];
    const Anchor& b = in[i + 1];
    if (b.derived - a.derived != b.source - a.source) {
      // Replacement in the inner map: the whole run maps to the outer image of
      // [a.source, b.source), which the next anchor's ToSource closes.
      continue;
    }
    // Verbatim run [a.source, b.source) in B: split it where this map has anchors (from
    // the first one past a.source: k, after to_source(a.source)).
    for (size_t t = k; t < n && outer[t].derived < b.source; ++t) {
      uint32_t c = a.derived + (outer[t].derived - a.source);
      if (out.anchors_.back().derived == c && out.anchors_.back().source == outer[t].source) continue;
      out.anchors_.push_back({c, outer[t].source});
    }
  }
  return out;
}

TextBuilder::TextBuilder(std::string_view source) : src_(source) {
  out_.reserve(source.size());  // derived texts are about as long as their source
  map_.anchors_.push_back({0, 0});
}

void TextBuilder::Anchor(uint32_t derived) {
  auto& v = map_.anchors_;
  OffsetMap::Anchor a{derived, consumed_};
  if (v.back().derived == a.derived && v.back().source == a.source) return;
  // Merge consecutive verbatim runs: drop the middle anchor when both runs are linear.
  if (v.size() >= 2) {
    const auto& p = v[v.size() - 2];
    const auto& q = v.back();
    if (q.derived - p.derived == q.source - p.source && a.derived - q.derived == a.source - q.source) {
      v.back() = a;
      return;
    }
  }
  v.push_back(a);
}

void TextBuilder::Copy(uint32_t from, uint32_t to) {
  assert(from >= consumed_ && to >= from && to <= src_.size());
  if (from > consumed_) Skip(consumed_, from);
  out_.append(src_.substr(from, to - from));
  consumed_ = to;
  Anchor();
}

void TextBuilder::Replace(uint32_t from, uint32_t to, std::string_view replacement) {
  assert(from >= consumed_ && to >= from && to <= src_.size());
  if (from > consumed_) Copy(consumed_, from);
  if (replacement.size() == to - from && replacement == src_.substr(from, to - from)) {
    Copy(from, to);
    return;
  }
  // A replacement of equal length would look verbatim to the map; that is what we
  // want (offsets inside map one to one), so no special case is needed.
  out_.append(replacement);
  consumed_ = to;
  Anchor();
}

bool TextBuilder::Replay(const Call* calls, size_t n, std::string_view text) {
  // What the calls append: a Copy its range (a gap before it is skipped), a Replace the
  // gap before it (copied) and its replacement (or the same bytes when equal).
  size_t appended = 0;
  uint32_t pos = consumed_;
  for (size_t k = 0; k < n; ++k) {
    const Call& c = calls[k];
    if (c.copy) appended += c.to - c.from;
    else appended += (c.from > pos ? c.from - pos : 0) + c.rep_len;
    pos = c.to;
  }
  if (appended != text.size()) return false;
  // The anchors each call would leave, the text's length tracked instead of appended.
  uint32_t derived = static_cast<uint32_t>(out_.size());
  for (size_t k = 0; k < n; ++k) {
    const Call& c = calls[k];
    assert(c.from >= consumed_ && c.to >= c.from && c.to <= src_.size());
    if (c.from > consumed_) {  // Copy skips the gap, Replace copies it
      if (!c.copy) derived += c.from - consumed_;
      consumed_ = c.from;
      Anchor(derived);
    }
    derived += c.copy ? c.to - c.from : c.rep_len;
    consumed_ = c.to;
    Anchor(derived);
  }
  out_.append(text);
  return true;
}

void TextBuilder::Insert(std::string_view text) {
  if (text.empty()) return;
  out_.append(text);
  Anchor();
}

std::string TextBuilder::Finish(OffsetMap* map) {
  if (consumed_ < src_.size()) Copy(consumed_, static_cast<uint32_t>(src_.size()));
  if (map_.anchors_.size() == 1) map_.anchors_.push_back({0, 0});
  if (map) *map = std::move(map_);
  return std::move(out_);
}

}  // namespace veille
