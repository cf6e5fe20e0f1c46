// zlib compression of the stored contract lines (JSON compresses about 4:1).
#pragma once
#include <string>
#include <string_view>

namespace veille::store {

// zlib format (RFC 1950), fast level.
std::string Deflate(std::string_view data);
// Inverse of Deflate. Throws StoreError on corrupt data.
std::string Inflate(std::string_view data);

}  // namespace veille::store
