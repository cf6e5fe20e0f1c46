// Problems with the input, reported once each on stderr and counted so the exit
// code can tell scripts what happened.
#pragma once
#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace veille {

// Exit codes of every veille command (documented in README.md).
enum ExitCode : int {
  kExitOk = 0,        // everything read and processed
  kExitPartial = 1,   // some input was skipped or repaired; the rest was processed
  kExitUsage = 2,     // bad command line or invalid dictionary
  kExitFatal = 3,     // nothing could be done (output not writable, ...)
};

class Diagnostics {
 public:
  explicit Diagnostics(FILE* out = stderr) : out_(out) {}

  // `where` names the file and, when known, the line or record: "a.jsonl:12".
  void Warning(std::string_view where, std::string_view what);  // input repaired, processed
  void Error(std::string_view where, std::string_view what);    // input (part) skipped

  int warnings() const { return warnings_; }
  int errors() const { return errors_; }
  void set_quiet(bool q) { quiet_ = q; }

  int ExitCode() const { return errors_ || warnings_ ? kExitPartial : kExitOk; }

 private:
  void Print(const char* level, std::string_view where, std::string_view what);
  FILE* out_;
  bool quiet_ = false;
  std::mutex mu_;
  std::atomic<int> warnings_{0}, errors_{0};
};

}  // namespace veille
