// Progress of a long run on stderr: a live line (documents, MB/s, ETA when the total
// input size is known) redrawn at most ten times a second, only when stderr is a terminal.
#pragma once
#include <chrono>
#include <cstddef>
#include <string>

#include "core/doc.h"

namespace veille::cli {

class Progress {
 public:
  // `total_bytes`: the size of the inputs on disk, 0 when unknown (stdin).
  Progress(size_t total_bytes, bool live);

  // A document was read (call before processing it).
  void Read(const Doc& doc);
  // Redraws the live line when due; `extra` is appended ("12 new").
  void Update(const std::string& extra);
  // Erases the live line (before the final summary).
  void Finish();

  size_t docs() const { return docs_; }
  size_t files() const { return files_; }
  double seconds() const;
  bool live() const { return live_; }

 private:
  size_t Done() const;
  size_t total_;
  bool live_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
  size_t docs_ = 0, files_ = 0;
  std::string file_;                 // the source file being read
  size_t file_size_ = 0, file_read_ = 0, done_files_bytes_ = 0;
};

}  // namespace veille::cli
