// Loading the default knowledge base, beside the cost of only parsing its
// JSON text: how much the validation and the model add to the parse.
//
//   BM_KbLoad            KnowledgeBase::from_json on the embedded text
//   BM_KbParseBoost      baseline: boost::json::parse of the same text
//   BM_KbParseStrict     the library's strict parse alone (detail::parse_json)
//   BM_KbHashLoaded      hash on first use of a base loaded from JSON (the
//                        default one's text): the canonical text and its SHA-256,
//                        whose halves are BM_KbCanonicalText and BM_Sha256 (of the KB text)
//   BM_KbHashBuiltin     hash on first use of KnowledgeBase::builtin(): computed
//                        when the library was built, so nothing is left to do
//   BM_KbBuiltinCached   KnowledgeBase::builtin() after the first call
//
// Counters: allocations and bytes per load, and the memory the loaded base
// keeps (counted by the replacement operator new, and by mallinfo2).
#include <benchmark/benchmark.h>

#include <cstddef>
#include <string_view>

#include <boost/json.hpp>

#include "alloc_counter.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "kb/kb_writer.hpp"
#include "myoref/kb.hpp"
#include "util/json.hpp"
#include "util/sha256.hpp"

namespace myoref::detail {
extern const char kDefaultKbJson[];
extern const std::size_t kDefaultKbJson_size;
}  // namespace myoref::detail

namespace {

std::string_view kb_text() {
  return {myoref::detail::kDefaultKbJson, myoref::detail::kDefaultKbJson_size};
}

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(kb_text().size()));
}

void BM_KbLoad(benchmark::State& state) {
  const std::string_view text = kb_text();
  {
    // One untimed load with counting on: what a load allocates and keeps.
    const std::size_t before = myoref::bench::malloc_in_use();
    myoref::bench::Counting counting;
    auto kb = myoref::KnowledgeBase::from_json(text);
    if (!kb) {
      state.SkipWithError(kb.error().to_string().c_str());
      return;
    }
    const auto d = counting.delta();
    state.counters["allocs"] = static_cast<double>(d.allocations);
    state.counters["alloc_bytes"] = static_cast<double>(d.bytes);
    state.counters["kept_bytes"] = static_cast<double>(d.live_bytes);
    state.counters["kept_malloc"] = static_cast<double>(myoref::bench::malloc_in_use() - before);
  }
  for (auto _ : state) {
    auto kb = myoref::KnowledgeBase::from_json(text);
    benchmark::DoNotOptimize(kb);
    // A host loads once and keeps the base: freeing it is not part of loading.
    state.PauseTiming();
    kb = myoref::KnowledgeBase();
    state.ResumeTiming();
  }
  set_bytes(state);
  state.SetLabel("vs BM_KbParseBoost");
}
BENCHMARK(BM_KbLoad)->Unit(benchmark::kMicrosecond);

void BM_KbParseBoost(benchmark::State& state) {
  const std::string_view text = kb_text();
  for (auto _ : state) {
    boost::json::value v = boost::json::parse(boost::json::string_view(text.data(), text.size()));
    benchmark::DoNotOptimize(v);
  }
  set_bytes(state);
}
BENCHMARK(BM_KbParseBoost)->Unit(benchmark::kMicrosecond);

void BM_KbParseStrict(benchmark::State& state) {
  const std::string_view text = kb_text();
  myoref::detail::JsonLimits limits;
  limits.max_bytes = myoref::KbLimits{}.max_bytes;
  for (auto _ : state) {
    auto v = myoref::detail::parse_json(text, limits, "knowledge base");
    benchmark::DoNotOptimize(v);
  }
  set_bytes(state);
  state.SetLabel("vs BM_KbParseBoost");
}
BENCHMARK(BM_KbParseStrict)->Unit(benchmark::kMicrosecond);

// The first hash() of a base loaded from JSON, every iteration on a fresh
// load (not timed), so that each one pays the computation.
void BM_KbHashLoaded(benchmark::State& state) {
  const std::string_view text = kb_text();
  for (auto _ : state) {
    state.PauseTiming();
    auto kb = myoref::KnowledgeBase::from_json(text);
    if (!kb) {
      state.SkipWithError(kb.error().to_string().c_str());
      return;
    }
    state.ResumeTiming();
    benchmark::DoNotOptimize(kb->hash());
    state.PauseTiming();
    kb = myoref::KnowledgeBase();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_KbHashLoaded)->Unit(benchmark::kMicrosecond);

// The first hash() of the built-in base. builtin() loads it once per process,
// with the hash computed at build time already set (src/kb/builtin_kb.cpp):
// every call, the first included, only returns it.
void BM_KbHashBuiltin(benchmark::State& state) {
  auto kb = myoref::KnowledgeBase::builtin();
  if (!kb) {
    state.SkipWithError(kb.error().to_string().c_str());
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(kb->hash());
  }
}
BENCHMARK(BM_KbHashBuiltin);

// The two halves of BM_KbHashLoaded.
void BM_KbCanonicalText(benchmark::State& state) {
  auto kb = myoref::KnowledgeBase::builtin();
  if (!kb) {
    state.SkipWithError(kb.error().to_string().c_str());
    return;
  }
  std::size_t size = 0;
  for (auto _ : state) {
    const std::string text = myoref::detail::canonical_text(myoref::detail::model_of(*kb));
    size = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size));
}
BENCHMARK(BM_KbCanonicalText)->Unit(benchmark::kMicrosecond);

void BM_Sha256(benchmark::State& state) {
  const std::string text(kb_text());
  for (auto _ : state) {
    const std::string hash = myoref::detail::sha256_hex(text);
    benchmark::DoNotOptimize(hash);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Sha256)->Unit(benchmark::kMicrosecond);

void BM_KbBuiltinCached(benchmark::State& state) {
  benchmark::DoNotOptimize(myoref::KnowledgeBase::builtin());
  for (auto _ : state) {
    auto kb = myoref::KnowledgeBase::builtin();
    benchmark::DoNotOptimize(kb);
  }
}
BENCHMARK(BM_KbBuiltinCached);

}  // namespace

BENCHMARK_MAIN();
