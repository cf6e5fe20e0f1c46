#include "store/query.h"

#include <fmt/format.h>

#include <vector>

#include "store/compress.h"

namespace veille::store {
namespace {

// A WHERE clause built from parts, with every value bound as a parameter.
class Where {
 public:
  std::string Param(const std::string& v) {
    args_.push_back(v);
    return fmt::format("?{}", args_.size());
  }
  void And(const std::string& condition) { parts_.push_back(condition); }
  std::string Sql() const {
    std::string s;
    for (const std::string& p : parts_) s += fmt::format("{} {}", s.empty() ? " WHERE" : " AND", p);
    return s;
  }
  Statement Prepare(Database& db, const std::string& sql) const {
    Statement st = db.Prepare(sql);
    for (size_t i = 0; i < args_.size(); ++i) st.Bind(static_cast<int>(i + 1), args_[i]);
    return st;
  }

 private:
  std::vector<std::string> parts_;
  std::vector<std::string> args_;
};

bool LooksLikeCameo(const std::string& s) {
  if (s.size() < 3) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

// The condition "actor columns `p`_id/_name/_actor match `who`".
std::string ActorMatch(Where& w, const std::string& p, const std::string& who) {
  std::string v = w.Param(who);
  std::string s = fmt::format(
      "({0}_id = {1} OR {0}_name = {1} COLLATE NOCASE OR {0}_actor = {1} OR {0}_text = {1} COLLATE NOCASE", p, v);
  if (LooksLikeCameo(who)) s += fmt::format(" OR substr({0}_actor, 1, length({1})) = {1}", p, v);
  s += ")";
  return s;
}

constexpr const char* kEventDate = "coalesce(e.date, d.date)";

void DateRange(Where& w, const Filter& f, const std::string& date) {
  if (!f.from.empty()) w.And(fmt::format("{} >= {}", date, w.Param(f.from)));
  if (!f.to.empty()) {
    // A prefix bound includes the whole period: --to 2024-03 keeps 2024-03-31.
    std::string v = w.Param(f.to);
    w.And(fmt::format("substr({0}, 1, length({1})) <= {1}", date, v));
  }
}

void TextMatch(Where& w, const Filter& f, const std::string& doc_key) {
  if (f.text.empty()) return;
  w.And(fmt::format("{} IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH {})", doc_key,
                    w.Param(FtsQuery(f.text))));
}

std::string Limit(const Filter& f) { return f.limit ? fmt::format(" LIMIT {}", f.limit) : ""; }

constexpr const char* kEventColumns =
    "d.id AS doc, coalesce(e.date, d.date) AS date, e.source_name AS source, e.source_actor AS source_actor, "
    "e.code AS code, e.root AS root, e.target_name AS target, e.target_actor AS target_actor, "
    "e.goldstein AS goldstein, e.quad AS quad, e.polarity AS polarity, e.text AS text, "
    "e.source_id AS source_id, e.target_id AS target_id, e.plover AS plover, e.rule AS rule";

// Events involving `a`, or between `a` and `b` (either direction) when `b` is set.
void Involving(Where& w, const std::string& a, const std::string& b) {
  if (b.empty()) {
    w.And(fmt::format("({} OR {})", ActorMatch(w, "e.source", a), ActorMatch(w, "e.target", a)));
  } else {
    std::string ab = fmt::format("{} AND {}", ActorMatch(w, "e.source", a), ActorMatch(w, "e.target", b));
    std::string ba = fmt::format("{} AND {}", ActorMatch(w, "e.source", b), ActorMatch(w, "e.target", a));
    w.And(fmt::format("(({}) OR ({}))", ab, ba));
  }
}

void BetweenActors(Where& w, const std::string& a, const std::string& b) {
  Involving(w, a, b);
  w.And(fmt::format("{} IS NOT NULL", kEventDate));
}

}  // namespace

std::string FtsQuery(const std::string& words) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
    word.clear();
  };
  for (char c : words) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') flush();
    else word += c;
  }
  flush();
  return out;
}

Statement SearchDocuments(Database& db, const Filter& f) {
  Where w;
  w.And(fmt::format("documents_fts MATCH {}", w.Param(FtsQuery(f.text))));
  DateRange(w, f, "d.date");
  return w.Prepare(db,
                   "SELECT d.id AS doc, d.date AS date, d.title AS title, "
                   "replace(snippet(documents_fts, 1, '[', ']', '…', 12), char(10), ' ') AS snippet" +
                       std::string(f.keys ? ", d.doc AS doc_key " : " ") +
                   fmt::format("FROM documents_fts JOIN documents d ON d.doc = documents_fts.rowid{} "
                               "ORDER BY rank, d.doc{}",
                               w.Sql(), Limit(f)));
}

Statement FindEvents(Database& db, const Filter& f) {
  Where w;
  if (!f.actor.empty()) Involving(w, f.actor, f.with);
  if (!f.source.empty()) w.And(ActorMatch(w, "e.source", f.source));
  if (!f.target.empty()) w.And(ActorMatch(w, "e.target", f.target));
  if (!f.code.empty()) w.And(fmt::format("substr(e.code, 1, length({0})) = {0}", w.Param(f.code)));
  if (!f.root.empty()) w.And(fmt::format("e.root = {}", w.Param(f.root)));
  if (!f.polarity.empty()) w.And(fmt::format("e.polarity = {}", w.Param(f.polarity)));
  DateRange(w, f, kEventDate);
  TextMatch(w, f, "e.doc");
  return w.Prepare(db, fmt::format("SELECT {}{} FROM events e JOIN documents d ON d.doc = e.doc{} "
                                   "ORDER BY {} IS NULL, {}, e.doc, e.n{}",
                                   kEventColumns,
                                   f.keys ? ", d.doc AS doc_key, e.n AS n, e.start AS start, e.end AS end" : "",
                                   w.Sql(), kEventDate, kEventDate, Limit(f)));
}

Statement FindQuotes(Database& db, const Filter& f) {
  Where w;
  if (!f.speaker.empty()) {
    std::string v = w.Param(f.speaker);
    std::string s = fmt::format(
        "(q.speaker_id = {0} OR q.speaker_name = {0} COLLATE NOCASE OR q.speaker_actor = {0} OR "
        "q.speaker_text = {0} COLLATE NOCASE",
        v);
    if (LooksLikeCameo(f.speaker)) s += fmt::format(" OR substr(q.speaker_actor, 1, length({0})) = {0}", v);
    s += ")";
    w.And(s);
  }
  DateRange(w, f, "d.date");
  TextMatch(w, f, "q.doc");
  return w.Prepare(db,
                   "SELECT d.id AS doc, d.date AS date, coalesce(q.speaker_name, q.speaker_text) AS speaker, "
                   "q.speaker_id AS speaker_id, q.speaker_actor AS speaker_actor, q.kind AS kind, q.verb AS verb, "
                   "q.text AS text FROM quotes q JOIN documents d ON d.doc = q.doc" +
                       fmt::format("{} ORDER BY d.date IS NULL, d.date, q.doc, q.n{}", w.Sql(), Limit(f)));
}

void ExportContracts(Database& db, const std::function<void(std::string_view)>& fn) {
  Statement st = db.Prepare("SELECT contract FROM documents ORDER BY doc");
  while (st.Step()) fn(Inflate(st.Blob(0)));
}

Statement TimelineEvents(Database& db, const std::string& a, const std::string& b) {
  Where w;
  BetweenActors(w, a, b);
  return w.Prepare(db, fmt::format("SELECT {} FROM events e JOIN documents d ON d.doc = e.doc{} ORDER BY {}, "
                                   "e.doc, e.n",
                                   kEventColumns, w.Sql(), kEventDate));
}

Statement TimelineMonths(Database& db, const std::string& a, const std::string& b) {
  Where w;
  BetweenActors(w, a, b);
  return w.Prepare(db, fmt::format("SELECT substr({0}, 1, 7) AS month, count(*) AS events, "
                                   "round(sum(e.goldstein), 2) AS goldstein, "
                                   "sum(e.quad IN (1, 2)) AS cooperation, sum(e.quad IN (3, 4)) AS conflict "
                                   "FROM events e JOIN documents d ON d.doc = e.doc{1} GROUP BY month ORDER BY month",
                                   kEventDate, w.Sql()));
}

}  // namespace veille::store
