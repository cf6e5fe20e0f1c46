// The statistical named-entity layer: data reading, the model file, training, the shipped
// model's quality on held-out data, and the pipeline hook (via "model").
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "core/dict_file.h"
#include "entities/linker.h"
#include "entities/ner.h"
#include "entities/ner_data.h"
#include "entities/ner_features.h"
#include "entities/ner_model.h"
#include "entities/ner_trainer.h"
#include "entities/ner_words.h"
#include "pipeline/pipeline.h"

namespace veille {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("veille-ner-" + std::to_string(::getpid()) + "-" + name)).string();
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(NerData, ReadsSentencesAndTurnsIob1IntoIob2) {
  std::string path = WriteTemp("a.bio", "Jean I-PER\nDupont I-PER\nà O\nNantes I-LOC\n\nLa O\nCGT B-ORG\nCFDT B-ORG\n");
  std::vector<ner::NerSentence> s = ner::ReadBio(path);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].tags, (std::vector<std::string>{"B-PER", "I-PER", "O", "B-LOC"}));
  EXPECT_EQ(s[0].line, 1u);
  EXPECT_EQ(s[1].line, 6u);
  std::vector<ner::TagSpan> spans = ner::SpansOf(s[1].tags);
  ASSERT_EQ(spans.size(), 2u);  // two adjacent organisations stay two
  EXPECT_EQ(spans[0], (ner::TagSpan{1, 2, "ORG"}));
  EXPECT_EQ(spans[1], (ner::TagSpan{2, 3, "ORG"}));
  std::filesystem::remove(path);
}

TEST(NerData, CutsAStreamWithoutBlankLinesIntoSentences) {
  std::string path = WriteTemp("b.bio", "Il O\npart O\n. O\nM I-PER\n. I-PER\nDurand I-PER\nrit O\n. O\n");
  std::vector<ner::NerSentence> s = ner::ReadBio(path);
  ASSERT_EQ(s.size(), 2u);  // never cut inside an entity ("M . Durand")
  EXPECT_EQ(s[1].words.size(), 5u);
  EXPECT_EQ(s[1].line, 4u);
  std::filesystem::remove(path);
}

TEST(NerData, MalformedLinesNameFileAndLine) {
  std::string path = WriteTemp("c.bio", "Jean B-PER\nDupont B-PERSON\n");
  try {
    ner::ReadBio(path);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("c.bio:2: unknown tag \"B-PERSON\""), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
}

TEST(NerData, NoiseShareCountsOcrGarbage) {
  ner::NerSentence clean{{"Le", "ministre", "a", "parlé", "à", "Rennes", "."}, {}, 0};
  ner::NerSentence noisy{{"BÊ>ÀCTION", "9&", "aS", "t3", "Rue", "."}, {}, 0};
  EXPECT_EQ(ner::NoiseShare(clean), 0.0);
  EXPECT_GT(ner::NoiseShare(noisy), 0.5);
}

ner::NerSentence Sent(std::vector<std::string> words, std::vector<std::string> tags) {
  return ner::NerSentence{std::move(words), std::move(tags), 0};
}

std::vector<ner::NerSentence> TinyData() {
  return {
      Sent({"Jeanne", "Martin", "est", "à", "Lyon", "."}, {"B-PER", "I-PER", "O", "O", "B-LOC", "O"}),
      Sent({"Paul", "Durand", "dirige", "Acme", "."}, {"B-PER", "I-PER", "O", "B-ORG", "O"}),
      Sent({"Il", "vit", "à", "Brest", "."}, {"O", "O", "O", "B-LOC", "O"}),
      Sent({"Marie", "Leroy", "quitte", "Acme", "."}, {"B-PER", "I-PER", "O", "B-ORG", "O"}),
  };
}

TEST(NerModel, TrainingIsDeterministicAndTheFileRoundTrips) {
  ner::NerLexicon lexicon = ner::NerLexicon::Load();
  ner::NerTrainOptions o;
  o.iterations = 5;
  o.prune = 0;
  std::vector<ner::NerSentence> data = TinyData();
  ner::NerModel a = ner::Train(data, lexicon, o), b = ner::Train(data, lexicon, o);
  std::string pa = TempPath("a.bin"), pb = TempPath("b.bin");
  a.Save(pa);
  b.Save(pb);
  EXPECT_EQ(Slurp(pa), Slurp(pb));
  ner::NerModel loaded = ner::NerModel::Load(pa);
  EXPECT_EQ(loaded.tags, a.tags);
  // The training data is learnt.
  ner::NerScores s = ner::Score(data, ner::Predict(loaded, lexicon, data));
  EXPECT_EQ(s.typed.F1(), 100.0);
  // A corrupt file is refused with its name.
  std::string bytes = Slurp(pa);
  bytes[bytes.size() / 2] ^= 0x55;
  std::ofstream(pb, std::ios::binary) << bytes;
  try {
    ner::NerModel::Load(pb);
    FAIL() << "no error";
  } catch (const DictError& e) {
    EXPECT_NE(std::string(e.what()).find("checksum mismatch"), std::string::npos) << e.what();
  }
  std::ofstream(pb, std::ios::binary) << "veille-tagger-model 1\n";
  EXPECT_THROW(ner::NerModel::Load(pb), DictError);
  std::filesystem::remove(pa);
  std::filesystem::remove(pb);
}

TEST(NerFeatures, WordFeaturesAreRememberedPerFormAndLexicon) {
  // DescribeWord remembers a form's description and its word features; the gazetteer bits
  // (and the features made of them) belong to the lexicon they were looked up in.
  ner::NerLexicon a, b;
  a.Add("Paris", ner::kPlaceWord);
  b.Add("Jeanne", ner::kGivenName);
  std::string lower;
  ner::NerWord wa, wb, again, fresh;
  ner::DescribeWord("Paris", a, &wa, &lower);
  ner::DescribeWord("Paris", b, &wb, &lower);
  ner::DescribeWord("Paris", a, &again, &lower);
  EXPECT_EQ(wa.gaz, static_cast<uint32_t>(ner::kPlaceWord));
  EXPECT_EQ(wb.gaz, 0u);
  EXPECT_NE(wa.f[ner::kOwnGaz], wb.f[ner::kOwnGaz]);
  EXPECT_NE(wa.f[ner::kAsGazM1], wb.f[ner::kAsGazM1]);
  EXPECT_EQ(wa.f[ner::kOwnWord], wb.f[ner::kOwnWord]);
  for (int k = 0; k < ner::kWordFeatures; ++k) EXPECT_EQ(wa.f[k], again.f[k]) << k;
  // The remembered features are those of the fields.
  fresh.info = wa.info;
  fresh.gaz = wa.gaz;
  fresh.kind = wa.kind;
  ner::HashWordFeatures(&fresh);
  for (int k = 0; k < ner::kWordFeatures; ++k) EXPECT_EQ(wa.f[k], fresh.f[k]) << k;
  // Distinct roles give distinct features.
  EXPECT_NE(wa.f[ner::kAsLowerM1], wa.f[ner::kAsLowerP1]);
  EXPECT_NE(wa.f[ner::kOwnLower], wa.f[ner::kAsLowerM2]);
}

TEST(NerModel, DenseDecodingSumsTheSameFeatures) {
  // Decode adds remembered rows of word features to the rows of the other features: the
  // tags must be those of ScoreDense over all of ExtractNer's features, position by position.
  ner::NerModel model = ner::NerModel::Load(DictPath("models/fr-ner.bin"));
  ner::NerLexicon lexicon = ner::NerLexicon::Load();
  const std::vector<std::vector<std::string>> sentences = {
      {"Le", "président", "Emmanuel", "Macron", "a", "reçu", "Olaf", "Scholz", "à", "Paris", "."},
      {"Selon", "l'", "Agence", "France-Presse", ",", "la", "société", "Renault", "investit", "."},
      {"Jeanne", "Dupont-Moreau", ",", "chercheuse", "à", "l'", "université", "de", "Lyon"},
      {"Paris"},
      {"Le", "président", "Emmanuel", "Macron", "a", "reçu", "Olaf", "Scholz", "à", "Paris", "."}};
  int named = 0;
  for (const auto& forms : sentences) {
    std::vector<ner::NerWord> words(forms.size());
    std::string lower;
    for (size_t i = 0; i < forms.size(); ++i) ner::DescribeWord(forms[i], lexicon, &words[i], &lower);
    std::vector<int> tags;
    std::vector<int32_t> scores;
    model.Decode(words.data(), static_cast<int>(words.size()), &tags, &scores);
    ASSERT_EQ(tags.size(), forms.size());
    ASSERT_EQ(scores.size(), forms.size() * ner::NerModel::kDenseTags);
    int prev = ner::kStart, prev2 = ner::kStart;
    for (int i = 0; i < static_cast<int>(words.size()); ++i) {
      uint64_t feats[ner::kMaxNerFeatures];
      int k = ner::ExtractNer(words.data(), static_cast<int>(words.size()), i, prev, prev2, feats);
      int32_t dense[ner::NerModel::kDenseTags] = {};
      model.ScoreDense(feats, k, dense);
      for (size_t c = 0; c < ner::NerModel::kDenseTags; ++c)
        EXPECT_EQ(scores[i * ner::NerModel::kDenseTags + c], dense[c]) << forms[i] << " " << c;
      int t = model.Best(prev, dense);
      EXPECT_EQ(tags[i], t) << forms[i];
      named += t != model.outside;
      prev2 = prev;
      prev = tags[i];
    }
  }
  EXPECT_GT(named, 4);
}

TEST(NerModel, DecodingWithTheWordTableGivesTheSameTags) {
  // The tagger decodes through its per-thread word table (rows filled per word on first
  // use, kept across sentences): the tags must be Decode's, sentence after sentence, also
  // for a sentence longer than the table.
  ner::NerModel model = ner::NerModel::Load(DictPath("models/fr-ner.bin"));
  ner::NerLexicon lexicon = ner::NerLexicon::Load();
  ASSERT_TRUE(model.dense());
  std::vector<std::vector<std::string>> sentences = {
      {"Le", "président", "Emmanuel", "Macron", "a", "reçu", "Olaf", "Scholz", "à", "Paris", "."},
      {"Selon", "l'", "Agence", "France-Presse", ",", "la", "société", "Renault", "investit", "."},
      {"Jeanne", "Dupont-Moreau", ",", "chercheuse", "à", "l'", "université", "de", "Lyon"},
      {"Paris"},
      {"PARIS", "Paris", "paris", "Paris", "Renault", "Renault", "de", "Lyon", "Lyon", "Lyon", "à", "Paris"},
      {"Le", "président", "Emmanuel", "Macron", "a", "reçu", "Olaf", "Scholz", "à", "Paris", "."}};
  std::vector<std::string> huge;
  const char* const kCycle[] = {"M.", "Jean", "Martin", "de", "la", "Banque", "de", "France", "a", "dit", "."};
  for (int i = 0; i < 9000; ++i) huge.push_back(kCycle[i % 11] + std::string(i % 3 == 0 ? "" : std::to_string(i % 400)));
  sentences.push_back(huge);
  sentences.push_back(sentences[0]);
  int named = 0;
  for (const auto& forms : sentences) {
    std::vector<ner::NerWord> words(forms.size());
    std::string lower;
    for (size_t i = 0; i < forms.size(); ++i) ner::DescribeWord(forms[i], lexicon, &words[i], &lower);
    std::vector<int> expected, tags;
    model.Decode(words.data(), static_cast<int>(words.size()), &expected);
    ner::WordTable& table = ner::WordTable::For(model, lexicon);
    table.Reserve(forms.size());
    std::vector<ner::NerModel::WordRows*> rows = {table.Boundary(true), table.Boundary(true)};
    for (const std::string& f : forms) rows.push_back(table.Find(f));
    rows.push_back(table.Boundary(false));
    rows.push_back(table.Boundary(false));
    model.DecodeRows(rows.data() + 2, static_cast<int>(forms.size()), &tags);
    EXPECT_EQ(tags, expected) << forms[0] << " (" << forms.size() << " words)";
    for (int t : tags) named += t != model.outside;
  }
  EXPECT_GT(named, 100);
}

TEST(NerModel, DecodingNeverStartsWithAnInsideTag) {
  ner::NerModel m;
  m.tags = {"B-PER", "I-PER", "O"};
  m.weights.begin = {0};
  m.Index();
  float scores[3] = {0, 5, 1};  // I-PER scores best
  EXPECT_EQ(m.Best(ner::kStart, scores), 2);  // not allowed first: O
  EXPECT_EQ(m.Best(2, scores), 2);            // not allowed after O
  EXPECT_EQ(m.Best(0, scores), 1);            // after B-PER it is
}

TEST(NerScores, ExactSpansAndTypes) {
  std::vector<ner::NerSentence> gold = {Sent({"A", "B", "C", "D"}, {"B-PER", "I-PER", "O", "B-LOC"})};
  ner::NerScores s = ner::Score(gold, {{"B-PER", "O", "O", "B-ORG"}});
  EXPECT_EQ(s.typed.tp, 0u);
  EXPECT_EQ(s.typed.fp, 2u);
  EXPECT_EQ(s.typed.fn, 2u);
  EXPECT_EQ(s.spans.tp, 1u);  // D is right as a span
}

// The shipped model on the held-out parts: it must beat the capitalised-words baseline
// by a clear margin and keep the F1 measured when it was trained (BENCHMARKS.md, minus a
// small tolerance), so that a retrained model that is worse fails here.
constexpr double kMinF1Modern = 70;     // measured 72.7 (BENCHMARKS.md, NER)
constexpr double kMinF1Europeana = 60;  // measured 62.3

struct HeldOut {
  std::string spec;
  double min_f1;
};

void CheckHeldOut(const HeldOut& h, const std::vector<ner::NerSentence>& train) {
  ner::NerLexicon lexicon = ner::NerLexicon::Load();
  ner::NerModel model = ner::NerModel::Load(DictPath("models/fr-ner.bin"));
  std::vector<ner::NerSentence> gold = ner::ReadPart(h.spec);
  ASSERT_GT(gold.size(), 50u);
  ner::NerScores m = ner::Score(gold, ner::Predict(model, lexicon, gold));
  ner::NerScores b = ner::Score(gold, ner::PredictBaseline(train, gold));
  EXPECT_GE(m.typed.F1(), h.min_f1) << h.spec;
  EXPECT_GT(m.typed.F1(), b.typed.F1() + 5) << h.spec;
}

TEST(NerAccuracy, ModernHeldOutSentences) {
  std::vector<ner::NerSentence> train = ner::ReadBio(VEILLE_TEST_DATA "/ner/modern-train.bio");
  CheckHeldOut({VEILLE_TEST_DATA "/ner/modern-test.bio", kMinF1Modern}, train);
}

TEST(NerAccuracy, EuropeanaHeldOutPages) {
  std::string corpus = VEILLE_SHARED_DIR "/ner/europeana-fr/enp_FR.bnf.bio";
  if (!std::filesystem::exists(corpus)) GTEST_SKIP() << "no " << corpus;
  CheckHeldOut({corpus + "@test", kMinF1Europeana}, ner::ReadPart(corpus + "@train"));
}

// The pipeline hook: names the dictionary lacks become entities with via "model".
TEST(NerPipeline, UnknownNamesBecomeModelEntities) {
  PipelineOptions o;
  o.language = "fr";
  Pipeline pipeline(o);
  Doc doc;
  doc.id = "t";
  doc.text =
      "La nouvelle ministre de la Mer, Solène Kerjean, a rencontré lundi à Lorient les pêcheurs bretons. "
      "Selon Kerjean, le plan sera présenté en mars. Vladimir Poutine n'a pas réagi.";
  doc.original = doc.text;
  pipeline.Run(doc);
  const Entity* full = nullptr;
  const Entity* surname = nullptr;
  for (const Entity& e : doc.entities) {
    std::string_view t = e.span.of(doc.text);
    if (t == "Solène Kerjean") full = &e;
    if (t == "Kerjean") surname = &e;
    if (t == "Vladimir Poutine") {
      EXPECT_EQ(e.via, "name");  // the dictionary wins
    }
    if (e.via == "model") {
      EXPECT_TRUE(e.actor.empty());
      EXPECT_EQ(e.rule, "dict/models/fr-ner.bin");
    }
  }
  ASSERT_NE(full, nullptr);
  ASSERT_NE(surname, nullptr);
  EXPECT_EQ(full->via, "model");
  EXPECT_EQ(full->type, "PER");
  EXPECT_EQ(full->id, "model:per:solene-kerjean");
  EXPECT_EQ(full->name, "Solène Kerjean");
  EXPECT_EQ(surname->id, full->id);  // the later surname maps to the longest mention
  EXPECT_EQ(surname->name, "Solène Kerjean");
  for (size_t i = 1; i < doc.entities.size(); i++) {
    EXPECT_LE(doc.entities[i - 1].span.end, doc.entities[i].span.start) << "entities overlap or are out of order";
  }
}

TEST(NerPipeline, SentencesWithoutFreeCapitalsAreNotTagged) {
  NerTagger tagger = NerTagger::Load();
  Doc doc;
  doc.text = "le gouvernement a présenté un plan. Poutine a parlé.";
  doc.sentences = {Span{0, 35}, Span{36, static_cast<uint32_t>(doc.text.size())}};
  EntityLinker linker;
  linker.Run(doc);
  EXPECT_EQ(tagger.Run(doc), 0u);  // no capital, or only the sentence's first word
}

TEST(NerPipeline, AccentedCapitalsAfterTheFirstWordAreFree) {
  NerTagger tagger = NerTagger::Load();
  Doc doc;
  doc.text = "il a vu ÉLODIE ici. il a vu élodie ×÷ ici. il a vu Ødegaard ici. il a vu l'Œuvre. il a vu çà";
  for (size_t a = 0; a < doc.text.size();) {
    size_t b = doc.text.find(". ", a);
    b = b == std::string::npos ? doc.text.size() : b + 1;
    doc.sentences.push_back(Span{static_cast<uint32_t>(a), static_cast<uint32_t>(b)});
    a = b + 1;
  }
  ASSERT_EQ(doc.sentences.size(), 5u);
  EXPECT_EQ(tagger.Run(doc), 3u);  // É (Latin-1), Ø (Latin-1), Œ (ICU); not é, ×, ÷, ç
}

TEST(NerPipeline, AFreeCapitalIsSeenAtAnyOffset) {
  // (the scan skips eight bytes at a time: capitals at every offset of a block, and the
  // block's last byte deciding whether the next word starts after it)
  NerTagger tagger = NerTagger::Load();
  for (int k = 0; k < 20; ++k) {
    for (std::string next : {" Zorro vient.", "-Zorro vient.", "zZorro vient.", " zorro vient."}) {
      Doc doc;
      doc.text = "le " + std::string(static_cast<size_t>(k), 'a') + next;
      doc.sentences = {Span{0, static_cast<uint32_t>(doc.text.size())}};
      size_t expected = next[0] == 'z' || next[1] == 'z' ? 0 : 1;
      EXPECT_EQ(tagger.Run(doc), expected) << doc.text;
    }
  }
}

}  // namespace
}  // namespace veille

namespace veille {
namespace {

TEST(NerPipeline, SpansWithoutCapitalsAndLoneOpeningWordsAreDropped) {
  NerTagger tagger = NerTagger::Load();
  EntityLinker linker;
  Doc doc;
  doc.text = "Parfois plus, parfois moins, selon Karim Haddad. Haddad parle. Souvent, il se tait.";
  doc.sentences = {Span{0, 48}, Span{49, 62}, Span{63, static_cast<uint32_t>(doc.text.size())}};
  linker.Run(doc);
  tagger.Run(doc);
  for (const Entity& e : doc.entities) {
    std::string_view t = e.span.of(doc.text);
    EXPECT_NE(t, "Parfois");
    EXPECT_NE(t, "Souvent");
    bool capital = false;
    for (char c : t) capital |= c >= 'A' && c <= 'Z';
    EXPECT_TRUE(capital) << t;
  }
  // "Haddad" opens its sentence but the document names "Karim Haddad": kept, same person.
  const Entity* later = nullptr;
  for (const Entity& e : doc.entities)
    if (e.span.of(doc.text) == "Haddad") later = &e;
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->id, "model:per:karim-haddad");
}

}  // namespace
}  // namespace veille
