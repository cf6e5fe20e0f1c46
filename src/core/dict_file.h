// Reading knowledge files under dict/: line-oriented, UTF-8, '#' comments,
// tab-separated fields. Every error names the file and line.
#pragma once
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace veille {

class DictError : public std::runtime_error {
 public:
  DictError(const std::string& file, int line, const std::string& what);
  const std::string& file() const { return file_; }
  int line() const { return line_; }

 private:
  std::string file_;
  int line_;
};

struct DictLine {
  const std::string* file;  // path as given
  int number;               // 1-based
  std::vector<std::string_view> fields;  // tab-separated, trimmed of trailing '\r'
  // "dict/clean/lines.tsv:12" — the provenance string used in annotations.
  std::string Where() const;
  [[noreturn]] void Fail(const std::string& what) const;
};

// The dictionary root: --dict, then $VEILLE_DICT, then the source tree's dict/,
// then ../share/veille/dict beside the executable.
std::string DictRoot();
void SetDictRoot(const std::string& dir);

// Reads `relative` (e.g. "clean/lines.tsv") under DictRoot(); calls `fn` for every
// non-blank, non-comment line. Comment lines start with '#'; a field may not be
// empty unless `allow_empty` is set. Throws DictError.
void ReadDictFile(const std::string& relative, const std::function<void(const DictLine&)>& fn,
                  size_t min_fields = 1, size_t max_fields = 64);

// The path under the dictionary root (for messages and provenance).
std::string DictPath(const std::string& relative);

}  // namespace veille
