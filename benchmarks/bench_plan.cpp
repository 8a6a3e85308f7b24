// The self-care plan: what to do next, logging a session, and the plan
// document a host stores between sessions, on plans with 0 to 100 sessions.
//
//   BM_PlanNext/S          Plan::next() on a plan with S logged sessions
//   BM_PlanNextJson/S      the same, written as the contract's JSON
//   BM_PlanLog/S           Plan::log(SessionLog) (the plan copied first, cheaply)
//   BM_PlanLogJson/S       Plan::log(session JSON text)
//   BM_SessionParseBoost   baseline: boost::json::parse of that session text
//   BM_PlanToJson/S        the plan document
//   BM_PlanFromJson/S      reading it back: strict parse, checks, every session replayed
//   BM_PlanParseBoost/S    baseline: boost::json::parse of the same document
//
// Sessions bring relief, so the plan reaches maintenance after three and
// stays there: the usual long-running case.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include <boost/json.hpp>

#include "bench_support.hpp"
#include "myoref/assess.hpp"
#include "myoref/plan.hpp"

namespace {

using myoref::KnowledgeBase;
using myoref::Plan;

// Day i (0-based) of a year of 12 x 28 days: always a real, increasing date.
std::string date(std::size_t i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "2026-%02zu-%02zu", 1 + (i / 28) % 12, 1 + i % 28);
  return buf;
}

myoref::SessionLog session(const Plan& plan, std::size_t day) {
  myoref::SessionLog s;
  s.date = date(day);
  s.target = plan.candidates()[plan.current().value_or(0)].key;
  s.steps = {myoref::Step::release, myoref::Step::stretch, myoref::Step::strengthen};
  s.pain_before = std::max(0, plan.baseline_pain() - 3);
  s.pain_after = s.pain_before;
  return s;
}

std::string session_json(const myoref::SessionLog& s) {
  return R"({"date": ")" + s.date + R"(", "target": ")" + s.target +
         R"(", "steps": ["release", "stretch", "strengthen"], "pain_before": )" +
         std::to_string(s.pain_before) + R"(, "pain_after": )" + std::to_string(s.pain_after) +
         R"(, "red_flags": []})";
}

/// A plan started from the typical intake, its screening questions answered
/// no (a plan is refused while one is unanswered), with `sessions` sessions
/// logged.
bool make_plan(benchmark::State& state, const KnowledgeBase& kb, std::size_t sessions, Plan& out) {
  auto intake = myoref::parse_intake(kb, myoref::bench::typical_intake_json());
  if (!intake) {
    state.SkipWithError(intake.error().to_string().c_str());
    return false;
  }
  auto asked = myoref::assess(kb, *intake);
  if (!asked) {
    state.SkipWithError(asked.error().to_string().c_str());
    return false;
  }
  for (const myoref::Question& q : asked->triage().questions)
    intake->red_flags_denied.push_back(q.red_flag);
  auto assessment = myoref::assess(kb, *intake);
  if (!assessment) {
    state.SkipWithError(assessment.error().to_string().c_str());
    return false;
  }
  auto plan = Plan::start(kb, *assessment);
  if (!plan) {
    state.SkipWithError(plan.error().to_string().c_str());
    return false;
  }
  for (std::size_t i = 0; i < sessions; ++i) {
    if (auto d = plan->log(session(*plan, i)); !d) {
      state.SkipWithError(d.error().to_string().c_str());
      return false;
    }
  }
  out = *plan;
  return true;
}

#define MYOREF_PLAN_SETUP()                                       \
  KnowledgeBase kb;                                               \
  if (!myoref::bench::default_kb(state, kb))                      \
    return;                                                       \
  const auto sessions = static_cast<std::size_t>(state.range(0)); \
  Plan plan(nullptr);                                             \
  if (!make_plan(state, kb, sessions, plan))                      \
    return;                                                       \
  state.counters["status"] = static_cast<double>(static_cast<int>(plan.status()))

void BM_PlanNext(benchmark::State& state) {
  MYOREF_PLAN_SETUP();
  state.counters["allocs"] =
      myoref::bench::allocations_of([&] { benchmark::DoNotOptimize(plan.next()); });
  for (auto _ : state)
    benchmark::DoNotOptimize(plan.next());
}

void BM_PlanNextJson(benchmark::State& state) {
  MYOREF_PLAN_SETUP();
  state.counters["out_bytes"] = static_cast<double>(plan.next().to_json().size());
  for (auto _ : state)
    benchmark::DoNotOptimize(plan.next().to_json());
}

void BM_PlanLog(benchmark::State& state) {
  MYOREF_PLAN_SETUP();
  const myoref::SessionLog s = session(plan, sessions);
  state.counters["allocs"] = myoref::bench::allocations_of([&] {
    Plan copy = plan;
    benchmark::DoNotOptimize(copy.log(s));
  });
  for (auto _ : state) {
    Plan copy = plan;  // shares the state: the copy costs a reference count
    auto d = copy.log(s);
    benchmark::DoNotOptimize(d);
  }
  state.SetLabel("vs BM_SessionParseBoost");
}

void BM_PlanLogJson(benchmark::State& state) {
  MYOREF_PLAN_SETUP();
  const std::string text = session_json(session(plan, sessions));
  {
    Plan copy = plan;
    if (auto d = copy.log(text); !d) {
      state.SkipWithError(d.error().to_string().c_str());
      return;
    }
  }
  for (auto _ : state) {
    Plan copy = plan;
    auto d = copy.log(text);
    benchmark::DoNotOptimize(d);
  }
  state.SetLabel("vs BM_SessionParseBoost");
}

void BM_SessionParseBoost(benchmark::State& state) {
  MYOREF_PLAN_SETUP();
  const std::string text = session_json(session(plan, sessions));
  for (auto _ : state) {
    boost::json::value v = boost::json::parse(text);
    benchmark::DoNotOptimize(v);
  }
}

void BM_PlanToJson(benchmark::State& state) {
  MYOREF_PLAN_SETUP();
  state.counters["bytes"] = static_cast<double>(plan.to_json().size());
  for (auto _ : state)
    benchmark::DoNotOptimize(plan.to_json());
  state.SetLabel("vs BM_PlanParseBoost");
}

void BM_PlanFromJson(benchmark::State& state) {
  MYOREF_PLAN_SETUP();
  const std::string text = plan.to_json();
  for (auto _ : state) {
    auto p = Plan::from_json(kb, text);
    benchmark::DoNotOptimize(p);
  }
  state.SetLabel("vs BM_PlanParseBoost");
}

void BM_PlanParseBoost(benchmark::State& state) {
  MYOREF_PLAN_SETUP();
  const std::string text = plan.to_json();
  for (auto _ : state) {
    boost::json::value v = boost::json::parse(text);
    benchmark::DoNotOptimize(v);
  }
}

void session_counts(benchmark::internal::Benchmark* b) {
  for (const std::int64_t s : {0, 10, 100})
    b->Arg(s);
}

BENCHMARK(BM_PlanNext)->Apply(session_counts);
BENCHMARK(BM_PlanNextJson)->Apply(session_counts);
BENCHMARK(BM_PlanLog)->Apply(session_counts);
BENCHMARK(BM_PlanLogJson)->Apply(session_counts);
BENCHMARK(BM_SessionParseBoost)->Apply(session_counts);
BENCHMARK(BM_PlanToJson)->Apply(session_counts);
BENCHMARK(BM_PlanFromJson)->Apply(session_counts);
BENCHMARK(BM_PlanParseBoost)->Apply(session_counts);

}  // namespace

BENCHMARK_MAIN();
