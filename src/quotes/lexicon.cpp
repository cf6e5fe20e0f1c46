#include "quotes/lexicon.h"

#include <algorithm>
#include <set>

#include "core/dict_file.h"

namespace veille::quotes {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Conjugation slots of one verb: first word only (the rest of a multi-word lemma follows).
struct Paradigm {
  std::string pp, pres3s, pres3p, impf3s, impf3p, ppr, ps3s, ps3p, fut3s, fut3p;
};

// Regular forms of -er and 2nd-group -ir verbs; false for other verbs.
bool Regular(const std::string& inf, Paradigm* p) {
  if (EndsWith(inf, "er")) {
    std::string stem = inf.substr(0, inf.size() - 2);
    std::string soft = stem;  // before a/o: lançait, jugeant
    if (EndsWith(stem, "c")) soft = stem.substr(0, stem.size() - 1) + "ç";
    else if (EndsWith(stem, "g")) soft = stem + "e";
    *p = {stem + "é", stem + "e", stem + "ent", soft + "ait", soft + "aient", soft + "ant", soft + "a", stem + "èrent",
          inf + "a", inf + "ont"};
    return true;
  }
  if (EndsWith(inf, "ir")) {
    std::string stem = inf.substr(0, inf.size() - 2);
    *p = {stem + "i", stem + "it", stem + "issent", stem + "issait", stem + "issaient", stem + "issant", stem + "it",
          stem + "irent", inf + "a", inf + "ont"};
    return true;
  }
  return false;
}

bool EndsWithVowel(const std::string& s) { return EndsWith(s, "e") || EndsWith(s, "a"); }

constexpr std::string_view kClassNames[] = {"adverb", "clitic", "pronoun", "source", "stop", "time", "det", "person"};

// The bit of a word class, 0 for an unknown one.
uint8_t ClassBit(std::string_view cls) {
  for (size_t k = 0; k < std::size(kClassNames); ++k)
    if (kClassNames[k] == cls) return static_cast<uint8_t>(1u << k);
  return 0;
}

}  // namespace

namespace {
bool IsAux(std::string_view w);
bool IsEtre(std::string_view w);
bool IsInvertedAux(std::string_view w, bool etre);
constexpr std::string_view kAuxiliaries[] = {"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "eut"};
constexpr std::string_view kEtre[] = {"est", "sont", "était", "étaient", "serait", "seraient", "sera", "seront"};
}  // namespace

Lexicon::Lexicon() {
  std::set<std::string> lemmas;
  ReadDictFile("quotes/verbs.tsv", [&](const DictLine& l) {
    auto v = std::make_unique<Verb>();
    v->lemma = std::string(l.fields[0]);
    v->rule = l.Where();
    if (v->lemma != Lower(v->lemma)) l.Fail("lemma must be lower case");
    if (!lemmas.insert(v->lemma).second) l.Fail("duplicate lemma '" + v->lemma + "'");
    std::string_view kind = l.fields[1];
    if (kind == "say") v->kind = VerbKind::kSay;
    else if (kind == "incise") v->kind = VerbKind::kIncise;
    else if (kind == "judge") v->kind = VerbKind::kJudge;
    else l.Fail("kind must be say, incise or judge, not '" + std::string(kind) + "'");
    std::string base = v->lemma;
    if (base.rfind("se ", 0) == 0) { v->reflexive = true; base = base.substr(3); }
    else if (base.rfind("s'", 0) == 0) { v->reflexive = true; base = base.substr(2); }
    std::vector<std::string> parts = SplitOn(base, ' ');
    for (const std::string& w : parts)
      if (w.empty()) l.Fail("lemma has an empty word");
    std::string rest;  // "savoir" in "faire savoir"
    for (size_t k = 1; k < parts.size(); ++k) rest += " " + parts[k];

    Paradigm p;
    bool regular = parts.size() == 1 && Regular(parts[0], &p);
    std::set<std::string> given;
    if (l.fields.size() > 2 && l.fields[2] != "-") {
      for (const std::string& kv : SplitOn(l.fields[2], ';')) {
        size_t eq = kv.find('=');
        if (eq == std::string::npos) l.Fail("irregular forms are key=value pairs separated by ';': '" + kv + "'");
        std::string key = kv.substr(0, eq);
        std::vector<std::string> vals = SplitOn(std::string_view(kv).substr(eq + 1), '|');
        auto one = [&](std::string* a) {
          if (vals.size() != 1 || vals[0].empty()) l.Fail(key + " takes one form");
          *a = vals[0];
        };
        auto two = [&](std::string* a, std::string* b) {
          if (vals.size() != 2 || vals[0].empty() || vals[1].empty()) l.Fail(key + " takes two forms: 3sg|3pl");
          *a = vals[0];
          *b = vals[1];
        };
        if (key == "pp") one(&p.pp);
        else if (key == "ppr") one(&p.ppr);
        else if (key == "pres") two(&p.pres3s, &p.pres3p);
        else if (key == "impf") two(&p.impf3s, &p.impf3p);
        else if (key == "ps") two(&p.ps3s, &p.ps3p);
        else if (key == "fut") two(&p.fut3s, &p.fut3p);
        else l.Fail("unknown key '" + key + "' (pp, pres, impf, ppr, ps, fut)");
        if (!given.insert(key).second) l.Fail("key '" + key + "' given twice");
      }
    }
    if (!regular) {
      for (const char* k : {"pp", "pres", "impf", "ppr", "ps", "fut"})
        if (!given.count(k)) l.Fail(std::string("'") + v->lemma + "' is not a regular -er/-ir verb: give " + k + "=");
      rest.clear();  // irregular multi-word forms are written out in full
    }
    const Verb* verb = v.get();
    auto add = [&](const std::string& form, Slot slot) {
      std::string full = form + rest;
      Form f{SplitOn(full, ' '), verb, slot};
      forms_[f.words[0]].push_back(std::move(f));
    };
    for (const char* agree : {"", "e", "s", "es"}) add(p.pp + (parts.size() == 1 ? agree : ""), Slot::kParticiple);
    for (const std::string* s : {&p.pres3s, &p.pres3p, &p.impf3s, &p.impf3p, &p.ps3s, &p.ps3p, &p.fut3s, &p.fut3p})
      add(*s, Slot::kFinite);
    add(p.ppr, Slot::kGerund);
    if (parts.size() == 1) {
      for (const std::string* s : {&p.pres3s, &p.impf3s, &p.ps3s, &p.fut3s})
        for (const char* pron : {"il", "elle", "on"})
          add(*s + (EndsWithVowel(*s) ? "-t-" : "-") + pron, Slot::kInverted);
      for (const std::string* s : {&p.pres3p, &p.impf3p, &p.ps3p, &p.fut3p})
        for (const char* pron : {"ils", "elles"}) add(*s + "-" + pron, Slot::kInverted);
    }
    verbs_.push_back(std::move(v));
  }, 2, 4);

  ReadDictFile("quotes/words.tsv", [&](const DictLine& l) {
    std::string word(l.fields[0]), cls(l.fields[1]);
    if (word != Lower(word)) l.Fail("words must be lower case");
    uint8_t bit = ClassBit(cls);
    if (bit == 0) l.Fail("class must be adverb, clitic, pronoun, source, stop, time, det or person");
    uint8_t& bits = classes_[word];
    if (bits & bit) l.Fail("duplicate entry '" + word + "' " + cls);
    bits |= bit;
  }, 2, 3);
  for (const auto& [word, forms] : forms_) known_[word].forms = &forms;
  for (const auto& [word, bits] : classes_) known_[word].classes = bits;
  // The words MatchVerb can start at; it returns false at once for the others.
  for (auto& [word, k] : known_) k.may_start_verb = k.forms || (k.classes & kClitic);
  for (const char* w : {"le", "l'", "s'", "se"}) known_[w].may_start_verb = true;
  for (const auto& [word, bits] : classes_) {
    size_t space = word.find(' ');
    if (space != std::string::npos) known_[word.substr(0, space)].starts_phrase = true;
  }
  for (std::string_view a : kAuxiliaries) known_[std::string(a)].may_start_verb = true;
  for (std::string_view e : kEtre) known_[std::string(e)].may_start_verb = true;
  auto inverted = [&](std::string_view a, bool etre) {  // "a-t-il", "ont-elles", "est-il"
    for (const char* sep : {"-", "-t-"})
      for (const char* pron : {"il", "elle", "on", "ils", "elles"}) {
        std::string w = std::string(a) + sep + pron;
        if (IsInvertedAux(w, etre)) known_[w].may_start_verb = true;
      }
  };
  for (std::string_view a : kAuxiliaries) inverted(a, false);
  for (std::string_view e : kEtre) inverted(e, true);
  for (auto& [word, k] : known_)
    k.aux = static_cast<uint8_t>((IsAux(word) ? kAuxAvoir : 0) | (IsEtre(word) ? kAuxEtre : 0) |
                                 (IsInvertedAux(word, false) ? kAuxAvoirInverted : 0) |
                                 (IsInvertedAux(word, true) ? kAuxEtreInverted : 0));
  size_t cap = 16;
  while (cap < known_.size() * 4) cap <<= 1;
  slots_.assign(cap, Entry{});
  mask_ = cap - 1;
  for (const auto& [word, k] : known_) {
    size_t h = Mix(WordHash(word)), s = h & mask_;
    while (slots_[s].known) s = (s + 1) & mask_;
    slots_[s] = Entry{h, word, &k};
    max_known_ = std::max(max_known_, word.size());
  }
}

bool Lexicon::Is(std::string_view word, std::string_view cls) const {
  auto it = classes_.find(word);
  return it != classes_.end() && (it->second & ClassBit(cls)) != 0;
}

uint8_t Lexicon::ClassesOfUnannotated(const Word& w) const {
  auto it = classes_.find(w.lower);
  return it == classes_.end() ? 0 : it->second;
}

const std::vector<Form>* Lexicon::FormsOf(const Word& w) const {
  if (w.annotated) return w.forms;
  auto it = forms_.find(w.lower);
  return it == forms_.end() ? nullptr : &it->second;
}

namespace {
// a == b for the short words of the lexicon: a loop inline (the hashes already agree, so
// the words almost always do: no call to memcmp).
inline bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return false;
  return true;
}
}  // namespace

void Lexicon::Annotate(std::vector<Word>* words) const {
  const Entry* slots = slots_.data();
  for (Word& w : *words) {
    w.annotated = true;
    if (w.lower.size() > max_known_) continue;
    const size_t h = Mix(w.hash);
    for (size_t s = h & mask_;; s = (s + 1) & mask_) {
      const Entry& e = slots[s];
      if (!e.known) break;
      if (e.hash == h && SameWord(e.word, w.lower)) {
        w.classes = e.known->classes;
        w.forms = e.known->forms;
        w.may_start_verb = e.known->may_start_verb && w.word;
        w.starts_phrase = e.known->starts_phrase;
        w.aux = e.known->aux;
        break;
      }
    }
  }
}

bool Lexicon::IsAdverb(const Word& w) const {
  if (!w.word) return false;
  if (Is(w, kAdverb)) return true;
  return !w.upper && w.lower.size() > 7 && EndsWith(w.lower, "ment");
}

size_t Lexicon::SkipAdverbs(const std::vector<Word>& words, size_t i) const {
  while (i < words.size() && IsAdverb(words[i])) ++i;
  return i;
}

bool Lexicon::MatchForm(const std::vector<Word>& words, size_t i, Slot slot, bool reflexive, VerbMatch* m) const {
  if (i >= words.size()) return false;
  const std::vector<Form>* forms = FormsOf(words[i]);
  return forms && MatchForm(*forms, words, i, slot, reflexive, m);
}

bool Lexicon::MatchForm(const std::vector<Form>& forms, const std::vector<Word>& words, size_t i, Slot slot,
                        bool reflexive, VerbMatch* m) const {
  const Form* best = nullptr;
  for (const Form& f : forms) {
    if (f.slot != slot) continue;
    if (f.verb->reflexive != reflexive) continue;
    if (i + f.words.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < f.words.size() && ok; ++k) ok = words[i + k].lower == f.words[k];
    if (ok && (!best || f.words.size() > best->words.size())) best = &f;
  }
  if (!best) return false;
  m->verb = best->verb;
  m->slot = slot;
  m->end = i + best->words.size();
  return true;
}

namespace {

bool IsAux(std::string_view w) {
  for (std::string_view a : kAuxiliaries)
    if (w == a) return true;
  return false;
}
bool IsEtre(std::string_view w) {
  for (std::string_view e : kEtre)
    if (w == e) return true;
  return false;
}
// "a-t-il", "ont-elles", "est-il": an auxiliary with its subject pronoun.
bool IsInvertedAux(std::string_view w, bool etre) {
  size_t dash = w.find('-');
  if (dash == std::string::npos) return false;
  std::string_view aux = w.substr(0, dash), pron = w.substr(dash + 1);
  if (pron.substr(0, 2) == "t-") pron = pron.substr(2);
  if (pron != "il" && pron != "elle" && pron != "on" && pron != "ils" && pron != "elles") return false;
  return etre ? IsEtre(aux) : IsAux(aux);
}

}  // namespace

bool Lexicon::MatchVerb(const std::vector<Word>& words, size_t i, VerbMatch* m) const {
  if (i < words.size() && words[i].annotated && !words[i].may_start_verb) return false;
  size_t begin = i;
  // "comme le précise X", "comme l'a indiqué X": the object clitic of "comme".
  bool comme = i > 0 && words[i - 1].lower == "comme" && (words[i].lower == "le" || words[i].lower == "l'");
  if (comme) ++i;
  // Negation and object clitics: n'a pas dit, l'a confirmé, lui a assuré.
  while (i < words.size() && words[i].word && Is(words[i], kClitic)) ++i;
  if (i >= words.size() || !words[i].word) return false;
  bool reflexive = false;
  if (words[i].lower == "s'" || words[i].lower == "se") {
    reflexive = true;
    ++i;
    if (i >= words.size()) return false;
  }
  m->begin = begin;
  m->inverted = false;
  std::string_view w = words[i].lower;
  // Compound tenses (an annotated word carries the answers: every auxiliary is a known word).
  bool aux, inv_aux;
  if (words[i].annotated) {
    aux = words[i].aux & (reflexive ? kAuxEtre : kAuxAvoir);
    inv_aux = words[i].aux & (reflexive ? kAuxEtreInverted : kAuxAvoirInverted);
  } else {
    aux = reflexive ? IsEtre(w) : IsAux(w);
    inv_aux = IsInvertedAux(w, reflexive);
  }
  if (aux || inv_aux) {
    size_t j = SkipAdverbs(words, i + 1);
    if (MatchForm(words, j, Slot::kParticiple, reflexive, m)) {
      m->inverted = inv_aux;
      return true;
    }
    return false;
  }
  const std::vector<Form>* found = FormsOf(words[i]);
  if (!found) return false;
  const std::vector<Form>& forms = *found;
  if (MatchForm(forms, words, i, Slot::kInverted, reflexive, m)) {
    m->inverted = true;
    return true;
  }
  // A finite form after a determiner is a noun: l'annonce, la note, une critique.
  if (!reflexive && !comme && i > 0 && words[i - 1].word && Is(words[i - 1], kDet)) return false;
  if (MatchForm(forms, words, i, Slot::kFinite, reflexive, m)) return true;
  if (MatchForm(forms, words, i, Slot::kGerund, reflexive, m)) return true;
  return false;
}

}  // namespace veille::quotes
