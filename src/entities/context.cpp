#include "entities/context.h"

#include "core/dict_file.h"

namespace veille {
namespace {

constexpr size_t kWindow = 40;  // bytes looked at before a mention

// Lower case for the ASCII letters and the capitals French puts at a sentence
// start (À, É), typographic apostrophe as "'"; other bytes kept. Writes at `out`
// (never more bytes than s.size()) and returns the end.
char* LowerTo(std::string_view s, char* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      *out++ = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9E && static_cast<unsigned char>(s[i + 1]) != 0x97) {
      *out++ = static_cast<char>(c);
      *out++ = static_cast<char>(s[i + 1] + 0x20);  // À..Þ -> à..þ
      ++i;
    } else if (c == 0xE2 && s.substr(i, 3) == "\xE2\x80\x99") {
      *out++ = '\'';
      i += 2;
    } else {
      *out++ = static_cast<char>(c);
    }
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s.size(), '\0');
  out.resize(static_cast<size_t>(LowerTo(s, out.data()) - out.data()));
  return out;
}

bool IsLetterByte(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

}  // namespace

MentionContext::MentionContext() {
  ReadDictFile(
      "actors/context.tsv",
      [&](const DictLine& line) {
        std::string kind(line.fields[0]);
        Phrase p{Lower(line.fields[1]), line.Where()};
        if (p.text.empty() || p.text.front() == ' ' || p.text.back() == ' ') line.Fail("phrase has stray spaces");
        if (p.text.size() + 2 > kWindow) line.Fail("phrase longer than the window looked at");
        if (kind == "place") {
          place_.Add(std::move(p));
        } else if (kind == "former") {
          former_.Add(std::move(p));
        } else {
          line.Fail("unknown kind '" + kind + "' (place | former)");
        }
      },
      2, 3);
}

void MentionContext::Phrases::Add(Phrase p) {
  by_last[static_cast<unsigned char>(p.text.back())].push_back(static_cast<uint16_t>(list.size()));
  list.push_back(std::move(p));
}

const std::string* MentionContext::Before(const Phrases& phrases, std::string_view text, size_t start,
                                          bool hyphen) {
  // Most mentions follow no phrase: the bytes right before the mention tell before the
  // window is lowered. The window's last byte, lowered, is that of the text but for a
  // typographic apostrophe (its last byte 0x99); the byte before a space, lowered, is one of
  // c, c + 32 (A..Z) or c + 0x20 (the second byte of À..Þ), or an apostrophe (no match).
  if (start < 2) return nullptr;
  const unsigned char b = static_cast<unsigned char>(text[start - 1]);
  if (b == ' ' || (hyphen && b == '-')) {
    const unsigned char c = static_cast<unsigned char>(text[start - 2]);
    if (phrases.by_last[c].empty() && !(c >= 'A' && c <= 'Z' && !phrases.by_last[c + 32].empty()) &&
        !(c >= 0x80 && c <= 0x9E && !phrases.by_last[c + 0x20].empty()))
      return nullptr;
  } else if (b != '\'' && b != 0x99) {
    return nullptr;
  }
  size_t from = start > kWindow ? start - kWindow : 0;
  while (from < start && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;  // a character start
  char buffer[kWindow];  // the window is at most kWindow bytes; its lower case is no longer
  std::string_view window = text.substr(from, start - from);
  std::string_view before(buffer, static_cast<size_t>(LowerTo(window, buffer) - buffer));
  // "<phrase> " before the mention, or "<phrase>" ending in an apostrophe, or "<phrase>-" for
  // "ex-": the phrase ends with the window's last byte when that is an apostrophe (and only
  // those phrases end there), else with the byte before the space or hyphen.
  if (before.empty()) return nullptr;
  unsigned char last = static_cast<unsigned char>(before.back());
  if (last != '\'') {
    if (!(last == ' ' || (hyphen && last == '-')) || before.size() < 2) return nullptr;
    last = static_cast<unsigned char>(before[before.size() - 2]);
    if (last == '\'') return nullptr;  // (a phrase ending with an apostrophe takes no space)
  }
  for (uint16_t index : phrases.by_last[last]) {
    const Phrase& p = phrases.list[index];
    size_t end = before.size();
    if (p.text.back() != '\'') {
      if (end == 0 || !(before[end - 1] == ' ' || (hyphen && before[end - 1] == '-'))) continue;
      --end;
    }
    if (end < p.text.size() || before.compare(end - p.text.size(), p.text.size(), p.text) != 0) continue;
    size_t at = end - p.text.size();
    if (at > 0 && IsLetterByte(before[at - 1]) && before[at - 1] != '\'') continue;
    if (at == 0 && from > 0) continue;  // the window cut a word
    return &p.rule;
  }
  return nullptr;
}

const std::string* MentionContext::PlaceBefore(std::string_view text, size_t start) const {
  return Before(place_, text, start, false);
}

const std::string* MentionContext::FormerBefore(std::string_view text, size_t start) const {
  return Before(former_, text, start, true);
}

}  // namespace veille
