// Helpers shared by the assessment tests (tests/unit/test_assess*.cpp).
#ifndef MYOREF_TESTS_UNIT_TEST_ASSESS_SUPPORT_HPP
#define MYOREF_TESTS_UNIT_TEST_ASSESS_SUPPORT_HPP

#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "myoref/myoref.hpp"
#include "support.hpp"

namespace myoref::assess_test {

using test::read_text;

/// The built-in knowledge base (tests/support). The tests below are about the
/// real referral patterns, so an empty catalogue is a failure, not a pass.
inline const KnowledgeBase& default_kb() {
  const KnowledgeBase& kb = test::default_kb();
  REQUIRE(kb.muscles().size() >= 20);
  return kb;
}

inline RegionKeyIndex key(const KnowledgeBase& kb, std::string_view text) {
  const auto k = kb.find_region_key(text);
  INFO("region key " << text);
  REQUIRE(k);
  return *k;
}

inline FindingIndex finding(const KnowledgeBase& kb, std::string_view id) {
  const auto f = kb.find_finding(id);
  INFO("finding " << id);
  REQUIRE(f);
  return *f;
}

inline RedFlagIndex red_flag(const KnowledgeBase& kb, std::string_view id) {
  const auto f = kb.find_red_flag(id);
  INFO("red flag " << id);
  REQUIRE(f);
  return *f;
}

inline CandidateIndex candidate(const KnowledgeBase& kb, std::string_view text) {
  const auto c = kb.find_candidate(text);
  INFO("candidate " << text);
  REQUIRE(c);
  return *c;
}

/// An intake from "region:side" / intensity pairs.
inline Intake drawing(const KnowledgeBase& kb,
                      std::initializer_list<std::pair<std::string_view, int>> marks) {
  Intake intake;
  for (const auto& [text, intensity] : marks)
    intake.pain.push_back({key(kb, text), intensity});
  return intake;
}

inline Assessment assessed(const KnowledgeBase& kb, const Intake& intake) {
  auto a = assess(kb, intake);
  if (!a)
    FAIL(a.error().to_string());
  return *a;
}

/// The region keys a candidate's trigger points refer to in their essential
/// zones, worked out here from the model (not from the scoring tables), so
/// the tests check the compiled tables rather than repeat them.
inline std::vector<RegionKeyIndex> essential_keys(const KnowledgeBase& kb, CandidateIndex c,
                                                  bool spillover = false) {
  const Candidate& cand = kb.candidates()[c];
  const Muscle& muscle = kb.muscles()[cand.muscle];
  std::vector<RegionKeyIndex> out;
  for (const TriggerPoint& tp : muscle.trigger_points) {
    for (const RegionIndex r : spillover ? tp.spillover : tp.essential) {
      if (kb.regions()[r].laterality == Laterality::midline) {
        out.push_back(*kb.find_region_key(r, Side::none));
      } else if (cand.side == Side::none || tp.side == SideRelation::both ||
                 tp.side == SideRelation::midline) {
        out.push_back(*kb.find_region_key(r, Side::left));
        out.push_back(*kb.find_region_key(r, Side::right));
      } else {
        const Side s = tp.side == SideRelation::opposite ? mirror(cand.side) : cand.side;
        out.push_back(*kb.find_region_key(r, s));
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Whether region key `a` is a coarse region's key that covers part key `b`,
/// worked out from the model (Region::parts and the sides): a paired coarse
/// region covers its paired parts on its own side and its midline parts; a
/// midline one covers its parts on both sides.
inline bool covers(const KnowledgeBase& kb, RegionKeyIndex a, RegionKeyIndex b) {
  const RegionKey& ka = kb.region_keys()[a];
  const RegionKey& kp = kb.region_keys()[b];
  const auto& parts = kb.regions()[ka.region].parts;
  if (std::find(parts.begin(), parts.end(), kp.region) == parts.end())
    return false;
  return ka.side == Side::none || kp.side == Side::none || ka.side == kp.side;
}

/// Whether two marks may not be drawn together: the same key, or a coarse
/// key and one of its own parts (the intake refuses both).
inline bool clashes(const KnowledgeBase& kb, RegionKeyIndex a, RegionKeyIndex b) {
  return a == b || covers(kb, a, b) || covers(kb, b, a);
}

/// essential_keys widened as the scoring tables widen zones: with the parts of
/// the coarse keys listed and the coarse keys of the parts listed. The keys a
/// candidate's zones answer (explain), from the model.
inline std::vector<RegionKeyIndex> answered_keys(const KnowledgeBase& kb, CandidateIndex c,
                                                 bool spillover = false) {
  const std::vector<RegionKeyIndex> listed = essential_keys(kb, c, spillover);
  std::vector<RegionKeyIndex> out = listed;
  for (RegionKeyIndex k = 0; k < kb.region_keys().size(); ++k) {
    for (const RegionKeyIndex l : listed) {
      if (covers(kb, k, l) || covers(kb, l, k))
        out.push_back(k);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Makes a dense row one an intake can hold: where a coarse key and one of
/// its own parts are both painful, the part is left out (set to 0).
template <class T>
void drop_clashes(const KnowledgeBase& kb, T* row) {
  const std::size_t nr = kb.region_keys().size();
  for (std::size_t a = 0; a < nr; ++a) {
    if (!(row[a] > T(0)))
      continue;
    for (std::size_t b = 0; b < nr; ++b) {
      if (row[b] > T(0) &&
          covers(kb, static_cast<RegionKeyIndex>(a), static_cast<RegionKeyIndex>(b)))
        row[b] = T(0);
    }
  }
}

/// A random drawing of 1..max_marks painful region keys, and random answers.
inline Intake random_intake(const KnowledgeBase& kb, std::mt19937& rng, int max_marks = 8,
                            bool with_findings = true) {
  Intake intake;
  const auto nr = static_cast<int>(kb.region_keys().size());
  std::uniform_int_distribution<int> marks(1, max_marks);
  std::uniform_int_distribution<int> region(0, nr - 1);
  std::uniform_int_distribution<int> intensity(0, 10);
  const int n = marks(rng);
  std::vector<int> used;
  while (static_cast<int>(intake.pain.size()) < n) {
    const int r = region(rng);
    const bool clash = std::any_of(used.begin(), used.end(), [&](int u) {
      return clashes(kb, static_cast<RegionKeyIndex>(u), static_cast<RegionKeyIndex>(r));
    });
    if (clash)
      continue;
    used.push_back(r);
    intake.pain.push_back({static_cast<RegionKeyIndex>(r), intensity(rng)});
  }
  if (with_findings) {
    std::uniform_int_distribution<int> answer(0, 3);  // unknown twice as often
    for (std::size_t f = 0; f < kb.findings().size(); ++f) {
      const int a = answer(rng);
      if (a == 1)
        intake.findings.push_back(static_cast<FindingIndex>(f));
      if (a == 2)
        intake.denied.push_back(static_cast<FindingIndex>(f));
    }
  }
  return intake;
}

/// The same intake drawn on the other side of the body.
inline Intake mirrored(const KnowledgeBase& kb, Intake intake) {
  for (PainMark& m : intake.pain)
    m.region_key = kb.mirror(m.region_key);
  return intake;
}

}  // namespace myoref::assess_test

#endif  // MYOREF_TESTS_UNIT_TEST_ASSESS_SUPPORT_HPP
