// The document that flows through the pipeline. Each stage reads what earlier
// stages added and adds its own annotations; nothing is re-parsed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/offset_map.h"
#include "core/span.h"

namespace veille {

// Why a piece of the original input is not in the cleaned text.
enum class RemovalReason { kBoilerplate, kDuplicate, kInvisible, kMarkup };
const char* RemovalReasonName(RemovalReason r);

struct Removal {
  Span span;            // byte offsets into Doc::original
  RemovalReason why;
  std::string rule;     // the rule that fired ("dict/clean/blocks.tsv:12", "html:nav")
};

// A mention of a person, state, organisation or place, linked to a canonical actor
// (filled by entities/).
struct Entity {
  Span span;          // in Doc::text
  std::string type;   // "PER" | "ORG" | "GPE" | "LOC"
  std::string id;     // canonical id, stable across documents: "person:maduro-nicolas", "country:VEN"
  std::string name;   // canonical name
  std::string actor;  // CAMEO actor code at the document's date ("VENGOV"), "" when none
  std::string via;    // "name" | "alias" | "surname" | "title" | "metonym" | "demonym" | "model"
  std::string rule;   // provenance: the dictionary line ("dict/actors/people.tsv:12")
};

// A time expression (filled by time/): "le 16 février 2022", "hier", "mercredi".
struct Timex {
  Span span;          // in Doc::text
  std::string value;  // "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | "YYYY-Www" | "" (unresolved)
  std::string anchor; // "absolute" | "document" | "previous"
  std::string rule;   // provenance: the rule or dictionary line that recognised it
};

struct Doc {
  // Identity and metadata, set by the reader.
  std::string id;
  std::string source;   // the input file (or "-") the document came from
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> date;         // YYYY-MM-DD
  std::optional<std::string> date_source;  // "metadata" | "inferred"
  std::string format;   // "txt" | "jsonl" | "html" | "warc"

  // The input as read (HTML for HTML pages, the text field for JSONL, ...).
  std::string original;
  // The text every annotation points into; readers fill it (possibly == original),
  // the cleaner rewrites it. `map` takes offsets of `text` back to `original`.
  std::string text;
  OffsetMap map;
  std::vector<Removal> removed;

  // Language identification.
  std::string lang;     // ISO 639-1 code, "und" when unknown
  double lang_score = 0.0;

  // Segmentation: sentences in text order, non-overlapping.
  std::vector<Span> sentences;

  // Entity mentions, in text order, non-overlapping.
  std::vector<Entity> entities;

  // Time expressions, in text order.
  std::vector<Timex> timex;

  // Problems met while reading or processing this document (already reported).
  std::vector<std::string> warnings;

  bool is_french() const { return lang == "fr"; }
};

}  // namespace veille
