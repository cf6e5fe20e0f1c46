#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "dedup/dedup.h"
#include "dedup/internal.h"

namespace veille {
namespace dedup {

uint32_t& BucketTable::Head(uint32_t key) {
  if (key == 0) key = 1;
  if ((size_ + 1) * 4 > keys_.size() * 3) Grow();
  size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return heads_[i];
    if (keys_[i] == 0) {
      keys_[i] = key;
      heads_[i] = kNone;
      ++size_;
      return heads_[i];
    }
  }
}

void BucketTable::Grow() {
  std::vector<uint32_t> keys(std::max<size_t>(1024, keys_.size() * 2), 0);
  std::vector<uint32_t> heads(keys.size(), kNone);
  size_t mask = keys.size() - 1;
  for (size_t j = 0; j < keys_.size(); ++j) {
    if (keys_[j] == 0) continue;
    size_t i = keys_[j] & mask;
    while (keys[i] != 0) i = (i + 1) & mask;
    keys[i] = keys_[j];
    heads[i] = heads_[j];
  }
  keys_.swap(keys);
  heads_.swap(heads);
}

// h_i(x) = fmix32(x ^ s_i) (MurmurHash3's finaliser, a bijection of 32-bit values) over
// the 64-bit shingle hash folded to 32 bits; out[i] = min over the shingles. 32-bit
// arithmetic so the loop over i vectorises; built for AVX2 too (chosen at run time).
__attribute__((target_clones("avx2", "default")))
void MinHash(const uint64_t* shingles, size_t n, const uint32_t* seed, int hashes, uint32_t* out) {
  for (size_t k = 0; k < n; ++k) {
    const uint32_t x = static_cast<uint32_t>(shingles[k] ^ (shingles[k] >> 32));
    for (int i = 0; i < hashes; ++i) {
      uint32_t h = x ^ seed[i];
      h ^= h >> 16;
      h *= 0x85EBCA6Bu;
      h ^= h >> 13;
      h *= 0xC2B2AE35u;
      h ^= h >> 16;
      out[i] = h < out[i] ? h : out[i];
    }
  }
}

}  // namespace dedup

using dedup::kNone;

struct DuplicateIndex::Impl {
  explicit Impl(DedupParams params) : p(std::move(params)), stories(p) {
    rows = p.minhash_hashes / p.lsh_bands;
    // One seed per MinHash function (see dedup::MinHash), from a fixed start so
    // signatures are reproducible.
    uint64_t s = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < p.minhash_hashes; ++i) {
      s = XXH3_64bits_withSeed(&i, sizeof i, s);
      seeds.push_back(static_cast<uint32_t>(s));
    }
  }

  DedupParams p;
  int rows;
  std::vector<uint32_t> seeds;

  // Per document.
  std::string ids;                  // all ids back to back
  std::vector<uint64_t> id_end;
  std::vector<uint16_t> sigs;       // low 16 bits of each MinHash value (b-bit MinHash)
  std::vector<uint32_t> root;       // the original it copies, or itself
  std::vector<uint32_t> next;       // per band: the previous document in the same bucket
  dedup::BucketTable buckets;
  dedup::StoryIndex stories;
  Stats stats;

  // Scratch.
  std::vector<dedup::Word> words;
  std::vector<uint64_t> shingles, hashes;
  std::vector<uint32_t> sig, candidates;

  std::string_view Id(uint32_t d) const {
    size_t begin = d == 0 ? 0 : id_end[d - 1];
    return std::string_view(ids).substr(begin, id_end[d] - begin);
  }

  void Signature() {
    sig.assign(p.minhash_hashes, 0xFFFFFFFFu);
    dedup::MinHash(shingles.data(), shingles.size(), seeds.data(), p.minhash_hashes, sig.data());
  }

  void Add(Doc& doc) {
    const uint32_t n = static_cast<uint32_t>(root.size());
    const int k = p.shingle_words, H = p.minhash_hashes, B = p.lsh_bands;
    words.clear();
    dedup::FoldWords(doc.text, &words);
    hashes.clear();
    for (const dedup::Word& w : words) hashes.push_back(w.hash);
    shingles.clear();
    if (!hashes.empty() && hashes.size() < static_cast<size_t>(k)) {
      shingles.push_back(XXH3_64bits(hashes.data(), hashes.size() * 8));
    } else {
      for (size_t i = 0; i + k <= hashes.size(); ++i) shingles.push_back(XXH3_64bits(&hashes[i], k * 8));
    }

    // Candidates from the LSH buckets, then this document goes into them.
    candidates.clear();
    next.resize(next.size() + B, kNone);
    if (!shingles.empty()) {
      Signature();
      for (int band = 0; band < B; ++band) {
        uint32_t key = static_cast<uint32_t>(XXH3_64bits_withSeed(&sig[band * rows], rows * 4, band));
        uint32_t& head = buckets.Head(key);
        int scanned = 0;
        for (uint32_t d = head; d != kNone && scanned < p.max_bucket_scan; d = next[size_t(d) * B + band], ++scanned)
          candidates.push_back(d);
        next[size_t(n) * B + band] = head;
        head = n;
      }
    } else {
      sig.assign(H, 0xFFFFFFFFu);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    stats.candidates += candidates.size();

    // Verification: the earliest candidate whose estimated Jaccard passes the threshold.
    uint32_t original = kNone;
    const int need = static_cast<int>(p.dup_threshold * H + 0.999999);
    for (uint32_t c : candidates) {
      const uint16_t* cs = &sigs[size_t(c) * H];
      int equal = 0;
      for (int i = 0; i < H; ++i) equal += cs[i] == static_cast<uint16_t>(sig[i]);
      if (equal >= need) {
        original = root[c];
        break;
      }
    }
    for (int i = 0; i < H; ++i) sigs.push_back(static_cast<uint16_t>(sig[i]));
    root.push_back(original == kNone ? n : original);
    ids += doc.id;
    id_end.push_back(ids.size());
    if (original != kNone) {
      doc.dup_of = std::string(Id(original));
      ++stats.duplicates;
    } else {
      doc.dup_of.reset();
    }

    uint32_t story = stories.Add(doc, words, original);
    doc.story = "story:" + std::string(Id(stories.StoryFirstDoc(story)));
    stats.stories = stories.stories();
  }
};

DuplicateIndex::DuplicateIndex(DedupParams params) : impl_(std::make_unique<Impl>(std::move(params))) {}
DuplicateIndex::~DuplicateIndex() = default;
DuplicateIndex::DuplicateIndex(DuplicateIndex&&) noexcept = default;

void DuplicateIndex::Add(Doc& doc) { impl_->Add(doc); }
size_t DuplicateIndex::size() const { return impl_->root.size(); }
const DuplicateIndex::Stats& DuplicateIndex::stats() const { return impl_->stats; }

size_t DuplicateIndex::MemoryBytes() const {
  const Impl& m = *impl_;
  return m.ids.capacity() + m.id_end.capacity() * 8 + m.sigs.capacity() * 2 + m.root.capacity() * 4 +
         m.next.capacity() * 4 + m.buckets.MemoryBytes() + m.stories.MemoryBytes();
}

}  // namespace veille
