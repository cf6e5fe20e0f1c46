// Browsing the corpus database (veille serve): the actors with their event counts, the
// actor graph, and one document with the spans of its sentences, entities and events.
// Like query.h, each function returns a prepared statement with its parameters bound;
// column names are the output field names.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "store/database.h"
#include "store/query.h"

namespace veille::store {

// Actors taking part in events (as source or target): id, name, actor (CAMEO code),
// events; most events first. `match` (may be empty) keeps ids or names containing it
// (any case).
Statement ListActors(Database& db, const std::string& match, size_t limit);

// True when `who` names an actor of some event the way FindEvents understands it (id,
// name, mention or CAMEO code), or the id or name of some entity.
bool ActorKnown(Database& db, const std::string& who);

// The actor graph: pairs of actors of events (either direction, a < b by id): a, a_name,
// b, b_name, events, goldstein (mean), cooperation (quad 1-2), conflict (quad 3-4); most
// events first. f.from and f.to apply (the event's date, else the document's).
Statement ActorEdges(Database& db, const Filter& f, size_t limit);

// One document by its internal key: doc, id, title, date, url, source, text (no row
// when unknown).
Statement DocumentByKey(Database& db, int64_t doc);
// Its sentences: n, start, end.
Statement DocumentSentences(Database& db, int64_t doc);
// Its entities: n, start, end, text, type, id, name, actor.
Statement DocumentEntities(Database& db, int64_t doc);
// Its events: n, sentence, start, end, text, source_id, source_name, source_start,
// source_end, target_id, target_name, target_start, target_end, code, goldstein, quad,
// polarity, date.
Statement DocumentEvents(Database& db, int64_t doc);

}  // namespace veille::store
