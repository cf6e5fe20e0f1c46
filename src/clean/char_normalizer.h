// Character-level normalisation (internal to clean/): no-break spaces, apostrophe
// and quote variants, invisible characters, stray combining marks, NFC.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/doc.h"
#include "core/offset_map.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace veille {

class CharNormalizer {
 public:
  // Loads dict/clean/chars.tsv. Throws DictError.
  CharNormalizer();

  // Appends the normalised form of src[from, to) to `b` (whose source is `src`),
  // collapsing runs of spaces to one. Characters removed as invisible are
  // reported in `removed` (offsets into src, rule = chars.tsv line or "unicode:...").
  // `normal_prefix` (from NormalPrefix) lets it start after a part already known
  // to need no work.
  void Normalize(std::string_view src, uint32_t from, uint32_t to, TextBuilder& b,
                 std::vector<Removal>* removed, uint32_t normal_prefix = 0) const;

  // The normalised text alone (for rule matching), no map.
  std::string Normalized(std::string_view s, size_t normal_prefix = 0) const;

  // The edits Normalize makes to a TextBuilder, recorded once (with the text they
  // give) and replayed later, so a line is normalised once for the rules and for
  // the document. Offsets are into the source; several lines share one Edits.
  struct Edits {
    // A Copy, or a Replace by rep_len bytes at rep_off of the text Record appended
    // for the line (the replacement as written there, not kept apart).
    using Op = TextBuilder::Call;
    std::vector<Op> ops;
    std::vector<Removal> removed;
  };
  // Appends the normalised src[from, to) to *text, and the edits to *edits
  // (returning their ranges): replaying them into a TextBuilder positioned at
  // `from` does exactly what Normalize(src, from, to, b, removed, normal_prefix) does.
  void Record(std::string_view src, uint32_t from, uint32_t to, uint32_t normal_prefix, std::string* text,
              Edits* edits) const;
  // `text` is what Record appended for those edits (it makes the replay one append).
  static void Replay(const Edits& edits, size_t op_begin, size_t op_end, std::string_view text, TextBuilder& b);

  // A fast check: true only when Normalize would copy `s` (valid UTF-8)
  // unchanged: no character to replace or drop, no run of spaces, nothing to
  // compose. May say false for some text that normalises to itself (a kept
  // combining mark, a character outside the BMP).
  bool IsNormal(std::string_view s) const { return NormalPrefix(s) == s.size(); }
  // The length of the longest prefix of `s` that IsNormal would accept, ending
  // at a character boundary.
  size_t NormalPrefix(std::string_view s) const;

 private:
  struct Entry {
    std::string replacement;  // empty: remove
    std::string rule;
  };
  const Entry* Find(char32_t cp) const;
  // Normalize into any sink with TextBuilder's Copy/Replace/Skip (the map-less
  // sink of Normalized() lives in the .cpp).
  template <typename Sink>
  void NormalizeTo(std::string_view src, uint32_t from, uint32_t to, Sink& b, std::vector<Removal>* removed,
                   uint32_t normal_prefix) const;
  // True for a BMP code point that needs no work: not in the table, not a
  // combining mark, and starting an NFC cluster (most letters and punctuation).
  bool Plain(char32_t cp) const { return cp < 0x10000 && (plain_[cp >> 6] >> (cp & 63) & 1); }
  std::unordered_map<char32_t, Entry> table_;
  std::vector<uint64_t> plain_;  // bitmap over U+0000..U+FFFF
  bool c3_plain_ = false;        // every one of U+00C0..U+00FF is plain
  const icu::Normalizer2* nfc_;
};

}  // namespace veille
