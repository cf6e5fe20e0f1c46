// Words next to a mention that change how it is linked (internal to entities/):
// a place preposition before a capital ("à Washington": a location, not the
// state acting), a word before a title that points at another holder ("l'ancien
// président"). Knowledge: dict/actors/context.tsv.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille {

class MentionContext {
 public:
  // Loads dict/actors/context.tsv. Throws DictError.
  MentionContext();

  // The rule (dict line) of the place phrase that ends right before `start` in `text`
  // ("à ", "au ", "à l'"), or nullptr.
  const std::string* PlaceBefore(std::string_view text, size_t start) const;
  // The rule of the "former" word right before `start` ("ancien ", "ex-"), or nullptr.
  const std::string* FormerBefore(std::string_view text, size_t start) const;

 private:
  struct Phrase {
    std::string text;  // lower case, "'" for both apostrophes
    std::string rule;
  };
  // Phrases in file order, and the indexes of those ending with each byte (file order):
  // only they can end where the text before a mention ends.
  struct Phrases {
    std::vector<Phrase> list;
    std::vector<uint16_t> by_last[256];
    void Add(Phrase p);
  };
  static const std::string* Before(const Phrases& phrases, std::string_view text, size_t start, bool hyphen);
  Phrases place_, former_;
};

}  // namespace veille
