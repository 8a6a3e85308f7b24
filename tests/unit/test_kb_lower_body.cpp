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

#include "test_kb_typical.hpp"

using namespace myoref;
using namespace myoref::assess_test;

namespace {

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
  check_ranks_among_first_three(typical_cases());
}

TEST_CASE(
    "every leg and foot muscle added for issue #17 has the three steps, a chart and a hands-only "
    "release first",
    "[kb][builtin][lower_body]") {
  check_complete(typical_cases());
}
