#include "cli/rows.h"

#include <fmt/format.h>
#include <unistd.h>

#include <vector>

#include "core/utf8.h"
#include "output/contract.h"

namespace veille::cli {
namespace {

struct Cell {
  std::string text;     // as displayed (table, csv)
  bool number = false;  // right-aligned in tables, bare in JSON
  bool null = false;
};

Cell ReadCell(const store::Statement& st, int col) {
  Cell c;
  switch (st.ColumnType(col)) {
    case SQLITE_NULL:
      c.null = true;
      break;
    case SQLITE_INTEGER:
      c.text = fmt::format("{}", st.Int(col));
      c.number = true;
      break;
    case SQLITE_FLOAT:
      c.text = fmt::format("{}", st.Real(col));
      c.number = true;
      break;
    default:
      c.text = st.Text(col);
  }
  return c;
}

size_t Chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Cuts to `max` characters (ending with "…"), and puts line breaks and tabs on one line.
std::string Fit(std::string_view s, size_t max) {
  std::string out;
  size_t chars = 0, i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = utf8::Next(s, i);
    if (chars + 1 == max && i < s.size()) {
      out += "…";
      break;
    }
    if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else out.append(s.substr(start, i - start));
    ++chars;
  }
  return out;
}

std::string CsvField(const Cell& c) {
  if (c.null) return "";
  if (c.text.find_first_of(",\"\r\n") == std::string::npos) return c.text;
  std::string out = "\"";
  for (char ch : c.text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

}  // namespace

RowFormat ChooseRowFormat(const std::string& name, FILE* out) {
  if (name == "table") return RowFormat::kTable;
  if (name == "csv") return RowFormat::kCsv;
  if (name == "jsonl") return RowFormat::kJsonl;
  return isatty(fileno(out)) ? RowFormat::kTable : RowFormat::kJsonl;
}

size_t PrintRows(store::Statement& st, const RowPrintOptions& o, FILE* out) {
  const int ncols = st.columns();
  std::vector<std::string> names;
  for (int i = 0; i < ncols; ++i) names.emplace_back(st.ColumnName(i));
  size_t rows = 0;
  std::string buf;
  auto flush = [&](bool force) {
    if (force || buf.size() > (1u << 16)) {
      std::fwrite(buf.data(), 1, buf.size(), out);
      buf.clear();
    }
  };

  if (o.format == RowFormat::kTable) {
    std::vector<std::vector<Cell>> table;
    std::vector<size_t> width(ncols);
    for (int i = 0; i < ncols; ++i) width[i] = o.header ? Chars(names[i]) : 0;
    while (st.Step()) {
      std::vector<Cell> row;
      for (int i = 0; i < ncols; ++i) {
        Cell c = ReadCell(st, i);
        c.text = c.null ? "-" : Fit(c.text, o.max_cell);
        width[i] = std::max(width[i], Chars(c.text));
        row.push_back(std::move(c));
      }
      table.push_back(std::move(row));
    }
    if (table.empty()) return 0;  // no header over nothing
    auto line = [&](const std::vector<Cell>& row) {
      std::string s;
      for (int i = 0; i < ncols; ++i) {
        std::string pad(width[i] - Chars(row[i].text), ' ');
        if (i) s += "  ";
        if (row[i].number) s.append(pad).append(row[i].text);
        else if (i + 1 < ncols) s.append(row[i].text).append(pad);
        else s.append(row[i].text);
      }
      buf.append(s).push_back('\n');
    };
    if (o.header) {
      std::vector<Cell> head;
      for (const std::string& n : names) head.push_back({n, false, false});
      line(head);
      std::vector<Cell> rule;
      for (int i = 0; i < ncols; ++i) {
        std::string dashes;
        for (size_t k = 0; k < width[i]; ++k) dashes += "─";
        rule.push_back({dashes, false, false});
      }
      line(rule);
    }
    for (const auto& row : table) line(row);
    flush(true);
    return table.size();
  }

  if (o.format == RowFormat::kCsv && o.header) {
    for (int i = 0; i < ncols; ++i) {
      if (i) buf += ',';
      buf += CsvField({names[i], false, false});
    }
    buf += "\n";
  }
  while (st.Step()) {
    ++rows;
    if (o.format == RowFormat::kCsv) {
      for (int i = 0; i < ncols; ++i) {
        if (i) buf += ',';
        buf += CsvField(ReadCell(st, i));
      }
      buf += '\n';
    } else {
      buf += '{';
      if (!o.kind.empty()) {
        buf += "\"kind\":";
        AppendJsonString(o.kind, &buf);
        buf += ',';
      }
      for (int i = 0; i < ncols; ++i) {
        if (i) buf += ',';
        AppendJsonString(names[i], &buf);
        buf += ':';
        Cell c = ReadCell(st, i);
        if (c.null) buf += "null";
        else if (c.number) buf += c.text;
        else AppendJsonString(c.text, &buf);
      }
      buf += "}\n";
    }
    flush(false);
  }
  flush(true);
  return rows;
}

}  // namespace veille::cli
