// The whole-body vocabulary (schema 2): every region in the knowledge base and
// on the chart, coarse regions and their parts in the intake, and in scoring:
// a zone that lists a coarse region answers marks on its parts, and one that
// lists a part answers a mark on its coarse region.
#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "support.hpp"
#include "test_assess_support.hpp"
#include "util/json.hpp"

using namespace myoref;
using namespace myoref::assess_test;
namespace json = boost::json;

namespace {

json::value vocabulary() {
  return detail::parse_json(test::read_text(MYOREF_TEST_DATA "/data/vocabulary.json"), {},
                            "vocabulary")
      .value();
}

RegionKeyIndex key_of(const KnowledgeBase& kb, const std::string& text) {
  const auto k = kb.find_region_key(text);
  if (!k)
    FAIL("no region key " << text);
  return *k;
}

CandidateIndex candidate_of(const KnowledgeBase& kb, const std::string& text) {
  const auto c = kb.find_candidate(text);
  if (!c)
    FAIL("no candidate " << text);
  return *c;
}

Intake drawing_of(const KnowledgeBase& kb,
                  std::initializer_list<std::pair<const char*, int>> marks) {
  Intake intake;
  for (const auto& [k, x] : marks)
    intake.pain.push_back({key_of(kb, k), x});
  return intake;
}

bool explains(const Assessment& a, CandidateIndex c, RegionKeyIndex k) {
  for (std::size_t i = 0; i < a.candidate_count(); ++i) {
    const RankedCandidate r = a.candidate(i);
    if (r.candidate == c)
      return std::find(r.explained.begin(), r.explained.end(), k) != r.explained.end();
  }
  return false;
}

/// The built-in base with one muscle's zones edited: where its trigger
/// points list `from` (essential or spillover), they list `to`.
KnowledgeBase edited_kb(const std::string& muscle, const std::string& from, const std::string& to) {
  json::value doc = detail::parse_json(test::read_text(MYOREF_DEFAULT_KB_JSON), {}, "kb").value();
  bool edited = false;
  for (auto& m : doc.at("muscles").as_array()) {
    if (m.at("id").as_string() != muscle.c_str())
      continue;
    for (auto& tp : m.at("trigger_points").as_array()) {
      for (const char* zone : {"essential", "spillover"}) {
        for (auto& r : tp.at(zone).as_array()) {
          if (r.as_string() == from.c_str()) {
            r = json::string(to);
            edited = true;
          }
        }
      }
    }
  }
  REQUIRE(edited);
  auto kb = KnowledgeBase::from_json(json::serialize(doc));
  if (!kb)
    FAIL(kb.error().to_string());
  return *kb;
}

}  // namespace

TEST_CASE("every vocabulary region is in the knowledge base with its parts and on the chart",
          "[kb][regions][chart]") {
  const KnowledgeBase& kb = default_kb();
  const json::value vocab = vocabulary();
  REQUIRE(vocab.at("regions").as_array().size() == 94);
  for (const auto& r : vocab.at("regions").as_array()) {
    const std::string id(r.at("id").as_string());
    INFO("region " << id);
    const auto index = kb.find_region(id);
    REQUIRE(index);
    const Region& region = kb.regions()[*index];
    std::vector<std::string> parts;
    for (const RegionIndex p : region.parts)
      parts.push_back(kb.regions()[p].id);
    std::vector<std::string> expected;
    if (const auto* listed = r.as_object().if_contains("parts")) {
      for (const auto& p : listed->as_array())
        expected.emplace_back(p.as_string());
    }
    CHECK(parts == expected);

    // Drawn in each view it has: by shapes of its own, or, for a coarse
    // region, by shapes of its parts.
    for (const View view : {View::front, View::back}) {
      const bool wanted = region.view == View::both || region.view == view;
      bool drawn = false;
      for (const ChartShape& s : kb.chart().shapes) {
        const RegionIndex shown = kb.region_keys()[s.key].region;
        const bool mine = shown == *index || std::find(region.parts.begin(), region.parts.end(),
                                                       shown) != region.parts.end();
        drawn = drawn || (s.view == view && mine);
      }
      INFO("view " << to_string(view));
      if (wanted)
        CHECK(drawn);
      if (region.parts.empty() && !wanted)
        CHECK_FALSE(drawn);
    }
  }
}

TEST_CASE("chart shapes: paired ones mirror exactly, midline ones are symmetric",
          "[kb][regions][chart]") {
  const KnowledgeBase& kb = default_kb();
  const Chart& chart = kb.chart();
  const auto mirrored = [&](std::vector<Point> points) {
    for (Point& p : points)
      p.x = chart.width - p.x;
    return points;
  };
  const auto sorted = [](std::vector<Point> points) {
    std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
      return a.x < b.x || (a.x == b.x && a.y < b.y);
    });
    return points;
  };
  const auto same = [](const std::vector<Point>& a, const std::vector<Point>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](auto p, auto q) {
             return p.x == q.x && p.y == q.y;
           });
  };
  std::size_t paired = 0;
  for (const ChartShape& s : chart.shapes) {
    INFO(kb.region_keys()[s.key].key << " " << to_string(s.view));
    const RegionKeyIndex other = kb.mirror(s.key);
    if (other == s.key) {
      // Symmetric about the middle, to the precision of the file (0.1).
      const auto a = sorted(s.points);
      const auto b = sorted(mirrored(s.points));
      REQUIRE(a.size() == b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(std::fabs(a[i].x - b[i].x) < 1e-3F);
        CHECK(std::fabs(a[i].y - b[i].y) < 1e-3F);
      }
      continue;
    }
    if (kb.region_keys()[s.key].side != Side::left)
      continue;  // checked from its left twin: x -> width - x, bit for bit
    const auto twin = std::find_if(chart.shapes.begin(), chart.shapes.end(), [&](const auto& t) {
      return t.key == other && t.view == s.view;
    });
    REQUIRE(twin != chart.shapes.end());
    CHECK(same(twin->points, mirrored(s.points)));
    ++paired;
  }
  CHECK(paired > 50);
}

TEST_CASE("intake: a coarse region is valid; with one of its own parts it is refused",
          "[intake][regions]") {
  const KnowledgeBase& kb = default_kb();
  CHECK(parse_intake(kb, R"({"pain": [{"region": "shoulder", "side": "left", "intensity": 5}]})"));
  CHECK(parse_intake(kb, R"({"pain": [{"region": "head", "intensity": 5}]})"));
  // Another side is another place.
  CHECK(parse_intake(kb, R"({"pain": [{"region": "shoulder", "side": "left", "intensity": 5},
                                       {"region": "shoulder_top", "side": "right", "intensity": 3}]})"));

  auto e = parse_intake(kb, R"({"pain": [{"region": "shoulder", "side": "left", "intensity": 5},
                                          {"region": "shoulder_top", "side": "left", "intensity": 3}]})");
  REQUIRE_FALSE(e);
  CHECK(e.error().to_string().find(
            "/pain/1: \"shoulder_top:left\" is a part of \"shoulder:left\"") != std::string::npos);
  // The midline head covers its paired parts on both sides; the paired neck
  // covers its midline throat from either side.
  e = parse_intake(kb, R"({"pain": [{"region": "temple", "side": "right", "intensity": 5},
                                     {"region": "head", "intensity": 3}]})");
  REQUIRE_FALSE(e);
  CHECK(e.error().to_string().find("/pain/1: \"temple:right\" is a part of \"head\"") !=
        std::string::npos);
  e = parse_intake(kb, R"({"pain": [{"region": "throat", "intensity": 5},
                                     {"region": "neck", "side": "right", "intensity": 3}]})");
  REQUIRE_FALSE(e);

  // The same rule for an intake built in code (the C and Python builder).
  Intake built = drawing_of(kb, {{"calf:left", 4}, {"calf_lower:left", 6}});
  const Status s = validate_intake(kb, built);
  REQUIRE_FALSE(s);
  CHECK(s.error().to_string().find("/pain/1: \"calf_lower:left\" is a part of \"calf:left\"") !=
        std::string::npos);
}

TEST_CASE("scoring: a zone listing a coarse region answers its parts, and a part its coarse region",
          "[assess][regions]") {
  // The built-in gastrocnemius lists the coarse calf.
  const KnowledgeBase& kb = default_kb();
  const CandidateIndex gastroc = candidate_of(kb, "gastrocnemius:left");
  for (const char* part : {"calf_upper:left", "calf_lower:left"}) {
    INFO(part);
    const Assessment a = assessed(kb, drawing_of(kb, {{part, 6}}));
    CHECK(explains(a, gastroc, key_of(kb, part)));
    CHECK(a.scores()[gastroc] > 0.0F);
    CHECK(a.scores()[candidate_of(kb, "gastrocnemius:right")] == 0.0F);
  }
  // A mark on the coarse calf scores as it did when calf had no parts.
  const Assessment whole = assessed(kb, drawing_of(kb, {{"calf:left", 6}}));
  CHECK(explains(whole, gastroc, key_of(kb, "calf:left")));

  // Listing a part instead: a mark on the coarse region, or on that part, is
  // explained; a mark on a sibling part is not.
  const KnowledgeBase edited = edited_kb("gastrocnemius", "calf", "calf_upper");
  const CandidateIndex g = candidate_of(edited, "gastrocnemius:left");
  CHECK(explains(assessed(edited, drawing_of(edited, {{"calf:left", 6}})), g,
                 key_of(edited, "calf:left")));
  CHECK(explains(assessed(edited, drawing_of(edited, {{"calf_upper:left", 6}})), g,
                 key_of(edited, "calf_upper:left")));
  const Assessment sibling = assessed(edited, drawing_of(edited, {{"calf_lower:left", 6}}));
  CHECK_FALSE(explains(sibling, g, key_of(edited, "calf_lower:left")));
}

TEST_CASE("score_batch equals assess to the bit for drawings of parts and coarse regions",
          "[assess][batch][regions]") {
  const KnowledgeBase& kb = default_kb();
  const std::size_t nr = kb.region_keys().size();
  const std::size_t nc = kb.candidates().size();
  std::mt19937 rng(2026);
  // Keys of coarse regions and of parts only: where the two meet.
  std::vector<RegionKeyIndex> keys;
  for (RegionKeyIndex k = 0; k < nr; ++k) {
    const Region& r = kb.regions()[kb.region_keys()[k].region];
    const bool part = std::any_of(kb.regions().begin(), kb.regions().end(), [&](const Region& c) {
      return std::find(c.parts.begin(), c.parts.end(), kb.region_keys()[k].region) != c.parts.end();
    });
    if (!r.parts.empty() || part)
      keys.push_back(k);
  }
  REQUIRE(keys.size() > 50);
  std::uniform_int_distribution<std::size_t> pick(0, keys.size() - 1);
  std::uniform_int_distribution<int> intensity(1, 10);
  for (int row = 0; row < 300; ++row) {
    Intake intake;
    for (int m = 0; m < 6; ++m) {
      const RegionKeyIndex k = keys[pick(rng)];
      if (std::none_of(intake.pain.begin(), intake.pain.end(),
                       [&](const PainMark& p) { return clashes(kb, p.region_key, k); }))
        intake.pain.push_back({k, intensity(rng)});
    }
    std::vector<float> dense(nr, 0.0F);
    for (const PainMark& p : intake.pain)
      dense[p.region_key] = static_cast<float>(p.intensity);
    std::vector<float> out(nc, -1.0F);
    REQUIRE(score_batch(kb, dense.data(), 1, out.data(), 1));
    const Assessment a = assessed(kb, intake);
    for (std::size_t c = 0; c < nc; ++c) {
      INFO("row " << row << ", candidate " << kb.candidates()[c].key);
      CHECK(out[c] == a.scores()[c]);
    }
  }
}

TEST_CASE("the loader checks parts: existing, once, not nested, in one coarse region",
          "[kb][regions]") {
  const json::value original =
      detail::parse_json(test::read_text(MYOREF_DEFAULT_KB_JSON), {}, "kb").value();
  const auto load_with = [&](const std::string& region, const json::array& parts) {
    json::value doc = original;
    for (auto& r : doc.at("regions").as_array()) {
      if (r.at("id").as_string() == region.c_str())
        r.as_object()["parts"] = parts;
    }
    auto kb = KnowledgeBase::from_json(json::serialize(doc));
    return kb ? std::string() : kb.error().to_string();
  };
  // regions/1 is the neck, regions/0 the head.
  CHECK(load_with("neck", {"neck_posterior", "neck_lateral", "throat"}).empty());
  CHECK(load_with("neck", {"neck_posterior", "neck_posterior"})
            .find("/regions/1/parts/1: region \"neck_posterior\" is listed twice") !=
        std::string::npos);
  CHECK(load_with("neck", {"neck_posterior", "nek"}).find("/regions/1/parts/1") !=
        std::string::npos);
  CHECK(load_with("neck", {"neck"}).find("/regions/1/parts/0: a region is not a part of itself") !=
        std::string::npos);
  CHECK(load_with("neck", {"head"})
            .find("/regions/1/parts/0: region \"head\" has parts of its "
                  "own; parts do not nest") != std::string::npos);
  CHECK(load_with("neck", {"neck_posterior", "temple"})
            .find("/regions/1/parts/1: region \"temple\" is already a part of \"head\"") !=
        std::string::npos);
  CHECK(load_with("neck", {}).find("/regions/1/parts") != std::string::npos);
}
