#include "serve/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <thread>

namespace veille::serve {

bool RunServer(Api& api, const ServerOptions& options, const std::function<void(int port)>& on_listen) {
  // SIGINT and SIGTERM are waited for by one thread, which stops the server; the
  // others (created after this) never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  httplib::Server server;
  int threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_read_timeout(options.read_timeout_s, 0);
  server.set_write_timeout(options.write_timeout_s, 0);
  server.set_payload_max_length(64 * 1024);
  // Small JSON answers go out at once (no Nagle delay), and a client keeps its
  // connection for more than httplib's default of 5 requests.
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(100);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'"},
                              {"Cache-Control", "no-store"}});
  auto handle = [&api](const httplib::Request& req, httplib::Response& res) {
    Response r = api.Handle(ParseTarget(req.method, req.target));
    res.status = r.status;
    res.set_content(std::move(r.body), r.content_type.c_str());
  };
  server.Get(".*", handle);
  server.Post(".*", handle);
  server.Put(".*", handle);
  server.Patch(".*", handle);
  server.Delete(".*", handle);
  server.Options(".*", handle);
  // Errors httplib answers itself (a target over its own limit, a malformed request) get
  // a JSON body too.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    Response r = Error(res.status, res.status == 414   ? "request target too long"
                                   : res.status == 413 ? "request body too large"
                                   : res.status < 500  ? "bad request"
                                                       : "server error");
    res.set_content(std::move(r.body), r.content_type.c_str());
  });

  int port = options.port;
  if (port == 0) port = server.bind_to_any_port(options.host);
  else if (!server.bind_to_port(options.host, port)) port = -1;
  if (port < 0) return false;

  std::thread waiter([&server, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
  waiter.detach();
  on_listen(port);
  server.listen_after_bind();
  return true;
}

}  // namespace veille::serve
