#include "events/codebook.h"

#include <cstdlib>

#include "core/dict_file.h"

namespace veille {
namespace {

bool IsCode(std::string_view c) {
  if (c.size() < 2 || c.size() > 4) return false;
  for (char ch : c)
    if (ch < '0' || ch > '9') return false;
  int root = (c[0] - '0') * 10 + (c[1] - '0');
  return root >= 1 && root <= 20;
}

}  // namespace

Codebook Codebook::Load() {
  Codebook book;
  ReadDictFile(
      "cameo/codes.tsv",
      [&](const DictLine& line) {
        CameoCode c;
        c.code = std::string(line.fields[0]);
        if (!IsCode(c.code)) line.Fail("not a CAMEO code: '" + c.code + "'");
        c.name = std::string(line.fields[1]);
        std::string g(line.fields[2]);
        char* end = nullptr;
        c.goldstein = std::strtod(g.c_str(), &end);
        if (end == g.c_str() || *end || c.goldstein < -10 || c.goldstein > 10)
          line.Fail("Goldstein score must be a number in [-10, 10]: '" + g + "'");
        std::string_view q = line.fields[3];
        if (q.size() != 1 || q[0] < '1' || q[0] > '4') line.Fail("QuadClass must be 1..4");
        c.quad = q[0] - '0';
        if (line.fields[4] != "-") c.plover = std::string(line.fields[4]);
        if (c.code.size() > 2 && !book.codes_.count(c.code.substr(0, 2)))
          line.Fail("code " + c.code + " comes before its root " + c.code.substr(0, 2));
        std::string key = c.code;
        if (!book.codes_.emplace(key, std::move(c)).second) line.Fail("duplicate code " + key);
      },
      5, 5);
  return book;
}

const CameoCode* Codebook::Find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace veille
