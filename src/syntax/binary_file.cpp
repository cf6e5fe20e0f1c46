#include "syntax/binary_file.h"

#include <xxhash.h>

#include <fstream>

namespace veille::syntax {

Reader OpenModelFile(const std::string& path, std::string_view magic, std::string_view kind,
                     std::string_view command, std::string* data) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DictError(path, 0, fmt::format("cannot open the {} model", kind));
  // One read of the whole file (a byte-by-byte istreambuf_iterator costs ~15 instructions a
  // byte: 57 M for the two 2 MB models, at every start).
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) throw DictError(path, 0, fmt::format("cannot read the {} model", kind));
  data->resize(static_cast<size_t>(size));
  if (!in.read(data->data(), size)) throw DictError(path, 0, fmt::format("cannot read the {} model", kind));
  Reader r(path, *data);
  std::string_view header = magic.substr(0, magic.find(' ') + 1);  // "veille-tagger-model "
  if (data->compare(0, magic.size(), magic) != 0) {
    if (data->rfind(header, 0) == 0) r.Fail("unsupported model version (this build reads version 1)");
    r.Fail(fmt::format("not a veille {} model (expected the header \"{}\")", kind, magic.substr(0, magic.size() - 1)));
  }
  if (data->size() < magic.size() + 8) {
    r.set_pos(data->size());
    r.Fail("truncated file");
  }
  uint64_t stored;
  memcpy(&stored, data->data() + data->size() - 8, 8);
  if (XXH64(data->data(), data->size() - 8, 0) != stored) {
    r.set_pos(data->size() - 8);
    r.Fail(fmt::format("checksum mismatch: the file is corrupt (rebuild it with `{}`)", command));
  }
  Reader body(path, std::string_view(*data).substr(0, data->size() - 8));
  body.set_pos(magic.size());
  return body;
}

}  // namespace veille::syntax
