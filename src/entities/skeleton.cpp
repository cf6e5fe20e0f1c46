#include "entities/skeleton.h"

#include <unicode/uchar.h>

#include <atomic>
#include <functional>

#include "core/dict_file.h"
#include "core/hash.h"
#include "core/utf8.h"

namespace veille {
namespace {

// Base letter of accented Latin letters (lower case), or 0.
const char* Unaccent(char32_t c) {
  if (c < 0xC0 || c > 0x17F) return nullptr;
  // U+00C0..U+00FF, then U+0100..U+017F, lower-cased first by the caller.
  static const char* const kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  if (c <= 0xFF) return kLatin1[c - 0xC0];
  // Latin Extended-A pairs (upper, lower) share a base letter.
  static const char kExtA[] =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
      "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  size_t k = c - 0x100;
  if (k < sizeof kExtA - 1) {
    static thread_local char one[2] = {0, 0};
    one[0] = kExtA[k];
    return one;
  }
  return nullptr;
}

}  // namespace

const char* Skeleton::FoldLatin1(unsigned char second) {
  if ((second & 0xC0) != 0x80) return nullptr;
  char32_t c = 0xC0 | (second & 0x3F);
  if (c == 0xD7 || c == 0xF7) return nullptr;
  return Unaccent(c < 0xDF ? c + 0x20 : c);
}

std::string Skeleton::Fold(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  size_t i = 0;
  while (i < word.size()) {
    unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    // Latin-1 letters (most accented French letters): their lower case and base letter
    // directly (u_tolower adds 0x20 to the capitals U+00C0..U+00DE but U+00D7).
    if (b == 0xC3 && i + 1 < word.size()) {
      if (const char* base = FoldLatin1(static_cast<unsigned char>(word[i + 1]))) {
        out.append(base);
        i += 2;
        continue;
      }
    }
    size_t len = utf8::ValidPrefix(word.substr(i, 4)) ? 0 : 1;
    if (len == 1) {  // invalid byte: keep it, it cannot match anything anyway
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    char32_t c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::Next(word, i))));
    if (c == 0x2019) {
      out.push_back('\'');
    } else if (c == 0x153) {  // œ: "cœur" is spelled "coeur" too
      out.append("oe");
    } else if (u_getCombiningClass(c) > 0) {
      // combining accents are dropped
    } else if (const char* base = Unaccent(c)) {
      out.append(base);
    } else {
      utf8::Append(out, c);
    }
  }
  return out;
}

Skeleton::Skeleton() {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<std::string> where;
  ReadDictFile(
      "entities/skeleton.tsv",
      [&](const DictLine& line) {
        Rule r;
        std::string from(line.fields[0]);
        if (!from.empty() && from.front() == '^') {
          r.at_start = true;
          from.erase(0, 1);
        }
        if (!from.empty() && from.back() == '$') {
          r.at_end = true;
          from.pop_back();
        }
        if (from.empty()) line.Fail("empty pattern");
        if (Fold(from) != from) line.Fail("patterns are written folded (lower case, no accents)");
        r.from = from;
        r.to = std::string(line.fields[1]);
        rules_.push_back(std::move(r));
        if (line.fields.size() > 2) {
          std::string_view ex = line.fields[2];
          size_t slash = ex.find(" / ");
          if (slash == std::string_view::npos) line.Fail("example must be 'Name / Variant'");
          pairs.emplace_back(std::string(ex.substr(0, slash)), std::string(ex.substr(slash + 3)));
          where.push_back(DictPath(*line.file) + ":" + std::to_string(line.number));
        }
      },
      2, 3);
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (Key(pairs[i].first) != Key(pairs[i].second))
      throw DictError(where[i], 0,
                      "example pair gets different keys: '" + Key(pairs[i].first) + "' and '" + Key(pairs[i].second) + "'");
  }
}

std::string Skeleton::Key(std::string_view word) const {
  uint64_t hash;
  return Key(word, &hash);
}

const std::string& Skeleton::Key(std::string_view word, uint64_t* hash) const {
  struct Cached {
    uint64_t id = 0;  // 0: empty
    std::string word, key;
    uint64_t hash = 0;  // KeyHash(key)
  };
  constexpr size_t kSlots = 16384;  // a power of two
  thread_local std::vector<Cached> cache(kSlots);
  // (WordKey: a few inline loads and multiplications; its low bits depend on every byte)
  Cached& c = cache[WordKey(word) & (kSlots - 1)];
  if (c.id != id_ || c.word != word) {
    c.key = ComputeKey(word);
    c.hash = KeyHash(c.key);
    c.word.assign(word);
    c.id = id_;
  }
  *hash = c.hash;
  return c.key;
}

uint64_t Skeleton::KeyHash(std::string_view key) {
  uint64_t h = 1469598103934665603ULL;
  for (char ch : key) {
    unsigned char b = static_cast<unsigned char>(ch);
    h = (h ^ (b >= 'A' && b <= 'Z' ? b + 32u : b)) * 1099511628211ULL;
  }
  return Mix64(h);
}

std::string Skeleton::ComputeKey(std::string_view word) const {
  // Each rule is one pass over the whole word, in file order, so later rules see
  // what earlier ones wrote ("jackson" -> "jakson" -> "jaxon").
  std::string out = Fold(word), next;
  // The bytes of `out`: a rule whose first byte is not among them cannot apply.
  uint64_t present[4] = {};
  auto note_bytes = [&] {
    present[0] = present[1] = present[2] = present[3] = 0;
    for (char ch : out) {
      unsigned char b = static_cast<unsigned char>(ch);
      present[b >> 6] |= uint64_t{1} << (b & 63);
    }
  };
  note_bytes();
  for (const Rule& r : rules_) {
    unsigned char first = static_cast<unsigned char>(r.from[0]);
    if (!((present[first >> 6] >> (first & 63)) & 1)) continue;
    if (out.find(r.from) == std::string::npos) continue;
    next.clear();
    size_t i = 0;
    while (i < out.size()) {
      bool hit = out.compare(i, r.from.size(), r.from) == 0 && (!r.at_start || i == 0) &&
                 (!r.at_end || i + r.from.size() == out.size());
      if (hit) {
        next.append(r.to);
        i += r.from.size();
      } else {
        next.push_back(out[i++]);
      }
    }
    out.swap(next);
    note_bytes();
  }
  // Collapse doubled letters.
  std::string key;
  key.reserve(out.size());
  for (char c : out)
    if (key.empty() || key.back() != c || static_cast<unsigned char>(c) >= 0x80) key.push_back(c);
  return key;
}

}  // namespace veille
