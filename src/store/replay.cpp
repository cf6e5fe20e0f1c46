#include "store/replay.h"

#include <optional>

namespace veille::store {
namespace {

// Rows of an annotation table ordered by (doc, n), consumed alongside the documents.
class Cursor {
 public:
  Cursor(Database& db, const char* sql) : st_(db.Prepare(sql)) { more_ = st_.Step(); }
  // True while the current row belongs to document `doc` (skipping rows of earlier ones).
  bool At(int64_t doc) {
    while (more_ && st_.Int(0) < doc) more_ = st_.Step();
    return more_ && st_.Int(0) == doc;
  }
  Statement& row() { return st_; }
  void Next() { more_ = st_.Step(); }

 private:
  Statement st_;
  bool more_ = false;
};

std::optional<EventActor> Actor(Statement& r, int first) {
  if (r.IsNull(first)) return std::nullopt;
  EventActor a;
  a.id = r.Text(first);
  a.name = r.Text(first + 1);
  a.actor = r.Text(first + 2);
  a.span = Span{static_cast<uint32_t>(r.Int(first + 3)), static_cast<uint32_t>(r.Int(first + 4))};
  return a;
}

}  // namespace

void ForEachStoredDoc(Database& db, const ReplayFields& fields, const std::function<void(Doc&)>& fn) {
  Statement docs = db.Prepare(fields.text ? "SELECT doc, id, source, url, title, date, date_source, format, lang, "
                                            "lang_score, dup_of, story, text FROM documents ORDER BY doc"
                                          : "SELECT doc, id, source, url, title, date, date_source, format, lang, "
                                            "lang_score, dup_of, story FROM documents ORDER BY doc");
  std::optional<Cursor> entities, events;
  if (fields.entities)
    entities.emplace(db, "SELECT doc, start, end, type, id, name, actor, via, rule FROM entities ORDER BY doc, n");
  if (fields.events)
    events.emplace(db,
                   "SELECT doc, sentence, start, end, source_id, source_name, source_actor, source_start, source_end, "
                   "target_id, target_name, target_actor, target_start, target_end, code, root, plover, goldstein, "
                   "quad, polarity, date, place_name, place_country, place_lat, place_lon, rule "
                   "FROM events ORDER BY doc, n");
  while (docs.Step()) {
    Doc d;
    int64_t key = docs.Int(0);
    d.id = docs.Text(1);
    d.source = docs.Text(2);
    d.url = docs.OptText(3);
    d.title = docs.OptText(4);
    d.date = docs.OptText(5);
    d.date_source = docs.OptText(6);
    d.format = docs.Text(7);
    d.lang = docs.Text(8);
    d.lang_score = docs.Real(9);
    d.dup_of = docs.OptText(10);
    d.story = docs.OptText(11);
    if (fields.text) d.text = docs.Text(12);
    for (; entities && entities->At(key); entities->Next()) {
      Statement& r = entities->row();
      Entity e;
      e.span = Span{static_cast<uint32_t>(r.Int(1)), static_cast<uint32_t>(r.Int(2))};
      e.type = r.Text(3);
      e.id = r.Text(4);
      e.name = r.Text(5);
      e.actor = r.IsNull(6) ? "" : r.Text(6);
      e.via = r.Text(7);
      e.rule = r.Text(8);
      d.entities.push_back(std::move(e));
    }
    for (; events && events->At(key); events->Next()) {
      Statement& r = events->row();
      Event e;
      e.sentence = static_cast<uint32_t>(r.Int(1));
      e.span = Span{static_cast<uint32_t>(r.Int(2)), static_cast<uint32_t>(r.Int(3))};
      e.source = *Actor(r, 4);
      e.target = Actor(r, 9);
      e.code = r.Text(14);
      e.root = r.Text(15);
      e.plover = r.Text(16);
      e.goldstein = r.Real(17);
      e.quad = static_cast<int>(r.Int(18));
      e.polarity = r.Text(19);
      e.date = r.OptText(20);
      if (!r.IsNull(21)) e.place = Place{r.Text(21), r.IsNull(22) ? "" : r.Text(22), r.Real(23), r.Real(24)};
      e.rule = r.Text(25);
      d.events.push_back(std::move(e));
    }
    fn(d);
  }
}

}  // namespace veille::store
