// A counting global operator new for the benchmark programs: how many heap
// allocations (and bytes) a piece of code makes, and how many bytes it leaves
// live. Counting is off until a Counting scope turns it on, so timed loops pay
// one relaxed load per allocation and nothing more.
#ifndef MYOREF_BENCHMARKS_ALLOC_COUNTER_HPP
#define MYOREF_BENCHMARKS_ALLOC_COUNTER_HPP

#include <cstddef>
#include <cstdint>

namespace myoref::bench {

struct AllocStats {
  std::uint64_t allocations = 0;  ///< calls to operator new while counting
  std::uint64_t bytes = 0;        ///< bytes requested by them
  std::int64_t live_bytes = 0;    ///< usable bytes allocated minus freed while counting
};

/// Totals since the program started (only while counting was on).
AllocStats alloc_stats() noexcept;

/// Counts every allocation on any thread while alive. Scopes do not nest.
class Counting {
 public:
  Counting() noexcept;
  ~Counting();
  Counting(const Counting&) = delete;
  Counting& operator=(const Counting&) = delete;
  /// What happened since this scope began.
  AllocStats delta() const noexcept;

 private:
  AllocStats start_;
};

/// Bytes the C allocator has handed out and not taken back (mallinfo2's
/// uordblks + hblkhd): includes allocator overhead, which the counts above do not.
std::size_t malloc_in_use() noexcept;

}  // namespace myoref::bench

#endif  // MYOREF_BENCHMARKS_ALLOC_COUNTER_HPP
