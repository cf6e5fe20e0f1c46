// Transliteration-aware keys for names: "Riabkov" and "Ryabkov", "Sergueï" and
// "Sergey", "Chtchetinine" and "Shchetinin" get the same key. Rules are data
// (dict/entities/skeleton.tsv).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille {

class Skeleton {
 public:
  // Loads dict/entities/skeleton.tsv and checks every rule's example pair. Throws DictError.
  Skeleton();

  // Lower-case, accent-free form of a word or name ("Díaz-Canel" -> "diaz-canel").
  static std::string Fold(std::string_view word);
  // What Fold writes for the Latin-1 letter encoded as 0xC3 `second` ("É" -> "e",
  // "ß" -> "ss"); nullptr for "×", "÷" and a byte that is no continuation byte.
  static const char* FoldLatin1(unsigned char second);

  // The matching key of one word (no spaces): Fold, then the rules, then doubled
  // letters collapsed. "Ryabkov" -> "riabkov", "Chtchetinine" -> "Setinin".
  // (Remembered per thread for recent words: names recur in a document.)
  std::string Key(std::string_view word) const;
  // The same with its KeyHash, remembered with the key: the reference holds until the
  // next call of Key on this thread.
  const std::string& Key(std::string_view word, uint64_t* hash) const;
  // FNV-1a of the key with ASCII capitals read as lower case, mixed (the Gazetteer's trie steps).
  static uint64_t KeyHash(std::string_view key);

 private:
  std::string ComputeKey(std::string_view word) const;

  struct Rule {
    std::string from, to;
    bool at_start = false, at_end = false;
  };
  std::vector<Rule> rules_;
  uint64_t id_;  // tells apart the rule sets in the per-thread cache of keys (copies share it)
};

}  // namespace veille
