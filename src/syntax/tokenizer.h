// French word tokenizer: a sentence span of Doc::text -> word spans.
//
// Elided words are tokens of their own ("l'" "accord", "qu'" "il"); contractions stay one
// token ("du", "aux"); inverted subject pronouns are split off ("a" "-t-il"), other hyphenated
// words are not ("peut-être", "vice-président"); numbers keep their separators ("16/02/2022",
// "3,5", "1 200"); abbreviations keep their '.' ("M.", "etc."); URLs and e-mail addresses stay
// whole; every punctuation mark is a token ("..." is one). The exceptions are data:
// dict/syntax/tokens.tsv and dict/segment/abbreviations.txt.
#pragma once
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/span.h"

namespace veille {

class Tokenizer {
 public:
  // Reads dict/syntax/tokens.tsv and dict/segment/abbreviations.txt. Throws DictError.
  static Tokenizer Load();

  // Appends the tokens of text[span] (byte offsets into `text`) to *out, in order. The
  // stages that need a sentence's tokens share them through one per-document layer
  // (SentenceTokens) instead of tokenising it twice; nothing is remembered across documents
  // (a cache of whole sentences would only pay on corpora that repeat them).
  void Tokenize(std::string_view text, Span span, std::vector<Span>* out) const;

 private:
  void TokenizeRange(std::string_view text, size_t start, size_t end, std::vector<Span>* out) const;
  // Splits the word text[start, end) at elisions and trailing clitics, appending to *out.
  void SplitWord(std::string_view text, size_t start, size_t end, std::vector<Span>* out) const;
  bool IsAbbreviation(std::string_view word) const;

  // A set of dictionary keys, asked for with a string_view (no copy); the lengths of its keys
  // are checked first, so most words are answered without hashing them.
  class KeySet {
   public:
    bool Insert(std::string_view key);  // false when already there
    bool Contains(std::string_view key) const {
      return (lengths_ >> std::min<size_t>(key.size(), 63) & 1) && keys_.find(key) != keys_.end();
    }
    auto begin() const { return keys_.begin(); }
    auto end() const { return keys_.end(); }

   private:
    struct Hash {
      using is_transparent = void;
      size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    std::unordered_set<std::string, Hash, std::equal_to<>> keys_;
    uint64_t lengths_ = 0;  // bit n: a key of n bytes (bit 63: of 63 or more)
  };

  KeySet elisions_;                   // "l'", "qu'", ...
  KeySet whole_;                      // "aujourd'hui", ...
  std::vector<std::string> clitics_;  // "-t-il", ..., longest first
  KeySet abbreviations_;              // "m", "etc", ... (without '.')
};

// The tokens of one document's sentences, each sentence tokenised once, when a stage first
// asks for it: the named-entity tagger, the event prefilter and the POS tagger read the same
// words of the same sentences (Pipeline::Run hands one of these from stage to stage).
class SentenceTokens {
 public:
  // Starts over with the sentences of `text` (buffers kept). Keeps references to all three:
  // they must outlive the calls to Of and not change meanwhile.
  void Reset(const Tokenizer& tokenizer, std::string_view text, const std::vector<Span>& sentences);

  // The token spans of sentence `s` (an index into `sentences`), as Tokenizer::Tokenize gives
  // them; valid until the next call.
  std::span<const Span> Of(uint32_t s);

 private:
  const Tokenizer* tokenizer_ = nullptr;
  std::string_view text_;
  const std::vector<Span>* sentences_ = nullptr;
  std::vector<Span> spans_;            // the sentences' tokens, in the order they were asked for
  std::vector<uint32_t> begin_, end_;  // per sentence, into spans_; begin_ == kNotYet: not yet
  static constexpr uint32_t kNotYet = UINT32_MAX;
};

}  // namespace veille
