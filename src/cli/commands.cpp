#include "cli/commands.h"

#include <CLI/CLI.hpp>

namespace veille::cli {

int Main(int argc, char** argv) {
  CLI::App app{"veille: French news to political event data"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}

}  // namespace veille::cli
