// Lemma overrides for verbs (dict/syntax/lemmas.tsv): lower-case form -> infinitive,
// consulted by the tagger before the lexicon and suffix rules for VERB and AUX words.
// The file is generated from the verb heads the event coder needs (dict/tools/gen-lemmas.py),
// so rare and irregular forms ("exclu", "recevait", "dissous") get their infinitive.
// dict/syntax/nominal-lemmas.tsv does the same for NOUN and ADJ words whose treebank lemma is
// wrong ("ventes" -> "vent", "marche" -> "marché", "représailles" -> "représaille").
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>

namespace veille::syntax {

class LemmaOverrides {
 public:
  // Loads dict/syntax/lemmas.tsv and dict/syntax/nominal-lemmas.tsv when they exist (none
  // otherwise). Throws DictError on a malformed line: not two fields, a form or lemma not in
  // lower case, a verb lemma that is not an infinitive, a duplicate form.
  static LemmaOverrides Load();

  // The infinitive of a lower-case verb form, nullptr when the file has none.
  const std::string* Find(std::string_view lower) const;
  size_t size() const { return map_.size(); }

  // The lemma of a lower-case form tagged NOUN or ADJ, nullptr when nominal-lemmas.tsv has none.
  const std::string* FindNominal(std::string_view lower) const;
  size_t nominal_size() const { return nominal_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> map_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> nominal_;
};

}  // namespace veille::syntax
