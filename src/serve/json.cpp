#include "serve/json.h"

#include <fmt/format.h>

#include <cmath>

#include "output/contract.h"

namespace veille::serve {

void AppendRow(const store::Statement& st, std::string* out) {
  *out += '{';
  for (int i = 0; i < st.columns(); ++i) {
    if (i) *out += ", ";
    AppendJsonString(st.ColumnName(i), out);
    *out += ": ";
    switch (st.ColumnType(i)) {
      case SQLITE_NULL:
        *out += "null";
        break;
      case SQLITE_INTEGER:
        fmt::format_to(std::back_inserter(*out), "{}", st.Int(i));
        break;
      case SQLITE_FLOAT: {
        double v = st.Real(i);
        if (std::isfinite(v)) fmt::format_to(std::back_inserter(*out), "{}", v);
        else *out += "null";
        break;
      }
      default:
        AppendJsonString(st.TextView(i), out);
    }
  }
  *out += '}';
}

bool AppendRows(store::Statement& st, size_t max, std::string* out) {
  *out += '[';
  size_t n = 0;
  while (st.Step()) {
    if (n == max) {
      *out += ']';
      return true;
    }
    if (n++) *out += ", ";
    AppendRow(st, out);
  }
  *out += ']';
  return false;
}

}  // namespace veille::serve
