#include "output/gdelt.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>
#include <vector>

namespace veille {
namespace {

const char* const kColumns[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL"};

// Tabs and newlines cannot appear inside a field.
std::string Field(std::string_view s) {
  std::string out(s);
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return out;
}

// CAMEO actor codes start with a country code unless they are international or
// transnational ("IGOUNO", "NGO...").
bool StartsWithCountry(const std::string& code) {
  if (code.size() < 3) return false;
  static const char* const kNonState[] = {"IGO", "NGO", "NGM", "MNC", "INS", "REB", "UIS", "SPY", "MOD", "RAD"};
  for (const char* p : kNonState)
    if (code.compare(0, 3, p) == 0) return false;
  return std::all_of(code.begin(), code.begin() + 3, [](char c) { return c >= 'A' && c <= 'Z'; });
}

void AppendActor(const EventActor* a, std::string* out) {
  if (!a) {
    out->append("\t\t\t\t\t\t\t\t\t");  // 10 empty fields
    return;
  }
  const std::string& code = a->actor;
  bool country = StartsWithCountry(code);
  std::string name = a->name;
  for (char& c : name)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  std::string type1 = country ? (code.size() >= 6 ? code.substr(3, 3) : "") : code.substr(0, std::min<size_t>(3, code.size()));
  std::string type2 = country && code.size() >= 9 ? code.substr(6, 3) : "";
  out->append(fmt::format("{}\t{}\t{}\t\t\t\t\t{}\t{}\t", Field(code), Field(name), country ? code.substr(0, 3) : "",
                          type1, type2));
}

void AppendGeo(const std::optional<Place>& place, std::string* out) {
  if (!place) {
    out->append("\t\t\t\t\t\t\t");  // 8 empty fields
    return;
  }
  // Type 1 = country, 4 = world city (GDELT's geo types).
  int type = place->name.empty() ? 1 : 4;
  out->append(fmt::format("{}\t{}\t{}\t\t\t{:.4f}\t{:.4f}\t", type, Field(place->name), place->country, place->lat,
                          place->lon));
}

int DayOfYear(int y, int m, int d) {
  static const int kCum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return kCum[m - 1] + d + (leap && m > 2 ? 1 : 0);
}

// The outlet of a document: the url's host ("www." dropped), else the input it came from.
std::string Outlet(const Doc& doc) {
  if (!doc.url) return doc.source;
  std::string_view u = *doc.url;
  size_t scheme = u.find("://");
  if (scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
  u = u.substr(0, u.find_first_of("/?#"));
  if (u.substr(0, 4) == "www.") u.remove_prefix(4);
  std::string host(u);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host.empty() ? doc.source : host;
}

std::string EventDate(const Doc& doc, const Event& e) { return e.date ? *e.date : doc.date ? *doc.date : ""; }

// What makes two mentions the same event.
std::string EventKey(const Doc& doc, const Event& e) {
  std::string key = doc.story ? *doc.story : "doc:" + doc.id;
  const std::string date = EventDate(doc, e);
  for (const std::string* part : {&date, &e.source.id, &e.code, &e.polarity}) {
    key.push_back('\x1f');
    key.append(*part);
  }
  key.push_back('\x1f');
  if (e.target) key.append(e.target->id);
  return key;
}

}  // namespace

struct GdeltTable::Impl {
  struct Row {
    std::string head;  // columns 1-31 (GLOBALEVENTID .. GoldsteinScale), each followed by a tab
    std::string tail;  // columns 35-61 (AvgTone .. SOURCEURL) and the newline
    size_t mentions = 0;
    std::set<std::string> articles, sources;
  };
  std::vector<Row> rows;
  std::unordered_map<std::string, size_t> by_key;
  size_t mentions = 0;
};

GdeltTable::GdeltTable() : impl_(std::make_unique<Impl>()) {}
GdeltTable::~GdeltTable() = default;
size_t GdeltTable::rows() const { return impl_->rows.size(); }
size_t GdeltTable::mentions() const { return impl_->mentions; }

void GdeltTable::Add(const Doc& doc) {
  std::string outlet;
  for (const Event& e : doc.events) {
    std::string key = EventKey(doc, e);
    auto [it, added] = impl_->by_key.emplace(key, impl_->rows.size());
    if (added) {
      Impl::Row row;
      uint64_t id = XXH3_64bits(key.data(), key.size()) >> 1;  // positive in a signed 64-bit column
      std::string date = EventDate(doc, e);
      int y = 0, m = 0, d = 0;
      if (date.size() == 10) {
        y = std::stoi(date.substr(0, 4));
        m = std::stoi(date.substr(5, 2));
        d = std::stoi(date.substr(8, 2));
      }
      std::string sqldate = y ? fmt::format("{:04}{:02}{:02}", y, m, d) : "";
      std::string* out = &row.head;
      out->append(fmt::format("{}\t{}\t{}\t{}\t{}\t", id, sqldate, y ? fmt::format("{:04}{:02}", y, m) : "",
                              y ? std::to_string(y) : "",
                              y ? fmt::format("{:.4f}", y + DayOfYear(y, m, d) / 365.0) : ""));
      AppendActor(&e.source, out);
      out->push_back('\t');
      AppendActor(e.target ? &*e.target : nullptr, out);
      out->push_back('\t');
      std::string base = e.code.substr(0, std::min<size_t>(3, e.code.size()));
      out->append(fmt::format("{}\t{}\t{}\t{}\t{}\t{:.1f}\t", e.sentence < 3 ? 1 : 0, e.code, base, e.root, e.quad,
                              e.goldstein));
      out = &row.tail;
      out->append("0\t");  // AvgTone: not measured
      AppendGeo(std::nullopt, out);
      out->push_back('\t');
      AppendGeo(std::nullopt, out);
      out->push_back('\t');
      AppendGeo(e.place, out);
      out->push_back('\t');
      out->append(fmt::format("{}\t{}\n", sqldate.empty() ? "" : sqldate + "000000",
                              Field(doc.url ? *doc.url : doc.id)));
      impl_->rows.push_back(std::move(row));
    }
    Impl::Row& row = impl_->rows[it->second];
    ++row.mentions;
    ++impl_->mentions;
    row.articles.insert(doc.id);
    if (outlet.empty()) outlet = Outlet(doc);
    row.sources.insert(outlet);
  }
}

void GdeltTable::Write(std::string* out) const {
  for (const Impl::Row& row : impl_->rows) {
    out->append(row.head);
    out->append(fmt::format("{}\t{}\t{}\t", row.mentions, row.sources.size(), row.articles.size()));
    out->append(row.tail);
  }
}

void AppendGdeltRows(const Doc& doc, std::string* out) {
  GdeltTable table;
  table.Add(doc);
  table.Write(out);
}

const char* const* GdeltColumns(size_t* count) {
  *count = sizeof(kColumns) / sizeof(kColumns[0]);
  return kColumns;
}

}  // namespace veille
