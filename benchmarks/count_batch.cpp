// One score_batch call, for valgrind's callgrind to count its instructions
// (benchmarks time; this counts). Not a Google Benchmark program, so that
// run.py leaves it alone.
//
//   count_batch u8|f32 [PATH [N]]
//
// scores N (default 100,000) of bench_batch's drawings on one thread, on
// PATH (0 scalar, 1 SSE2, 2 AVX2, 3 AVX-512; default: the one the CPU gets).
// valgrind runs no AVX-512 and tells the program the CPU has none, so by
// default it counts the AVX2 path:
//
//   valgrind --tool=callgrind --toggle-collect='myoref::score_batch*' PROGRAM u8
//
// with PROGRAM build-bench/benchmarks/count_batch.
//
// Instructions per drawing: the "Collected" total divided by N.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "bench_support.hpp"
#include "engine/scoring.hpp"
#include "myoref/assess.hpp"
#include "myoref/kb.hpp"

namespace {

template <class T>
int count(const myoref::KnowledgeBase& kb, std::size_t n) {
  const std::vector<T> drawings = myoref::bench::sparse_drawings<T>(n, kb.region_keys().size());
  std::vector<float> out(n * kb.candidates().size());
  const myoref::Status done = myoref::score_batch(kb, drawings.data(), n, out.data(), 1);
  if (!done) {
    std::fprintf(stderr, "count_batch: %s\n", done.error().to_string().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || (std::strcmp(argv[1], "u8") != 0 && std::strcmp(argv[1], "f32") != 0)) {
    std::fprintf(stderr, "usage: count_batch u8|f32 [PATH [N]]\n");
    return 2;
  }
  if (argc > 2) {
    const auto path = static_cast<myoref::detail::ScoringPath>(std::atoi(argv[2]));
    if (!myoref::detail::scoring_path_supported(path)) {
      std::fprintf(stderr, "count_batch: this CPU does not run path %s\n", argv[2]);
      return 3;
    }
    myoref::detail::override_scoring_path(path);
  }
  const std::size_t n = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 100000;
  auto kb = myoref::KnowledgeBase::builtin();
  if (!kb)
    return 1;
  return std::strcmp(argv[1], "u8") == 0 ? count<std::uint8_t>(*kb, n) : count<float>(*kb, n);
}
