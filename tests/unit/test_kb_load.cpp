// Loading a valid knowledge base: the model, the sides, the lookups, the
// chart's mirrored right side, the canonical form and the hash.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "kb/kb_writer.hpp"
#include "myoref/kb.hpp"
#include "support.hpp"
#include "util/json.hpp"
#include "util/sha256.hpp"

using myoref::Candidate;
using myoref::KnowledgeBase;
using myoref::Side;
using myoref::test::minimal_kb_text;

namespace {

KnowledgeBase minimal() {
  auto kb = KnowledgeBase::from_json(minimal_kb_text());
  if (!kb)
    FAIL(kb.error().to_string());
  return *kb;
}

}  // namespace

TEST_CASE("minimal.json loads with every part resolved", "[kb]") {
  const KnowledgeBase kb = minimal();
  CHECK(kb.id() == "myoref-test-minimal");
  CHECK(kb.version() == "1.0.0");
  CHECK(kb.citations().size() == 3);
  CHECK(kb.regions().size() == 7);
  CHECK(kb.findings().size() == 3);
  CHECK(kb.red_flags().size() == 2);
  CHECK(kb.muscles().size() == 3);
  CHECK(kb.exercises().size() == 10);
  CHECK(kb.age_rule().younger_than == 20);
  CHECK(kb.age_rule().older_than == 55);
  CHECK(kb.age_rule().max_duration_days == 42);
  CHECK(kb.age_rule().level == myoref::TriageLevel::see_clinician);
  CHECK(kb.red_flags()[0].level == myoref::TriageLevel::emergency);

  const auto& gm = kb.muscles()[0];
  CHECK(gm.fma == "22315");
  CHECK(gm.uberon.empty());
  REQUIRE(gm.findings.size() == 2);
  CHECK(kb.findings()[gm.findings[0].finding].id == "walking");
  CHECK(gm.findings[0].weight == Approx(0.6));
  CHECK(gm.findings[1].weight == Approx(-0.2));
  REQUIRE(gm.trigger_points.size() == 2);
  const auto& tp = gm.trigger_points[0];
  REQUIRE(tp.essential.size() == 2);
  CHECK(kb.regions()[tp.essential[0]].id == "iliac_crest");
  CHECK(kb.regions()[tp.essential[1]].id == "sacrum");
  REQUIRE(tp.spillover.size() == 1);
  CHECK(kb.regions()[tp.spillover[0]].id == "buttock_upper");
  REQUIRE(gm.related.size() == 2);
  CHECK(kb.muscles()[gm.related[0]].id == "iliopsoas");
  CHECK(kb.muscles()[gm.related[1]].id == "pelvic_floor");
  REQUIRE(gm.protocol[0].size() == 2);
  CHECK(kb.exercises()[gm.protocol[0][0]].id == "hip_ball_release");
  CHECK(kb.citations()[gm.summary.cite[0]].key == "donnelly2019");

  const auto& ball = kb.exercises()[0];
  REQUIRE(ball.regression);
  CHECK(kb.exercises()[*ball.regression].id == "hip_hand_release");
  CHECK_FALSE(ball.progression);
  CHECK(ball.dose.hold_seconds == 30);
  CHECK(ball.dose.per_side);
  CHECK_FALSE(ball.dose.duration_seconds);
}

TEST_CASE("region keys and candidates follow document order and laterality", "[kb]") {
  const KnowledgeBase kb = minimal();
  std::vector<std::string> keys;
  for (const auto& k : kb.region_keys())
    keys.push_back(k.key);
  CHECK(keys == std::vector<std::string>{"head", "iliac_crest:left", "iliac_crest:right",
                                         "buttock_upper:left", "buttock_upper:right", "sacrum",
                                         "hip_lateral:left", "hip_lateral:right", "groin:left",
                                         "groin:right", "perineum"});
  for (std::size_t i = 0; i < kb.region_keys().size(); ++i) {
    const auto& k = kb.region_keys()[i];
    const bool midline = kb.regions()[k.region].laterality == myoref::Laterality::midline;
    CHECK((k.side == Side::none) == midline);
  }
  std::vector<std::string> candidates;
  for (const Candidate& c : kb.candidates())
    candidates.push_back(c.key);
  CHECK(candidates == std::vector<std::string>{"gluteus_medius:left", "gluteus_medius:right",
                                               "iliopsoas:left", "iliopsoas:right",
                                               "pelvic_floor"});
  CHECK(kb.candidates()[4].side == Side::none);
}

TEST_CASE("lookups find ids, aliases and key texts", "[kb]") {
  const KnowledgeBase kb = minimal();
  CHECK(kb.find_region("sacrum") == myoref::RegionIndex{3});
  CHECK_FALSE(kb.find_region("sacrum:left"));
  CHECK(kb.find_citation("davies2013") == myoref::CitationIndex{1});
  CHECK(kb.find_finding("walking") == myoref::FindingIndex{0});
  CHECK(kb.find_red_flag("night_pain_unrelenting") == myoref::RedFlagIndex{1});
  CHECK(kb.find_exercise("marching_bridge") == myoref::ExerciseIndex{9});
  CHECK_FALSE(kb.find_exercise("marching"));

  CHECK(kb.find_muscle("iliopsoas") == myoref::MuscleIndex{1});
  CHECK(kb.find_muscle("psoas") == myoref::MuscleIndex{1});
  CHECK(kb.find_muscle("iliacus") == myoref::MuscleIndex{1});
  CHECK(kb.find_muscle("levator_ani") == myoref::MuscleIndex{2});
  CHECK_FALSE(kb.find_muscle("Psoas"));

  CHECK(kb.find_region_key("buttock_upper:right") == myoref::RegionKeyIndex{4});
  CHECK(kb.find_region_key("sacrum") == myoref::RegionKeyIndex{5});
  CHECK_FALSE(kb.find_region_key("sacrum:left"));    // midline takes no side
  CHECK_FALSE(kb.find_region_key("buttock_upper"));  // paired needs one
  CHECK_FALSE(kb.find_region_key("buttock_upper:middle"));
  CHECK(kb.find_region_key(myoref::RegionIndex{1}, Side::left) == myoref::RegionKeyIndex{1});
  CHECK_FALSE(kb.find_region_key(myoref::RegionIndex{0}, Side::left));
  CHECK_FALSE(kb.find_region_key(myoref::RegionIndex{99}, Side::none));

  CHECK(kb.find_candidate("psoas:right") == myoref::CandidateIndex{3});
  CHECK(kb.find_candidate("pelvic_floor") == myoref::CandidateIndex{4});
  CHECK(kb.find_candidate("levator_ani") == myoref::CandidateIndex{4});
  CHECK_FALSE(kb.find_candidate("pelvic_floor:left"));
  CHECK_FALSE(kb.find_candidate("gluteus_medius"));
  CHECK(kb.find_candidate(myoref::MuscleIndex{0}, Side::right) == myoref::CandidateIndex{1});
}

TEST_CASE("mirrors swap sides and keep midline keys", "[kb]") {
  const KnowledgeBase kb = minimal();
  for (std::size_t i = 0; i < kb.region_keys().size(); ++i) {
    const auto k = static_cast<myoref::RegionKeyIndex>(i);
    const auto m = kb.mirror(k);
    CHECK(kb.mirror(m) == k);
    CHECK(kb.region_keys()[m].region == kb.region_keys()[k].region);
    CHECK(kb.region_keys()[m].side == myoref::mirror(kb.region_keys()[k].side));
  }
  for (std::size_t i = 0; i < kb.candidates().size(); ++i) {
    const auto c = static_cast<myoref::CandidateIndex>(i);
    const auto m = kb.mirror_candidate(c);
    CHECK(kb.mirror_candidate(m) == c);
    CHECK(kb.candidates()[m].muscle == kb.candidates()[c].muscle);
    CHECK(kb.candidates()[m].side == myoref::mirror(kb.candidates()[c].side));
  }
}

TEST_CASE("suggestions name the closest known id", "[kb]") {
  const KnowledgeBase kb = minimal();
  CHECK(kb.suggest_region("buttock_uper") == "buttock_upper");
  CHECK(kb.suggest_finding("walkin") == "walking");
  CHECK(kb.suggest_red_flag("saddle_numbnes") == "saddle_numbness");
  CHECK(kb.suggest_muscle("gluteus_medus") == "gluteus_medius");
  CHECK(kb.suggest_muscle("psoaz") == "psoas");
  CHECK(kb.suggest_muscle("zzzzzzzzzz").empty());
}

TEST_CASE("the chart mirrors authored left shapes and marks to the right", "[kb][chart]") {
  const KnowledgeBase kb = minimal();
  const auto& chart = kb.chart();
  CHECK(chart.width == 200.0F);
  CHECK(chart.height == 440.0F);
  // 10 authored shapes, 5 of them for paired regions.
  REQUIRE(chart.shapes.size() == 15);
  const auto crest_left = *kb.find_region_key("iliac_crest:left");
  const auto crest_right = *kb.find_region_key("iliac_crest:right");
  const myoref::ChartShape* left = nullptr;
  const myoref::ChartShape* right = nullptr;
  for (const auto& s : chart.shapes) {
    if (s.key == crest_left)
      left = &s;
    if (s.key == crest_right)
      right = &s;
  }
  REQUIRE(left != nullptr);
  REQUIRE(right != nullptr);
  REQUIRE(left->points.size() == right->points.size());
  for (std::size_t i = 0; i < left->points.size(); ++i) {
    CHECK(right->points[i].x == 200.0F - left->points[i].x);
    CHECK(right->points[i].y == left->points[i].y);
  }
  // Every region key has a shape in every view its region names.
  for (std::size_t k = 0; k < kb.region_keys().size(); ++k) {
    const auto& region = kb.regions()[kb.region_keys()[k].region];
    for (const auto view : {myoref::View::front, myoref::View::back}) {
      const bool wanted = region.view == myoref::View::both || region.view == view;
      bool found = false;
      for (const auto& s : chart.shapes)
        found = found || (s.key == k && s.view == view);
      INFO(kb.region_keys()[k].key << " " << myoref::to_string(view));
      CHECK(found == wanted);
    }
  }
  // 4 authored marks, 3 of them for paired muscles.
  REQUIRE(chart.marks.size() == 7);
  CHECK(chart.marks[0].side == Side::left);
  CHECK(chart.marks[1].side == Side::right);
  CHECK(chart.marks[1].at.x == 200.0F - chart.marks[0].at.x);
  CHECK(chart.marks[6].side == Side::none);
  CHECK(chart.outline[0].size() == 1);
  CHECK(chart.outline[1].size() == 1);
}

TEST_CASE("the canonical form round-trips to the same text and hash", "[kb][canonical]") {
  const KnowledgeBase kb = minimal();
  CHECK(kb.hash().size() == 64);
  const std::string text = kb.to_json();
  auto again = KnowledgeBase::from_json(text);
  REQUIRE(again);
  CHECK(again->hash() == kb.hash());
  CHECK(again->to_json() == text);
  CHECK(myoref::detail::sha256_hex(myoref::detail::clinical_text(myoref::detail::model_of(kb))) ==
        kb.hash());
}

TEST_CASE("the hash follows content, not formatting", "[kb][canonical]") {
  const KnowledgeBase kb = minimal();
  // The same document compacted, with the chart's keys in another order.
  auto doc = myoref::detail::parse_json(minimal_kb_text(), {}, "kb").value();
  auto& chart = doc.as_object()["chart"].as_object();
  const auto marks = chart["marks"];
  chart.erase("marks");
  chart.emplace("marks", marks);
  auto reordered = KnowledgeBase::from_json(boost::json::serialize(doc));
  REQUIRE(reordered);
  CHECK(reordered->hash() == kb.hash());

  // Words and the version are not content (docs/languages.md): they leave it.
  doc.as_object()["version"] = "1.0.1";
  doc.as_object()["findings"].as_array()[0].as_object()["question"] = "Reworded?";
  auto reworded = KnowledgeBase::from_json(boost::json::serialize(doc));
  REQUIRE(reworded);
  CHECK(reworded->hash() == kb.hash());

  // Any change of content changes it.
  doc.as_object()["id"] = "myoref-test-other";
  auto changed = KnowledgeBase::from_json(boost::json::serialize(doc));
  REQUIRE(changed);
  CHECK(changed->hash() != kb.hash());
}

TEST_CASE("ruled_out_by resolves to precautions, is written back and counts in the hash",
          "[kb][canonical]") {
  const KnowledgeBase kb = minimal();
  for (const auto& e : kb.exercises())
    CHECK(e.ruled_out_by.empty());  // minimal.json defines no precautions
  // ... so its canonical text (and hash) has no ruled_out_by, as before the field existed,
  // and the field may be left out.
  CHECK(kb.to_json().find("ruled_out_by") == std::string::npos);
  auto doc = myoref::detail::parse_json(minimal_kb_text(), {}, "kb").value();
  doc.as_object()["precautions"] = boost::json::parse(
      R"([{"id": "blood_thinners", "name": "Blood thinners", "what": "You take one.",
           "changes": ["Hand pressure only."], "cite": ["donnelly2019"]},
          {"id": "pregnant", "name": "Pregnancy", "what": "You are pregnant.",
           "changes": ["No pressure through the belly."], "cite": ["donnelly2019"]}])");
  auto with_precautions = KnowledgeBase::from_json(boost::json::serialize(doc));
  REQUIRE(with_precautions);
  auto& ball = doc.at("exercises").at(0).as_object();
  REQUIRE(ball.at("id") == "hip_ball_release");
  ball["ruled_out_by"] = boost::json::array{"pregnant", "blood_thinners"};
  auto ruled = KnowledgeBase::from_json(boost::json::serialize(doc));
  REQUIRE(ruled);
  const auto& e = ruled->exercises()[0];
  REQUIRE(e.ruled_out_by.size() == 2);
  CHECK(ruled->precautions()[e.ruled_out_by[0]].id == "pregnant");
  CHECK(ruled->precautions()[e.ruled_out_by[1]].id == "blood_thinners");
  CHECK(ruled->hash() != with_precautions->hash());
  const auto written = myoref::detail::parse_json(ruled->to_json(), {}, "kb").value();
  CHECK(written.at("exercises").at(0).at("ruled_out_by") ==
        boost::json::array{"pregnant", "blood_thinners"});
  CHECK(written.at("exercises").at(1).at("ruled_out_by") == boost::json::array{});
  auto again = KnowledgeBase::from_json(ruled->to_json());
  REQUIRE(again);
  CHECK(again->hash() == ruled->hash());
}

TEST_CASE("the canonical form writes defaults and absent fields explicitly", "[kb][canonical]") {
  const KnowledgeBase kb = minimal();
  const auto doc = myoref::detail::parse_json(kb.to_json(), {}, "kb").value();
  const auto& psoas_release = doc.at("exercises").at(2).as_object();
  CHECK(psoas_release.at("regression").is_null());
  CHECK(psoas_release.at("progression").is_null());
  CHECK(psoas_release.at("dose").at("sets").is_null());
  CHECK(doc.at("exercises").at(3).at("dose").at("per_side") == false);
  CHECK(doc.at("muscles").at(1).at("codes").at("fma").is_null());
  CHECK(doc.at("muscles").at(0).at("findings").at(0).at("weight").as_double() == 0.6);
  // Keys in the schema's order.
  std::vector<std::string> top;
  for (const auto& kv : doc.as_object())
    top.emplace_back(kv.key());
  CHECK(top == std::vector<std::string>{"schema", "id", "version", "title", "license", "citations",
                                        "regions", "findings", "red_flags", "age_rule", "muscles",
                                        "exercises", "chart"});
  // Numbers are written as people write them.
  CHECK(kb.to_json().find("\"weight\": 0.6,") != std::string::npos);
  CHECK(kb.to_json().find("250.5") != std::string::npos);
}

TEST_CASE("a muscle's JSON holds its canonical object and its exercises", "[kb]") {
  const KnowledgeBase kb = minimal();
  const auto doc = myoref::detail::parse_json(kb.muscle_to_json(0), {}, "muscle").value();
  CHECK(doc.at("muscle").at("id") == "gluteus_medius");
  std::vector<std::string> ids;
  for (const auto& e : doc.at("exercises").as_array())
    ids.emplace_back(e.at("id").as_string());
  // Protocol order, then where the regressions and progressions lead.
  CHECK(ids == std::vector<std::string>{"hip_ball_release", "hip_hand_release", "hip_cross_stretch",
                                        "side_lying_leg_lift", "banded_side_step"});
}

TEST_CASE("doses read as plain English", "[kb]") {
  myoref::Dose d;
  d.hold_seconds = 30;
  d.repetitions = 3;
  d.sets = 1;
  d.per_side = true;
  d.frequency = "daily";
  CHECK(d.to_string() == "hold 30 s, 3 repetitions, each side, daily");
  d = myoref::Dose{};
  d.repetitions = 10;
  d.sets = 3;
  d.per_side = true;
  d.frequency = "daily";
  CHECK(d.to_string() == "3 sets of 10 repetitions, each side, daily");
  d = myoref::Dose{};
  d.duration_seconds = 120;
  d.frequency = "twice a day";
  CHECK(d.to_string() == "for 2 minutes, twice a day");
  d = myoref::Dose{};
  d.duration_seconds = 45;
  d.repetitions = 1;
  d.frequency = "daily";
  CHECK(d.to_string() == "1 repetition, for 45 s, daily");
  d = myoref::Dose{};
  d.sets = 2;
  d.frequency = "daily";
  CHECK(d.to_string() == "2 sets, daily");
}

TEST_CASE("a default-constructed knowledge base is empty and safe to query", "[kb]") {
  const KnowledgeBase kb;
  CHECK(kb.id().empty());
  CHECK(kb.regions().empty());
  CHECK(kb.candidates().empty());
  CHECK_FALSE(kb.find_muscle("psoas"));
  CHECK_FALSE(kb.find_candidate("psoas:left"));
  CHECK(kb.mirror(myoref::RegionKeyIndex{3}) == 3);
  CHECK(kb.suggest_region("sacrum").empty());
}

TEST_CASE("copies share one model", "[kb]") {
  const KnowledgeBase a = minimal();
  const KnowledgeBase b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  CHECK(&myoref::detail::model_of(a) == &myoref::detail::model_of(b));
  CHECK(a.regions().data() == b.regions().data());
}

TEST_CASE("the hash is computed once, the same from every thread", "[kb][canonical]") {
  const KnowledgeBase kb = minimal();
  CHECK(myoref::detail::model_of(kb).hash.empty());  // not at load: on first use
  std::vector<std::string> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&kb, &seen, i] { seen[i] = kb.hash(); });
  }
  for (auto& t : threads)
    t.join();
  for (const auto& h : seen)
    CHECK(h ==
          myoref::detail::sha256_hex(myoref::detail::clinical_text(myoref::detail::model_of(kb))));
  CHECK(&kb.hash() == &kb.hash());
  CHECK(KnowledgeBase().hash().empty());
}
