#include "serve/http.h"

#include "output/contract.h"

namespace veille::serve {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> UrlDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

Request ParseTarget(std::string_view method, std::string_view target) {
  Request r;
  r.method = std::string(method);
  r.target_size = target.size();
  size_t q = target.find('?');
  std::string_view path = target.substr(0, q);
  std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
  if (auto p = UrlDecode(path, false)) r.path = std::move(*p);
  else r.bad_encoding = true;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    auto key = UrlDecode(part.substr(0, eq), true);
    auto value = UrlDecode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), true);
    if (!key || !value) {
      r.bad_encoding = true;
      continue;
    }
    r.params.emplace_back(std::move(*key), std::move(*value));
  }
  return r;
}

Response Error(int status, std::string_view message) {
  Response r;
  r.status = status;
  r.body = "{\"error\": ";
  AppendJsonString(message, &r.body);
  r.body += "}\n";
  return r;
}

}  // namespace veille::serve
