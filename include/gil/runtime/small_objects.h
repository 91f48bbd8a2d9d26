// A per-thread cache of freed object blocks in front of the system
// allocator.
//
// Every MiniPy object comes from Obj's operator new and goes back through
// its operator delete (refcount.h), so this is where object memory is
// recycled. A freed block of up to kMaxSize bytes is kept on its thread's
// list for its size class (16 bytes apart) and handed to the next object of
// that class the thread makes, which costs a few instructions where
// malloc and free cost a hundred or more; allocation-heavy programs (a new
// list per slice, an instance and its dict per Vector) make and free
// millions of objects. It plays the part of CPython 3.11's per-type free
// lists (lists, floats, tuples, dicts) and 3.13t's per-thread mimalloc
// heaps; the pymalloc-style arenas and pools of the memory lab come later.
//
// Invariants. A block on a list is owned by nothing else. Lists are per
// thread, so no lock guards them: a block freed by another thread than the
// one that made it joins the freeing thread's list (blocks are plain
// memory, so any thread may reuse any block). At most kMaxCached blocks per
// class stay cached; the rest go back to the system, as does everything a
// thread still caches when it exits. Sanitizer builds bypass the cache, so
// that a use after free is still reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define GIL_SMALL_OBJECT_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define GIL_SMALL_OBJECT_CACHE 0
#endif
#endif
#ifndef GIL_SMALL_OBJECT_CACHE
#define GIL_SMALL_OBJECT_CACHE 1
#endif

namespace gil::small_objects {

inline constexpr size_t kGranule = 16;
inline constexpr size_t kMaxSize = 256;
inline constexpr size_t kClasses = kMaxSize / kGranule;
inline constexpr uint32_t kMaxCached = 256;

// One thread's lists: trivially destructible and constant-initialised, so
// that reaching it is one thread-pointer-relative access. A thread starts
// with every count at kMaxCached, so that its first release takes the slow
// path, which arranges for the cache to be emptied at thread exit and only
// then starts caching; at exit the counts go back to kMaxCached for good.
struct ThreadCache {
  void* head[kClasses];
  uint32_t count[kClasses];
  enum State : uint8_t { kUnstarted, kCaching, kReaped } state;
};
extern thread_local ThreadCache cache;

// The slow halves: a block from the system, and a block back to it (or, on
// a thread's first release, into its newly started cache).
void* allocate_from_system(size_t size);
void release_slowly(void* block, size_t size) noexcept;

inline size_t size_class(size_t size) { return (size - 1) / kGranule; }

inline void* allocate(size_t size) {
#if GIL_SMALL_OBJECT_CACHE
  size_t c = size_class(size);
  if (c < kClasses && cache.head[c]) {
    void* block = cache.head[c];
    cache.head[c] = *static_cast<void**>(block);
    --cache.count[c];
    return block;
  }
#endif
  return allocate_from_system(size);
}

inline void release(void* block, size_t size) noexcept {
#if GIL_SMALL_OBJECT_CACHE
  size_t c = size_class(size);
  if (c < kClasses && cache.count[c] < kMaxCached) {
    *static_cast<void**>(block) = cache.head[c];
    cache.head[c] = block;
    ++cache.count[c];
    return;
  }
#endif
  release_slowly(block, size);
}

// A standard allocator over the same cache, for the arrays objects own
// (a dict's entries): a typical instance dict's array is one cached block.
template <typename T>
struct Allocator {
  using value_type = T;
  Allocator() noexcept = default;
  template <typename U>
  Allocator(const Allocator<U>&) noexcept {}
  T* allocate(size_t n) { return static_cast<T*>(small_objects::allocate(n * sizeof(T))); }
  void deallocate(T* p, size_t n) noexcept { release(p, n * sizeof(T)); }
  friend bool operator==(const Allocator&, const Allocator&) noexcept { return true; }
};

// How many blocks the calling thread caches, over all classes (for tests).
size_t cached_blocks();

}  // namespace gil::small_objects
