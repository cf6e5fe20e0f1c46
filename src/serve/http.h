// The HTTP request and response as veille serve's handler sees them: plain values, no
// sockets, so that the whole API can be tested (and fuzzed) without a server.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veille::serve {

struct Request {
  std::string method = "GET";
  std::string path;  // decoded ("/api/events")
  std::vector<std::pair<std::string, std::string>> params;  // decoded, in order
  size_t target_size = 0;  // bytes of the raw request target (path and query)
  bool bad_encoding = false;  // a malformed %-escape in the target
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

// Splits a raw request target ("/api/events?actor=RUS&from=2024") into a Request,
// decoding %XX escapes (and '+' as a space in the query).
Request ParseTarget(std::string_view method, std::string_view target);

// Decodes %XX escapes (and '+' when `plus_is_space`); nullopt when an escape is malformed.
std::optional<std::string> UrlDecode(std::string_view s, bool plus_is_space);

// A JSON error response: {"error": message}.
Response Error(int status, std::string_view message);

}  // namespace veille::serve
