// veille serve: the corpus database over HTTP (JSON API and a web page), read-only.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>

#include "cli/subcommands.h"
#include "core/diagnostics.h"
#include "serve/api.h"
#include "serve/server.h"
#include "store/database.h"

namespace veille::cli {

CLI::App* AddServeCommand(CLI::App& app, ServeOptions& o) {
  CLI::App* c = app.add_subcommand(
      "serve",
      "Serve the corpus database, read-only, over HTTP: a JSON API (/api/search, /api/events, /api/actors, "
      "/api/timeline, /api/graph, /api/document) and a web page at / (timeline, actor graph, evidence).");
  c->add_option("--db", o.db, "The database file");
  c->add_option("--port", o.port, "TCP port (0: any free port, printed on stderr)")->check(CLI::Range(0, 65535));
  c->add_option("--host", o.host, "Address to bind (default 127.0.0.1: this machine only)");
  c->add_option("--threads", o.threads, "Worker threads")->check(CLI::Range(1, 256));
  c->add_option("--time-limit", o.time_limit_ms, "Per-request time limit in milliseconds")
      ->check(CLI::Range(10, 600000));
  return c;
}

int RunServe(const ServeOptions& o) {
  try {
    serve::Limits limits;
    limits.time_limit = std::chrono::milliseconds(o.time_limit_ms);
    serve::Api api(o.db, limits);
    serve::ServerOptions so;
    so.host = o.host;
    so.port = o.port;
    so.threads = o.threads;
    bool ok = serve::RunServer(api, so, [&](int port) {
      fmt::print(stderr, "veille serve: listening on http://{}:{}/ (database {}, read-only)\n", o.host, port, o.db);
      std::fflush(stderr);
    });
    if (!ok) {
      fmt::print(stderr, "veille: cannot listen on {}:{}\n", o.host, o.port);
      return kExitFatal;
    }
    return kExitOk;
  } catch (const store::StoreError& e) {
    fmt::print(stderr, "veille: {}\n", e.what());
    return kExitFatal;
  }
}

}  // namespace veille::cli
