// Typical cases of muscles added to the knowledge base, and the two checks
// each group of them gets (tests/unit/test_kb_upper_body.cpp and
// test_kb_lower_body.cpp): a typical drawing with a typical history ranks the
// muscle among the first three, and the muscle is complete (the three steps,
// a hands-only release first, a chart on each side).
#ifndef MYOREF_TESTS_UNIT_TEST_KB_TYPICAL_HPP
#define MYOREF_TESTS_UNIT_TEST_KB_TYPICAL_HPP

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "test_assess_support.hpp"

namespace myoref::assess_test {

struct TypicalCase {
  std::string_view muscle;
  std::vector<std::pair<std::string_view, int>> pain;  // "region:side", intensity
  std::vector<std::string_view> findings;
};

inline void check_ranks_among_first_three(const std::vector<TypicalCase>& cases) {
  const KnowledgeBase& kb = default_kb();
  for (const TypicalCase& tc : cases) {
    INFO("muscle " << tc.muscle);
    const auto muscle = kb.find_muscle(tc.muscle);
    REQUIRE(muscle);
    const auto expected = kb.find_candidate(*muscle, Side::right);
    REQUIRE(expected);
    Intake intake;
    for (const auto& [text, intensity] : tc.pain)
      intake.pain.push_back({key(kb, text), intensity});
    for (const auto id : tc.findings)
      intake.findings.push_back(finding(kb, id));
    const Assessment a = assessed(kb, intake);
    std::size_t rank = a.candidate_count();
    for (std::size_t r = 0; r < a.candidate_count(); ++r) {
      if (a.candidate(r).candidate == *expected)
        rank = r;
    }
    INFO("first is " << kb.candidates()[a.candidate(0).candidate].key);
    CHECK(rank < 3);
  }
}

inline void check_complete(const std::vector<TypicalCase>& cases) {
  const KnowledgeBase& kb = default_kb();
  for (const TypicalCase& tc : cases) {
    INFO("muscle " << tc.muscle);
    const auto m = kb.find_muscle(tc.muscle);
    REQUIRE(m);
    const Muscle& muscle = kb.muscles()[*m];
    for (int s = 0; s < kStepCount; ++s)
      CHECK_FALSE(muscle.protocol[s].empty());
    const auto& release = muscle.protocol[static_cast<int>(Step::release)];
    REQUIRE_FALSE(release.empty());
    const auto& first = kb.exercises()[release.front()].equipment;
    CHECK(std::find(first.begin(), first.end(), "hands") != first.end());
    for (const Side side : {Side::left, Side::right}) {
      const auto c = kb.find_candidate(*m, side);
      REQUIRE(c);
      const auto svg = render_muscle_svg(kb, *c);
      REQUIRE(svg);
      CHECK(svg->find("<svg") != std::string::npos);
    }
  }
}

}  // namespace myoref::assess_test

#endif  // MYOREF_TESTS_UNIT_TEST_KB_TYPICAL_HPP
