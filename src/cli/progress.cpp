#include "cli/progress.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "ingest/reader.h"

namespace veille::cli {

Progress::Progress(size_t total_bytes, bool live)
    : total_(total_bytes), live_(live), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::Read(const Doc& doc) {
  ++docs_;
  if (doc.source != file_) {
    // Documents come file after file: the previous one is done.
    done_files_bytes_ += file_size_;
    file_ = doc.source;
    file_size_ = file_ == "stdin" ? 0 : InputSize(file_);
    file_read_ = 0;
    ++files_;
  }
  file_read_ += doc.original.size();
}

size_t Progress::Done() const {
  // Inside a file, the bytes of the documents read so far stand for the file's progress
  // (approximate for compressed or markup-heavy files).
  return done_files_bytes_ + std::min(file_read_, file_size_);
}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Update(const std::string& extra) {
  if (!live_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double secs = seconds();
  size_t done = Done();
  double mbps = secs > 0 ? done / 1e6 / secs : 0;
  std::string line = fmt::format("ingest: {} documents, {:.1f} MB, {:.1f} MB/s", docs_, done / 1e6, mbps);
  if (!extra.empty()) line += ", " + extra;
  if (total_ > 0 && done > 0 && done <= total_) {
    double eta = secs * (static_cast<double>(total_) / done - 1);
    int s = static_cast<int>(eta + 0.5);
    line += fmt::format(", {:.0f}%, ETA {}:{:02}", 100.0 * done / total_, s / 60, s % 60);
  }
  fmt::print(stderr, "\r\033[2K{}", line);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Finish() {
  if (live_ && drawn_) {
    fmt::print(stderr, "\r\033[2K");
    std::fflush(stderr);
  }
  drawn_ = false;
}

}  // namespace veille::cli
