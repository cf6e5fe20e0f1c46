// The web page's files (web/*.html, *.css, *.js), built into the binary by CMake
// (web/embed.cmake writes their bytes into a generated .cpp).
#pragma once
#include <string_view>

namespace veille::serve {

struct Asset {
  std::string_view name;          // file name under web/ ("app.js")
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view data;
};

// The asset called exactly `name`, or nullptr: only the embedded names exist, so no
// path ("../x", "/etc/passwd") can reach anything else.
const Asset* FindAsset(std::string_view name);

}  // namespace veille::serve
