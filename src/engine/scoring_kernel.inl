// The scoring kernel, written once over a vector type V and compiled once per
// instruction set: scoring.cpp includes this file for the scalar and SSE2
// paths, scoring_x86.cpp for AVX2 (and for AVX-512, whose own kernel there
// keeps its sums in registers and uses overflow_coverage from here), each time inside a namespace
// of its own (in an anonymous namespace, so that no inline function compiled
// for AVX-512 can stand in for another build's at link time) and with
// MYOREF_KERNEL_TARGET defined as that instruction set's function attribute
// (empty for the baseline). No include guard: that is the point.
//
// V provides, as static functions: `reg` (`width` floats) and `mask`;
// zero, set1, load, store, store_first (the first n lanes), add, mul,
// max, ge, both (and of masks), all (a bool to a mask), select; and
// painful(row, nr, keys, intensity) for uint8 and float rows (the row's
// painful keys, ascending, with their intensities; returns how many).
// `max_groups` (wide lanes only) is how many vectors of explained intensity stay in registers.
//
// Every lane does for its candidate what the scalar path does, operation for
// operation, in the same order (a pass over every candidate only adds the +0
// that a list would skip, and takes a max with the 0 of a slot a list would
// skip): that is what keeps the paths bit-identical. FMA would fuse a
// multiply and an add into one rounding, so the kernel files are compiled with
// -ffp-contract=off (src/CMakeLists.txt); nothing here may be reassociated.

/// The index of the lowest set bit of a non-zero mask.
MYOREF_KERNEL_TARGET inline unsigned lowest_bit(std::uint64_t mask) noexcept {
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

/// Appends the painful entries x[base + b] for each set bit b of `mask`.
template <class T>
MYOREF_KERNEL_TARGET inline std::size_t take_marked(std::uint64_t mask, std::size_t base,
                                                    const T* x, RegionKeyIndex* keys,
                                                    float* intensity, std::size_t count) noexcept {
  while (mask != 0) {
    const std::size_t at = base + lowest_bit(mask);
    keys[count] = static_cast<RegionKeyIndex>(at);
    intensity[count] = static_cast<float>(x[at]);
    ++count;
    mask &= mask - 1U;
  }
  return count;
}

/// Appends x[at] if it is painful (> 0: a float -0 is not), branch-free.
MYOREF_KERNEL_TARGET inline std::size_t take_if_painful(const std::uint8_t* x, std::size_t at,
                                                        RegionKeyIndex* keys, float* intensity,
                                                        std::size_t count) noexcept {
  keys[count] = static_cast<RegionKeyIndex>(at);
  intensity[count] = static_cast<float>(x[at]);
  return count + (x[at] != 0 ? 1U : 0U);
}
MYOREF_KERNEL_TARGET inline std::size_t take_if_painful(const float* x, std::size_t at,
                                                        RegionKeyIndex* keys, float* intensity,
                                                        std::size_t count) noexcept {
  keys[count] = static_cast<RegionKeyIndex>(at);
  intensity[count] = x[at];
  return count + (x[at] > 0.0F ? 1U : 0U);
}

/// Explained intensity of G vectors of candidates, from `first`: for each
/// painful key in order, explained += x * (the key's weight row), the sums in
/// registers. A candidate the key does not refer to adds x * 0 = +0 to its
/// sum, which leaves it as it was, so the sums are those of a scatter over
/// the referral lists alone.
template <class V, std::size_t G>
MYOREF_KERNEL_TARGET void explain_groups(const ScoringTables& t, const SparseDrawing& drawing,
                                         std::size_t first, float* explained) noexcept {
  typename V::reg sum[G];
  for (std::size_t g = 0; g < G; ++g)
    sum[g] = V::zero();
  const float* weights = t.referral_weight.data() + first;
  for (std::size_t i = 0; i < drawing.count; ++i) {
    const float* row = weights + std::size_t{drawing.keys[i]} * t.candidate_stride;
    const typename V::reg x = V::set1(drawing.intensity[i]);
    for (std::size_t g = 0; g < G; ++g)
      sum[g] = V::add(sum[g], V::mul(x, V::load(row + g * V::width)));
  }
  for (std::size_t g = 0; g < G; ++g)
    V::store(explained + first + g * V::width, sum[g]);
}

/// explain_groups for `groups` (1..G) vectors, G known at compile time.
template <class V, std::size_t G>
MYOREF_KERNEL_TARGET void explain_some(const ScoringTables& t, const SparseDrawing& drawing,
                                       std::size_t first, std::size_t groups,
                                       float* explained) noexcept {
  if constexpr (G > 1) {
    if (groups < G) {
      explain_some<V, G - 1>(t, drawing, first, groups, explained);
      return;
    }
  }
  explain_groups<V, G>(t, drawing, first, explained);
}

inline constexpr std::size_t kAnySlots = ~std::size_t{0};

/// The coverage of the overflow slots (ScoringTables::dense_slot_count), as
/// the wide paths add it: coverage[c] is the best of candidate c's overflow
/// slots, each min(1, salience / zone size), and 0 for every other
/// candidate (which it must be on entry). With kReset the overflow sums are
/// put back to 0 once read.
template <bool kReset>
MYOREF_KERNEL_TARGET inline void overflow_coverage(const ScoringTables& t, float* salience_sum,
                                                   float* coverage) noexcept {
  const std::size_t n = t.overflow_slot.size();
  for (std::size_t i = 0; i < n; ++i)
    coverage[t.overflow_candidate[i]] = 0.0F;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t slot = t.overflow_slot[i];
    const float sum = salience_sum[slot];
    const float v = sum >= t.slot_size[slot] ? 1.0F : sum * t.slot_inverse_size[slot];
    float& k = coverage[t.overflow_candidate[i]];
    k = k > v ? k : v;
    if constexpr (kReset)
      salience_sum[slot] = 0.0F;
  }
}

/// Scores every candidate for one drawing, with no findings. `work` holds
/// scoring_work_size(t) floats, laid out as that function says (E, K and D
/// written when kParts). With kReset the salience sums must be 0 on entry
/// and are left 0 (batch scoring: nothing to clear per row; the narrow paths
/// clear the work area anyway); without it they are cleared here and left
/// for zone_salience() (every slot of a trigger point; the empty slots
/// past the dense ones are not written).
/// kSlots is t.dense_slot_count where it is known at compile time (so that
/// the loop over slots is unrolled), else kAnySlots.
template <class V, bool kReset, bool kParts, std::size_t kSlots>
MYOREF_KERNEL_TARGET void score_sparse(const ScoringTables& t, const SparseDrawing& drawing,
                                       float* work, float* scores) noexcept {
  const std::size_t nc = t.candidate_count;
  const std::size_t stride = t.candidate_stride;
  const std::size_t slots = t.slot_count;
  const std::size_t dense = kSlots == kAnySlots ? t.dense_slot_count : kSlots;
  // Wide vectors (AVX2, AVX-512) pass over every candidate and every dense
  // slot; for narrow ones (scalar, SSE2) that costs more than visiting only
  // what the painful keys touch, through their lists. Both give the same
  // bits: the candidates and slots a key does not touch only add +0, or take
  // a max with 0.
  constexpr bool kWide = V::width >= 8;
  float* salience_sum = work;               // by slot
  float* coverage = work + slots * stride;  // K by candidate; wide: the overflow's
  float* explained = coverage + stride;     // by candidate
  if constexpr (!kWide) {
    // Cleared whole: clearing what a row's keys touched costs more.
    for (std::size_t i = 0; i < (slots + 2) * stride; ++i)
      work[i] = 0.0F;
  } else if constexpr (!kReset) {
    for (std::size_t i = 0; i < dense * stride; ++i)
      salience_sum[i] = 0.0F;
    for (const std::uint32_t slot : t.overflow_slot)
      salience_sum[slot] = 0.0F;
    for (std::size_t c = 0; c < stride; ++c)
      coverage[c] = 0.0F;
  }

  float total = 0.0F;
  float peak = 0.0F;
  for (std::size_t i = 0; i < drawing.count; ++i) {
    total += drawing.intensity[i];
    peak = drawing.intensity[i] > peak ? drawing.intensity[i] : peak;
  }

  // Salience for essential coverage: being painful at all counts half,
  // intensity relative to the worst mark the other half. Added to the slots
  // whose essential zone holds the key (two per key in the default base).
  for (std::size_t i = 0; i < drawing.count; ++i) {
    const RegionKeyIndex r = drawing.keys[i];
    const float salience = 0.5F + 0.5F * (drawing.intensity[i] / peak);
    for (std::uint32_t e = t.essential_member_begin[r]; e < t.essential_member_begin[r + 1U]; ++e)
      salience_sum[t.essential_member_slot[e]] += salience;
  }

  if constexpr (kWide) {
    overflow_coverage<kReset>(t, salience_sum, coverage);
    for (std::size_t first = 0; first < stride; first += V::max_groups * V::width)
      explain_some<V, V::max_groups>(t, drawing, first, (stride - first) / V::width, explained);
  } else {
    for (std::size_t i = 0; i < drawing.count; ++i) {
      const RegionKeyIndex r = drawing.keys[i];
      const float x = drawing.intensity[i];
      for (std::uint32_t e = t.referral_begin[r]; e < t.referral_begin[r + 1U]; ++e)
        explained[t.referral_candidate[e]] += x * t.referral_candidate_weight[e];
    }
    // K: a slot is met once per painful key of its zone, with the same value
    // each time; max is exact and order-free.
    for (std::size_t i = 0; i < drawing.count; ++i) {
      const RegionKeyIndex r = drawing.keys[i];
      for (std::uint32_t e = t.essential_member_begin[r]; e < t.essential_member_begin[r + 1U];
           ++e) {
        const std::uint32_t slot = t.essential_member_slot[e];
        const float sum = salience_sum[slot];
        const float part = sum * t.slot_inverse_size[slot];
        float& k = coverage[t.essential_member_candidate[e]];
        const float v = sum >= t.slot_size[slot] ? 1.0F : part;
        k = k > v ? k : v;
      }
    }
  }

  // One pass over the candidates, V::width at a time, with no branches: a
  // candidate that explains nothing has E = 0, so D = 0 and its score is
  // 0 / (0 + 1) = 0 exactly. Essential coverage K is the best of the
  // candidate's trigger points, each min(1, salience / zone size): an empty
  // slot or one no painful key falls in gives 0, which max leaves alone. On
  // wide paths the dense slots are taken here and the overflow's best (0
  // where a candidate has none) with them.
  // Whole explanations and whole zones are set to exactly 1 rather than
  // multiplied by a rounded reciprocal, so that a perfect fit scores the same
  // whichever muscle it is.
  using Reg = typename V::reg;
  const float inverse_total = total > 0.0F ? 1.0F / total : 0.0F;
  const Reg one = V::set1(1.0F);
  const Reg total_v = V::set1(total);
  const Reg inverse_total_v = V::set1(inverse_total);
  const typename V::mask some_pain = V::all(total > 0.0F);
  const Reg floor_v = V::set1(kCoverageFloor);
  const Reg share_v = V::set1(1.0F - kCoverageFloor);
  const Reg ceiling_v = V::set1(kDrawingCeiling);
  const float* slot_size = t.slot_size.data();
  const float* slot_inverse_size = t.slot_inverse_size.data();
  for (std::size_t c = 0; c < stride; c += V::width) {
    Reg k = V::zero();
    if constexpr (kWide) {
      for (std::size_t j = 0; j < dense; ++j) {
        const std::size_t at = j * stride + c;
        const Reg sum = V::load(salience_sum + at);
        if constexpr (kReset)
          V::store(salience_sum + at, V::zero());
        const Reg part = V::mul(sum, V::load(slot_inverse_size + at));
        k = V::max(k, V::select(V::ge(sum, V::load(slot_size + at)), one, part));
      }
      k = V::max(k, V::load(coverage + c));
    } else {
      k = V::load(coverage + c);
    }
    const Reg x = V::load(explained + c);
    const Reg e = V::select(V::both(V::ge(x, total_v), some_pain), one, V::mul(x, inverse_total_v));
    const Reg d = V::mul(e, V::add(floor_v, V::mul(share_v, k)));
    // With no findings the score is p itself: p / (p + (1 - p)) is p to the
    // bit for every float p in [0, 1] (the denominator rounds to exactly 1;
    // checked over every such float, tests/unit/test_assess_scoring_paths.cpp).
    const Reg score = V::mul(ceiling_v, d);
    if (c + V::width <= nc) {
      V::store(scores + c, score);
    } else if (c < nc) {
      V::store_first(scores + c, score, nc - c);
    }
    if constexpr (kParts) {
      float* parts = explained + stride;  // E, K, D, each by candidate
      V::store(parts + c, e);
      V::store(parts + stride + c, k);
      V::store(parts + 2 * stride + c, d);
    }
  }
}

/// score_sparse with the dense slot count a constant when it is at most 4.
template <class V, bool kReset, bool kParts>
MYOREF_KERNEL_TARGET void score_sparse_any(const ScoringTables& t, const SparseDrawing& drawing,
                                           float* work, float* scores) noexcept {
  switch (t.dense_slot_count) {
    case 1:
      score_sparse<V, kReset, kParts, 1>(t, drawing, work, scores);
      return;
    case 2:
      score_sparse<V, kReset, kParts, 2>(t, drawing, work, scores);
      return;
    case 3:
      score_sparse<V, kReset, kParts, 3>(t, drawing, work, scores);
      return;
    case 4:
      score_sparse<V, kReset, kParts, 4>(t, drawing, work, scores);
      return;
    default:
      score_sparse<V, kReset, kParts, kAnySlots>(t, drawing, work, scores);
      return;
  }
}

/// The batch loop: each row compacted to its painful keys, then scored.
template <class V, std::size_t kSlots, class T>
MYOREF_KERNEL_TARGET void score_dense_rows_with(const ScoringTables& t, const T* rows,
                                                std::size_t n, float* out,
                                                const RowScratch& scratch) noexcept {
  const std::size_t nr = t.region_key_count;
  const std::size_t nc = t.candidate_count;
  for (std::size_t row = 0; row < n; ++row) {
    const std::size_t count = V::painful(rows + row * nr, nr, scratch.keys, scratch.intensity);
    const SparseDrawing drawing{scratch.keys, scratch.intensity, count};
    score_sparse<V, true, false, kSlots>(t, drawing, scratch.work, out + row * nc);
  }
}

template <class V, class T>
MYOREF_KERNEL_TARGET void score_dense_rows(const ScoringTables& t, const T* rows, std::size_t n,
                                           float* out, const RowScratch& scratch) noexcept {
  switch (t.dense_slot_count) {
    case 1:
      score_dense_rows_with<V, 1>(t, rows, n, out, scratch);
      return;
    case 2:
      score_dense_rows_with<V, 2>(t, rows, n, out, scratch);
      return;
    case 3:
      score_dense_rows_with<V, 3>(t, rows, n, out, scratch);
      return;
    case 4:
      score_dense_rows_with<V, 4>(t, rows, n, out, scratch);
      return;
    default:
      score_dense_rows_with<V, kAnySlots>(t, rows, n, out, scratch);
      return;
  }
}
