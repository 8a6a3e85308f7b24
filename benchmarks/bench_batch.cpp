// Batch scoring of many pain drawings, beside the memory-traffic floor.
//
//   BM_ScoreBatch{U8,F32}/N/T   score_batch on N drawings (uint8 or float32
//                               intensities), T threads (0 = all)
//   BM_MemcpyFloor{U8,F32}/N/T  baseline: memcpy of the same input bytes (to a
//                               scratch buffer) and output bytes (from one), split
//                               over T threads the same way
//   BM_StreamFloor{U8,F32}/N/T  a stricter floor: read the input once (a sum)
//                               and write the output once (a fill), as scoring must
//   BM_ScoreBatchPath{U8,F32}/P/N  score_batch on one thread with the kernel
//                               forced onto path P (0 scalar, 1 SSE2, 2 AVX2,
//                               3 AVX-512; skipped where the CPU lacks it)
//
// Drawings are sparse, as people draw them: 1 to 8 painful region keys each,
// intensities 1..10, the rest 0, from a fixed seed. Counters: drawings/s
// (items_per_second), input+output bytes/s, heap allocations per call.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "engine/scoring.hpp"
#include "myoref/assess.hpp"

namespace {

using myoref::KnowledgeBase;

constexpr std::size_t kMaxDrawings = 1000000;

template <class T>
struct Data {
  std::size_t width = 0;   // region keys
  std::size_t height = 0;  // candidates
  std::vector<T> drawings;
  std::vector<float> out;
  std::vector<T> scratch_in;
  std::vector<float> scratch_out;
};

template <class T>
Data<T>& data(const KnowledgeBase& kb) {
  static Data<T> d = [&] {
    Data<T> x;
    x.width = kb.region_keys().size();
    x.height = kb.candidates().size();
    x.drawings = myoref::bench::sparse_drawings<T>(kMaxDrawings, x.width);
    // Touch every page before timing, so that no run pays first-touch faults.
    x.out.assign(kMaxDrawings * x.height, 0.0F);
    x.scratch_in.assign(x.drawings.size(), T{1});
    x.scratch_out.assign(x.out.size(), 1.0F);
    return x;
  }();
  return d;
}

unsigned thread_count(std::int64_t arg) {
  return arg != 0 ? static_cast<unsigned>(arg) : std::max(1U, std::thread::hardware_concurrency());
}

/// Runs body(begin, end) over [0, n) in `threads` contiguous blocks, one per
/// thread, the calling thread taking the first, as score_batch does.
template <class Body>
void split(std::size_t n, unsigned threads, Body body) {
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    pool.emplace_back(body, n * t / threads, n * (t + 1) / threads);
  }
  body(std::size_t{0}, n / threads);
  for (auto& th : pool)
    th.join();
}

template <class T>
void set_counters(benchmark::State& state, const Data<T>& d, std::size_t n) {
  const auto bytes =
      static_cast<std::int64_t>(n * (d.width * sizeof(T) + d.height * sizeof(float)));
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

template <class T>
void BM_ScoreBatch(benchmark::State& state) {
  KnowledgeBase kb;
  if (!myoref::bench::default_kb(state, kb))
    return;
  Data<T>& d = data<T>(kb);
  const auto n = static_cast<std::size_t>(state.range(0));
  const unsigned threads = thread_count(state.range(1));
  const auto run = [&] {
    const auto s = myoref::score_batch(kb, d.drawings.data(), n, d.out.data(), threads);
    if (!s)
      state.SkipWithError(s.error().to_string().c_str());
  };
  state.counters["allocs"] = myoref::bench::allocations_of(run);
  for (auto _ : state) {
    run();
    benchmark::ClobberMemory();
  }
  set_counters(state, d, n);
  // run.py adds this benchmark's arguments to the baseline's name.
  state.SetLabel(sizeof(T) == 1 ? "vs BM_MemcpyFloorU8" : "vs BM_MemcpyFloorF32");
}

/// score_batch on one thread with the kernel forced onto one path (scalar,
/// SSE2, AVX2, AVX-512: the argument is detail::ScoringPath), to show what
/// each instruction set gives; skipped where the CPU lacks it.
template <class T>
void BM_ScoreBatchPath(benchmark::State& state) {
  KnowledgeBase kb;
  if (!myoref::bench::default_kb(state, kb))
    return;
  const auto path = static_cast<myoref::detail::ScoringPath>(state.range(0));
  if (!myoref::detail::scoring_path_supported(path)) {
    state.SkipWithError("this CPU does not run the path");
    return;
  }
  Data<T>& d = data<T>(kb);
  const auto n = static_cast<std::size_t>(state.range(1));
  myoref::detail::override_scoring_path(path);
  for (auto _ : state) {
    const auto s = myoref::score_batch(kb, d.drawings.data(), n, d.out.data(), 1);
    if (!s)
      state.SkipWithError(s.error().to_string().c_str());
    benchmark::ClobberMemory();
  }
  myoref::detail::override_scoring_path(std::nullopt);
  set_counters(state, d, n);
  state.SetLabel(sizeof(T) == 1 ? "vs BM_MemcpyFloorU8/1000000/1/process_time/real_time"
                                : "vs BM_MemcpyFloorF32/1000000/1/process_time/real_time");
}

template <class T>
void BM_MemcpyFloor(benchmark::State& state) {
  KnowledgeBase kb;
  if (!myoref::bench::default_kb(state, kb))
    return;
  Data<T>& d = data<T>(kb);
  const auto n = static_cast<std::size_t>(state.range(0));
  const unsigned threads = thread_count(state.range(1));
  for (auto _ : state) {
    split(n, threads, [&](std::size_t begin, std::size_t end) {
      std::memcpy(d.scratch_in.data() + begin * d.width, d.drawings.data() + begin * d.width,
                  (end - begin) * d.width * sizeof(T));
      std::memcpy(d.out.data() + begin * d.height, d.scratch_out.data() + begin * d.height,
                  (end - begin) * d.height * sizeof(float));
    });
    benchmark::ClobberMemory();
  }
  set_counters(state, d, n);
}

template <class T>
void BM_StreamFloor(benchmark::State& state) {
  KnowledgeBase kb;
  if (!myoref::bench::default_kb(state, kb))
    return;
  Data<T>& d = data<T>(kb);
  const auto n = static_cast<std::size_t>(state.range(0));
  const unsigned threads = thread_count(state.range(1));
  for (auto _ : state) {
    split(n, threads, [&](std::size_t begin, std::size_t end) {
      // OR of the input's 64-bit words: a reduction the compiler vectorises,
      // so that this is bound by memory, not by adds.
      const auto* in = reinterpret_cast<const unsigned char*>(d.drawings.data() + begin * d.width);
      const std::size_t words = (end - begin) * d.width * sizeof(T) / sizeof(std::uint64_t);
      std::uint64_t acc = 0;
      for (std::size_t i = 0; i < words; ++i) {
        std::uint64_t w = 0;
        std::memcpy(&w, in + i * sizeof w, sizeof w);
        acc |= w;
      }
      benchmark::DoNotOptimize(acc);
      std::fill(d.out.data() + begin * d.height, d.out.data() + end * d.height, 0.5F);
    });
    benchmark::ClobberMemory();
  }
  set_counters(state, d, n);
  // run.py adds this benchmark's arguments to the baseline's name.
  state.SetLabel(sizeof(T) == 1 ? "vs BM_MemcpyFloorU8" : "vs BM_MemcpyFloorF32");
}

void batch_args(benchmark::internal::Benchmark* b) {
  for (const std::int64_t n : {1000, 10000, 100000, 1000000}) {
    for (const std::int64_t t : {1, 0})
      b->Args({n, t});
  }
  // Wall time is the measure; the CPU column is the whole process (every thread).
  b->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
}

void path_args(benchmark::internal::Benchmark* b) {
  for (const std::int64_t path : {0, 1, 2, 3})
    b->Args({path, 1000000});
  b->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
}

BENCHMARK_TEMPLATE(BM_ScoreBatch, std::uint8_t)->Name("BM_ScoreBatchU8")->Apply(batch_args);
BENCHMARK_TEMPLATE(BM_MemcpyFloor, std::uint8_t)->Name("BM_MemcpyFloorU8")->Apply(batch_args);
BENCHMARK_TEMPLATE(BM_StreamFloor, std::uint8_t)->Name("BM_StreamFloorU8")->Apply(batch_args);
BENCHMARK_TEMPLATE(BM_ScoreBatch, float)->Name("BM_ScoreBatchF32")->Apply(batch_args);
BENCHMARK_TEMPLATE(BM_ScoreBatchPath, std::uint8_t)->Name("BM_ScoreBatchPathU8")->Apply(path_args);
BENCHMARK_TEMPLATE(BM_ScoreBatchPath, float)->Name("BM_ScoreBatchPathF32")->Apply(path_args);
BENCHMARK_TEMPLATE(BM_MemcpyFloor, float)->Name("BM_MemcpyFloorF32")->Apply(batch_args);
BENCHMARK_TEMPLATE(BM_StreamFloor, float)->Name("BM_StreamFloorF32")->Apply(batch_args);

}  // namespace

BENCHMARK_MAIN();
