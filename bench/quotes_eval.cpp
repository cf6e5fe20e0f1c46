// quotes_eval: precision and recall of quote spans and speaker attribution over the
// hand-written cases (tests/data/quotes/cases.txt), for the tuning part and the
// held-out part (every 5th case) apart. Usage: quotes_eval [cases.txt] [--failures]
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "../tests/quotes_cases.h"

using namespace veille;

int main(int argc, char** argv) {
  std::string path = std::string(VEILLE_SOURCE_DIR) + "/tests/data/quotes/cases.txt";
  bool failures = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--failures") == 0) failures = true;
    else path = argv[i];
  }
  try {
    std::vector<quote_cases::Case> cases = quote_cases::ReadCases(path);
    Pipeline pipeline;
    quote_cases::Score dev, held, all;
    for (const quote_cases::Case& c : cases) {
      std::vector<quote_cases::Found> found = quote_cases::RunCase(pipeline, c);
      (c.heldout ? held : dev).Add(c, found);
      all.Add(c, found);
      std::string diff = quote_cases::Compare(c, found);
      if (failures && !diff.empty())
        std::cout << path << ":" << c.line << (c.heldout ? " (held out)" : "") << "\n" << diff << "\n";
    }
    std::printf("| part | cases | passed | quotes | span P | span R | kind acc. | speaker P | speaker R |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    auto row = [](const char* name, const quote_cases::Score& s) {
      std::printf("| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name, s.cases, s.passed, s.expected,
                  s.SpanP(), s.SpanR(), quote_cases::Score::Ratio(s.kind_ok, s.span_ok), s.SpeakerP(), s.SpeakerR());
    };
    row("tuning (4 of 5)", dev);
    row("held out (every 5th)", held);
    row("all", all);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "quotes_eval: %s\n", e.what());
    return 1;
  }
  return 0;
}
