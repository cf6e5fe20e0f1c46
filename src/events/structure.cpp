#include "events/structure.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "core/hash.h"

namespace veille::events {

std::string ActorCode(const Entity& e) {
  if (!e.actor.empty()) return e.actor;
  // A capital named as a place ("la visite de Borissov à Caracas") stands for its country.
  if (e.type == "LOC" && e.id.rfind("country:", 0) == 0) return e.id.substr(8);
  return "";
}

namespace {

// Object and reflexive clitics that sit inside a verb group ("l'a reçu", "s'est rendu").
bool IsClitic(const SentenceView& s, size_t i) {
  if (s.pos(i) != Pos::kPron) return false;
  // Subject pronouns (lemma "lui" in Sequoia for il/elle) are not inside the group.
  std::string_view form = s.surface(i);
  if (In(form, {"il", "Il", "elle", "Elle", "ils", "Ils", "elles", "Elles", "IL", "ELLE"})) return false;
  // "« Nous exigeons": nous/vous opening a clause are subjects.
  if (In(form, {"nous", "Nous", "vous", "Vous"}) && (i == 0 || s.IsPunct(i - 1))) return false;
  std::string_view w = s.lemma(i);
  return In(w, {"se", "soi", "lui", "leur", "en", "y", "le", "la", "les", "me", "te", "nous", "vous", "l'"});
}

bool IsNegationWord(std::string_view lemma) {
  return In(lemma, {"pas", "jamais", "plus", "guère", "point", "rien", "aucun", "nullement", "ni"});
}

// Verbs conjugated with "être" in compound tenses: "est arrivé" is not a passive (nor "sont
// convenus de", the formal "have agreed to").
bool TakesEtre(std::string_view lemma) {
  return In(lemma, {"aller", "venir", "arriver", "partir", "entrer", "rentrer", "sortir", "rester", "tomber",
                    "retourner", "revenir", "devenir", "parvenir", "intervenir", "passer", "monter", "descendre",
                    "naître", "mourir", "décéder", "survenir", "convenir"});
}

// A regular future or conditional: the infinitive (without the final "e" of -re verbs)
// and the ending ("livrer" → "livrerons", "dire" → "dirait"). 1 future, 2 conditional, 0
// neither.
int FutureOrConditional(std::string_view lemma, std::string_view form) {
  if (lemma.size() < 3 || (lemma.back() != 'r' && !(lemma.size() > 3 && lemma.ends_with("re")))) return 0;
  std::string_view stem = lemma.back() == 'e' ? lemma.substr(0, lemma.size() - 1) : lemma;
  if (form.size() <= stem.size() || form.substr(0, stem.size()) != stem) return 0;
  std::string_view end = form.substr(stem.size());
  if (In(end, {"ai", "as", "a", "ons", "ez", "ont"})) return 1;
  if (In(end, {"ais", "ait", "ions", "iez", "aient"})) return 2;
  return 0;
}

// Preference among the entities of one conjunct: a person, then an organisation, then
// a state or seat of power named, then a demonym.
int Rank(const Entity& e) {
  if (e.type == "PER") return 0;
  if (e.type == "ORG") return 1;
  if (e.via == "demonym") return 3;
  return 2;
}

bool InPhrase(const SentenceView& s, size_t i) {
  if (s.entity(i) >= 0) return true;
  switch (s.pos(i)) {
    case Pos::kDet:
    case Pos::kAdj:
    case Pos::kNoun:
    case Pos::kPropn:
    case Pos::kNum:
    case Pos::kX:
    case Pos::kCconj:
      return true;
    case Pos::kAdp:
      return s.IsPreposition(i, "de");
    case Pos::kPunct:
      return s.surface(i) == "-";
    default:
      return false;
  }
}

// A determiner right after a noun, a name or an adjective starts another noun phrase:
// "arrivés à Pékin le ministre russe", "a reçu mardi Lavrov le président…".
bool NewPhrase(const SentenceView& s, size_t i) {
  if (i == 0 || s.pos(i) != Pos::kDet || s.entity(i) >= 0) return false;
  Pos p = s.pos(i - 1);
  return (p == Pos::kNoun || p == Pos::kPropn || p == Pos::kAdj) && !s.InTimex(i - 1);
}

// The best actor of each conjunct of tokens [a, b).
std::vector<int> ActorsIn(const SentenceView& s, size_t a, size_t b) {
  std::vector<int> out;
  int best = -1;
  auto flush = [&] {
    if (best >= 0 && std::find(out.begin(), out.end(), best) == out.end()) out.push_back(best);
    best = -1;
  };
  const auto& ents = s.doc().entities;
  // An actor of the head noun comes before those of its "de" complements: "les bases
  // américaines de l'île de Guam" is American. Only a person named later replaces it.
  bool complement = false;
  for (size_t i = a; i < b; ++i) {
    if ((s.pos(i) == Pos::kCconj || s.lemma(i) == "puis") && s.entity(i) < 0) {
      flush();
      complement = false;
      continue;
    }
    if (best >= 0 && s.entity(i) < 0 && s.IsPreposition(i, "de")) complement = true;
    int e = s.entity(i);
    if (e < 0 || !HasActorCode(ents[e])) continue;
    if (complement && ents[e].type != "PER") continue;
    // The maker is no participant: "un missile de fabrication ukrainienne", "des drones de
    // conception iranienne".
    if (i >= 2 && s.IsPreposition(i - 2, "de") && In(s.lemma(i - 1), {"fabrication", "conception", "facture", "origine"}))
      continue;
    if (best < 0 || Rank(ents[e]) < Rank(ents[best])) best = e;
  }
  flush();
  // Two conjuncts naming the same actor id count once (a phrase has a few actors at most:
  // compared with those kept, no set of ids).
  std::vector<int> unique;
  for (int e : out)
    if (std::none_of(unique.begin(), unique.end(), [&](int u) { return ents[u].id == ents[e].id; })) unique.push_back(e);
  return unique;
}

}  // namespace

// The flags of a token: its form `w`, its lemma and part of speech, and for the relative
// "où" the token before (`prev`, nullptr at the sentence start). Takes the token and the
// form rather than an index: the constructor calls it before the token's Word is stored.
[[gnu::always_inline]] inline uint8_t SentenceView::FlagsOf(const Token& token, std::string_view w, const Token* prev,
                                                            std::string_view text) {
  std::string_view l = token.lemma;
  uint8_t f = 0;
  if (w.empty()) return f;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  // Every form and lemma of the lists below is at most 3 bytes long and starts with a, à,
  // d or a punctuation mark: most tokens are decided on their first byte.
  if (w.size() <= 3 || l.size() == 2) {
    if ((c | 0x20) == 'a' || c == 0xC3) {
      if (l == "à" || In(w, {"à", "au", "aux", "À", "Au", "Aux"})) f |= kPrepA;
    } else if ((c | 0x20) == 'd') {
      if (l == "de" || l == "du" || In(w, {"de", "d'", "du", "des", "De", "D'", "Du"})) f |= kPrepDe;
    } else if (l == "à") {
      f |= kPrepA;
    } else if (l == "de" || l == "du") {
      f |= kPrepDe;
    }
  }
  if ((f & kPrepA) || l == "à" || l == "en" || l == "vis-à-vis") f |= kLocutionStart;
  const Pos p = token.pos;
  if (p == Pos::kPunct) {
    // . ; : ? ! ( ) « » … (by length first: most punctuation is a comma).
    if (w.size() == 1) {
      if (c == '.' || c == ';' || c == ':' || c == '?' || c == '!' || c == '(' || c == ')') f |= kBoundary;
    } else if (w == "«" || w == "»" || w == "…") {
      f |= kBoundary;
    }
  } else if (p == Pos::kSconj ||
             (l == "où" && prev &&
              (prev->pos == Pos::kNoun || prev->pos == Pos::kPropn || prev->span.of(text) == ",")) ||  // relative "où"
             (p == Pos::kPron && In(l, {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}))) {
    f |= kBoundary;
  }
  return f;
}

SentenceView::SentenceView(const Doc& doc, uint32_t sentence, size_t first_token, size_t end_token, Cursor* cursor)
    : doc_(doc), sentence_(sentence), first_(first_token), n_(end_token - first_token),
      toks_(doc.tokens.data() + first_token),
      words_(std::make_unique_for_overwrite<Word[]>(n_)) {
  // Entities, time expressions and tokens are all in text order: one merge pass. The first
  // entity (time expression) not ending before a token only moves forward as tokens do, so a
  // cursor from an earlier sentence starts where this pass would get to anyway.
  // (Everything is read through local pointers and each Word is built in registers and
  // stored once: a store through the Word's uint8_t flags may alias anything, and would make
  // the compiler reload the vectors' pointers at every token.)
  const Token* toks = doc.tokens.data() + first_;
  const std::string_view text = doc.text;
  const Entity* ents = doc.entities.data();
  const Timex* tx = doc.timex.data();
  const size_t n_ents = doc.entities.size(), n_tx = doc.timex.size();
  size_t e = cursor ? cursor->entity : 0;
  size_t x = cursor ? cursor->timex : 0;
  if (cursor && n_ > 0) {
    const uint32_t start = toks[0].span.start;
    while (e < n_ents && ents[e].span.end <= start) ++e;
    while (x < n_tx && tx[x].span.end <= start) ++x;
    cursor->entity = e, cursor->timex = x;
  }
  Word* out = words_.get();
  bool guillemet = false;  // an opening « that may enclose a term
  // The spans of the current entity and time expression are kept in registers (an Entity is
  // large: indexing the vector at every token cost a multiply and the bound tests); past the
  // last one, a span no token reaches.
  constexpr Span kNone{UINT32_MAX, UINT32_MAX};
  Span es = e < n_ents ? ents[e].span : kNone;
  Span xs = x < n_tx ? tx[x].span : kNone;
  for (size_t i = 0; i < n_; ++i) {
    const Token& token = toks[i];
    const Span t = token.span;
    while (es.end <= t.start) {
      ++e;
      es = e < n_ents ? ents[e].span : kNone;
    }
    while (xs.end <= t.start) {
      ++x;
      xs = x < n_tx ? tx[x].span : kNone;
    }
    const std::string_view form(text.data() + t.start, t.end - t.start);  // as surface(i)
    Word w;
    w.entity = es.start < t.end ? static_cast<int>(e) : -1;
    uint8_t flags = FlagsOf(token, form, i > 0 ? &toks[i - 1] : nullptr, text);
    if (xs.start < t.end) flags |= kTimex;
    w.flags = flags;
    // The tagger's keys (from its per-form cache); computed here for tokens made otherwise.
    w.lemma_key = token.lemma_key ? token.lemma_key : WordKey(token.lemma);
    w.form_key = token.form_key ? token.form_key : WordKey(form, true);
    if ((flags & kBoundary) && form == "«") guillemet = true;
    out[i] = w;
  }
  // Guillemets around a term, not a quotation ("une « opération militaire spéciale » en
  // Ukraine"): up to five words and no verb between them; no clause boundary.
  for (size_t i = 0; guillemet && i < n_; ++i) {
    if (surface(i) != "«") continue;
    size_t k = i + 1;
    while (k < n_ && k < i + 7 && surface(k) != "»" && pos(k) != Pos::kVerb && pos(k) != Pos::kAux &&
           !(words_[k].flags & kBoundary))
      ++k;
    if (k < n_ && k > i + 1 && surface(k) == "»") {
      words_[i].flags &= ~kBoundary;
      words_[k].flags &= ~kBoundary;
    }
    i = k;
  }
}

namespace {

// The head of the verb group a group starting at `start` is coordinated with: "et",
// "puis", "mais" or "ou" right before it and, earlier in the sentence, a finite or
// compound verb (infinitives and bare participles are passed over); when the group is a
// bare participle, the earlier one must be compound ("a dénoncé… et ordonné…").
size_t CoordinatedWith(const SentenceView& s, size_t start) {
  if (start < 2) return SIZE_MAX;
  size_t c = start - 1;
  if (!(In(s.lemma(c), {"et", "puis", "mais", "ou"}) && (s.pos(c) == Pos::kCconj || s.lemma(c) == "puis")))
    return SIZE_MAX;
  // Over object clitics: "a rencontré Modi et l'a appelé à…".
  while (start + 1 < s.size() && s.pos(start) == Pos::kPron &&
         In(s.surface(start), {"l'", "le", "la", "les", "lui", "leur", "L'"}))
    ++start;
  bool bare = s.pos(start) == Pos::kVerb && s.HasFeat(start, "VerbForm=Part");
  if (!bare && !(s.pos(start) == Pos::kVerb || s.pos(start) == Pos::kAux || s.lemma(start) == "ne" || s.surface(start) == "n'"))
    return SIZE_MAX;
  if (!bare && s.pos(start) == Pos::kVerb && (s.HasFeat(start, "VerbForm=Inf") || s.HasFeat(start, "VerbForm=Ger")))
    return SIZE_MAX;
  const bool compound = s.pos(start) == Pos::kAux;
  size_t first = SIZE_MAX;  // a simple finite verb passed over by a compound group
  for (size_t k = c; k > 0 && c - k < 25;) {
    --k;
    if (s.IsPunct(k) && s.IsClauseBoundary(k)) break;
    if (s.pos(k) != Pos::kVerb) continue;
    if (s.HasFeat(k, "VerbForm=Inf")) continue;
    bool part = s.HasFeat(k, "VerbForm=Part");
    bool aux = k > 0 && s.pos(k - 1) == Pos::kAux;
    for (size_t a = k; !aux && a > 0 && k - a < 4;) {
      --a;
      if (s.pos(a) == Pos::kAux) aux = true;
      else if (!(s.pos(a) == Pos::kAdv || s.pos(a) == Pos::kPron)) break;
    }
    // "l'aide envoyée par Moscou et …": a bare participle is passed over by a finite verb;
    // a bare participle after "et" is coordinated with it ("imposées par X et levées par Y").
    if (part && !aux) {
      if (bare) return SIZE_MAX;
      continue;
    }
    if (bare && !part) return SIZE_MAX;
    // A compound verb pairs with a compound one: in "a dénoncé un accord qui menace la paix
    // et a convoqué…", not with the relative's "menace".
    if (compound && !part && first == SIZE_MAX) {
      first = k;
      continue;
    }
    return k;
  }
  return first;
}

}  // namespace

VerbGroup GroupOf(const SentenceView& s, size_t head) {
  VerbGroup g;
  g.head = head;
  size_t i = head;
  bool has_aux = false, etre = false, aux_infinitive = false;
  while (i > 0) {
    size_t t = i - 1;
    if (s.IsComma(t) && i == head) {
      // An incise between the auxiliary and the participle: "a, une nouvelle fois, accusé".
      size_t c = t;
      while (c > 0 && t - c < 8) {
        --c;
        if (s.IsComma(c) || s.IsClauseBoundary(c) || s.pos(c) == Pos::kVerb || s.pos(c) == Pos::kAux) break;
      }
      if (c > 0 && c < t && s.IsComma(c) && s.pos(c - 1) == Pos::kAux) {
        i = c;
        continue;
      }
    }
    if (s.pos(t) == Pos::kAux) {
      has_aux = true;
      if (s.HasFeat(t, "VerbForm=Inf")) aux_infinitive = true;
      if (s.lemma(t) == "être") etre = true;
    } else if (t > 0 && s.lemma(t) == "nouveau" && (s.surface(t - 1) == "de" || s.surface(t - 1) == "à")) {
      i = t - 1;  // "a de nouveau exigé", "a à nouveau dénoncé"
      continue;
    } else if (t > 0 && (s.surface(t) == "abord" || s.surface(t) == "ailleurs") && s.surface(t - 1) == "d'") {
      i = t - 1;  // "a d'abord refusé", "a d'ailleurs annoncé"
      continue;
    } else if (!(s.pos(t) == Pos::kAdv || s.lemma(t) == "ne" || IsClitic(s, t))) {
      break;
    }
    i = t;
  }
  g.start = i;
  bool ne = false, neg_word = false;
  for (size_t k = g.start; k <= head; ++k) {
    if (s.lemma(k) == "ne" || s.surface(k) == "n'") ne = true;
    if (IsNegationWord(s.lemma(k))) neg_word = true;
    if (s.pos(k) == Pos::kPron && (s.lemma(k) == "se" || s.lemma(k) == "soi" || s.surface(k) == "s'" || s.surface(k) == "se")) g.reflexive = true;
    if (s.HasFeat(k, "Mood=Cnd")) g.conditional = true;
    if (s.HasFeat(k, "Tense=Fut")) g.future = true;
    if (s.pos(k) == Pos::kVerb || s.pos(k) == Pos::kAux) {
      // The tagger reads some futures as presents ("Nous livrerons"): the form says it.
      int tense = FutureOrConditional(s.lemma(k), s.surface(k));
      if (tense == 1) g.future = true;
      if (tense == 2) g.conditional = true;
    }
  }
  for (size_t k = head + 1; k < s.size() && k <= head + 2; ++k)
    if (IsNegationWord(s.lemma(k))) neg_word = true;
  // A negative subject goes with "ne" alone: "Ni Paris ni Berlin n'ont condamné",
  // "Aucun accord n'a été signé".
  for (size_t k = g.start; ne && !neg_word && k > 0 && g.start - k < 12;) {
    --k;
    if (s.IsClauseBoundary(k) || s.IsComma(k) || s.pos(k) == Pos::kVerb || s.pos(k) == Pos::kAux) break;
    if (In(s.lemma(k), {"ni", "aucun", "aucune", "nul", "personne", "rien"})) neg_word = true;
  }
  g.negated = ne && neg_word;
  bool participle = s.HasFeat(head, "VerbForm=Part");
  // "avoir livré", "être reçu": compound infinitives take their subject from the governing verb too.
  g.infinitive = s.HasFeat(head, "VerbForm=Inf") || (participle && aux_infinitive);
  g.passive = etre && participle && !g.reflexive && !TakesEtre(s.lemma(head));
  g.participle_only = participle && !has_aux;
  // The second of two coordinated verbs ("a rencontré Y et a signé", "a dénoncé… et
  // ordonné…") shares the first one's subject; a bare participle shares its auxiliary.
  size_t prev = CoordinatedWith(s, g.start);
  if (prev != SIZE_MAX) {
    g.coordinated = prev;
    if (g.participle_only) {
      VerbGroup first = GroupOf(s, prev);
      g.participle_only = false;
      g.passive = first.passive;
      g.negated = g.negated || first.negated;
      g.conditional = g.conditional || first.conditional;
      g.future = g.future || first.future;
    }
  }
  return g;
}

std::vector<int> PhraseActors(const SentenceView& s, size_t start, size_t* end) {
  // "à Moscou et à Kiev", "à Moscou puis à Kiev": a coordinated complement repeats its preposition.
  auto coordinated = [&](size_t k) {
    if (k > start && s.lemma(k) == "puis") return k + 1 < s.size() && s.pos(k + 1) == Pos::kAdp;
    return k > start && s.pos(k) == Pos::kAdp && (s.pos(k - 1) == Pos::kCconj || s.lemma(k - 1) == "puis");
  };
  // The end of the phrase starting at `a`; with `predeterminer`, its second token (an article
  // after "tout") does not start a new one ("tous les produits américains").
  auto phrase_end = [&](size_t a, bool predeterminer) {
    size_t b = a;
    while (b < s.size() && b < a + 12 && (InPhrase(s, b) || coordinated(b)) &&
           (b == a || !NewPhrase(s, b) || (predeterminer && b == a + 1)))
      ++b;
    return b;
  };
  size_t i = phrase_end(start, s.lemma(start) == "tout" && start + 1 < s.size() && s.pos(start + 1) == Pos::kDet);
  std::vector<int> out = ActorsIn(s, start, i);
  // A list closed by "et" or "ou": "le Venezuela, Cuba et le Nicaragua" (not an apposition,
  // "Lavrov, ministre russe, …", which no conjunction closes).
  if (!out.empty()) {
    std::vector<int> more;
    for (size_t k = i; k < s.size() && s.IsComma(k) && more.size() < 12;) {
      size_t a = k + 1, b = phrase_end(a, false);
      std::vector<int> part = b > a ? ActorsIn(s, a, b) : std::vector<int>{};
      if (part.empty()) break;
      more.insert(more.end(), part.begin(), part.end());
      bool closed = false;
      for (size_t t = a; t < b; ++t)
        if (s.pos(t) == Pos::kCconj && (s.lemma(t) == "et" || s.lemma(t) == "ou")) closed = true;
      k = b;
      if (closed) {
        for (int x : more)
          if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
        i = b;
        break;
      }
    }
  }
  if (end) *end = i;
  return out;
}

std::vector<int> PhraseActorsBefore(const SentenceView& s, size_t end, size_t* start) {
  size_t i = end;
  while (i > 0 && i + 12 > end && InPhrase(s, i - 1) && (i == end || !NewPhrase(s, i))) --i;
  if (start) *start = i;
  return ActorsIn(s, i, end);
}

namespace {

// The referent of a subject pronoun at `offset`: the first actor of the clause
// before it in the same sentence, else of the nearest earlier sentence naming one
// (subjects come first in French news: "Maduro a reçu Lavrov. Il l'a remercié").
// For il/elle a person is preferred, then any actor.
std::vector<int> Referent(const Doc& doc, uint32_t sentence, uint32_t offset, bool person) {
  const auto& ents = doc.entities;
  for (uint32_t k = sentence + 1; k-- > 0;) {
    if (sentence - k > 2) break;
    Span span = doc.sentences[k];
    int first = -1, first_person = -1;
    for (size_t e = 0; e < ents.size(); ++e) {
      const Entity& ent = ents[e];
      if (ent.span.start < span.start || ent.span.end > span.end || ent.span.end > offset) continue;
      if (!HasActorCode(ent) || ent.type == "LOC") continue;
      if (first < 0) first = static_cast<int>(e);
      if (first_person < 0 && ent.type == "PER") first_person = static_cast<int>(e);
    }
    if (person && first_person >= 0) return {first_person};
    if (first >= 0) return {first};
  }
  return {};
}

// A subject phrase that names earlier actors: "les deux pays|dirigeants|présidents…" →
// the last two actors of different states named before (this sentence, then the two
// before); "ce dernier", "celui-ci" → the last actor named before.
std::vector<int> AnaphoricSubject(const SentenceView& s, size_t a, size_t b, std::string* how) {
  auto lower = [&](size_t i) {
    std::string w(s.surface(i));
    for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return w;
  };
  int want = 0;
  if (b - a >= 3 && lower(a) == "les" && lower(a + 1) == "deux" &&
      In(s.lemma(a + 2), {"pays", "dirigeant", "président", "chef", "ministre", "partie", "gouvernement", "capitale",
                          "nation", "voisin", "allié", "délégation", "état", "puissance", "homologue", "diplomatie",
                          "camp", "armée", "rival"}))
    want = 2;
  else if (b - a == 2 && ((In(lower(a), {"ce", "cette"}) && In(lower(a + 1), {"dernier", "dernière"})) ||
                          (In(lower(a), {"celui", "celle"}) && s.surface(a + 1) == "-ci")))
    want = 1;
  else if (b - a == 1 && In(lower(a), {"celui-ci", "celle-ci"}))
    want = 1;
  if (!want) return {};
  const Doc& doc = s.doc();
  uint32_t before = s.tok(a).span.start;
  uint32_t floor = doc.sentences[s.sentence() >= 2 ? s.sentence() - 2 : 0].start;
  std::vector<int> out;
  std::set<std::string> states;
  for (size_t e = doc.entities.size(); e-- > 0 && static_cast<int>(out.size()) < want;) {
    const Entity& ent = doc.entities[e];
    if (ent.span.end > before) continue;
    if (ent.span.start < floor) break;
    std::string code = ActorCode(ent);
    if (code.empty() || (want == 1 && ent.type == "LOC")) continue;
    if (!states.insert(code.substr(0, 3)).second) continue;
    out.push_back(static_cast<int>(e));
  }
  if (static_cast<int>(out.size()) < want) return {};
  std::reverse(out.begin(), out.end());
  if (how) *how = want == 2 ? "'les deux …' -> the last two actors of different states named before"
                            : "'ce dernier' -> the last actor named before";
  return out;
}

std::vector<int> InvertedSubject(const SentenceView& s, const VerbGroup& g, std::string* how) {
  bool opens = g.start == 0 || s.IsPunct(g.start - 1);
  if (!opens) return {};
  size_t k = g.head + 1;
  // Over adverbs, time expressions and prepositional complements: "Sont arrivés lundi à
  // Pékin le ministre russe…", "Se sont réunis à Brasilia les ministres…".
  while (k < s.size() && k <= g.head + 12) {
    if (s.pos(k) == Pos::kAdv || s.InTimex(k) ||
        In(s.lemma(k), {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"})) {
      ++k;
    } else if (s.pos(k) == Pos::kAdp && !s.IsPreposition(k, "par") && s.lemma(k) != "selon") {
      size_t pp_end = k + 1;
      PhraseActors(s, k + 1, &pp_end);
      if (pp_end == k + 1) return {};
      k = pp_end;
    } else {
      break;
    }
  }
  if (k >= s.size() || s.pos(k) == Pos::kAdp || s.IsPunct(k)) return {};
  size_t end = k;
  std::vector<int> actors = PhraseActors(s, k, &end);
  // "Ont rappelé leur ambassadeur à Caracas le Chili et le Pérou": a direct object
  // without actor and its complements before the subject, which starts a new phrase.
  for (int hop = 0; actors.empty() && hop < 3 && end > k && end < s.size(); ++hop) {
    size_t next = end;
    if (s.pos(next) == Pos::kAdp && !s.IsPreposition(next, "par") && s.lemma(next) != "selon") {
      PhraseActors(s, next + 1, &end);
      if (end == next + 1) break;
      continue;
    }
    if (!(s.pos(next) == Pos::kDet || s.pos(next) == Pos::kPropn) || !NewPhrase(s, next)) break;
    actors = PhraseActors(s, next, &end);
    if (!actors.empty() && how) *how = "inverted subject after the object";
    return actors;
  }
  if (!actors.empty() && how) *how = "inverted subject after the verb";
  return actors;
}

// The main verb after a fronted gerund clause: the first finite verb group after the comma
// that closes the clause ("En signant cet accord avec la Chine, le Nicaragua a tourné…").
// SIZE_MAX when the clause has no closing comma or no such verb follows.
size_t FrontedGerundVerb(const SentenceView& s, size_t head) {
  size_t k = head + 1;
  while (k < s.size() && !s.IsComma(k) && !s.IsClauseBoundary(k)) ++k;
  if (k >= s.size() || !s.IsComma(k)) return SIZE_MAX;
  for (++k; k < s.size(); ++k) {
    if (s.IsPunct(k) && s.IsClauseBoundary(k)) break;
    if (s.pos(k) != Pos::kVerb || s.HasFeat(k, "VerbForm=Inf")) continue;
    VerbGroup main = GroupOf(s, k);
    if (!main.participle_only) return k;
  }
  return SIZE_MAX;
}

}  // namespace

size_t ParticipialClauseVerb(const SentenceView& s, const VerbGroup& g) {
  if (!g.participle_only || !s.HasFeat(g.head, "Tense=Pres")) return SIZE_MAX;
  size_t j = g.start;
  bool gerund = false;
  if (j > 0 && s.lemma(j - 1) == "en" && s.pos(j - 1) == Pos::kAdp) {  // "en accusant", "tout en condamnant"
    --j, gerund = true;
    if (j > 0 && s.lemma(j - 1) == "tout" && s.pos(j - 1) == Pos::kAdv) --j;
  }
  // A fronted gerund: "En recevant Lavrov, Maduro a salué…" (the subject follows its clause).
  if (gerund && (j == 0 || (s.IsPunct(j - 1) && s.IsClauseBoundary(j - 1)))) return FrontedGerundVerb(s, g.head);
  if (j == 0) return SIZE_MAX;
  // Without a comma, a gerund still takes the subject of its clause's verb ("a réagi en
  // livrant des missiles à l'Ukraine"); a bare participle only after a comma.
  bool comma = s.IsComma(j - 1);
  if (!comma && !gerund) return SIZE_MAX;
  for (size_t v = comma ? j - 1 : j; v > 0 && j - v < 30;) {
    --v;
    if (s.IsPunct(v) && s.IsClauseBoundary(v)) break;
    if (s.pos(v) != Pos::kVerb || s.HasFeat(v, "VerbForm=Inf")) continue;
    VerbGroup main = GroupOf(s, v);
    if (main.participle_only) continue;
    return v;
  }
  return SIZE_MAX;
}

std::vector<int> QuoteSpeaker(const SentenceView& s, size_t i, bool clause_last) {
  const Doc& doc = s.doc();
  Span at = s.tok(i).span;
  for (const Quote& q : doc.quotes) {
    if (!(q.span.start <= at.start && at.end <= q.span.end) || !q.speaker) continue;
    if (q.speaker->id.empty()) {
      // A speaker not linked as a whole ("le ministère iranien des Affaires étrangères"): the
      // actor named inside it.
      for (size_t e = 0; e < doc.entities.size(); ++e) {
        const Entity& ent = doc.entities[e];
        if (ent.span.start >= q.speaker->span.start && ent.span.end <= q.speaker->span.end && HasActorCode(ent))
          return {static_cast<int>(e)};
      }
      continue;
    }
    if (clause_last) {
      // The speaker closes the reporting clause: "…, a indiqué le FBI." (not "…, a reconnu X comme…").
      size_t k = q.speaker->span.end;
      while (k < doc.text.size() && doc.text[k] == ' ') ++k;
      if (k < doc.text.size() && std::string_view(".,;!?").find(doc.text[k]) == std::string_view::npos) continue;
    }
    for (size_t e = 0; e < doc.entities.size(); ++e) {
      const Entity& ent = doc.entities[e];
      if (ent.id != q.speaker->id || !HasActorCode(ent)) continue;
      if (ent.span.start >= q.speaker->span.start && ent.span.end <= q.speaker->span.end) return {static_cast<int>(e)};
    }
  }
  return {};
}

// The earlier conjuncts of an enumeration whose last one ("… et l'Iran") starts at
// `last` after a comma: phrases naming actors between commas back to the sentence or
// clause start ("La Russie, la Chine et l'Iran"). Empty when `last` is not such a conjunct.
std::vector<int> EnumerationBefore(const SentenceView& s, size_t last, size_t end) {
  bool coordinated = false;
  for (size_t c = last; c < end; ++c)
    if (s.pos(c) == Pos::kCconj && s.entity(c) < 0) coordinated = true;
  if (!coordinated || last == 0 || !s.IsComma(last - 1)) return {};
  std::vector<std::vector<int>> parts;
  size_t k = last - 1;  // a comma
  while (true) {
    size_t b = k, a = k;
    while (a > 0 && b - a < 8 && InPhrase(s, a - 1) && s.pos(a - 1) != Pos::kCconj) --a;
    if (a == b) return {};
    std::vector<int> actors = ActorsIn(s, a, b);
    if (actors.empty()) return {};
    parts.push_back(std::move(actors));
    if (a == 0 || (s.IsPunct(a - 1) && s.IsClauseBoundary(a - 1))) break;
    if (!s.IsComma(a - 1)) return {};
    k = a - 1;
  }
  std::vector<int> out;
  for (size_t p = parts.size(); p-- > 0;)
    for (int x : parts[p])
      if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  return out;
}

std::vector<int> SubjectOf(const SentenceView& s, const VerbGroup& g, std::string* how) {
  if (g.coordinated != SIZE_MAX) {
    std::vector<int> a = SubjectOf(s, GroupOf(s, g.coordinated), how);
    if (how) {
      std::string said = std::move(*how);
      how->assign("subject of the coordinated verb '").append(s.surface(g.coordinated)).append("' (").append(said).append(")");
    }
    return a;
  }
  if (size_t main = ParticipialClauseVerb(s, g); main != SIZE_MAX) {
    std::vector<int> a = SubjectOf(s, GroupOf(s, main), how);
    if (how) {
      std::string said = std::move(*how);
      how->assign("subject of the main clause '").append(s.surface(main)).append("' (").append(said).append(")");
    }
    return a;
  }
  if (g.infinitive) {
    size_t gv = GoverningVerb(s, g.start);
    if (gv != SIZE_MAX && gv < g.start) {
      std::vector<int> a = SubjectOf(s, GroupOf(s, gv), how);
      if (how) *how = "subject of the governing verb '" + std::string(s.surface(gv)) + "' (" + *how + ")";
      return a;
    }
    size_t main = AdverbialInfinitiveVerb(s, g.start);
    if (main != SIZE_MAX) {
      std::vector<int> a = SubjectOf(s, GroupOf(s, main), how);
      if (how) *how = "subject of the main clause '" + std::string(s.surface(main)) + "' (" + *how + ")";
      return a;
    }
  }
  if (g.start == 0) return InvertedSubject(s, g, how);
  size_t j = g.start - 1;
  // An incise between commas before the verb: "Lavrov, chef de la diplomatie russe, a signé".
  if (s.IsComma(j)) {
    size_t k = j;
    // Over a relative incise too: "L'Argentine, dont les diplomates ont été expulsés, a reconnu".
    while (k > 0 && !s.IsComma(k - 1) && !(s.IsClauseBoundary(k - 1) && s.IsPunct(k - 1))) --k;
    if (k > 0 && s.IsComma(k - 1)) {
      std::vector<int> before = PhraseActorsBefore(s, k - 1);
      if (!before.empty()) {
        if (how) *how = "phrase before the incise";
        return before;
      }
      // "Plusieurs pays, dont la France et l'Allemagne, ont dépêché…": a subject naming no
      // actor, and the members a verbless "dont" apposition names.
      bool verbless = s.lemma(k) == "dont";
      for (size_t t = k + 1; verbless && t < j; ++t)
        if (s.pos(t) == Pos::kVerb || s.pos(t) == Pos::kAux) verbless = false;
      if (verbless) {
        std::vector<int> named = ActorsIn(s, k + 1, j);
        if (!named.empty()) {
          if (how) *how = "named in the 'dont' apposition";
          return named;
        }
      }
    }
    // A subject phrase naming no actor before the incise ("des partisans radicaux du guide,
    // l'ayatollah Khomeini, avaient envahi l'ambassade des États-Unis"): the verb's object is
    // no inverted subject.
    bool subject_before = false;
    if (k > 1 && s.IsComma(k - 1)) {
      size_t m = k - 1;
      while (m > 0 && !s.IsComma(m - 1) && !(s.IsClauseBoundary(m - 1) && s.IsPunct(m - 1))) --m;
      subject_before = m < k - 1 && (s.pos(m) == Pos::kDet || s.pos(m) == Pos::kNoun) && !s.InTimex(m);
      if (subject_before) {
        bool noun = false;
        for (size_t t = m; t < k - 1; ++t) {
          if (s.pos(t) == Pos::kVerb || s.pos(t) == Pos::kAux || s.InTimex(t)) subject_before = false;
          if (s.pos(t) == Pos::kNoun) noun = true;
        }
        subject_before = subject_before && noun;
      }
    }
    std::vector<int> inv = subject_before ? std::vector<int>{} : InvertedSubject(s, g, how);
    if (!inv.empty()) return inv;
    std::vector<int> inside = PhraseActors(s, k);
    if (!inside.empty() && how) *how = "phrase before the verb, after a comma";
    return inside;
  }
  if (s.pos(j) == Pos::kPron) {
    std::string_view l = s.lemma(j);
    if (l == "qui") {
      size_t k = j;
      if (k > 0 && s.IsComma(k - 1)) --k;
      std::vector<int> a = PhraseActorsBefore(s, k);
      if (how) *how = "antecedent of 'qui'";
      return a;
    }
    std::string w = std::string(s.surface(j));
    for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    // "« Nous exigeons des preuves », a lancé Maria Zakharova": the quotation's speaker.
    if (In(w, {"nous", "je", "j'"})) {
      std::vector<int> speaker = QuoteSpeaker(s, j, false);
      if (!speaker.empty()) {
        if (how) {  // (appended: "'" + std::string trips GCC 12's false -Wrestrict once inlined)
          *how = "'";
          *how += s.surface(j);
          *how += "' in a quotation -> its speaker";
        }
        return speaker;
      }
    }
    // Sequoia lemmatises il/elle as "lui": test the surface form.
    if (In(w, {"il", "elle", "ils", "elles"})) {
      if (how) *how = "pronoun '" + std::string(s.surface(j)) + "' -> the first actor of the clause before";
      return Referent(s.doc(), s.sentence(), s.tok(j).span.start, w == "il" || w == "elle");
    }
  }
  // A participle or adjective attribute before the group: "s'est dit disposé", "s'est montré prêt".
  if ((s.pos(j) == Pos::kVerb && s.HasFeat(j, "VerbForm=Part")) || (s.pos(j) == Pos::kAdj && j > 0 && s.pos(j - 1) == Pos::kAux)) {
    size_t v = j;
    while (v > 0 && s.pos(v) != Pos::kVerb) --v;
    if (s.pos(v) == Pos::kVerb && v < g.start) return SubjectOf(s, GroupOf(s, v), how);
  }
  // The subject noun phrase read from the clause start, over its prepositional
  // complements: "La proposition russe de trêve pour le Noël orthodoxe a été rejetée".
  size_t clause = g.start;
  // An infinitive complement of the subject noun stays in it: "Le refus de la Hongrie de
  // livrer des armes à l'Ukraine a été critiqué".
  auto noun_infinitive = [&](size_t k) {
    return s.pos(k) == Pos::kVerb && s.HasFeat(k, "VerbForm=Inf") && k > 0 &&
           (s.IsPreposition(k - 1, "de") || s.IsPreposition(k - 1, "à"));
  };
  while (clause > 0 && !s.IsComma(clause - 1) && !s.IsClauseBoundary(clause - 1) &&
         ((s.pos(clause - 1) != Pos::kVerb && s.pos(clause - 1) != Pos::kAux &&
           (InPhrase(s, clause - 1) || s.pos(clause - 1) == Pos::kAdp || s.pos(clause - 1) == Pos::kAdv ||
            s.InTimex(clause - 1))) ||
          noun_infinitive(clause - 1)))
    --clause;
  bool opens = clause == 0 || s.IsComma(clause - 1) || s.IsClauseBoundary(clause - 1);
  if (opens && clause < g.start && s.pos(clause) != Pos::kAdp) {
    std::vector<int> head = PhraseActors(s, clause);
    if (!head.empty()) {
      // The last conjunct of an enumeration: "La Russie, la Chine et l'Iran ont mené…".
      std::vector<int> list = EnumerationBefore(s, clause, g.start);
      if (!list.empty()) {
        for (int x : head)
          if (std::find(list.begin(), list.end(), x) == list.end()) list.push_back(x);
        if (how) *how = "enumerated subjects from the clause start";
        return list;
      }
      if (how) *how = "subject phrase from the clause start";
      return head;
    }
  }
  if (opens && clause < g.start) {
    // "Les deux dirigeants ont signé…", "Ce dernier a dénoncé…": actors named before.
    std::vector<int> back = AnaphoricSubject(s, clause, g.start, how);
    if (!back.empty()) return back;
  }
  size_t start = 0;
  std::vector<int> a = PhraseActorsBefore(s, g.start, &start);
  if (!a.empty()) {
    if (how) *how = "phrase before the verb";
    return a;
  }
  // "L'Argentine, dont les diplomates ont été expulsés": the possessor is the antecedent of "dont".
  if (opens && clause > 0 && s.lemma(clause - 1) == "dont") {
    size_t k = clause - 1;
    if (k > 0 && s.IsComma(k - 1)) --k;
    std::vector<int> owner = PhraseActorsBefore(s, k);
    if (!owner.empty()) {
      if (how) *how = "antecedent of 'dont' (the subject's possessor)";
      return owner;
    }
  }
  return InvertedSubject(s, g, how);
}

bool ObjectRelativeAntecedent(const SentenceView& s, const VerbGroup& g, size_t* a, size_t* b) {
  size_t k = g.start;
  while (k > 0 && g.start - k < 8 && InPhrase(s, k - 1) && s.lemma(k - 1) != "que") --k;
  if (k == g.start || k < 2 || s.lemma(k - 1) != "que" || s.surface(k - 1).empty()) return false;
  Pos before = s.pos(k - 2);
  if (!(before == Pos::kNoun || before == Pos::kPropn || before == Pos::kAdj)) return false;
  *b = k - 1;
  size_t i = *b;
  while (i > 0 && *b - i < 10 && InPhrase(s, i - 1)) --i;
  *a = i;
  return true;
}

size_t AdverbialInfinitiveVerb(const SentenceView& s, size_t from, bool* without) {
  auto introduces = [&](size_t t) { return In(s.lemma(t), {"sans", "avant", "après"}); };
  size_t k = from;  // over "de" (afin de, avant de), adverbs and "pour autant" back to the introducer
  while (k > 0 && from - k < 4 && !introduces(k - 1)) {
    size_t t = k - 1;
    bool pour_autant = s.lemma(t) == "pour" && s.lemma(t + 1) == "autant";
    if (!(s.IsPreposition(t, "de") || s.pos(t) == Pos::kAdv || s.lemma(t) == "autant" || pour_autant)) return SIZE_MAX;
    k = t;
  }
  if (k == 0 || !introduces(k - 1)) return SIZE_MAX;
  size_t intro = k - 1;
  if (without) *without = s.lemma(intro) == "sans";
  for (size_t v = intro; v > 0 && intro - v < 25;) {
    --v;
    if (s.IsPunct(v) && s.IsClauseBoundary(v)) break;
    if (s.pos(v) == Pos::kVerb && !s.HasFeat(v, "VerbForm=Inf")) return v;
  }
  return SIZE_MAX;
}

size_t GoverningVerb(const SentenceView& s, size_t from) {
  size_t i = from;
  int preps = 0;
  while (i > 0 && from - i < 6) {
    size_t t = i - 1;
    Pos p = s.pos(t);
    if (p == Pos::kVerb || p == Pos::kAux) return t;
    if (p == Pos::kAdp && (s.IsPreposition(t, "de") || s.IsPreposition(t, "à")) && preps++ == 0) {
      i = t;
      continue;
    }
    // "est prête à fournir", "s'est dit disposé à rencontrer": over the predicative adjective.
    if (p == Pos::kAdv || p == Pos::kAdj || s.InTimex(t) || s.lemma(t) == "ne" || IsClitic(s, t)) {
      i = t;
      continue;
    }
    // A short phrase without actor: "a annoncé son intention de retirer", "a démenti avec
    // vigueur avoir fourni".
    if ((p == Pos::kNoun || p == Pos::kDet || (p == Pos::kAdp && s.lemma(t) == "avec") ||
         (p == Pos::kAdp && s.lemma(t) == "pour" && t + 1 < from && s.pos(t + 1) == Pos::kDet)) &&  // "pour la première fois"
        s.entity(t) < 0 && from - t < 6) {
      i = t;
      continue;
    }
    break;
  }
  return SIZE_MAX;
}

}  // namespace veille::events
