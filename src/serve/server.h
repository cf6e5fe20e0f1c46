// The socket side of veille serve: cpp-httplib's thread pool adapts HTTP requests to
// Api::Handle (api.h) and nothing more.
#pragma once
#include <functional>
#include <string>

#include "serve/api.h"

namespace veille::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  int threads = 8;
  int read_timeout_s = 5;
  int write_timeout_s = 10;
};

// Listens until SIGINT or SIGTERM. `on_listen` is called with the bound port once the
// server accepts connections. Returns false when the address cannot be bound.
bool RunServer(Api& api, const ServerOptions& options, const std::function<void(int port)>& on_listen);

}  // namespace veille::serve
