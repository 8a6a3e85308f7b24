// The Assessment document: the contract's shape, reading it back, JSON in/out.
#include <random>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "test_assess_support.hpp"

using namespace myoref;
using namespace myoref::assess_test;
namespace json = boost::json;

namespace {

Intake classic(const KnowledgeBase& kb) {
  Intake intake =
      drawing(kb, {{"iliac_crest:left", 6},
                   {"sacroiliac:left", 5},
                   {"buttock_upper:left", 5},
                   {"sacrum", 3},
                   {"armpit:left", 2},  // no muscle of the default base refers there yet
                   {"calf:left", 0}});
  intake.findings = {finding(kb, "walking"), finding(kb, "paresthesia_leg")};
  intake.denied = {finding(kb, "standing_long")};
  intake.red_flags = {red_flag(kb, "osteoporosis")};
  intake.age = 61;
  intake.duration_days = 12;
  intake.onset = Onset::gradual;
  return intake;
}

}  // namespace

TEST_CASE("the assessment document has the contract's shape", "[assess][json]") {
  const KnowledgeBase& kb = default_kb();
  const Assessment a = assessed(kb, classic(kb));
  const json::value doc = json::parse(a.to_json());
  const json::object& o = doc.as_object();
  for (const char* field :
       {"triage", "candidates", "cover", "unexplained", "intake", "kb", "library_version"}) {
    INFO(field);
    CHECK(o.contains(field));
  }
  // Contract fields come in the contract's order.
  std::vector<std::string> order;
  for (const auto& kv : o)
    order.emplace_back(kv.key());
  const auto at = [&](const char* k) {
    return std::find(order.begin(), order.end(), k) - order.begin();
  };
  CHECK(at("triage") < at("candidates"));
  CHECK(at("candidates") < at("cover"));
  CHECK(at("cover") < at("unexplained"));
  CHECK(at("unexplained") < at("intake"));
  CHECK(at("intake") < at("kb"));
  CHECK(at("kb") < at("library_version"));

  const auto& triage = o.at("triage").as_object();
  CHECK(triage.at("level") == "see_clinician");
  const auto& flags = triage.at("red_flags").as_array();
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].at("id") == "osteoporosis");
  CHECK(flags[0].at("level") == "see_clinician");
  CHECK(flags[0].at("advice").as_string() == kb.red_flags()[red_flag(kb, "osteoporosis")].advice);
  CHECK(triage.at("age_rule").at("outcome") == "applies");
  CHECK(triage.at("age_rule").at("raises") == true);

  const auto& candidates = o.at("candidates").as_array();
  REQUIRE(candidates.size() == a.candidate_count());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i].as_object();
    const RankedCandidate rc = a.candidate(i);
    const Candidate& cand = kb.candidates()[rc.candidate];
    CHECK(c.at("key").as_string() == cand.key);
    CHECK(c.at("muscle").as_string() == kb.muscles()[cand.muscle].id);
    if (cand.side == Side::none) {
      CHECK(c.at("side").is_null());  // a midline muscle: one candidate, no side
    } else {
      CHECK(c.at("side").as_string() == to_string(cand.side));
    }
    CHECK(c.at("name").as_string() == kb.muscles()[cand.muscle].name);
    // The written score reads back as exactly the float the API gives.
    CHECK(static_cast<float>(c.at("score").to_number<double>()) == rc.score);
    CHECK(c.at("explained").as_array().size() == rc.explained.size());
    CHECK(c.at("unexplained").as_array().size() == rc.unexplained.size());
    CHECK(c.at("findings_for").as_array().size() == rc.findings_for.size());
    CHECK(c.at("findings_against").as_array().size() == rc.findings_against.size());
    const auto& basis = c.at("basis").as_array();
    REQUIRE(basis.size() == rc.basis.size());
    for (std::size_t b = 0; b < basis.size(); ++b) {
      CHECK(basis[b].as_string() == a.describe(rc.candidate, rc.basis[b]));
    }
    for (const char* part :
         {"explained_share", "essential_coverage", "drawing_fit", "findings_evidence"}) {
      CHECK(c.at("score_parts").as_object().contains(part));
    }
  }
  CHECK(candidates[0].at("findings_against").as_array().size() >=
        1);  // denied standing_long / tingling

  CHECK(o.at("unexplained").as_array() == json::array{"armpit:left"});
  CHECK(o.at("intake") == json::parse(intake_to_json(kb, classic(kb))));
  CHECK(o.at("kb").at("id").as_string() == kb.id());
  CHECK(o.at("kb").at("version").as_string() == kb.version());
  CHECK(o.at("kb").at("hash").as_string() == kb.hash());
  CHECK(o.at("library_version").as_string() == library_version());
  CHECK(o.at("painful").as_array().size() == 5);  // calf:left drawn at 0
}

TEST_CASE("pretty and compact documents hold the same values", "[assess][json]") {
  const KnowledgeBase& kb = default_kb();
  const Assessment a = assessed(kb, classic(kb));
  const std::string compact = a.to_json();
  const std::string pretty = a.to_json(true);
  CHECK(compact.find('\n') == std::string::npos);
  CHECK(pretty.back() == '\n');
  CHECK(pretty.find("\n  \"triage\": {\n") != std::string::npos);
  CHECK(json::parse(compact) == json::parse(pretty));
}

TEST_CASE("JSON in, JSON out", "[assess][json]") {
  const KnowledgeBase& kb = default_kb();
  const std::string intake = intake_to_json(kb, classic(kb));
  auto out = assess_json(kb, intake);
  REQUIRE(out);
  CHECK(*out == assessed(kb, classic(kb)).to_json());
  auto pretty = assess_json(kb, intake, true);
  REQUIRE(pretty);
  CHECK(*pretty == assessed(kb, classic(kb)).to_json(true));
  auto bad = assess_json(kb, R"({"pain": [{"region": "calf", "intensity": 3}]})");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().path() == "/pain/0/side");
}

TEST_CASE("an assessment document reads back as the same assessment", "[assess][json]") {
  const KnowledgeBase& kb = default_kb();
  const Assessment a = assessed(kb, classic(kb));
  for (const bool pretty : {false, true}) {
    auto back = assessment_from_json(kb, a.to_json(pretty));
    REQUIRE(back);
    CHECK(back->to_json() == a.to_json());
    CHECK(back->intake() == a.intake());
  }

  auto doc = json::parse(a.to_json());
  doc.as_object()["kb"].as_object()["hash"] = "0000";
  auto other = assessment_from_json(kb, json::serialize(doc));
  REQUIRE_FALSE(other);
  CHECK(other.error().code() == ErrorCode::kb_mismatch);

  doc = json::parse(a.to_json());
  doc.as_object()["intake"].as_object()["pain"].as_array()[0].as_object()["intensity"] = 42;
  auto broken = assessment_from_json(kb, json::serialize(doc));
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code() == ErrorCode::invalid_input);
  CHECK(broken.error().path() == "/intake/pain/0/intensity");

  auto not_one = assessment_from_json(kb, "[]");
  REQUIRE_FALSE(not_one);
  CHECK(not_one.error().code() == ErrorCode::invalid_input);
}

TEST_CASE("texts with quotes and control characters are escaped", "[assess][json]") {
  // A knowledge base may say anything in its advice; the document stays JSON.
  auto doc = json::parse(read_text(MYOREF_TEST_DATA "/data/kb/minimal.json"));
  auto& flag = doc.at("red_flags").as_array()[0].as_object();
  flag["advice"] = "Go now: \"today\",\tnot tomorrow\\\nreally \x01.";
  auto kb = KnowledgeBase::from_json(json::serialize(doc));
  REQUIRE(kb);
  Intake intake = drawing(*kb, {{"sacrum", 4}});
  intake.red_flags = {0};
  const Assessment a = assessed(*kb, intake);
  const auto back = json::parse(a.to_json());
  CHECK(back.at("triage").at("red_flags").at(0).at("advice").as_string() ==
        flag["advice"].as_string());
  CHECK(json::parse(a.to_json(true)) == back);
}

namespace {

/// Checks that every reason in the document is the sentence describe() gives.
void check_reasons_are_described(const Assessment& a) {
  const json::value doc = json::parse(a.to_json());
  const json::array& listed = doc.at("candidates").as_array();
  REQUIRE(listed.size() == a.candidate_count());
  for (std::size_t rank = 0; rank < a.candidate_count(); ++rank) {
    const RankedCandidate c = a.candidate(rank);
    const json::array& basis = listed[rank].at("basis").as_array();
    REQUIRE(basis.size() == c.basis.size());
    for (std::size_t i = 0; i < basis.size(); ++i) {
      INFO("rank " << rank << ", reason " << i);
      CHECK(std::string_view(basis[i].as_string()) == a.describe(c.candidate, c.basis[i]));
    }
  }
}

}  // namespace

TEST_CASE("every reason in the document is the sentence describe() writes", "[assess][json]") {
  // The document writes reasons from pieces made at load; describe() builds
  // them word by word. They must agree for every kind of reason.
  const KnowledgeBase& kb = default_kb();
  std::mt19937 rng(20261124);
  for (int i = 0; i < 300; ++i)
    check_reasons_are_described(assessed(kb, random_intake(kb, rng, 12)));

  // Words that need escaping, in every text a reason is made of.
  auto doc = json::parse(read_text(MYOREF_TEST_DATA "/data/kb/minimal.json"));
  for (auto& region : doc.at("regions").as_array())
    region.as_object()["name"] = "Region \"" + std::string(region.at("id").as_string()) + "\"\t\\";
  for (auto& f : doc.at("findings").as_array())
    f.as_object()["what"] = "what \"quoted\"\n" + std::string(f.at("id").as_string());
  for (auto& muscle : doc.at("muscles").as_array()) {
    for (auto& tp : muscle.as_object()["trigger_points"].as_array())
      tp.as_object()["name"] = "Point \\ \"" + std::string(tp.at("id").as_string()) + "\"\x01";
  }
  auto odd = KnowledgeBase::from_json(json::serialize(doc));
  REQUIRE(odd);
  std::mt19937 rng2(7);
  for (int i = 0; i < 200; ++i)
    check_reasons_are_described(assessed(*odd, random_intake(*odd, rng2, 6)));
}
