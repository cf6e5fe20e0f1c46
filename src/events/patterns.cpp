#include "events/patterns.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/dict_file.h"
#include "core/hash.h"

namespace veille {
namespace {

const std::set<std::string, std::less<>> kPrepositions = {
    "à", "de", "avec", "contre", "envers", "par", "entre", "en", "pour", "vers", "auprès_de", "sur", "chez", "dans",
    "face_à", "aux_côtés_de", "sans", "après", "devant", "parmi"};

std::vector<std::string> SplitWords(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsLowerWord(std::string_view w) {
  if (w.empty()) return false;
  for (unsigned char c : w)
    if ((c >= 'A' && c <= 'Z') || c == ' ' || c == '[' || c == ']' || c == ':') return false;
  return true;
}

VerbPattern ParsePattern(const DictLine& line, std::string_view text) {
  VerbPattern p;
  p.text = std::string(text);
  std::vector<std::string> words = SplitWords(text, ' ');
  if (words.empty()) line.Fail("empty pattern");
  size_t i = 0;
  if (words[0] == "se" || words[0] == "s'") {
    p.reflexive = true;
    ++i;
  } else if (words[0].rfind("s'", 0) == 0) {
    p.reflexive = true;
    words[0] = words[0].substr(2);
  }
  if (i >= words.size()) line.Fail("pattern has no head after 'se'");
  std::string head = words[i++];
  if (head.size() > 2 && head.compare(head.size() - 2, 2, ":n") == 0) {
    p.noun = true;
    head.resize(head.size() - 2);
  }
  if (!IsLowerWord(head) || head.find('|') != std::string::npos)
    line.Fail("the head must be one lower-case lemma: '" + head + "'");
  if (p.reflexive && p.noun) line.Fail("a noun head cannot be reflexive");
  p.head = head;
  std::vector<std::string> pending_preps;  // a preposition waiting for its slot
  // "[S]", "[T]", or with a class of actor: "[T:pop]" (a population named by a demonym noun).
  auto is_slot = [](const std::string& w) {
    return w.size() >= 3 && w[0] == '[' && (w[1] == 'S' || w[1] == 'T') && (w[2] == ']' || w[2] == ':');
  };
  for (; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (is_slot(w)) {
      PatternElement e;
      e.kind = w[1] == 'S' ? PatternElement::Kind::kSource : PatternElement::Kind::kTarget;
      if (w[2] == ':') {
        e.actor_class = w.substr(3, w.size() - 4);
        if (w.back() != ']' || e.actor_class != "pop")
          line.Fail("unknown slot class in '" + w + "' (the class is 'pop': [T:pop])");
      } else if (w.size() != 3) {
        line.Fail("unknown slot '" + w + "' (slots are [S] and [T])");
      }
      e.words = pending_preps;
      pending_preps.clear();
      for (const std::string& prep : e.words) {
        e.keys.push_back(WordKey(std::string_view(prep).substr(0, prep.find('_'))));
        using Prep = PatternElement::Prep;
        e.prep_kinds.push_back(prep == "à"    ? Prep::kA
                               : prep == "de" ? Prep::kDe
                               : prep == "en" ? Prep::kEn
                               : prep.find('_') != std::string::npos ? Prep::kWords
                                                                     : Prep::kWord);
      }
      for (const auto& prior : p.elements)
        if (prior.kind == e.kind) line.Fail("slot " + w + " appears twice");
      p.elements.push_back(std::move(e));
      continue;
    }
    if (w.find('[') != std::string::npos || w.find(']') != std::string::npos)
      line.Fail("unknown slot '" + w + "' (slots are [S] and [T])");
    if (w.find(":n") != std::string::npos) line.Fail("':n' marks the head only: '" + w + "'");
    std::vector<std::string> alts = SplitWords(w, '|');
    if (alts.empty()) line.Fail("empty alternative in '" + w + "'");
    for (const auto& a : alts)
      if (!IsLowerWord(a)) line.Fail("pattern words are lower-case lemmas: '" + a + "'");
    bool all_preps = std::all_of(alts.begin(), alts.end(), [](const std::string& a) { return kPrepositions.count(a); });
    bool next_is_slot = i + 1 < words.size() && is_slot(words[i + 1]);
    if (all_preps && next_is_slot) {
      if (!pending_preps.empty()) line.Fail("two prepositions before one slot");
      pending_preps = alts;
      continue;
    }
    PatternElement e;
    e.words = std::move(alts);
    for (const std::string& a : e.words) e.keys.push_back(WordKey(a));
    p.elements.push_back(std::move(e));
  }
  if (p.noun && p.has_source_slot() == false && p.elements.empty())
    line.Fail("a bare noun head is too vague; add a complement or a slot");
  return p;
}

}  // namespace

bool VerbPattern::has_source_slot() const {
  return std::any_of(elements.begin(), elements.end(),
                     [](const PatternElement& e) { return e.kind == PatternElement::Kind::kSource; });
}
bool VerbPattern::has_target_slot() const {
  return std::any_of(elements.begin(), elements.end(),
                     [](const PatternElement& e) { return e.kind == PatternElement::Kind::kTarget; });
}

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kNone: return "none";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kDenied: return "denied";
    case Modality::kNegated: return "negated";
    case Modality::kReported: return "reported";
    case Modality::kNegatedHypothetical: return "negated-hypothetical";
    case Modality::kIntent: return "intent";
    case Modality::kThreat: return "threat";
    case Modality::kReject: return "reject";
  }
  return "none";
}

PatternSet PatternSet::Load(const Codebook& codebook) {
  namespace fs = std::filesystem;
  PatternSet set;
  std::vector<std::string> files;
  fs::path dir = fs::path(DictRoot()) / "verbs" / "fr";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() > 7 && isdigit(static_cast<unsigned char>(name[0])) &&
        isdigit(static_cast<unsigned char>(name[1])) && name[2] == '-' && entry.path().extension() == ".tsv")
      files.push_back(name);
  }
  if (ec || files.empty()) throw DictError(dir.string(), 0, "no pattern files (NN-name.tsv)");
  std::sort(files.begin(), files.end());
  std::set<std::pair<std::string, std::string>> seen;
  for (const std::string& name : files) {
    std::string root = name.substr(0, 2);
    ReadDictFile(
        "verbs/fr/" + name,
        [&](const DictLine& line) {
          std::string code(line.fields[0]);
          if (!codebook.Find(code)) line.Fail("unknown CAMEO code '" + code + "' (dict/cameo/codes.tsv)");
          if (code.compare(0, 2, root) != 0) line.Fail("code " + code + " does not belong to root " + root);
          VerbPattern p = ParsePattern(line, line.fields[1]);
          p.code = code;
          p.example = std::string(line.fields[2]);
          p.rule = line.Where();
          p.order = static_cast<int>(set.patterns_.size());
          if (!seen.emplace(code, p.text).second) line.Fail("duplicate pattern '" + p.text + "' for " + code);
          set.patterns_.push_back(std::move(p));
        },
        3, 3);
  }
  for (int noun = 0; noun < 2; ++noun) {
    std::vector<HeadSlot>& table = set.heads_[noun];
    std::set<std::string_view> heads;
    for (const VerbPattern& p : set.patterns_)
      if (p.noun == (noun == 1)) heads.insert(p.head);
    size_t size = 16;
    while (size < 4 * heads.size()) size *= 2;
    table.assign(size, HeadSlot{});
    for (const VerbPattern& p : set.patterns_) {
      if (p.noun != (noun == 1)) continue;
      const uint64_t key = WordKey(p.head);
      set.head_bits_[noun][(key >> 6) & (kHeadBitWords - 1)] |= uint64_t{1} << (key & 63);
      size_t i = key & (size - 1);
      while (!table[i].head.empty() && table[i].head != p.head) i = (i + 1) & (size - 1);
      table[i].key = key;
      table[i].head = p.head;
      table[i].patterns.push_back(&p);
    }
  }
  ReadDictFile(
      "verbs/fr/modality.tsv",
      [&](const DictLine& line) {
        std::string lemma(line.fields[0]);
        std::string_view effect = line.fields[1];
        Modality m;
        if (effect == "hypothetical") m = Modality::kHypothetical;
        else if (effect == "denied") m = Modality::kDenied;
        else if (effect == "negated") m = Modality::kNegated;
        else if (effect == "reported") m = Modality::kReported;
        else if (effect == "negated-hypothetical") m = Modality::kNegatedHypothetical;
        else if (effect == "intent") m = Modality::kIntent;
        else if (effect == "threat") m = Modality::kThreat;
        else if (effect == "reject") m = Modality::kReject;
        else line.Fail("unknown effect '" + std::string(effect) + "'");
        if (lemma.rfind("se ", 0) == 0) lemma = lemma.substr(3);
        else if (lemma.rfind("s'", 0) == 0) lemma = lemma.substr(2);
        const uint64_t key = WordKey(lemma);
        set.modality_bits_[(key >> 6) & (kHeadBitWords - 1)] |= uint64_t{1} << (key & 63);
        if (!set.modality_.emplace(lemma, std::make_pair(m, line.Where())).second)
          line.Fail("duplicate modality entry '" + lemma + "'");
        set.modality_examples_.emplace_back(lemma, std::string(line.fields[2]));
      },
      3, 3);
  ReadDictFile(
      "verbs/fr/abstract-objects.tsv",
      [&](const DictLine& line) {
        std::string lemma(line.fields[0]);
        if (lemma.empty() || lemma.find(' ') != std::string::npos) line.Fail("one noun lemma per line");
        if (!IsLowerWord(lemma)) line.Fail("lemma '" + lemma + "' is not lower case");
        if (!set.abstract_.emplace(lemma, line.Where()).second) line.Fail("duplicate abstract noun '" + lemma + "'");
      },
      1, 1);
  return set;
}

const std::string* PatternSet::AbstractObject(std::string_view lemma) const {
  auto it = abstract_.find(lemma);
  return it == abstract_.end() ? nullptr : &it->second;
}

const std::vector<const VerbPattern*>& PatternSet::ForHead(std::string_view lemma, bool noun) const {
  return ForHead(lemma, WordKey(lemma), noun);
}

const std::vector<const VerbPattern*> PatternSet::kNoPatterns;

const std::vector<const VerbPattern*>& PatternSet::Find(std::string_view lemma, uint64_t key, bool noun) const {
  const std::vector<HeadSlot>& table = heads_[noun ? 1 : 0];
  if (table.empty()) return kNoPatterns;
  const size_t mask = table.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const HeadSlot& slot = table[i];
    if (slot.head.empty()) return kNoPatterns;
    if (slot.key == key && slot.head == lemma) return slot.patterns;
  }
}

Modality PatternSet::FindModality(std::string_view lemma) const {
  auto it = modality_.find(std::string(lemma));
  return it == modality_.end() ? Modality::kNone : it->second.first;
}

const std::string* PatternSet::ModalityRule(std::string_view lemma) const {
  auto it = modality_.find(std::string(lemma));
  return it == modality_.end() ? nullptr : &it->second.second;
}

}  // namespace veille
