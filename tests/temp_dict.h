// A throwaway dictionary root for one test: files are copied from the real dict/
// or written from strings, the loader points at it, and the previous root comes
// back on destruction.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/dict_file.h"

namespace veille {

class TempDict {
 public:
  TempDict() : saved_(DictRoot()) {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("veille-test-dict-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    SetDictRoot(dir_.string());
  }
  ~TempDict() {
    SetDictRoot(saved_);
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempDict(const TempDict&) = delete;
  TempDict& operator=(const TempDict&) = delete;

  // Writes `content` to `relative` (e.g. "clean/lines.tsv") under the temporary root.
  TempDict& Write(const std::string& relative, const std::string& content) {
    std::filesystem::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << content;
    return *this;
  }
  // Copies `relative` from the dictionary root that was in use before.
  TempDict& Copy(const std::string& relative) {
    std::filesystem::create_directories((dir_ / relative).parent_path());
    std::filesystem::copy_file(std::filesystem::path(saved_) / relative, dir_ / relative,
                               std::filesystem::copy_options::overwrite_existing);
    return *this;
  }

 private:
  std::string saved_;
  std::filesystem::path dir_;
};

}  // namespace veille
