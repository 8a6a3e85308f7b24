// assess(): triage first, then the scores, the ranking, each listed
// candidate's explanations and the set cover.
//
// Budget: about 2 microseconds for a five-mark intake with explanations. So:
// one pass of the shared kernel over the painful region keys, working memory
// on the stack, and the result's arrays in one block whose size is worked
// out before anything is written (the spans in Reason point into it).
// Explanations (explain.cpp, explain_findings.cpp) and the cover work on bit
// sets over the drawing's painful keys (painful_sets.hpp), filled by going
// from each painful key to the zones and candidates that hold it.
#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include <gsl/assert>
#include <gsl/narrow>

#include "assess/explain.hpp"
#include "assess/internal.hpp"
#include "assess/painful_sets.hpp"
#include "engine/explanation_tables.hpp"
#include "engine/scoring.hpp"

namespace myoref {
namespace {

using detail::ExplanationTables;
using detail::kConfirmed;
using detail::kDenied;
using detail::kUnknown;
using detail::lowest_bit64;
using detail::MuscleFindings;
using detail::PainfulWord;
using detail::Pool;
using detail::ScoringTables;
using detail::ZoneSets;

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
  // 24 KiB: the default base (179 region keys, 140 candidates, 280 zones)
  // needs about 22 KiB for a drawing of up to 64 painful keys with findings,
  // most of it the kernel's work area and the zones' bit sets.
  alignas(std::max_align_t) unsigned char stack_[24576];
  std::unique_ptr<std::max_align_t[]> heap_;
  unsigned char* base_ = nullptr;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
};

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

  /// The bytes laid out so far.
  std::size_t bytes() const noexcept { return bytes_; }

  template <class T>
  static void bind(Pool<T>& pool, unsigned char* block, std::size_t offset) {
    pool.data = static_cast<T*>(static_cast<void*>(block + offset));
  }

 private:
  std::size_t bytes_ = 0;
};

/// The allocator of an assessment's shared result: the block that holds the
/// AssessmentData (with its reference counts) also holds, after it, `tail`
/// bytes for its pools, whose address it leaves in `*out`. One allocation
/// instead of two; the pools live exactly as long as the result.
template <class T>
class WithTail {
 public:
  using value_type = T;

  WithTail(std::size_t tail, unsigned char** out) noexcept : tail_(tail), out_(out) {}
  template <class U>
  // NOLINTNEXTLINE(google-explicit-constructor): allocators convert implicitly (rebind)
  WithTail(const WithTail<U>& other) noexcept : tail_(other.tail()), out_(other.out()) {}

  T* allocate(std::size_t n) {
    static_assert(alignof(T) <= alignof(std::max_align_t), "operator new aligns to max_align_t");
    constexpr std::size_t kAlign = alignof(std::max_align_t);
    const std::size_t head = (n * sizeof(T) + kAlign - 1) / kAlign * kAlign;
    auto* block = static_cast<unsigned char*>(::operator new(head + tail_));
    *out_ = block + head;
    return static_cast<T*>(static_cast<void*>(block));
  }
  void deallocate(T* p, std::size_t /*n*/) noexcept { ::operator delete(p); }

  std::size_t tail() const noexcept { return tail_; }
  unsigned char** out() const noexcept { return out_; }

  template <class U>
  friend bool operator==(const WithTail& a, const WithTail<U>& b) noexcept {
    return a.tail() == b.tail() && a.out() == b.out();
  }
  template <class U>
  friend bool operator!=(const WithTail& a, const WithTail<U>& b) noexcept {
    return !(a == b);
  }

 private:
  std::size_t tail_;
  unsigned char** out_;
};

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
                       detail::AssessmentData& d, std::size_t words, const std::uint8_t* near,
                       const float* painful_intensity, const float* work,
                       const std::uint8_t* finding_state, std::uint8_t* muscle_state,
                       MuscleFindings* muscle_findings, PainfulWord* sets, float* gains,
                       std::uint32_t* alive) {
  PainfulWord* zone_sets = sets;
  PainfulWord* ranked_sets = zone_sets + x.zone_count * 2 * words;
  PainfulWord* open = ranked_sets + t.candidate_count * 2 * words;
  PainfulWord* own_side_sets = open + words;
  const ZoneSets<kWords> zones(x, t, d.ranked.view(), d.painful.data, d.painful.size, words,
                               zone_sets);
  detail::explain_all(t, x, zones, d, near, work, finding_state, muscle_state, muscle_findings,
                      ranked_sets);
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
    Intake canonical = detail::canonical(intake);
    // Triage comes first and does not depend on anything below.
    Triage triaged = triage(kb, canonical);

    const ScoringTables& t = detail::scoring_tables(kb);
    const ExplanationTables& x = detail::explanation_tables(kb);
    const std::size_t nr = t.region_key_count;
    const std::size_t nc = t.candidate_count;
    const std::size_t nm = t.muscle_count;
    const std::size_t nf = t.finding_count;
    const std::size_t work_size = detail::scoring_work_size(t);
    const bool any_findings = !canonical.findings.empty() || !canonical.denied.empty();
    std::size_t np = 0;
    for (const PainMark& m : canonical.pain)
      np += m.intensity > 0 ? 1U : 0U;
    const std::size_t set_words = painful_set_words(x, t, np);
    Scratch scratch(Scratch::bytes_for<float>(np + work_size + nm + 5 * nc) +
                    Scratch::bytes_for<std::uint8_t>(nr) + Scratch::bytes_for<RegionKeyIndex>(np) +
                    Scratch::bytes_for<std::uint8_t>(nf) +
                    Scratch::bytes_for<PainfulWord>(set_words) +
                    Scratch::bytes_for<std::uint64_t>(nc) + Scratch::bytes_for<float>(2 * nc) +
                    Scratch::bytes_for<std::uint32_t>(nc) + Scratch::bytes_for<std::int32_t>(nm) +
                    Scratch::bytes_for<std::uint8_t>(any_findings ? nm : 0) +
                    Scratch::bytes_for<MuscleFindings>(any_findings ? nm : 0));
    float* painful_intensity = scratch.take<float>(np);
    float* work = scratch.take<float>(work_size);
    float* evidence = scratch.take<float>(nm);
    auto* evidence_units = scratch.take<std::int32_t>(nm);
    float* parts = scratch.take<float>(4 * nc);
    float* scores = scratch.take<float>(nc);
    auto* painful_keys = scratch.take<RegionKeyIndex>(np);
    auto* finding_state = scratch.take<std::uint8_t>(nf);
    auto* near = scratch.take<std::uint8_t>(nr);
    PainfulWord* sets = scratch.take<PainfulWord>(set_words);
    std::uint64_t* ranking = scratch.take<std::uint64_t>(nc);
    float* gains = scratch.take<float>(2 * nc);
    auto* alive = scratch.take<std::uint32_t>(nc);
    std::uint8_t* muscle_state = any_findings ? scratch.take<std::uint8_t>(nm) : nullptr;
    MuscleFindings* muscle_findings = any_findings ? scratch.take<MuscleFindings>(nm) : nullptr;

    // By region key: painful, or a coarse region or part of a painful key
    // (ExplanationTables::key_near), for the explanations.
    std::fill(near, near + nr, std::uint8_t{0});
    np = 0;
    for (const PainMark& m : canonical.pain) {
      if (m.intensity <= 0)
        continue;  // drawn, but no pain now
      painful_keys[np] = m.region_key;
      painful_intensity[np] = static_cast<float>(m.intensity);
      near[m.region_key] = 1;
      for (std::uint32_t e = x.key_near_begin[m.region_key];
           e < x.key_near_begin[m.region_key + 1U]; ++e)
        near[x.key_near[e]] = 1;
      ++np;
    }

    // F is summed exactly, then rounded once: in units of 1/2000 (weights are
    // given to the thousandth, and a denied finding counts half). Summed as
    // floats, 0.5 - 0.6/2 - 0.4/2 came out as -1.5e-08, not 0.
    std::fill(evidence_units, evidence_units + nm, 0);
    std::fill(finding_state, finding_state + nf, std::uint8_t{kUnknown});
    if (muscle_state != nullptr)
      std::fill(muscle_state, muscle_state + nm, std::uint8_t{detail::kUntouched});
    for (const FindingIndex f : canonical.findings) {
      // A nerve-type symptom set aside by triage counts for no muscle.
      if (!triaged.set_aside.empty() &&
          std::find(triaged.set_aside.begin(), triaged.set_aside.end(), f) !=
              triaged.set_aside.end())
        continue;
      finding_state[f] = kConfirmed;
      for (std::uint32_t e = t.finding_begin[f]; e < t.finding_begin[f + 1U]; ++e) {
        evidence_units[t.finding_muscle[e]] += 2 * t.finding_weight_thousandths[e];
        muscle_state[t.finding_muscle[e]] = detail::kTouched;
      }
    }
    for (const FindingIndex f : canonical.denied) {
      finding_state[f] = kDenied;
      for (std::uint32_t e = t.finding_begin[f]; e < t.finding_begin[f + 1U]; ++e) {
        if (t.finding_weight_thousandths[e] > 0) {
          evidence_units[t.finding_muscle[e]] -= t.finding_weight_thousandths[e];
          muscle_state[t.finding_muscle[e]] = detail::kTouched;
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
    // The listed candidates are gathered first without a branch (which of
    // them score is as good as random to a branch predictor), into `ranking`.
    std::size_t listed = 0;
    for (std::size_t c = 0; c < nc; ++c) {
      ranking[listed] = c;
      listed += scores[c] > 0.0F ? 1U : 0U;
    }
    std::size_t region_bound = 0;
    std::size_t finding_bound = 0;
    std::size_t reason_bound = 0;
    for (std::size_t k = 0; k < listed; ++k) {
      const auto c = static_cast<CandidateIndex>(ranking[k]);
      ranking[k] = rank_key(scores[c], t.candidate_key_rank[c], c);
      const std::size_t zones = t.candidate_zone_begin[c + 1U] - t.candidate_zone_begin[c];
      // explained + unexplained, essential per zone, spillover, not painful
      region_bound += np + zones * np + np + t.candidate_largest_zone[c];
      finding_bound += t.candidate_finding_count[c];
      reason_bound += 2 * zones + 1 + t.candidate_finding_count[c];
    }
    // The result's arrays go in the same block as the result itself.
    Pool<Reason> reasons;
    Pool<detail::RankedEntry> ranked;
    Pool<float> result_scores;
    Pool<RegionKeyIndex> painful;
    Pool<CandidateIndex> cover;
    Pool<RegionKeyIndex> unexplained;
    Pool<RegionKeyIndex> region_pool;
    Pool<FindingIndex> finding_pool;
    Layout layout;
    const std::size_t at_reasons = layout.reserve(reasons, reason_bound);
    const std::size_t at_ranked = layout.reserve(ranked, listed);
    const std::size_t at_scores = layout.reserve(result_scores, nc);
    const std::size_t at_painful = layout.reserve(painful, np);
    // Each pick explains a painful key, and may bring the muscle's other side.
    const std::size_t at_cover = layout.reserve(cover, 2 * np);
    const std::size_t at_unexplained = layout.reserve(unexplained, np);
    const std::size_t at_regions = layout.reserve(region_pool, region_bound);
    const std::size_t at_findings = layout.reserve(finding_pool, finding_bound);
    unsigned char* block = nullptr;
    auto data = std::allocate_shared<detail::AssessmentData>(
        WithTail<detail::AssessmentData>(layout.bytes(), &block), kb, std::move(canonical),
        std::move(triaged));
    detail::AssessmentData& d = *data;
    d.reasons = reasons;
    d.ranked = ranked;
    d.scores = result_scores;
    d.painful = painful;
    d.cover = cover;
    d.unexplained = unexplained;
    d.region_pool = region_pool;
    d.finding_pool = finding_pool;
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
      explain_and_cover<1>(kb, t, x, d, 1, near, painful_intensity, work, finding_state,
                           muscle_state, muscle_findings, sets, gains, alive);
    } else {
      explain_and_cover<0>(kb, t, x, d, (np + 63) / 64, near, painful_intensity, work,
                           finding_state, muscle_state, muscle_findings, sets, gains, alive);
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
