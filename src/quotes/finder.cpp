#include "quotes/finder.h"

#include <algorithm>
#include <cstring>

namespace veille::quotes {

void Finder::Index() {
  const size_t n = w_.size();
  entity_.assign(n, -1);
  sentence_.assign(n, -1);
  paragraph_.assign(n, 0);
  quoted_.assign(n, false);
  timex_.assign(n, false);
  // Plain pointers and sizes: the byte-sized stores below may alias anything, so members
  // read through `this` would be loaded again for every word.
  const Word* words = w_.data();
  const Entity* ents = doc_.entities.data();
  const Span* sents = doc_.sentences.data();
  const Timex* tms = doc_.timex.data();
  const size_t ne = doc_.entities.size(), ns = doc_.sentences.size(), nt = doc_.timex.size();
  int* entity = entity_.data();
  int* sentence = sentence_.data();
  size_t* paragraph = paragraph_.data();
  uint8_t* timex = timex_.data();
  // A word belongs to the entity, sentence or time expression its first byte lies in (an
  // entity only when the word ends inside it too): the spans are in text order and do not
  // overlap, so one walk over the words per list, one span after the other.
  auto start = [&](size_t i) { return words[i].span.start; };
  size_t i = 0;
  for (size_t e = 0; e < ne; ++e) {
    const Span sp = ents[e].span;
    while (i < n && start(i) < sp.start) ++i;
    for (; i < n && start(i) < sp.end; ++i)
      if (words[i].span.end <= sp.end) entity[i] = static_cast<int>(e);
  }
  i = 0;
  for (size_t s = 0; s < ns; ++s) {
    const Span sp = sents[s];
    while (i < n && start(i) < sp.start) ++i;
    for (; i < n && start(i) < sp.end; ++i) sentence[i] = static_cast<int>(s);
  }
  i = 0;
  for (size_t t = 0; t < nt; ++t) {
    const Span sp = tms[t].span;
    while (i < n && start(i) < sp.start) ++i;
    for (; i < n && start(i) < sp.end; ++i) timex[i] = true;
  }
  // Paragraphs, and the finder's sentences: runs of words of one sentence and one paragraph.
  run_.resize(n);
  run_start_.clear();
  uint32_t* run = run_.data();
  uint32_t runs = 0;
  size_t para = 0;
  for (i = 0; i < n; ++i) {
    const bool new_para = i > 0 && words[i].newline_before;
    para += new_para;
    paragraph[i] = para;
    if (i == 0 || new_para || sentence[i] != sentence[i - 1]) {
      run_start_.push_back(i);
      ++runs;
    }
    run[i] = runs - 1;
  }
  run_start_.push_back(n);
  // The words a speech verb may start at (annotated): the collectors visit these alone.
  for (i = 0; i < n; ++i)
    if (words[i].may_start_verb) verb_starts_.push_back(static_cast<uint32_t>(i));
}

size_t Finder::WordAt(uint32_t byte) const {
  auto it = std::lower_bound(w_.begin(), w_.end(), byte, [](const Word& w, uint32_t b) { return w.span.start < b; });
  return static_cast<size_t>(it - w_.begin());
}

size_t Finder::SentenceStart(size_t i) const {
  if (i < run_.size()) return run_start_[run_[i]];
  while (i > 0 && sentence_[i - 1] == sentence_[i] && paragraph_[i - 1] == paragraph_[i]) --i;
  return i;
}
size_t Finder::SentenceEnd(size_t i) const { return i < run_.size() ? run_start_[run_[i] + 1] : i + 1; }

bool Finder::AnyQuoted(size_t a, size_t b) const {
  return a < b && std::memchr(quoted_.data() + a, 1, b - a) != nullptr;
}

bool Finder::IsSource(size_t i, size_t* after) const {
  if (Is(i, Lexicon::kSource)) { *after = i + 1; return true; }
  if (IsWord(i, "d'") && IsWord(i + 1, "après")) { *after = i + 2; return true; }
  return false;
}

bool Finder::IsPronoun(size_t i, size_t* after) const {
  if (i >= w_.size() || !w_[i].word) return false;
  if (i + 1 < w_.size() && lex_.MayStartPhrase(w_[i]) && lex_.Is(std::string(w_[i].lower).append(" ").append(w_[i + 1].lower), "pronoun")) {
    *after = i + 2;
    return true;
  }
  if (lex_.Is(w_[i], Lexicon::kPronoun)) { *after = i + 1; return true; }
  return false;
}

std::string Finder::VerbText(const VerbMatch& m) const {
  size_t b = m.begin;
  while (b < m.end && Is(b, Lexicon::kClitic) && !IsWord(b, "n'") && !IsWord(b, "ne")) ++b;
  return doc_.text.substr(w_[b].span.start, w_[m.end - 1].span.end - w_[b].span.start);
}

void Finder::CollectMarked() {
  for (const Marked& m : FindMarked(doc_.text)) {
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
      std::string_view p = w_[c.first - 1].lower;
      direct = p == ":" || p == "." || p == "!" || p == "?" || p == "—" || p == "–" || p == "…" ||
               (p == "," && c.first + 1 < w_.size() && w_[c.first + 1].upper) || p == "»" || p == "\"";
      if (!direct && sentence_[c.first - 1] != sentence_[c.first]) direct = true;
    }
    c.kind = direct ? "direct" : "partial";
    cands_.push_back(c);
  }
}

void Finder::CollectThat() {
  size_t next = 0;  // the words before it belong to the verb of a clause found
  for (const size_t i : verb_starts_) {  // (Verb fails at once at the other words)
    if (i < next || quoted_[i]) continue;
    VerbMatch m;
    if (!Verb(i, &m, true)) continue;
    size_t j = m.end;
    size_t end = SentenceEnd(i);
    while (j < end && (Is(j, Lexicon::kAdverb) || Is(j, Lexicon::kTime) || timex_[j])) ++j;
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
    next = m.end;
  }
}

// "Les opposants sont divisés, a affirmé X." — reported speech without marks.
void Finder::CollectIncise() {
  size_t next = 1;  // commas before it are in the sentence of an incise found (or first)
  for (const size_t v : verb_starts_) {  // the verb after the comma (Verb fails at once at the other words)
    const size_t i = v - 1;
    if (v < 2 || i < next || !IsWord(i, ",") || quoted_[i]) continue;
    VerbMatch m;
    if (!Verb(i + 1, &m, true)) continue;
    if (m.slot == Slot::kGerund) continue;
    size_t start = SentenceStart(i), end = SentenceEnd(i);
    if (i - start < 3 || sentence_[i + 1] != sentence_[i]) continue;
    bool marks = AnyQuoted(start, end), that = false;
    for (const Candidate& c : cands_)
      if (c.type == Candidate::Type::kThat && c.first >= start && c.first < end) that = true;
    if (marks || that) continue;
    size_t j = m.end;
    while (j < end && (Is(j, Lexicon::kAdverb) || Is(j, Lexicon::kTime) || timex_[j])) ++j;
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
    next = end;
  }
}

void Finder::CollectSelon() {
  size_t i = 0;
  while (i < w_.size()) {
    size_t start = i, end = SentenceEnd(i);
    i = end;
    if (AnyQuoted(start, end)) continue;
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

void Finder::Emit(const Candidate& c, std::optional<Who> who, std::string verb, std::string rule) {
  Quote q;
  q.span = c.span;
  q.kind = c.kind;
  q.verb = std::move(verb);
  q.rule = std::move(rule);
  if (who) {
    Speaker s;
    s.span = who->span;
    if (who->entity >= 0) {
      const Entity& e = doc_.entities[who->entity];
      s.id = e.id;
      s.name = e.name;
      s.actor = e.actor;
    }
    q.speaker = std::move(s);
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
  doc_.quotes.reserve(cands_.size());  // one quote a candidate
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

}  // namespace veille::quotes
