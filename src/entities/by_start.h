// Sorting entities by their start (internal to entities/): the same order as std::sort /
// std::stable_sort on the entities with `a.span.start < b.span.start`, but the algorithm runs on
// indices and each entity (several strings) moves once. Both sorts are deterministic functions
// of the comparisons, so sorting indices with the same comparisons gives the same permutation.
#pragma once
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace veille::entities {

template <class T>
void Permute(std::vector<T>* v, const std::vector<uint32_t>& order) {
  std::vector<T> out;
  out.reserve(v->size());
  for (uint32_t i : order) out.push_back(std::move((*v)[i]));
  v->swap(out);
}

// std::sort(v, start <) (its order among equal starts included).
template <class T>
void SortByStart(std::vector<T>* v) {
  auto starts_before = [](const T& a, const T& b) { return a.span.start < b.span.start; };
  // Strictly increasing starts: any sort leaves them as they are.
  if (std::adjacent_find(v->begin(), v->end(), [](const T& a, const T& b) { return a.span.start >= b.span.start; }) ==
      v->end())
    return;
  std::vector<uint32_t> order(v->size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return starts_before((*v)[a], (*v)[b]); });
  Permute(v, order);
}

// std::stable_sort(v, start <).
template <class T>
void StableSortByStart(std::vector<T>* v) {
  auto starts_before = [](const T& a, const T& b) { return a.span.start < b.span.start; };
  if (std::is_sorted(v->begin(), v->end(), starts_before)) return;
  std::vector<uint32_t> order(v->size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return starts_before((*v)[a], (*v)[b]); });
  Permute(v, order);
}

}  // namespace veille::entities
