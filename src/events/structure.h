// Internal to events/: the shallow sentence structure the coder needs — verb
// groups, noun phrases with their actors, subjects (left, inverted, antecedent of
// "qui", pronouns), governing verbs of infinitives and que-clauses. Works on the
// tagger's tokens; no full parse.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"

namespace veille::events {

// Whether `w` is one of `set` (the word lists of the sentence rules: "qui", "que", "dont"…).
[[gnu::always_inline]] inline bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set)
    if (x == w) return true;
  return false;
}

// One sentence's tokens and, for each token, the actor entity over it.
class SentenceView {
 public:
  // Where the previous sentence's merge with doc.entities and doc.timex stopped: views built
  // in text order with one cursor skip what earlier sentences passed (same result as none).
  struct Cursor {
    size_t entity = 0, timex = 0;
  };
  SentenceView(const Doc& doc, uint32_t sentence, size_t first_token, size_t end_token, Cursor* cursor = nullptr);

  size_t size() const { return n_; }
  const Token& tok(size_t i) const { return toks_[i]; }
  // (Made directly, not by Span::of: a token's span is inside the text, and substr's bound
  // tests cost more than the rest at the many calls of the sentence rules.)
  std::string_view surface(size_t i) const {
    const Span t = tok(i).span;
    return std::string_view(doc_.text.data() + t.start, t.end - t.start);
  }
  // A view (not the string): comparisons with a literal check the size first.
  std::string_view lemma(size_t i) const { return tok(i).lemma; }
  Pos pos(size_t i) const { return tok(i).pos; }
  bool HasFeat(size_t i, std::string_view feat) const {  // "Mood=Cnd"
    std::string_view f = tok(i).feats;
    if (f.size() < feat.size()) return false;  // most tokens have none
    size_t at = f.find(feat);
    return at != std::string_view::npos && (at == 0 || f[at - 1] == '|') &&
           (at + feat.size() == f.size() || f[at + feat.size()] == '|');
  }
  int entity(size_t i) const { return words_[i].entity; }  // index into doc.entities, -1 when none
  bool InTimex(size_t i) const { return words_[i].flags & kTimex; }  // inside a time expression ("lundi")
  // WordKey of the lemma, and of the form ASCII lower-cased (the token's own, which the
  // tagger takes from its per-form cache; computed here when unset: the word filter, the
  // pattern heads and the pattern words compare keys before strings).
  uint64_t lemma_key(size_t i) const { return words_[i].lemma_key; }
  uint64_t form_key(size_t i) const { return words_[i].form_key; }
  const Doc& doc() const { return doc_; }
  uint32_t sentence() const { return sentence_; }

  bool IsPunct(size_t i) const { return pos(i) == Pos::kPunct; }
  bool IsComma(size_t i) const { return surface(i) == ","; }
  // A word that closes a clause for the pattern window: . ; : ? ! « » ( ) and que/qui/dont.
  bool IsClauseBoundary(size_t i) const { return words_[i].flags & kBoundary; }
  // Prepositions as written in patterns: "à" matches au/aux, "de" matches du/des/d'.
  // (Always inlined: with a literal `prep`, as nearly every caller has, only one test is left.)
  [[gnu::always_inline]] bool IsPreposition(size_t i, std::string_view prep) const {
    if (prep == "à") return words_[i].flags & kPrepA;
    if (prep == "de") return words_[i].flags & kPrepDe;
    if (prep == "en") return pos(i) == Pos::kAdp && lemma(i) == "en";
    return lemma(i) == prep;
  }
  // "à" (au, aux) or "de" (du, des, d') as IsPreposition reads them.
  bool IsPrepAOrDe(size_t i) const { return words_[i].flags & (kPrepA | kPrepDe); }
  // Whether a multi-word preposition standing for a simple one ("à l'encontre de", "en
  // direction de", "vis-à-vis de") may start here: the token is "à" (au, aux), "en" or
  // "vis-à-vis".
  bool MayStartLocution(size_t i) const { return words_[i].flags & kLocutionStart; }

 private:
  const Doc& doc_;
  uint32_t sentence_;
  size_t first_, n_;
  // The sentence's first token (the document's tokens do not change while a view is used): one
  // load for every tok(i), where going through doc_ took three.
  const Token* toks_;
  enum Flag : uint8_t { kBoundary = 1, kPrepA = 2, kPrepDe = 4, kLocutionStart = 8, kTimex = 16 };
  static uint8_t FlagsOf(const Token& token, std::string_view form, const Token* prev, std::string_view text);

  // Per token, computed once in one pass (every field set there: the array is not
  // initialised first).
  struct Word {
    uint64_t lemma_key, form_key;
    int entity;
    uint8_t flags;
  };
  std::unique_ptr<Word[]> words_;
};

// The CAMEO actor code an entity gives an event: its own, or for a capital named as a
// place, its country's; "" when the entity cannot be an actor (media).
std::string ActorCode(const Entity& e);
// Whether ActorCode(e) is not empty, without making the string.
inline bool HasActorCode(const Entity& e) {
  return !e.actor.empty() || (e.type == "LOC" && e.id.size() > 8 && e.id.starts_with("country:"));
}

// The verbs around a head: auxiliaries, negation, clitics.
struct VerbGroup {
  size_t start = 0, head = 0;  // [start, head] in sentence token indices
  bool negated = false;
  bool passive = false;
  bool reflexive = false;
  bool conditional = false;
  bool future = false;
  bool infinitive = false;
  bool participle_only = false;  // a past participle without auxiliary ("reçu par Poutine")
  // The head of the verb group this one is coordinated with ("a rencontré Y et a signé",
  // "a dénoncé… et ordonné…": the subject is that group's); SIZE_MAX when none.
  size_t coordinated = SIZE_MAX;
};

VerbGroup GroupOf(const SentenceView& s, size_t head);

// Actors of the noun phrase starting at `start` (coordinated ones: several), the
// best entity of each conjunct (a person over an organisation over a state over a
// demonym). `end` receives the first token after the phrase.
std::vector<int> PhraseActors(const SentenceView& s, size_t start, size_t* end = nullptr);

// Actors of the noun phrase ending just before `end` (scanning leftwards).
std::vector<int> PhraseActorsBefore(const SentenceView& s, size_t end, size_t* start = nullptr);

// The subject of a verb group: the phrase before it (over incises between commas),
// the antecedent of "qui", a pronoun's referent, the subject of the governing verb
// for infinitives, the inverted subject of reporting clauses. `how` says which.
std::vector<int> SubjectOf(const SentenceView& s, const VerbGroup& g, std::string* how);

// The actors of the speaker of the quotation or reported clause holding token `i`
// ("…, a indiqué le FBI"); empty when none. With `clause_last`, only a speaker that ends
// its clause (followed by . , ; ! ? or the end of the text).
std::vector<int> QuoteSpeaker(const SentenceView& s, size_t i, bool clause_last);

// The main clause's verb of a present participle after a comma ("a fermé sa frontière,
// accusant Minsk de…") or of a gerund ("a réagi en livrant…", "En recevant Lavrov, Maduro
// a…", "tout en condamnant"): its subject is the participle's. SIZE_MAX when `g` is not
// such a participle or its clause has no finite verb.
size_t ParticipialClauseVerb(const SentenceView& s, const VerbGroup& g);

// The antecedent of an object relative the verb group is the verb of ("l'aide que la
// Chine a envoyée à Cuba": [a, b) = "L'aide"): the phrase before "que" and the subject.
// False when the group is not in such a clause.
bool ObjectRelativeAntecedent(const SentenceView& s, const VerbGroup& g, size_t* a, size_t* b);

// The verb governing an infinitive ("a décidé de livrer") or a que-clause ("a démenti
// que"), as a sentence token index; SIZE_MAX when none.
size_t GoverningVerb(const SentenceView& s, size_t from);

// The main clause's verb an adverbial infinitive depends on ("…, sans rompre avec
// Caracas", "avant de", "après avoir"): its subject is
// the infinitive's. `without` is set for "sans" (the act is negated). SIZE_MAX when none.
size_t AdverbialInfinitiveVerb(const SentenceView& s, size_t from, bool* without = nullptr);

}  // namespace veille::events
