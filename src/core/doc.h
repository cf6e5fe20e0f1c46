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

// A dated fact the text states about a person (filled by entities/): "le président
// américain Donald Trump" says the document was written while Trump held that office.
// time/ uses it to infer the document date when the input gave none.
struct DateFact {
  Span span;                 // the title and the name, in Doc::text
  std::vector<std::pair<std::string, std::string>> periods;  // the date falls in one: YYYY-MM-DD, "" = open
  std::string rule;          // the title's and the role's dict lines
};

// Universal POS tags (UD v2), filled by syntax/.
enum class Pos : uint8_t {
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn, kPunct, kSconj, kSym,
  kVerb, kX
};
const char* PosName(Pos p);  // "ADJ", "ADP", ...

// A word of a French sentence with its part of speech and lemma (filled by syntax/).
// Contractions keep their surface token: "du"/"des" (de+le/les) and "au"/"aux" are ADP
// with lemma "de"/"à"; elided forms ("l'", "d'", "s'", "n'", "qu'") are tokens of their own.
struct Token {
  Span span;               // in Doc::text
  uint32_t sentence = 0;   // index into Doc::sentences
  Pos pos = Pos::kX;
  std::string lemma;       // lower case ("signer" for "ont signé")
  std::string feats;       // UD features subset for VERB/AUX ("Mood=Cnd|Tense=Pres|VerbForm=Fin"), else ""
  // WordKey (core/hash.h) of the lemma and of the form ASCII lower-cased, from the tagger's
  // per-form cache (events/ compares them before strings); 0 when not set (computed then).
  uint64_t lemma_key = 0, form_key = 0;
};

// Who said it (filled by quotes/): the mention in the text and, when linked, its actor.
struct Speaker {
  Span span;               // the speaker's mention in Doc::text
  std::string id;          // entity id ("person:peskov-dmitry"), "" when not linked
  std::string name;        // canonical name, "" when not linked
  std::string actor;       // CAMEO actor code, "" when none
};

// A quotation (filled by quotes/).
struct Quote {
  Span span;               // the quoted words in Doc::text (inside the marks for direct/partial;
                           // the reported clause for indirect)
  std::string kind;        // "direct" | "partial" | "indirect"
  std::optional<Speaker> speaker;
  std::string verb;        // the speech verb as written ("a déclaré"), "" when none
  std::string rule;        // provenance
};

// An actor of an event: the entity it was resolved to.
struct EventActor {
  Span span;               // the mention in Doc::text
  std::string id;
  std::string name;
  std::string actor;       // CAMEO actor code ("RUSGOV")
};

struct Place {
  std::string name;
  std::string country;     // CAMEO/ISO-3 country code
  double lat = 0, lon = 0;
};

// A coded event: who did what to whom (filled by events/).
struct Event {
  uint32_t sentence = 0;   // index into Doc::sentences
  Span span;               // the evidence in Doc::text
  EventActor source;
  std::optional<EventActor> target;
  std::string code;        // CAMEO code "0312"
  std::string root;        // "03"
  std::string plover;      // "AGREE"
  double goldstein = 0;
  int quad = 0;            // QuadClass 1..4
  std::string polarity;    // "asserted" | "negated" | "hypothetical" | "denied" | "reported"
  std::optional<std::string> date;  // YYYY-MM-DD
  std::optional<Place> place;
  std::string rule;        // "dict/verbs/fr/<file>:<line>"
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
  // Dated facts about people named with their title (entities/), in text order.
  std::vector<DateFact> date_facts;

  // Words with POS and lemma (French documents; possibly only the sentences later stages need).
  std::vector<Token> tokens;

  // Quotations, in text order.
  std::vector<Quote> quotes;

  // Coded events, in text order.
  std::vector<Event> events;

  // Corpus-level grouping (filled by dedup/, which sees documents in input order).
  std::optional<std::string> dup_of;  // id of an earlier document this one nearly copies
  std::optional<std::string> story;   // id shared by the documents reporting the same story

  // Problems met while reading or processing this document (already reported).
  std::vector<std::string> warnings;

  bool is_french() const { return lang == "fr"; }
};

}  // namespace veille
