#include "pipeline/pipeline.h"

#include "clean/cleaner.h"
#include "entities/linker.h"
#include "entities/ner.h"
#include "events/coder.h"
#include "events/prefilter.h"
#include "lang/langid.h"
#include "quotes/quotes.h"
#include "quotes/words.h"
#include "segment/segmenter.h"
#include "syntax/tagger.h"
#include "syntax/tokenizer.h"
#include "time/timex.h"

namespace veille {

struct Pipeline::Stages {
  Cleaner cleaner;
  LanguageIdentifier lang;
  Segmenter segmenter = Segmenter::Load();
  TimeTagger time = TimeTagger::Load();
  EntityLinker entities;
  NerTagger ner = NerTagger::Load();
  QuoteFinder quotes;
  Tagger tagger = Tagger::Load();
  Tokenizer tokenizer = Tokenizer::Load();  // the tagger's and the NER's (the same files)
  EventCoder events = EventCoder::Load();
  EventPrefilter prefilter{events.patterns(), tagger};
};

Pipeline::Pipeline(const PipelineOptions& options) : stages_(std::make_unique<Stages>()), options_(options) {}
Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;

void Pipeline::Run(Doc& doc, std::vector<std::string>* trace, std::vector<std::string>* date_trace) const {
  using Stop = PipelineOptions::Stop;
  if (options_.clean) stages_->cleaner.Run(doc);
  if (options_.stop == Stop::kAfterClean) return;
  if (options_.language.empty()) {
    stages_->lang.Run(doc);
  } else {
    doc.lang = options_.language;
    doc.lang_score = 1.0;
  }
  if (options_.stop == Stop::kAfterLang) return;
  stages_->segmenter.Run(doc);
  if (options_.stop == Stop::kAfterSegment || !doc.is_french()) return;
  // French-only stages (entities, events, quotes, time) run here.
  // The words of the text, split once: the time stage reads its tokens from them, the
  // quote finder then takes them.
  quotes::WordSplit words;
  words.words = quotes::SplitWords(doc.text, &words.lowered);
  stages_->time.Run(doc, options_.today, date_trace, &words);
  // After time: the (possibly inferred) document date picks each person's role.
  stages_->entities.Run(doc);
  // An inferred date checked against what the text says of people in office ("le
  // président américain Donald Trump"); when it moves, roles are resolved again.
  if (stages_->time.Refine(doc, options_.today, date_trace, &words)) stages_->entities.Run(doc);
  // The words of the sentences, tokenised once for the named-entity tagger, the event
  // prefilter and the tagger (each tokenises a sentence the same way).
  thread_local SentenceTokens tokens;
  tokens.Reset(stages_->tokenizer, doc.text, doc.sentences);
  stages_->ner.Run(doc, &tokens);  // names the dictionary does not know (via "model")
  stages_->quotes.Run(doc, &words);  // after entities: speakers link to their ids
  // Only the sentences that name an actor can hold an event: tag those alone.
  std::vector<uint32_t> tagged = EventCoder::SentencesWithActors(doc);
  // Of those, only the ones with a word that can head a pattern (all of them when tracing,
  // so that `veille explain` shows every actor sentence's tags).
  // The prefilter reads the sentences' tokens: the tagger takes them.
  if (trace) {
    if (tagged.empty()) return;
    stages_->tagger.Run(doc, tagged);
  } else {
    thread_local Tagger::Tokenized chosen;
    stages_->prefilter.Select(doc, tagged, &tokens, &chosen);
    if (chosen.sentences.empty()) return;
    stages_->tagger.Run(doc, chosen);
  }
  stages_->events.Run(doc, trace);
}

}  // namespace veille
