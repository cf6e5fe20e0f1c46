#include "store/browse.h"

#include <fmt/format.h>

namespace veille::store {

Statement ListActors(Database& db, const std::string& match, size_t limit) {
  Statement st = db.Prepare(
      "SELECT id, max(name) AS name, max(actor) AS actor, count(*) AS events FROM ("
      "SELECT source_id AS id, source_name AS name, source_actor AS actor FROM events UNION ALL "
      "SELECT target_id, target_name, target_actor FROM events WHERE target_id IS NOT NULL) "
      "GROUP BY id HAVING ?1 = '' OR instr(lower(id), lower(?1)) > 0 OR instr(lower(max(name)), lower(?1)) > 0 "
      "ORDER BY events DESC, id LIMIT ?2");
  st.Bind(1, match).Bind(2, static_cast<int64_t>(limit));
  return st;
}

bool ActorKnown(Database& db, const std::string& who) {
  Filter f;
  f.actor = who;
  f.limit = 1;
  if (FindEvents(db, f).Step()) return true;
  Statement st = db.Prepare("SELECT 1 FROM entities WHERE id = ?1 OR name = ?1 COLLATE NOCASE LIMIT 1");
  st.Bind(1, who);
  return st.Step();
}

Statement ActorEdges(Database& db, const Filter& f, size_t limit) {
  constexpr const char* kDate = "coalesce(e.date, d.date)";
  std::string where = "e.target_id IS NOT NULL AND e.target_id <> e.source_id";
  if (!f.from.empty()) where += fmt::format(" AND {} >= ?1", kDate);
  // A prefix bound includes the whole period, as in query.cpp.
  if (!f.to.empty()) where += fmt::format(" AND substr({0}, 1, length(?2)) <= ?2", kDate);
  Statement st = db.Prepare(fmt::format(
      "SELECT min(e.source_id, e.target_id) AS a, "
      "max(CASE WHEN e.source_id < e.target_id THEN e.source_name ELSE e.target_name END) AS a_name, "
      "max(e.source_id, e.target_id) AS b, "
      "max(CASE WHEN e.source_id < e.target_id THEN e.target_name ELSE e.source_name END) AS b_name, "
      "count(*) AS events, round(avg(e.goldstein), 2) AS goldstein, "
      "sum(e.quad IN (1, 2)) AS cooperation, sum(e.quad IN (3, 4)) AS conflict "
      "FROM events e{} WHERE {} GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?3",
      // The document's date is needed only for a date range.
      f.from.empty() && f.to.empty() ? "" : " JOIN documents d ON d.doc = e.doc", where));
  if (!f.from.empty()) st.Bind(1, f.from);
  if (!f.to.empty()) st.Bind(2, f.to);
  st.Bind(3, static_cast<int64_t>(limit));
  return st;
}

namespace {
Statement ByDoc(Database& db, const char* sql, int64_t doc) {
  Statement st = db.Prepare(sql);
  st.Bind(1, doc);
  return st;
}
}  // namespace

Statement DocumentByKey(Database& db, int64_t doc) {
  return ByDoc(db, "SELECT doc, id, title, date, url, source, text FROM documents WHERE doc = ?1", doc);
}

Statement DocumentSentences(Database& db, int64_t doc) {
  return ByDoc(db, "SELECT n, start, end FROM sentences WHERE doc = ?1 ORDER BY n", doc);
}

Statement DocumentEntities(Database& db, int64_t doc) {
  return ByDoc(db, "SELECT n, start, end, text, type, id, name, actor FROM entities WHERE doc = ?1 ORDER BY n", doc);
}

Statement DocumentEvents(Database& db, int64_t doc) {
  return ByDoc(db,
               "SELECT n, sentence, start, end, text, source_id, source_name, source_start, source_end, target_id, "
               "target_name, target_start, target_end, code, goldstein, quad, polarity, date FROM events "
               "WHERE doc = ?1 ORDER BY n",
               doc);
}

}  // namespace veille::store
