// Heap allocations on the hot paths, counted (never timed: timing belongs to
// benchmarks/, not to tests). This program's global operator new counts while
// a test asks it to; otherwise it is plain malloc.
//
// score_batch() allocates its working memory once per call and nothing per
// drawing: the count is the same for 1 drawing and for 100,000.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <optional>
#include <vector>

#include "myoref/assess.hpp"
#include "myoref/kb.hpp"
#include "support.hpp"

namespace {

std::atomic<bool> g_counting{false};
std::atomic<std::uint64_t> g_allocations{0};

void* allocate(std::size_t size, std::size_t align) noexcept {
  if (size == 0)
    size = 1;
  if (g_counting.load(std::memory_order_relaxed))
    g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (align <= alignof(std::max_align_t))
    return std::malloc(size);
  void* p = nullptr;
  return posix_memalign(&p, align, size) == 0 ? p : nullptr;
}

void* allocate_or_throw(std::size_t size, std::size_t align) {
  void* p = allocate(size, align);
  if (p == nullptr)
    throw std::bad_alloc();
  return p;
}

/// Allocations made (on any thread) while `f` runs.
template <class F>
std::uint64_t allocations_during(F&& f) {
  const std::uint64_t before = g_allocations.load();
  g_counting.store(true);
  f();
  g_counting.store(false);
  return g_allocations.load() - before;
}

const myoref::KnowledgeBase& builtin() {
  return myoref::test::default_kb();
}

template <class T>
std::vector<T> drawings(const myoref::KnowledgeBase& kb, std::size_t n) {
  const std::size_t width = kb.region_keys().size();
  std::vector<T> x(n * width, T(0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t m = 0; m < 1 + i % 8; ++m)
      x[i * width + (i * 7 + m * 13) % width] = static_cast<T>(1 + (i + m) % 10);
  }
  return x;
}

template <class T>
std::uint64_t batch_allocations(const myoref::KnowledgeBase& kb, std::size_t n, unsigned threads) {
  const std::vector<T> x = drawings<T>(kb, n);
  std::vector<float> out(n * kb.candidates().size());
  std::optional<myoref::Status> status;
  const std::uint64_t count = allocations_during(
      [&] { status.emplace(myoref::score_batch(kb, x.data(), n, out.data(), threads)); });
  REQUIRE(*status);
  return count;
}

}  // namespace

// The replaceable global allocation functions ([new.delete]), through malloc.
void* operator new(std::size_t size) {
  return allocate_or_throw(size, 0);
}
void* operator new[](std::size_t size) {
  return allocate_or_throw(size, 0);
}
void* operator new(std::size_t size, std::align_val_t align) {
  return allocate_or_throw(size, static_cast<std::size_t>(align));
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return allocate_or_throw(size, static_cast<std::size_t>(align));
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return allocate(size, 0);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return allocate(size, 0);
}
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return allocate(size, static_cast<std::size_t>(align));
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return allocate(size, static_cast<std::size_t>(align));
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}

TEST_CASE("score_batch allocates nothing per drawing, on one thread", "[perf][alloc]") {
  const auto kb = builtin();
  for (const std::size_t n : {std::size_t{1}, std::size_t{1000}, std::size_t{100000}}) {
    INFO("drawings: " << n);
    // The working memory of one lane, allocated before scoring starts.
    CHECK(batch_allocations<std::uint8_t>(kb, n, 1) <= 2);
    CHECK(batch_allocations<float>(kb, n, 1) <= 2);
  }
  CHECK(batch_allocations<std::uint8_t>(kb, 100000, 1) ==
        batch_allocations<std::uint8_t>(kb, 1, 1));
  CHECK(batch_allocations<float>(kb, 100000, 1) == batch_allocations<float>(kb, 1, 1));
}

TEST_CASE("score_batch allocates nothing per drawing, on several threads", "[perf][alloc]") {
  const auto kb = builtin();
  // Enough rows for every lane to run: working memory and the threads
  // themselves, the same whatever the number of drawings.
  const std::uint64_t small = batch_allocations<std::uint8_t>(kb, 4 * 4096, 4);
  const std::uint64_t large = batch_allocations<std::uint8_t>(kb, 4 * 50000, 4);
  CHECK(small == large);
  CHECK(batch_allocations<float>(kb, 4 * 4096, 4) == batch_allocations<float>(kb, 4 * 50000, 4));
}

TEST_CASE("an assessment allocates a fixed handful of blocks", "[perf][alloc]") {
  const auto kb = builtin();
  auto intake = myoref::parse_intake(kb, R"({"pain": [
      {"region": "iliac_crest", "side": "left", "intensity": 6},
      {"region": "sacroiliac", "side": "left", "intensity": 5},
      {"region": "buttock_upper", "side": "left", "intensity": 5},
      {"region": "hip_lateral", "side": "left", "intensity": 4},
      {"region": "sacrum", "intensity": 3}],
    "findings": ["walking", "standing_long", "stairs"], "denied": ["sitting_long"]})");
  REQUIRE(intake);
  std::optional<myoref::Expected<myoref::Assessment>> result;
  const std::uint64_t count =
      allocations_during([&] { result.emplace(myoref::assess(kb, *intake)); });
  REQUIRE(*result);
  // The shared result, its one block of arrays, and the canonical intake's
  // lists; and triage's questions and rules, which carry their words: a few
  // blocks for each question the drawing opens; and for each look-alike named
  // (hip osteoarthritis and trochanteric pain here) its list of matched
  // features in words, each string built once and moved: two blocks a feature.
  std::size_t lookalike_blocks = 0;
  for (const auto& m : (*result)->triage().also_consider)
    lookalike_blocks += 2 * (1 + m.why.size());
  CHECK(count <= 12 + 4 * (*result)->triage().questions.size() + lookalike_blocks);
}
