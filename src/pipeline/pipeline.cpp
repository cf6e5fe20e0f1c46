#include "pipeline/pipeline.h"

#include "clean/cleaner.h"
#include "lang/langid.h"
#include "segment/segmenter.h"

namespace veille {

struct Pipeline::Stages {
  Cleaner cleaner;
  LanguageIdentifier lang;
  Segmenter segmenter = Segmenter::Load();
};

Pipeline::Pipeline(const PipelineOptions& options) : stages_(std::make_unique<Stages>()), options_(options) {}
Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;

void Pipeline::Run(Doc& doc) const {
  if (options_.clean) stages_->cleaner.Run(doc);
  stages_->lang.Run(doc);
  stages_->segmenter.Run(doc);
  if (!doc.is_french()) return;
  // French-only stages (entities, events, quotes, time) run here.
}

}  // namespace veille
