#include "store/writer.h"

#include <xxhash.h>

#include "store/compress.h"

namespace veille::store {

std::string ContentHash(std::string_view original) {
  XXH128_canonical_t c;
  XXH128_canonicalFromHash(&c, XXH3_128bits(original.data(), original.size()));
  return std::string(reinterpret_cast<const char*>(c.digest), sizeof c.digest);
}

namespace {

// OffsetMap anchors as little-endian u32 pairs (derived, source).
std::string PackMap(const OffsetMap& map) {
  std::string out;
  out.reserve(map.anchors().size() * 8);
  auto put = [&](uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  for (const OffsetMap::Anchor& a : map.anchors()) {
    put(a.derived);
    put(a.source);
  }
  return out;
}

int64_t I(uint32_t v) { return static_cast<int64_t>(v); }

}  // namespace

struct Writer::Statements {
  explicit Statements(Database& db)
      : contains(db.Prepare("SELECT 1 FROM documents WHERE hash = ?1")),
        document(db.Prepare(
            "INSERT INTO documents (hash, id, source, url, title, date, date_source, format, lang, lang_score, "
            "dup_of, story, text, original, map, contract) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
            "ON CONFLICT (hash) DO NOTHING")),
        sentence(db.Prepare("INSERT INTO sentences VALUES (?1, ?2, ?3, ?4)")),
        removed(db.Prepare("INSERT INTO removed VALUES (?1, ?2, ?3, ?4, ?5, ?6)")),
        entity(db.Prepare("INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")),
        timex(db.Prepare("INSERT INTO timex VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")),
        token(db.Prepare("INSERT INTO tokens VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")),
        quote(db.Prepare("INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")),
        event(db.Prepare("INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                         "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)")),
        warning(db.Prepare("INSERT INTO warnings VALUES (?1, ?2, ?3)")) {}
  Statement contains, document, sentence, removed, entity, timex, token, quote, event, warning;
};

Writer::Writer(Database& db, size_t batch_size)
    : db_(db), batch_size_(batch_size ? batch_size : 1), st_(std::make_unique<Statements>(db)) {}

Writer::~Writer() {
  if (open_) db_.Rollback();
}

void Writer::Begin() {
  if (open_) return;
  db_.Begin();
  open_ = true;
  in_batch_ = 0;
}

void Writer::Commit() {
  if (!open_) return;
  db_.Commit();
  open_ = false;
  in_batch_ = 0;
}

bool Writer::Contains(std::string_view hash) {
  Statement& s = st_->contains;
  s.BindBlob(1, hash);
  bool found = s.Step();
  s.Reset();
  return found;
}

bool Writer::Add(const Doc& doc, std::string_view contract) { return Add(doc, ContentHash(doc.original), contract); }

bool Writer::Add(const Doc& doc, std::string_view hash, std::string_view contract) {
  if (!contract.empty() && contract.back() == '\n') contract.remove_suffix(1);
  Begin();
  Statement& d = st_->document;
  d.BindBlob(1, hash).Bind(2, doc.id).Bind(3, doc.source).Bind(4, doc.url).Bind(5, doc.title).Bind(6, doc.date);
  d.Bind(7, doc.date_source).Bind(8, doc.format).Bind(9, doc.lang).Bind(10, doc.lang_score);
  d.Bind(11, doc.dup_of).Bind(12, doc.story).Bind(13, doc.text);
  if (doc.original == doc.text) d.BindNull(14);
  else d.BindBlob(14, doc.original);
  d.BindBlob(15, PackMap(doc.map)).BindBlob(16, Deflate(contract));
  d.Run();
  d.Reset();
  if (sqlite3_changes(db_.handle()) == 0) return false;  // same content already stored
  const int64_t key = sqlite3_last_insert_rowid(db_.handle());
  auto text = [&](Span s) { return s.of(doc.text); };

  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    Statement& s = st_->sentence;
    s.Bind(1, key).Bind(2, I(i)).Bind(3, I(doc.sentences[i].start)).Bind(4, I(doc.sentences[i].end)).Run();
  }
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    const Removal& r = doc.removed[i];
    Statement& s = st_->removed;
    s.Bind(1, key).Bind(2, I(i)).Bind(3, I(r.span.start)).Bind(4, I(r.span.end)).Bind(5, RemovalReasonName(r.why));
    s.Bind(6, r.rule).Run();
  }
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    Statement& s = st_->entity;
    s.Bind(1, key).Bind(2, I(i)).Bind(3, I(e.span.start)).Bind(4, I(e.span.end)).Bind(5, text(e.span));
    s.Bind(6, e.type).Bind(7, e.id).Bind(8, e.name).BindOrNull(9, e.actor).Bind(10, e.via).Bind(11, e.rule).Run();
  }
  for (size_t i = 0; i < doc.timex.size(); ++i) {
    const Timex& t = doc.timex[i];
    Statement& s = st_->timex;
    s.Bind(1, key).Bind(2, I(i)).Bind(3, I(t.span.start)).Bind(4, I(t.span.end)).Bind(5, text(t.span));
    s.BindOrNull(6, t.value).Bind(7, t.anchor).Bind(8, t.rule).Run();
  }
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    Statement& s = st_->token;
    s.Bind(1, key).Bind(2, I(i)).Bind(3, I(t.span.start)).Bind(4, I(t.span.end)).Bind(5, I(t.sentence));
    s.Bind(6, PosName(t.pos)).Bind(7, t.lemma).Bind(8, t.feats).Run();
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    Statement& s = st_->quote;
    s.Bind(1, key).Bind(2, I(i)).Bind(3, I(q.span.start)).Bind(4, I(q.span.end)).Bind(5, text(q.span));
    s.Bind(6, q.kind);
    if (q.speaker) {
      s.Bind(7, I(q.speaker->span.start)).Bind(8, I(q.speaker->span.end)).Bind(9, text(q.speaker->span));
      s.BindOrNull(10, q.speaker->id).BindOrNull(11, q.speaker->name).BindOrNull(12, q.speaker->actor);
    } else {
      for (int c = 7; c <= 12; ++c) s.BindNull(c);
    }
    s.BindOrNull(13, q.verb).Bind(14, q.rule).Run();
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    Statement& s = st_->event;
    s.Bind(1, key).Bind(2, I(i)).Bind(3, I(e.sentence)).Bind(4, I(e.span.start)).Bind(5, I(e.span.end));
    s.Bind(6, text(e.span));
    s.Bind(7, e.source.id).Bind(8, e.source.name).Bind(9, e.source.actor).Bind(10, I(e.source.span.start));
    s.Bind(11, I(e.source.span.end)).Bind(12, text(e.source.span));
    if (e.target) {
      s.Bind(13, e.target->id).Bind(14, e.target->name).Bind(15, e.target->actor);
      s.Bind(16, I(e.target->span.start)).Bind(17, I(e.target->span.end)).Bind(18, text(e.target->span));
    } else {
      for (int c = 13; c <= 18; ++c) s.BindNull(c);
    }
    s.Bind(19, e.code).Bind(20, e.root).Bind(21, e.plover).Bind(22, e.goldstein).Bind(23, int64_t{e.quad});
    s.Bind(24, e.polarity).Bind(25, e.date);
    if (e.place) {
      s.Bind(26, e.place->name).Bind(27, e.place->country).Bind(28, e.place->lat).Bind(29, e.place->lon);
    } else {
      for (int c = 26; c <= 29; ++c) s.BindNull(c);
    }
    s.Bind(30, e.rule).Run();
  }
  for (size_t i = 0; i < doc.warnings.size(); ++i)
    st_->warning.Bind(1, key).Bind(2, I(i)).Bind(3, doc.warnings[i]).Run();

  if (++in_batch_ >= batch_size_) Commit();
  return true;
}

}  // namespace veille::store
