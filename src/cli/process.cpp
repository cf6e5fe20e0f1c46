#include "cli/process.h"

namespace veille::cli {

bool ProcessInputs(const std::vector<std::string>& paths, const ReadOptions& read, const Pipeline& pipeline,
                   Diagnostics& diag, const DocHandlers& handlers) {
  bool stopped = false;
  for (const std::string& path : paths) {
    ReadInput(path, read, diag, [&](Doc&& doc) {
      if (stopped) return;
      if (handlers.before && !handlers.before(doc)) return;
      pipeline.Run(doc);
      if (!handlers.after(doc)) stopped = true;
    });
    if (stopped) return false;
  }
  return true;
}

}  // namespace veille::cli
