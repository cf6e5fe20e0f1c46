// The event prefilter (events/prefilter.h) and the tokenizer's sentence cache: skipping the
// sentences without a possible event head must change no event.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "events/coder.h"
#include "events/prefilter.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "syntax/tagger.h"
#include "syntax/tokenizer.h"

namespace veille {
namespace {

const Tagger& SharedTagger() {
  static const Tagger* t = new Tagger(Tagger::Load());
  return *t;
}
const EventCoder& SharedCoder() {
  static const EventCoder* c = new EventCoder(EventCoder::Load());
  return *c;
}

TEST(EventPrefilter, HeadsUnderEitherTag) {
  EventPrefilter f(SharedCoder().patterns(), SharedTagger());
  EXPECT_TRUE(f.CanBeHead("rencontré"));    // rencontrer [T]
  EXPECT_TRUE(f.CanBeHead("Rencontre"));    // rencontre:n, capitalised
  EXPECT_TRUE(f.CanBeHead("entretiens"));   // entretien:n, plural
  EXPECT_TRUE(f.CanBeHead("rencontré"));    // again, from the cache
  EXPECT_FALSE(f.CanBeHead("jardin"));
  EXPECT_FALSE(f.CanBeHead("bleu"));
  EXPECT_FALSE(f.CanBeHead(","));
  EXPECT_FALSE(f.CanBeHead(""));
}

TEST(EventPrefilter, SelectsTheSentencesWithAHead) {
  EventPrefilter f(SharedCoder().patterns(), SharedTagger());
  Doc d;
  d.text = "Vladimir Poutine a rencontré Xi Jinping. Vladimir Poutine aime le jardin bleu. Un entretien a eu lieu.";
  d.sentences = {Span{0, 40}, Span{41, 79}, Span{80, static_cast<uint32_t>(d.text.size())}};
  EXPECT_EQ(f.Select(d, {0, 1, 2}), (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(f.Select(d, {1}), (std::vector<uint32_t>{}));
  EXPECT_EQ(f.Select(d, {2, 7}), (std::vector<uint32_t>{2}));  // out of range: ignored
}

// The tokens the prefilter hands over are the tagger's own: tagging them gives the tokens
// Tagger::Run gives for the same sentences.
TEST(EventPrefilter, HandsTheTaggerItsTokens) {
  EventPrefilter f(SharedCoder().patterns(), SharedTagger());
  Doc d;
  d.text = "Vladimir Poutine a rencontré Xi Jinping. Vladimir Poutine aime le jardin bleu. L'entretien a eu lieu.";
  d.sentences = {Span{0, 40}, Span{41, 79}, Span{80, static_cast<uint32_t>(d.text.size())}};
  Tagger::Tokenized t;
  f.Select(d, {2, 0, 1, 2, 9}, &t);  // out of order, repeated, out of range
  ASSERT_EQ(t.sentences, (std::vector<uint32_t>{0, 2}));
  ASSERT_EQ(t.ends.size(), 2u);
  std::vector<Span> want;
  SharedTagger().Tokenize(d.text, d.sentences[0], &want);
  EXPECT_EQ(t.ends[0], want.size());
  SharedTagger().Tokenize(d.text, d.sentences[2], &want);
  EXPECT_EQ(t.ends[1], want.size());
  ASSERT_EQ(t.spans.size(), want.size());
  for (size_t k = 0; k < want.size(); k++) EXPECT_EQ(t.spans[k].of(d.text), want[k].of(d.text)) << k;
  Doc by_spans = d, by_index = d;
  SharedTagger().Run(by_spans, t);
  SharedTagger().Run(by_index, std::vector<uint32_t>{2, 0});
  ASSERT_EQ(by_spans.tokens.size(), by_index.tokens.size());
  ASSERT_GT(by_spans.tokens.size(), 10u);
  for (size_t k = 0; k < by_spans.tokens.size(); k++) {
    const Token &a = by_spans.tokens[k], &b = by_index.tokens[k];
    EXPECT_EQ(a.span.of(d.text), b.span.of(d.text));
    EXPECT_EQ(a.sentence, b.sentence);
    EXPECT_EQ(a.pos, b.pos);
    EXPECT_EQ(a.lemma, b.lemma);
    EXPECT_EQ(a.feats, b.feats);
  }
  EXPECT_EQ(by_spans.tokens.front().sentence, 0u);
  EXPECT_EQ(by_spans.tokens.back().sentence, 2u);
}

// With the document's shared tokens (SentenceTokens, as the pipeline hands them over), the
// same sentences and tokens as when the prefilter tokenises them itself; each sentence is
// tokenised once, whichever stage asks first.
TEST(EventPrefilter, ReadsTheSharedTokens) {
  EventPrefilter f(SharedCoder().patterns(), SharedTagger());
  Doc d;
  d.text = "Vladimir Poutine a rencontré Xi Jinping. Vladimir Poutine aime le jardin bleu. L'entretien a eu lieu.";
  d.sentences = {Span{0, 40}, Span{41, 79}, Span{80, static_cast<uint32_t>(d.text.size())}};
  Tokenizer tokenizer = Tokenizer::Load();
  SentenceTokens words;
  words.Reset(tokenizer, d.text, d.sentences);
  std::span<const Span> last = words.Of(2);  // asked first, by another stage
  std::vector<Span> want;
  tokenizer.Tokenize(d.text, d.sentences[2], &want);
  ASSERT_EQ(last.size(), want.size());
  for (size_t k = 0; k < want.size(); k++) EXPECT_EQ(last[k], want[k]);
  Tagger::Tokenized shared, own;
  f.Select(d, {2, 0, 1, 2, 9}, &words, &shared);
  f.Select(d, {2, 0, 1, 2, 9}, &own);
  EXPECT_EQ(shared.sentences, own.sentences);
  EXPECT_EQ(shared.ends, own.ends);
  EXPECT_EQ(shared.spans, own.spans);
  // Another document: nothing of the first one is kept.
  Doc e;
  e.text = "Un entretien a eu lieu.";
  e.sentences = {Span{0, static_cast<uint32_t>(e.text.size())}};
  words.Reset(tokenizer, e.text, e.sentences);
  EXPECT_EQ(words.Of(0).size(), 6u);
}

std::string Events(const Doc& d) {
  std::string out;
  for (const Event& e : d.events)
    out += std::to_string(e.sentence) + " " + std::to_string(e.span.start) + "-" + std::to_string(e.span.end) + " " +
           e.source.id + " " + e.code + " " + (e.target ? e.target->id : "-") + " " + e.polarity + " " + e.rule + "\n";
  return out;
}

// The pipeline without a trace tags only the prefiltered sentences; with one, every
// sentence naming an actor: the events are the same.
TEST(EventPrefilter, ChangesNoEventOfTheSamples) {
  Pipeline pipeline;
  Diagnostics diag;
  diag.set_quiet(true);
  size_t docs = 0, events = 0, fewer = 0;
  ReadInput(VEILLE_SAMPLES_DIR, ReadOptions{}, diag, [&](Doc&& doc) {
    Doc traced = doc;
    pipeline.Run(doc);
    std::vector<std::string> trace;
    pipeline.Run(traced, &trace);
    EXPECT_EQ(Events(doc), Events(traced)) << doc.id;
    docs++;
    events += doc.events.size();
    if (doc.tokens.size() < traced.tokens.size()) fewer++;
  });
  EXPECT_GT(docs, 10u);
  EXPECT_GT(events, 20u);
  EXPECT_GT(fewer, 0u);  // some sentences were not tagged
}

TEST(TokenizerCache, SameSentenceAnywhereSameTokens) {
  Tokenizer t = Tokenizer::Load();
  std::string a = "Il l'a dit aujourd'hui.";
  std::string b = "xx " + a + " yy";
  std::string c = "Il l'a lu aujourd'hui.!";  // the same length, other words
  std::vector<Span> first, second, third, fresh;
  t.Tokenize(a, Span{0, static_cast<uint32_t>(a.size())}, &first);
  t.Tokenize(b, Span{3, static_cast<uint32_t>(3 + a.size())}, &second);
  ASSERT_EQ(first.size(), 6u);
  ASSERT_EQ(second.size(), first.size());
  for (size_t i = 0; i < first.size(); i++) {
    EXPECT_EQ(second[i].start, first[i].start + 3);
    EXPECT_EQ(second[i].end, first[i].end + 3);
  }
  t.Tokenize(c, Span{0, static_cast<uint32_t>(c.size())}, &third);
  EXPECT_EQ(third.size(), 7u);  // "Il" "l'" "a" "lu" "aujourd'hui" "." "!": not the cached tokens of `a`
  // Appends: earlier tokens stay.
  fresh.push_back(Span{1, 2});
  t.Tokenize(a, Span{0, static_cast<uint32_t>(a.size())}, &fresh);
  EXPECT_EQ(fresh.size(), 7u);
  EXPECT_EQ(fresh[1], first[0]);
}

}  // namespace
}  // namespace veille
