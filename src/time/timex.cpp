#include "time/timex.h"

#include "time/calendar.h"
#include "time/internal.h"

namespace veille {

TimeTagger::TimeTagger() = default;
TimeTagger::TimeTagger(TimeTagger&&) noexcept = default;
TimeTagger& TimeTagger::operator=(TimeTagger&&) noexcept = default;
TimeTagger::~TimeTagger() = default;

TimeTagger TimeTagger::Load() {
  TimeTagger t;
  t.lex_ = std::make_unique<timex::Lexicon>(timex::Lexicon::Load());
  return t;
}

void TimeTagger::Run(Doc& doc, std::string_view today) const {
  std::vector<timex::Mention> mentions = timex::Recognize(*lex_, doc.text);
  std::optional<int64_t> ref;
  int64_t d;
  if (doc.date && cal::ParseIsoDate(*doc.date, &d)) ref = d;
  if (!doc.date) {
    int64_t now;
    if (today.empty() || !cal::ParseIsoDate(today, &now)) now = cal::Today();
    ref = timex::InferDocumentDate(mentions, doc.sentences, now);
    if (ref) {
      doc.date = cal::FormatDay(*ref);
      doc.date_source = "inferred";
    }
  }
  doc.timex = timex::Normalize(mentions, ref);
}

}  // namespace veille
