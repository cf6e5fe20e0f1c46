#include "serve/api.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <map>
#include <unordered_set>

#include "core/utf8.h"
#include "output/contract.h"
#include "serve/assets.h"
#include "serve/json.h"
#include "store/browse.h"
#include "store/query.h"

namespace veille::serve {

// One read-only connection with its per-request deadline (checked by SQLite's progress
// handler, which interrupts a query that runs past it).
struct Api::Connection {
  explicit Connection(const std::string& path) : db(path, store::Database::Mode::kReadOnly) {
    // Reads through a memory map share the OS page cache across connections (no copy
    // into each connection's cache): a scan joining events to their documents is ~4x faster.
    db.Exec("PRAGMA mmap_size=1073741824");
    sqlite3_progress_handler(
        db.handle(), 100,
        [](void* p) -> int {
          auto* c = static_cast<Connection*>(p);
          if (std::chrono::steady_clock::now() < c->deadline) return 0;
          c->timed_out = true;
          return 1;
        },
        this);
  }
  store::Database db;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  bool timed_out = false;
};

// Actors found in the database: the database only grows under serve (ingest adds,
// never removes), so a known actor stays known. Bounded; cleared when full.
class ActorCache {
 public:
  bool Has(const std::string& who) {
    std::lock_guard<std::mutex> lock(mu_);
    return known_.count(who) > 0;
  }
  void Add(const std::string& who) {
    std::lock_guard<std::mutex> lock(mu_);
    if (known_.size() >= 10000) known_.clear();
    known_.insert(who);
  }

 private:
  std::mutex mu_;
  std::unordered_set<std::string> known_;
};

namespace {

// A request that cannot be answered: the status and the message of the JSON error.
struct HttpError {
  int status;
  std::string message;
};

// The parameters of one request, checked against the names its route accepts.
class Params {
 public:
  Params(const Request& r, std::initializer_list<const char*> allowed) {
    for (const auto& param : r.params) {
      const std::string& k = param.first;  // (clang 14 cannot capture a structured binding)
      const std::string& v = param.second;
      if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; }) == allowed.end())
        throw HttpError{400, fmt::format("unknown parameter: {}", k)};
      if (!values_.emplace(k, v).second) throw HttpError{400, fmt::format("repeated parameter: {}", k)};
    }
  }
  std::string Get(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::string() : it->second;
  }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }

 private:
  std::map<std::string, std::string> values_;
};

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
std::string Date(const Params& p, const std::string& name) {
  std::string v = p.Get(name);
  if (v.empty()) return v;
  bool ok = (v.size() == 4 || v.size() == 7 || v.size() == 10) && IsDigits(std::string_view(v).substr(0, 4));
  if (ok && v.size() >= 7) {
    ok = v[4] == '-' && IsDigits(std::string_view(v).substr(5, 2));
    if (ok) ok = ToInt(std::string_view(v).substr(5, 2)) >= 1 && ToInt(std::string_view(v).substr(5, 2)) <= 12;
  }
  if (ok && v.size() == 10) {
    ok = v[7] == '-' && IsDigits(std::string_view(v).substr(8, 2));
    if (ok) ok = ToInt(std::string_view(v).substr(8, 2)) >= 1 && ToInt(std::string_view(v).substr(8, 2)) <= 31;
  }
  if (!ok) throw HttpError{400, fmt::format("{}: expected a date YYYY, YYYY-MM or YYYY-MM-DD", name)};
  return v;
}

size_t Number(const Params& p, const std::string& name, size_t fallback, size_t lo, size_t hi) {
  if (!p.Has(name)) return fallback;
  std::string v = p.Get(name);
  if (!IsDigits(v) || v.size() > 9 || static_cast<size_t>(ToInt(v)) < lo || static_cast<size_t>(ToInt(v)) > hi)
    throw HttpError{400, fmt::format("{}: expected a whole number from {} to {}", name, lo, hi)};
  return static_cast<size_t>(ToInt(v));
}

// A CAMEO code or its prefix: 1 to 4 digits.
std::string Code(const Params& p, const std::string& name) {
  std::string v = p.Get(name);
  if (!v.empty() && (!IsDigits(v) || v.size() > 4))
    throw HttpError{400, fmt::format("{}: expected a CAMEO code (1 to 4 digits)", name)};
  return v;
}

std::string Word(const Params& p, const std::string& name) {
  std::string v = p.Get(name);
  if (v.size() > 20 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    throw HttpError{400, fmt::format("{}: expected a lower-case word", name)};
  return v;
}

// Appends `"key": ` to a JSON object under construction.
void Key(const char* key, std::string* out) { fmt::format_to(std::back_inserter(*out), "\"{}\": ", key); }

Response Json(std::string body) {
  Response r;
  body += '\n';
  r.body = std::move(body);
  return r;
}

Response Static(const Asset* a) {
  if (!a) throw HttpError{404, "no such file"};
  Response r;
  r.content_type = std::string(a->content_type);
  r.body = std::string(a->data);
  return r;
}

class Handler {
 public:
  Handler(store::Database& db, const Limits& limits, ActorCache& known) : db_(db), limits_(limits), known_(known) {}

  Response Route(const Request& r) {
    const std::string& path = r.path;
    if (path == "/" || path == "/index.html") return Static(FindAsset("index.html"));
    if (path == "/favicon.ico") return Static(FindAsset("favicon.svg"));
    if (path.starts_with("/static/")) return Static(FindAsset(std::string_view(path).substr(8)));
    if (path == "/api/health") return Health(r);
    if (path == "/api/search") return Search(r);
    if (path == "/api/events") return Events(r);
    if (path == "/api/actors") return Actors(r);
    if (path == "/api/timeline") return Timeline(r);
    if (path == "/api/graph") return Graph(r);
    if (path == "/api/document") return Document(r);
    throw HttpError{404, "no such route"};
  }

 private:
  // An actor parameter: must name a known actor (404 otherwise).
  std::string Actor(const Params& p, const std::string& name) {
    std::string v = p.Get(name);
    if (v.empty() || known_.Has(v)) return v;
    if (!store::ActorKnown(db_, v)) throw HttpError{404, fmt::format("unknown actor: {}", v)};
    known_.Add(v);
    return v;
  }

  size_t Limit(const Params& p) { return Number(p, "limit", limits_.default_rows, 1, limits_.max_rows); }

  Response Health(const Request& r) {
    Params p(r, {});
    auto count = [&](const char* sql) {
      store::Statement st = db_.Prepare(sql);
      st.Step();
      return st.Int(0);
    };
    return Json(fmt::format("{{\"ok\": true, \"documents\": {}, \"events\": {}}}",
                            count("SELECT count(*) FROM documents"), count("SELECT count(*) FROM events")));
  }

  // {"<key>": [up to `limit` rows], "truncated": whether `st` had more (it asks for limit + 1).
  static Response Page(const char* key, store::Statement& st, size_t limit) {
    std::string out = fmt::format("{{\"{}\": ", key);
    bool cut = AppendRows(st, limit, &out);
    out += fmt::format(", \"truncated\": {}}}", cut);
    return Json(std::move(out));
  }

  Response Search(const Request& r) {
    Params p(r, {"q", "from", "to", "limit"});
    store::Filter f;
    f.text = p.Get("q");
    if (f.text.find_first_not_of(" \t\r\n") == std::string::npos) throw HttpError{400, "q: words to search for"};
    f.from = Date(p, "from");
    f.to = Date(p, "to");
    f.keys = true;
    size_t limit = Limit(p);
    f.limit = limit + 1;
    store::Statement st = store::SearchDocuments(db_, f);
    return Page("documents", st, limit);
  }

  Response Events(const Request& r) {
    Params p(r, {"actor", "with", "source", "target", "code", "root", "polarity", "from", "to", "q", "limit"});
    store::Filter f;
    f.actor = Actor(p, "actor");
    f.with = Actor(p, "with");
    if (!f.with.empty() && f.actor.empty()) throw HttpError{400, "with: needs actor"};
    f.source = Actor(p, "source");
    f.target = Actor(p, "target");
    f.code = Code(p, "code");
    f.root = Code(p, "root");
    f.polarity = Word(p, "polarity");
    f.from = Date(p, "from");
    f.to = Date(p, "to");
    f.text = p.Get("q");
    if (f.text.find_first_not_of(" \t\r\n") == std::string::npos) f.text.clear();
    f.keys = true;
    size_t limit = Limit(p);
    f.limit = limit + 1;
    store::Statement st = store::FindEvents(db_, f);
    return Page("events", st, limit);
  }

  Response Actors(const Request& r) {
    Params p(r, {"match", "limit"});
    size_t limit = Limit(p);
    store::Statement st = store::ListActors(db_, p.Get("match"), limit + 1);
    return Page("actors", st, limit);
  }

  Response Timeline(const Request& r) {
    Params p(r, {"a", "b", "from", "to"});
    std::string a = Actor(p, "a"), b = Actor(p, "b");
    if (a.empty()) throw HttpError{400, "a: the actor whose timeline to show"};
    // Months are YYYY-MM: compare the bounds at that precision.
    std::string from = Date(p, "from").substr(0, 7), to = Date(p, "to").substr(0, 7);
    store::Statement st = store::TimelineMonths(db_, a, b);
    std::string out = "{\"months\": [";
    size_t n = 0;
    while (st.Step()) {
      std::string_view month = st.TextView(0);
      if (!from.empty() && month.substr(0, from.size()) < from) continue;
      if (!to.empty() && month.substr(0, to.size()) > to) continue;
      if (n++) out += ", ";
      AppendRow(st, &out);
    }
    out += "]}";
    return Json(std::move(out));
  }

  Response Graph(const Request& r) {
    Params p(r, {"from", "to", "limit"});
    store::Filter f;
    f.from = Date(p, "from");
    f.to = Date(p, "to");
    size_t limit = Limit(p);
    store::Statement st = store::ActorEdges(db_, f, limit + 1);
    struct Node {
      std::string name;
      int64_t events = 0;
    };
    std::map<std::string, Node> nodes;
    std::string edges;
    bool cut = false;
    size_t n = 0;
    while (st.Step()) {
      if (n == limit) {
        cut = true;
        break;
      }
      if (n++) edges += ", ";
      AppendRow(st, &edges);
      for (int side : {0, 2}) {
        Node& node = nodes[st.Text(side)];
        node.name = st.Text(side + 1);
        node.events += st.Int(4);
      }
    }
    std::string out = "{\"nodes\": [";
    bool first = true;
    for (const auto& [id, node] : nodes) {
      if (!first) out += ", ";
      first = false;
      out += "{\"id\": ";
      AppendJsonString(id, &out);
      out += ", \"name\": ";
      AppendJsonString(node.name, &out);
      fmt::format_to(std::back_inserter(out), ", \"events\": {}}}", node.events);
    }
    out += "], \"edges\": [" + edges + fmt::format("], \"truncated\": {}}}", cut);
    return Json(std::move(out));
  }

  Response Document(const Request& r) {
    Params p(r, {"doc", "event"});
    if (!p.Has("doc")) throw HttpError{400, "doc: the document's key (doc_key of an event)"};
    int64_t key = static_cast<int64_t>(Number(p, "doc", 0, 1, 999999999));
    store::Statement doc = store::DocumentByKey(db_, key);
    if (!doc.Step()) throw HttpError{404, fmt::format("no document {}", key)};
    std::string out = "{";
    Key("document", &out);
    AppendRow(doc, &out);
    size_t cap = limits_.max_sub_rows;
    std::vector<std::pair<int64_t, int64_t>> sentences;
    {
      store::Statement st = store::DocumentSentences(db_, key);
      out += ", ";
      Key("sentences", &out);
      out += '[';
      while (st.Step() && sentences.size() < cap) {
        if (!sentences.empty()) out += ", ";
        sentences.emplace_back(st.Int(1), st.Int(2));
        AppendRow(st, &out);
      }
      out += ']';
    }
    out += ", ";
    Key("entities", &out);
    store::Statement entities = store::DocumentEntities(db_, key);
    AppendRows(entities, cap, &out);
    // The events; the one asked for (event=N) gives the highlight: its sentence and its own span.
    std::string highlight = "null";
    bool want = p.Has("event");
    int64_t event = want ? static_cast<int64_t>(Number(p, "event", 0, 0, 999999999)) : -1;
    out += ", ";
    Key("events", &out);
    out += '[';
    store::Statement ev = store::DocumentEvents(db_, key);
    size_t n = 0;
    while (ev.Step() && n < cap) {
      if (n++) out += ", ";
      AppendRow(ev, &out);
      if (ev.Int(0) == event) {
        size_t s = static_cast<size_t>(ev.Int(1));
        std::string sentence = s < sentences.size()
                                   ? fmt::format("{{\"start\": {}, \"end\": {}}}", sentences[s].first,
                                                 sentences[s].second)
                                   : "null";
        highlight = fmt::format("{{\"event\": {}, \"sentence\": {}, \"evidence\": {{\"start\": {}, \"end\": {}}}}}",
                                event, sentence, ev.Int(2), ev.Int(3));
      }
    }
    out += ']';
    if (want && highlight == "null") throw HttpError{404, fmt::format("no event {} in document {}", event, key)};
    out += ", ";
    Key("highlight", &out);
    out += highlight + "}";
    return Json(std::move(out));
  }

  store::Database& db_;
  const Limits& limits_;
  ActorCache& known_;
};

// Checks that apply to every request, before routing.
void CheckRequest(const Request& r, const Limits& limits) {
  if (r.method != "GET" && r.method != "HEAD") throw HttpError{405, "only GET and HEAD"};
  if (r.target_size > limits.max_target)
    throw HttpError{414, fmt::format("request target longer than {} bytes", limits.max_target)};
  if (r.bad_encoding) throw HttpError{400, "malformed %-escape"};
  if (!utf8::IsValid(r.path) || r.path.find('\0') != std::string::npos) throw HttpError{400, "malformed path"};
  if (r.path.find("..") != std::string::npos) throw HttpError{400, "'..' in path"};
  if (r.params.size() > limits.max_params) throw HttpError{400, "too many parameters"};
  for (const auto& [k, v] : r.params) {
    auto clean = [](std::string_view s) {
      return utf8::IsValid(s) &&
             std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
    };
    if (k.size() > 32 || !clean(k)) throw HttpError{400, "malformed parameter name"};
    if (v.size() > limits.max_param)
      throw HttpError{400, fmt::format("{}: longer than {} bytes", k, limits.max_param)};
    if (!clean(v)) throw HttpError{400, fmt::format("{}: invalid UTF-8 or control character", k)};
  }
}

}  // namespace

Api::Api(std::string db_path, Limits limits)
    : db_path_(std::move(db_path)), limits_(limits), known_actors_(std::make_unique<ActorCache>()) {
  Give(std::make_unique<Connection>(db_path_));
}

Api::~Api() = default;

std::unique_ptr<Api::Connection> Api::Take() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!pool_.empty()) {
      std::unique_ptr<Connection> c = std::move(pool_.back());
      pool_.pop_back();
      return c;
    }
  }
  return std::make_unique<Connection>(db_path_);
}

void Api::Give(std::unique_ptr<Connection> c) {
  std::lock_guard<std::mutex> lock(mu_);
  pool_.push_back(std::move(c));
}

Response Api::Handle(const Request& request) {
  try {
    CheckRequest(request, limits_);
    std::unique_ptr<Connection> c = Take();
    c->deadline = std::chrono::steady_clock::now() + limits_.time_limit;
    c->timed_out = false;
    Response response;
    try {
      Handler h(c->db, limits_, *known_actors_);
      response = h.Route(request);
    } catch (const store::StoreError&) {
      bool timed_out = c->timed_out;
      Give(std::move(c));
      if (timed_out)
        throw HttpError{503, fmt::format("the query took longer than {} ms", limits_.time_limit.count())};
      throw HttpError{500, "database error"};
    } catch (...) {
      Give(std::move(c));
      throw;
    }
    Give(std::move(c));
    if (request.method == "HEAD") response.body.clear();
    return response;
  } catch (const HttpError& e) {
    return Error(e.status, e.message);
  } catch (const store::StoreError&) {
    return Error(503, "database unavailable");
  }
}

}  // namespace veille::serve
