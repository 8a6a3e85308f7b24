// The replacement operator new/delete behind alloc_counter.hpp. Every form
// goes through malloc/free so that malloc_usable_size can account for frees.
#include "alloc_counter.hpp"

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace myoref::bench {
namespace {

std::atomic<bool> g_counting{false};
std::atomic<std::uint64_t> g_allocations{0};
std::atomic<std::uint64_t> g_bytes{0};
std::atomic<std::int64_t> g_live{0};

void* allocate(std::size_t size, std::size_t align) {
  if (size == 0)
    size = 1;
  void* p = nullptr;
  if (align <= alignof(std::max_align_t)) {
    p = std::malloc(size);
  } else if (posix_memalign(&p, align, size) != 0) {
    p = nullptr;
  }
  if (p == nullptr)
    return nullptr;
  if (g_counting.load(std::memory_order_relaxed)) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_add(size, std::memory_order_relaxed);
    g_live.fetch_add(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
  }
  return p;
}

void release(void* p) noexcept {
  if (p == nullptr)
    return;
  if (g_counting.load(std::memory_order_relaxed)) {
    g_live.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
  }
  std::free(p);
}

void* allocate_or_throw(std::size_t size, std::size_t align) {
  void* p = allocate(size, align);
  if (p == nullptr)
    throw std::bad_alloc();
  return p;
}

}  // namespace

AllocStats alloc_stats() noexcept {
  AllocStats s;
  s.allocations = g_allocations.load();
  s.bytes = g_bytes.load();
  s.live_bytes = g_live.load();
  return s;
}

Counting::Counting() noexcept : start_(alloc_stats()) {
  g_counting.store(true);
}

Counting::~Counting() {
  g_counting.store(false);
}

AllocStats Counting::delta() const noexcept {
  const AllocStats now = alloc_stats();
  return AllocStats{now.allocations - start_.allocations, now.bytes - start_.bytes,
                    now.live_bytes - start_.live_bytes};
}

std::size_t malloc_in_use() noexcept {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

}  // namespace myoref::bench

// The replaceable global allocation functions ([new.delete]).
void* operator new(std::size_t size) {
  return myoref::bench::allocate_or_throw(size, 0);
}
void* operator new[](std::size_t size) {
  return myoref::bench::allocate_or_throw(size, 0);
}
void* operator new(std::size_t size, std::align_val_t align) {
  return myoref::bench::allocate_or_throw(size, static_cast<std::size_t>(align));
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return myoref::bench::allocate_or_throw(size, static_cast<std::size_t>(align));
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return myoref::bench::allocate(size, 0);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return myoref::bench::allocate(size, 0);
}
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return myoref::bench::allocate(size, static_cast<std::size_t>(align));
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return myoref::bench::allocate(size, static_cast<std::size_t>(align));
}
void operator delete(void* p) noexcept {
  myoref::bench::release(p);
}
void operator delete[](void* p) noexcept {
  myoref::bench::release(p);
}
void operator delete(void* p, std::size_t) noexcept {
  myoref::bench::release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  myoref::bench::release(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  myoref::bench::release(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  myoref::bench::release(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  myoref::bench::release(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  myoref::bench::release(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  myoref::bench::release(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  myoref::bench::release(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  myoref::bench::release(p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  myoref::bench::release(p);
}
