// How the reports (the text report, the HTML report) present ties: the two
// sides of a muscle that tie are one "both sides" entry, and any other tie
// is said ("tied with ..."), so that a symmetric drawing never reads as if
// one side had been picked (docs/contract.md, "Ties and both sides").
#ifndef MYOREF_SRC_ASSESS_TIES_HPP
#define MYOREF_SRC_ASSESS_TIES_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "myoref/assess.hpp"

namespace myoref::detail {

/// One entry of a report's list of candidates: the candidate at `rank`, and
/// when `both_sides` also the one at rank + 1, the other side of the same
/// muscle with exactly the same score (the ranking lists such a pair next to
/// each other, left first).
struct TieEntry {
  std::size_t rank = 0;
  bool both_sides = false;
};

/// Exactly the same score: the same float, bit for bit.
inline bool same_score(float a, float b) noexcept {
  std::uint32_t x = 0;
  std::uint32_t y = 0;
  std::memcpy(&x, &a, sizeof x);
  std::memcpy(&y, &b, sizeof y);
  return x == y;
}

/// Whether the candidates at `rank` and rank + 1 are the left and right side
/// of one muscle with the same score.
inline bool both_sides_at(const Assessment& a, std::size_t rank) {
  if (rank + 1 >= a.candidate_count())
    return false;
  const RankedCandidate l = a.candidate(rank);
  const RankedCandidate r = a.candidate(rank + 1);
  const Candidate& cl = a.kb().candidates()[l.candidate];
  const Candidate& cr = a.kb().candidates()[r.candidate];
  return cl.muscle == cr.muscle && cl.side == Side::left && cr.side == Side::right &&
         same_score(l.score, r.score);
}

/// Every entry of the ranking, most likely first.
inline std::vector<TieEntry> tie_entries(const Assessment& a) {
  std::vector<TieEntry> out;
  for (std::size_t rank = 0; rank < a.candidate_count(); ++rank) {
    const bool pair = both_sides_at(a, rank);
    out.push_back(TieEntry{rank, pair});
    if (pair)
      ++rank;
  }
  return out;
}

/// The other entries with exactly the same score as entries[i], in order.
inline std::vector<TieEntry> tied_with(const Assessment& a, const std::vector<TieEntry>& entries,
                                       std::size_t i) {
  std::vector<TieEntry> out;
  const float score = a.candidate(entries[i].rank).score;
  for (std::size_t j = 0; j < entries.size(); ++j) {
    if (j != i && same_score(a.candidate(entries[j].rank).score, score))
      out.push_back(entries[j]);
  }
  return out;
}

/// One entry of the cover as a report says it: a candidate, or (both_sides)
/// both sides of its muscle, when the cover holds both.
struct CoverEntry {
  CandidateIndex candidate = 0;
  bool both_sides = false;
};

inline std::vector<CoverEntry> cover_entries(const Assessment& a) {
  const KnowledgeBase& kb = a.kb();
  const auto cover = a.cover();
  std::vector<CoverEntry> out;
  for (std::size_t i = 0; i < cover.size(); ++i) {
    const CandidateIndex other = kb.mirror_candidate(cover[i]);
    bool said = false;
    bool both = false;
    for (std::size_t j = 0; j < cover.size(); ++j) {
      if (cover[j] == other && other != cover[i]) {
        both = true;
        said = j < i;
      }
    }
    if (!said)
      out.push_back(CoverEntry{cover[i], both});
  }
  return out;
}

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_TIES_HPP
