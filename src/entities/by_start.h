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

// std::stable_sort(v, start <), faster when the first `sorted` elements and the others are
// each sorted by start: then their stable merge (each entity moves once).
template <class T>
void MergeByStart(std::vector<T>* v, size_t sorted) {
  auto starts_before = [](const T& a, const T& b) { return a.span.start < b.span.start; };
  if (std::is_sorted(v->begin(), v->end(), starts_before)) return;
  auto a = v->begin(), a_end = v->begin() + static_cast<std::ptrdiff_t>(sorted), b = a_end;
  if (!std::is_sorted(a, a_end, starts_before) || !std::is_sorted(b, v->end(), starts_before)) {
    StableSortByStart(v);
    return;
  }
  std::vector<T> out;
  out.reserve(v->size());
  while (a != a_end || b != v->end()) {
    // (the first run first among equal starts)
    if (b == v->end() || (a != a_end && !starts_before(*b, *a))) {
      out.push_back(std::move(*a++));
    } else {
      out.push_back(std::move(*b++));
    }
  }
  v->swap(out);
}

}  // namespace veille::entities
