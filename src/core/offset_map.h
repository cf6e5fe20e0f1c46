// Maps byte offsets of a derived text back to the text it was derived from.
//
// A derived text is built from copied runs of the source and from inserted
// replacements. The map is a sorted list of anchors (derived offset, source offset);
// between two anchors the run is either a verbatim copy (equal lengths: offsets
// map linearly) or a replacement (different lengths: every offset inside maps to the
// start of the replaced source range). Maps compose, so provenance survives any
// number of stages.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace veille {

class OffsetMap {
 public:
  // Identity over a text of `size` bytes.
  static OffsetMap Identity(uint32_t size);

  // Source offset of derived offset `pos` (0 <= pos <= derived size).
  uint32_t ToSource(uint32_t pos) const;
  // Source span covering derived span `s`.
  Span ToSource(Span s) const;

  // this: B -> A, inner: C -> B. Returns C -> A.
  OffsetMap Compose(const OffsetMap& inner) const;

  uint32_t derived_size() const { return anchors_.empty() ? 0 : anchors_.back().derived; }
  uint32_t source_size() const { return anchors_.empty() ? 0 : anchors_.back().source; }
  bool is_identity() const;

  struct Anchor {
    uint32_t derived;
    uint32_t source;
  };
  const std::vector<Anchor>& anchors() const { return anchors_; }

 private:
  friend class TextBuilder;
  std::vector<Anchor> anchors_;  // first is {0,0}, last is {derived_size, source_size}
};

// Builds a derived text from a source, recording the offset map as it goes.
class TextBuilder {
 public:
  explicit TextBuilder(std::string_view source);

  // Copies source[from, to) verbatim; `from` must be >= the end of what was consumed.
  void Copy(uint32_t from, uint32_t to);
  // Emits `replacement` in place of source[from, to).
  void Replace(uint32_t from, uint32_t to, std::string_view replacement);
  // Drops source[from, to) (a replacement by nothing).
  void Skip(uint32_t from, uint32_t to) { Replace(from, to, {}); }
  // Emits text that stands for no source bytes, at the current source position.
  void Insert(std::string_view text);

  // A recorded Copy (copy) or Replace call; a replacement is `rep_len` bytes at `rep_off`
  // of a string kept with the calls.
  struct Call {
    uint32_t from, to;
    uint32_t rep_off, rep_len;
    bool copy;
  };
  // Makes the calls calls[0, n) knowing the bytes they append, concatenated: `text`. The
  // same text and map as making them one by one, with one append (the replacements
  // themselves are not read). False, with nothing done, if they would append a different
  // number of bytes.
  bool Replay(const Call* calls, size_t n, std::string_view text);

  uint32_t source_pos() const { return consumed_; }
  const std::string& text() const { return out_; }

  // Consumes the rest of the source as a copy and returns the result.
  std::string Finish(OffsetMap* map);

 private:
  void Anchor() { Anchor(static_cast<uint32_t>(out_.size())); }
  void Anchor(uint32_t derived);  // derived: the length of the text so far
  std::string_view src_;
  std::string out_;
  uint32_t consumed_ = 0;
  OffsetMap map_;
};

}  // namespace veille
