// Shared by the benchmark programs: the default knowledge base and intakes
// made to measure (a typical one, and drawings of any number of marks).
#ifndef MYOREF_BENCHMARKS_BENCH_SUPPORT_HPP
#define MYOREF_BENCHMARKS_BENCH_SUPPORT_HPP

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "alloc_counter.hpp"
#include "myoref/kb.hpp"

namespace myoref::bench {

/// The built-in knowledge base; skips the benchmark (and returns false) if it
/// does not load.
inline bool default_kb(benchmark::State& state, KnowledgeBase& out) {
  auto kb = KnowledgeBase::builtin();
  if (!kb) {
    state.SkipWithError(kb.error().to_string().c_str());
    return false;
  }
  out = *kb;
  // The hash is computed on first use; an app pays it once, not per call.
  static_cast<void>(out.hash());
  return true;
}

/// Pain drawings as people draw them, row-major, n x width: 1 to 8 painful
/// region keys each, intensities 1..10, the rest 0, from a fixed seed (the
/// same rows in every program and run).
template <class T>
std::vector<T> sparse_drawings(std::size_t n, std::size_t width) {
  std::vector<T> drawings(n * width, T{0});
  std::uint64_t s = 0x9E3779B97F4A7C15ULL;
  const auto next = [&s] {
    s ^= s << 13U;
    s ^= s >> 7U;
    s ^= s << 17U;
    return s;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t marks = 1 + next() % 8;
    for (std::size_t m = 0; m < marks; ++m) {
      drawings[i * width + next() % width] = static_cast<T>(1 + next() % 10);
    }
  }
  return drawings;
}

/// A typical intake: five marks over the low back, buttock and hip on one
/// side, three confirmed findings and one denied, age, duration and onset.
inline std::string typical_intake_json() {
  return R"({
  "pain": [
    {"region": "iliac_crest", "side": "left", "intensity": 6},
    {"region": "sacroiliac", "side": "left", "intensity": 5},
    {"region": "buttock_upper", "side": "left", "intensity": 5},
    {"region": "hip_lateral", "side": "left", "intensity": 4},
    {"region": "sacrum", "intensity": 3}
  ],
  "findings": ["walking", "standing_long", "stairs"],
  "denied": ["sitting_long"],
  "red_flags": [],
  "age": 42,
  "duration_days": 21,
  "onset": "gradual"
})";
}

/// Whether coarse key `a` holds key `b` as one of its parts (a paired
/// region's parts on its side and the midline ones; a midline region's on
/// both): an intake may not mark both.
inline bool holds_part(const KnowledgeBase& kb, const RegionKey& a, const RegionKey& b) {
  const auto& parts = kb.regions()[a.region].parts;
  if (std::find(parts.begin(), parts.end(), b.region) == parts.end())
    return false;
  return a.side == Side::none || b.side == Side::none || a.side == b.side;
}

/// An intake with `marks` pain marks (at most the number of region keys),
/// spread over the body chart in a fixed order, intensities 1..10, and the
/// findings of the typical intake. A key that a mark already taken holds as
/// a part, or that holds one, is passed over (the intake would refuse it).
inline std::string intake_json(const KnowledgeBase& kb, std::size_t marks) {
  const auto keys = kb.region_keys();
  const std::size_t n = keys.size();
  // A stride coprime with n visits every key once; starting at the middle of
  // the chart puts the first marks on the back and the legs.
  std::size_t stride = 7;
  while (n % stride == 0)
    ++stride;
  std::string out = "{\"pain\": [";
  std::vector<std::size_t> taken;
  for (std::size_t visit = 0; taken.size() < marks && visit < n; ++visit) {
    const std::size_t at = (n / 2 + visit * stride) % n;
    const auto& key = keys[at];
    const bool clashes = std::any_of(taken.begin(), taken.end(), [&](std::size_t other) {
      return holds_part(kb, keys[other], key) || holds_part(kb, key, keys[other]);
    });
    if (clashes)
      continue;
    const std::size_t i = taken.size();
    taken.push_back(at);
    const auto& region = kb.regions()[key.region];
    if (i != 0)
      out += ", ";
    out += "{\"region\": \"" + region.id + "\"";
    if (key.side != Side::none)
      out += ", \"side\": \"" + std::string(to_string(key.side)) + "\"";
    out += ", \"intensity\": " + std::to_string(1 + (i * 3) % 10) + "}";
  }
  out += R"(], "findings": ["walking", "standing_long", "stairs"], "denied": ["sitting_long"],)"
         R"( "red_flags": [], "age": 42, "duration_days": 21, "onset": "gradual"})";
  return out;
}

/// Allocations of one call of `f`, as a counter.
template <class F>
double allocations_of(F&& f) {
  Counting counting;
  f();
  return static_cast<double>(counting.delta().allocations);
}

}  // namespace myoref::bench

#endif  // MYOREF_BENCHMARKS_BENCH_SUPPORT_HPP
