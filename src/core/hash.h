// Small hashing helpers shared by the stages' lookup tables and feature hashes.
#pragma once
#include <cstdint>

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

}  // namespace veille
