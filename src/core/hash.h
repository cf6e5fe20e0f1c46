// Small hashing helpers shared by the stages' lookup tables and feature hashes.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace veille {

// The 64-bit finaliser of MurmurHash3 (fmix64): spreads every input bit over the output,
// so the low bits of a mixed value can index a table or a bit filter.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// A 64-bit key of a short word, read 8 bytes at a time (the tail and short words by
// overlapping loads), ASCII capitals lower-cased when `fold` ("Accord" and "accord" get one
// key then). Not for persistence: tables built with it live in memory only. Its low bits
// depend on every byte, so they can index a table or a bit filter.
inline uint64_t WordKey(std::string_view w, bool fold = false) {
  auto load = [](const char* p, size_t n) {  // n in 1..8 bytes, little-endian order
    uint64_t x = 0;
    if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      x = a | (uint64_t{b} << 32);
    } else {
      x = static_cast<unsigned char>(p[0]) | (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
          (uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    }
    return x;
  };
  auto lower = [fold](uint64_t x) {
    if (!fold) return x;
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    const uint64_t low7 = x & ~kHigh;
    const uint64_t ge_a = low7 + (0x80 - 'A') * kOnes;      // high bit: byte >= 'A'
    const uint64_t gt_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // high bit: byte > 'Z'
    const uint64_t upper = ge_a & ~gt_z & ~x & kHigh;       // and an ASCII byte
    return x | (upper >> 2);                                // + 0x20
  };
  const char* p = w.data();
  size_t n = w.size();
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL);
  if (n == 0) return Mix64(h);
  while (n > 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    h = (h ^ lower(x)) * 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  h = (h ^ lower(load(p, n))) * 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 32);  // the low bits take the product's high ones
}

}  // namespace veille
