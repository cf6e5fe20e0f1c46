#include "events/coder.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "events/places.h"
#include "events/structure.h"
#include "events/word_filter.h"

namespace veille {

using events::GroupOf;
using events::PhraseActors;
using events::PhraseActorsBefore;
using events::SentenceView;
using events::SubjectOf;
using events::VerbGroup;

struct EventCoder::Knowledge {
  Codebook codebook;
  PatternSet patterns;
  std::unique_ptr<events::WordFilter> word_filter;  // over `patterns`, once loaded
  PlaceTable places;
  // Verbs that ask for an act (heads of appeal 02 or demand 10 patterns, and of no
  // statement, disapproval, rejection or conflict pattern): "réclame une rencontre
  // entre X et Y" asks for the meeting, which has not happened.
  std::unordered_set<std::string> request_verbs;
  // Verbs that judge or answer what their object is ("saluer [T]", "rejeter [T]",
  // "condamner [T]": heads of a direct-object pattern of roots 01, 02, 05, 10, 11, 12):
  // the agent of their passive is not the agent of the noun subject ("l'ouverture d'une
  // enquête a été saluée par Paris").
  std::unordered_set<std::string> judging_verbs;
  // Verbs of reaction (heads of a disapproval 11, rejection 12 or protest 14 pattern made
  // of the verb and its target alone, and
  // of no material or cooperative one): the subject reacts to the act its object names,
  // it does not do it ("Pékin a protesté contre la vente d'armes à Taïwan").
  std::unordered_set<std::string> reaction_verbs;
};

namespace {

constexpr size_t kWindow = 15;  // tokens after the head a pattern may reach

struct Match {
  const VerbPattern* pattern = nullptr;
  size_t head = 0, hi = 0;  // head and last token covered
  VerbGroup group;
  std::vector<int> sources, targets;
  bool target_is_subject = false;  // passive: the grammatical subject is the target
  std::string source_how, target_how;
  int score = 0;
  std::optional<EventActor> place_target;  // the country of the place acted on, when no actor is named
  // The target slot's phrase is there but names no actor ("enquêtent sur la chute d'un
  // missile", "ont torturé des militaires"): the act has no actor target.
  bool open_target = false;
  std::pair<size_t, size_t> open_phrase{SIZE_MAX, SIZE_MAX};  // that phrase's tokens
};

// A word element's alternative is the token's lemma or its form lower-cased in ASCII. The
// keys (WordKey of the lemma, of the lower-cased form, of each alternative) decide a
// mismatch; the strings are compared only when a key is equal.
bool WordMatches(const SentenceView& s, size_t i, const PatternElement& e) {
  const uint64_t lemma = s.lemma_key(i), form = s.form_key(i);
  for (size_t k = 0; k < e.words.size(); ++k) {
    const std::string& a = e.words[k];
    if (e.keys[k] == lemma && s.lemma(i) == a) return true;
    if (e.keys[k] != form) continue;
    std::string_view w = s.surface(i);
    if (w.size() == a.size() && std::equal(w.begin(), w.end(), a.begin(), [](char x, char y) {
          return (x >= 'A' && x <= 'Z' ? x + 32 : x) == y;
        }))
      return true;
  }
  return false;
}

// Multi-word prepositions that stand for a pattern's one-word preposition: "à
// l'encontre de X" is "contre X", "en direction de X" is "vers X". Words are lemmas
// ("à" and "de" as IsPreposition reads them, "le" any article).
struct Locution {
  std::string_view prep;
  std::array<std::string_view, 4> words;  // "" after the last
};
constexpr Locution kLocutions[] = {
    {"contre", {"à", "le", "encontre", "de"}}, {"contre", {"en", "direction", "de"}},
    {"sur", {"en", "direction", "de"}},        {"vers", {"en", "direction", "de"}},
    {"vers", {"à", "destination", "de"}},      {"à", {"à", "destination", "de"}},
    {"envers", {"vis-à-vis", "de"}},           {"envers", {"à", "le", "égard", "de"}},
    {"avec", {"à", "côté", "de"}},             {"pour", {"à", "profit", "de"}},
    {"pour", {"en", "faveur", "de"}},          {"à", {"à", "profit", "de"}},
};

// The index after the locution standing for `prep` that starts at i, or SIZE_MAX.
size_t MatchLocution(const SentenceView& s, size_t i, std::string_view prep) {
  if (!s.MayStartLocution(i)) return SIZE_MAX;
  for (const Locution& l : kLocutions) {
    if (l.prep != prep) continue;
    size_t k = i;
    bool ok = true;
    for (std::string_view w : l.words) {
      if (w.empty()) break;
      if (k >= s.size()) {
        ok = false;
        break;
      }
      bool det = w == "le" && s.pos(k) == Pos::kDet;
      if (!(det || s.IsPreposition(k, w) || s.lemma(k) == w)) {
        // "aux côtés de": "aux" is à + the article in one word.
        ok = false;
        break;
      }
      ++k;
    }
    if (ok) return k;
  }
  return SIZE_MAX;
}

// Whether the prepositions of a slot may match at i: every way to match starts with the
// token being "à" or "de" (flags), a locution's first word (a flag) or the lemma of a
// preposition's first word (its key). False: MatchPreps is SIZE_MAX.
inline bool MayMatchPreps(const SentenceView& s, size_t i, const PatternElement& slot) {
  if (s.IsPrepAOrDe(i) || s.MayStartLocution(i)) return true;
  const uint64_t key = s.lemma_key(i);
  for (uint64_t k : slot.keys)
    if (k == key) return true;
  return false;
}

// Where the prepositions of a slot match at i: the index after them, or SIZE_MAX.
size_t MatchPreps(const SentenceView& s, size_t i, const PatternElement& slot) {
  if (!MayMatchPreps(s, i, slot)) return SIZE_MAX;
  using Prep = PatternElement::Prep;
  for (size_t a = 0; a < slot.words.size(); ++a) {
    const std::string& p = slot.words[a];
    const Prep kind = slot.prep_kinds[a];
    if (kind != Prep::kWords) {
      // "des" right after another preposition is the article ("contre des soldats américains"),
      // not "de" + "les": it opens no "de [S]" or "de [T]" slot.
      if (kind == Prep::kDe && i > 0 && s.pos(i - 1) == Pos::kAdp && s.surface(i) == "des") continue;
      // IsPreposition(i, p) with the kind known (another word's lemma compared by key first).
      const bool match = kind == Prep::kA    ? s.IsPreposition(i, "à")
                         : kind == Prep::kDe ? s.IsPreposition(i, "de")
                         : kind == Prep::kEn ? s.IsPreposition(i, "en")
                                             : s.lemma_key(i) == slot.keys[a] && s.lemma(i) == p;
      if (match) return i + 1;
      if (!s.MayStartLocution(i)) continue;
      if (size_t k = MatchLocution(s, i, p); k != SIZE_MAX) return k;
      continue;
    }
    // Multi-word prepositions: "auprès_de", "face_à".
    size_t k = i, start = 0;
    bool ok = true;
    while (ok) {
      size_t end = p.find('_', start);
      std::string_view part = std::string_view(p).substr(start, end == std::string::npos ? std::string::npos : end - start);
      ok = k < s.size() && (s.IsPreposition(k, part) || s.lemma(k) == part);
      ++k;
      if (end == std::string::npos) break;
      start = end + 1;
    }
    if (ok) return k;
  }
  return SIZE_MAX;
}

// A noun that is the topic of another noun, of an attitude or of a talk ("toute implication
// dans l'attaque", "une enquête sur l'attaque", "optimiste quant à une reprise du dialogue", "a
// discuté de l'aide à l'Ukraine"): the
// clause's subject does not do its act.
bool TopicOfNoun(const SentenceView& s, size_t head, int depth = 0) {
  size_t k = head;
  while (k > 0 && head - k < 3 && (s.pos(k - 1) == Pos::kDet || s.pos(k - 1) == Pos::kAdj)) --k;
  if (k < 2 || s.pos(k - 1) != Pos::kAdp) return false;
  if ((s.lemma(k - 1) == "dans" || s.lemma(k - 1) == "sur") && s.pos(k - 2) == Pos::kNoun && s.entity(k - 2) < 0) return true;
  if (s.lemma(k - 1) == "à" && s.lemma(k - 2) == "quant") return true;
  // The topic of a talk: "avec qui il a discuté de l'aide à l'Ukraine", "ont parlé de sanctions".
  if ((s.lemma(k - 1) == "de" || s.lemma(k - 1) == "sur") && s.pos(k - 2) == Pos::kVerb) {
    std::string_view v = s.lemma(k - 2);
    if (v == "discuter" || v == "parler" || v == "débattre" || v == "entretenir" || v == "échanger") return true;
  }
  // The complement of such a noun: "quant à une reprise du dialogue".
  return depth == 0 && s.IsPreposition(k - 1, "de") && s.pos(k - 2) == Pos::kNoun && s.entity(k - 2) < 0 &&
         TopicOfNoun(s, k - 2, 1);
}

// "en" (or "tout en") followed by a present participle: "en accusant", "tout en condamnant".
// (Tested at every token of a window: the parts of speech first, the strings last.)
bool IsGerundAt(const SentenceView& s, size_t i) {
  if (s.pos(i) == Pos::kAdv) {
    if (i + 1 >= s.size() || s.pos(i + 1) != Pos::kAdp || s.lemma(i) != "tout") return false;
    ++i;
  }
  return s.pos(i) == Pos::kAdp && i + 1 < s.size() && s.pos(i + 1) == Pos::kVerb && s.lemma(i) == "en" &&
         s.HasFeat(i + 1, "VerbForm=Part") && s.HasFeat(i + 1, "Tense=Pres");
}

size_t WindowEnd(const SentenceView& s, size_t head) {
  size_t end = head + 1;
  while (end < s.size() && end <= head + kWindow) {
    // A gerund opens a clause of its own: "a réagi en livrant des missiles à l'Ukraine" (the
    // Ukraine is what is delivered to, not what is reacted to).
    if (IsGerundAt(s, end)) break;
    // A comma before a finite verb group closes a relative or an incise: "Bukele, qui a fait
    // arrêter des membres de gangs, a rejeté les critiques de l'ONU" (the UN is not arrested).
    if (s.IsComma(end) && end + 1 < s.size() && s.pos(end + 1) == Pos::kAux && s.HasFeat(end + 1, "VerbForm=Fin")) break;
    if (s.IsClauseBoundary(end)) {
      // A short quoted phrase without a verb stays in the clause: "a dénoncé « l'ingérence » de
      // Washington".
      if (s.surface(end) != "«") break;
      size_t close = end + 1;
      while (close < s.size() && close <= end + 6 && s.surface(close) != "»" && s.pos(close) != Pos::kVerb &&
             s.pos(close) != Pos::kAux && !s.IsClauseBoundary(close))
        ++close;
      if (close >= s.size() || s.surface(close) != "»") break;
      end = close + 1;
      continue;
    }
    ++end;
  }
  return end;
}

// Where the agent after an agent preposition at j starts: "par X", "de la part de X";
// SIZE_MAX when j opens none.
size_t AgentStart(const SentenceView& s, size_t j) {
  if (s.IsPreposition(j, "par")) return j + 1;
  if (j + 3 < s.size() && s.IsPreposition(j, "de") && s.pos(j + 1) == Pos::kDet && s.lemma(j + 2) == "part" &&
      s.IsPreposition(j + 3, "de"))
    return j + 4;
  return SIZE_MAX;
}

// The agent of a passive or participle head: the actors after "par" (or "de la part de")
// in its window.
std::vector<int> AgentAfter(const SentenceView& s, size_t head) {
  for (size_t j = head + 1, end = WindowEnd(s, head); j < end; ++j) {
    // Another verb group's agent is not this one's ("une enquête visant l'armée russe a
    // été ouverte par la justice ukrainienne").
    if (s.pos(j) == Pos::kVerb || s.pos(j) == Pos::kAux) break;
    size_t at = AgentStart(s, j);
    if (at == SIZE_MAX) continue;
    std::vector<int> actors = PhraseActors(s, at);
    if (!actors.empty()) return actors;
  }
  return {};
}

// The agents of an agentless passive named otherwise after it: the participants after
// "entre" ("un accord a été signé entre Moscou et Kiev": each way), or for a meeting (04)
// the seat of power it took place in ("ont été reçus jeudi à Moscou").
std::vector<int> PassiveParticipants(const SentenceView& s, size_t head, std::string_view code, std::string* how) {
  const auto& ents = s.doc().entities;
  for (size_t j = head + 1, end = WindowEnd(s, head); j < end; ++j) {
    if (s.pos(j) == Pos::kVerb || s.pos(j) == Pos::kAux || s.IsComma(j)) break;
    if (s.IsPreposition(j, "entre")) {
      std::vector<int> both = PhraseActors(s, j + 1);
      if (both.size() >= 2) {
        if (how) *how = "agentless passive: the participants after 'entre'";
        return both;
      }
    }
    if (code.substr(0, 2) == "04" && s.IsPreposition(j, "à") && j + 1 < s.size()) {
      int e = s.entity(j + 1);
      if (e >= 0 && ents[e].type == "LOC" && events::HasActorCode(ents[e])) {
        if (how) *how = "agentless passive of a meeting: the seat of power it took place in";
        return {e};
      }
    }
  }
  return {};
}

// A noun that with "de" makes a prepositional phrase of its own ("à l'égard de",
// "à l'adresse de", "lors de", "à l'issue de", "auprès de"): its "de" does not open a slot
// ("s'est plaint auprès de Pékin" is no "se plaindre de [T]").
bool LocutionNoun(std::string_view lemma) {
  static constexpr std::string_view kNouns[] = {"égard", "adresse", "intention", "encontre", "lors",   "issue",
                                                "large", "cours",   "cadre",     "sujet",    "direction",
                                                "destination", "profit", "côté", "faveur", "peine", "auprès"};
  return std::find(std::begin(kNouns), std::end(kNouns), lemma) != std::end(kNouns);
}

// The addressee of a speech act named after the verb: "à l'adresse de Londres", "à
// l'intention de Washington", "à l'égard de Moscou", "à l'encontre de Kiev".
std::vector<int> AddresseeAfter(const SentenceView& s, size_t from) {
  for (size_t j = from; j + 2 < s.size(); ++j) {
    std::string_view l = s.lemma(j);
    if (!(l == "adresse" || l == "intention" || l == "égard" || l == "encontre")) continue;
    if (j == 0 || !(s.pos(j - 1) == Pos::kDet || s.IsPreposition(j - 1, "à"))) continue;
    if (!s.IsPreposition(j + 1, "de")) continue;
    std::vector<int> actors = PhraseActors(s, j + 2);
    if (!actors.empty()) return actors;
  }
  return {};
}

// A target for a match whose pattern has none: the first actor named after the
// head in the sentence (not a source, not a place, not the attribution after
// "selon"). Most CAMEO events have a target; the word order of French news puts it
// after the verb ("a levé les sanctions visant le secteur pétrolier vénézuélien").
std::vector<int> TargetAfter(const SentenceView& s, size_t from, const std::vector<int>& sources,
                             const PatternSet& patterns, std::string* how) {
  const auto& ents = s.doc().entities;
  for (size_t j = from; j < s.size(); ++j) {
    if (s.IsPunct(j) && (s.surface(j) == "." || s.surface(j) == ";" || s.surface(j) == "?" || s.surface(j) == "!"))
      break;
    // "selon X", ", a indiqué X": attribution, not a participant.
    if (s.pos(j) == Pos::kAdp && patterns.ModalityOf(s.lemma(j)) == Modality::kReported) break;
    if (s.lemma(j) == "après" && j > 0 && (s.surface(j - 1) == "d'" || s.surface(j - 1) == "D'")) break;  // "d'après X"
    // A purpose clause ("pour financer l'aide aux migrants vénézuéliens") names its own participants.
    if ((s.lemma(j) == "pour" || s.lemma(j) == "afin") && j + 2 < s.size() &&
        ((s.pos(j + 1) == Pos::kVerb && s.HasFeat(j + 1, "VerbForm=Inf")) ||
         (s.IsPreposition(j + 1, "de") && s.pos(j + 2) == Pos::kVerb && s.HasFeat(j + 2, "VerbForm=Inf"))))
      break;
    // Another clause with its own participants: "…, tandis que la Russie a appelé au dialogue".
    {
      std::string_view l = s.lemma(j);
      if ((l == "tandis" || l == "lorsque" || l == "quand" || l == "puisque" || l == "mais" ||
           (l == "alors" && j + 1 < s.size() && s.lemma(j + 1) == "que")) &&
          (s.pos(j) == Pos::kSconj || s.pos(j) == Pos::kCconj || s.pos(j) == Pos::kAdv))
        break;
    }
    // An appositive relative has its own participants: "ne s'est pas rendu à Istanbul, où les
    // délégations russe et ukrainienne se sont rencontrées".
    if (s.IsComma(j) && j + 1 < s.size() && s.pos(j + 1) == Pos::kPron &&
        (s.lemma(j + 1) == "où" || s.lemma(j + 1) == "qui" || s.lemma(j + 1) == "dont"))
      break;
    // So has an absolute participial clause: "a exigé un cessez-le-feu, les États-Unis s'étant
    // abstenus", ", la Russie ayant refusé".
    if (s.IsComma(j) && j + 2 < s.size() && s.pos(j + 1) != Pos::kVerb && s.pos(j + 1) != Pos::kAux) {
      bool absolute = false;
      for (size_t k = j + 2; k < s.size() && k <= j + 7 && !s.IsPunct(k); ++k) {
        if (s.pos(k) != Pos::kVerb && s.pos(k) != Pos::kAux) continue;
        absolute = (s.lemma(k) == "être" || s.lemma(k) == "avoir") && s.HasFeat(k, "VerbForm=Part") &&
                   s.HasFeat(k, "Tense=Pres");
        break;
      }
      if (absolute) break;
    }
    // So has an appositive past participle: "ont manifesté contre le gouvernement, accusé de
    // s'éloigner de l'Union européenne" (a present one, ", visant X", names the target).
    if (s.IsComma(j) && j + 1 < s.size() && s.pos(j + 1) == Pos::kVerb && s.HasFeat(j + 1, "VerbForm=Part") &&
        s.HasFeat(j + 1, "Tense=Past"))
      break;
    // A coordinated verb with its own auxiliary has its own object: "a dénoncé un accord … et a
    // convoqué l'ambassadeur de Russie".
    if (j > from && s.pos(j) == Pos::kCconj && s.lemma(j) == "et" && j + 1 < s.size() && s.pos(j + 1) == Pos::kAux)
      break;
    // A reporting clause (", a indiqué X") ends the search; a participle (", visant X") does
    // not. The reporting clause may name the addressee ("a lancé X à l'adresse de Londres").
    if (s.IsComma(j) && j + 1 < s.size() && (s.pos(j + 1) == Pos::kAux || (s.pos(j + 1) == Pos::kVerb && !s.HasFeat(j + 1, "VerbForm=Part")))) {
      std::vector<int> to = AddresseeAfter(s, j + 1);
      std::erase_if(to, [&](int e) {
        return std::any_of(sources.begin(), sources.end(), [&](int src) { return ents[src].id == ents[e].id; });
      });
      if (!to.empty() && how) *how = "addressee of the reporting clause";
      return to;
    }

    int e = s.entity(j);
    if (e < 0 || ents[e].type == "LOC") continue;
    if (!events::HasActorCode(ents[e])) continue;
    // Not the source, nor another actor of its state ("Kiev réclame ... Zelensky et Poutine").
    // Rebels and the state they fight are two sides ("les talibans ont revendiqué l'attentat
    // qui a visé une base de l'armée afghane").
    std::string code = events::ActorCode(ents[e]);
    std::string country = code.substr(0, 3);
    auto rebel = [](std::string_view c) { return c.find("REB") != std::string_view::npos || c.find("INS") != std::string_view::npos; };
    bool is_source = std::any_of(sources.begin(), sources.end(), [&](int src) {
      std::string sc = events::ActorCode(ents[src]);
      return ents[src].id == ents[e].id || (sc.substr(0, 3) == country && (rebel(sc) == rebel(code) || code.size() <= 3));
    });
    if (is_source) continue;
    if (how) *how = "first actor after the head";
    // Coordinated with the next actor: "aux frappes américaines et britanniques", "à la
    // Russie et à la Chine".
    std::vector<int> out{e};
    for (size_t k = j; k < s.size();) {
      while (k < s.size() && s.entity(k) == out.back()) ++k;
      if (k + 1 >= s.size() || !((s.pos(k) == Pos::kCconj && s.lemma(k) == "et") || s.IsComma(k))) break;
      size_t n = k + 1;
      while (n < s.size() && n < k + 3 && (s.pos(n) == Pos::kDet || s.pos(n) == Pos::kAdp) && s.entity(n) < 0) ++n;
      int x = n < s.size() ? s.entity(n) : -1;
      if (x < 0 || x == out.back() || ents[x].type == "LOC" || !events::HasActorCode(ents[x])) break;
      if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
      k = n;
    }
    return out;
  }
  return {};
}

// A target for a speech or reaction verb that reports the quotation just before it ("« Les
// droits de douane américains sont une erreur », a regretté X"): the first actor the quotation
// names (not the source, nor another actor of its state). The verb's object is the quotation,
// so the act is aimed at whom it speaks of, before any actor named later in the sentence.
std::vector<int> TargetInQuotation(const SentenceView& s, size_t head, const std::vector<int>& sources,
                                   std::string* how) {
  const auto& ents = s.doc().entities;
  // Back from the head over the auxiliaries, adverbs, clitics and the comma to "»".
  size_t j = head;
  while (j > 0) {
    --j;
    if (s.surface(j) == "»") break;
    if (s.IsComma(j) || s.pos(j) == Pos::kAux || s.pos(j) == Pos::kAdv || s.pos(j) == Pos::kPron) continue;
    return {};
  }
  if (s.surface(j) != "»" || head - j > 5) return {};
  size_t close = j;
  size_t open = close;
  while (open > 0 && s.surface(open) != "«") --open;
  if (s.surface(open) != "«") return {};
  for (size_t k = open + 1; k < close; ++k) {
    int e = s.entity(k);
    if (e < 0 || ents[e].type == "LOC") continue;
    std::string code = events::ActorCode(ents[e]);
    if (code.empty()) continue;
    bool own = std::any_of(sources.begin(), sources.end(), [&](int src) {
      return ents[src].id == ents[e].id || events::ActorCode(ents[src]).substr(0, 3) == code.substr(0, 3);
    });
    if (own) continue;
    if (how) *how = "first actor named in the quotation the verb reports";
    return {e};
  }
  return {};
}

// Codes whose place, named after a preposition where the pattern wants an actor, stands for
// its country (rule 11, gold README): a visit (042, "est arrivé à Johannesburg") and aid (07,
// "pour aider les civils à Gaza").
// Humanitarian access (0863, "a laissé entrer des camions d'aide à Gaza") is let into a place too.
bool PlaceTargetOnly(std::string_view code) {
  return code.starts_with("042") || code.starts_with("07") || code.starts_with("0863");
}

// Roots whose act, done at a place abroad with no actor named, is done to the place's
// country: withdrawals (08), posture (15), coercion (17) and force (18–20); visits and aid
// (PlaceTargetOnly).
bool PlaceRoot(std::string_view code) {
  std::string_view r = code.substr(0, 2);
  return r == "08" || r == "15" || r == "17" || r == "18" || r == "19" || r == "20" || PlaceTargetOnly(code);
}

// Roots whose events without a named target are domestic: the state acts on its own
// population (protest 14, coercion 17, assault 18, mass violence 20).
bool DomesticRoot(std::string_view code) {
  std::string_view r = code.substr(0, 2);
  return r == "14" || r == "17" || r == "18" || r == "20";
}

// Roots whose agentless passive, reported by an actor, is that actor's own act: not
// disapproval (11), threats (13) or violence (18–20), which the speaker suffers or observes.
bool SpeakerActs(std::string_view code) {
  std::string_view r = code.substr(0, 2);
  return !(r == "11" || r == "13" || r == "18" || r == "19" || r == "20");
}

bool Possessive(std::string_view w) {
  for (std::string_view p : {"son", "sa", "ses", "leur", "leurs", "Son", "Sa", "Ses", "Leur", "Leurs"})
    if (w == p) return true;
  return false;
}

// The nearest verb before a noun head, in the same clause ("a eu un entretien").
size_t VerbBefore(const SentenceView& s, size_t head, bool* after_que = nullptr) {
  for (size_t k = head; k > 0 && head - k < 8;) {
    --k;
    if (s.IsClauseBoundary(k)) break;
    // A noun in a "que" clause ("a averti qu'une attaque contre… entraînerait une riposte"):
    // said through *after_que, the caller decides.
    if (after_que && s.lemma(k) == "que" && (s.pos(k) == Pos::kSconj || s.pos(k) == Pos::kAdv) && k > 0 &&
        s.pos(k - 1) == Pos::kVerb) {
      bool restrictive = false;  // "n'a eu qu'un entretien avec…"
      for (size_t r = k - 1; r > 0 && k - r < 5; --r)
        if (s.lemma(r - 1) == "ne") restrictive = true;
      if (!restrictive) *after_que = true;
    }
    // An adjunct ("en cas d'invasion", "après la visite", "lors de la rencontre") is not the
    // verb's object: its noun's agent is not the verb's subject.
    // A possessive keeps the subject as the agent ("lors de son attaque contre Israël").
    std::string_view l = s.lemma(k);
    bool adjunct = l == "après" || l == "avant" || l == "pendant" || l == "durant" || l == "malgré" ||
                   l == "depuis" || l == "dès" || l == "lors" || (l == "cas" && k > 0 && s.lemma(k - 1) == "en");
    if (adjunct && !Possessive(s.surface(head - 1))) return SIZE_MAX;
    if (adjunct) {
      // "a fait l'éloge de … lors de sa visite à Téhéran": the possessive is the clause's
      // subject, whose verb may be further back.
      for (size_t v = k; v > 0 && k - v < 25;) {
        --v;
        if (s.IsPunct(v) && s.IsClauseBoundary(v)) break;
        if (s.pos(v) == Pos::kVerb && !s.HasFeat(v, "VerbForm=Inf")) return v;
      }
      return SIZE_MAX;
    }
    if (s.pos(k) == Pos::kVerb || s.pos(k) == Pos::kAux) {
      // The main verb of the group: skip forward over auxiliaries.
      size_t v = k;
      while (v + 1 < head && s.pos(v) == Pos::kAux && (s.pos(v + 1) == Pos::kVerb || s.pos(v + 1) == Pos::kAux)) ++v;
      return v;
    }
  }
  return SIZE_MAX;
}

// Whether token `from` is in a clause opened by "si" ("si Kiev attaquait la Crimée", "s'il
// le faut"), not "même si": back over the clause's words to its first boundary.
bool InConditionClause(const SentenceView& s, size_t from) {
  for (size_t k = from; k > 0 && from - k < 12;) {
    --k;
    if (s.IsComma(k) || (s.IsPunct(k) && s.IsClauseBoundary(k))) return false;
    if (s.pos(k) == Pos::kVerb && k + 1 < from) return false;
    // "même si" concedes a fact: "même si la Russie a signé l'accord".
    if (s.lemma(k) == "si" && s.pos(k) == Pos::kSconj) return k == 0 || s.lemma(k - 1) != "même";
    if (s.IsClauseBoundary(k)) return false;
  }
  return false;
}

// The request verb an infinitive is asked by, through the verb's object ("a demandé à
// Moscou de retirer", "a exhorté Kiev à négocier"): the verb's index, or SIZE_MAX.
size_t RequestedOf(const SentenceView& s, size_t from, const std::unordered_set<std::string>& request_verbs) {
  size_t k = from;
  if (k == 0 || !(s.IsPreposition(k - 1, "de") || s.IsPreposition(k - 1, "à"))) return SIZE_MAX;
  --k;
  bool object = false;
  for (size_t n = 0; k > 0 && n < 10; ++n) {
    size_t t = k - 1;
    if (s.IsClauseBoundary(t) || s.IsComma(t)) return SIZE_MAX;
    // "se sont accusés de…": the reflexive pronoun is the object.
    // "l'Iran, accusé de fournir des drones…", "Kiev, qui est accusé de…": a participle or
    // passive's subject is the object.
    if (s.pos(t) == Pos::kVerb) {
      VerbGroup g = GroupOf(s, t);
      // An attempt in between: "a accusé Kiev d'avoir tenté d'assassiner…" is asked of (or
      // blamed on) the object as much as the act itself.
      if (g.infinitive && !object && (s.lemma(t) == "tenter" || s.lemma(t) == "essayer" || s.lemma(t) == "chercher"))
        return RequestedOf(s, g.start, request_verbs);
      bool passive = g.passive || (g.participle_only && s.HasFeat(t, "Tense=Past"));
      return (object || g.reflexive || passive) && request_verbs.count(s.tok(t).lemma) ? t : SIZE_MAX;
    }
    if (s.entity(t) >= 0 || (s.pos(t) == Pos::kPron && (s.surface(t) == "lui" || s.surface(t) == "leur" ||
                                                        s.surface(t) == "les" || s.surface(t) == "l'")))
      object = true;
    k = t;
  }
  return SIZE_MAX;
}

// The verb before "que" governing the clause of `from` ("a démenti que ..."), SIZE_MAX if none.
size_t QueGovernor(const SentenceView& s, size_t from) {
  for (size_t k = from; k > 0 && from - k < 14;) {
    --k;
    std::string_view l = s.lemma(k);
    if ((l == "que" || s.surface(k) == "qu'") && s.pos(k) == Pos::kSconj) {
      for (size_t v = k; v > 0 && k - v < 5;) {
        --v;
        if (s.pos(v) == Pos::kVerb) return v;
      }
      return SIZE_MAX;
    }
    if (s.IsPunct(k) && s.surface(k) != "," && s.surface(k) != "-") break;
    if (s.pos(k) == Pos::kVerb && k + 1 < from) break;
  }
  return SIZE_MAX;
}

// The end of a slot's noun phrase for the words after it: one past the last token of
// its actors, so "demander à la Russie une coopération militaire" leaves
// "coopération" to the pattern's next word.
size_t ActorsEnd(const SentenceView& s, size_t from, size_t to, const std::vector<int>& actors) {
  size_t last = from;
  for (size_t k = from; k < to; ++k)
    if (std::find(actors.begin(), actors.end(), s.entity(k)) != actors.end()) last = k + 1;
  // Adjectives and "de X" complements right after the actor stay in the phrase.
  while (last < to && s.pos(last) == Pos::kAdj) ++last;
  return last;
}

// The referent of an object clitic in the verb group ("Il l'a remercié", "les a
// reçus"): the last actor named before the group that is not its subject (after a
// coordinated verb, that verb's object).
std::vector<int> CliticObject(const SentenceView& s, const VerbGroup& g, bool other_state = false) {
  bool clitic = false;
  for (size_t k = g.start; k < g.head; ++k)
    if (s.pos(k) == Pos::kPron) {
      std::string_view w = s.surface(k);
      if (w == "l'" || w == "le" || w == "la" || w == "les" || w == "lui" || w == "leur" || w == "L'") clitic = true;
    }
  if (!clitic) return {};
  std::vector<int> subject = SubjectOf(s, g, nullptr);
  const Doc& doc = s.doc();
  uint32_t before = s.tok(g.start).span.start;
  uint32_t floor = doc.sentences[s.sentence() > 0 ? s.sentence() - 1 : 0].start;
  auto subject_of = [&](const Entity& ent) {
    return std::any_of(subject.begin(), subject.end(), [&](int x) {
      return doc.entities[x].id == ent.id ||
             (other_state && events::ActorCode(doc.entities[x]).substr(0, 3) == events::ActorCode(ent).substr(0, 3));
    });
  };
  // The second of two coordinated verbs: the clitic is the first one's object, the first actor
  // after its head ("a rencontré le Premier ministre indien en marge du sommet du G7 et l'a
  // appelé à…": Modi, not the G7).
  if (g.coordinated != SIZE_MAX) {
    uint32_t from = s.tok(g.coordinated).span.end;
    for (size_t e = 0; e < doc.entities.size(); ++e) {
      const Entity& ent = doc.entities[e];
      if (ent.span.start < from) continue;
      if (ent.span.end > before) break;
      if (ent.type == "LOC" || !events::HasActorCode(ent)) continue;
      if (!subject_of(ent)) return {static_cast<int>(e)};
    }
  }
  for (size_t e = doc.entities.size(); e-- > 0;) {
    const Entity& ent = doc.entities[e];
    if (ent.span.end > before) continue;
    if (ent.span.start < floor) break;
    if (ent.type == "LOC" || !events::HasActorCode(ent)) continue;
    if (!subject_of(ent)) return {static_cast<int>(e)};
  }
  return {};
}

// A commitment word (modality "intent": promettre, s'engager, prêt, intention) just
// before an infinitive or noun head, over prepositions, determiners, adverbs,
// auxiliaries and clitics; SIZE_MAX when none.
size_t IntentBefore(const SentenceView& s, size_t from, const PatternSet& patterns) {
  for (size_t k = from; k > 0 && from - k < 6;) {
    --k;
    Modality mod = patterns.ModalityOf(s.lemma(k));
    if (mod == Modality::kIntent || mod == Modality::kThreat || mod == Modality::kReject) return k;
    // "a exclu toute négociation", "a écarté de négocier": ruling out, not negated, refuses.
    if (mod == Modality::kNegatedHypothetical && s.pos(k) == Pos::kVerb && !GroupOf(s, k).negated) return k;
    Pos p = s.pos(k);
    if (s.IsClauseBoundary(k) || s.IsComma(k)) break;
    if (p == Pos::kVerb || p == Pos::kNoun || p == Pos::kPropn) break;
  }
  return SIZE_MAX;
}

// Nouns that name a news medium or its staff: their reports are hearsay, never an actor's voice.
bool IsMediaNoun(std::string_view lemma) {
  return events::In(lemma, {"presse", "média", "journal", "agence", "télévision", "chaîne", "radio", "quotidien",
                            "hebdomadaire", "journaliste"});
}

// The verb of the reporting clause that closes the sentence after `from` ("…, a promis Xi
// Jinping.", "… », a menacé Moscou."): a comma, then the verb group and its subject.
// SIZE_MAX when none.
size_t ReportingVerbAfter(const SentenceView& s, size_t from) {
  for (size_t j = from; j + 1 < s.size(); ++j) {
    // Every mark tested is one byte long: the others are passed on their length.
    std::string_view w = s.surface(j);
    if (w.size() != 1) continue;
    const char c = w[0];
    if (c == '.' || c == ';' || c == '?' || c == '!' || c == ':') break;
    if (c != ',') continue;
    size_t v = j + 1;
    while (v < s.size() && v < j + 4 && (s.pos(v) == Pos::kAux || s.pos(v) == Pos::kAdv || s.lemma(v) == "se" ||
                                         s.surface(v) == "s'"))
      ++v;
    if (v < s.size() && s.pos(v) == Pos::kVerb && !s.HasFeat(v, "VerbForm=Inf") &&
        !(s.HasFeat(v, "VerbForm=Part") && s.HasFeat(v, "Tense=Pres")) && v > j + 1)
      return v;
  }
  return SIZE_MAX;
}

// The code of an act governed by a commitment, threat or refusal: intent 03x for a
// cooperative act (meet 036, diplomatic 032, material 031, aid 033, yield 035; "" for
// the other roots, whose commitment stays hypothetical), threat 13x, reject 120.
std::string IntentCode(Modality mod, std::string_view code) {
  std::string_view r = code.substr(0, 2);
  // "a refusé de retirer ses troupes", "a exclu toute négociation"
  if (mod == Modality::kReject || mod == Modality::kNegatedHypothetical) return "120";
  if (mod == Modality::kThreat) {              // "menace de frapper", "menace d'exiger"
    if (r == "13") return std::string(code);
    if (r == "15" || r == "18" || r == "19" || r == "20") return "138";
    if (r == "16") return "1313";
    return "130";
  }
  if (code.starts_with("045")) return "039";  // "a proposé d'accueillir des négociations entre…"
  if (r == "04") return "036";
  if (r == "05") return "032";
  if (r == "06") return "031";
  if (r == "07") return "033";
  if (r == "08") return "035";
  if (r == "03") return std::string(code);
  return "";
}

// The first token of the clause a verb group starts: over the noun phrase (with its
// prepositional complements) before it, up to a comma, a clause boundary or a verb.
size_t ClauseStart(const SentenceView& s, size_t group_start) {
  size_t k = group_start;
  while (k > 0 && group_start - k < 14 && !s.IsComma(k - 1) && !s.IsClauseBoundary(k - 1) &&
         s.pos(k - 1) != Pos::kVerb && s.pos(k - 1) != Pos::kAux)
    --k;
  return k;
}

// A noun of one's own ground after a possessive: "sur son territoire", "dans son espace
// aérien", "contre son ambassade".
bool OwnGround(std::string_view lemma) {
  return events::In(lemma, {"territoire", "sol", "espace", "ambassade", "frontière", "eaux", "consulat"});
}

// The subject of the clause a noun at `head` stands in, over an adjunct ("Le Pakistan a
// rappelé son ambassadeur … après des frappes iraniennes sur son territoire").
std::vector<int> ClauseSubjectBefore(const SentenceView& s, size_t head) {
  for (size_t k = head; k > 0 && head - k < 20;) {
    --k;
    if (s.IsClauseBoundary(k)) break;
    if (s.pos(k) != Pos::kVerb) continue;
    return SubjectOf(s, GroupOf(s, k), nullptr);
  }
  return {};
}

// The subject of the main clause after a fronted phrase ending at the first comma after
// `from` ("Reçu à l'Élysée par Macron, Javier Milei a évoqué…").
std::vector<int> MainClauseSubject(const SentenceView& s, size_t from, std::string* how) {
  for (size_t j = from; j < s.size() && j < from + 12; ++j) {
    if (s.IsClauseBoundary(j)) break;
    if (!s.IsComma(j)) continue;
    for (size_t v = j + 1; v < s.size() && v < j + 10; ++v) {
      if (s.IsClauseBoundary(v)) break;
      if (s.pos(v) != Pos::kVerb) continue;
      VerbGroup main = GroupOf(s, v);
      if (main.start <= j + 1) break;
      std::vector<int> a = SubjectOf(s, main, how);
      if (!a.empty() && how) *how = "subject of the main clause '" + std::string(s.surface(v)) + "'";
      return a;
    }
    break;
  }
  return {};
}

// A past participle without auxiliary has a passive sense: what it says is done to the
// noun phrase it follows ("l'aide envoyée par Moscou") or, fronted, to the main clause's
// subject ("Reçu par Macron, Milei a…").
std::vector<int> ParticipleObject(const SentenceView& s, const VerbGroup& g, std::string* how) {
  size_t k = g.start;
  bool fronted = k == 0 || (s.IsPunct(k - 1) && !s.IsComma(k - 1));
  if (fronted) return MainClauseSubject(s, g.head + 1, how);
  if (s.IsComma(k - 1)) --k;
  std::vector<int> a = PhraseActorsBefore(s, k);
  if (!a.empty() && how) *how = "the noun phrase the participle follows";
  return a;
}

// A demonym adjective right after a noun head: its agent ("les frappes américaines",
// "les sanctions européennes"); -1 when none.
int DemonymAgent(const SentenceView& s, size_t head) {
  for (size_t k = head + 1; k < s.size() && k <= head + 2; ++k) {
    if (s.pos(k) != Pos::kAdj) return -1;
    int e = s.entity(k);
    if (e >= 0 && s.doc().entities[e].via == "demonym" && !events::ActorCode(s.doc().entities[e]).empty()) return e;
  }
  return -1;
}

// The state of the forces or weapons after "de" that carry out an act named by the noun at
// `head`: "l'incursion d'un avion militaire chinois", "l'attaque de drones russes".
int AssetAgent(const SentenceView& s, size_t head) {
  size_t k = head + 1;
  if (k >= s.size() || !s.IsPreposition(k, "de")) return -1;
  if (++k < s.size() && s.pos(k) == Pos::kDet) ++k;
  if (k >= s.size() || s.pos(k) != Pos::kNoun ||
      !events::In(s.lemma(k), {"avion", "drone", "navire", "bâtiment", "sous-marin", "hélicoptère", "bombardier",
                               "chasseur", "missile", "roquette", "soldat", "troupe", "force", "militaire", "char",
                               "blindé", "commando", "unité"}))
    return -1;
  return DemonymAgent(s, k);  // the demonym adjective of the forces' noun
}

// Whether entity `x` names a population: a demonym used as a noun ("des Vénézuéliens",
// "les Syriens"), not as an adjective ("le gouvernement vénézuélien").
bool IsPopulation(const SentenceView& s, int x) {
  if (s.doc().entities[x].via != "demonym") return false;
  for (size_t k = 0; k < s.size(); ++k)
    if (s.entity(k) == x) return s.pos(k) != Pos::kAdj;
  return false;
}

// Roots of material acts, which happen whether or not their object is an actor
// ("enquêtent sur la chute d'un missile", "ont torturé des militaires", "ont bombardé
// les quartiers rebelles"); statements, appeals, consultations and cooperation are
// addressed to an actor and are no event without one.
bool MaterialRoot(std::string_view code) {
  std::string_view r = code.substr(0, 2);
  return r == "09" || r == "14" || r == "15" || r == "17" || r == "18" || r == "19" || r == "20";
}

// The first common noun of tokens [a, b) that is not part of a time expression, or SIZE_MAX.
size_t FirstNoun(const SentenceView& s, size_t a, size_t b) {
  for (size_t k = a; k < b && k < s.size(); ++k)
    if (s.pos(k) == Pos::kNoun && !s.InTimex(k)) return k;
  return SIZE_MAX;
}

// The abstract-object line of the head noun of tokens `np` (its first common noun outside
// a time expression), or nullptr: "sa décision", "leurs efforts".
const std::string* AbstractHead(const SentenceView& s, std::pair<size_t, size_t> np, const PatternSet& patterns) {
  size_t k = FirstNoun(s, np.first, np.second);
  return k == SIZE_MAX ? nullptr : patterns.AbstractObject(s.lemma(k));
}

// Whether tokens [a, b) are a noun phrase naming something: a common noun, not only a
// pronoun, a determiner or a time word.
bool NamesThing(const SentenceView& s, size_t a, size_t b) { return FirstNoun(s, a, b) != SIZE_MAX; }

// The agent named after a noun head before any verb ("la libération de dix Américains par
// Caracas", "de nouvelles menaces de la part de Moscou"): the actors of the first agent phrase
// that names any; `by` receives the token that opens it. Empty when none.
std::vector<int> NounAgentAfter(const SentenceView& s, size_t head, size_t* by = nullptr) {
  for (size_t j = head + 1, end = WindowEnd(s, head); j < end; ++j) {
    if (s.pos(j) == Pos::kVerb || s.pos(j) == Pos::kAux) break;
    size_t at = AgentStart(s, j);
    if (at == SIZE_MAX) continue;
    std::vector<int> actors = PhraseActors(s, at);
    if (actors.empty()) continue;
    if (by) *by = j;
    return actors;
  }
  return {};
}

// Whether the noun at `noun` names an act: it heads a nominal pattern ("annexion", "attaque").
bool NamesAct(const SentenceView& s, size_t noun, const PatternSet* patterns) {
  return patterns && noun < s.size() && s.pos(noun) == Pos::kNoun && !patterns->ForHead(s.lemma(noun), s.lemma_key(noun), true).empty();
}

// The agent after "par" of an act the phrase [a, b) names ("l'annexion de la Crimée par la
// Russie"): the phrase's first noun names an act; empty when there is none.
std::vector<int> AgentOfNamedAct(const SentenceView& s, size_t a, size_t b, const PatternSet* patterns) {
  if (a >= b) return {};
  size_t noun = FirstNoun(s, a, b);
  if (noun == SIZE_MAX || !NamesAct(s, noun, patterns)) return {};
  for (size_t k = noun + 1; k + 1 < b; ++k) {
    if (s.IsClauseBoundary(k) || s.IsComma(k)) return {};
    if (s.IsPreposition(k, "par")) return PhraseActors(s, k + 1);
  }
  return {};
}

// Whether tokens [a, b) start with a place that is no actor ("a bombardé Kharkiv", "a
// pilonné Bakhmout"): a location entity, or a listed name no actor entity covers. An object
// naming no actor, whose place may give the target (rule 11).
bool NamesPlace(const SentenceView& s, size_t a, size_t b, const PlaceTable* places) {
  if (a >= b) return false;
  const int e = s.entity(a);
  if (e >= 0) {
    const Entity& ent = s.doc().entities[e];
    if (events::HasActorCode(ent)) return false;
    if (ent.type == "LOC") return true;
  }
  return places && events::PlaceNamedAt(s, *places, a).has_value();
}

// The agent of the passive (or past participle) a noun head is the subject of: "une
// enquête visant l'armée russe a été ouverte par la justice ukrainienne", "la suspension
// des relations, décidée lundi par Caracas". Present participles of the noun's phrase
// ("visant …") are passed over; a verb that judges the noun ("saluée par") is not its agent.
std::vector<int> NounPassiveAgent(const SentenceView& s, size_t head,
                                  const std::unordered_set<std::string>& judging, std::string* how, size_t* verb) {
  for (size_t j = head + 1; j < s.size() && j < head + 25; ++j) {
    if (s.IsClauseBoundary(j)) break;
    if (s.pos(j) != Pos::kVerb) continue;
    if (s.HasFeat(j, "VerbForm=Part") && s.HasFeat(j, "Tense=Pres")) continue;  // "visant"
    VerbGroup g = GroupOf(s, j);
    // A bare participle is the noun's only as an apposition after a comma: after another
    // noun ("l'aide aux migrants envoyée par…") it is that noun's.
    // or right after the noun and its adjectives ("l'offensive lancée par la Russie").
    bool adjacent = true;
    for (size_t k = head + 1; k < g.start; ++k)
      if ((s.pos(k) != Pos::kAdj && !s.InTimex(k)) || s.entity(k) >= 0) adjacent = false;
    bool participle = g.participle_only && s.HasFeat(j, "Tense=Past") && g.start > 0 &&
                      (s.IsComma(g.start - 1) || adjacent);
    if (!(g.passive || participle) || judging.count(s.tok(j).lemma)) return {};
    std::vector<int> agent = AgentAfter(s, j);
    *verb = j;
    if (!agent.empty() && how)
      *how = "agent of the passive '" + std::string(s.surface(j)) + "' the noun is the subject of";
    return agent;
  }
  return {};
}

// The comma opening an adjunct incise within three tokens after a verb head, SIZE_MAX when
// none; NextComma the comma closing it: no verb and no clause boundary in between.
size_t InciseAfter(const SentenceView& s, size_t head) {
  if (s.pos(head) != Pos::kVerb) return SIZE_MAX;
  for (size_t k = head + 1; k < s.size() && k <= head + 3; ++k) {
    if (s.IsComma(k)) return k + 1 < s.size() && s.pos(k + 1) != Pos::kVerb && s.pos(k + 1) != Pos::kAux ? k : SIZE_MAX;
    if (s.IsClauseBoundary(k) || s.pos(k) == Pos::kVerb || s.pos(k) == Pos::kAux) return SIZE_MAX;
  }
  return SIZE_MAX;
}

size_t NextComma(const SentenceView& s, size_t c1) {
  for (size_t k = c1 + 1; k < s.size() && k <= c1 + 16; ++k) {
    if (s.IsComma(k)) return k + 1 < s.size() && !s.IsClauseBoundary(k + 1) ? k : SIZE_MAX;
    if (s.IsClauseBoundary(k) || s.pos(k) == Pos::kVerb || s.pos(k) == Pos::kAux) return SIZE_MAX;
  }
  return SIZE_MAX;
}

// What TryMatch needs of a candidate head whatever the pattern: its verb group, the
// window a pattern may reach, an incise after the verb, and where a fronted object stands.
// Computed once per head (a head has up to dozens of patterns).
struct HeadContext {
  size_t head = 0;
  bool noun = false;
  VerbGroup group;  // verbs only
  size_t end = 0;   // the window's end (after an incise when there is one)
  size_t c1 = SIZE_MAX, c2 = SIZE_MAX;  // the incise's commas
  bool relative = false;  // an object relative: its antecedent is [rel_a, rel_b)
  size_t rel_a = 0, rel_b = 0;
  size_t front_a = 0, front_b = 0;  // where the verb's object stands before it
  const PlaceTable* places = nullptr;  // the coder's (dict/places)
  const PatternSet* patterns = nullptr;  // the coder's (dict/verbs/fr)
  bool explain = false;  // a trace is kept: word how each slot was filled (Match::source_how…)
};

HeadContext ContextOf(const SentenceView& s, size_t head, bool noun) {
  HeadContext c;
  c.head = head;
  c.noun = noun;
  if (!noun) c.group = GroupOf(s, head);
  c.end = WindowEnd(s, head);
  // An adjunct between commas right after the verb ("a signé mardi, lors d'une cérémonie au
  // Kremlin, un accord avec la Chine") is passed over: the window starts after it, and
  // nothing in it fills the pattern.
  if (size_t c1 = InciseAfter(s, head), c2 = c1 == SIZE_MAX ? SIZE_MAX : NextComma(s, c1); c2 != SIZE_MAX) {
    c.c1 = c1;
    c.c2 = c2;
    c.end = std::max(c.end, WindowEnd(s, head + (c2 - c1 + 1)));
  }
  c.relative = !noun && !c.group.passive && events::ObjectRelativeAntecedent(s, c.group, &c.rel_a, &c.rel_b);
  if (!noun && c.group.passive) {
    c.front_a = ClauseStart(s, c.group.start);
    c.front_b = c.group.start;
    // Over a subject relative: "L'explosion qui a endommagé le pont a été attribuée à…".
    size_t q = c.front_a;
    while (q > 0 && c.front_a - q < 4 && s.lemma(q - 1) != "qui" &&
           (s.pos(q - 1) == Pos::kVerb || s.pos(q - 1) == Pos::kAux || s.pos(q - 1) == Pos::kAdv))
      --q;
    if (q > 1 && q < c.front_a && s.lemma(q - 1) == "qui" && s.pos(q - 2) == Pos::kNoun) c.front_a = ClauseStart(s, q - 1);
  } else if (c.relative) {
    c.front_a = c.rel_a;
    c.front_b = c.rel_b;
  } else if (!noun && c.group.participle_only && !c.group.reflexive && s.HasFeat(head, "Tense=Past") &&
             c.group.start > 0 && !s.IsPunct(c.group.start - 1)) {
    PhraseActorsBefore(s, c.group.start, &c.front_a);
    c.front_b = c.group.start;
  }
  return c;
}

bool TryMatch(const SentenceView& s, const HeadContext& ctx, const VerbPattern& p, Match* m) {
  const size_t head = ctx.head;
  m->pattern = &p;
  m->head = m->hi = head;
  bool reciprocal = false;  // "La Chine et les Philippines se sont accusées": each the other's object
  if (!p.noun) {
    m->group = ctx.group;
    if (p.reflexive != m->group.reflexive) {
      reciprocal = !p.reflexive && !p.elements.empty() && p.elements[0].kind == PatternElement::Kind::kTarget &&
                   p.elements[0].words.empty() && SubjectOf(s, m->group, nullptr).size() >= 2;
      if (!reciprocal) return false;
    }
  }
  const size_t end = ctx.end;
  thread_local std::vector<char> used;  // tokens a word or slot took (reused: TryMatch runs for every candidate head)
  used.assign(s.size(), 0);
  if (ctx.c2 != SIZE_MAX)
    for (size_t k = ctx.c1; k <= ctx.c2; ++k) used[k] = 1;
  size_t after = head + 1;  // where a direct slot starts
  size_t last_word = SIZE_MAX;  // the token the previous word element matched
  const size_t rel_a = ctx.rel_a, rel_b = ctx.rel_b;  // the antecedent of an object relative ("l'aide que …")
  const bool relative = ctx.relative;
  size_t fronted_word = SIZE_MAX;  // a word element found before the verb (passive subject, antecedent)
  const size_t front_a = ctx.front_a, front_b = ctx.front_b;  // where the verb's object stands before it
  int words = 0, slots = 0, constrained = 0;
  for (size_t ei = 0; ei < p.elements.size(); ++ei) {
    const PatternElement& e = p.elements[ei];
    if (e.kind == PatternElement::Kind::kWord) {
      size_t j = head + 1;
      // In a noun pattern, a word written before a slot with prepositions stands before them:
      // "frappe:n nucléaire contre [T]" is not "les frappes contre les installations
      // nucléaires".
      size_t stop = end;
      if (p.noun && ei + 1 < p.elements.size() && p.elements[ei + 1].kind != PatternElement::Kind::kWord &&
          !p.elements[ei + 1].words.empty() && !p.elements[ei + 1].words[0].empty()) {
        // Not "de", "à", "en": they also open the word's own complements ("sa préoccupation face
        // à la situation", "le retrait des inspecteurs").
        for (size_t k = head + 1; k < end && stop == end; ++k)
          if (!used[k] && s.pos(k) == Pos::kAdp && !s.IsPreposition(k, "de") && !s.IsPreposition(k, "à") &&
              !s.IsPreposition(k, "en") && MatchPreps(s, k, p.elements[ei + 1]) != SIZE_MAX)
            stop = k;
      }
      while (j < stop && (used[j] || !WordMatches(s, j, e))) ++j;
      if (j >= stop) j = end;
      if (j >= end && front_b > front_a) {
        // The passive makes the object the subject: "De nouvelles sanctions ont été
        // imposées à la Russie" matches "imposer sanction à [T]"; an object relative puts
        // it before "que": "l'aide que la Chine a envoyée à Cuba"; a past participle after
        // its noun: "l'accord signé mardi par…".
        size_t k = front_a;
        size_t k_end = front_b;
        while (k < k_end && !WordMatches(s, k, e)) ++k;
        if (k < k_end) {
          fronted_word = k;
          ++words;
          continue;
        }
      }
      if (j >= end) return false;
      used[j] = 1;
      after = j + 1;
      last_word = j;
      m->hi = std::max(m->hi, j);
      ++words;
      continue;
    }
    bool source = e.kind == PatternElement::Kind::kSource;
    if (reciprocal && !source && e.words.empty()) {
      // The reflexive pronoun: the coordinated subjects act on each other (not counted as a
      // slot: a pattern written reflexive, "se rencontrer", ranks above).
      m->target_how = "reciprocal: the coordinated subjects on each other";
      continue;
    }
    std::vector<int> actors;
    std::string how;
    std::pair<size_t, size_t> open{SIZE_MAX, SIZE_MAX};  // a slot phrase without actor
    std::pair<size_t, size_t> open_np{SIZE_MAX, SIZE_MAX};  // its noun phrase (a passive's subject)
    bool open_is_place = false;  // after a preposition, that phrase is a place ("à Johannesburg")
    if (e.words.empty()) {
      if (!source && m->group.passive && !p.noun) {
        actors = SubjectOf(s, m->group, ctx.explain ? &how : nullptr);
        m->target_is_subject = true;
        if (ctx.explain) how = "passive: the subject (" + how + ") is the target";
        // A subject naming an act with its agent: "L'annexion de la Crimée par la Russie a été
        // condamnée" is aimed at the agent, as in the active voice.
        if (std::vector<int> agent = AgentOfNamedAct(s, ClauseStart(s, m->group.start), m->group.start, ctx.patterns);
            !agent.empty()) {
          actors = std::move(agent);
          how = "passive: the agent of the act its subject names";
        }
        // "Plusieurs villages ont été bombardés par…": a subject naming no actor.
        if (actors.empty()) {
          size_t c = ClauseStart(s, m->group.start);
          if (c < m->group.start && NamesThing(s, c, m->group.start)) {
            open = {m->group.start, m->group.start};
            open_np = {c, m->group.start};
          }
        }
      } else if (!source && !p.noun && m->group.participle_only && !m->group.reflexive &&
                 s.HasFeat(head, "Tense=Past")) {
        actors = ParticipleObject(s, m->group, ctx.explain ? &how : nullptr);
        m->target_is_subject = true;
        if (ctx.explain) how = "past participle: " + how;
      } else {
        size_t k = after;
        while (k < end && used[k]) ++k;  // over an incise
        size_t from = k;
        while (k < end && k < from + 4 && (s.pos(k) == Pos::kAdv || s.pos(k) == Pos::kPunct || s.InTimex(k))) ++k;
        // A place or time complement before the object: "a arrêté à Bogota deux membres…".
        if (k < end && s.pos(k) == Pos::kAdp && !s.IsPreposition(k, "de") && !s.IsPreposition(k, "par")) {
          // The complement: a place's name ("à Bogota", "en République dominicaine").
          size_t pp_end = k + 1;
          if (pp_end < end && s.pos(pp_end) == Pos::kDet) ++pp_end;
          int x = pp_end < end ? s.entity(pp_end) : -1;
          if (x >= 0) {
            while (pp_end < end && s.entity(pp_end) == x) ++pp_end;
          } else if (pp_end >= end || s.pos(pp_end) != Pos::kPropn) {
            pp_end = k + 1;
          }
          // The rest of a name the entity covers only in part, or a name no entity covers:
          // "à Camp David", "à Downing Street".
          if (pp_end > k + 1 || x < 0)
            while (pp_end < end && s.pos(pp_end) == Pos::kPropn && s.entity(pp_end) < 0) ++pp_end;
          if (pp_end > k + 1 && pp_end < end && (s.pos(pp_end) == Pos::kDet || s.pos(pp_end) == Pos::kNum)) {
            k = pp_end;
          } else if (k + 2 < end && s.pos(k + 1) == Pos::kNoun && s.entity(k + 1) < 0) {
            // A manner complement, a bare noun: "a condamné avec fermeté le raid…", "a
            // dénoncé sans ambiguïté l'annexion…".
            size_t m_end = k + 2;
            while (m_end < end && s.pos(m_end) == Pos::kAdj && s.entity(m_end) < 0) ++m_end;
            if (m_end < end && (s.pos(m_end) == Pos::kDet || s.pos(m_end) == Pos::kNum)) k = m_end;
          }
        }
        // The partitive article "des" the tagger reads as the preposition de + les: "passe à
        // tabac des opposants", "a expulsé des diplomates russes" (a direct object, not "de [T]").
        bool partitive = !p.noun && k < end && k == from && s.pos(k) == Pos::kAdp && s.surface(k) == "des" && k + 1 < end &&
                         (s.pos(k + 1) == Pos::kNoun || s.pos(k + 1) == Pos::kAdj || s.pos(k + 1) == Pos::kNum);
        if (k < end && (s.pos(k) != Pos::kAdp || partitive)) {
          size_t np_end = k;
          actors = PhraseActors(s, partitive ? k + 1 : k, &np_end);
          // An act named with its agent ("l'annexion de la Crimée par la Russie", "l'attaque
          // menée par le Hamas"): the agent is the one the verb is about.
          size_t by = np_end;
          if (by < end && s.pos(by) == Pos::kVerb && s.HasFeat(by, "VerbForm=Part") && s.HasFeat(by, "Tense=Past")) ++by;
          std::vector<int> agent;
          size_t agent_end = by;
          if (NamesThing(s, k, np_end) && by + 1 < end && s.IsPreposition(by, "par"))
            agent = PhraseActors(s, by + 1, &agent_end);
          if (!agent.empty()) {
            actors = std::move(agent);
            np_end = ActorsEnd(s, by + 1, agent_end, actors);
          } else if (!actors.empty()) {
            np_end = ActorsEnd(s, k, np_end, actors);
          } else if (NamesThing(s, k, np_end) || NamesPlace(s, k, np_end, ctx.places)) {
            open = open_np = {k, np_end};
          }
          m->hi = std::max(m->hi, np_end - 1);
          after = np_end;
          how = "direct object";
        }
        if (actors.empty() && relative) {
          // The antecedent of an object relative is the direct object: "les diplomates russes
          // que la Pologne a expulsés".
          actors = PhraseActors(s, rel_a);
          std::erase_if(actors, [&](int x) {
            for (size_t k = rel_a; k < rel_b; ++k)
              if (s.entity(k) == x) return false;
            return true;
          });
          if (!actors.empty()) how = "antecedent of the object relative";
        }
        if (actors.empty() && !p.noun) {
          actors = CliticObject(s, m->group);
          if (!actors.empty()) how = "object clitic -> the last other actor named before";
        }
      }
    } else {
      for (size_t j = head + 1; j < end && actors.empty(); ++j) {
        // An infinitive (not one of the pattern's words) starts its own phrase: "un appel aux
        // donateurs pour financer l'aide aux migrants vénézuéliens".
        if (s.pos(j) == Pos::kVerb && !used[j] && (last_word == SIZE_MAX || j > last_word) && s.HasFeat(j, "VerbForm=Inf")) break;
        if (used[j]) continue;
        // Most tokens cannot start the slot's prepositions (MatchPreps is SIZE_MAX): only the
        // adjunct check below stops at them.
        const bool may = MayMatchPreps(s, j, e);
        // A time or concession adjunct holds no slot of the verb: "a annoncé des sanctions
        // après la mort de l'opposant au Kremlin" is no "annoncer à [T]".
        if (s.pos(j) == Pos::kAdp && j > head + 1) {
          std::string_view l = s.lemma(j);
          if ((l == "après" || l == "avant" || l == "malgré" || l == "depuis" || l == "pendant") &&
              !(s.surface(j - 1) == "d'" || s.surface(j - 1) == "D'") && (!may || MatchPreps(s, j, e) == SIZE_MAX))
            break;
        }
        if (!may) continue;
        if (j > 0 && !used[j - 1] && s.IsPreposition(j, "de") && LocutionNoun(s.lemma(j - 1))) continue;
        // Inside a proper name ("Afrique du Sud"), not a title ("l'ambassadeur de Russie").
        if (s.entity(j) >= 0 && s.doc().entities[s.entity(j)].via == "name" &&
            s.doc().entities[s.entity(j)].span.start < s.tok(j).span.start)
          continue;
        size_t np = MatchPreps(s, j, e);
        if (np == SIZE_MAX) continue;
        size_t np_end = np;
        actors = PhraseActors(s, np, &np_end);
        if (actors.empty()) {
          if (open.first == SIZE_MAX) {
            open_is_place = NamesPlace(s, np, np_end, ctx.places);
            if (open_is_place || NamesThing(s, np, np_end)) {
              open = {j, np_end};
              open_np = {np, np_end};
            }
          }
          continue;
        }
        np_end = ActorsEnd(s, np, np_end, actors);
        if (ctx.explain) how = "after '" + std::string(s.surface(j)) + "'";
        // "a condamné l'annexion de la Crimée par la Russie": the act the pattern's noun names
        // has its agent right after the phrase; it is the one aimed at.
        if (last_word != SIZE_MAX && j == last_word + 1) {
          size_t by = np_end;
          if (by < end && s.pos(by) == Pos::kVerb && s.HasFeat(by, "VerbForm=Part")) ++by;  // "menée par"
          if (by + 1 < end && s.IsPreposition(by, "par")) {
            size_t agent_end = by + 1;
            std::vector<int> agent = NamesAct(s, last_word, ctx.patterns) ? PhraseActors(s, by + 1, &agent_end)
                                                                           : std::vector<int>{};
            if (!agent.empty()) {
              actors = std::move(agent);
              np_end = ActorsEnd(s, by + 1, agent_end, actors);
              if (ctx.explain) how = "the agent of the act named by '" + std::string(s.surface(last_word)) + "'";
            }
          }
        }
        for (size_t k = j; k < np_end; ++k) used[k] = 1;
        m->hi = std::max(m->hi, np_end - 1);
        after = np_end;
      }
      // The slot in the fronted object after its word: "les ambassadeurs de France ont
      // été convoqués" matches "convoquer ambassadeur de [T]".
      if (actors.empty() && fronted_word != SIZE_MAX) {
        size_t k_end = front_b;
        for (size_t j = fronted_word + 1; j < k_end && actors.empty(); ++j) {
          size_t np = MatchPreps(s, j, e);
          if (np == SIZE_MAX || np >= k_end) continue;
          actors = PhraseActors(s, np);
          if (!actors.empty() && ctx.explain) how = "after '" + std::string(s.surface(j)) + "' in the fronted object";
        }
        // The act it names has its agent there: "L'annexion de quatre régions ukrainiennes par
        // la Russie a été condamnée" is aimed at the agent, not at what was annexed.
        if (!actors.empty()) {
          if (std::vector<int> agent = AgentOfNamedAct(s, fronted_word, k_end, ctx.patterns); !agent.empty()) {
            actors = std::move(agent);
            how = "the agent of the act the fronted object names";
          }
        }
        if (!actors.empty() && m->group.passive) m->target_is_subject = true;
      }
      // A relative "avec qui", "à qui" before the group fills the slot of its preposition with
      // the antecedent: "son homologue ukrainien, avec qui il a signé un accord".
      if (actors.empty() && !p.noun) {
        size_t k = m->group.start;
        if (k > 0 && s.pos(k - 1) == Pos::kPron && s.lemma(k - 1) != "qui") --k;  // the subject pronoun
        if (k >= 2 && s.lemma(k - 1) == "qui" && s.pos(k - 2) == Pos::kAdp && MatchPreps(s, k - 2, e) == k - 1) {
          size_t a = k - 2;
          if (a > 0 && s.IsComma(a - 1)) --a;
          actors = PhraseActorsBefore(s, a);
          if (!actors.empty() && ctx.explain) how = "antecedent of '" + std::string(s.surface(k - 2)) + " qui'";
        }
      }
      // A dative clitic for "à [T]": "La Russie lui a livré des armes".
      // (The words compared as views: a const char* would be compared by a call per word.)
      if (actors.empty() && !p.noun && std::find(e.words.begin(), e.words.end(), std::string_view("à")) != e.words.end()) {
        bool dative = false;
        for (size_t k = m->group.start; k < m->group.head; ++k)
          if (s.pos(k) == Pos::kPron && (s.surface(k) == "lui" || s.surface(k) == "leur")) dative = true;
        if (dative) {
          actors = CliticObject(s, m->group, true);
          if (!actors.empty()) how = "dative clitic -> the last actor of another state named before";
        }
      }
      // "de [T]" after a noun of the pattern is also the title that noun heads:
      // "convoquer l'ambassadeur russe" as "convoquer l'ambassadeur de Russie". (A bare
      // demonym, "deux diplomates biélorusses", is left to the patterns with a direct object.)
      if (actors.empty() && last_word != SIZE_MAX &&
          std::find(e.words.begin(), e.words.end(), std::string_view("de")) != e.words.end()) {
        const auto& ents = s.doc().entities;
        int x = s.entity(last_word);
        if (x >= 0 && ents[x].type != "LOC" && events::HasActorCode(ents[x])) {
          actors = {x};
          how = "the title the pattern's noun heads";
        }
      }
    }
    if (std::string_view(e.actor_class) == "pop") {
      // A population named by a demonym noun ("des milliers de Vénézuéliens"), not a state.
      std::erase_if(actors, [&](int x) { return !IsPopulation(s, x); });
      if (actors.empty()) return false;
      ++constrained;
    }
    if (actors.empty() && !source && e.actor_class.empty() && open.first != SIZE_MAX && !m->open_target &&
        m->targets.empty() && (MaterialRoot(p.code) || (open_is_place && PlaceTargetOnly(p.code)))) {
      // The target's phrase is there and names no actor: an act without an actor target.
      if (open.second > open.first) {  // after the head (a passive's subject is before it)
        for (size_t k = open.first; k < open.second; ++k) used[k] = 1;
        m->hi = std::max(m->hi, open.second - 1);
        after = open.second;
      }
      m->open_target = true;
      m->open_phrase = open_np;
      m->target_how = "the object names no actor";
      continue;
    }
    if (actors.empty()) return false;
    (source ? m->sources : m->targets) = std::move(actors);
    (source ? m->source_how : m->target_how) = how;
    ++slots;
  }
  m->score = 2 * words + slots + constrained + (p.reflexive ? 1 : 0);
  // A slot without actor ranks below every complete match, and never hides one.
  if (m->open_target) m->score = -1;
  return true;
}

std::string Describe(const Doc& doc, const std::vector<int>& actors) {
  std::string out;
  for (int e : actors) {
    if (!out.empty()) out += " + ";
    const Entity& ent = doc.entities[e];
    out += fmt::format("{} [{} {}]", ent.span.of(doc.text), ent.id, ent.actor);
  }
  return out.empty() ? "none" : out;
}

EventActor ActorOf(const Doc& doc, int e) {
  const Entity& ent = doc.entities[e];
  return EventActor{ent.span, ent.id, ent.name, events::ActorCode(ent)};
}

}  // namespace

EventCoder::EventCoder() : k_(std::make_unique<Knowledge>()) {}
EventCoder::~EventCoder() = default;
EventCoder::EventCoder(EventCoder&&) noexcept = default;

EventCoder EventCoder::Load() {
  EventCoder c;
  c.k_->codebook = Codebook::Load();
  c.k_->patterns = PatternSet::Load(c.k_->codebook);
  c.k_->places = PlaceTable::Load();
  c.k_->word_filter = std::make_unique<events::WordFilter>(c.k_->patterns);
  std::unordered_map<std::string, std::pair<bool, bool>> heads;  // verb head -> (asks, other roots)
  for (const VerbPattern& p : c.k_->patterns.all()) {
    if (p.noun) continue;
    std::string_view r = std::string_view(p.code).substr(0, 2);
    auto& [asks, other] = heads[p.head];
    asks = asks || r == "02" || r == "10";
    other = other || r == "01" || r == "11" || r == "12" || (r >= "14" && r <= "20");
  }
  for (const auto& [head, kinds] : heads)
    if (kinds.first && !kinds.second) c.k_->request_verbs.insert(head);
  std::unordered_map<std::string, std::pair<bool, bool>> reacts;  // verb head -> (reaction, other acts)
  for (const VerbPattern& p : c.k_->patterns.all()) {
    if (p.noun) continue;
    std::string_view r = std::string_view(p.code).substr(0, 2);
    auto& [reaction, other] = reacts[p.head];
    // The verb alone says it: "dénoncer [T]", "protester contre [T]" (not "tenir [T] pour responsable").
    bool alone = p.elements.size() == 1 && p.elements[0].kind == PatternElement::Kind::kTarget;
    reaction = reaction || ((r == "11" || r == "12" || r == "14") && alone);
    // Reducing relations (16: "dénoncer un traité") and threats (13) are reactions too.
    other = other || (r >= "03" && r <= "10") || r == "15" || r >= "17";
  }
  for (const auto& [head, kinds] : reacts)
    if (kinds.first && !kinds.second) c.k_->reaction_verbs.insert(head);
  for (const VerbPattern& p : c.k_->patterns.all()) {
    std::string_view r = std::string_view(p.code).substr(0, 2);
    bool judges = r == "01" || r == "02" || r == "05" || r == "10" || r == "11" || r == "12";
    if (!p.noun && judges && !p.elements.empty() && p.elements[0].kind == PatternElement::Kind::kTarget &&
        p.elements[0].words.empty())
      c.k_->judging_verbs.insert(p.head);
  }
  return c;
}

const Codebook& EventCoder::codebook() const { return k_->codebook; }
const PatternSet& EventCoder::patterns() const { return k_->patterns; }

namespace {

// Whether `text` has a subject pronoun (il, elle, ils, elles) or an anaphoric subject
// ("les deux", "ce dernier", "celui-ci") as a word.
bool HasSubjectPronoun(std::string_view text) {
  static constexpr std::string_view kWords[] = {"il",          "Il",           "elle",         "Elle",
                                                "ils",         "Ils",          "elles",        "Elles",
                                                "Les deux",    "les deux",     "Ce dernier",   "ce dernier",
                                                "Cette dernière", "cette dernière", "Celui-ci", "Celle-ci"};
  auto is_letter = [](unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  for (std::string_view w : kWords) {
    for (size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + 1)) {
      bool left = at == 0 || !is_letter(text[at - 1]);
      size_t end = at + w.size();
      bool right = end == text.size() || (!is_letter(text[end]) && static_cast<unsigned char>(text[end]) < 0x80);
      if (left && right) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<uint32_t> EventCoder::SentencesWithActors(const Doc& doc) {
  std::vector<uint32_t> out;
  size_t e = 0;
  bool previous = false;  // the previous sentence names an actor
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    Span span = doc.sentences[s];
    while (e < doc.entities.size() && doc.entities[e].span.end <= span.start) ++e;
    bool actor = false;
    for (size_t k = e; k < doc.entities.size() && doc.entities[k].span.start < span.end; ++k) {
      if (!doc.entities[k].actor.empty()) {
        actor = true;
        break;
      }
    }
    // A sentence whose subject is a pronoun for the previous one's actor ("Il l'a remercié").
    if (actor || (previous && HasSubjectPronoun(span.of(doc.text)))) out.push_back(s);
    previous = actor;
  }
  return out;
}

void EventCoder::Run(Doc& doc, std::vector<std::string>* trace) const {
  const PatternSet& patterns = k_->patterns;
  auto note = [&](const std::string& line) {
    if (trace) trace->push_back(line);
  };
  size_t t = 0;
  SentenceView::Cursor cursor;
  while (t < doc.tokens.size()) {
    uint32_t sent = doc.tokens[t].sentence;
    size_t end = t;
    while (end < doc.tokens.size() && doc.tokens[end].sentence == sent) ++end;
    SentenceView s(doc, sent, t, end, &cursor);
    t = end;

    bool place_known = false;
    std::optional<Place> place;

    std::vector<Match> matches;
    std::optional<events::WordFilter::Words> words;  // the sentence's, at its first candidate head
    for (size_t i = 0; i < s.size(); ++i) {
      // A noun the tagger read as an adjective after a determiner or a noun ("de vastes/NOUN
      // manœuvres/ADJ"): a noun head still.
      bool noun = s.pos(i) == Pos::kNoun ||
                  (s.pos(i) == Pos::kAdj && i > 0 && s.entity(i) < 0 &&
                   (s.pos(i - 1) == Pos::kDet || s.pos(i - 1) == Pos::kNoun) && !patterns.ForHead(s.lemma(i), s.lemma_key(i), true).empty());
      if (!noun && s.pos(i) != Pos::kVerb) continue;
      const auto& candidates = patterns.ForHead(s.lemma(i), s.lemma_key(i), noun);
      if (candidates.empty()) continue;
      if (!words) words = events::WordFilter::Of(s);
      std::optional<HeadContext> ctx;  // at the first pattern whose words are in the sentence
      for (const VerbPattern* p : candidates) {
        if (!k_->word_filter->MayMatch(*words, *p)) {
          if (trace) note(fmt::format("  no match: {} '{}' at '{}'", p->rule, p->text, s.surface(i)));
          continue;
        }
        if (!ctx) {
          ctx = ContextOf(s, i, noun);
          ctx->places = &k_->places;
          ctx->patterns = &patterns;
          ctx->explain = trace != nullptr;
        }
        Match m;
        if (TryMatch(s, *ctx, *p, &m)) {
          // A material act on an object naming no person, group, place or materiel is no
          // act on anyone: "Washington a arrêté sa décision", "poursuivent leurs efforts"
          // (an investigation's object is a matter: "enquêtent sur la chute d'un missile").
          if (m.open_target && p->code.compare(0, 2, "09") != 0) {
            if (const std::string* rule = AbstractHead(s, m.open_phrase, patterns)) {
              if (trace)
                note(fmt::format("  no match: {} '{}' at '{}': its object is abstract ({})", p->rule, p->text,
                                 s.surface(i), *rule));
              continue;
            }
          }
          matches.push_back(std::move(m));
        } else if (trace) note(fmt::format("  no match: {} '{}' at '{}'", p->rule, p->text, s.surface(i)));
      }
    }
    // Best first: the matches' addresses sorted (a Match is large: moving them cost more
    // than the comparisons); the other uses of `matches` below do not depend on its order.
    std::vector<const Match*> ranked(matches.size());
    for (size_t k = 0; k < matches.size(); ++k) ranked[k] = &matches[k];
    std::stable_sort(ranked.begin(), ranked.end(), [](const Match* a, const Match* b) {
      return a->score != b->score ? a->score > b->score : a->pattern->order < b->pattern->order;
    });
    // An accusation's object is the accused act, not coded (gold rule 8): "a accusé l'Inde
    // d'être impliquée dans l'assassinat d'un militant", "… de deux drones lancés contre le
    // Kremlin". Its scope runs to the next finite verb.
    size_t accused_from = SIZE_MAX, accused_to = SIZE_MAX;
    for (const Match& m : matches)
      if (!m.pattern->noun && m.pattern->code.starts_with("112") && m.head < accused_from) accused_from = m.head;
    // A relative clause inside it is part of the accused act ("d'avoir soutenu le commando
    // serbe qui a attaqué la police kosovare").
    auto in_relative = [&](size_t k) {
      for (size_t r = k; r > 0 && k - r < 3;) {
        --r;
        if (s.pos(r) == Pos::kPron && (s.lemma(r) == "qui" || s.lemma(r) == "que" || s.lemma(r) == "dont")) return true;
        if (!(s.pos(r) == Pos::kAux || s.pos(r) == Pos::kPron || s.pos(r) == Pos::kAdv)) return false;
      }
      return false;
    };
    if (accused_from != SIZE_MAX) {
      accused_to = accused_from + 1;
      while (accused_to < s.size() && !(s.IsPunct(accused_to) && s.IsClauseBoundary(accused_to)) &&
             !((s.pos(accused_to) == Pos::kVerb || s.pos(accused_to) == Pos::kAux) &&
               (s.HasFeat(accused_to, "VerbForm=Fin") || s.HasFeat(accused_to, "Mood=Ind")) && !in_relative(accused_to)))
        ++accused_to;
    }
    // Best first; a match nested in an accepted one is dropped. A match without a source
    // is not accepted, so a shorter one inside it may still code the event.
    std::vector<const Match*> accepted;
    for (const Match* ranked_match : ranked) {
      const Match& candidate = *ranked_match;
      if ((candidate.pattern->noun || in_relative(candidate.group.start)) && accused_from != SIZE_MAX &&
          candidate.head > accused_from && candidate.head < accused_to) {
        if (trace) note(fmt::format("  dropped: {} '{}' (the act an accusation is about)", candidate.pattern->rule,
                                    candidate.pattern->text));
        continue;
      }
      // A cooperation named as the object of its ending or refusal ("a suspendu son partenariat
      // stratégique avec la Géorgie"), sanctions named by their lifting ("la levée des sanctions
      // américaines contre la Syrie"): the ending's pattern names the noun, only its act is coded.
      if (candidate.pattern->noun && std::any_of(matches.begin(), matches.end(), [&](const Match& o) {
            if (o.head >= candidate.head || candidate.head > o.hi || o.score < 0) return false;
            const std::string& oc = o.pattern->code;
            if (!(oc.starts_with("12") || oc.starts_with("16") || oc.starts_with("08"))) return false;
            static constexpr std::string_view kEnders[] = {
                "suspendre", "rompre",   "geler",          "dénoncer", "quitter",    "refuser",     "rejeter",
                "annuler",   "interrompre", "mettre",      "lever",    "levée",      "alléger",     "allègement",
                "assouplir", "assouplissement", "suspension", "baisse", "réduction", "fin"};
            if (std::find(std::begin(kEnders), std::end(kEnders), s.lemma(o.head)) == std::end(kEnders)) return false;
            std::string_view noun = s.lemma(candidate.head);
            return std::any_of(o.pattern->elements.begin(), o.pattern->elements.end(), [&](const PatternElement& e) {
              return e.kind == PatternElement::Kind::kWord && std::find(e.words.begin(), e.words.end(), noun) != e.words.end();
            });
          })) {
        if (trace) note(fmt::format("  dropped: {} '{}' (named by an ending or a refusal)", candidate.pattern->rule,
                                    candidate.pattern->text));
        continue;
      }
      bool nested = std::any_of(accepted.begin(), accepted.end(), [&](const Match* a) {
        size_t lo = a->pattern->noun ? a->head : a->group.start;
        return candidate.head == a->head || (candidate.head >= lo && candidate.head <= a->hi);
      });
      // A nominal event with its own agent inside another event's object is an event too:
      // "n'ont pas condamné les frappes américaines contre l'Iran", "a jugé inacceptable la
      // détention d'un ressortissant français par l'Iran" (a "par [S]" agent slot filled).
      // A weapon's demonym in another act's object is its maker ("L'Ukraine a tiré des
      // missiles américains sur le territoire russe"), not an agent.
      auto weapon = [&](size_t h) {
        std::string_view l = s.lemma(h);
        return l == "missile" || l == "drone" || l == "obus" || l == "roquette" || l == "arme" || l == "char" ||
               l == "avion" || l == "munition" || l == "bombe";
      };
      if (nested && candidate.pattern->noun &&
          ((DemonymAgent(s, candidate.head) >= 0 && !weapon(candidate.head)) ||
           !NounAgentAfter(s, candidate.head).empty() ||
           (!candidate.sources.empty() &&
            std::any_of(candidate.pattern->elements.begin(), candidate.pattern->elements.end(), [](const PatternElement& e) {
              return e.kind == PatternElement::Kind::kSource &&
                     std::find(e.words.begin(), e.words.end(), "par") != e.words.end();
            }))) &&
          std::none_of(accepted.begin(), accepted.end(), [&](const Match* a) { return a->head == candidate.head; }))
        nested = false;
      if (nested) {
        if (trace) note(fmt::format("  dropped: {} '{}' (inside a better match)", candidate.pattern->rule, candidate.pattern->text));
        continue;
      }
      // "a exclu l'envoi d'avions allemands à l'Ukraine": ruling out (exclure, écarter) an act
      // its object names is that act refused, not an exclusion of whom the act names.
      if (!candidate.pattern->noun && patterns.ModalityOf(s.lemma(candidate.head)) == Modality::kNegatedHypothetical &&
          std::any_of(matches.begin(), matches.end(), [&](const Match& o) {
            return o.pattern->noun && o.head > candidate.head && o.head <= candidate.hi;
          })) {
        if (trace) note(fmt::format("  dropped: {} '{}' (its object names an act it rules out)", candidate.pattern->rule,
                                    candidate.pattern->text));
        continue;
      }
      Match m = candidate;
      const VerbPattern& p = *m.pattern;
      // How the source and the target were found is for the trace only: not worded otherwise.
      std::string* const source_how = trace ? &m.source_how : nullptr;
      std::string* const target_how = trace ? &m.target_how : nullptr;
      if (trace) note(fmt::format("match {} [{}] '{}' at '{}'", p.rule, p.code, p.text, s.surface(m.head)));
      // Source.
      bool after_que = false;
      size_t verb = p.noun ? VerbBefore(s, m.head, &after_que) : m.head;
      // A hostile act named as a noun in a "que" clause is not the main clause subject's: "Téhéran
      // a averti qu'une attaque contre ses sites entraînerait une riposte" (a meeting "qu'un
      // entretien avec Poutine aurait lieu", announced by its participant, still is).
      if (after_que && p.code.compare(0, 2, "13") >= 0) verb = SIZE_MAX;
      VerbGroup g = p.noun ? (verb == SIZE_MAX ? VerbGroup{} : GroupOf(s, verb)) : m.group;
      // A "[S]" slot filled by the noun's demonym adjective ("les frappes russes contre
      // l'Ukraine"): the noun has its own agent, so the clause's verb is not its polarity.
      int agent = p.noun ? DemonymAgent(s, m.head) : -1;
      bool clause_agent = false;  // a noun's source is the subject of the clause's verb
      if (agent >= 0 && m.sources.size() == 1 && m.sources[0] == agent) g = VerbGroup{};
      if (m.sources.empty() && agent >= 0) {
        if (std::find(m.targets.begin(), m.targets.end(), agent) == m.targets.end()) {
          m.sources = {agent};
          m.source_how = "demonym adjective of the noun";
          // Its own agent: the clause's verb ("n'ont pas condamné les frappes russes") is not its polarity.
          g = VerbGroup{};
        }
      }
      // The demonym of the forces or weapons that carry out a use of force named by the noun:
      // "a protesté après l'incursion d'un avion militaire chinois dans son espace aérien".
      if (m.sources.empty() && p.noun && (p.code.compare(0, 2, "15") == 0 || p.code.compare(0, 2, "18") >= 0)) {
        int asset = AssetAgent(s, m.head);
        if (asset >= 0 && std::find(m.targets.begin(), m.targets.end(), asset) == m.targets.end()) {
          m.sources = {asset};
          m.source_how = "demonym of the forces or weapons after 'de'";
          g = VerbGroup{};
        }
      }
      if (m.sources.empty() && p.noun && verb != SIZE_MAX) {
        // "a opposé une fin de non-recevoir à la demande formulée par Georgetown": a participle
        // right after the noun names its agent, whatever the clause's subject.
        size_t by = SIZE_MAX;
        std::vector<int> agent = NounPassiveAgent(s, m.head, k_->judging_verbs, source_how, &by);
        if (!agent.empty() && by != SIZE_MAX && GroupOf(s, by).participle_only) {
          bool adjacent = true;
          for (size_t k = m.head + 1; k < by; ++k)
            if ((s.pos(k) != Pos::kAdj && !s.InTimex(k)) || s.entity(k) >= 0) adjacent = false;
          if (adjacent) m.sources = std::move(agent);
        }
      }
      if (m.sources.empty() && p.noun && verb != SIZE_MAX && m.head > verb) {
        // "Lula a reçu le président chinois, en visite d'État au Brésil": a noun in an incise
        // after the verb's object describes that object, not the clause's subject.
        size_t k = m.head;
        while (k > verb + 1 && m.head - k < 4 && !s.IsComma(k - 1) && !s.IsClauseBoundary(k - 1) &&
               s.pos(k - 1) != Pos::kVerb && s.pos(k - 1) != Pos::kAux)
          --k;
        size_t np = 0;
        if (k > verb + 2 && k < m.head && s.IsComma(k - 1) && (s.pos(k) == Pos::kAdp || s.lemma(k) == "lors") &&
            !PhraseActorsBefore(s, k - 1, &np).empty() && np > verb && s.pos(np - 1) != Pos::kAdp) {
          m.sources = PhraseActorsBefore(s, k - 1);
          if (!m.sources.empty()) m.source_how = "the object phrase before the incise holding the noun";
        }
      }
      if (m.sources.empty()) {
        bool participial_clause = !p.noun && events::ParticipialClauseVerb(s, m.group) != SIZE_MAX;
        if (!p.noun && (g.passive || (m.group.participle_only && !participial_clause))) {
          m.sources = AgentAfter(s, m.head);
          m.source_how = g.passive ? "passive agent after 'par'" : "agent of the participle";
          if (m.sources.empty() && g.passive && m.group.participle_only) m.source_how = "no agent";
          // An agentless passive in a reported clause: the speaker announces its own act ("des
          // informations ont été partagées avec…, a indiqué le FBI"), not one done to it.
          if (m.sources.empty() && g.passive && !m.group.participle_only && SpeakerActs(p.code)) {
            m.sources = events::QuoteSpeaker(s, m.head, true);
            // A non-governmental or international body reports force and coercion, it does not
            // use them ("Selon l'ONG Foro Penal, 1 300 manifestants auraient été arrêtés").
            std::erase_if(m.sources, [&](int x) {
              std::string a = events::ActorCode(doc.entities[x]);
              return p.code.compare(0, 2, "15") >= 0 && (a.starts_with("NGO") || a.starts_with("IGO"));
            });
            m.source_how = "agentless passive: the speaker of the reported clause";
          }
          if (m.sources.empty() && g.passive) m.sources = PassiveParticipants(s, m.head, p.code, source_how);
          // An accusation in apposition after the main clause's object ("a rompu ses relations
          // avec le Rwanda, accusé de soutenir les rebelles"): the main clause's subject accuses.
          if (m.sources.empty() && m.group.participle_only && p.code.starts_with("112") && m.group.start > 1 &&
              s.IsComma(m.group.start - 1)) {
            size_t main = VerbBefore(s, m.group.start - 1);
            if (main != SIZE_MAX) {
              m.sources = SubjectOf(s, GroupOf(s, main), nullptr);
              std::erase_if(m.sources, [&](int x) {
                return std::find(m.targets.begin(), m.targets.end(), x) != m.targets.end();
              });
              if (!m.sources.empty()) m.source_how = "an accusation in apposition: the subject of '" + std::string(s.surface(main)) + "'";
            }
          }
        } else if (verb != SIZE_MAX && !(p.noun && TopicOfNoun(s, m.head))) {
          m.sources = SubjectOf(s, g, source_how);
          clause_agent = true;
          if (p.noun) m.source_how = "subject of '" + std::string(s.surface(verb)) + "' (" + m.source_how + ")";
        }
      }
      if (m.sources.empty() && p.noun) {
        // "la libération de dix Américains par Caracas": an agent before any verb.
        size_t by = SIZE_MAX;
        m.sources = NounAgentAfter(s, m.head, &by);
        if (!m.sources.empty()) m.source_how = "agent of the noun after '" + std::string(s.surface(by)) + "'";
        // "les accusations de Moscou contre Kiev": the genitive when the target is elsewhere.
        if (m.sources.empty() && !m.targets.empty() && m.head + 1 < s.size() && s.IsPreposition(m.head + 1, "de")) {
          std::vector<int> gen = PhraseActors(s, m.head + 2);
          bool is_target = std::any_of(gen.begin(), gen.end(), [&](int e) {
            return std::find(m.targets.begin(), m.targets.end(), e) != m.targets.end();
          });
          if (!gen.empty() && !is_target) {
            m.sources = std::move(gen);
            m.source_how = "genitive of the noun";
          }
        }
      }
      if (m.sources.empty() && p.noun && verb == SIZE_MAX) {
        // "Une enquête sur le sabotage … a été ouverte par la justice allemande": the noun
        // is the subject of a passive whose agent does it.
        size_t agent_verb = SIZE_MAX;
        std::vector<int> agent = NounPassiveAgent(s, m.head, k_->judging_verbs, source_how, &agent_verb);
        // A verb coding an event of its own is that event's, not the noun's.
        bool coded = std::any_of(matches.begin(), matches.end(), [&](const Match& o) {
          return !o.pattern->noun && o.head > m.head && o.head < m.head + 25 && o.head == agent_verb;
        });
        if (!coded) m.sources = std::move(agent);
      }
      if (m.sources.empty() && p.noun && verb == SIZE_MAX) {
        // "Sergueï Lavrov, en visite à Pretoria, a…": a noun in an incise after the phrase
        // it describes.
        size_t k = m.head;
        while (k > 0 && m.head - k < 4 && !s.IsComma(k - 1) && !s.IsClauseBoundary(k - 1) && s.pos(k - 1) != Pos::kVerb &&
               s.pos(k - 1) != Pos::kAux)
          --k;
        size_t np = 0;
        if (k > 1 && k < m.head && s.IsComma(k - 1) && (s.pos(k) == Pos::kAdp || s.lemma(k) == "lors") &&
            !PhraseActorsBefore(s, k - 1, &np).empty() && (np == 0 || s.pos(np - 1) != Pos::kAdp)) {
          m.sources = PhraseActorsBefore(s, k - 1);
          if (!m.sources.empty()) m.source_how = "the phrase before the incise holding the noun";
        }
      }
      if (m.sources.empty() && p.noun && verb == SIZE_MAX) {
        // "Lors d'un entretien avec Macron, Poutine a défendu…": the subject of the main
        // clause after the fronted phrase.
        m.sources = MainClauseSubject(s, m.head + 1, source_how);
      }
      if (m.sources.empty() && p.noun && verb == SIZE_MAX) {
        // "la signature d'un accord entre la Chine et l'Iran": the participants after "entre".
        for (size_t j = m.head + 1, end = WindowEnd(s, m.head); j < end && m.sources.empty(); ++j) {
          if (!s.IsPreposition(j, "entre")) continue;
          std::vector<int> both = PhraseActors(s, j + 1);
          if (both.size() >= 2) {
            m.sources = std::move(both);
            m.source_how = "participants after 'entre'";
          }
        }
      }
      if (m.sources.empty()) {
        if (trace) note("  no source actor: no event");
        continue;
      }
      // An act between other actors asked for by the clause's subject ("Kiev réclame une
      // rencontre entre Zelensky et Poutine") has not happened; the subject's own act
      // ("a appelé à une grève générale") is coded as the dictionary says.
      // An act without an actor target asked for ("a réclamé l'ouverture d'enquêtes sur les
      // violences") is the request only, whoever is to do it; so is a concession asked for
      // (08: "a réclamé la libération des otages détenus par le Hamas"), which the addressee
      // would make, not the one who asks.
      if (p.noun && verb != SIZE_MAX && k_->request_verbs.count(s.tok(verb).lemma) &&
          (!clause_agent || m.open_target || p.code.compare(0, 2, "08") == 0)) {
        if (trace) note(fmt::format("  asked for by '{}', not done: no event", s.surface(verb)));
        continue;
      }
      if (InConditionClause(s, p.noun ? m.head : m.group.start)) {
        // "… si l'OTAN déployait des troupes en Ukraine": a condition, not an event.
        if (trace) note("  in a condition ('si …'): no event");
        continue;
      }
      if (!p.noun && g.infinitive) {
        // "Paris a demandé à Moscou de retirer ses troupes": the act asked of the object has
        // not happened.
        size_t asks = RequestedOf(s, g.start, k_->request_verbs);
        if (asks != SIZE_MAX) {
          if (trace) note(fmt::format("  asked of its object by '{}', not done: no event", s.surface(asks)));
          continue;
        }
        // "Kiev a accusé Moscou d'avoir bombardé…": the act its object is blamed for is alleged.
        size_t blames = RequestedOf(s, g.start, k_->reaction_verbs);
        if (blames != SIZE_MAX) {
          if (trace) note(fmt::format("  alleged by '{}': no event", s.surface(blames)));
          continue;
        }
      }
      if (p.noun && clause_agent && k_->reaction_verbs.count(s.tok(verb).lemma)) {
        // The act's own agent, if named: "a dénoncé de nouvelles menaces de la part de Moscou".
        std::vector<int> own = NounAgentAfter(s, m.head);
        std::erase_if(own, [&](int x) { return std::find(m.targets.begin(), m.targets.end(), x) != m.targets.end(); });
        if (own.empty()) {
          if (trace) note(fmt::format("  the subject of '{}' reacts to it, does not do it: no event", s.surface(verb)));
          continue;
        }
        m.sources = std::move(own);
        m.source_how = "the act's own agent (the subject of '" + std::string(s.surface(verb)) + "' reacts to it)";
        g = VerbGroup{};  // its polarity is not the reaction's
      }
      accepted.push_back(&candidate);
      if (trace) note("  source: " + Describe(doc, m.sources) + " — " + m.source_how);
      // An inverted subject also read as the direct object ("a dénoncé Wang Yi, visant
      // Washington"): the target is another actor.
      // Another mention of the source's own actor in the slot of a domestic root is a domestic
      // act: "des opposants russes ont manifesté devant l'ambassade de Russie"; so is its own
      // population named by a demonym ("la police russe a arrêté des opposants russes", "a
      // utilisé du chlore contre des civils syriens"), as when no target is named at all; so is
      // a court's sentence or a lawsuit against its own nationals ("un tribunal de Minsk a
      // condamné une opposante biélorusse", 115/116).
      bool own_mention = !m.targets.empty() && m.sources.size() == 1 &&
                         (DomesticRoot(p.code) || p.code.rfind("115", 0) == 0 || p.code.rfind("116", 0) == 0) &&
                         std::all_of(m.targets.begin(), m.targets.end(), [&](int t) {
                           return t != m.sources[0] && doc.entities[t].id == doc.entities[m.sources[0]].id &&
                                  doc.entities[t].span.start > doc.entities[m.sources[0]].span.end;
                         });
      if (!own_mention)
        std::erase_if(m.targets, [&](int t) {
          return std::any_of(m.sources.begin(), m.sources.end(), [&](int src) { return doc.entities[src].id == doc.entities[t].id; });
        });
      else
        m.target_how += " (the source's own actor: domestic)";
      if (m.targets.empty() && p.has_target_slot() && m.sources.size() == 1 && !m.open_target) {
        if (!p.noun) m.targets = TargetInQuotation(s, m.head, m.sources, target_how);
        if (m.targets.empty()) m.targets = TargetAfter(s, m.head + 1, m.sources, patterns, target_how);
      }
      // A nominal act aimed at "son territoire", "son espace aérien": the possessor is the
      // subject of the clause it stands in, when that is another state.
      if (m.targets.empty() && p.noun && m.sources.size() == 1 && (m.open_target || !p.has_target_slot())) {
        size_t a = m.open_target ? m.open_phrase.first : SIZE_MAX;
        // A pattern without a slot ("incursion:n dans espace aérien"): its words end at the ground.
        for (size_t k = m.head + 1; a == SIZE_MAX && k + 1 < s.size() && k <= m.hi + 1; ++k)
          if (Possessive(s.surface(k))) a = k;
        if (a != SIZE_MAX && a + 1 < s.size() && Possessive(s.surface(a)) && OwnGround(s.lemma(a + 1))) {
          std::vector<int> owner = ClauseSubjectBefore(s, m.head);
          std::string own = events::ActorCode(doc.entities[m.sources[0]]).substr(0, 3);
          std::erase_if(owner, [&](int t) { return events::ActorCode(doc.entities[t]).substr(0, 3) == own; });
          if (!owner.empty()) {
            m.targets = std::move(owner);
            m.open_target = false;
            m.target_how = "the possessor of '" + std::string(s.surface(a + 1)) + "': the clause's subject";
          }
        }
      }
      bool domestic = own_mention;
      if (m.targets.empty() && m.sources.size() == 1 && (!p.has_target_slot() || m.open_target)) {
        if (!p.noun) m.targets = TargetInQuotation(s, m.head, m.sources, target_how);
        if (m.targets.empty()) m.targets = TargetAfter(s, m.head + 1, m.sources, patterns, target_how);
        if (m.targets.empty() && !p.noun && g.passive) {
          // The passive's subject is the object: "les restrictions sur le commerce avec Cuba
          // ont été assouplies par Washington".
          m.targets = SubjectOf(s, g, target_how);
          std::erase_if(m.targets, [&](int t) {
            return std::any_of(m.sources.begin(), m.sources.end(), [&](int src) {
              return events::ActorCode(doc.entities[src]).substr(0, 3) == events::ActorCode(doc.entities[t]).substr(0, 3);
            });
          });
          m.target_how = "passive: the subject (" + m.target_how + ") is the object";
        }
        if (m.targets.empty() && p.code.compare(0, 2, "15") == 0) {
          // Forces deployed in the source's own country ("des policiers à Lima"): domestic.
          if (!place_known) {
            place = events::PlaceOf(s, k_->places);
            place_known = true;
          }
          if (place && place->country == events::ActorCode(doc.entities[m.sources[0]]).substr(0, 3)) {
            m.targets = m.sources;
            m.target_how = "domestic: the place is in the source's country";
            domestic = true;
          }
        }
        if (m.targets.empty() && PlaceRoot(p.code)) {
          // Force used on a place abroad: the place's country is the target ("ont massacré des
          // civils à Axoum" by Eritrean forces is against Ethiopia; "retirer ses troupes de la
          // centrale de Zaporijjia").
          auto at = events::PlaceAfter(s, k_->places, m.head + 1);
          std::string own = events::ActorCode(doc.entities[m.sources[0]]).substr(0, 3);
          if (at && at->first.country != own) {
            m.place_target = EventActor{s.tok(at->second).span, "country:" + at->first.country, at->first.name,
                                        at->first.country};
            m.target_how = "the country of the place '" + at->first.name + "'";
          } else if (at && p.code.compare(0, 2, "17") >= 0) {
            // Force used in the source's own country is domestic (rule 11: "les talibans ont
            // attaqué Kandahar", the junta's strikes in Sagaing); a concession or a visit at
            // home is not ("a autorisé l'accès des humanitaires au Darfour").
            m.targets = m.sources;
            m.target_how = "domestic: the place '" + at->first.name + "' is in the source's country";
            domestic = true;
          }
        }
        // Easing a curfew, a state of emergency, a ban (0811-0814) or dissent (082) without a
        // named target is done at home too: "la junte birmane a levé l'état d'urgence" (not
        // restrictions in general, 081, which may be on trade with others).
        bool eases_at_home = (p.code.size() == 4 && p.code.rfind("081", 0) == 0) || p.code.rfind("082", 0) == 0;
        if (m.targets.empty() && !m.place_target && (DomesticRoot(p.code) || eases_at_home)) {
          m.targets = m.sources;
          m.target_how = "domestic: no other actor, the source's own state";
          domestic = true;
        }
      }
      if (trace && !m.targets.empty()) note("  target: " + Describe(doc, m.targets) + " — " + m.target_how);
      if (trace && m.place_target) note(fmt::format("  target: {} [{}] — {}", m.place_target->name, m.place_target->id, m.target_how));

      // Polarity: denied > negated > hypothetical > reported > asserted.
      // Whether one of the actors `by` (who says it) is of a state taking part in the event.
      auto takes_part = [&](const std::vector<int>& by) {
        auto country = [&](int e) { return events::ActorCode(doc.entities[e]).substr(0, 3); };
        return std::any_of(by.begin(), by.end(), [&](int b) {
          std::string c = country(b);
          auto same = [&](int x) { return country(x) == c; };
          return !c.empty() && (std::any_of(m.sources.begin(), m.sources.end(), same) ||
                                std::any_of(m.targets.begin(), m.targets.end(), same));
        });
      };
      bool denied = false, negated = g.negated, hypothetical = g.conditional || g.future, reported = false;
      // A noun event whose clause verb says it did not happen or is only planned: "a démenti
      // toute livraison d'armes", "a renoncé à la visite", "envisage une visite".
      if (p.noun && verb != SIZE_MAX && g.head == verb && !g.infinitive) {
        Modality mod = patterns.ModalityOf(s.lemma(verb));
        if (mod == Modality::kDenied && !g.negated) denied = true;
        if (mod == Modality::kNegated) negated = true;
        if (mod == Modality::kHypothetical) hypothetical = true;
        // Not ruled out is possible: "le Kremlin n'a pas exclu une rencontre entre…" (rule 4).
        if (mod == Modality::kNegatedHypothetical && g.negated) {
          negated = false;
          hypothetical = true;
        }
        if (mod != Modality::kNone && trace)
          note(fmt::format("  its clause verb '{}' ({}, {})", s.surface(verb), ModalityName(mod), *patterns.ModalityRule(s.lemma(verb))));
      }
      if (g.infinitive) {  // "sans rompre avec Caracas": the act did not happen
        bool without = false;
        if (events::AdverbialInfinitiveVerb(s, g.start, &without) != SIZE_MAX && without) negated = true;
      }
      size_t gov = g.infinitive ? events::GoverningVerb(s, g.start) : QueGovernor(s, g.start);
      if (gov != SIZE_MAX) {
        VerbGroup gg = GroupOf(s, gov);
        Modality mod = patterns.ModalityOf(s.lemma(gov));
        if (mod == Modality::kNegatedHypothetical) {
          if (gg.negated) hypothetical = true;
        } else {
          if (mod == Modality::kDenied && !gg.negated) denied = true;
          if (mod == Modality::kNegated || gg.negated) negated = true;
          // Accepting to yield is the yield ("a accepté de démissionner", "de rétrocéder…": gold
          // g115, g909); accepting to do anything else is still to be done.
          bool accepted_yield = s.lemma(gov) == "accepter" && p.code.starts_with("08") && !gg.conditional;
          if ((mod == Modality::kHypothetical && !accepted_yield) || gg.conditional) hypothetical = true;
          if (mod == Modality::kReported) {
            // Said by a participant ("Vladimir Poutine a affirmé que la Russie avait frappé
            // l'Ukraine", "Le Pakistan a affirmé avoir abattu…"): asserted, as with "selon".
            if (takes_part(SubjectOf(s, gg, nullptr))) {
              if (trace) note(fmt::format("  said by a participant ('{}'): not reported", s.surface(gov)));
            } else {
              reported = true;
            }
          }
        }
        if (mod != Modality::kNone)
          if (trace) note(fmt::format("  governed by '{}' ({}, {})", s.surface(gov), ModalityName(mod),
                           *patterns.ModalityRule(s.lemma(gov))));
        // The near future "va / vont / allait + infinitive" is planned ("Le Mexique et les
        // États-Unis vont partager des renseignements"); "est allé rencontrer" (a motion in
        // the past, participle) is not.
        if (g.infinitive && s.lemma(gov) == "aller" && !s.HasFeat(gov, "VerbForm=Part") &&
            (s.HasFeat(gov, "Tense=Pres") || s.HasFeat(gov, "Tense=Imp"))) {
          hypothetical = true;
          if (trace) note(fmt::format("  governed by '{}' (near future: hypothetical)", s.surface(gov)));
        }
      }
      // An explicit commitment ("a promis de", "s'est dit prêt à", "son intention de")
      // to a cooperative act is an intent event (03x) that happened.
      std::string code = p.code;
      if (g.infinitive || p.noun) {
        size_t intent = IntentBefore(s, p.noun ? m.head : g.start, patterns);
        if (intent != SIZE_MAX) {
          std::string mapped = IntentCode(patterns.ModalityOf(s.lemma(intent)), p.code);
          if (trace) note(fmt::format("  commitment '{}' ({}){}", s.surface(intent), *patterns.ModalityRule(s.lemma(intent)),
                           mapped.empty() ? ": hypothetical" : ": coded " + mapped));
          if (mapped.empty()) {
            hypothetical = true;
          } else {
            code = mapped;
            hypothetical = false;
          }
        }
      }
      // A future act reported by a commitment or a threat ("La Chine soutiendra
      // l'Argentine, a promis Xi Jinping", "« Nous frapperons », a menacé…") is that
      // commitment or threat.
      if (!p.noun && !g.infinitive && (g.future || g.conditional) && !g.negated && code == p.code) {
        size_t say = ReportingVerbAfter(s, m.hi + 1);
        Modality mod = say == SIZE_MAX ? Modality::kNone : patterns.ModalityOf(s.lemma(say));
        if (mod == Modality::kIntent || mod == Modality::kThreat) {
          std::string mapped = IntentCode(mod, p.code);
          if (trace) note(fmt::format("  reported by '{}' ({}){}", s.surface(say), *patterns.ModalityRule(s.lemma(say)),
                           mapped.empty() ? "" : ": coded " + mapped));
          if (!mapped.empty()) {
            code = mapped;
            hypothetical = false;
          }
        }
      }
      // "selon X", "d'après X": hearsay, unless X takes part in the event (README of the gold
      // set, polarity rules: "selon Kiev" about a Russian strike on Ukraine, "selon l'armée
      // américaine" about American strikes are asserted; "selon des médias" is reported).
      auto participant = [&](size_t from) {
        // "selon son porte-parole", "selon leur ministère": the participant's own voice (not
        // "selon son entourage", "selon ses proches": hearsay).
        static constexpr std::string_view kOwnVoice[] = {"porte-parole", "communiqué", "ministère", "armée",
                                                         "état-major", "gouvernement", "commandement", "diplomatie",
                                                         "présidence", "cabinet"};
        if (from + 1 < s.size() && s.pos(from) == Pos::kDet && (s.lemma(from) == "son" || s.lemma(from) == "leur") &&
            std::find(std::begin(kOwnVoice), std::end(kOwnVoice), s.lemma(from + 1)) != std::end(kOwnVoice))
          return true;
        size_t end = from;
        std::vector<int> by = PhraseActors(s, from, &end);
        // Media are never actors: "selon la presse mexicaine" stays hearsay.
        for (size_t k = from; k < end; ++k)
          if (IsMediaNoun(s.lemma(k))) return false;
        return takes_part(by);
      };
      // A reporting clause after the event whose speaker is a medium: ", a rapporté l'agence
      // officielle Sana" is hearsay as "selon l'agence…" is.
      if (size_t say = ReportingVerbAfter(s, m.hi + 1); say != SIZE_MAX && !p.noun) {
        for (size_t k = say + 1; k < s.size() && k <= say + 3 && !s.IsPunct(k); ++k)
          if (IsMediaNoun(s.lemma(k))) {
            if (trace) note(fmt::format("  reported by a medium ('{}')", s.surface(k)));
            reported = true;
            break;
          }
      }
      for (size_t i = 0; i < s.size(); ++i)
        if ((s.pos(i) == Pos::kAdp && patterns.ModalityOf(s.lemma(i)) == Modality::kReported) ||
            (s.lemma(i) == "après" && i > 0 && (s.surface(i - 1) == "d'" || s.surface(i - 1) == "D'"))) {  // "d'après X"
          if (participant(i + 1)) {
            if (trace) note(fmt::format("  attribution '{}' to a participant: not reported", s.surface(i)));
            continue;
          }
          reported = true;
        }
      const char* polarity = denied         ? "denied"
                             : negated      ? "negated"
                             : hypothetical ? (reported ? "reported" : "hypothetical")
                             : reported     ? "reported"
                                            : "asserted";
      if (trace) note(fmt::format("  polarity: {}", polarity));

      // Date: the sentence's own full date, else the document's.
      std::optional<std::string> date = doc.date;
      Span sspan = doc.sentences[sent];
      for (const Timex& tx : doc.timex)
        if (tx.span.start >= sspan.start && tx.span.end <= sspan.end && tx.value.size() == 10) {
          date = tx.value;
          break;
        }

      const CameoCode* cc = k_->codebook.Find(code);
      auto emit = [&](int src, int tgt) {
        Event ev;
        ev.sentence = sent;
        size_t lo = std::min<size_t>(p.noun ? m.head : g.start, m.head);
        uint32_t a = std::min(s.tok(lo).span.start, doc.entities[src].span.start);
        uint32_t b = std::max(s.tok(m.hi).span.end, doc.entities[src].span.end);
        if (tgt >= 0) {
          a = std::min(a, doc.entities[tgt].span.start);
          b = std::max(b, doc.entities[tgt].span.end);
        }
        ev.span = Span{a, b};
        ev.source = ActorOf(doc, src);
        if (tgt >= 0) ev.target = ActorOf(doc, tgt);
        if (tgt < 0 && m.place_target) {
          ev.target = m.place_target;
          ev.span = Span{std::min(a, m.place_target->span.start), std::max(b, m.place_target->span.end)};
        }
        ev.code = code;
        ev.root = code.substr(0, 2);
        ev.plover = cc->plover;
        ev.goldstein = cc->goldstein;
        ev.quad = cc->quad;
        ev.polarity = polarity;
        ev.date = date;
        if (!place_known) {
          place = events::PlaceOf(s, k_->places);
          place_known = true;
          if (trace && place) note(fmt::format("  place: {} ({}, {:.4f}, {:.4f})", place->name, place->country, place->lat, place->lon));
        }
        ev.place = place;
        ev.rule = p.rule;
        for (const Event& prior : doc.events)
          if (prior.sentence == ev.sentence && prior.code == ev.code && prior.source.id == ev.source.id &&
              (prior.target ? prior.target->id : "") == (ev.target ? ev.target->id : ""))
            return;
        if (trace) note(fmt::format("  event: {} -{}-> {} ({} {})", ev.source.name, ev.code,
                         ev.target ? ev.target->name : "-", cc->name, polarity));
        doc.events.push_back(std::move(ev));
      };
      const auto& ents = doc.entities;
      if (!m.targets.empty()) {
        for (int src : m.sources)
          for (int tgt : m.targets)
            if (domestic || ents[src].id != ents[tgt].id) emit(src, tgt);
      } else if (m.open_target) {
        // The object names no actor: each source acts alone (on its own state for the
        // domestic roots: "ont torturé des militaires détenus").
        // Several sources: the place acted on is abroad for some, at home for others ("les
        // armées russe et syrienne ont bombardé les quartiers rebelles d'Alep").
        std::optional<std::pair<Place, size_t>> at;
        if (m.sources.size() > 1 && PlaceRoot(p.code)) at = events::PlaceAfter(s, k_->places, m.head + 1);
        for (int src : m.sources) {
          std::string own = events::ActorCode(ents[src]).substr(0, 3);
          if (at && at->first.country != own)
            m.place_target = EventActor{s.tok(at->second).span, "country:" + at->first.country, at->first.name,
                                        at->first.country};
          else if (at)
            m.place_target.reset();
          bool home = (at && at->first.country == own) || (DomesticRoot(p.code) && !m.place_target);
          emit(src, home ? src : -1);
        }
      } else if (m.sources.size() >= 2) {
        for (int src : m.sources)
          for (int tgt : m.sources)
            if (ents[src].id != ents[tgt].id) emit(src, tgt);
      } else {
        emit(m.sources[0], -1);
      }
    }
  }
  // In text order (already so unless a sentence's events start before an earlier one's: a
  // stable sort of sorted events would still move every one of them).
  auto by_start = [](const Event& a, const Event& b) { return a.span.start < b.span.start; };
  if (!std::is_sorted(doc.events.begin(), doc.events.end(), by_start))
    std::stable_sort(doc.events.begin(), doc.events.end(), by_start);
}

}  // namespace veille
