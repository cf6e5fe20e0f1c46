// The CAMEO event codebook (dict/cameo/codes.tsv): name, Goldstein score,
// QuadClass and PLOVER type of every code the coder may emit.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>

namespace veille {

struct CameoCode {
  std::string code;     // "0312"
  std::string name;     // "Express intent to cooperate militarily"
  double goldstein = 0;
  int quad = 0;         // 1..4
  std::string plover;   // "AGREE"; "" when PLOVER has no type (root 01)
};

class Codebook {
 public:
  // Loads dict/cameo/codes.tsv. Throws DictError.
  static Codebook Load();

  // nullptr when the code is unknown.
  const CameoCode* Find(std::string_view code) const;
  size_t size() const { return codes_.size(); }

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace veille
