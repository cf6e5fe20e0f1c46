#include "entities/ner_trainer.h"

#include <set>

#include "segment/chars.h"
#include "syntax/perceptron.h"

namespace veille::ner {
namespace {

bool Capitalised(const std::string& w) {
  if (w.empty()) return false;
  size_t len;
  return segment::IsUpper(segment::DecodeAt(w, 0, w.size(), &len));
}

std::string LowerOf(const std::string& w) {
  std::string out;
  segment::AppendLower(&out, w);
  return out;
}

}  // namespace

NerModel Train(const std::vector<NerSentence>& train, const NerLexicon& lexicon, const NerTrainOptions& o,
               const std::function<void(const std::string&)>& log) {
  NerModel m;
  std::set<std::string> names{"O"};
  for (const NerSentence& s : train) names.insert(s.tags.begin(), s.tags.end());
  // Every type gets both its B- and I- tags.
  for (const std::string& t : std::set<std::string>(names))
    if (t != "O") names.insert("B-" + t.substr(2)), names.insert("I-" + t.substr(2));
  m.tags.assign(names.begin(), names.end());
  m.weights.begin = {0};
  m.Index();
  std::map<std::string, int> tag_id;
  for (size_t i = 0; i < m.tags.size(); i++) tag_id[m.tags[i]] = static_cast<int>(i);

  struct Prepared {
    std::vector<NerWord> words;
    std::vector<int> gold;
  };
  std::vector<Prepared> data(train.size());
  std::string lower;
  for (size_t s = 0; s < train.size(); s++) {
    data[s].words.resize(train[s].words.size());
    for (size_t i = 0; i < train[s].words.size(); i++) {
      DescribeWord(train[s].words[i], lexicon, &data[s].words[i], &lower);
      data[s].gold.push_back(tag_id.at(train[s].tags[i]));
    }
  }

  syntax::Perceptron p(m.tags.size());
  std::vector<float> scores(m.tags.size());
  uint64_t feats[kMaxNerFeatures];
  syntax::TrainPasses(data.size(), o.iterations, o.seed, [&](size_t s) {
    const Prepared& d = data[s];
    int n = static_cast<int>(d.words.size());
    return syntax::GreedySentence(d.gold, kStart, [&](int i, int prev, int prev2) {
      int k = ExtractNer(d.words.data(), n, i, prev, prev2, feats);
      p.Predict(feats, k, &scores);
      int guess = m.Best(prev, scores.data());
      p.Update(feats, k, d.gold[i], guess);
      return guess;
    });
  }, log);
  m.weights = p.Average(o.prune);
  m.Index();
  return m;
}

NerScores Score(const std::vector<NerSentence>& gold, const std::vector<std::vector<std::string>>& predicted) {
  NerScores sc;
  for (size_t s = 0; s < gold.size(); s++) {
    sc.sentences++;
    sc.words += gold[s].words.size();
    std::vector<TagSpan> g = SpansOf(gold[s].tags), p = SpansOf(predicted[s]);
    std::set<TagSpan> gs(g.begin(), g.end()), ps(p.begin(), p.end());
    std::set<std::pair<size_t, size_t>> gu, pu;
    for (const TagSpan& x : g) gu.emplace(x.begin, x.end);
    for (const TagSpan& x : p) pu.emplace(x.begin, x.end);
    for (const TagSpan& x : p) {
      bool ok = gs.count(x) > 0;
      (ok ? sc.typed.tp : sc.typed.fp)++;
      (ok ? sc.by_type[x.type].tp : sc.by_type[x.type].fp)++;
    }
    for (const TagSpan& x : g)
      if (!ps.count(x)) sc.typed.fn++, sc.by_type[x.type].fn++;
    for (const auto& x : pu) (gu.count(x) ? sc.spans.tp : sc.spans.fp)++;
    for (const auto& x : gu)
      if (!pu.count(x)) sc.spans.fn++;
  }
  return sc;
}

std::vector<std::vector<std::string>> Predict(const NerModel& model, const NerLexicon& lexicon,
                                              const std::vector<NerSentence>& sentences) {
  std::vector<std::vector<std::string>> out;
  std::vector<NerWord> words;
  std::vector<int> tags;
  std::string lower;
  for (const NerSentence& s : sentences) {
    words.resize(s.words.size());
    for (size_t i = 0; i < s.words.size(); i++) DescribeWord(s.words[i], lexicon, &words[i], &lower);
    model.Decode(words.data(), static_cast<int>(words.size()), &tags);
    std::vector<std::string>& o = out.emplace_back();
    for (int t : tags) o.push_back(model.tags[t]);
  }
  return out;
}

std::vector<std::vector<std::string>> PredictBaseline(const std::vector<NerSentence>& train,
                                                      const std::vector<NerSentence>& sentences) {
  std::map<std::string, std::map<std::string, size_t>> type_of_word;
  std::map<std::string, size_t> type_count;
  for (const NerSentence& s : train)
    for (const TagSpan& x : SpansOf(s.tags)) {
      type_of_word[LowerOf(s.words[x.end - 1])][x.type]++;
      type_count[x.type]++;
    }
  auto most = [](const std::map<std::string, size_t>& m) {
    std::string best = "PER";
    size_t n = 0;
    for (const auto& [t, c] : m)
      if (c > n) best = t, n = c;
    return best;
  };
  const std::string fallback = most(type_count);
  std::vector<std::vector<std::string>> out;
  for (const NerSentence& s : sentences) {
    std::vector<std::string>& tags = out.emplace_back(s.words.size(), "O");
    size_t n = s.words.size();
    for (size_t i = 0; i < n;) {
      if (!Capitalised(s.words[i])) {
        i++;
        continue;
      }
      size_t j = i;
      while (j < n && Capitalised(s.words[j])) j++;
      if (i == 0 && j == 1) {  // a capitalised first word alone: the sentence's first word
        i = j;
        continue;
      }
      auto it = type_of_word.find(LowerOf(s.words[j - 1]));
      std::string type = it == type_of_word.end() ? fallback : most(it->second);
      for (size_t k = i; k < j; k++) tags[k] = (k == i ? "B-" : "I-") + type;
      i = j;
    }
  }
  return out;
}

}  // namespace veille::ner
