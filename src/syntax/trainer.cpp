#include "syntax/trainer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "syntax/decode.h"
#include "syntax/lemmatizer.h"
#include "syntax/model.h"
#include "syntax/perceptron.h"

namespace veille::syntax {
namespace {

std::string ClassOf(const UdWord& w) {
  std::string c = PosName(w.pos);
  if ((w.pos == Pos::kVerb || w.pos == Pos::kAux) && !w.feats.empty()) c += "|" + w.feats;
  return c;
}

}  // namespace

Model Train(const std::vector<UdSentence>& train, const TrainOptions& o,
            const std::function<void(const std::string&)>& log) {
  Model m;
  // Classes, in byte order.
  std::set<std::string> names;
  for (const UdSentence& s : train)
    for (const UdWord& w : s) names.insert(ClassOf(w));
  if (names.size() > 255) throw std::runtime_error("more than 255 classes in the training data");
  m.classes.assign(names.begin(), names.end());
  std::map<std::string, int> class_id;
  for (size_t i = 0; i < m.classes.size(); i++) class_id[m.classes[i]] = static_cast<int>(i);

  // Tag dictionary: frequent words (as written) that almost always have one class.
  std::map<std::string, std::map<int, int>> seen;
  for (const UdSentence& s : train)
    for (const UdWord& w : s) seen[w.form][class_id[ClassOf(w)]]++;
  std::vector<std::pair<uint64_t, uint8_t>> fixed;
  for (const auto& [form, counts] : seen) {
    int total = 0, best = -1, best_n = 0;
    for (const auto& [c, n] : counts) {
      total += n;
      if (n > best_n) {
        best = c;
        best_n = n;
      }
    }
    if (total >= o.tagdict_min_count && best_n >= o.tagdict_min_ratio * total)
      fixed.emplace_back(HashBytes(form), static_cast<uint8_t>(best));
  }
  std::sort(fixed.begin(), fixed.end());
  for (const auto& [k, c] : fixed) {
    m.tagdict_keys.push_back(k);
    m.tagdict_class.push_back(c);
  }
  m.feature_begin = {0};
  BuildLemmatizer(train, o.rule_min_support, &m);
  m.Index();

  // The ambiguity class of a training word comes from the other folds of the training data
  // (jackknifing), so that the model learns what unknown words (mask 0) look like.
  constexpr size_t kFolds = 10;
  std::unordered_map<std::string, std::vector<uint32_t>> pos_counts;  // form -> [fold * 17 + pos]
  const size_t kPos = static_cast<size_t>(Pos::kX) + 1;
  for (size_t s = 0; s < train.size(); s++)
    for (const UdWord& w : train[s]) {
      std::vector<uint32_t>& c = pos_counts[Lower(w.form)];
      if (c.empty()) c.assign(kFolds * kPos, 0);
      c[(s % kFolds) * kPos + static_cast<size_t>(w.pos)]++;
    }
  auto FoldMask = [&](const std::string& form, size_t fold) {
    auto it = pos_counts.find(form);
    if (it == pos_counts.end()) return 0u;
    uint32_t mask = 0;
    for (size_t f = 0; f < kFolds; f++) {
      if (f == fold) continue;
      for (size_t p = 0; p < kPos; p++)
        if (it->second[f * kPos + p] > 0) mask |= 1u << p;
    }
    return mask;
  };

  // Gold classes and word descriptions, computed once.
  struct Prepared {
    std::vector<WordInfo> words;
    std::vector<int> gold;
  };
  std::vector<Prepared> data(train.size());
  std::string lower;
  for (size_t s = 0; s < train.size(); s++) {
    for (const UdWord& w : train[s]) {
      WordInfo info;
      Describe(w.form, &info, &lower);
      info.amb = FoldMask(lower, s % kFolds);
      data[s].words.push_back(info);
      data[s].gold.push_back(class_id[ClassOf(w)]);
    }
  }

  Perceptron p(m.classes.size());
  std::vector<float> scores(m.classes.size());
  uint64_t feats[kMaxFeatures];
  TrainPasses(data.size(), o.iterations, o.seed, [&](size_t s) {
    const Prepared& d = data[s];
    int n = static_cast<int>(d.words.size());
    return GreedySentence(d.gold, kStartTag, [&](int i, int prev, int prev2) {
      int guess = m.Fixed(d.words[i].word);
      if (guess >= 0) {
        p.Tick();
      } else {
        int k = Extract(d.words.data(), n, i, prev, prev2, feats);
        guess = p.Predict(feats, k, &scores);
        p.Update(feats, k, d.gold[i], guess);
      }
      return guess;
    });
  }, log);
  SparseWeights w = p.Average(o.prune);
  m.feature_keys = std::move(w.keys);
  m.feature_begin = std::move(w.begin);
  m.entry_class = std::move(w.cls);
  m.entry_weight = std::move(w.weight);
  m.Index();
  return m;
}

Accuracy Evaluate(const Model& model, const std::vector<UdSentence>& gold, std::map<std::string, size_t>* errors,
                  const LemmaOverrides* verbs) {
  std::unordered_set<std::string> known;
  for (const LexEntry& e : model.lexicon) known.insert(e.form);
  Accuracy a;
  Scratch scratch;
  std::vector<std::string_view> forms;
  for (const UdSentence& s : gold) {
    forms.clear();
    for (const UdWord& w : s) forms.push_back(w.form);
    TagForms(model, forms.data(), forms.size(), &scratch, verbs);
    for (size_t i = 0; i < s.size(); i++) {
      const UdWord& w = s[i];
      int c = scratch.classes[i];
      Pos pos = model.class_pos[c];
      bool unseen = !known.count(std::string(scratch.word(i).lower));
      a.words++;
      a.fixed += model.Fixed(HashBytes(w.form)) >= 0;
      a.upos += pos == w.pos;
      if (w.pos == Pos::kVerb || w.pos == Pos::kAux) {
        a.verbs++;
        a.verb_feats += model.class_feats[c] == w.feats;
      }
      std::string lemma = model.Lemma(scratch.word(i).lower, pos);
      bool lemma_ok = lemma == Lower(w.lemma);
      if (errors) {
        if (pos != w.pos) (*errors)[fmt::format("{} -> {}", PosName(w.pos), PosName(pos))]++;
        else if ((w.pos == Pos::kVerb || w.pos == Pos::kAux) && model.class_feats[c] != w.feats)
          (*errors)[fmt::format("{} -> {}", w.feats, model.class_feats[c])]++;
        if (unseen && !lemma_ok)
          (*errors)[fmt::format("lemma: {} {} -> {} (gold {})", scratch.word(i).lower, PosName(pos), lemma, Lower(w.lemma))]++;
      }
      a.lemma += lemma_ok;
      if (unseen) {
        a.unseen++;
        a.unseen_lemma += lemma_ok;
        a.unseen_upos += pos == w.pos;
      }
    }
  }
  return a;
}

Accuracy EvaluateBaseline(const std::vector<UdSentence>& train, const std::vector<UdSentence>& gold) {
  std::map<std::string, std::map<int, size_t>> counts;
  for (const UdSentence& s : train)
    for (const UdWord& w : s) counts[Lower(w.form)][static_cast<int>(w.pos)]++;
  Accuracy a;
  for (const UdSentence& s : gold)
    for (const UdWord& w : s) {
      std::string lower = Lower(w.form);
      auto it = counts.find(lower);
      Pos pos = Pos::kNoun;
      if (it != counts.end()) {
        size_t best = 0;
        for (const auto& [p, n] : it->second)
          if (n > best) {
            best = n;
            pos = static_cast<Pos>(p);
          }
      }
      bool lemma_ok = lower == Lower(w.lemma);
      a.words++;
      a.upos += pos == w.pos;
      a.lemma += lemma_ok;
      if (it == counts.end()) {
        a.unseen++;
        a.unseen_upos += pos == w.pos;
        a.unseen_lemma += lemma_ok;
      }
    }
  return a;
}

}  // namespace veille::syntax
