#include "gil/runtime/mapped_memory.h"

#include <sys/mman.h>

namespace gil {

void* map_lazy_zeroed(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  madvise(p, bytes, MADV_NOHUGEPAGE);  // advice only: failure changes nothing
  return p;
}

void unmap_lazy(void* p, size_t bytes) noexcept { munmap(p, bytes); }

}  // namespace gil
