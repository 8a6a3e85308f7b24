// How cost grows with the number of muscles: the default knowledge base with
// its muscles (and their exercises and chart marks) copied 1, 2 and 4 times
// under new ids, so that the body chart and the intake stay the same and only
// the candidates multiply (47 -> 94 -> 188).
//
//   BM_KbLoadScaled/C        KnowledgeBase::from_json
//   BM_AssessScaled/C        assess() on the typical intake (explanations included)
//   BM_AssessJsonScaled/C    assess_json() on the typical intake
//   BM_ScoreBatchScaled/C    score_batch() of 100,000 drawings, uint8, one thread
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "bench_support.hpp"
#include "myoref/assess.hpp"

namespace myoref::detail {
extern const char kDefaultKbJson[];
extern const std::size_t kDefaultKbJson_size;
}  // namespace myoref::detail

namespace {

namespace json = boost::json;
using myoref::KnowledgeBase;

json::string suffixed(const json::value& id, const std::string& suffix) {
  return json::string(std::string(id.as_string()) + suffix);
}

void suffix_list(json::value& list, const std::string& suffix) {
  for (auto& v : list.as_array())
    v = suffixed(v, suffix);
}

/// The default knowledge base with `copies` copies of every muscle (the
/// original counts as one).
std::string scaled_kb(int copies) {
  json::value doc = json::parse(
      json::string_view(myoref::detail::kDefaultKbJson, myoref::detail::kDefaultKbJson_size));
  json::object& top = doc.as_object();
  const json::array muscles = top["muscles"].as_array();
  const json::array exercises = top["exercises"].as_array();
  const json::array marks = top["chart"].as_object()["marks"].as_array();
  for (int c = 2; c <= copies; ++c) {
    const std::string s = "_c" + std::to_string(c);
    for (json::value m : muscles) {
      json::object& o = m.as_object();
      o["id"] = suffixed(o["id"], s);
      o["name"] = json::string(std::string(o["name"].as_string()) + " " + std::to_string(c));
      o.erase("aliases");
      if (o.contains("related"))
        suffix_list(o["related"], s);
      for (auto& step : o["protocol"].as_object())
        suffix_list(step.value(), s);
      top["muscles"].as_array().push_back(std::move(m));
    }
    for (json::value e : exercises) {
      json::object& o = e.as_object();
      o["id"] = suffixed(o["id"], s);
      suffix_list(o["targets"], s);
      for (const char* link : {"regression", "progression"}) {
        if (o.contains(link) && o[link].is_string())
          o[link] = suffixed(o[link], s);
      }
      top["exercises"].as_array().push_back(std::move(e));
    }
    for (json::value mk : marks) {
      mk.as_object()["muscle"] = suffixed(mk.as_object()["muscle"], s);
      top["chart"].as_object()["marks"].as_array().push_back(std::move(mk));
    }
  }
  return json::serialize(doc);
}

const std::string& scaled_text(int copies) {
  static std::map<int, std::string> texts;
  auto it = texts.find(copies);
  if (it == texts.end())
    it = texts.emplace(copies, scaled_kb(copies)).first;
  return it->second;
}

bool scaled(benchmark::State& state, KnowledgeBase& out) {
  auto kb = KnowledgeBase::from_json(scaled_text(static_cast<int>(state.range(0))));
  if (!kb) {
    state.SkipWithError(kb.error().to_string().c_str());
    return false;
  }
  out = *kb;
  static_cast<void>(out.hash());
  state.counters["muscles"] = static_cast<double>(out.muscles().size());
  state.counters["candidates"] = static_cast<double>(out.candidates().size());
  return true;
}

void BM_KbLoadScaled(benchmark::State& state) {
  KnowledgeBase kb;
  if (!scaled(state, kb))
    return;
  const std::string& text = scaled_text(static_cast<int>(state.range(0)));
  state.counters["bytes"] = static_cast<double>(text.size());
  for (auto _ : state) {
    auto loaded = KnowledgeBase::from_json(text);
    benchmark::DoNotOptimize(loaded);
    state.PauseTiming();
    loaded = KnowledgeBase();
    state.ResumeTiming();
  }
}

void BM_AssessScaled(benchmark::State& state) {
  KnowledgeBase kb;
  if (!scaled(state, kb))
    return;
  const auto intake = myoref::parse_intake(kb, myoref::bench::typical_intake_json());
  if (!intake) {
    state.SkipWithError(intake.error().to_string().c_str());
    return;
  }
  state.counters["listed"] = static_cast<double>(myoref::assess(kb, *intake)->candidate_count());
  for (auto _ : state)
    benchmark::DoNotOptimize(myoref::assess(kb, *intake));
}

void BM_AssessJsonScaled(benchmark::State& state) {
  KnowledgeBase kb;
  if (!scaled(state, kb))
    return;
  const std::string text = myoref::bench::typical_intake_json();
  for (auto _ : state)
    benchmark::DoNotOptimize(myoref::assess_json(kb, text));
}

void BM_ScoreBatchScaled(benchmark::State& state) {
  KnowledgeBase kb;
  if (!scaled(state, kb))
    return;
  const std::size_t n = 100000;
  const std::size_t width = kb.region_keys().size();
  std::vector<std::uint8_t> x(n * width, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t m = 0; m < 1 + i % 8; ++m) {
      x[i * width + (i * 7 + m * 13) % width] = static_cast<std::uint8_t>(1 + (i + m) % 10);
    }
  }
  std::vector<float> out(n * kb.candidates().size());
  for (auto _ : state) {
    const auto s = myoref::score_batch(kb, x.data(), n, out.data(), 1);
    benchmark::DoNotOptimize(s);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

BENCHMARK(BM_KbLoadScaled)->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AssessScaled)->Arg(1)->Arg(2)->Arg(4);
BENCHMARK(BM_AssessJsonScaled)->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScoreBatchScaled)->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
