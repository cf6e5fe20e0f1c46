// The `veille` command line: one function per sub-command.
#pragma once

namespace veille::cli {

int Main(int argc, char** argv);

}  // namespace veille::cli
