// One assessment, beside the cost of only parsing the intake's JSON text.
//
//   BM_IntakeParseBoost*   baseline: boost::json::parse of the intake text
//   BM_ParseIntake*        parse_intake: the text read and validated into an Intake
//   BM_Assess*             assess(kb, intake) through the C++ API: triage, every
//                          candidate scored and ranked, and for each ranked
//                          candidate its explanation (explained and unexplained
//                          regions, findings for and against, the reasons with
//                          their citations); the intake parsed beforehand
//   BM_AssessDescribe*     the same, and then every reason of the top three
//                          candidates written in words (Assessment::describe)
//   BM_AssessJson*         assess_json: JSON text in, the Assessment JSON out
//
// "Typical" is five marks with three findings (bench_support.hpp), "Large" is
// 40 marks, and the "/N" variants sweep the number of marks.
#include <benchmark/benchmark.h>

#include <string>

#include <boost/json.hpp>

#include "bench_support.hpp"
#include "myoref/assess.hpp"

namespace {

using myoref::KnowledgeBase;
using myoref::bench::allocations_of;

enum class Size { typical, large, marks };

std::string text_for(const KnowledgeBase& kb, Size size, std::size_t marks) {
  switch (size) {
    case Size::typical:
      return myoref::bench::typical_intake_json();
    case Size::large:
      return myoref::bench::intake_json(kb, 40);
    case Size::marks:
      break;
  }
  return myoref::bench::intake_json(kb, marks);
}

std::size_t marks_arg(benchmark::State& state, Size size) {
  return size == Size::marks ? static_cast<std::size_t>(state.range(0)) : 0;
}

std::string suffix(benchmark::State& state, Size size) {
  switch (size) {
    case Size::typical:
      return "Typical";
    case Size::large:
      return "Large";
    case Size::marks:
      break;
  }
  return "/" + std::to_string(state.range(0));
}

void BM_IntakeParseBoost(benchmark::State& state, Size size) {
  KnowledgeBase kb;
  if (!myoref::bench::default_kb(state, kb))
    return;
  const std::string text = text_for(kb, size, marks_arg(state, size));
  for (auto _ : state) {
    boost::json::value v = boost::json::parse(text);
    benchmark::DoNotOptimize(v);
  }
}

void BM_ParseIntake(benchmark::State& state, Size size) {
  KnowledgeBase kb;
  if (!myoref::bench::default_kb(state, kb))
    return;
  const std::string text = text_for(kb, size, marks_arg(state, size));
  state.counters["allocs"] =
      allocations_of([&] { benchmark::DoNotOptimize(myoref::parse_intake(kb, text)); });
  for (auto _ : state) {
    auto intake = myoref::parse_intake(kb, text);
    benchmark::DoNotOptimize(intake);
  }
  state.SetLabel("vs BM_IntakeParseBoost" + suffix(state, size));
}

void BM_Assess(benchmark::State& state, Size size) {
  KnowledgeBase kb;
  if (!myoref::bench::default_kb(state, kb))
    return;
  const auto intake = myoref::parse_intake(kb, text_for(kb, size, marks_arg(state, size)));
  if (!intake) {
    state.SkipWithError(intake.error().to_string().c_str());
    return;
  }
  {
    auto a = myoref::assess(kb, *intake);
    if (!a) {
      state.SkipWithError(a.error().to_string().c_str());
      return;
    }
    state.counters["marks"] = static_cast<double>(intake->pain.size());
    state.counters["candidates"] = static_cast<double>(a->candidate_count());
  }
  state.counters["allocs"] =
      allocations_of([&] { benchmark::DoNotOptimize(myoref::assess(kb, *intake)); });
  for (auto _ : state) {
    auto a = myoref::assess(kb, *intake);
    benchmark::DoNotOptimize(a);
  }
  state.SetLabel("vs BM_IntakeParseBoost" + suffix(state, size));
}

void BM_AssessDescribe(benchmark::State& state, Size size) {
  KnowledgeBase kb;
  if (!myoref::bench::default_kb(state, kb))
    return;
  const auto intake = myoref::parse_intake(kb, text_for(kb, size, marks_arg(state, size)));
  if (!intake) {
    state.SkipWithError(intake.error().to_string().c_str());
    return;
  }
  const auto run = [&] {
    auto a = myoref::assess(kb, *intake);
    std::size_t chars = 0;
    for (std::size_t rank = 0; rank < a->candidate_count() && rank < 3; ++rank) {
      const myoref::RankedCandidate c = a->candidate(rank);
      for (const myoref::Reason& reason : c.basis)
        chars += a->describe(c.candidate, reason).size();
    }
    return chars;
  };
  state.counters["allocs"] = allocations_of([&] { benchmark::DoNotOptimize(run()); });
  for (auto _ : state)
    benchmark::DoNotOptimize(run());
  state.SetLabel("vs BM_IntakeParseBoost" + suffix(state, size));
}

void BM_AssessJson(benchmark::State& state, Size size) {
  KnowledgeBase kb;
  if (!myoref::bench::default_kb(state, kb))
    return;
  const std::string text = text_for(kb, size, marks_arg(state, size));
  std::size_t out_bytes = 0;
  {
    auto out = myoref::assess_json(kb, text);
    if (!out) {
      state.SkipWithError(out.error().to_string().c_str());
      return;
    }
    out_bytes = out->size();
  }
  state.counters["in_bytes"] = static_cast<double>(text.size());
  state.counters["out_bytes"] = static_cast<double>(out_bytes);
  state.counters["allocs"] =
      allocations_of([&] { benchmark::DoNotOptimize(myoref::assess_json(kb, text)); });
  for (auto _ : state) {
    auto out = myoref::assess_json(kb, text);
    benchmark::DoNotOptimize(out);
  }
  state.SetLabel("vs BM_IntakeParseBoost" + suffix(state, size));
}

#define MYOREF_SIZES(fn)                                              \
  BENCHMARK_CAPTURE(fn, Typical, Size::typical)->Name(#fn "Typical"); \
  BENCHMARK_CAPTURE(fn, Large, Size::large)->Name(#fn "Large");       \
  BENCHMARK_CAPTURE(fn, Marks, Size::marks)->Name(#fn)->Arg(1)->Arg(5)->Arg(10)->Arg(20)->Arg(40)

MYOREF_SIZES(BM_IntakeParseBoost);
MYOREF_SIZES(BM_ParseIntake);
MYOREF_SIZES(BM_Assess);
MYOREF_SIZES(BM_AssessDescribe);
MYOREF_SIZES(BM_AssessJson);

}  // namespace

BENCHMARK_MAIN();
