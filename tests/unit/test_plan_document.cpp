// Plan documents: round trips, refusal of documents that cannot be trusted,
// and the upgrade of format 1.
#include <cstdint>
#include <string>

#include <catch2/catch.hpp>

#include "protocol/document.hpp"
#include "test_plan_support.hpp"
#include "util/json.hpp"
#include "util/json_writer.hpp"

using myoref::ErrorCode;
using myoref::Plan;
using myoref::PlanStatus;
using myoref::Step;
using namespace plan_test;
namespace json = boost::json;

namespace {

const std::string kGlute = "gluteus_medius:left";

Plan sample_plan() {
  Plan plan = start(glute_seed());
  accept(plan, session(nov(1), kGlute, 6, 5));
  accept(plan, session(nov(2), kGlute, 6, 6, {Step::release, Step::strengthen}));
  return plan;
}

json::object as_object(const std::string& text) {
  auto v = myoref::detail::parse_json(text, {}, "plan");
  REQUIRE(v);
  return v->as_object();
}

/// A document edited in `edit` and then re-sealed with a correct integrity
/// value: what a careful forger (or a buggy host) would produce.
std::string resealed(const std::string& text, void (*edit)(json::object&)) {
  json::object doc = as_object(text);
  edit(doc);
  doc["integrity"] = json::object{{"sha256", myoref::detail::plan_integrity(doc)}};
  return myoref::detail::pretty(doc);
}

// A small deterministic generator, the same on every platform (the standard
// distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint32_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state_ >> 33U);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }

 private:
  std::uint64_t state_;
};

}  // namespace

TEST_CASE("a plan survives to_json and from_json unchanged", "[plan][document]") {
  const Plan plan = sample_plan();
  const std::string text = plan.to_json();
  auto loaded = Plan::from_json(test_kb(), text);
  REQUIRE(loaded);
  CHECK(loaded->to_json() == text);
  CHECK(loaded->next().to_json() == plan.next().to_json());
  CHECK(loaded->sessions().size() == 2);
  CHECK_FALSE(loaded->sessions()[1].complete);

  // The document carries what the contract and the issue ask for.
  const json::object doc = as_object(text);
  CHECK(doc.at("format").as_string() == "myoref.plan");
  CHECK(doc.at("format_version").as_int64() == Plan::kFormatVersion);
  CHECK(doc.at("kb").at("id").as_string() == "plan-test");
  CHECK(doc.at("kb").at("hash").as_string() == test_kb().hash().c_str());
  CHECK(doc.at("library_version").as_string() == myoref::library_version());
  CHECK(doc.at("status").as_string() == "active");
  CHECK(doc.at("current").as_int64() == 0);
  CHECK(doc.at("options").at("release_trials").as_int64() == 3);
  CHECK(doc.at("sessions").as_array().size() == 2);
  CHECK(doc.at("sessions").at(1).at("steps").as_array().size() == 2);
  CHECK(doc.at("integrity").at("sha256").as_string().size() == 64);
}

TEST_CASE("the integrity check survives re-serialisation but not a changed value",
          "[plan][document]") {
  const std::string text = sample_plan().to_json();
  // Compact, keys in another order: the same content.
  json::object doc = as_object(text);
  json::object reordered;
  for (auto it = doc.end(); it != doc.begin();) {
    --it;
    reordered[it->key()] = it->value();
  }
  auto loaded = Plan::from_json(test_kb(), json::serialize(reordered));
  REQUIRE(loaded);
  CHECK(loaded->to_json() == text);

  doc["baseline_pain"] = 7;
  auto edited = Plan::from_json(test_kb(), json::serialize(doc));
  REQUIRE_FALSE(edited);
  CHECK(edited.error().code() == ErrorCode::integrity);
}

TEST_CASE("documents that cannot be trusted are refused with the right code", "[plan][document]") {
  const std::string text = sample_plan().to_json();

  SECTION("truncated") {
    auto r = Plan::from_json(test_kb(), text.substr(0, text.size() / 2));
    REQUIRE_FALSE(r);
    CHECK(r.error().code() == ErrorCode::parse);
  }
  SECTION("a hand-edited pain score") {
    std::string edited = text;
    const auto at = edited.find("\"pain_after\": 5");
    REQUIRE(at != std::string::npos);
    edited.replace(at, 15, "\"pain_after\": 2");
    auto r = Plan::from_json(test_kb(), edited);
    REQUIRE_FALSE(r);
    CHECK(r.error().code() == ErrorCode::integrity);
  }
  SECTION("no integrity check") {
    json::object doc = as_object(text);
    doc.erase("integrity");
    auto r = Plan::from_json(test_kb(), json::serialize(doc));
    CHECK(r.error().code() == ErrorCode::integrity);
  }
  SECTION("another knowledge base") {
    // Other clinical content (a dose; the version and the words are not in
    // the hash, docs/languages.md).
    std::string other = read_text(data_path("kb.json"));
    const auto at = other.find("\"hold_seconds\": 30");
    REQUIRE(at != std::string::npos);
    other.replace(at, 18, "\"hold_seconds\": 31");
    auto kb2 = myoref::KnowledgeBase::from_json(other);
    REQUIRE(kb2);
    REQUIRE(kb2->hash() != test_kb().hash());
    auto r = Plan::from_json(*kb2, text);
    REQUIRE_FALSE(r);
    CHECK(r.error().code() == ErrorCode::kb_mismatch);
    // Same id, other content: said so, and pointed at the hash, not the id.
    CHECK_THAT(r.error().message(), Catch::Matchers::Contains("the same id \"plan-test\""));
    CHECK(r.error().path() == "/kb/hash");
  }
  SECTION("a format version from the future") {
    auto r = Plan::from_json(test_kb(),
                             resealed(text, [](json::object& d) { d["format_version"] = 4; }));
    REQUIRE_FALSE(r);
    CHECK(r.error().code() == ErrorCode::unsupported_version);
    CHECK(r.error().path() == "/format_version");
  }
  SECTION("not a plan") {
    CHECK(Plan::from_json(test_kb(), "[]").error().code() == ErrorCode::invalid_input);
    CHECK(Plan::from_json(test_kb(), R"({"format": "other"})").error().path() == "/format");
    CHECK(Plan::from_json(test_kb(), R"({"format": "myoref.plan", "format_version": 0})")
              .error()
              .path() == "/format_version");
  }
  SECTION("an unknown field, even when sealed") {
    auto r = Plan::from_json(test_kb(), resealed(text, [](json::object& d) { d["notes"] = "x"; }));
    REQUIRE_FALSE(r);
    CHECK(r.error().code() == ErrorCode::invalid_input);
    CHECK(r.error().path() == "/notes");
  }
  SECTION("impossible: a stored status the sessions do not lead to") {
    auto r = Plan::from_json(test_kb(),
                             resealed(text, [](json::object& d) { d["status"] = "maintenance"; }));
    REQUIRE_FALSE(r);
    CHECK(r.error().code() == ErrorCode::invalid_input);
    CHECK(r.error().message().find("history is impossible") != std::string::npos);
    CHECK(r.error().path() == "/status");
  }
  SECTION("impossible: a session out of date order") {
    auto r = Plan::from_json(test_kb(), resealed(text, [](json::object& d) {
                               d["sessions"].as_array()[1].as_object()["date"] = "2026-10-01";
                             }));
    REQUIRE_FALSE(r);
    CHECK(r.error().message().find("history is impossible") != std::string::npos);
    CHECK(r.error().path() == "/sessions/1");
    CHECK(r.error().diagnostics().at(1).path == "/sessions/1/date");
  }
  SECTION("impossible: a session on a target that was not current") {
    auto r = Plan::from_json(test_kb(), resealed(text, [](json::object& d) {
                               d["sessions"].as_array()[0].as_object()["target"] =
                                   "quadratus_lumborum:left";
                             }));
    REQUIRE_FALSE(r);
    CHECK(r.error().diagnostics().at(1).path == "/sessions/0/target");
  }
  SECTION("impossible: a plan at urgent triage") {
    auto r = Plan::from_json(test_kb(), resealed(text, [](json::object& d) {
                               d["triage"].as_object()["level"] = "urgent";
                             }));
    REQUIRE_FALSE(r);
    CHECK(r.error().path() == "/triage/level");
  }
}

TEST_CASE("a stopped plan round-trips and stays stopped", "[plan][document]") {
  Plan plan = start(glute_seed());
  accept(plan, session(nov(1), kGlute, 6, 6, {Step::release}, {"fever_or_unwell"}));
  auto loaded = Plan::from_json(test_kb(), plan.to_json());
  REQUIRE(loaded);
  CHECK(loaded->status() == PlanStatus::stopped_seek_care);
  CHECK(loaded->next().to_json() == plan.next().to_json());
  // A session appended after the stop makes the history impossible.
  auto r = Plan::from_json(test_kb(), resealed(plan.to_json(), [](json::object& d) {
                             json::array& s = d["sessions"].as_array();
                             s.push_back(s[0]);
                           }));
  REQUIRE_FALSE(r);
  CHECK(r.error().path() == "/sessions/1");
}

TEST_CASE("format 1 documents are upgraded", "[plan][document][migration]") {
  // Written by format 1: no options, candidates as bare keys; three release
  // sessions without relief moved it from gluteus medius to quadratus lumborum.
  const std::string v1 = read_text(data_path("plan-v1.json"));
  REQUIRE(v1.find("\"format_version\": 1") != std::string::npos);
  auto plan = Plan::from_json(test_kb(), v1);
  if (!plan)
    FAIL(plan.error().to_string());
  CHECK(plan->options().release_trials == 3);
  CHECK_FALSE(plan->options().append_related);
  REQUIRE(plan->candidates().size() == 2);
  CHECK(plan->candidates()[0].status == myoref::CandidateStatus::not_likely_source);
  CHECK(plan->candidates()[1].status == myoref::CandidateStatus::current);
  CHECK(plan->next().target == "quadratus_lumborum:left");
  CHECK(plan->sessions().size() == 3);

  const std::string upgraded = plan->to_json();
  CHECK(upgraded.find("\"format_version\": 3") != std::string::npos);
  CHECK(upgraded.find("\"append_related\": false") != std::string::npos);
  // Format 3's options keep the old plan's behaviour: every candidate it
  // listed, every exercise, and the no-improvement stop at its widest.
  CHECK(plan->options().max_candidates == 2);
  CHECK(plan->options().max_exercises_per_step == 10);
  CHECK(plan->options().no_improvement_weeks == 52);
  CHECK(plan->precautions().empty());
  CHECK_FALSE(plan->duration_days());
  auto again = Plan::from_json(test_kb(), upgraded);
  REQUIRE(again);
  CHECK(again->to_json() == upgraded);

  // A format-1 document with a field format 1 never had is not upgraded over.
  auto with_options = Plan::from_json(test_kb(), resealed(v1, [](json::object& d) {
                                        d["options"] = json::object{{"release_trials", 9}};
                                      }));
  REQUIRE_FALSE(with_options);
  CHECK(with_options.error().path() == "/options");

  // The upgrade runs after the integrity check: an edited v1 is refused.
  std::string edited = v1;
  edited.replace(edited.find("\"baseline_pain\": 6"), 18, "\"baseline_pain\": 7");
  CHECK(Plan::from_json(test_kb(), edited).error().code() == ErrorCode::integrity);
}

TEST_CASE("random journeys round-trip through documents at every step",
          "[plan][document][property]") {
  // Deterministic: the same seeds give the same journeys on every run.
  const std::vector<std::string> flags = {"night_pain", "fever_or_unwell", "saddle_numbness"};
  int accepted = 0;
  int refused = 0;
  int ended = 0;
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    Rng rng(seed);
    myoref::PlanOptions options;
    options.release_trials = 1 + rng.below(4);
    options.maintenance_sessions = 1 + rng.below(4);
    options.worsening_sessions = 1 + rng.below(3);
    options.append_related = rng.below(4) != 0;
    Plan plan = start(glute_seed(1 + rng.below(10)), options);
    int day = 1;
    for (int step = 0; step < 25; ++step) {
      const auto n = plan.next();
      myoref::SessionLog s;
      day += rng.below(3) - (rng.below(10) == 0 ? 2 : 0);
      day = std::max(day, 1);
      s.date = "2026-" + std::string(day / 28 < 9 ? "0" : "") + std::to_string(1 + day / 28) + "-" +
               (day % 28 + 1 < 10 ? "0" : "") + std::to_string(day % 28 + 1);
      s.target = rng.below(12) == 0 || n.target.empty() ? "quadratus_lumborum:left" : n.target;
      for (int k = 0; k < 3; ++k) {
        if (rng.below(5) != 0)
          s.steps.push_back(static_cast<Step>(k));
      }
      if (s.steps.size() > 1 && rng.below(10) == 0)
        std::swap(s.steps[0], s.steps[1]);
      s.pain_before = rng.below(11);
      s.pain_after = rng.below(11);
      if (rng.below(30) == 0)
        s.red_flags.push_back(flags[static_cast<std::size_t>(rng.below(3))]);

      const std::string before = plan.to_json();
      auto d = plan.log(s);
      if (d) {
        ++accepted;
      } else {
        ++refused;
        REQUIRE(plan.to_json() == before);
      }
      const std::string text = plan.to_json();
      auto loaded = Plan::from_json(test_kb(), text);
      if (!loaded)
        FAIL("seed " << seed << " step " << step << ": " << loaded.error().to_string());
      REQUIRE(loaded->to_json() == text);
      REQUIRE(loaded->next().to_json() == plan.next().to_json());
      if (plan.status() == PlanStatus::stopped_seek_care ||
          plan.status() == PlanStatus::exhausted) {
        ++ended;
        break;
      }
    }
  }
  // The journeys reach every kind of answer, or the property says little.
  CHECK(accepted > 500);
  CHECK(refused > 100);
  CHECK(ended > 20);
}
