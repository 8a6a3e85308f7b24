// The upper-body muscles (issue #17): each is complete (three steps, a chart),
// and a typical drawing of where it sends pain, with a typical history,
// ranks it among the first three. The drawings follow the referral patterns
// of Travell & Simons (donnelly2019), drawn on the right side.
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
      {"upper_trapezius",
       {{"neck_lateral:right", 6}, {"temple:right", 5}, {"shoulder_top:right", 4}},
       {"desk_work", "carrying_on_shoulder", "headache"}},
      {"levator_scapulae",
       {{"neck_posterior:right", 6}, {"shoulder_top:right", 5}, {"scapula_medial:right", 3}},
       {"turning_head", "desk_work"}},
      {"sternocleidomastoid",
       {{"eye:right", 5},
        {"cheek:right", 4},
        {"forehead:right", 4},
        {"occiput:right", 3},
        {"ear:right", 3}},
       {"headache"}},
      {"splenius", {{"vertex", 6}, {"eye:right", 4}}, {"headache", "turning_head"}},
      {"suboccipitals",
       {{"occiput:right", 6}, {"temple:right", 4}, {"eye:right", 4}},
       {"headache", "desk_work"}},
      {"scalenes",
       {{"chest_upper:right", 5},
        {"upper_arm_front:right", 4},
        {"upper_arm_back:right", 3},
        {"thumb:right", 3},
        {"fingers_radial:right", 3},
        {"scapula_medial:right", 3}},
       {"deep_breath", "lifting_carrying"}},
      {"infraspinatus",
       {{"shoulder_front:right", 7}, {"upper_arm_front:right", 4}, {"upper_arm_lateral:right", 3}},
       {"reaching_behind_back", "lying_on_painful_side"}},
      {"supraspinatus",
       {{"shoulder_lateral:right", 6}, {"upper_arm_lateral:right", 4}, {"elbow_lateral:right", 3}},
       {"overhead_reaching", "lifting_carrying"}},
      {"posterior_cervical",
       {{"neck_posterior:right", 6},
        {"occiput:right", 5},
        {"temple:right", 3},
        {"forehead:right", 3}},
       {"looking_down", "desk_work", "headache"}},
      {"middle_trapezius",
       {{"scapula_medial:right", 6}, {"shoulder_top:right", 3}},
       {"desk_work", "typing_mouse"}},
      {"lower_trapezius",
       {{"neck_posterior:right", 4},
        {"occiput:right", 4},
        {"shoulder_top:right", 5},
        {"scapula_medial:right", 3}},
       {"desk_work", "overhead_reaching"}},
      {"rhomboids", {{"scapula_medial:right", 6}}, {"desk_work", "overhead_reaching"}},
      {"masseter",
       {{"cheek:right", 5}, {"jaw:right", 6}, {"teeth_lower:right", 4}, {"ear:right", 3}},
       {"jaw_clenching", "chewing"}},
      {"temporalis",
       {{"temple:right", 6}, {"eye:right", 4}, {"teeth_upper:right", 3}},
       {"headache", "jaw_clenching"}},
      {"teres_minor",
       {{"shoulder_back:right", 6}, {"upper_arm_back:right", 3}},
       {"lying_on_painful_side", "reaching_behind_back"}},
      {"subscapularis",
       {{"shoulder_back:right", 7},
        {"scapula:right", 4},
        {"wrist_back:right", 4},
        {"wrist_front:right", 3}},
       {"overhead_reaching"}},
      {"deltoid",
       {{"shoulder_front:right", 5}, {"shoulder_lateral:right", 6}},
       {"lifting_carrying", "onset_new_activity"}},
      {"pectoralis_major",
       {{"chest_upper:right", 6},
        {"shoulder_front:right", 5},
        {"upper_arm_medial:right", 3},
        {"breast:right", 3}},
       {"lifting_carrying", "desk_work"}},
      {"pectoralis_minor",
       {{"shoulder_front:right", 6},
        {"chest_upper:right", 5},
        {"upper_arm_medial:right", 3},
        {"fingers_ulnar:right", 2}},
       {"deep_breath", "overhead_reaching", "desk_work"}},
      {"latissimus_dorsi",
       {{"scapula_lower:right", 6},
        {"shoulder_back:right", 3},
        {"upper_arm_back:right", 3},
        {"fingers_ulnar:right", 2}},
       {"overhead_reaching", "lifting_carrying"}},
      {"lateral_pterygoid", {{"jaw:right", 6}, {"cheek:right", 5}}, {"chewing", "jaw_click_lock"}},
      {"medial_pterygoid",
       {{"jaw:right", 5}, {"ear:right", 5}, {"throat", 3}},
       {"chewing", "jaw_clenching"}},
      {"forearm_flexors",
       {{"wrist_front:right", 5},
        {"fingers_radial:right", 5},
        {"fingers_ulnar:right", 4},
        {"palm:right", 4},
        {"forearm_front:right", 3}},
       {"gripping"}},
      {"thumb_muscles",
       {{"thumb:right", 6}, {"wrist_front:right", 4}, {"palm:right", 3}},
       {"pinching_thumb", "gripping"}},
      {"hand_interossei",
       {{"fingers_radial:right", 6}, {"hand_back:right", 3}},
       {"pinching_thumb", "typing_mouse"}},
      {"serratus_anterior",
       {{"chest_lateral:right", 6}, {"scapula_lower:right", 4}, {"upper_arm_medial:right", 2}},
       {"deep_breath", "running"}},
      {"serratus_posterior_superior",
       {{"scapula:right", 6},
        {"shoulder_back:right", 4},
        {"upper_arm_back:right", 3},
        {"fingers_ulnar:right", 2}},
       {"desk_work", "cough_sneeze"}},
      {"thoracic_paraspinals",
       {{"thoracic_paraspinal:right", 6}, {"scapula_medial:right", 4}, {"chest_lateral:right", 2}},
       {"bending_forward", "lifting_carrying"}},
      {"abdominal_obliques",
       {{"abdomen_lower:right", 5}, {"groin:right", 5}},
       {"cough_sneeze", "onset_new_activity"}},
      {"teres_major",
       {{"shoulder_back:right", 6}, {"upper_arm_back:right", 5}},
       {"overhead_reaching"}},
      {"coracobrachialis",
       {{"shoulder_front:right", 6},
        {"upper_arm_back:right", 4},
        {"forearm_back:right", 3},
        {"hand_back:right", 3}},
       {"reaching_behind_back", "overhead_reaching"}},
      {"biceps_brachii",
       {{"shoulder_front:right", 6}, {"upper_arm_front:right", 5}},
       {"lifting_carrying", "overhead_reaching"}},
      {"brachialis", {{"thumb:right", 6}, {"upper_arm_front:right", 3}}, {"lifting_carrying"}},
      {"triceps_brachii",
       {{"upper_arm_back:right", 6}, {"elbow_back:right", 5}, {"shoulder_back:right", 3}},
       {"onset_new_activity", "lifting_carrying"}},
      {"brachioradialis",
       {{"wrist_back:right", 5},
        {"thumb:right", 6},
        {"elbow_lateral:right", 4},
        {"forearm_back:right", 3}},
       {"gripping"}},
      {"wrist_extensors",
       {{"elbow_lateral:right", 6}, {"forearm_back:right", 4}, {"hand_back:right", 3}},
       {"gripping", "typing_mouse"}},
      {"finger_extensors",
       {{"forearm_back:right", 5}, {"hand_back:right", 5}, {"fingers_radial:right", 6}},
       {"typing_mouse", "gripping"}},
      {"supinator",
       {{"elbow_lateral:right", 6}, {"thumb:right", 4}, {"forearm_back:right", 3}},
       {"lifting_carrying", "gripping"}},
  };
  return cases;
}

}  // namespace

TEST_CASE("a typical drawing of each upper-body muscle ranks it among the first three",
          "[kb][builtin][upper_body]") {
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

TEST_CASE("every upper-body muscle has the three steps, a chart and a hands-only release first",
          "[kb][builtin][upper_body]") {
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
