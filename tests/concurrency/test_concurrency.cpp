// The C++ API from 8 threads at once, for the ThreadSanitizer lane (make tsan:
// `ctest -L concurrency`). What the headers promise: a KnowledgeBase and an
// Assessment are immutable and may be used from any number of threads; a Plan
// is a value, so copies of one plan may be changed on different threads while
// others read the original; the built-in knowledge base loads once however
// many threads ask for it first. Each thread also checks that it got what a
// single thread gets, so the test fails without TSan too when results race.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "myoref/myoref.hpp"

using myoref::KnowledgeBase;
using myoref::Plan;

namespace {

constexpr int kThreads = 8;

// The first answers every red-flag question its drawing opens no: the plan
// tests start plans from it, and a plan waits for those answers.
const char* const kIntakes[] = {
    R"({"pain": [{"region": "buttock_upper", "side": "left", "intensity": 6},
                 {"region": "sacrum", "intensity": 3}], "findings": ["walking"],
        "red_flags_denied": [
        "saddle_numbness", "bladder_bowel_change", "progressive_leg_weakness",
        "tearing_pain", "fever_or_unwell", "history_of_cancer",
        "unexplained_weight_loss", "major_trauma", "immunosuppressed",
        "urinary_blood_or_fever", "night_pain_unrelenting", "osteoporosis"]})",
    R"({"pain": [{"region": "calf", "side": "right", "intensity": 5}], "age": 40})",
    R"({"pain": [{"region": "thigh_lateral", "side": "left", "intensity": 4}],
        "denied": ["sitting_long"], "duration_days": 30, "onset": "gradual"})",
    R"({"pain": [{"region": "lumbar_spine", "intensity": 7}], "red_flags": ["fever_or_unwell"]})",
};

// Runs body(thread) on kThreads threads started together. Catch's assertions
// are not thread-safe: a body records what it finds, and the test checks it
// after the threads have joined.
template <class Body>
void on_threads(Body body) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ++ready;
      while (ready.load() < kThreads) {
        std::this_thread::yield();
      }
      body(t);
    });
  }
  for (auto& th : threads)
    th.join();
}

myoref::SessionLog session_for(const Plan& plan, int pain_after) {
  myoref::SessionLog s;
  s.date = "2026-01-0" + std::to_string(1 + plan.sessions().size() % 9);
  s.target = plan.candidates()[*plan.current()].key;
  s.steps = {myoref::Step::release, myoref::Step::stretch, myoref::Step::strengthen};
  s.pain_before = 6;
  s.pain_after = pain_after;
  return s;
}

}  // namespace

TEST_CASE("the built-in knowledge base loads once for threads that all ask first",
          "[concurrency]") {
  std::vector<const void*> seen(kThreads);
  std::vector<std::string> hashes(kThreads);
  on_threads([&](int t) {
    const auto kb = KnowledgeBase::builtin();
    if (kb) {
      seen[static_cast<std::size_t>(t)] = kb->regions().data();  // the one shared model
      hashes[static_cast<std::size_t>(t)] = kb->hash();          // computed lazily, once
    }
  });
  CHECK(seen[0] != nullptr);
  for (int t = 1; t < kThreads; ++t) {
    CHECK(seen[static_cast<std::size_t>(t)] == seen[0]);
    CHECK(hashes[static_cast<std::size_t>(t)] == hashes[0]);
  }
}

TEST_CASE("threads share one knowledge base and one assessment", "[concurrency]") {
  const auto kb = KnowledgeBase::builtin();
  REQUIRE(kb);
  // A knowledge base loaded from text, whose hash nobody has asked for yet.
  const auto loaded = KnowledgeBase::from_json(kb->to_json());
  REQUIRE(loaded);
  std::vector<std::string> expected;
  for (const char* text : kIntakes)
    expected.push_back(*myoref::assess_json(*kb, text));
  const auto shared = myoref::assess(*kb, *myoref::parse_intake(*kb, kIntakes[0]));
  REQUIRE(shared);
  const std::string shared_json = shared->to_json();
  const std::string shared_text = shared->to_text();
  std::atomic<int> mismatches{0};
  on_threads([&](int t) {
    if (loaded->hash() != kb->hash())
      ++mismatches;
    for (int round = 0; round < 5; ++round) {
      for (std::size_t i = 0; i < std::size(kIntakes); ++i) {
        const KnowledgeBase& which = (t + round) % 2 == 0 ? *kb : *loaded;
        const auto out = myoref::assess_json(which, kIntakes[i]);
        if (!out || *out != expected[i])
          ++mismatches;
      }
      const myoref::Assessment copy = *shared;  // copies share the result
      if (copy.to_json() != shared_json || shared->to_text() != shared_text)
        ++mismatches;
      const auto svg = myoref::render_candidates_svg(*shared, 3);
      if (!svg || svg->empty())
        ++mismatches;
      (void)kb->suggest_region("buttock_uper");
      (void)kb->find_candidate("gluteus_medius:left");
    }
  });
  CHECK(mismatches.load() == 0);
}

TEST_CASE("copies of one plan are logged on their own threads while others read it",
          "[concurrency]") {
  const auto kb = KnowledgeBase::builtin();
  REQUIRE(kb);
  const auto assessment = myoref::assess(*kb, *myoref::parse_intake(*kb, kIntakes[0]));
  REQUIRE(assessment);
  const auto original = Plan::start(*kb, *assessment);
  REQUIRE(original);
  const std::string original_json = original->to_json();
  // What each thread's journey gives when run alone.
  const auto journey = [&](Plan plan, int t) {
    for (int i = 0; i < 4; ++i) {
      const auto decision = plan.log(session_for(plan, (t + i) % 7));
      if (!decision)
        break;
    }
    return plan.to_json();
  };
  std::vector<std::string> alone;
  for (int t = 0; t < kThreads; ++t)
    alone.push_back(journey(*original, t));
  std::vector<std::string> together(kThreads);
  std::atomic<int> mismatches{0};
  on_threads([&](int t) {
    if (t % 2 == 0) {
      together[static_cast<std::size_t>(t)] = journey(*original, t);
    } else {
      together[static_cast<std::size_t>(t)] = alone[static_cast<std::size_t>(t)];
      for (int i = 0; i < 20; ++i) {
        if (original->to_json() != original_json || original->next().to_json().empty())
          ++mismatches;
        const auto reread = Plan::from_json(*kb, original_json);
        if (!reread || reread->to_json() != original_json)
          ++mismatches;
      }
    }
  });
  CHECK(mismatches.load() == 0);
  CHECK(together == alone);
  CHECK(original->to_json() == original_json);
}

TEST_CASE("batch scoring on 8 threads gives what one thread gives", "[concurrency]") {
  const auto kb = KnowledgeBase::builtin();
  REQUIRE(kb);
  const std::size_t keys = kb->region_keys().size();
  const std::size_t cands = kb->candidates().size();
  const std::size_t n = 512;
  std::vector<std::uint8_t> drawings(n * keys);
  for (std::size_t i = 0; i < drawings.size(); ++i)
    drawings[i] = static_cast<std::uint8_t>((i * 7919U) % 23U < 3U ? (i % 10U) + 1U : 0U);
  std::vector<float> one(n * cands);
  std::vector<float> eight(n * cands);
  REQUIRE(myoref::score_batch(*kb, drawings.data(), n, one.data(), 1));
  REQUIRE(myoref::score_batch(*kb, drawings.data(), n, eight.data(), 8));
  CHECK(one == eight);
}
