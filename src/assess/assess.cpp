// assess(): triage first, then the scores, the ranking, each listed
// candidate's explanations and the set cover.
//
// Budget: about 2 microseconds for a five-mark intake with explanations. So:
// one pass of the shared kernel over the painful region keys, working memory
// on the stack, and the result's arrays in one block whose size is worked
// out before anything is written (the spans in Reason point into it).
// Explanations and the cover work on bit sets over the drawing's painful keys
// (explanation_tables.hpp), filled by going from each painful key to the
// zones and candidates that hold it.
#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include <gsl/assert>
#include <gsl/narrow>

#include "assess/internal.hpp"
#include "engine/explanation_tables.hpp"
#include "engine/scoring.hpp"

namespace myoref {
namespace {

using detail::ExplanationTables;
using detail::Pool;
using detail::ScoringTables;

static_assert(static_cast<int>(Side::none) == 0 && static_cast<int>(Side::left) == 1 &&
                  static_cast<int>(Side::right) == 2,
              "the cover's own-side sets are indexed by Side");

/// Working memory for one call, carved in order: on the stack for knowledge
/// bases of ordinary size, on the heap for very large ones. Nothing in it is
/// initialised; every piece is written before it is read.
class Scratch {
 public:
  /// Bytes to ask for `n` values of T (with room for its alignment).
  template <class T>
  static constexpr std::size_t bytes_for(std::size_t n) noexcept {
    return n * sizeof(T) + alignof(T);
  }

  // stack_ is scratch, written before it is read.
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
  explicit Scratch(std::size_t bytes) : capacity_(bytes) {
    if (bytes <= sizeof stack_) {
      base_ = stack_;
    } else {
      heap_.reset(
          new std::max_align_t[(bytes + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t)]);
      base_ = reinterpret_cast<unsigned char*>(heap_.get());
    }
  }

  /// The next `n` values of T; a Scratch gives out at most what it was sized for.
  template <class T>
  T* take(std::size_t n) noexcept {
    static_assert(std::is_trivially_destructible<T>::value, "scratch never runs destructors");
    used_ = (used_ + alignof(T) - 1) / alignof(T) * alignof(T);
    Expects(used_ + n * sizeof(T) <= capacity_);
    T* p = static_cast<T*>(static_cast<void*>(base_ + used_));
    used_ += n * sizeof(T);
    return p;
  }

 private:
  alignas(std::max_align_t) unsigned char stack_[16384];
  std::unique_ptr<std::max_align_t[]> heap_;
  unsigned char* base_ = nullptr;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
};

enum FindingState : std::uint8_t { kUnknown = 0, kConfirmed = 1, kDenied = 2 };

std::uint32_t u32(std::size_t n) {
  return gsl::narrow_cast<std::uint32_t>(n);
}

/// Lays pools out in one block: reserve() each (which gives its offset),
/// allocate() once, then bind() each pool to its place.
class Layout {
 public:
  template <class T>
  std::size_t reserve(Pool<T>& pool, std::size_t capacity) {
    static_assert(std::is_trivially_destructible<T>::value, "pools never run destructors");
    bytes_ = (bytes_ + alignof(T) - 1) / alignof(T) * alignof(T);
    const std::size_t offset = bytes_;
    pool.capacity = u32(capacity);
    pool.size = 0;
    bytes_ += capacity * sizeof(T);
    return offset;
  }

  std::unique_ptr<std::max_align_t[]> allocate() const {
    const std::size_t words = (bytes_ + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
    // Default-initialised: every element is written before it is read.
    return std::unique_ptr<std::max_align_t[]>(
        new std::max_align_t[std::max<std::size_t>(words, 1)]);
  }

  template <class T>
  static void bind(Pool<T>& pool, std::max_align_t* block, std::size_t offset) {
    unsigned char* base = reinterpret_cast<unsigned char*>(block);
    pool.data = static_cast<T*>(static_cast<void*>(base + offset));
  }

 private:
  std::size_t bytes_ = 0;
};

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

/// Insertion sort for the handful of values of one list: a call of
/// std::sort costs more than sorting two or three values, and
/// std::stable_sort would allocate.
template <class T, class Less>
void sort_small(T* first, T* last, Less less) {
  if (first == last)
    return;
  for (T* i = first + 1; i < last; ++i) {
    const T moving = *i;
    T* j = i;
    for (; j > first && less(moving, *(j - 1)); --j)
      *j = *(j - 1);
    *j = moving;
  }
}

/// Insertion sort of a few distinct integers, ascending; the inner loop needs
/// no bound check, since a value below the first goes to the front at once.
void sort_keys(std::uint64_t* a, std::size_t n) {
  for (std::size_t i = 1; i < n; ++i) {
    const std::uint64_t v = a[i];
    if (v < a[0]) {
      std::copy_backward(a, a + i, a + i + 1);
      a[0] = v;
      continue;
    }
    std::size_t j = i;
    for (; v < a[j - 1]; --j)
      a[j] = a[j - 1];
    a[j] = v;
  }
}

/// A listed candidate's place in the ranking as one integer: score
/// descending, then muscle id and side (ScoringTables::candidate_key_rank),
/// then the candidate itself. Equal scores have equal upper 32 bits. Scores here are positive
/// floats, whose bits order as they do.
std::uint64_t rank_key(float score, std::uint16_t key_rank, CandidateIndex c) {
  std::uint32_t bits = 0;
  static_assert(sizeof bits == sizeof score, "a float is 32 bits");
  std::memcpy(&bits, &score, sizeof bits);
  return (std::uint64_t{~bits} << 32U) | (std::uint64_t{key_rank} << 16U) | c;
}

/// What the findings say about one muscle: the same for each of its sides,
/// so worked out for the first side listed and reused for the other.
struct MuscleFindings {
  static constexpr std::uint32_t kNotYet = 0xFFFFFFFFU;
  bool touched = false;                   // it weighs a confirmed or denied finding
  std::uint32_t reasons_begin = kNotYet;  // in AssessmentData::reasons
  std::uint32_t reasons_count = 0;
  std::uint32_t for_begin = 0, for_count = 0;          // in finding_pool
  std::uint32_t against_begin = 0, against_count = 0;  // in finding_pool
};

/// Muscles with at most this many finding weights have their finding reasons
/// ordered in one pass (the usual case); others in one pass per kind.
constexpr std::ptrdiff_t kFewWeights = 32;

/// One word of a set of painful keys: bit i % 64 of word i / 64 stands for
/// the drawing's i-th painful key (in knowledge-base order).
using PainfulWord = std::uint64_t;

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
  ZoneSets(const ExplanationTables& x, const ScoringTables& t,
           gsl::span<const detail::RankedEntry> ranked, const RegionKeyIndex* painful_keys,
           std::size_t np, std::size_t words, PainfulWord* sets)
      : words_(words), sets_(sets) {
    const std::size_t n = this->words();
    const auto clear = [&](std::size_t zone) {
      std::fill(sets_ + zone * 2 * n, sets_ + (zone + 1) * 2 * n, PainfulWord{0});
    };
    for (const detail::RankedEntry& e : ranked) {
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

/// Appends the painful keys of one word of a set (`keys`: the painful keys
/// that word stands for), in knowledge-base order; returns the new end.
inline RegionKeyIndex* append_keys(RegionKeyIndex* out, PainfulWord set,
                                   const RegionKeyIndex* keys) noexcept {
  for (; set != 0; set &= set - 1U)
    *out++ = keys[lowest_bit64(set)];
  return out;
}

/// Builds the listed candidates' explanations into the pools, which were
/// sized for them: keys, reasons and finding ids are written through cursors.
/// Leaves, by rank, the painful keys each candidate's zones cover and those in
/// its essential zones (`ranked_sets`: two sets per rank), for the cover.
///
/// The tables are read through local pointers: stores into the result could
/// otherwise alias their members, and every table pointer would be loaded
/// again after each store.
template <std::size_t kWords>
void explain_all(const ScoringTables& t, const ExplanationTables& x,
                 const ZoneSets<kWords>& zone_sets, detail::AssessmentData& d, const float* dense,
                 const float* work, const std::uint8_t* state, MuscleFindings* muscle_findings,
                 PainfulWord* ranked_sets) {
  const MuscleIndex* const candidate_muscle = t.candidate_muscle.data();
  const std::uint32_t* const candidate_zone_begin = t.candidate_zone_begin.data();
  const RegionKeyIndex* const essential_keys = t.zone_essential_keys.data();
  const std::uint8_t* const listed = t.zone_essential_listed.data();
  const std::uint32_t* const relative_begin = t.relative_begin.data();
  const RegionKeyIndex* const relative_key = t.relative_key.data();
  const ExplanationTables::Zone* const zone_info = x.zones.data();
  const ExplanationTables::Weight* const weights = x.weights.data();
  const std::uint32_t* const muscle_weight_begin = x.muscle_weight_begin.data();
  const RegionKeyIndex* const painful = d.painful.data;
  const std::uint32_t np = d.painful.size;
  const std::size_t words = zone_sets.words();

  RegionKeyIndex* const key_base = d.region_pool.data;
  RegionKeyIndex* keys = key_base + d.region_pool.size;
  Reason* const reason_base = d.reasons.data;
  Reason* reasons = reason_base + d.reasons.size;
  FindingIndex* const finding_base = d.finding_pool.data;
  FindingIndex* findings = finding_base + d.finding_pool.size;
  const auto at = [](const auto* cursor, const auto* base) {
    return static_cast<std::uint32_t>(cursor - base);
  };

  PainfulWord named_here[kWords != 0 ? kWords : 1] = {};
  std::vector<PainfulWord> named_heap;
  PainfulWord* named = named_here;
  if (kWords == 0) {
    named_heap.assign(words, 0);
    named = named_heap.data();
  }

  for (detail::RankedEntry& e : d.ranked) {
    const CandidateIndex c = e.candidate;
    const MuscleIndex m = candidate_muscle[c];
    const std::uint32_t zone0 = candidate_zone_begin[c];
    const std::uint32_t zones = candidate_zone_begin[c + 1U] - zone0;
    const ExplanationTables::Zone* zone = zone_info + zone0;

    // The painful keys its zones cover (the union of their parts is the keys
    // it refers pain to), and those in an essential zone.
    PainfulWord* refers = ranked_sets;
    PainfulWord* essential_any = ranked_sets + words;
    ranked_sets += 2 * words;
    for (std::size_t w = 0; w < words; ++w) {
      PainfulWord any = 0;
      PainfulWord essential = 0;
      for (std::uint32_t j = 0; j < zones; ++j) {
        essential |= zone_sets.essential(zone0 + j)[w];
        any |= zone_sets.spillover(zone0 + j)[w];
      }
      refers[w] = any | essential;
      essential_any[w] = essential;
    }

    // Explained and unexplained: the painful keys its zones cover, and the rest.
    e.explained_begin = at(keys, key_base);
    for (std::size_t w = 0; w < words; ++w)
      keys = append_keys(keys, refers[w], painful + w * 64U);
    e.explained_count = at(keys, key_base) - e.explained_begin;
    e.unexplained_begin = at(keys, key_base);
    for (std::size_t w = 0; w < words; ++w) {
      const std::size_t in_word = np - w * 64U;
      const PainfulWord all = in_word >= 64U ? ~PainfulWord{0} : (PainfulWord{1} << in_word) - 1U;
      keys = append_keys(keys, all & ~refers[w], painful + w * 64U);
    }
    e.unexplained_count = at(keys, key_base) - e.unexplained_begin;

    e.basis_begin = at(reasons, reason_base);
    const auto zone_reason = [&](ReasonKind kind, std::uint32_t tp, RegionKeyIndex* first) {
      Reason& reason = *reasons++;
      reason.kind = kind;
      reason.trigger_point = static_cast<std::uint16_t>(tp);
      reason.finding = 0;
      reason.finding_weight = 0;
      reason.regions =
          gsl::span<const RegionKeyIndex>(first, static_cast<std::size_t>(keys - first));
      reason.cite = zone[tp].cite;
    };
    // Essential zones: the painful keys each trigger point's essential zone
    // covers. On the way, the best-matching trigger point: a zone with no
    // painful essential key has salience 0, so it is never the best.
    std::uint32_t best = zones;
    float best_coverage = 0.0F;
    for (std::uint32_t j = 0; j < zones; ++j) {
      const PainfulWord* set = zone_sets.essential(zone0 + j);
      RegionKeyIndex* first = keys;
      for (std::size_t w = 0; w < words; ++w)
        keys = append_keys(keys, set[w], painful + w * 64U);
      if (keys == first)
        continue;
      zone_reason(ReasonKind::essential_zone, j, first);
      const float coverage = detail::zone_salience(t, work, c, j) / zone[j].essential_size;
      if (coverage > best_coverage) {
        best_coverage = coverage;
        best = j;
      }
    }
    // Spillover: painful keys no essential zone of this candidate covers,
    // each named once, under the first trigger point that spills there.
    for (std::size_t w = 0; w < words; ++w)
      named[w] = essential_any[w];
    for (std::uint32_t j = 0; j < zones; ++j) {
      const PainfulWord* set = zone_sets.spillover(zone0 + j);
      RegionKeyIndex* first = keys;
      for (std::size_t w = 0; w < words; ++w) {
        const PainfulWord fresh = set[w] & ~named[w];
        named[w] |= fresh;
        keys = append_keys(keys, fresh, painful + w * 64U);
      }
      if (keys != first)
        zone_reason(ReasonKind::spillover_zone, j, first);
    }
    // The best-matching trigger point's essential keys that are not painful:
    // worth checking, and why essential coverage is below 1. Only the keys it
    // lists, and not one whose coarse region or part is painful: that mark
    // already says the pain may be there.
    if (best < zones) {
      RegionKeyIndex* first = keys;
      for (std::uint32_t k = zone[best].essential_begin; k < zone[best].essential_end; ++k) {
        const RegionKeyIndex r = essential_keys[k];
        bool drawn = dense[r] > 0.0F || listed[k] == 0U;
        for (std::uint32_t q = relative_begin[r]; q < relative_begin[r + 1U] && !drawn; ++q)
          drawn = dense[relative_key[q]] > 0.0F;
        *keys = r;
        keys += drawn ? 0 : 1;
      }
      if (keys != first)
        zone_reason(ReasonKind::zone_not_painful, best, first);
    }

    // Findings: for, against, denied (each kind in the muscle's order), and
    // the for / against lists (in knowledge-base finding order). A muscle's
    // second side copies its first side's reasons and shares its lists; a
    // muscle that weighs none of the answered findings has none.
    if (muscle_findings != nullptr && muscle_findings[m].touched) {
      MuscleFindings& done = muscle_findings[m];
      if (done.reasons_begin != MuscleFindings::kNotYet) {
        reasons = std::copy(reason_base + done.reasons_begin,
                            reason_base + done.reasons_begin + done.reasons_count, reasons);
      } else {
        Reason* const first = reasons;
        FindingIndex* const for_first = findings;
        FindingIndex* against = findings;
        const auto emit = [&](ReasonKind kind, const ExplanationTables::Weight& w) {
          Reason& reason = *reasons++;
          reason.kind = kind;
          reason.trigger_point = 0;
          reason.finding = w.finding;
          reason.finding_weight = w.index;
          reason.regions = {};
          reason.cite = w.cite;
          *findings++ = w.finding;
        };
        const ExplanationTables::Weight* const w0 = weights + muscle_weight_begin[m];
        const ExplanationTables::Weight* const w1 = weights + muscle_weight_begin[m + 1U];
        if (w1 - w0 <= kFewWeights) {
          // One pass: reasons for the muscle are written at once, the others
          // kept aside until they are.
          const ExplanationTables::Weight* against_w[kFewWeights];
          const ExplanationTables::Weight* denied_w[kFewWeights];
          std::size_t n_against = 0;
          std::size_t n_denied = 0;
          for (const auto* w = w0; w != w1; ++w) {
            const std::uint8_t answer = state[w->finding];
            if (answer == kUnknown)
              continue;
            if (answer == kConfirmed) {
              if (w->positive) {
                emit(ReasonKind::finding_for, *w);
              } else {
                against_w[n_against++] = w;
              }
            } else if (w->positive) {
              denied_w[n_denied++] = w;
            }  // denying what counts against a muscle says little either way
          }
          against = findings;
          for (std::size_t i = 0; i < n_against; ++i)
            emit(ReasonKind::finding_against, *against_w[i]);
          for (std::size_t i = 0; i < n_denied; ++i)
            emit(ReasonKind::denied_for, *denied_w[i]);
        } else {
          for (const auto* w = w0; w != w1; ++w) {
            if (w->positive && state[w->finding] == kConfirmed)
              emit(ReasonKind::finding_for, *w);
          }
          against = findings;
          for (const auto* w = w0; w != w1; ++w) {
            if (!w->positive && state[w->finding] == kConfirmed)
              emit(ReasonKind::finding_against, *w);
          }
          for (const auto* w = w0; w != w1; ++w) {
            if (w->positive && state[w->finding] == kDenied)
              emit(ReasonKind::denied_for, *w);
          }
        }
        const auto less = [](FindingIndex a, FindingIndex b) { return a < b; };
        sort_small(for_first, against, less);
        sort_small(against, findings, less);
        done.reasons_begin = at(first, reason_base);
        done.reasons_count = at(reasons, first);
        done.for_begin = at(for_first, finding_base);
        done.for_count = at(against, for_first);
        done.against_begin = at(against, finding_base);
        done.against_count = at(findings, against);
      }
      e.for_begin = done.for_begin;
      e.for_count = done.for_count;
      e.against_begin = done.against_begin;
      e.against_count = done.against_count;
    }
    e.basis_count = at(reasons, reason_base) - e.basis_begin;
  }
  d.region_pool.size = at(keys, key_base);
  d.reasons.size = at(reasons, reason_base);
  d.finding_pool.size = at(findings, finding_base);
}

// The greedy set cover: repeatedly take the listed candidate that explains
// the most still-unexplained pain (intensity x zone weight). Equal gains go to
// the candidate more of whose gain lies on its own side (a muscle referring
// to both sides should be named on the side that hurts), then to the
// higher-ranked one; when the other side of the same muscle gains exactly as
// much, both are taken (left first), so that a symmetric drawing gets "both
// sides" rather than a side chosen by name. Stops when nothing more can be
// explained.
//
// The still-unexplained painful keys are a bit set (`open`); a candidate's
// gain is summed over its keys in it lowest bit first, which is the order of
// the painful keys: the same floats as summing over them one by one. A gain
// is worked out again only when a pick covers some of the candidate's keys
// (otherwise it is the same sum), and a candidate with nothing left to
// explain is dropped.
template <std::size_t kWords>
class Cover {
 public:
  Cover(const ExplanationTables& x, const KnowledgeBase& kb, detail::AssessmentData& d,
        std::size_t words, const PainfulWord* ranked_sets, const float* intensity,
        PainfulWord* open, PainfulWord* own_side_sets, PainfulWord* covered, float* gain,
        float* own_gain, std::uint32_t* alive)
      : words_(words),
        kb_(kb),
        candidates_(kb.candidates().data()),
        d_(d),
        ranked_sets_(ranked_sets),
        intensity_(intensity),
        open_(open),
        own_side_sets_(own_side_sets),
        covered_(covered),
        gain_(gain),
        own_gain_(own_gain),
        alive_(alive) {
    // By Side (none, left, right): the painful keys that count as that
    // side's own: the keys of that side and the midline ones (only the
    // midline ones for a midline candidate).
    const std::size_t n = this->words();
    std::fill(own_side_sets_, own_side_sets_ + 3 * n, PainfulWord{0});
    std::fill(open_, open_ + n, PainfulWord{0});
    for (std::uint32_t i = 0; i < d_.painful.size; ++i) {
      const PainfulWord bit = PainfulWord{1} << (i % 64U);
      const std::size_t w = i / 64U;
      open_[w] |= bit;
      const std::uint8_t side = x.key_side[d_.painful[i]];
      if (side == static_cast<std::uint8_t>(Side::none)) {
        for (std::size_t s = 0; s < 3; ++s)
          own_side_sets_[s * n + w] |= bit;
      } else {
        own_side_sets_[side * n + w] |= bit;
      }
    }
  }

  std::size_t words() const noexcept { return kWords != 0 ? kWords : words_; }

  void build() {
    const std::size_t n = words();
    std::uint32_t count = 0;
    for (std::uint32_t k = 0; k < d_.ranked.size; ++k) {
      if (update(k))
        alive_[count++] = k;
    }
    for (;;) {
      std::uint32_t best = d_.ranked.size;
      float best_gain = 0.0F;
      float best_own_side = 0.0F;
      for (std::uint32_t a = 0; a < count; ++a) {
        const std::uint32_t k = alive_[a];
        const float gain = gain_[k];
        const float own_side = own_gain_[k];
        if (gain > best_gain || (gain == best_gain && gain > 0.0F && own_side > best_own_side)) {
          best_gain = gain;
          best_own_side = own_side;
          best = k;
        }
      }
      if (best == d_.ranked.size)
        return;
      // The other side of the same muscle, when it would serve exactly as
      // well: both are taken, left first. Taking one would pick a side by
      // the order of names, and the mirrored drawing would get the other.
      std::uint32_t other = d_.ranked.size;
      const CandidateIndex mirror = kb_.mirror_candidate(d_.ranked[best].candidate);
      for (std::uint32_t a = 0; a < count && mirror != d_.ranked[best].candidate; ++a) {
        const std::uint32_t k = alive_[a];
        if (d_.ranked[k].candidate == mirror && gain_[k] == best_gain &&
            own_gain_[k] == best_own_side)
          other = k;
      }
      std::uint32_t first = best;
      if (other != d_.ranked.size && candidates_[d_.ranked[other].candidate].side == Side::left)
        std::swap(first, other);
      d_.cover.push_back(d_.ranked[first].candidate);
      if (other != d_.ranked.size)
        d_.cover.push_back(d_.ranked[other].candidate);
      PainfulWord* covered = covered_;
      const PainfulWord* keys_first = refers(first);
      const PainfulWord* keys_other = other != d_.ranked.size ? refers(other) : nullptr;
      PainfulWord any_open = 0;
      for (std::size_t w = 0; w < n; ++w) {
        covered[w] = keys_first[w] | (keys_other != nullptr ? keys_other[w] : PainfulWord{0});
        open_[w] &= ~covered[w];
        any_open |= open_[w];
      }
      if (any_open == 0)
        return;  // everything is explained: every gain left is 0
      std::uint32_t kept = 0;
      for (std::uint32_t a = 0; a < count; ++a) {
        const std::uint32_t k = alive_[a];
        const PainfulWord* keys = refers(k);
        PainfulWord touched = 0;
        for (std::size_t w = 0; w < n; ++w)
          touched |= keys[w] & covered[w];
        if (touched == 0 || update(k))
          alive_[kept++] = k;
      }
      count = kept;
    }
  }

 private:
  const PainfulWord* refers(std::uint32_t k) const noexcept {
    return ranked_sets_ + static_cast<std::size_t>(k) * 2 * words();
  }

  // Works out candidate k's gain over the open keys; false when it has none.
  bool update(std::uint32_t k) {
    const std::size_t n = words();
    const PainfulWord* keys = refers(k);
    const PainfulWord* essential = keys + n;
    const CandidateIndex c = d_.ranked[k].candidate;
    const PainfulWord* own = own_side_sets_ + static_cast<std::size_t>(candidates_[c].side) * n;
    float gain = 0.0F;
    float own_side = 0.0F;
    PainfulWord any = 0;
    for (std::size_t w = 0; w < n; ++w) {
      PainfulWord left = keys[w] & open_[w];
      any |= left;
      for (; left != 0; left &= left - 1U) {
        const unsigned bit = lowest_bit64(left);
        const float x_i = intensity_[w * 64U + bit];
        const float g = (essential[w] >> bit) & 1U ? x_i : x_i * detail::kSpilloverWeight;
        gain += g;
        if ((own[w] >> bit) & 1U)
          own_side += g;
      }
    }
    gain_[k] = gain;
    own_gain_[k] = own_side;
    return any != 0;
  }

  std::size_t words_;
  const KnowledgeBase& kb_;
  const Candidate* candidates_;
  detail::AssessmentData& d_;
  const PainfulWord* ranked_sets_;
  const float* intensity_;
  PainfulWord* open_;
  PainfulWord* own_side_sets_;
  PainfulWord* covered_;  // what the last pick covers
  float* gain_;
  float* own_gain_;
  std::uint32_t* alive_;
};

/// Explanations and cover for the ranked candidates, with sets of kWords
/// words (0: `words`, known at run time).
template <std::size_t kWords>
void explain_and_cover(const KnowledgeBase& kb, const ScoringTables& t, const ExplanationTables& x,
                       detail::AssessmentData& d, std::size_t words, const float* dense,
                       const float* painful_intensity, const float* work,
                       const std::uint8_t* finding_state, MuscleFindings* muscle_findings,
                       PainfulWord* sets, float* gains, std::uint32_t* alive) {
  PainfulWord* zone_sets = sets;
  PainfulWord* ranked_sets = zone_sets + x.zone_count * 2 * words;
  PainfulWord* open = ranked_sets + t.candidate_count * 2 * words;
  PainfulWord* own_side_sets = open + words;
  const ZoneSets<kWords> zones(x, t, d.ranked.view(), d.painful.data, d.painful.size, words,
                               zone_sets);
  explain_all(t, x, zones, d, dense, work, finding_state, muscle_findings, ranked_sets);
  PainfulWord* covered = own_side_sets + 3 * words;
  Cover<kWords> cover(x, kb, d, words, ranked_sets, painful_intensity, open, own_side_sets, covered,
                      gains, gains + t.candidate_count, alive);
  cover.build();
}

/// Words of bit sets explain_and_cover() needs for `np` painful keys.
std::size_t painful_set_words(const ExplanationTables& x, const ScoringTables& t, std::size_t np) {
  const std::size_t words = np <= 64 ? 1 : (np + 63) / 64;
  return (x.zone_count * 2 + t.candidate_count * 2 + 5) * words;
}

}  // namespace

Expected<Assessment> assess(const KnowledgeBase& kb, const Intake& intake) {
  if (Status valid = validate_intake(kb, intake); !valid) {
    return valid.error();
  }
  try {
    auto data = std::make_shared<detail::AssessmentData>(kb);
    detail::AssessmentData& d = *data;
    d.intake = detail::canonical(intake);
    // Triage comes first and does not depend on anything below.
    d.triage = triage(kb, d.intake);

    const ScoringTables& t = detail::scoring_tables(kb);
    const ExplanationTables& x = detail::explanation_tables(kb);
    const std::size_t nr = t.region_key_count;
    const std::size_t nc = t.candidate_count;
    const std::size_t nm = t.muscle_count;
    const std::size_t nf = t.finding_count;
    const std::size_t work_size = detail::scoring_work_size(t);
    const bool any_findings = !d.intake.findings.empty() || !d.intake.denied.empty();
    std::size_t np = 0;
    for (const PainMark& m : d.intake.pain)
      np += m.intensity > 0 ? 1U : 0U;
    const std::size_t set_words = painful_set_words(x, t, np);
    Scratch scratch(Scratch::bytes_for<float>(2 * nr + work_size + nm + 5 * nc) +
                    Scratch::bytes_for<RegionKeyIndex>(nr) + Scratch::bytes_for<std::uint8_t>(nf) +
                    Scratch::bytes_for<PainfulWord>(set_words) +
                    Scratch::bytes_for<std::uint64_t>(nc) + Scratch::bytes_for<float>(2 * nc) +
                    Scratch::bytes_for<std::uint32_t>(nc) + Scratch::bytes_for<std::int32_t>(nm) +
                    Scratch::bytes_for<MuscleFindings>(any_findings ? nm : 0));
    float* dense = scratch.take<float>(nr);
    float* painful_intensity = scratch.take<float>(nr);
    float* work = scratch.take<float>(work_size);
    float* evidence = scratch.take<float>(nm);
    auto* evidence_units = scratch.take<std::int32_t>(nm);
    float* parts = scratch.take<float>(4 * nc);
    float* scores = scratch.take<float>(nc);
    auto* painful_keys = scratch.take<RegionKeyIndex>(nr);
    auto* finding_state = scratch.take<std::uint8_t>(nf);
    PainfulWord* sets = scratch.take<PainfulWord>(set_words);
    std::uint64_t* ranking = scratch.take<std::uint64_t>(nc);
    float* gains = scratch.take<float>(2 * nc);
    auto* alive = scratch.take<std::uint32_t>(nc);
    MuscleFindings* muscle_findings = any_findings ? scratch.take<MuscleFindings>(nm) : nullptr;

    std::fill(dense, dense + nr, 0.0F);
    np = 0;
    for (const PainMark& m : d.intake.pain) {
      if (m.intensity <= 0)
        continue;  // drawn, but no pain now
      painful_keys[np] = m.region_key;
      painful_intensity[np] = static_cast<float>(m.intensity);
      dense[m.region_key] = static_cast<float>(m.intensity);
      ++np;
    }

    // F is summed exactly, then rounded once: in units of 1/2000 (weights are
    // given to the thousandth, and a denied finding counts half). Summed as
    // floats, 0.5 - 0.6/2 - 0.4/2 came out as -1.5e-08, not 0.
    std::fill(evidence_units, evidence_units + nm, 0);
    std::fill(finding_state, finding_state + nf, std::uint8_t{kUnknown});
    if (muscle_findings != nullptr)
      std::fill(muscle_findings, muscle_findings + nm, MuscleFindings{});
    for (const FindingIndex f : d.intake.findings) {
      // A nerve-type symptom set aside by triage counts for no muscle.
      if (!d.triage.set_aside.empty() &&
          std::find(d.triage.set_aside.begin(), d.triage.set_aside.end(), f) !=
              d.triage.set_aside.end())
        continue;
      finding_state[f] = kConfirmed;
      for (std::uint32_t e = t.finding_begin[f]; e < t.finding_begin[f + 1U]; ++e) {
        evidence_units[t.finding_muscle[e]] += 2 * t.finding_weight_thousandths[e];
        muscle_findings[t.finding_muscle[e]].touched = true;
      }
    }
    for (const FindingIndex f : d.intake.denied) {
      finding_state[f] = kDenied;
      for (std::uint32_t e = t.finding_begin[f]; e < t.finding_begin[f + 1U]; ++e) {
        if (t.finding_weight_thousandths[e] > 0) {
          evidence_units[t.finding_muscle[e]] -= t.finding_weight_thousandths[e];
          muscle_findings[t.finding_muscle[e]].touched = true;
        }
      }
    }

    static_assert(detail::kDeniedShare == 0.5F, "units of 1/2000 count a denied finding half");
    for (std::size_t m = 0; m < nm; ++m)
      evidence[m] = static_cast<float>(evidence_units[m]) / 2000.0F;

    const detail::SparseDrawing drawing{painful_keys, painful_intensity, np};
    detail::score_drawing(t, drawing, evidence, work, scores, parts);

    // The listed candidates, and a bound on every array of the result, so
    // that they can be allocated together.
    std::size_t listed = 0;
    std::size_t region_bound = 0;
    std::size_t finding_bound = 0;
    std::size_t reason_bound = 0;
    for (std::size_t c = 0; c < nc; ++c) {
      if (!(scores[c] > 0.0F))
        continue;
      ranking[listed++] =
          rank_key(scores[c], t.candidate_key_rank[c], static_cast<CandidateIndex>(c));
      const std::size_t zones = t.candidate_zone_begin[c + 1U] - t.candidate_zone_begin[c];
      // explained + unexplained, essential per zone, spillover, not painful
      region_bound += np + zones * np + np + t.candidate_largest_zone[c];
      finding_bound += t.candidate_finding_count[c];
      reason_bound += 2 * zones + 1 + t.candidate_finding_count[c];
    }
    Layout layout;
    const std::size_t at_reasons = layout.reserve(d.reasons, reason_bound);
    const std::size_t at_ranked = layout.reserve(d.ranked, listed);
    const std::size_t at_scores = layout.reserve(d.scores, nc);
    const std::size_t at_painful = layout.reserve(d.painful, np);
    // Each pick explains a painful key, and may bring the muscle's other side.
    const std::size_t at_cover = layout.reserve(d.cover, 2 * np);
    const std::size_t at_unexplained = layout.reserve(d.unexplained, np);
    const std::size_t at_regions = layout.reserve(d.region_pool, region_bound);
    const std::size_t at_findings = layout.reserve(d.finding_pool, finding_bound);
    d.storage = layout.allocate();
    std::max_align_t* block = d.storage.get();
    Layout::bind(d.reasons, block, at_reasons);
    Layout::bind(d.ranked, block, at_ranked);
    Layout::bind(d.scores, block, at_scores);
    Layout::bind(d.painful, block, at_painful);
    Layout::bind(d.cover, block, at_cover);
    Layout::bind(d.unexplained, block, at_unexplained);
    Layout::bind(d.region_pool, block, at_regions);
    Layout::bind(d.finding_pool, block, at_findings);

    std::copy(scores, scores + nc, d.scores.data);
    d.scores.size = u32(nc);
    std::copy(painful_keys, painful_keys + np, d.painful.data);
    d.painful.size = u32(np);

    if (listed <= 32) {
      sort_keys(ranking, listed);
    } else {
      std::sort(ranking, ranking + listed);
    }
    for (std::size_t k = 0; k < listed; ++k) {
      const auto c = static_cast<CandidateIndex>(ranking[k] & 0xFFFFU);
      detail::RankedEntry& e = d.ranked.data[k];
      e = detail::RankedEntry{};
      e.candidate = c;
      e.score = scores[c];
      const float* p = parts + 4 * static_cast<std::size_t>(c);
      e.parts = ScoreParts{p[0], p[1], p[2], p[3]};
    }
    d.ranked.size = u32(listed);
    // Equal scores sit next to each other in the ranking.
    for (std::size_t k = 1; k < listed; ++k) {
      if ((ranking[k] >> 32U) == (ranking[k - 1] >> 32U)) {
        d.ranked.data[k].tied = true;
        d.ranked.data[k - 1].tied = true;
      }
    }

    if (np <= 64) {
      explain_and_cover<1>(kb, t, x, d, 1, dense, painful_intensity, work, finding_state,
                           muscle_findings, sets, gains, alive);
    } else {
      explain_and_cover<0>(kb, t, x, d, (np + 63) / 64, dense, painful_intensity, work,
                           finding_state, muscle_findings, sets, gains, alive);
    }
    for (std::size_t i = 0; i < np; ++i) {
      if (t.referred[painful_keys[i]] == 0)
        d.unexplained.push_back(painful_keys[i]);
    }
    return Assessment(std::move(data));
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::out_of_memory, "out of memory while assessing");
  }
}

const KnowledgeBase& Assessment::kb() const noexcept {
  return d_->kb;
}
const Intake& Assessment::intake() const noexcept {
  return d_->intake;
}
const Triage& Assessment::triage() const noexcept {
  return d_->triage;
}
std::size_t Assessment::candidate_count() const noexcept {
  return d_->ranked.size;
}
gsl::span<const float> Assessment::scores() const noexcept {
  return d_->scores.view();
}
gsl::span<const RegionKeyIndex> Assessment::painful() const noexcept {
  return d_->painful.view();
}
gsl::span<const CandidateIndex> Assessment::cover() const noexcept {
  return d_->cover.view();
}
gsl::span<const RegionKeyIndex> Assessment::unexplained() const noexcept {
  return d_->unexplained.view();
}

RankedCandidate Assessment::candidate(std::size_t rank) const {
  Expects(rank < d_->ranked.size);
  const detail::RankedEntry& e = d_->ranked[rank];
  RankedCandidate out;
  out.candidate = e.candidate;
  out.score = e.score;
  out.tied = e.tied;
  out.parts = e.parts;
  out.explained = d_->region_pool.view(e.explained_begin, e.explained_count);
  out.unexplained = d_->region_pool.view(e.unexplained_begin, e.unexplained_count);
  out.findings_for = d_->finding_pool.view(e.for_begin, e.for_count);
  out.findings_against = d_->finding_pool.view(e.against_begin, e.against_count);
  out.basis = d_->reasons.view(e.basis_begin, e.basis_count);
  return out;
}

std::string Assessment::describe(CandidateIndex candidate, const Reason& reason) const {
  std::string out;
  detail::append_reason(out, kb(), candidate, reason);
  return out;
}

}  // namespace myoref
