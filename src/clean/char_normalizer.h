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
  void Normalize(std::string_view src, uint32_t from, uint32_t to, TextBuilder& b,
                 std::vector<Removal>* removed) const;

  // The normalised text alone (for rule matching), no map.
  std::string Normalized(std::string_view s) const;

 private:
  struct Entry {
    std::string replacement;  // empty: remove
    std::string rule;
  };
  const Entry* Find(char32_t cp) const;
  std::unordered_map<char32_t, Entry> table_;
  const icu::Normalizer2* nfc_;
};

}  // namespace veille
