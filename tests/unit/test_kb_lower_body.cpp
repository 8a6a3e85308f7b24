// The leg and foot muscles added for issue #17 (vastus intermedius, gracilis,
// sartorius, popliteus, tibialis posterior, the long toe extensors and
// flexors, the superficial muscles of the sole): each is complete (three
// steps, a chart), and a typical drawing of where it sends pain, with a
// typical history, ranks it among the first three. The drawings follow the
// referral patterns of Travell & Simons (donnelly2019), drawn on the right
// side.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "test_assess_support.hpp"

using namespace myoref;
using namespace myoref::assess_test;

namespace {

struct TypicalCase {
  std::string_view muscle;
  std::vector<std::pair<std::string_view, int>> pain;  // "region:side", intensity
  std::vector<std::string_view> findings;
};

const std::vector<TypicalCase>& typical_cases() {
  static const std::vector<TypicalCase> cases = {
      {"vastus_intermedius", {{"thigh_anterior:right", 6}}, {"stairs", "sit_to_stand", "walking"}},
      {"gracilis",
       {{"thigh_medial:right", 6}, {"knee_medial:right", 2}},
       {"lateral_sports", "onset_new_activity"}},
      {"sartorius",
       {{"thigh_anterior:right", 4}, {"thigh_medial:right", 5}, {"knee_medial:right", 4}},
       {"crossing_legs", "onset_fall"}},
      {"popliteus", {{"knee_posterior:right", 6}}, {"running", "onset_new_activity"}},
      {"tibialis_posterior",
       {{"achilles:right", 6}, {"calf_lower:right", 3}, {"foot_sole:right", 3}},
       {"running", "walking"}},
      {"long_toe_extensors",
       {{"foot_dorsum:right", 6}, {"toes:right", 4}, {"ankle_front:right", 2}},
       {"walking", "running"}},
      {"long_toe_flexors",
       {{"foot_sole:right", 6}, {"big_toe:right", 4}},
       {"walking", "running", "standing_long"}},
      {"foot_intrinsics",
       {{"foot_sole:right", 6}, {"heel:right", 5}},
       {"walking", "standing_long"}},
  };
  return cases;
}

}  // namespace

TEST_CASE(
    "a typical drawing of each leg and foot muscle added for issue #17 ranks it among the first "
    "three",
    "[kb][builtin][lower_body]") {
  const KnowledgeBase& kb = default_kb();
  for (const TypicalCase& tc : typical_cases()) {
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

TEST_CASE(
    "every leg and foot muscle added for issue #17 has the three steps, a chart and a hands-only "
    "release first",
    "[kb][builtin][lower_body]") {
  const KnowledgeBase& kb = default_kb();
  for (const TypicalCase& tc : typical_cases()) {
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
