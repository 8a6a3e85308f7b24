// The scoring kernel compiled for AVX2 and for AVX-512 (see scoring_x86.hpp
// and scoring_kernel.inl). Each instruction set's code lives in a namespace of
// its own inside an anonymous namespace, and every function in it carries the
// target attribute, so nothing built for a wider instruction set leaks into
// code that runs on any x86-64.
#include "engine/scoring_x86.hpp"

#if MYOREF_SCORING_X86

// GCC 12 warns that the placeholder _mm512_undefined_ps() inside
// _mm512_max_ps is (or may be) used uninitialized (GCC bug 105593, fixed in
// 12.3); the warnings point into the header.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#include <immintrin.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#define MYOREF_ALWAYS_INLINE inline __attribute__((always_inline))

namespace myoref::detail::x86 {
namespace {

namespace avx2 {

#define MYOREF_KERNEL_TARGET __attribute__((target("avx2")))
#include "engine/scoring_kernel.inl"

struct Lanes {
  using reg = __m256;
  using mask = __m256;
  static constexpr std::size_t width = 8;
  static constexpr std::size_t max_groups = 8;
  MYOREF_KERNEL_TARGET static reg zero() noexcept { return _mm256_setzero_ps(); }
  MYOREF_KERNEL_TARGET static reg set1(float v) noexcept { return _mm256_set1_ps(v); }
  MYOREF_KERNEL_TARGET static reg load(const float* p) noexcept { return _mm256_loadu_ps(p); }
  MYOREF_KERNEL_TARGET static void store(float* p, reg v) noexcept { _mm256_storeu_ps(p, v); }
  MYOREF_KERNEL_TARGET static void store_first(float* p, reg v, std::size_t n) noexcept {
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    _mm256_maskstore_ps(p, _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(n)), lane), v);
  }
  MYOREF_KERNEL_TARGET static reg add(reg a, reg b) noexcept { return _mm256_add_ps(a, b); }
  MYOREF_KERNEL_TARGET static reg mul(reg a, reg b) noexcept { return _mm256_mul_ps(a, b); }
  // a > b ? a : b, as the scalar path's max.
  MYOREF_KERNEL_TARGET static reg max(reg a, reg b) noexcept { return _mm256_max_ps(a, b); }
  MYOREF_KERNEL_TARGET static mask ge(reg a, reg b) noexcept {
    return _mm256_cmp_ps(a, b, _CMP_GE_OQ);
  }
  MYOREF_KERNEL_TARGET static mask both(mask a, mask b) noexcept { return _mm256_and_ps(a, b); }
  MYOREF_KERNEL_TARGET static mask all(bool b) noexcept {
    return b ? _mm256_castsi256_ps(_mm256_set1_epi32(-1)) : _mm256_setzero_ps();
  }
  MYOREF_KERNEL_TARGET static reg select(mask m, reg a, reg b) noexcept {
    return _mm256_blendv_ps(b, a, m);
  }

  /// 32 uint8 compared at once, then 16; only the painful ones are visited.
  MYOREF_KERNEL_TARGET static std::size_t painful(const std::uint8_t* x, std::size_t nr,
                                                  RegionKeyIndex* keys, float* intensity) noexcept {
    std::size_t count = 0;
    std::size_t r = 0;
    const __m256i zero_v = _mm256_setzero_si256();
    for (; r + 32 <= nr; r += 32) {
      const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(x + r));
      const auto zeros =
          static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, zero_v)));
      count = take_marked(~zeros, r, x, keys, intensity, count);
    }
    if (r + 16 <= nr) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x + r));
      const auto zeros =
          static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())));
      count = take_marked(~zeros & 0xFFFFU, r, x, keys, intensity, count);
      r += 16;
    }
    for (; r < nr; ++r)
      count = take_if_painful(x, r, keys, intensity, count);
    return count;
  }
  /// 8 floats compared at once.
  MYOREF_KERNEL_TARGET static std::size_t painful(const float* x, std::size_t nr,
                                                  RegionKeyIndex* keys, float* intensity) noexcept {
    std::size_t count = 0;
    std::size_t r = 0;
    const __m256 zero_v = _mm256_setzero_ps();
    for (; r + 8 <= nr; r += 8) {
      const auto marked = static_cast<std::uint32_t>(
          _mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(x + r), zero_v, _CMP_GT_OQ)));
      count = take_marked(marked, r, x, keys, intensity, count);
    }
    for (; r < nr; ++r)
      count = take_if_painful(x, r, keys, intensity, count);
    return count;
  }
};

/// The largest byte must be at most 10.
MYOREF_KERNEL_TARGET bool all_intensities(const std::uint8_t* v, std::size_t count) noexcept {
  __m256i top = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 32 <= count; i += 32)
    top = _mm256_max_epu8(top, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(v + i)));
  // Every byte of `top` at most 10: max(top, 10) == 10.
  const __m256i ten = _mm256_set1_epi8(10);
  bool ok = _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(top, ten), ten)) == -1;
  for (; i < count; ++i)
    ok = ok && v[i] <= 10;
  return ok;
}
/// 0 <= v <= 10, ordered compares (NaN fails both).
MYOREF_KERNEL_TARGET bool all_intensities(const float* v, std::size_t count) noexcept {
  const __m256 zero = _mm256_setzero_ps();
  const __m256 ten = _mm256_set1_ps(10.0F);
  __m256 ok = _mm256_castsi256_ps(_mm256_set1_epi32(-1));
  std::size_t i = 0;
  for (; i + 8 <= count; i += 8) {
    const __m256 x = _mm256_loadu_ps(v + i);
    ok = _mm256_and_ps(
        ok, _mm256_and_ps(_mm256_cmp_ps(x, zero, _CMP_GE_OQ), _mm256_cmp_ps(x, ten, _CMP_LE_OQ)));
  }
  bool all = _mm256_movemask_ps(ok) == 0xFF;
  for (; i < count; ++i)
    all = all && v[i] >= 0.0F && v[i] <= 10.0F;
  return all;
}

#undef MYOREF_KERNEL_TARGET

}  // namespace avx2

namespace avx512 {

#define MYOREF_KERNEL_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,popcnt")))
#include "engine/scoring_kernel.inl"

// The AVX-512 kernel for one drawing (assess(); batch rows take the scatter
// kernel further down). The generic one (scoring_kernel.inl, which AVX2 runs)
// keeps the salience sums in memory: each painful key adds to its slots one
// by one, through a loop whose length varies from key to key, and the
// per-candidate pass reads them back as vectors. Here every sum stays in a
// register for the whole drawing: a painful key adds its salience to the
// lanes of each (slot, block of 16 candidates) vector that its
// essential_mask selects, whatever the key, so that no branch depends on the
// data but the walk over the painful keys. Each lane adds the same salience,
// in the same key order, as the scalar path does to that slot, so the sums,
// and everything after them, are the same bits.
//
// Registers: G blocks of 16 candidates, each with its explained intensity
// and S salience sums (the dense slots, ScoringTables::dense_slot_count);
// with at most 4 of each, 20 of the 32 vector registers. The overflow slots
// (trigger points past the dense ones) are summed in memory, while the
// first group of blocks walks the painful keys, and join the pass over the
// candidates as their coverage (overflow_coverage, scoring_kernel.inl).
// With 3 dense slots or fewer (the default base has 3), 5 blocks: 20
// registers again, and the 9 blocks of 140 candidates in two groups, not
// three.
static_assert(kMaxDenseSlots <= 4, "at most 4 salience sums per block in registers");
template <std::size_t S>
constexpr std::size_t kBlocksInRegisters = S <= 3 ? 5 : 4;

template <class F, std::size_t... I>
MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE void unroll(F& f, std::index_sequence<I...> /*i*/) {
  (f(std::integral_constant<std::size_t, I>{}), ...);
}

/// f(std::integral_constant<std::size_t, i>{}) for i = 0..N-1: each index a
/// constant in the source, so that arrays of vectors indexed by it stay in
/// registers (GCC keeps an array indexed by a loop variable in memory).
template <std::size_t N, class F>
MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE void unroll(F&& f) {
  unroll(f, std::make_index_sequence<N>{});
}

/// f(std::integral_constant<std::size_t, v>{}) for a run-time v in 1..N
/// (N for anything larger): a count known only at run time made a constant
/// for the arrays of registers it sizes.
template <std::size_t N, class F>
MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE void with_constant(std::size_t v, F&& f) {
  if constexpr (N <= 1) {
    f(std::integral_constant<std::size_t, N>{});
  } else if (v >= N) {
    f(std::integral_constant<std::size_t, N>{});
  } else {
    with_constant<N - 1>(v, f);
  }
}

/// The per-candidate formula of every kernel (scoring_kernel.inl's pass over
/// the candidates), 16 candidates at a time, for one drawing's total
/// intensity.
class Fit {
 public:
  MYOREF_KERNEL_TARGET explicit Fit(const ScoringTables& t, float total) noexcept
      : total_(_mm512_set1_ps(total)),
        inverse_total_(_mm512_set1_ps(total > 0.0F ? 1.0F / total : 0.0F)),
        t_(t),
        some_pain_(static_cast<__mmask16>(total > 0.0F ? 0xFFFFU : 0U)) {}

  /// K after slot `at` (j * stride + c) with salience sum `sum`: the best of
  /// k and min(1, sum / zone size), a whole zone exactly 1.
  MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE __m512 cover(__m512 k, __m512 sum,
                                                         std::size_t at) const {
    const __m512 part = _mm512_mul_ps(sum, _mm512_loadu_ps(t_.slot_inverse_size.data() + at));
    const __mmask16 whole =
        _mm512_cmp_ps_mask(sum, _mm512_loadu_ps(t_.slot_size.data() + at), _CMP_GE_OQ);
    return _mm512_max_ps(k, _mm512_mask_blend_ps(whole, part, one()));
  }

  /// E and D of candidates c.. from their explained intensity x and coverage
  /// k; writes their scores (p = 0.9 D, which is p / (p + (1 - p)) to the
  /// bit: scoring_kernel.inl) to scores[c..], the last block's first lanes
  /// only.
  MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE void score(__m512 x, __m512 k, std::size_t c,
                                                       float* scores, __m512& e, __m512& d) const {
    const auto whole =
        static_cast<__mmask16>(_mm512_cmp_ps_mask(x, total_, _CMP_GE_OQ) & some_pain_);
    e = _mm512_mask_blend_ps(whole, _mm512_mul_ps(x, inverse_total_), one());
    d = _mm512_mul_ps(e, _mm512_add_ps(_mm512_set1_ps(kCoverageFloor),
                                       _mm512_mul_ps(_mm512_set1_ps(1.0F - kCoverageFloor), k)));
    const __m512 score = _mm512_mul_ps(_mm512_set1_ps(kDrawingCeiling), d);
    const std::size_t nc = t_.candidate_count;
    if (c + 16 <= nc) {
      _mm512_storeu_ps(scores + c, score);
    } else {
      _mm512_mask_storeu_ps(scores + c, static_cast<__mmask16>((1U << (nc - c)) - 1U), score);
    }
  }

 private:
  MYOREF_KERNEL_TARGET static __m512 one() noexcept { return _mm512_set1_ps(1.0F); }

  __m512 total_;
  __m512 inverse_total_;
  const ScoringTables& t_;
  __mmask16 some_pain_;
};

/// A drawing as assess() gives it: its painful keys, ascending, with their
/// intensities.
struct SparseSource {
  const SparseDrawing& drawing;
  float peak;

  template <class F>
  MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE void for_each_painful(F&& f) const {
    for (std::size_t i = 0; i < drawing.count; ++i)
      f(std::size_t{drawing.keys[i]}, drawing.intensity[i]);
  }
};

/// Which of 64 values from x (n of them, n <= 64) are painful, as bits: a
/// masked load reads nothing past the row.
MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE std::uint64_t painful_bits(const std::uint8_t* x,
                                                                     std::size_t n) {
  const __mmask64 in_row = n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1U;
  const __m512i v = _mm512_maskz_loadu_epi8(in_row, x);
  return _mm512_test_epi8_mask(v, v);
}
MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE std::uint64_t painful_bits(const float* x,
                                                                     std::size_t n) {
  std::uint64_t bits = 0;
  for (std::size_t q = 0; q < 4 && 16 * q < n; ++q) {
    const std::size_t left = n - 16 * q;
    const auto in_row = static_cast<__mmask16>(left >= 16 ? 0xFFFFU : (1U << left) - 1U);
    const __m512 v = _mm512_maskz_loadu_ps(in_row, x + 16 * q);
    // Greater than +0: a -0 is not painful.
    bits |= std::uint64_t{_mm512_cmp_ps_mask(v, _mm512_setzero_ps(), _CMP_GT_OQ)} << (16 * q);
  }
  return bits;
}

/// The painful values of a uint8 row as floats (they are 0..10).
alignas(64) constexpr float kWholeIntensity[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE float value_at(const std::uint8_t* x, std::size_t r) {
  return kWholeIntensity[x[r]];
}
MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE float value_at(const float* x, std::size_t r) {
  return x[r];
}

/// A dense row of the batch as a drawing: its painful keys, ascending, with
/// their intensities, found through the bit mask of its painful values 64
/// region keys at a time; returns how many, and sets `peak` to the largest
/// (left alone when none is painful). The row is walked once, and the
/// groups of blocks (score_in_registers) walk the short list.
template <class T>
MYOREF_KERNEL_TARGET MYOREF_ALWAYS_INLINE std::size_t compact_row(const T* x, std::size_t nr,
                                                                  RegionKeyIndex* keys,
                                                                  float* intensity, float& peak) {
  std::size_t count = 0;
  float top = 0.0F;
  for (std::size_t first = 0; first < nr; first += 64) {
    for (std::uint64_t bits = painful_bits(x + first, nr - first); bits != 0; bits &= bits - 1U) {
      const std::size_t r = first + static_cast<std::size_t>(__builtin_ctzll(bits));
      const float v = value_at(x, r);
      keys[count] = static_cast<RegionKeyIndex>(r);
      intensity[count] = v;
      top = v > top ? v : top;
      ++count;
    }
  }
  peak = top;
  return count;
}

/// Scores the G blocks of 16 candidates from block `first` (see above), for
/// the painful keys that `source` gives. With kParts, also leaves the
/// salience sums and E, K, D in `work`, where the generic kernel leaves them.
/// The coverage row of `work` must be 0 except for the overflow's
/// candidates; the first group (first == 0) sums the overflow slots and
/// sets their coverage, and the later groups read it.
template <std::size_t G, std::size_t S, bool kParts, class Source>
MYOREF_KERNEL_TARGET void score_blocks(const ScoringTables& t, const Source& source,
                                       std::size_t first, float* work, float* scores) noexcept {
  const std::size_t stride = t.candidate_stride;
  const std::size_t blocks = stride / 16;
  __m512 explained[G];
  __m512 salience_sum[S * G + 1];  // [j * G + g]; one more, so that S = 0 compiles
  unroll<G>([&](auto g) MYOREF_KERNEL_TARGET { explained[g] = _mm512_setzero_ps(); });
  unroll<S * G>([&](auto q) MYOREF_KERNEL_TARGET { salience_sum[q] = _mm512_setzero_ps(); });
  float total = 0.0F;
  const float peak = source.peak;
  const float* weights = t.referral_weight.data() + first * 16;
  const std::uint16_t* masks = t.essential_mask.data() + first * S;
  // Only the first group sums the overflow: an empty range for the others.
  const std::uint32_t* overflow_begin = t.overflow_member_begin.data();
  const std::uint32_t* overflow_slot = t.overflow_member_slot.data();
  const bool sums_overflow = first == 0 && !t.overflow_slot.empty();
  float* coverage = work + t.slot_count * stride;
  if (sums_overflow) {
    for (const std::uint32_t slot : t.overflow_slot)
      work[slot] = 0.0F;
  }
  source.for_each_painful([&](std::size_t r, float x) MYOREF_KERNEL_TARGET {
    total += x;
    const float salience = 0.5F + 0.5F * (x / peak);
    const __m512 x_v = _mm512_set1_ps(x);
    const __m512 salience_v = _mm512_set1_ps(salience);
    const float* row = weights + r * stride;
    const std::uint16_t* mask = masks + r * blocks * S;  // [g][j] from here
    unroll<G>([&](auto g) MYOREF_KERNEL_TARGET {
      explained[g] = _mm512_add_ps(explained[g], _mm512_mul_ps(x_v, _mm512_loadu_ps(row + 16 * g)));
    });
    unroll<S * G>([&](auto q) MYOREF_KERNEL_TARGET {
      constexpr std::size_t j = decltype(q)::value / G;
      constexpr std::size_t g = decltype(q)::value % G;
      salience_sum[q] =
          _mm512_mask_add_ps(salience_sum[q], mask[g * S + j], salience_sum[q], salience_v);
    });
    if (sums_overflow) {
      for (std::uint32_t e = overflow_begin[r]; e < overflow_begin[r + 1]; ++e)
        work[overflow_slot[e]] += salience;
    }
  });
  // The overflow sums stay in `work` (zone_salience() reads them with kParts;
  // the next row clears them first).
  if (sums_overflow)
    overflow_coverage<false>(t, work, coverage);

  const Fit fit(t, total);
  unroll<G>([&](auto g) MYOREF_KERNEL_TARGET {
    const std::size_t c = (first + g) * 16;
    __m512 k = _mm512_loadu_ps(coverage + c);  // the overflow's, 0 for most
    unroll<S>([&](auto j) MYOREF_KERNEL_TARGET {
      const std::size_t at = j * stride + c;
      const __m512 sum = salience_sum[j * G + g];
      k = fit.cover(k, sum, at);
      if constexpr (kParts)
        _mm512_storeu_ps(work + at, sum);
    });
    __m512 e;
    __m512 d;
    fit.score(explained[g], k, c, scores, e, d);
    if constexpr (kParts) {
      float* parts = work + scoring_work_parts(t);  // E, K, D, each by candidate
      _mm512_storeu_ps(parts + c, e);
      _mm512_storeu_ps(parts + stride + c, k);
      _mm512_storeu_ps(parts + 2 * stride + c, d);
    }
  });
}

/// score_blocks over all blocks, kBlocksInRegisters<S> at a time.
template <std::size_t S, bool kParts, class Source>
MYOREF_KERNEL_TARGET void score_in_registers(const ScoringTables& t, const Source& source,
                                             float* work, float* scores) noexcept {
  const std::size_t blocks = t.candidate_stride / 16;
  for (std::size_t first = 0; first < blocks; first += kBlocksInRegisters<S>) {
    with_constant<kBlocksInRegisters<S>>(blocks - first, [&](auto g) MYOREF_KERNEL_TARGET {
      score_blocks<decltype(g)::value, S, kParts>(t, source, first, work, scores);
    });
  }
}

template <bool kParts>
MYOREF_KERNEL_TARGET void score_drawing_registers(const ScoringTables& t,
                                                  const SparseDrawing& drawing, float* work,
                                                  float* scores) noexcept {
  float peak = 0.0F;
  for (std::size_t i = 0; i < drawing.count; ++i)
    peak = drawing.intensity[i] > peak ? drawing.intensity[i] : peak;
  const SparseSource source{drawing, peak};
  // The work area may hold anything: the coverage row is 0 but for the
  // overflow's candidates, which score_blocks sets.
  float* coverage = work + t.slot_count * t.candidate_stride;
  for (std::size_t c = 0; c < t.candidate_stride; c += 16)
    _mm512_storeu_ps(coverage + c, _mm512_setzero_ps());
  if (t.dense_slot_count == 0) {
    score_in_registers<0, kParts>(t, source, work, scores);
    return;
  }
  with_constant<kMaxDenseSlots>(t.dense_slot_count, [&](auto slots) MYOREF_KERNEL_TARGET {
    score_in_registers<decltype(slots)::value, kParts>(t, source, work, scores);
  });
}

// The batch's kernel. A drawing's few painful keys touch few of the slots
// (about six each in the default base), so here each key adds its salience
// to its slots one by one, in memory (scoring_kernel.inl's scatter, in the
// same key order, so the same sums), rather than to every block's sums in
// registers through masks; that leaves the registers to the explained
// intensity, up to kScatterBlocks blocks at a time (the default base's 9 in
// one walk over the keys). The pass over the candidates reads each dense
// slot's sums and puts them back to 0, and the overflow's coverage is added
// as in the other kernels, so the work area stays 0 between rows.
constexpr std::size_t kScatterBlocks = 9;

/// Explained intensity of G blocks from block `first`, then their scores,
/// from the salience sums in `work` (which it puts back to 0). The first
/// group (first == 0) also adds each key's salience to its slots and works out
/// the total and the overflow's coverage, in the same walk over the keys:
/// one loop whose length the branch predictor must guess, not two.
template <std::size_t G>
MYOREF_KERNEL_TARGET void score_scattered_blocks(const ScoringTables& t,
                                                 const SparseDrawing& drawing, float peak,
                                                 std::size_t first, float* work, float* scores,
                                                 float& total) noexcept {
  const std::size_t stride = t.candidate_stride;
  const std::size_t dense = t.dense_slot_count;
  __m512 explained[G];
  unroll<G>([&](auto g) MYOREF_KERNEL_TARGET { explained[g] = _mm512_setzero_ps(); });
  const float* weights = t.referral_weight.data() + first * 16;
  const bool sums = first == 0;
  for (std::size_t i = 0; i < drawing.count; ++i) {
    const RegionKeyIndex r = drawing.keys[i];
    const float x = drawing.intensity[i];
    const float* row = weights + std::size_t{r} * stride;
    const __m512 x_v = _mm512_set1_ps(x);
    unroll<G>([&](auto g) MYOREF_KERNEL_TARGET {
      explained[g] = _mm512_add_ps(explained[g], _mm512_mul_ps(x_v, _mm512_loadu_ps(row + 16 * g)));
    });
    if (sums) {
      total += x;
      const float salience = 0.5F + 0.5F * (x / peak);
      // A fixed number of slots a key, the unused ones never read (see
      // ScoringTables::padded_member_slot), then the rare key's rest.
      const std::uint32_t* member = t.padded_member_slot.data() + std::size_t{r} * kPaddedMembers;
      unroll<kPaddedMembers>(
          [&](auto m) MYOREF_KERNEL_TARGET { work[member[decltype(m)::value]] += salience; });
      for (std::uint32_t e = t.extra_member_begin[r]; e < t.extra_member_begin[r + 1U]; ++e)
        work[t.extra_member_slot[e]] += salience;
    }
  }
  float* coverage = work + t.slot_count * stride;
  if (sums)
    overflow_coverage<true>(t, work, coverage);
  const Fit fit(t, total);
  unroll<G>([&](auto g) MYOREF_KERNEL_TARGET {
    const std::size_t c = (first + g) * 16;
    __m512 k = _mm512_loadu_ps(coverage + c);  // the overflow's, 0 for most
    for (std::size_t j = 0; j < dense; ++j) {
      const std::size_t at = j * stride + c;
      k = fit.cover(k, _mm512_loadu_ps(work + at), at);
      _mm512_storeu_ps(work + at, _mm512_setzero_ps());
    }
    __m512 e;
    __m512 d;
    fit.score(explained[g], k, c, scores, e, d);
  });
}

/// One batch row, compacted, through the scatter kernel above.
MYOREF_KERNEL_TARGET void score_scattered(const ScoringTables& t, const SparseDrawing& drawing,
                                          float peak, float* work, float* scores) noexcept {
  float total = 0.0F;
  const std::size_t blocks = t.candidate_stride / 16;
  for (std::size_t first = 0; first < blocks; first += kScatterBlocks) {
    with_constant<kScatterBlocks>(blocks - first, [&](auto g) MYOREF_KERNEL_TARGET {
      score_scattered_blocks<decltype(g)::value>(t, drawing, peak, first, work, scores, total);
    });
  }
}

template <class T>
MYOREF_KERNEL_TARGET void score_rows_scattered(const ScoringTables& t, const T* rows, std::size_t n,
                                               float* out, const RowScratch& scratch) noexcept {
  const std::size_t nr = t.region_key_count;
  const std::size_t nc = t.candidate_count;
  const auto score_row = [&](std::size_t row, float* scores) MYOREF_KERNEL_TARGET {
    // The peak is only read when some key is painful, and then it is the
    // largest painful intensity, as in the other paths.
    float peak = 0.0F;
    const std::size_t count =
        compact_row(rows + row * nr, nr, scratch.keys, scratch.intensity, peak);
    score_scattered(t, SparseDrawing{scratch.keys, scratch.intensity, count}, peak, scratch.work,
                    scores);
  };
  for (std::size_t row = 0; row < n; ++row)
    score_row(row, out + row * nc);
}

/// The batch: the work area is all 0 on the first call (RowScratch), and
/// each row leaves it so (but for the overflow's coverage, which each row
/// sets before reading).
template <class T>
MYOREF_KERNEL_TARGET void score_rows(const ScoringTables& t, const T* rows, std::size_t n,
                                     float* out, const RowScratch& scratch) noexcept {
  score_rows_scattered(t, rows, n, out, scratch);
}

/// The largest byte must be at most 10; the end of the values through a
/// masked load.
MYOREF_KERNEL_TARGET bool all_intensities(const std::uint8_t* v, std::size_t count) noexcept {
  __m512i top = _mm512_setzero_si512();
  std::size_t i = 0;
  for (; i + 64 <= count; i += 64)
    top = _mm512_max_epu8(top, _mm512_loadu_si512(v + i));
  if (i < count) {
    const __mmask64 rest = ~std::uint64_t{0} >> (64 - (count - i));
    top = _mm512_max_epu8(top, _mm512_maskz_loadu_epi8(rest, v + i));
  }
  return _mm512_cmpgt_epu8_mask(top, _mm512_set1_epi8(10)) == 0;
}
/// 0 <= v <= 10, ordered compares (NaN fails both). The chunks' verdicts
/// are or-ed together rather than chained through masked compares, which
/// would make each compare wait for the one before.
MYOREF_KERNEL_TARGET bool all_intensities(const float* v, std::size_t count) noexcept {
  const __m512 zero = _mm512_setzero_ps();
  const __m512 ten = _mm512_set1_ps(10.0F);
  unsigned bad = 0;
  std::size_t i = 0;
  for (; i + 16 <= count; i += 16) {
    const __m512 x = _mm512_loadu_ps(v + i);
    const unsigned ok =
        _mm512_cmp_ps_mask(x, zero, _CMP_GE_OQ) & _mm512_cmp_ps_mask(x, ten, _CMP_LE_OQ);
    bad |= ~ok & 0xFFFFU;
  }
  if (i < count) {
    const auto rest = static_cast<__mmask16>((1U << (count - i)) - 1U);
    const __m512 x = _mm512_maskz_loadu_ps(rest, v + i);
    const unsigned ok =
        _mm512_cmp_ps_mask(x, zero, _CMP_GE_OQ) & _mm512_cmp_ps_mask(x, ten, _CMP_LE_OQ);
    bad |= ~ok & rest;
  }
  return bad == 0;
}

#undef MYOREF_KERNEL_TARGET

}  // namespace avx512

}  // namespace

bool cpu_runs_avx2() noexcept {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}

bool cpu_runs_avx512() noexcept {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") != 0 && __builtin_cpu_supports("avx512bw") != 0 &&
         __builtin_cpu_supports("avx512vl") != 0 && __builtin_cpu_supports("popcnt") != 0;
}

void score_drawing_avx2(const ScoringTables& t, const SparseDrawing& drawing, float* work,
                        float* scores, bool parts) noexcept {
  if (parts) {
    avx2::score_sparse_any<avx2::Lanes, false, true>(t, drawing, work, scores);
  } else {
    avx2::score_sparse_any<avx2::Lanes, false, false>(t, drawing, work, scores);
  }
}

void score_drawing_avx512(const ScoringTables& t, const SparseDrawing& drawing, float* work,
                          float* scores, bool parts) noexcept {
  if (parts) {
    avx512::score_drawing_registers<true>(t, drawing, work, scores);
  } else {
    avx512::score_drawing_registers<false>(t, drawing, work, scores);
  }
}

bool all_intensities_avx2(const std::uint8_t* values, std::size_t count) noexcept {
  return avx2::all_intensities(values, count);
}
bool all_intensities_avx2(const float* values, std::size_t count) noexcept {
  return avx2::all_intensities(values, count);
}
bool all_intensities_avx512(const std::uint8_t* values, std::size_t count) noexcept {
  return avx512::all_intensities(values, count);
}
bool all_intensities_avx512(const float* values, std::size_t count) noexcept {
  return avx512::all_intensities(values, count);
}

void score_rows_avx2(const ScoringTables& t, const std::uint8_t* rows, std::size_t n, float* out,
                     const RowScratch& scratch) noexcept {
  avx2::score_dense_rows<avx2::Lanes>(t, rows, n, out, scratch);
}
void score_rows_avx2(const ScoringTables& t, const float* rows, std::size_t n, float* out,
                     const RowScratch& scratch) noexcept {
  avx2::score_dense_rows<avx2::Lanes>(t, rows, n, out, scratch);
}
void score_rows_avx512(const ScoringTables& t, const std::uint8_t* rows, std::size_t n, float* out,
                       const RowScratch& scratch) noexcept {
  avx512::score_rows(t, rows, n, out, scratch);
}
void score_rows_avx512(const ScoringTables& t, const float* rows, std::size_t n, float* out,
                       const RowScratch& scratch) noexcept {
  avx512::score_rows(t, rows, n, out, scratch);
}

}  // namespace myoref::detail::x86

#endif  // MYOREF_SCORING_X86
