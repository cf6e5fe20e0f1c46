// The binary model file: see dict/models/README.md for the layout.
#include <fmt/format.h>
#include <xxhash.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "core/dict_file.h"
#include "core/utf8.h"
#include "syntax/binary_file.h"
#include "syntax/model.h"

namespace veille::syntax {
namespace {

constexpr char kMagic[] = "veille-tagger-model 1\n";

}  // namespace

void Model::Save(const std::string& path) const {
  Writer w;
  w.Bytes(kMagic);
  w.U32(static_cast<uint32_t>(classes.size()));
  for (const std::string& c : classes) w.Str(c);
  w.U32(static_cast<uint32_t>(feature_keys.size()));
  w.U32(static_cast<uint32_t>(entry_class.size()));
  for (uint64_t k : feature_keys) w.U64(k);
  for (uint32_t b : feature_begin) w.U32(b);
  for (uint8_t c : entry_class) w.U8(c);
  for (float x : entry_weight) w.F32(x);
  w.U32(static_cast<uint32_t>(tagdict_keys.size()));
  for (size_t i = 0; i < tagdict_keys.size(); i++) {
    w.U64(tagdict_keys[i]);
    w.U8(tagdict_class[i]);
  }
  w.U32(static_cast<uint32_t>(lexicon.size()));
  for (const LexEntry& e : lexicon) {
    w.Str(e.form);
    w.U8(static_cast<uint8_t>(e.pos));
    w.Str(e.lemma);
  }
  w.U32(rule_min_support);
  w.U32(static_cast<uint32_t>(rules.size()));
  for (const SuffixRule& r : rules) {
    w.U8(static_cast<uint8_t>(r.pos));
    w.Str(r.suffix);
    w.Str(r.remove);
    w.Str(r.add);
    w.U32(r.support);
  }
  w.U64(XXH64(w.out().data(), w.out().size(), 0));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(w.out().data(), static_cast<std::streamsize>(w.out().size()));
  if (!out.flush()) throw std::runtime_error(path + ": cannot write the model");
}

Model Model::Load(const std::string& path) {
  std::string data;
  Reader body = OpenModelFile(path, kMagic, "tagger", "veille train-tagger", &data);
  Model m;
  uint32_t nc = body.Count(2);
  for (uint32_t i = 0; i < nc; i++) m.classes.push_back(body.Str());
  uint32_t nf = body.Count(12);
  uint32_t ne = body.U32();
  body.Need(static_cast<size_t>(nf) * 12 + 4 + static_cast<size_t>(ne) * 5);
  m.feature_keys.resize(nf);
  for (uint32_t i = 0; i < nf; i++) {
    m.feature_keys[i] = body.U64();
    if (i > 0 && m.feature_keys[i] <= m.feature_keys[i - 1]) body.Fail("feature keys out of order");
  }
  m.feature_begin.resize(nf + 1);
  for (uint32_t i = 0; i <= nf; i++) m.feature_begin[i] = body.U32();
  m.entry_class.resize(ne);
  for (uint32_t i = 0; i < ne; i++) m.entry_class[i] = body.U8();
  m.entry_weight.resize(ne);
  for (uint32_t i = 0; i < ne; i++) {
    m.entry_weight[i] = body.F32();
    if (!std::isfinite(m.entry_weight[i])) body.Fail("weight is not a finite number");
  }
  uint32_t nt = body.Count(9);
  for (uint32_t i = 0; i < nt; i++) {
    m.tagdict_keys.push_back(body.U64());
    m.tagdict_class.push_back(body.U8());
  }
  uint32_t nl = body.Count(5);
  m.lexicon.resize(nl);
  for (LexEntry& e : m.lexicon) {
    e.form = body.Str();
    uint8_t p = body.U8();
    if (p > static_cast<uint8_t>(Pos::kX)) body.Fail("unknown part of speech");
    e.pos = static_cast<Pos>(p);
    e.lemma = body.Str();
  }
  m.rule_min_support = body.U32();
  uint32_t nr = body.Count(11);
  m.rules.resize(nr);
  for (SuffixRule& rule : m.rules) {
    uint8_t p = body.U8();
    if (p > static_cast<uint8_t>(Pos::kX)) body.Fail("unknown part of speech");
    rule.pos = static_cast<Pos>(p);
    rule.suffix = body.Str();
    rule.remove = body.Str();
    rule.add = body.Str();
    rule.support = body.U32();
  }
  if (body.pos() != data.size() - 8) body.Fail("unexpected data after the rules");
  try {
    m.Index();
  } catch (const std::runtime_error& e) {
    throw DictError(path, 0, e.what());
  }
  return m;
}

}  // namespace veille::syntax
