#include <csignal>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // Over a file size limit (ulimit -f) writes fail with EFBIG, reported like a full
  // disk, instead of the process being killed without a word.
  std::signal(SIGXFSZ, SIG_IGN);
  return veille::cli::Main(argc, argv);
}
