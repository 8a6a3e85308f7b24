// The painful keys of a drawing as bit sets: bit i % 64 of word i / 64 stands
// for the drawing's i-th painful key (in knowledge-base order). Explanations
// and the cover read every list off such sets, lowest bit first, which is
// knowledge-base order.
#ifndef MYOREF_SRC_ASSESS_PAINFUL_SETS_HPP
#define MYOREF_SRC_ASSESS_PAINFUL_SETS_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include <gsl/span>

#include "assess/internal.hpp"
#include "engine/explanation_tables.hpp"
#include "engine/scoring.hpp"

namespace myoref::detail {

/// One word of a set of painful keys.
using PainfulWord = std::uint64_t;

/// The index of the lowest set bit of a non-zero mask.
inline unsigned lowest_bit64(std::uint64_t mask) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return static_cast<unsigned>(__builtin_ctzll(mask));
#else
  unsigned k = 0;
  while ((mask & 1U) == 0) {
    mask >>= 1U;
    ++k;
  }
  return k;
#endif
}

/// Appends the painful keys of one word of a set (`keys`: the painful keys
/// that word stands for), in knowledge-base order; returns the new end.
inline RegionKeyIndex* append_keys(RegionKeyIndex* out, PainfulWord set,
                                   const RegionKeyIndex* keys) noexcept {
  for (; set != 0; set &= set - 1U)
    *out++ = keys[lowest_bit64(set)];
  return out;
}

/// The painful keys as bit sets per zone, one for its essential part and one
/// for its spillover part, made by going from each painful key to the zones
/// that hold it.
///
/// kWords is the number of words of one set when known at compile time (1:
/// up to 64 painful keys, every drawing people make), or 0 to use `words`.
template <std::size_t kWords>
class ZoneSets {
 public:
  /// Only the sets that are read are cleared: those of the listed
  /// candidates' zones (`ranked`) and those a painful key is in; the rest
  /// of `sets` is left as it was.
  ZoneSets(const ExplanationTables& x, const ScoringTables& t, gsl::span<const RankedEntry> ranked,
           const RegionKeyIndex* painful_keys, std::size_t np, std::size_t words, PainfulWord* sets)
      : words_(words), sets_(sets) {
    const std::size_t n = this->words();
    const auto clear = [&](std::size_t zone) {
      std::fill(sets_ + zone * 2 * n, sets_ + (zone + 1) * 2 * n, PainfulWord{0});
    };
    for (const RankedEntry& e : ranked) {
      for (std::uint32_t z = t.candidate_zone_begin[e.candidate];
           z < t.candidate_zone_begin[e.candidate + 1U]; ++z)
        clear(z);
    }
    for (std::size_t i = 0; i < np; ++i) {
      const RegionKeyIndex r = painful_keys[i];
      for (std::uint32_t e = x.key_zone_begin[r]; e < x.key_zone_begin[r + 1U]; ++e)
        clear(x.key_zone[e] / 2U);  // an entry: zone * 2, + 1 for its spillover
    }
    for (std::size_t i = 0; i < np; ++i) {
      const RegionKeyIndex r = painful_keys[i];
      const std::size_t w = i / 64U;
      const PainfulWord bit = PainfulWord{1} << (i % 64U);
      for (std::uint32_t e = x.key_zone_begin[r]; e < x.key_zone_begin[r + 1U]; ++e)
        sets_[x.key_zone[e] * n + w] |= bit;
    }
  }

  std::size_t words() const noexcept { return kWords != 0 ? kWords : words_; }
  const PainfulWord* essential(std::size_t zone) const noexcept {
    return sets_ + zone * 2 * words();
  }
  const PainfulWord* spillover(std::size_t zone) const noexcept {
    return sets_ + (zone * 2 + 1) * words();
  }

 private:
  std::size_t words_;
  PainfulWord* sets_;
};

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_PAINFUL_SETS_HPP
