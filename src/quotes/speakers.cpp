// Who speaks: subjects before and after a speech verb, names in apposition, pronouns and
// descriptions resolved to an earlier speaker or person, sources after "selon".
#include "quotes/finder.h"

namespace veille::quotes {

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
  while (head < b && Is(head, Lexicon::kDet)) ++head;
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
  while (det < b && Is(det, Lexicon::kDet)) ++det;
  if (det == b) return std::nullopt;  // "un", "le": no speaker
  // An unknown name followed by its title: "Jean Dupont le vice-président de …" → the name.
  size_t run = a;
  while (run < b && w_[run].upper && !Is(run, Lexicon::kDet)) ++run;
  if (run >= a + 2 && run < b && (Is(run, Lexicon::kDet) || IsWord(run, ","))) return Who{Span{w_[a].span.start, w_[run - 1].span.end}, -1};
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
    if (!w_[i].upper || Is(i, Lexicon::kDet)) return false;
  return true;
}

bool IsBoundaryWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"que", "qu'", "mais", "car", "ou", "lorsque", "lorsqu'",
                                                "quand", "si", "puis", "donc", "tandis", "alors", "comme"};
  for (std::string_view k : kWords)
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
  while (i < end && (IsAdverb(i) || Is(i, Lexicon::kTime) || timex_[i])) ++i;
  // "a déclaré à l'AFP un diplomate", "a précisé à la presse le porte-parole".
  if (IsWord(i, "à") || IsWord(i, "au") || IsWord(i, "aux")) {
    size_t j = i + 1;
    if (Is(j, Lexicon::kDet)) ++j;
    if (j < end && entity_[j] >= 0) j = WordAt(doc_.entities[entity_[j]].span.end);
    else ++j;
    while (j < end && (IsAdverb(j) || Is(j, Lexicon::kTime) || timex_[j])) ++j;
    if (j < end && (Is(j, Lexicon::kDet) || w_[j].upper)) i = j;
  }
  size_t after;
  if (IsPronoun(i, &after)) return std::nullopt;
  if (i < end && IsBoundaryWord(w_[i].lower)) return std::nullopt;
  size_t a = i;
  while (i < end && w_[i].word && !(Is(i, Lexicon::kStop) && entity_[i] < 0) && i - a < 12 && !quoted_[i]) ++i;
  if (i == a) return std::nullopt;
  // Apposition after a comma: "le porte-parole du Kremlin, Dmitri Peskov".
  if (IsWord(i, ",") && i + 1 < end) {
    size_t k = i + 1;
    while (k < end && w_[k].word && !(Is(k, Lexicon::kStop) && entity_[k] < 0)) ++k;
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
  while (b < end && w_[b].word && b - start < 10 && !Is(b, Lexicon::kClitic) && !Is(b, Lexicon::kPronoun) && w_[b].lower != "a" &&
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
  if (!Is(a + 1, Lexicon::kPerson)) return who;
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

}  // namespace veille::quotes
