#include "entities/ner.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>
#include <unordered_map>

#include "core/dict_file.h"
#include "entities/actors.h"
#include "entities/by_start.h"
#include "entities/ner_model.h"
#include "entities/ner_words.h"
#include "entities/skeleton.h"
#include "segment/chars.h"
#include "syntax/tokenizer.h"

namespace veille {
namespace {

constexpr char kModelFile[] = "models/fr-ner.bin";

bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

// "Jeanne Dupont-Moreau" -> "jeanne-dupont-moreau".
std::string Slug(std::string_view name) {
  std::string folded = Skeleton::Fold(name), out;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) >= 0x80);
    if (alnum) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// The last word of a name, folded ("Jeanne Dupont" -> "dupont").
std::string LastWord(std::string_view name) {
  size_t sp = name.find_last_of(' ');
  return Skeleton::Fold(sp == std::string_view::npos ? name : name.substr(sp + 1));
}

// A token after which a word is capitalised anyway: the end of a sentence the segmenter
// did not cut, an opening quote, a colon, a dash.
bool OpensSentence(std::string_view t) {
  static const std::string_view kMarks[] = {".", "!", "?", ":", "\"", "\xC2\xAB", "\xE2\x80\x94", "\xE2\x80\x93", "-"};
  for (std::string_view m : kMarks)
    if (t == m) return true;
  return false;
}

bool HasCapital(std::string_view s) {
  size_t len;
  for (size_t i = 0; i < s.size(); i += len)
    if (segment::IsUpper(segment::DecodeAt(s, i, s.size(), &len))) return true;
  return false;
}

// Character classes for HasFreeCapital: kWordChar a letter or digit, kCapital an upper-case
// letter. ASCII bytes by a table; the two-byte Latin-1 letters (C3 80..C3 BF: À..ÿ but × and ÷)
// directly; any other character through segment::IsUpper / IsLetter (ICU).
enum : uint8_t { kWordChar = 1, kCapital = 2 };
struct AsciiClasses {
  uint8_t c[128] = {};
  constexpr AsciiClasses() {
    for (int b = 'a'; b <= 'z'; ++b) c[b] = kWordChar;
    for (int b = 'A'; b <= 'Z'; ++b) c[b] = kWordChar | kCapital;
    for (int b = '0'; b <= '9'; ++b) c[b] = kWordChar;
  }
};
constexpr AsciiClasses kAscii;

// The classes of the character at text[i] (i < end), and its length.
inline uint8_t ClassAt(std::string_view text, size_t i, size_t end, size_t* len) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    *len = 1;
    return kAscii.c[b];
  }
  if (b == 0xC3 && i + 1 < end) {
    unsigned char b2 = static_cast<unsigned char>(text[i + 1]);
    if (b2 >= 0x80 && b2 <= 0xBF) {  // U+00C0..U+00FF
      *len = 2;
      if (b2 == 0x97 || b2 == 0xB7) return 0;  // × ÷
      return b2 <= 0x9E ? kWordChar | kCapital : kWordChar;
    }
  }
  char32_t c = segment::DecodeAt(text, i, end, len);
  return static_cast<uint8_t>((segment::IsLetter(c) || segment::IsDigit(c) ? kWordChar : 0) |
                              (segment::IsUpper(c) ? kCapital : 0));
}

static_assert(std::endian::native == std::endian::little, "HasFreeCapital reads eight bytes as a little-endian word");

// Whether text[span] has a word starting with a capital after its first word, outside
// the entities [e, end) (sorted by start).
bool HasFreeCapital(std::string_view text, Span span, std::vector<Entity>::const_iterator e,
                    std::vector<Entity>::const_iterator end) {
  size_t i = span.start;
  while (i < span.end && text[i] != ' ') i++;  // the first word
  bool word_start = false;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (i < span.end) {
    // Eight bytes at a time while none is a capital A-Z or a byte >= 0x80 (most of a
    // sentence): only whether the last of them ends a word matters then.
    bool one = false;  // stopped at a capital or a non-ASCII byte: that character alone
    while (i + 8 <= span.end) {
      uint64_t x;
      std::memcpy(&x, bytes + i, 8);
      constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
      // (bytes < 0x80: b + 0x3F has its high bit from 'A' on, b + 0x25 from '[' on; no carries
      // below the first byte >= 0x80, so the lowest flagged byte is the first such one)
      uint64_t capital = (x + kOnes * (0x80 - 'A')) & ~(x + kOnes * (0x80 - 'Z' - 1));
      if (uint64_t flagged = (x | capital) & kHigh) {
        // Up to the first capital or non-ASCII byte (little-endian: the lowest flagged byte).
        size_t k = static_cast<size_t>(std::countr_zero(flagged)) >> 3;
        if (k) word_start = !(kAscii.c[bytes[i + k - 1]] & kWordChar);
        i += k;
        one = true;
        break;
      }
      word_start = !(kAscii.c[bytes[i + 7]] & kWordChar);
      i += 8;
    }
    // Then that character, or character by character up to the end (fewer than eight bytes).
    const size_t stop = one ? i + 1 : span.end;
    while (i < stop) {
      size_t len;
      uint8_t c = ClassAt(text, i, span.end, &len);
      if (word_start && (c & kCapital)) {
        while (e != end && e->span.end <= i) ++e;
        if (e == end || e->span.start > i) return true;
      }
      word_start = !(c & kWordChar);
      i += len;
    }
  }
  return false;
}

// Adds `added` to `entities` as a stable sort by start of their concatenation would order
// them (entities::MergeByStart), moving each entity once: both are normally in text order,
// so one merge into a new vector instead of growing `entities` and then merging.
void MergeInto(std::vector<Entity>* entities, std::vector<Entity>* added) {
  auto starts_before = [](const Entity& a, const Entity& b) { return a.span.start < b.span.start; };
  if (!std::is_sorted(entities->begin(), entities->end(), starts_before) ||
      !std::is_sorted(added->begin(), added->end(), starts_before)) {
    const size_t dictionary_entities = entities->size();
    std::move(added->begin(), added->end(), std::back_inserter(*entities));
    entities::MergeByStart(entities, dictionary_entities);
    return;
  }
  std::vector<Entity> out;
  out.reserve(entities->size() + added->size());
  // (std::merge takes the first range's element among equal starts, as the stable sort does)
  std::merge(std::make_move_iterator(entities->begin()), std::make_move_iterator(entities->end()),
             std::make_move_iterator(added->begin()), std::make_move_iterator(added->end()), std::back_inserter(out),
             starts_before);
  entities->swap(out);
}

}  // namespace

struct NerTagger::Countries {
  std::unordered_map<std::string, std::pair<std::string, std::string>> by_name;  // folded -> id, cameo
};

NerTagger NerTagger::Load() { return LoadFrom(DictPath(kModelFile)); }

NerTagger NerTagger::LoadFrom(const std::string& model_path) {
  NerTagger t;
  t.model_ = std::make_shared<const ner::NerModel>(ner::NerModel::Load(model_path));
  t.lexicon_ = std::make_shared<const ner::NerLexicon>(ner::NerLexicon::Load());
  t.tokenizer_ = std::make_shared<const Tokenizer>(Tokenizer::Load());
  auto countries = std::make_shared<Countries>();
  ActorTables tables = LoadActors();
  for (const ActorTables::Name& n : tables.names) {
    const Alias& alias = tables.aliases[n.alias];
    const Actor& actor = tables.actors[alias.actor];
    if (actor.kind == ActorKind::kCountry && (alias.via == "name" || alias.via == "alias"))
      countries->by_name.emplace(Skeleton::Fold(n.text), std::make_pair(actor.id, actor.cameo));
  }
  t.countries_ = std::move(countries);
  return t;
}

void NerTagger::TagSentence(std::string_view text, Span span, std::vector<Mention>* out) const {
  thread_local std::vector<Span> spans;
  spans.clear();
  tokenizer_->Tokenize(text, span, &spans);
  TagTokens(text, spans, out);
}

void NerTagger::TagTokens(std::string_view text, std::span<const Span> spans, std::vector<Mention>* out) const {
  thread_local std::vector<ner::NerModel::WordRows*> rows;
  thread_local std::vector<ner::NerWord> plain;  // without the compact table
  thread_local std::vector<int> tags;
  thread_local std::string lower;
  const ner::NerModel& m = *model_;
  // The words' gazetteer bits (kGivenName below).
  auto gaz = [&](size_t i) { return m.dense() ? rows[i + 2]->word.gaz : plain[i].gaz; };
  if (m.dense()) {
    // Each distinct word is described and scored once (per thread, across documents).
    ner::WordTable& table = ner::WordTable::For(m, *lexicon_);
    table.Reserve(spans.size());
    rows.resize(spans.size() + 4);
    rows[0] = rows[1] = table.Boundary(true);
    for (size_t i = 0; i < spans.size(); i++) rows[i + 2] = table.Find(spans[i].of(text));
    rows[spans.size() + 2] = rows[spans.size() + 3] = table.Boundary(false);
    m.DecodeRows(rows.data() + 2, static_cast<int>(spans.size()), &tags);
  } else {
    plain.resize(spans.size());
    for (size_t i = 0; i < spans.size(); i++) ner::DescribeWord(spans[i].of(text), *lexicon_, &plain[i], &lower);
    m.Decode(plain.data(), static_cast<int>(plain.size()), &tags);
  }
  size_t first = out->size();
  for (size_t i = 0; i < tags.size(); i++) {
    int t = tags[i];
    if (t == m.outside) continue;
    const std::string type = m.tags[t].substr(2);
    bool continues = out->size() > first && out->back().span.end == spans[i - 1].end;
    if (continues && m.inside_of[t] >= 0 && out->back().type == type) {
      out->back().span.end = spans[i].end;
      continue;
    }
    // A given name alone followed by another name is one person ("Paul" + "Martin").
    if (continues && out->back().span == spans[i - 1] && (gaz(i - 1) & ner::kGivenName) &&
        m.inside_of[t] < 0 && (i + 1 == tags.size() || m.inside_of[tags[i + 1]] < 0)) {
      out->back().span.end = spans[i].end;
      out->back().type = "PER";
      continue;
    }
    bool alone = (i == 0 || OpensSentence(spans[i - 1].of(text))) &&
                 (i + 1 == tags.size() || m.inside_of[tags[i + 1]] < 0);
    out->push_back(Mention{spans[i], type, alone});
  }
  // A name has a capital letter: drop "frontières", ".".
  out->erase(std::remove_if(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                            [&](const Mention& x) { return !HasCapital(x.span.of(text)); }),
             out->end());
}

std::vector<NerTagger::Mention> NerTagger::TagText(std::string_view sentence) const {
  std::vector<Mention> out;
  TagSentence(sentence, Span{0, static_cast<uint32_t>(sentence.size())}, &out);
  return out;
}

size_t NerTagger::Run(Doc& doc, SentenceTokens* words) const {
  size_t tagged = 0;
  std::string_view text = doc.text;
  std::vector<Mention> found;
  auto e = doc.entities.cbegin();
  for (const Span& s : doc.sentences) {
    while (e != doc.entities.cend() && e->span.end <= s.start) ++e;
    if (!HasFreeCapital(text, s, e, doc.entities.cend())) continue;
    tagged++;
    size_t before = found.size();
    if (words) {
      TagTokens(text, words->Of(static_cast<uint32_t>(&s - doc.sentences.data())), &found);
    } else {
      TagSentence(text, s, &found);
    }
    // The dictionary wins: drop the spans that overlap its entities.
    auto keep = std::remove_if(found.begin() + static_cast<std::ptrdiff_t>(before), found.end(), [&](const Mention& m) {
      for (auto x = e; x != doc.entities.cend() && x->span.start < m.span.end; ++x)
        if (Overlaps(x->span, m.span)) return true;
      return false;
    });
    found.erase(keep, found.end());
  }
  if (found.empty()) return tagged;

  // A surname opening a sentence the model did not tag ("Haddad parle."): the last word of a
  // longer person mention of the document, as the first word of a sentence.
  std::unordered_map<std::string, bool> surnames;
  for (const Mention& m : found)
    if (m.type == "PER" && m.span.of(text).find(' ') != std::string_view::npos) surnames[LastWord(m.span.of(text))] = true;
  if (!surnames.empty()) {
    size_t before = found.size();
    for (const Span& s : doc.sentences) {
      uint32_t end = s.start;
      while (end < s.end && text[end] != ' ' && text[end] != ',' && text[end] != '.') end++;
      Span w{s.start, end};
      if (w.empty() || !surnames.count(Skeleton::Fold(w.of(text)))) continue;
      bool taken = std::any_of(found.begin(), found.end(), [&](const Mention& m) { return Overlaps(m.span, w); }) ||
                   std::any_of(doc.entities.begin(), doc.entities.end(), [&](const Entity& e) { return Overlaps(e.span, w); });
      if (!taken) found.push_back(Mention{w, "PER", false});
    }
    if (found.size() > before)
      std::sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) { return a.span.start < b.span.start; });
  }

  std::vector<Entity> added;  // the model's, in text order
  added.reserve(found.size());
  // Names: the longest mention of the document ending with the same word, per type.
  std::unordered_map<std::string, std::string_view> longest;  // type + last word -> mention
  std::unordered_map<std::string, int> mentions;              // last word -> how many mentions
  std::vector<std::string> keys(found.size());                // type + last word, by mention
  for (size_t i = 0; i < found.size(); ++i) {
    const Mention& m = found[i];
    std::string_view t = m.span.of(text);
    std::string last = LastWord(t);
    keys[i] = m.type + " " + last;
    auto [it, added] = longest.emplace(keys[i], t);
    if (!added && t.size() > it->second.size()) it->second = t;
    mentions[last]++;
  }
  for (size_t i = 0; i < found.size(); ++i) {
    const Mention& m = found[i];
    // A sentence's first word tagged alone is kept only when the document names it again.
    // (keys[i] is the type, a space and the last word)
    if (m.first_alone && mentions[keys[i].substr(m.type.size() + 1)] < 2) continue;
    std::string_view t = m.span.of(text);
    std::string_view name = longest.at(keys[i]);
    Entity ent;
    ent.span = m.span;
    ent.type = m.type;
    ent.name = std::string(name);
    ent.via = "model";
    ent.rule = "dict/models/fr-ner.bin";
    if (m.type == "LOC") {
      auto c = countries_->by_name.find(Skeleton::Fold(t));
      if (c != countries_->by_name.end()) {
        ent.type = "GPE";
        ent.id = c->second.first;
        ent.actor = c->second.second;
        added.push_back(std::move(ent));
        continue;
      }
    }
    std::string prefix = m.type == "PER" ? "model:per:" : m.type == "ORG" ? "model:org:" : "model:loc:";
    ent.id = prefix + Slug(name);
    added.push_back(std::move(ent));
  }
  MergeInto(&doc.entities, &added);
  return tagged;
}

}  // namespace veille
