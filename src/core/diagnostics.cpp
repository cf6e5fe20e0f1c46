#include "core/diagnostics.h"

#include <fmt/format.h>

namespace veille {

void Diagnostics::Print(const char* level, std::string_view where, std::string_view what) {
  if (quiet_ || !out_) return;
  std::lock_guard<std::mutex> lock(mu_);
  fmt::print(out_, "veille: {}: {}: {}\n", level, where, what);
}

void Diagnostics::Warning(std::string_view where, std::string_view what) {
  ++warnings_;
  Print("warning", where, what);
}

void Diagnostics::Error(std::string_view where, std::string_view what) {
  ++errors_;
  Print("error", where, what);
}

}  // namespace veille
