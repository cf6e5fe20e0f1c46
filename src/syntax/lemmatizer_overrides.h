// Lemma overrides for verbs (dict/syntax/lemmas.tsv): lower-case form -> infinitive,
// consulted by the tagger before the lexicon and suffix rules for VERB and AUX words.
// The file is generated from the verb heads the event coder needs (dict/tools/gen-lemmas.py),
// so rare and irregular forms ("exclu", "recevait", "dissous") get their infinitive.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>

namespace veille::syntax {

class LemmaOverrides {
 public:
  // Loads dict/syntax/lemmas.tsv when it exists (none otherwise). Throws DictError on a
  // malformed line: not two fields, a form not in lower case, a lemma that is not an
  // infinitive, a duplicate form.
  static LemmaOverrides Load();

  // The infinitive of a lower-case verb form, nullptr when the file has none.
  const std::string* Find(std::string_view lower) const;
  size_t size() const { return map_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> map_;
};

}  // namespace veille::syntax
