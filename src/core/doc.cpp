#include "core/doc.h"

namespace veille {

const char* RemovalReasonName(RemovalReason r) {
  switch (r) {
    case RemovalReason::kBoilerplate: return "boilerplate";
    case RemovalReason::kDuplicate: return "duplicate";
    case RemovalReason::kInvisible: return "invisible";
    case RemovalReason::kMarkup: return "markup";
  }
  return "boilerplate";
}

const char* PosName(Pos p) {
  static const char* const kNames[] = {"ADJ",   "ADP",  "ADV",  "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
                                       "PART",  "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
  return kNames[static_cast<int>(p)];
}

}  // namespace veille
