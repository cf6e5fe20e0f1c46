// veille serve's JSON API and page, as one function from Request to Response: routing,
// parameter validation, the database queries (store/query.h, store/browse.h) and JSON.
// The socket side (server.h) only adapts it.
//
// Routes (GET): / and /static/NAME (the page), /api/health, /api/search, /api/events,
// /api/actors, /api/timeline, /api/graph, /api/document (README.md, "Serve").
#pragma once
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "serve/http.h"

namespace veille::serve {

class ActorCache;

struct Limits {
  size_t max_target = 2048;     // bytes of the request target; longer: 414
  size_t max_param = 256;       // bytes of one parameter value; longer: 400
  size_t max_params = 16;       // parameters in one request
  size_t default_rows = 100;    // rows when no limit= is given
  size_t max_rows = 1000;       // the largest limit= accepted
  size_t max_sub_rows = 5000;   // a document's sentences, entities, events: at most this many each
  std::chrono::milliseconds time_limit{2000};  // per request; past it the query is interrupted (503)
};

class Api {
 public:
  // Opens the database read-only once to check it (throws store::StoreError).
  explicit Api(std::string db_path, Limits limits = {});
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Thread-safe: each call takes a read-only connection of its own from a pool.
  Response Handle(const Request& request);

  const Limits& limits() const { return limits_; }

 private:
  struct Connection;
  std::unique_ptr<Connection> Take();
  void Give(std::unique_ptr<Connection> c);

  std::string db_path_;
  Limits limits_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> pool_;
  std::unique_ptr<ActorCache> known_actors_;
};

}  // namespace veille::serve
