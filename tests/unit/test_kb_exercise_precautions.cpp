// The built-in knowledge base's exercises against the precautions: every
// exercise states what rules it out, and each muscle keeps something to offer
// in every step under each precaution, except for the combinations listed
// below, which are empty on purpose (the plan reports an empty step).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "myoref/kb.hpp"
#include "support.hpp"
#include "util/json.hpp"

namespace myoref::detail {
extern const char kDefaultKbJson[];
extern const std::size_t kDefaultKbJson_size;
}  // namespace myoref::detail

namespace json = boost::json;
using myoref::KnowledgeBase;
using myoref::Step;

namespace {

const KnowledgeBase& builtin() {
  return myoref::test::default_kb();
}

using Combination = std::tuple<std::string, std::string, std::string>;  // muscle, step, precaution

// Empty on purpose: every exercise of the step does what the precaution's
// "changes" forbid, and there is no safe self-care substitute.
const std::set<Combination>& empty_on_purpose() {
  static const std::set<Combination> combinations{
      // Pressure near the belly (the gentle iliacus approach is the only release left).
      {"iliopsoas", "release", "blood_thinners"},
      {"iliopsoas", "release", "pregnant"},
      // The belly wall: no pressure on it, no deep abdominal work, no lying on it.
      {"abdominal_obliques", "release", "pregnant"},
      {"rectus_abdominis", "release", "pregnant"},
      {"rectus_abdominis", "stretch", "pregnant"},
      {"rectus_abdominis", "strengthen", "pregnant"},
      // Back extensors stretch by bending the spine forward.
      {"iliocostalis_lumborum", "stretch", "fragile_bones"},
      {"longissimus_thoracis", "stretch", "fragile_bones"},
      {"multifidus", "stretch", "fragile_bones"},
      // Hip replacement: these stretches cross the legs, turn the hip in or bend it past a
      // right angle, and these releases press over the hip: the surgical team decides.
      {"biceps_femoris", "stretch", "hip_replacement"},
      {"gluteus_maximus", "stretch", "hip_replacement"},
      {"gluteus_medius", "stretch", "hip_replacement"},
      {"gluteus_minimus", "release", "hip_replacement"},
      {"gluteus_minimus", "stretch", "hip_replacement"},
      {"piriformis", "release", "hip_replacement"},
      {"piriformis", "stretch", "hip_replacement"},
      {"tensor_fasciae_latae", "release", "hip_replacement"},
      {"tensor_fasciae_latae", "stretch", "hip_replacement"},
  };
  return combinations;
}

}  // namespace

TEST_CASE("every exercise of the bundled knowledge base states what rules it out",
          "[kb][builtin][precautions]") {
  const json::value doc = json::parse(
      json::string_view(myoref::detail::kDefaultKbJson, myoref::detail::kDefaultKbJson_size));
  const json::array& exercises = doc.at("exercises").as_array();
  REQUIRE_FALSE(exercises.empty());
  for (const json::value& e : exercises) {
    INFO("exercise " << json::serialize(e.at("id")));
    CHECK(e.as_object().contains("ruled_out_by"));
  }
}

TEST_CASE("under each precaution every muscle keeps an exercise in every step, or says why not",
          "[kb][builtin][precautions]") {
  const KnowledgeBase kb = builtin();
  REQUIRE(kb.precautions().size() == 6);
  std::set<Combination> empty;
  for (const auto& muscle : kb.muscles()) {
    for (int s = 0; s < myoref::kStepCount; ++s) {
      const auto& ids = muscle.protocol[s];
      for (std::size_t p = 0; p < kb.precautions().size(); ++p) {
        const bool any = std::any_of(ids.begin(), ids.end(), [&](myoref::ExerciseIndex e) {
          const auto& ruled = kb.exercises()[e].ruled_out_by;
          return std::find(ruled.begin(), ruled.end(), p) == ruled.end();
        });
        if (!any) {
          empty.emplace(muscle.id, std::string(myoref::to_string(static_cast<Step>(s))),
                        kb.precautions()[p].id);
        }
      }
    }
  }
  for (const auto& [muscle, step, precaution] : empty)
    UNSCOPED_INFO("empty: " << muscle << " / " << step << " / " << precaution);
  CHECK(empty == empty_on_purpose());
}

TEST_CASE("recent surgery is general advice: it rules out no exercise on its own",
          "[kb][builtin][precautions]") {
  const KnowledgeBase kb = builtin();
  const auto recent = kb.find_precaution("recent_surgery");
  REQUIRE(recent);
  for (const auto& e : kb.exercises()) {
    INFO("exercise " << e.id);
    CHECK(std::find(e.ruled_out_by.begin(), e.ruled_out_by.end(), *recent) == e.ruled_out_by.end());
  }
}

TEST_CASE("the easiest release of every muscle is done with the hands, without a tool",
          "[kb][builtin][precautions]") {
  const KnowledgeBase kb = builtin();
  const auto release = static_cast<int>(Step::release);
  for (const auto& muscle : kb.muscles()) {
    if (muscle.id == "pelvic_floor")
      continue;  // a soft ball to sit on, or a pelvic health therapist
    for (const auto e : muscle.protocol[release]) {
      auto end = e;
      for (std::size_t guard = 0; kb.exercises()[end].regression && guard < 64; ++guard)
        end = *kb.exercises()[end].regression;
      INFO(muscle.id << ": " << kb.exercises()[e].id << " regresses to " << kb.exercises()[end].id);
      const auto& equipment = kb.exercises()[end].equipment;
      CHECK(std::find(equipment.begin(), equipment.end(), "hands") != equipment.end());
      for (const char* tool : {"massage_ball", "foam_roller", "hooked_pressure_tool", "therapist"})
        CHECK(std::find(equipment.begin(), equipment.end(), tool) == equipment.end());
    }
  }
}

TEST_CASE("release doses follow their sources: short holds, once a day, no hard pressure",
          "[kb][builtin][dose]") {
  // Trigger-point pressure release is gentle sustained pressure until the
  // tension yields, typically well under a minute (donnelly2019); rolling is
  // 30 to 120 seconds a region (cheatham2015). Nothing twice a day.
  const KnowledgeBase kb = builtin();
  std::size_t releases = 0;
  for (const auto& e : kb.exercises()) {
    if (e.step != Step::release)
      continue;
    ++releases;
    INFO(e.id);
    if (e.dose.hold_seconds)
      CHECK(*e.dose.hold_seconds <= 30);
    if (e.dose.duration_seconds && e.dose.frequency == "daily")
      CHECK(*e.dose.duration_seconds <= 120);
    CHECK(e.dose.frequency.find("twice") == std::string::npos);
    CHECK(e.dose.frequency.find("times a day") == std::string::npos);
    for (const auto& line : e.instructions) {
      CHECK(line.find("hard") == std::string::npos);
      CHECK(line.find("firm pressure") == std::string::npos);
    }
  }
  CHECK(releases > 24);
}
