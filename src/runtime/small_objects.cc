#include "gil/runtime/small_objects.h"

#include <cstdlib>

namespace gil::small_objects {
namespace {

constexpr ThreadCache unstarted_cache() {
  ThreadCache c{};
  for (size_t i = 0; i < kClasses; ++i) c.count[i] = kMaxCached;
  c.state = ThreadCache::kUnstarted;
  return c;
}

#if GIL_SMALL_OBJECT_CACHE
// Gives a thread's cached blocks back when the thread exits, and from then
// on sends every release to the system (the counts stay full), since the
// destructors of other thread-locals may still free objects.
struct Reaper {
  ~Reaper() {
    for (size_t c = 0; c < kClasses; ++c) {
      while (void* block = cache.head[c]) {
        cache.head[c] = *static_cast<void**>(block);
        std::free(block);
      }
      cache.count[c] = kMaxCached;
    }
    cache.state = ThreadCache::kReaped;
  }
};

void start_caching() {
  // Constructed here, on the thread's first release; destroyed at its exit.
  static thread_local Reaper reaper;
  (void)reaper;
  for (size_t c = 0; c < kClasses; ++c) cache.count[c] = 0;
  cache.state = ThreadCache::kCaching;
}

#endif  // GIL_SMALL_OBJECT_CACHE

}  // namespace

thread_local ThreadCache cache = unstarted_cache();

void* allocate_from_system(size_t size) {
  // A small block gets its whole class's size, so that any block of the
  // class can serve any request of it once it is cached.
  if (size <= kMaxSize) size = (size_class(size) + 1) * kGranule;
  if (void* block = std::malloc(size)) return block;
  throw std::bad_alloc();
}

void release_slowly(void* block, size_t size) noexcept {
#if GIL_SMALL_OBJECT_CACHE
  if (cache.state == ThreadCache::kUnstarted && size <= kMaxSize) {
    start_caching();
    release(block, size);
    return;
  }
#endif
  std::free(block);
}

size_t cached_blocks() {
  size_t n = 0;
  for (size_t c = 0; c < kClasses; ++c)
    if (cache.head[c]) n += cache.count[c];
  return n;
}

}  // namespace gil::small_objects
