#include "lang/langid.h"

#include "lang/function_words.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <cstring>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which is not self-contained.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace veille {
namespace {

// Texts shorter than this carry too little evidence for a guess.
constexpr size_t kMinBytes = 24;

size_t CutAtBoundary(std::string_view s, size_t n) {
  if (n >= s.size()) return s.size();
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

LangGuess IdentifyLanguage(std::string_view text, size_t max_bytes) {
  LangGuess g{"und", 0.0};
  size_t n = CutAtBoundary(text, max_bytes);
  if (n < kMinBytes) return g;
  CLD2::Language lang3[3];
  int percent3[3];
  double norm3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language best = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(n), /*is_plain_text=*/true, nullptr, 0, lang3, percent3, norm3, nullptr,
      &text_bytes, &reliable, &valid_prefix);
  if (best == CLD2::UNKNOWN_LANGUAGE || text_bytes == 0) return g;
  const char* code = CLD2::LanguageCode(best);
  if (!code || !*code) return g;
  g.lang = code;
  // Share of the text in the top language, discounted when CLD2 itself does not
  // find the evidence reliable.
  double share = std::clamp(percent3[0] / 100.0, 0.0, 1.0);
  g.score = reliable ? share : share * 0.5;
  // CLD2 names some languages with region or script ("zh-Hant"); keep the base.
  if (size_t dash = g.lang.find('-'); dash != std::string::npos) g.lang.resize(dash);
  return g;
}

LanguageIdentifier::LanguageIdentifier() : words_(std::make_unique<FunctionWords>()) {}
LanguageIdentifier::~LanguageIdentifier() = default;
LanguageIdentifier::LanguageIdentifier(LanguageIdentifier&&) noexcept = default;

LangGuess LanguageIdentifier::Identify(std::string_view text) const {
  LangGuess g;
  if (words_->Identify(text, 1024, &g.lang, &g.score)) return g;
  return IdentifyLanguage(text);
}

void LanguageIdentifier::Run(Doc& doc) const {
  LangGuess g = Identify(doc.text);
  doc.lang = std::move(g.lang);
  doc.lang_score = g.score;
}

}  // namespace veille
