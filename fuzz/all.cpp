#include "fuzz/targets.h"

namespace veille::fuzz {

const std::vector<Target>& AllTargets() {
  static const std::vector<Target> targets = {
      {"text", Text},       {"jsonl", Jsonl},     {"html", Html},          {"warc", Warc}, {"gzip", Gzip},
      {"sniff", Sniff},     {"cleaner", Cleaner}, {"segmenter", Segmenter}, {"dict", Dict},
      {"http", Http},
  };
  return targets;
}

}  // namespace veille::fuzz
