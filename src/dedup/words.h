// Words of a document for dedup/: case, accents and punctuation folded away, each word
// reduced to a 64-bit hash. Internal to dedup/.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::dedup {

struct Word {
  uint64_t hash;     // XXH3 of the folded word ("Élysée" and "elysee" hash alike)
  uint32_t length;   // folded length in bytes
  bool numeric;      // digits only
};

// Splits `text` (UTF-8) into words: runs of letters and digits. Letters are lower-cased
// and stripped of accents (Latin-1 and Latin Extended-A fold to ASCII: "é" -> "e",
// "œ" -> "oe"; other scripts are lower-cased); everything else (punctuation,
// apostrophes, hyphens, spaces) separates words. Appends to `out`.
void FoldWords(std::string_view text, std::vector<Word>* out);

// The folded form of one word, as FoldWords hashes it (for dictionaries).
std::string FoldWord(std::string_view word);
uint64_t HashFolded(std::string_view folded);

}  // namespace veille::dedup
