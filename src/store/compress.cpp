#include "store/compress.h"

#include <zlib.h>

#include "store/database.h"

namespace veille::store {

std::string Deflate(std::string_view data) {
  uLongf n = compressBound(static_cast<uLong>(data.size()));
  std::string out(n, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), 1) != Z_OK)
    throw StoreError("zlib: cannot compress");
  out.resize(n);
  return out;
}

std::string Inflate(std::string_view data) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) throw StoreError("zlib: cannot initialise");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[1 << 15];
  int rc;
  do {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf, sizeof buf - z.avail_out);
  } while (rc != Z_STREAM_END);
  inflateEnd(&z);
  if (rc != Z_STREAM_END) throw StoreError("corrupt compressed contract line in the database");
  return out;
}

}  // namespace veille::store
