#include "store/fts_french.h"

#include <fmt/format.h>
#include <libstemmer.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/utf8.h"
#include "store/database.h"

namespace veille::store {
namespace {

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Accents off: NFD, combining marks dropped; ligatures œ æ spelled out.
std::string StripAccents(std::string_view s) {
  if (IsAscii(s)) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (U_SUCCESS(status)) u = nfd->normalize(u, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x153) out += "oe";
    else if (c == 0xE6) out += "ae";
    else utf8::Append(out, static_cast<char32_t>(c));
  }
  return out;
}

// --- the FTS5 glue ---

struct Tokenizer {
  FrenchTerms terms;
};

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  try {
    *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer);
    return SQLITE_OK;
  } catch (...) {
    return SQLITE_NOMEM;
  }
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

int Tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int n,
             int (*token)(void*, int, const char*, int, int, int)) {
  auto* tok = reinterpret_cast<Tokenizer*>(t);
  int rc = SQLITE_OK;
  try {
    std::string repaired;
    std::string_view in(text, n > 0 ? n : 0);
    if (!utf8::IsValid(in)) {
      // FTS5 hands us what the table holds; stored text is valid UTF-8, but a user query
      // may not be. Offsets only matter for stored text.
      utf8::Repair(in, &repaired);
      in = repaired;
    }
    // Documents get the unaccented variants; queries look up their words as typed.
    const bool variants = (flags & FTS5_TOKENIZE_QUERY) == 0;
    tok->terms.Split(in, variants, [&](const std::string& term, int start, int end, bool colocated) {
      rc = token(ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, term.data(), static_cast<int>(term.size()), start,
                 end);
      return rc == SQLITE_OK;
    });
  } catch (...) {
    return SQLITE_NOMEM;
  }
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

fts5_api* GetFts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

}  // namespace

FrenchTerms::FrenchTerms() : stemmer_(sb_stemmer_new("french", "UTF_8")) {
  if (!stemmer_) throw StoreError("libstemmer: no French stemmer");
}

FrenchTerms::~FrenchTerms() { sb_stemmer_delete(stemmer_); }

std::string FrenchTerms::Lower(std::string_view word) const {
  std::string lower;
  if (IsAscii(word)) {
    lower.assign(word);
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  } else {
    icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
        .toLower(icu::Locale::getRoot())
        .toUTF8String(lower);
  }
  return lower;
}

std::string FrenchTerms::Stem(std::string_view lower) {
  const sb_symbol* stem = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(lower.data()),
                                          static_cast<int>(lower.size()));
  if (!stem) return std::string(lower);
  return std::string(reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

std::string FrenchTerms::Term(std::string_view word) { return StripAccents(Stem(Lower(word))); }

std::string FrenchTerms::UnaccentedTerm(std::string_view word) { return Stem(StripAccents(Lower(word))); }

const FrenchTerms::Terms& FrenchTerms::Lookup(std::string_view word) {
  auto it = cache_.find(word);
  if (it != cache_.end()) return it->second;
  // News vocabulary is mostly a few tens of thousands of words; start over past that.
  if (cache_.size() >= 200000) cache_.clear();
  Terms t;
  t.term = Term(word);
  if (!IsAscii(word)) {
    t.unaccented = UnaccentedTerm(word);
    if (t.unaccented == t.term) t.unaccented.clear();
  }
  return cache_.emplace(std::string(word), std::move(t)).first->second;
}

void FrenchTerms::Split(std::string_view text, bool variants, const TermFn& fn) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8::Next(text, i);
    if (!IsWordChar(c)) continue;
    size_t end = i;
    while (end < text.size()) {
      size_t j = end;
      if (!IsWordChar(utf8::Next(text, j))) break;
      end = j;
    }
    i = end;
    const Terms& t = Lookup(text.substr(start, end - start));
    if (!fn(t.term, static_cast<int>(start), static_cast<int>(end), false)) return;
    if (variants && !t.unaccented.empty() && !fn(t.unaccented, static_cast<int>(start), static_cast<int>(end), true))
      return;
  }
}

void RegisterFrenchTokenizer(sqlite3* db) {
  fts5_api* api = GetFts5Api(db);
  if (!api || api->iVersion < 2) throw StoreError("SQLite was built without FTS5");
  static fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  if (api->xCreateTokenizer(api, "veille_french", nullptr, &tokenizer, nullptr) != SQLITE_OK)
    throw StoreError(fmt::format("cannot register the FTS5 tokenizer: {}", sqlite3_errmsg(db)));
}

}  // namespace veille::store
