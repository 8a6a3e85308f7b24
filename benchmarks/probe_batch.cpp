// Where batch scoring's time goes: memory, or the rows themselves. Not a
// Google Benchmark program (run.py leaves it alone); prints the fastest of
// five runs of each way of feeding detail::score_rows the same 10^6 uint8
// drawings of bench_batch, 1,000 rows at a time, on one thread:
//
//   build-bench/benchmarks/probe_batch
//
// docs/performance.md ("Third round") reads its table: rows scored again cost
// less than new rows even when both sit in the cache (the branch predictor
// learns them), which is what keeps the batch from the memcpy floor.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "bench_support.hpp"
#include "engine/scoring.hpp"
#include "myoref/assess.hpp"
#include "myoref/kb.hpp"

namespace {

constexpr std::size_t kRows = 1000000;
constexpr std::size_t kChunk = 1000;

template <class F>
void report(const char* what, F&& f) {
  double best = 1e30;
  for (int rep = 0; rep < 5; ++rep) {
    const auto start = std::chrono::steady_clock::now();
    f();
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    best = ms < best ? ms : best;
  }
  std::printf("%-58s %8.1f ms %7.1f ns a row\n", what, best,
              best * 1e6 / static_cast<double>(kRows));
}

}  // namespace

int main() {
  using myoref::detail::RowScratch;
  auto kb = myoref::KnowledgeBase::builtin();
  if (!kb)
    return 1;
  const myoref::detail::ScoringTables& t = myoref::detail::scoring_tables(*kb);
  const std::size_t nr = t.region_key_count;
  const std::size_t nc = t.candidate_count;
  const std::vector<std::uint8_t> rows = myoref::bench::sparse_drawings<std::uint8_t>(kRows, nr);
  std::vector<float> out(kRows * nc, 0.0F);
  std::vector<float> block(kChunk * nc, 0.0F);
  std::vector<std::uint8_t> block_in(kChunk * nr, 0);
  std::vector<std::uint8_t> copy_in(rows.size(), 0);
  std::vector<float> copy_out(out.size(), 1.0F);
  myoref::detail::AlignedFloats work(
      myoref::detail::scoring_work_size(t) + myoref::detail::row_scratch_size(t), 0.0F);
  std::vector<myoref::RegionKeyIndex> keys(myoref::detail::row_scratch_size(t));
  const RowScratch scratch{keys.data(), work.data() + myoref::detail::scoring_work_size(t),
                           work.data()};
  const myoref::detail::ScoringPath path = myoref::detail::scoring_path();
  const auto score = [&](const std::uint8_t* in, std::size_t n, float* to) {
    myoref::detail::score_rows(path, t, in, n, to, scratch);
  };

  report("new rows from memory, to memory (as score_batch)",
         [&] { score(rows.data(), kRows, out.data()); });
  report("new rows from memory, into one block kept in L2", [&] {
    for (std::size_t c = 0; c < kRows; c += kChunk)
      score(rows.data() + c * nr, kChunk, block.data());
  });
  report("copying each block of rows into L2 (the copy alone)", [&] {
    for (std::size_t c = 0; c < kRows; c += kChunk) {
      std::memcpy(block_in.data(), rows.data() + c * nr, kChunk * nr);
      asm volatile("" ::: "memory");  // keep each copy
    }
  });
  report("new rows copied into L2 first, into L2 (copy included)", [&] {
    for (std::size_t c = 0; c < kRows; c += kChunk) {
      std::memcpy(block_in.data(), rows.data() + c * nr, kChunk * nr);
      score(block_in.data(), kChunk, block.data());
    }
  });
  report("the same 1,000 rows every time, into L2", [&] {
    for (std::size_t c = 0; c < kRows; c += kChunk)
      score(rows.data(), kChunk, block.data());
  });
  report("memcpy floor (the input, and the output's bytes)", [&] {
    std::memcpy(copy_in.data(), rows.data(), rows.size());
    std::memcpy(out.data(), copy_out.data(), out.size() * sizeof(float));
  });
  return 0;
}
