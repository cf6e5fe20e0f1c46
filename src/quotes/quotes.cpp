#include "quotes/quotes.h"

#include <algorithm>
#include <optional>

#include "quotes/lexicon.h"
#include "quotes/marks.h"
#include "quotes/words.h"

namespace veille {
namespace {

using quotes::Lexicon;
using quotes::Slot;
using quotes::VerbKind;
using quotes::VerbMatch;
using quotes::Word;

// A speaker mention: a span of the text and the entity it names (-1 if none).
struct Who {
  Span span;
  int entity = -1;
};

// A quote waiting for its speaker.
struct Candidate {
  enum class Type { kMarked, kThat, kIncise, kSelon } type;
  Span span;
  std::string kind;        // direct | partial | indirect
  size_t first = 0, last = 0;  // words of the quote (marks included for marked quotes)
  quotes::Marked marked;   // kMarked
  VerbMatch verb;          // kThat, kIncise
  size_t source_begin = 0, source_end = 0;  // kSelon: the words naming the source
};

struct Attributed {
  Who who;
  size_t word;       // where the quote starts
  size_t paragraph;
};

class Finder {
 public:
  Finder(const Lexicon& lex, Doc& doc) : lex_(lex), doc_(doc), w_(quotes::SplitWords(doc.text)) { Index(); }

  void Run();

 private:
  void Index();
  bool IsWord(size_t i, const char* s) const { return i < w_.size() && w_[i].lower == s; }
  bool IsPunct(size_t i) const { return i < w_.size() && !w_[i].word; }
  bool Is(size_t i, const char* cls) const { return i < w_.size() && w_[i].word && lex_.Is(w_[i].lower, cls); }
  bool IsSource(size_t i, size_t* after) const;
  bool IsPronoun(size_t i, size_t* after) const;
  size_t WordAt(uint32_t byte) const;  // first word starting at or after byte
  size_t SentenceStart(size_t i) const;
  size_t SentenceEnd(size_t i) const;  // one past the last word of i's sentence
  std::string VerbText(const VerbMatch& m) const;
  bool Verb(size_t i, VerbMatch* m, bool say_only) const;

  std::optional<Who> NounPhrase(size_t a, size_t b) const;
  std::optional<Who> Preverbal(size_t v) const;
  std::optional<Who> Postverbal(size_t e) const;
  std::optional<Who> SubjectOf(const VerbMatch& m) const;
  std::optional<Who> Resolve(size_t pronoun) const;
  std::optional<Who> Describe(const Who& who, size_t at) const;
  bool IsName(const std::optional<Who>& who) const;
  std::optional<Who> Source(size_t after, size_t end, size_t* stop) const;
  std::optional<Who> SpeakerOfVerb(const VerbMatch& m) const;
  bool VerbBefore(size_t from, size_t limit, VerbMatch* m) const;
  bool IsAdverb(size_t i) const;
  std::optional<Who> ClauseSubject(size_t start) const;

  void CollectMarked();
  void CollectThat();
  void CollectIncise();
  void CollectSelon();
  void Attribute(const Candidate& c);
  void Emit(const Candidate& c, std::optional<Who> who, const std::string& verb, const std::string& rule);

  const Lexicon& lex_;
  Doc& doc_;
  std::vector<Word> w_;
  std::vector<int> entity_;     // per word: the entity covering it, -1 if none
  std::vector<int> sentence_;   // per word: sentence index
  std::vector<size_t> paragraph_;  // per word: paragraph index
  std::vector<bool> quoted_;    // per word: inside quotation marks (marks included)
  std::vector<bool> timex_;     // per word: inside a time expression
  std::vector<Candidate> cands_;
  std::vector<Attributed> history_;
};

void Finder::Index() {
  size_t n = w_.size();
  entity_.assign(n, -1);
  sentence_.assign(n, -1);
  paragraph_.assign(n, 0);
  quoted_.assign(n, false);
  timex_.assign(n, false);
  size_t e = 0, s = 0, t = 0, para = 0;
  for (size_t i = 0; i < n; ++i) {
    const Span& sp = w_[i].span;
    if (i > 0 && w_[i].newline_before) ++para;
    paragraph_[i] = para;
    while (e < doc_.entities.size() && doc_.entities[e].span.end <= sp.start) ++e;
    if (e < doc_.entities.size() && doc_.entities[e].span.start <= sp.start && sp.end <= doc_.entities[e].span.end)
      entity_[i] = static_cast<int>(e);
    while (s < doc_.sentences.size() && doc_.sentences[s].end <= sp.start) ++s;
    sentence_[i] = s < doc_.sentences.size() && doc_.sentences[s].start <= sp.start ? static_cast<int>(s) : -1;
    while (t < doc_.timex.size() && doc_.timex[t].span.end <= sp.start) ++t;
    timex_[i] = t < doc_.timex.size() && doc_.timex[t].span.start <= sp.start;
  }
}

size_t Finder::WordAt(uint32_t byte) const {
  auto it = std::lower_bound(w_.begin(), w_.end(), byte, [](const Word& w, uint32_t b) { return w.span.start < b; });
  return static_cast<size_t>(it - w_.begin());
}

size_t Finder::SentenceStart(size_t i) const {
  while (i > 0 && sentence_[i - 1] == sentence_[i] && paragraph_[i - 1] == paragraph_[i]) --i;
  return i;
}
size_t Finder::SentenceEnd(size_t i) const {
  while (i + 1 < w_.size() && sentence_[i + 1] == sentence_[i] && paragraph_[i + 1] == paragraph_[i]) ++i;
  return i + 1;
}

bool Finder::IsSource(size_t i, size_t* after) const {
  if (Is(i, "source")) { *after = i + 1; return true; }
  if (IsWord(i, "d'") && IsWord(i + 1, "après")) { *after = i + 2; return true; }
  return false;
}

bool Finder::IsPronoun(size_t i, size_t* after) const {
  if (i >= w_.size() || !w_[i].word) return false;
  if (i + 1 < w_.size() && lex_.Is(w_[i].lower + " " + w_[i + 1].lower, "pronoun")) { *after = i + 2; return true; }
  if (lex_.Is(w_[i].lower, "pronoun")) { *after = i + 1; return true; }
  return false;
}

std::string Finder::VerbText(const VerbMatch& m) const {
  size_t b = m.begin;
  while (b < m.end && Is(b, "clitic") && !IsWord(b, "n'") && !IsWord(b, "ne")) ++b;
  return doc_.text.substr(w_[b].span.start, w_[m.end - 1].span.end - w_[b].span.start);
}

bool Finder::Verb(size_t i, VerbMatch* m, bool say_only) const {
  if (!lex_.MatchVerb(w_, i, m)) return false;
  return !say_only || m->verb->kind == VerbKind::kSay;
}

// The speaker named by words [a, b): a person's name wins over the title around it
// ("le président vénézuélien Nicolas Maduro"); a state, seat of power or organisation
// counts when it heads the phrase or stands in apposition ("l'agence russe TASS"),
// not as a complement ("le porte-parole du Kremlin" stays unlinked).
std::optional<Who> Finder::NounPhrase(size_t a, size_t b) const {
  while (a < b && !w_[a].word) ++a;
  while (b > a && !w_[b - 1].word) --b;
  if (a >= b) return std::nullopt;
  // Coordinated speakers ("Moscou et Caracas") stay one unlinked mention.
  for (size_t i = a + 1; i + 1 < b; ++i)
    if (IsWord(i, "et") && entity_[i] < 0) return Who{Span{w_[a].span.start, w_[b - 1].span.end}, -1};
  auto complement = [&](size_t first) {  // "le porte-parole du Kremlin", "l'avocat de X"
    return first > a && (IsWord(first - 1, "de") || IsWord(first - 1, "du") || IsWord(first - 1, "des") ||
                         IsWord(first - 1, "d'") || IsWord(first - 1, "à") || IsWord(first - 1, "au"));
  };
  int person = -1;
  for (size_t i = a; i < b; ++i)
    if (entity_[i] >= 0 && doc_.entities[entity_[i]].type == "PER" && !complement(WordAt(doc_.entities[entity_[i]].span.start)))
      person = entity_[i];
  if (person >= 0) return Who{doc_.entities[person].span, person};
  size_t head = a;
  while (head < b && Is(head, "det")) ++head;
  if (head < b && entity_[head] >= 0) {
    int e = entity_[head];
    const Entity& ent = doc_.entities[e];
    size_t next = WordAt(ent.span.end);
    // "le Kremlin", "Moscou", but not "Le Washington Post".
    bool whole = next >= b || (!w_[next].upper && w_[next].word);
    if (ent.via != "demonym" && whole) return Who{ent.span, e};
  }
  if (entity_[b - 1] >= 0) {
    int e = entity_[b - 1];
    const Entity& ent = doc_.entities[e];
    if (ent.via != "demonym" && !complement(WordAt(ent.span.start))) return Who{ent.span, e};
  }
  size_t det = a;
  while (det < b && Is(det, "det")) ++det;
  if (det == b) return std::nullopt;  // "un", "le": no speaker
  // An unknown name followed by its title: "Jean Dupont le vice-président de …" → the name.
  size_t run = a;
  while (run < b && w_[run].upper && !Is(run, "det")) ++run;
  if (run >= a + 2 && run < b && (Is(run, "det") || IsWord(run, ","))) return Who{Span{w_[a].span.start, w_[run - 1].span.end}, -1};
  return Who{Span{w_[a].span.start, w_[b - 1].span.end}, -1};
}

// The source after "selon" / "d'après", from word `after`: a pronoun (selon lui), a phrase up
// to the first punctuation, or the name in apposition after it ("d'après le ministre, Jean
// Dupont, …"). *stop is one past the source (its comma excluded).
std::optional<Who> Finder::Source(size_t after, size_t end, size_t* stop) const {
  if (IsWord(after, "lui") || IsWord(after, "elle") || IsWord(after, "eux")) {
    *stop = after + 1;
    return Resolve(after);
  }
  size_t b = after;
  while (b < end && (w_[b].word || IsWord(b, "(") || IsWord(b, ")")) && !w_[b].newline_before && !quoted_[b]) ++b;
  *stop = b;
  std::optional<Who> who = NounPhrase(after, b);
  if (IsWord(b, ",")) {
    size_t k = b + 1;
    while (k < end && w_[k].word) ++k;
    std::optional<Who> name = NounPhrase(b + 1, k);
    if (k < end && IsWord(k, ",") && IsName(name) && !IsName(who)) {
      *stop = k;
      return name;
    }
  }
  return who;
}

// A name in apposition: a linked person, or two to four capitalised words.
bool Finder::IsName(const std::optional<Who>& who) const {
  if (!who) return false;
  if (who->entity >= 0) return doc_.entities[who->entity].type == "PER";
  size_t a = WordAt(who->span.start), b = WordAt(who->span.end);
  if (b < a + 2 || b > a + 4) return false;
  for (size_t i = a; i < b; ++i)
    if (!w_[i].upper || Is(i, "det")) return false;
  return true;
}

bool IsBoundaryWord(const std::string& w) {
  static const char* const kWords[] = {"que", "qu'", "mais", "car", "ou", "lorsque", "lorsqu'", "quand", "si",
                                       "puis", "donc", "tandis", "alors", "comme"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

// The subject before the verb starting at word v.
std::optional<Who> Finder::Preverbal(size_t v) const {
  if (v == 0) return std::nullopt;
  size_t start = SentenceStart(v);
  size_t j = v;  // one past the last word of the subject
  size_t after;
  if (j > start && IsPronoun(j - 1, &after)) return Resolve(j - 1);
  if (j > start + 1 && IsPronoun(j - 2, &after) && after == j) return Resolve(j - 2);
  // "X n'a pas confirmé…, mais a indiqué que": the subject of the first clause.
  if (j > start && (IsWord(j - 1, "mais") || IsWord(j - 1, "et") || IsWord(j - 1, "puis"))) return ClauseSubject(start);
  if (j > start && IsWord(j - 1, ")")) {  // "Philippe Durand (UMP) a dénoncé"
    size_t k = j - 1;
    while (k > start && !IsWord(k, "(")) --k;
    if (IsWord(k, "(")) j = k;
  }
  if (j > start && IsWord(j - 1, "qui")) {
    --j;
    if (j > start && IsWord(j - 1, ",")) --j;
  }
  if (j > start && IsWord(j - 1, ",")) {
    // "X, Dmitri Peskov, a dit": the name in apposition; "X, mercredi, a dit": skip the aside.
    size_t k = j - 1;
    while (k > start && w_[k - 1].lower != "," && w_[k - 1].word) --k;
    std::optional<Who> aside = NounPhrase(k, j - 1);
    if (IsName(aside)) return aside;
    if (k > start && IsWord(k - 1, ",")) j = k - 1;
    else if (aside) return aside;
    else return std::nullopt;
  }
  size_t a = j;
  while (a > start && w_[a - 1].word && !IsBoundaryWord(w_[a - 1].lower) && j - a < 12 && !quoted_[a - 1]) {
    VerbMatch m;
    if (a < j && lex_.MatchVerb(w_, a - 1, &m) && m.end <= j) break;
    --a;
  }
  if (a == j) return std::nullopt;
  return NounPhrase(a, j);
}

// The subject after the verb ending at word e: "a déclaré (mercredi) le ministre X".
std::optional<Who> Finder::Postverbal(size_t e) const {
  size_t end = SentenceEnd(e == 0 ? 0 : e - 1);
  size_t i = e;
  while (i < end && (IsAdverb(i) || Is(i, "time") || timex_[i])) ++i;
  // "a déclaré à l'AFP un diplomate", "a précisé à la presse le porte-parole".
  if (IsWord(i, "à") || IsWord(i, "au") || IsWord(i, "aux")) {
    size_t j = i + 1;
    if (Is(j, "det")) ++j;
    if (j < end && entity_[j] >= 0) j = WordAt(doc_.entities[entity_[j]].span.end);
    else ++j;
    while (j < end && (IsAdverb(j) || Is(j, "time") || timex_[j])) ++j;
    if (j < end && (Is(j, "det") || w_[j].upper)) i = j;
  }
  size_t after;
  if (IsPronoun(i, &after)) return std::nullopt;
  if (i < end && IsBoundaryWord(w_[i].lower)) return std::nullopt;
  size_t a = i;
  while (i < end && w_[i].word && !(Is(i, "stop") && entity_[i] < 0) && i - a < 12 && !quoted_[i]) ++i;
  if (i == a) return std::nullopt;
  // Apposition after a comma: "le porte-parole du Kremlin, Dmitri Peskov".
  if (IsWord(i, ",") && i + 1 < end) {
    size_t k = i + 1;
    while (k < end && w_[k].word && !(Is(k, "stop") && entity_[k] < 0)) ++k;
    std::optional<Who> name = NounPhrase(i + 1, k);
    if (IsName(name) && (k >= end || !w_[k].word)) return name;
  }
  return NounPhrase(a, i);
}

std::optional<Who> Finder::SubjectOf(const VerbMatch& m) const {
  if (m.inverted) {
    // The pronoun is inside the verb: a-t-il dit.
    return Resolve(m.begin);
  }
  std::optional<Who> who = Preverbal(m.begin);
  if (!who) who = Postverbal(m.end);
  if (who) return Describe(*who, m.begin);
  return who;
}

// A speech verb's speaker; a gerund ("…, ajoutant que") takes the main clause's.
std::optional<Who> Finder::SpeakerOfVerb(const VerbMatch& m) const {
  if (m.slot != Slot::kGerund) return SubjectOf(m);
  size_t start = SentenceStart(m.begin);
  if (!history_.empty() && sentence_[history_.back().word] == sentence_[m.begin] &&
      paragraph_[history_.back().word] == paragraph_[m.begin])
    return history_.back().who;
  VerbMatch prev;
  if (VerbBefore(m.begin, start, &prev) && prev.slot != Slot::kGerund) return SubjectOf(prev);
  // "Rappelant que…, le président a affirmé": the next speech verb's subject.
  size_t end = SentenceEnd(m.begin);
  for (size_t k = m.end; k < end; ++k) {
    VerbMatch next;
    if (!quoted_[k] && Verb(k, &next, false) && next.slot != Slot::kGerund) return SubjectOf(next);
  }
  return std::nullopt;
}

// The nearest speech verb ending at or before word `from`, not before `limit`; of two
// overlapping matches the longer one ("s'est dit", not "dit").
bool Finder::VerbBefore(size_t from, size_t limit, VerbMatch* m) const {
  for (size_t k = from; k-- > limit;) {
    if (quoted_[k]) continue;
    if (!Verb(k, m, false) || m->end > from) continue;
    for (size_t b = k; b-- > limit && b + 4 > k;) {
      VerbMatch longer;
      if (Verb(b, &longer, false) && longer.end >= m->end && longer.end <= from) *m = longer;
    }
    return true;
  }
  return false;
}

bool Finder::IsAdverb(size_t i) const { return i < w_.size() && w_[i].word && lex_.IsAdverb(w_[i]); }

// The subject at the start of a clause: words up to the first auxiliary or clitic.
std::optional<Who> Finder::ClauseSubject(size_t start) const {
  if (IsWord(start, "pour")) ++start;  // "Pour X : « … »"
  size_t end = SentenceEnd(start), b = start;
  while (b < end && w_[b].word && b - start < 10 && !Is(b, "clitic") && !Is(b, "pronoun") && w_[b].lower != "a" &&
         w_[b].lower != "ont" && w_[b].lower != "s'" && w_[b].lower != "se" && w_[b].lower != "est") {
    VerbMatch m;
    if (b > start && lex_.MatchVerb(w_, b, &m)) break;
    ++b;
  }
  if (b < end && IsPronoun(b, &end)) return Resolve(b);
  if (b == start) return std::nullopt;
  return NounPhrase(start, b);
}

// "le président russe", "la diplomate vénézuélienne": a definite description of a person
// with a nationality stands for the last person of that country named nearby.
std::optional<Who> Finder::Describe(const Who& who, size_t at) const {
  if (who.entity >= 0) return who;
  size_t a = WordAt(who.span.start), b = WordAt(who.span.end);
  if (a + 2 > b || !(IsWord(a, "le") || IsWord(a, "la"))) return who;
  if (!Is(a + 1, "person")) return who;
  std::string country;
  for (size_t i = a + 1; i < b; ++i) {
    if (entity_[i] < 0) continue;
    const Entity& e = doc_.entities[entity_[i]];
    if (e.via == "demonym" && e.id.rfind("country:", 0) == 0) country = e.id.substr(8);
  }
  if (country.empty()) return who;
  auto same = [&](int e) {
    const Entity& ent = doc_.entities[e];
    return ent.type == "PER" && ent.actor.rfind(country, 0) == 0;
  };
  uint32_t pos = w_[at].span.start;
  for (auto it = history_.rbegin(); it != history_.rend(); ++it)
    if (it->who.entity >= 0 && paragraph_[at] - it->paragraph <= 2 && same(it->who.entity)) return it->who;
  for (size_t e = doc_.entities.size(); e-- > 0;) {
    const Entity& ent = doc_.entities[e];
    if (ent.span.end > pos) continue;
    if (paragraph_[WordAt(ent.span.start)] + 2 < paragraph_[at]) break;
    if (same(static_cast<int>(e))) return Who{ent.span, static_cast<int>(e)};
  }
  return who;
}

// A subject pronoun: the last named speaker in this or the previous paragraphs,
// else the last person named before it.
std::optional<Who> Finder::Resolve(size_t pronoun) const {
  if (IsWord(pronoun, "on")) return std::nullopt;
  uint32_t at = w_[pronoun].span.start;
  // A person named as the subject of an earlier sentence of the paragraph, more recent than
  // the last speaker: "Lavrov a ensuite pris la parole. « … », a-t-il dit."
  size_t last_quote = 0;
  bool any = false;
  for (auto it = history_.rbegin(); it != history_.rend() && !any; ++it)
    if (w_[it->word].span.start < at) { last_quote = it->word; any = true; }
  for (size_t s = SentenceStart(pronoun); s > 0 && paragraph_[s - 1] == paragraph_[pronoun];) {
    size_t prev = SentenceStart(s - 1);
    if (any && last_quote >= prev) break;
    size_t after;
    if (!IsPronoun(prev, &after)) {
      std::optional<Who> who = ClauseSubject(prev);
      if (who && who->entity >= 0 && doc_.entities[who->entity].type == "PER") return who;
    }
    s = prev;
  }
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    if (w_[it->word].span.start >= at) continue;
    if (paragraph_[pronoun] - it->paragraph <= 2) return it->who;
    break;
  }
  for (size_t e = doc_.entities.size(); e-- > 0;) {
    const Entity& ent = doc_.entities[e];
    if (ent.span.end <= at && ent.type == "PER") return Who{ent.span, static_cast<int>(e)};
  }
  return std::nullopt;
}

void Finder::CollectMarked() {
  for (const quotes::Marked& m : quotes::FindMarked(doc_.text)) {
    Candidate c;
    c.type = Candidate::Type::kMarked;
    c.marked = m;
    c.span = m.inner;
    c.first = WordAt(m.outer.start);
    c.last = WordAt(m.outer.end);  // one past
    if (c.last > c.first && m.closed) c.last = std::max(c.first + 1, c.last);
    for (size_t i = c.first; i < c.last && i < w_.size(); ++i) quoted_[i] = true;
    // Direct: the quote stands as a sentence of its own or after a colon, dash or comma.
    bool direct = c.first == 0 || w_[c.first].newline_before;
    if (!direct) {
      const std::string& p = w_[c.first - 1].lower;
      direct = p == ":" || p == "." || p == "!" || p == "?" || p == "—" || p == "–" || p == "…" ||
               (p == "," && c.first + 1 < w_.size() && w_[c.first + 1].upper) || p == "»" || p == "\"";
      if (!direct && sentence_[c.first - 1] != sentence_[c.first]) direct = true;
    }
    c.kind = direct ? "direct" : "partial";
    cands_.push_back(c);
  }
}

void Finder::CollectThat() {
  for (size_t i = 0; i < w_.size(); ++i) {
    if (quoted_[i]) continue;
    VerbMatch m;
    if (!Verb(i, &m, true)) continue;
    size_t j = m.end;
    size_t end = SentenceEnd(i);
    while (j < end && (Is(j, "adverb") || Is(j, "time") || timex_[j])) ++j;
    if (!(IsWord(j, "que") || IsWord(j, "qu'"))) continue;
    // "ne rapporteront que 3 milliards": restrictive ne … que, not a reported clause.
    bool ne = m.begin > 0 && (IsWord(m.begin - 1, "ne") || IsWord(m.begin - 1, "n'")), neg = false;
    for (size_t k = m.begin; k < j; ++k) {
      ne = ne || IsWord(k, "ne") || IsWord(k, "n'");
      neg = neg || IsWord(k, "pas") || IsWord(k, "jamais") || IsWord(k, "plus") || IsWord(k, "point") || IsWord(k, "guère");
    }
    if (ne && !neg) continue;
    size_t a = j + 1;
    if (a >= end) continue;
    // The clause runs to the end of the sentence, or to the next ", ajoutant que".
    size_t b = a;
    for (; b < end; ++b) {
      if (IsWord(b, ";")) break;
      VerbMatch g;
      if (IsWord(b, ",") && Verb(b + 1, &g, true) && g.slot == Slot::kGerund) break;
    }
    while (b > a && IsPunct(b - 1) && !IsWord(b - 1, "»") && !IsWord(b - 1, "\"")) --b;
    if (b <= a) continue;
    // The whole clause in quotation marks: the marked quote carries it.
    if (quoted_[a] && quoted_[b - 1] && (w_[a].lower == "«" || w_[a].lower == "\"")) continue;
    Candidate c;
    c.type = Candidate::Type::kThat;
    c.kind = "indirect";
    c.verb = m;
    c.first = a;
    c.last = b;
    c.span = Span{w_[a].span.start, w_[b - 1].span.end};
    cands_.push_back(c);
    i = m.end - 1;
  }
}

// "Les opposants sont divisés, a affirmé X." — reported speech without marks.
void Finder::CollectIncise() {
  for (size_t i = 1; i + 1 < w_.size(); ++i) {
    if (!IsWord(i, ",") || quoted_[i]) continue;
    VerbMatch m;
    if (!Verb(i + 1, &m, true)) continue;
    if (m.slot == Slot::kGerund) continue;
    size_t start = SentenceStart(i), end = SentenceEnd(i);
    if (i - start < 3 || sentence_[i + 1] != sentence_[i]) continue;
    bool marks = false, that = false;
    for (size_t k = start; k < end; ++k) marks = marks || quoted_[k];
    for (const Candidate& c : cands_)
      if (c.type == Candidate::Type::kThat && c.first >= start && c.first < end) that = true;
    if (marks || that) continue;
    size_t j = m.end;
    while (j < end && (Is(j, "adverb") || Is(j, "time") || timex_[j])) ++j;
    if (IsWord(j, "que") || IsWord(j, "qu'")) continue;
    if (!m.inverted) {
      // Postverbal subject required: "a déclaré Maduro", not "Maduro a déclaré".
      size_t k = m.begin;
      if (k != i + 1) continue;
      if (!Postverbal(m.end)) continue;
    }
    Candidate c;
    c.type = Candidate::Type::kIncise;
    c.kind = "indirect";
    c.verb = m;
    c.first = start;
    c.last = i;
    size_t a = start;
    size_t src;
    if (IsSource(a, &src)) continue;
    c.span = Span{w_[a].span.start, w_[i - 1].span.end};
    cands_.push_back(c);
    i = end - 1;
  }
}

void Finder::CollectSelon() {
  size_t i = 0;
  while (i < w_.size()) {
    size_t start = i, end = SentenceEnd(i);
    i = end;
    bool marks = false;
    for (size_t k = start; k < end; ++k) marks = marks || quoted_[k];
    if (marks) continue;
    size_t after;
    Candidate c;
    c.type = Candidate::Type::kSelon;
    c.kind = "indirect";
    if (IsSource(start, &after)) {
      // "Selon X, clause."
      size_t comma;
      Source(after, end, &comma);
      if (!IsWord(comma, ",") || comma >= end - 1) continue;
      c.source_begin = after;
      c.source_end = comma;
      c.first = comma + 1;
      c.last = end;
    } else {
      // "Clause, selon X."
      size_t k = start + 1;
      while (k + 1 < end && !(IsWord(k, ",") && IsSource(k + 1, &after))) ++k;
      if (k + 1 >= end) continue;
      size_t t = after;
      while (t < end && (w_[t].word || IsWord(t, "(") || IsWord(t, ")"))) ++t;
      while (t < end && IsPunct(t) && !IsWord(t, ",")) ++t;
      if (t < end) continue;  // "…, selon un rapport, nous fait savoir X": not the whole source
      c.source_begin = after;
      c.source_end = end;
      c.first = start;
      c.last = k;
    }
    bool speech = false;
    for (size_t k = c.first; k < c.last && !speech; ++k) {
      VerbMatch m;
      speech = Verb(k, &m, true);
    }
    if (speech) continue;
    size_t b = c.last;
    while (b > c.first && IsPunct(b - 1)) --b;
    if (b <= c.first) continue;
    c.span = Span{w_[c.first].span.start, w_[b - 1].span.end};
    cands_.push_back(c);
  }
}

void Finder::Emit(const Candidate& c, std::optional<Who> who, const std::string& verb, const std::string& rule) {
  Quote q;
  q.span = c.span;
  q.kind = c.kind;
  q.verb = verb;
  q.rule = rule;
  if (who) {
    Speaker s;
    s.span = who->span;
    if (who->entity >= 0) {
      const Entity& e = doc_.entities[who->entity];
      s.id = e.id;
      s.name = e.name;
      s.actor = e.actor;
    }
    q.speaker = s;
    history_.push_back({*who, c.first, paragraph_[std::min(c.first, w_.size() - 1)]});
  }
  doc_.quotes.push_back(std::move(q));
}

void Finder::Attribute(const Candidate& c) {
  size_t after;
  switch (c.type) {
    case Candidate::Type::kThat: {
      Emit(c, SpeakerOfVerb(c.verb), VerbText(c.verb), c.verb.verb->rule);
      return;
    }
    case Candidate::Type::kIncise:
    {
      std::optional<Who> who = c.verb.inverted ? Resolve(c.verb.begin) : Postverbal(c.verb.end);
      if (who) who = Describe(*who, c.verb.begin);
      Emit(c, who, VerbText(c.verb), c.verb.verb->rule);
    }
      return;
    case Candidate::Type::kSelon: {
      size_t stop;
      Emit(c, Source(c.source_begin, SentenceEnd(c.source_begin), &stop), "", "quotes:selon");
      return;
    }
    case Candidate::Type::kMarked:
      break;
  }
  const size_t start = SentenceStart(std::min(c.first, w_.size() - 1));
  const size_t end = SentenceEnd(std::min(c.first, w_.size() - 1));
  // 1. Incise after the closing mark: « … », a déclaré X / a-t-il ajouté / selon X.
  if (c.marked.closed) {
    size_t k = c.last;
    if (IsWord(k, ",")) ++k;
    VerbMatch m;
    if (k < w_.size() && !quoted_[k] && !w_[k].newline_before && Verb(k, &m, false)) {
      std::optional<Who> who = m.inverted ? Resolve(m.begin) : Postverbal(m.end);
      if (who) who = Describe(*who, m.begin);
      if (who || m.inverted) {
        Emit(c, who, VerbText(m), m.verb->rule);
        return;
      }
    }
    if (k < w_.size() && !w_[k].newline_before && IsSource(k, &after)) {
      size_t stop;
      Emit(c, Source(after, SentenceEnd(k), &stop), "", "quotes:selon");
      return;
    }
  }
  // 2. Continued from the previous paragraph's quote.
  if (c.marked.continues && !doc_.quotes.empty() && doc_.quotes.back().kind != "indirect") {
    const Quote& prev = doc_.quotes.back();
    std::optional<Who> who;
    if (prev.speaker) who = history_.back().who;
    Emit(c, who, prev.verb, "quotes:continued");
    return;
  }
  // 3. A speech verb before the quote in its sentence: X a déclaré : « … » / X a dénoncé une « … ».
  {
    // After a colon ending the previous paragraph ("X a déclaré :\n« … »"), the verb is there.
    size_t from = c.first, limit = start;
    if (c.first > 0 && IsWord(c.first - 1, ":") && limit == c.first) limit = SentenceStart(c.first - 1);
    VerbMatch m;
    while (VerbBefore(from, limit, &m)) {
      std::optional<Who> who = SpeakerOfVerb(m);
      if (who) {
        Emit(c, who, VerbText(m), m.verb->rule);
        return;
      }
      from = m.begin;
    }
  }
  // 4. Selon X in the sentence.
  for (size_t k = start; k < end; ++k) {
    if (quoted_[k] || !IsSource(k, &after)) continue;
    size_t stop;
    Emit(c, Source(after, end, &stop), "", "quotes:selon");
    return;
  }
  // 5. A colon without a speech verb: "Le message de Moscou est clair : « … »",
  // "X, témoin des faits, se souvient : « … »" — the subject, when it names someone.
  if (c.kind == "direct" && c.first > start && IsWord(c.first - 1, ":")) {
    std::optional<Who> who = ClauseSubject(start);
    if (who && (IsName(who) || (who->entity >= 0 && doc_.entities[who->entity].via != "demonym"))) {
      Emit(c, who, "", "quotes:colon-intro");
      return;
    }
    size_t b = start;
    while (b < c.first - 1 && w_[b].word && !IsBoundaryWord(w_[b].lower)) {
      VerbMatch m;
      if (b > start && lex_.MatchVerb(w_, b, &m)) break;
      if (entity_[b] >= 0) break;
      ++b;
    }
    if (b < c.first - 1 && entity_[b] >= 0 && b <= start + 3) {
      int e = entity_[b];
      if (doc_.entities[e].via != "demonym") {
        Emit(c, Who{doc_.entities[e].span, e}, "", "quotes:colon-intro");
        return;
      }
    }
  }
  // 6. A run of quotes: a paragraph opening on a quote after the previous paragraph's quote.
  // Also a quote standing as the next sentence of the same paragraph, nobody named between.
  if (c.kind == "direct" && c.first == start && !history_.empty() && !doc_.quotes.empty() &&
      doc_.quotes.back().kind == "direct" && doc_.quotes.back().speaker &&
      paragraph_[c.first] - history_.back().paragraph <= 1) {
    bool named = false;
    for (const Entity& e : doc_.entities)
      named = named || (e.span.start >= doc_.quotes.back().span.end && e.span.end <= c.span.start && e.type == "PER" &&
                        e.id != doc_.quotes.back().speaker->id);
    if (!named) {
      Emit(c, history_.back().who, "", "quotes:run");
      return;
    }
  }
  Emit(c, std::nullopt, "", "quotes:marks");
}

void Finder::Run() {
  if (w_.empty()) return;
  CollectMarked();
  CollectThat();
  CollectIncise();
  CollectSelon();
  std::stable_sort(cands_.begin(), cands_.end(),
                   [](const Candidate& a, const Candidate& b) { return a.span.start < b.span.start; });
  for (const Candidate& c : cands_) Attribute(c);
  // A quote continued over paragraphs and attributed only at its end ("« … \n« … », a-t-il dit"):
  // the earlier paragraphs take the speaker of the later one.
  for (size_t i = doc_.quotes.size(); i-- > 1;) {
    Quote& prev = doc_.quotes[i - 1];
    const Quote& next = doc_.quotes[i];
    if (cands_[i].type == Candidate::Type::kMarked && cands_[i].marked.continues && !prev.speaker && next.speaker) {
      prev.speaker = next.speaker;
      prev.verb = next.verb;
      prev.rule = "quotes:continued";
    }
  }
}

}  // namespace

QuoteFinder::QuoteFinder() : lex_(std::make_unique<quotes::Lexicon>()) {}
QuoteFinder::~QuoteFinder() = default;
QuoteFinder::QuoteFinder(QuoteFinder&&) noexcept = default;

void QuoteFinder::Run(Doc& doc) const {
  doc.quotes.clear();
  Finder(*lex_, doc).Run();
}

}  // namespace veille
