// How a trigger point's side relation maps its zone onto region keys, on a
// small knowledge base (tests/data/kb/minimal.json) with the relation changed
// to each of same / opposite / both, and a midline muscle.
#include <string>

#include <boost/json.hpp>

#include "test_assess_support.hpp"

using namespace myoref;
using namespace myoref::assess_test;

namespace {

/// The minimal knowledge base with gluteus medius's posterior trigger point
/// (essential: iliac crest, sacrum; spillover: upper buttock) referring `relation`.
KnowledgeBase minimal_with(const std::string& relation) {
  auto doc = boost::json::parse(read_text(MYOREF_TEST_DATA "/data/kb/minimal.json"));
  auto& muscles = doc.at("muscles").as_array();
  for (auto& m : muscles) {
    if (m.at("id") != "gluteus_medius")
      continue;
    for (auto& tp : m.at("trigger_points").as_array()) {
      if (tp.at("id") == "posterior")
        tp.as_object()["side"] = relation;
    }
  }
  auto kb = KnowledgeBase::from_json(boost::json::serialize(doc));
  if (!kb)
    FAIL(kb.error().to_string());
  return *kb;
}

std::vector<std::string> explained_by(const Assessment& a, std::string_view candidate_key) {
  const KnowledgeBase& kb = a.kb();
  for (std::size_t r = 0; r < a.candidate_count(); ++r) {
    const RankedCandidate c = a.candidate(r);
    if (kb.candidates()[c.candidate].key != candidate_key)
      continue;
    std::vector<std::string> keys;
    for (const RegionKeyIndex k : c.explained)
      keys.push_back(kb.region_keys()[k].key);
    return keys;
  }
  return {};
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("side relation same: the zone is on the muscle's side", "[assess][sides]") {
  const KnowledgeBase kb = minimal_with("same");
  const Assessment a = assessed(kb, drawing(kb, {{"iliac_crest:left", 5},
                                                 {"iliac_crest:right", 5},
                                                 {"buttock_upper:left", 3},
                                                 {"sacrum", 4}}));
  CHECK(explained_by(a, "gluteus_medius:left") ==
        Keys{"iliac_crest:left", "buttock_upper:left", "sacrum"});
  CHECK(explained_by(a, "gluteus_medius:right") == Keys{"iliac_crest:right", "sacrum"});
}

TEST_CASE("side relation opposite: the zone is on the other side", "[assess][sides]") {
  const KnowledgeBase kb = minimal_with("opposite");
  const Assessment a = assessed(
      kb, drawing(kb, {{"iliac_crest:right", 5}, {"buttock_upper:right", 3}, {"sacrum", 4}}));
  // The left muscle refers to the right crest (essential) and right upper
  // buttock (spillover); the midline sacrum ignores the relation.
  CHECK(explained_by(a, "gluteus_medius:left") ==
        Keys{"iliac_crest:right", "buttock_upper:right", "sacrum"});
  CHECK(explained_by(a, "gluteus_medius:right") == Keys{"sacrum"});
  CHECK(a.scores()[candidate(kb, "gluteus_medius:left")] >
        a.scores()[candidate(kb, "gluteus_medius:right")]);
  REQUIRE_FALSE(a.cover().empty());
  CHECK(kb.candidates()[a.cover()[0]].key == "gluteus_medius:left");
}

TEST_CASE("side relation both: the zone is on both sides", "[assess][sides]") {
  const KnowledgeBase kb = minimal_with("both");
  const Intake intake =
      drawing(kb, {{"iliac_crest:left", 5}, {"iliac_crest:right", 5}, {"sacrum", 5}});
  const Assessment a = assessed(kb, intake);
  const Keys all{"iliac_crest:left", "iliac_crest:right", "sacrum"};
  CHECK(explained_by(a, "gluteus_medius:left") == all);
  CHECK(explained_by(a, "gluteus_medius:right") == all);
  // The whole zone is drawn: both sides fit perfectly, equally.
  CHECK(a.candidate(0).parts.drawing_fit == 1.0F);
  CHECK(a.candidate(0).score == a.candidate(1).score);
  CHECK(a.candidate(0).tied);
  CHECK(a.candidate(1).tied);
  // Either side explains everything, equally: the cover takes both sides
  // together, left first, rather than one chosen by name.
  REQUIRE(a.cover().size() == 2);
  CHECK(kb.candidates()[a.cover()[0]].key == "gluteus_medius:left");
  CHECK(kb.candidates()[a.cover()[1]].key == "gluteus_medius:right");
}

TEST_CASE("a midline muscle is one candidate that refers to both sides", "[assess][sides]") {
  const KnowledgeBase kb = minimal_with("same");
  const CandidateIndex pelvic_floor = candidate(kb, "pelvic_floor");
  CHECK(kb.candidates()[pelvic_floor].side == Side::none);
  const Assessment a = assessed(kb, drawing(kb, {{"perineum", 6}, {"sacrum", 3}}));
  REQUIRE(a.candidate_count() > 0);
  CHECK(a.candidate(0).candidate == pelvic_floor);
  CHECK(explained_by(a, "pelvic_floor") == Keys{"sacrum", "perineum"});
  const auto doc = boost::json::parse(a.to_json());
  const auto& first = doc.at("candidates").at(0);
  CHECK(first.at("key") == "pelvic_floor");
  CHECK(first.at("side").is_null());
}

TEST_CASE("scores in a small knowledge base follow the documented formula", "[assess][sides]") {
  const KnowledgeBase kb = minimal_with("same");
  // iliac crest 6 and upper buttock 3 on the left; nothing else.
  const Assessment a =
      assessed(kb, drawing(kb, {{"iliac_crest:left", 6}, {"buttock_upper:left", 3}}));
  const CandidateIndex gm = candidate(kb, "gluteus_medius:left");
  // E = (6 x 1 + 3 x 0.5) / 9; K = best trigger point: posterior {crest 1.0, sacrum 0} / 2 = 0.5;
  // D = E (0.25 + 0.75 K); score = 0.9 D with no findings.
  const float e = (6.0F + 1.5F) / 9.0F;
  const float k = 0.5F;
  const float d = e * (0.25F + 0.75F * k);
  REQUIRE(a.candidate_count() == 1);
  CHECK(a.candidate(0).candidate == gm);
  CHECK(a.candidate(0).parts.explained_share == Approx(e));
  CHECK(a.candidate(0).parts.essential_coverage == Approx(k));
  CHECK(a.candidate(0).parts.drawing_fit == Approx(d));
  CHECK(a.scores()[gm] == Approx(0.9F * d));

  // Confirming walking (weight 0.6) multiplies the odds by exp(1.0 x 0.6);
  // denying it, by exp(-1.0 x 0.5 x 0.6); sitting_long (weight -0.2) counts against.
  const auto odds = [](float s) {
    const double p = static_cast<double>(s);
    return p / (1 - p);
  };
  Intake walking = drawing(kb, {{"iliac_crest:left", 6}, {"buttock_upper:left", 3}});
  walking.findings = {finding(kb, "walking")};
  const float p = 0.9F * d;
  CHECK(odds(assessed(kb, walking).scores()[gm]) == Approx(odds(p) * std::exp(0.6)).epsilon(1e-4));
  Intake denied = walking;
  denied.findings.clear();
  denied.denied = {finding(kb, "walking")};
  CHECK(odds(assessed(kb, denied).scores()[gm]) == Approx(odds(p) * std::exp(-0.3)).epsilon(1e-4));
  Intake sitting = denied;
  sitting.denied.clear();
  sitting.findings = {finding(kb, "sitting_long")};
  CHECK(odds(assessed(kb, sitting).scores()[gm]) == Approx(odds(p) * std::exp(-0.2)).epsilon(1e-4));
  Intake against_denied = sitting;
  against_denied.findings.clear();
  against_denied.denied = {finding(kb, "sitting_long")};
  CHECK(assessed(kb, against_denied).scores()[gm] == a.scores()[gm]);
}
