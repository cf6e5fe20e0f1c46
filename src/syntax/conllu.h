// Reading Universal Dependencies CoNLL-U files into the surface tokens of our tokenizer.
//
// A multiword token ("du" = "de" + "le", "aux" = "à" + "les") becomes one word: the surface
// form, with the part of speech and lemma of its first part when that is an ADP ("du" -> ADP
// "de"), else of its last part ("auxquels" -> PRON "lequel"). Empty nodes (3.1) are skipped.
#pragma once
#include <string>
#include <vector>

#include "core/doc.h"

namespace veille::syntax {

struct UdWord {
  std::string form;
  std::string lemma;  // as in the file (not lower-cased)
  Pos pos = Pos::kX;
  std::string feats;  // VerbForm, Mood and Tense of VERB/AUX ("Mood=Ind|Tense=Pres|VerbForm=Fin"), else ""
};
using UdSentence = std::vector<UdWord>;

// Reads every sentence of `path`. Throws std::runtime_error naming file:line on malformed input.
std::vector<UdSentence> ReadConllu(const std::string& path);

// The part of speech named `name` ("NOUN"); false if unknown.
bool ParsePos(std::string_view name, Pos* pos);

// The verb features we keep from a UD FEATS column: "Mood=Cnd|Tense=Pres|VerbForm=Fin".
std::string VerbFeats(std::string_view feats);

}  // namespace veille::syntax
