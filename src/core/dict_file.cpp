#include "core/dict_file.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/utf8.h"

namespace veille {
namespace {

std::string& RootOverride() {
  static std::string root;
  return root;
}

std::string ExecutableDir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  buf[n] = 0;
  return std::filesystem::path(buf).parent_path().string();
}

}  // namespace

DictError::DictError(const std::string& file, int line, const std::string& what)
    : std::runtime_error(line > 0 ? fmt::format("{}:{}: {}", file, line, what) : fmt::format("{}: {}", file, what)),
      file_(file),
      line_(line) {}

std::string DictLine::Where() const {
  // Provenance is relative to the dictionary root's parent: "dict/clean/x.tsv:3".
  return fmt::format("dict/{}:{}", *file, number);
}

void DictLine::Fail(const std::string& what) const { throw DictError(DictPath(*file), number, what); }

void SetDictRoot(const std::string& dir) { RootOverride() = dir; }

std::string DictRoot() {
  if (!RootOverride().empty()) return RootOverride();
  if (const char* env = std::getenv("VEILLE_DICT"); env && *env) return env;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(VEILLE_DICT_DIR, ec)) return VEILLE_DICT_DIR;
  fs::path installed = fs::path(ExecutableDir()) / ".." / "share" / "veille" / "dict";
  if (fs::is_directory(installed, ec)) return installed.lexically_normal().string();
  return VEILLE_DICT_DIR;
}

std::string DictPath(const std::string& relative) { return DictRoot() + "/" + relative; }

void ReadDictFile(const std::string& relative, const std::function<void(const DictLine&)>& fn,
                  size_t min_fields, size_t max_fields) {
  std::string path = DictPath(relative);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DictError(path, 0, "cannot open dictionary file");
  std::string line;
  DictLine dl{&relative, 0, {}};
  while (std::getline(in, line)) {
    ++dl.number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!utf8::IsValid(line)) throw DictError(path, dl.number, "invalid UTF-8");
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    dl.fields.clear();
    std::string_view rest(line);
    while (true) {
      size_t tab = rest.find('\t');
      dl.fields.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    // Trailing empty fields (stray tabs) are not fields.
    while (dl.fields.size() > 1 && dl.fields.back().empty()) dl.fields.pop_back();
    if (dl.fields.size() < min_fields || dl.fields.size() > max_fields)
      throw DictError(path, dl.number,
                      fmt::format("expected {} to {} tab-separated fields, found {}", min_fields, max_fields,
                                  dl.fields.size()));
    fn(dl);
  }
}

}  // namespace veille
