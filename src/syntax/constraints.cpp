#include "syntax/constraints.h"

#include "segment/chars.h"
#include "syntax/lemmatizer_overrides.h"

namespace veille::syntax {
namespace {

bool StartsUpper(std::string_view form) {
  if (form.empty()) return false;
  size_t len;
  return segment::IsUpper(segment::DecodeAt(form, 0, form.size(), &len));
}

// Whether the lower-case word is made of letters only (not "traité(e)", "x2").
bool Alphabetic(std::string_view lower) {
  for (size_t i = 0; i < lower.size();) {
    size_t len;
    if (!segment::IsLetter(segment::DecodeAt(lower, i, lower.size(), &len))) return false;
    i += len;
  }
  return !lower.empty();
}

// The best-scoring class that `allowed` accepts, or `fallback` when there is none.
template <typename F>
int Best(const Model& m, const int32_t* scores, int fallback, F allowed) {
  int best = -1;
  for (size_t k = 0; k < m.classes.size(); k++)
    if (allowed(static_cast<int>(k)) && (best < 0 || scores[k] > scores[best])) best = static_cast<int>(k);
  return best < 0 ? fallback : best;
}

}  // namespace

bool HasParticipleEnding(std::string_view w) {
  // The word, without a final s, without a final e after that: one ends like a participle
  // (é, i, u, û, is, os, us, t; not the digraphs qu, gu of "chimique", "fatigue").
  auto ends = [](std::string_view x) {
    if (x.ends_with("qu") || x.ends_with("gu")) return false;
    for (std::string_view end : {"é", "i", "u", "û", "is", "os", "us", "t"})
      if (x.ends_with(end)) return true;
    return false;
  };
  if (ends(w)) return true;
  if (w.ends_with("s")) {
    w.remove_suffix(1);
    if (ends(w)) return true;
  }
  if (w.ends_with("e")) {
    w.remove_suffix(1);
    if (ends(w)) return true;
  }
  return false;
}

bool ParticipleOk(std::string_view lower) { return !Alphabetic(lower) || HasParticipleEnding(lower); }

int Constrain(const Model& m, const LemmaOverrides* verbs, const Position& p, int c, const int32_t* scores) {
  auto participle_ok = [&] { return ParticipleOk(p.lower); };
  if (m.class_past_participle[c] && !participle_ok())
    c = Best(m, scores, c, [&](int k) { return !m.class_past_participle[k]; });
  Pos pos = m.class_pos[c];
  if (verbs && (pos == Pos::kNoun || pos == Pos::kAdj || pos == Pos::kAdv || pos == Pos::kSconj) && p.prev >= 0 &&
      p.form == p.lower) {
    Pos before = m.class_pos[p.prev];
    const uint32_t propn = 1u << static_cast<int>(Pos::kPropn);
    bool name = before == Pos::kPropn ||
                ((before == Pos::kNoun || before == Pos::kAdj) && (p.prev_amb == 0 || (p.prev_amb & propn)));
    bool subject = name && StartsUpper(p.prev_form);
    // A noun and its adjective ("l'armée russe bombarde Kharkiv", "la marine chinoise livre
    // des…"), when a name or a determiner follows (not "une situation humanitaire critique").
    if (!subject && before == Pos::kAdj && p.prev2 >= 0 &&
        (m.class_pos[p.prev2] == Pos::kNoun || m.class_pos[p.prev2] == Pos::kPropn) && !StartsUpper(p.prev_form))
      subject = StartsUpper(p.next_form) || (p.next_amb & (1u << static_cast<int>(Pos::kDet)));
    if (subject && verbs->Find(p.lower)) {
      const bool participle = participle_ok();
      c = Best(m, scores, c, [&](int k) {
        return m.class_pos[k] == Pos::kVerb && (participle || !m.class_past_participle[k]);
      });
    }
  }
  return c;
}

}  // namespace veille::syntax
