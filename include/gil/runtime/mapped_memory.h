// Memory mapped straight from the kernel for a thread's big, mostly unused
// arrays (its value stack and its frames).
//
// Each thread reserves room for the deepest recursion it may reach, but a
// typical thread uses a few hundred bytes of it. Anonymous mappings cost
// address space only: a page is committed (and zero-filled) when first
// touched, so a sleeping thread pays for the pages its few frames touched,
// as a CPython thread does. From malloc the same reservation would cost more:
// a block below the mmap threshold comes from a heap that glibc backs with
// transparent huge pages under glibc.malloc.hugetlb=1 (cli/main.cc), so
// touching its header alone faults in 2 MiB, while the GIL is held. The
// mappings are marked MADV_NOHUGEPAGE for the same reason, so a kernel set
// to use huge pages always does not do the same.
#pragma once

#include <cstddef>
#include <new>

namespace gil {

// [bytes] of zeroed, lazily committed memory; throws std::bad_alloc.
void* map_lazy_zeroed(size_t bytes);
// Gives back a mapping made by map_lazy_zeroed.
void unmap_lazy(void* p, size_t bytes) noexcept;

// A standard allocator over map_lazy_zeroed, for a vector whose capacity is
// reserved once up front and mostly never touched.
template <typename T>
struct LazyMappedAllocator {
  using value_type = T;
  LazyMappedAllocator() noexcept = default;
  template <typename U>
  LazyMappedAllocator(const LazyMappedAllocator<U>&) noexcept {}
  T* allocate(size_t n) { return static_cast<T*>(map_lazy_zeroed(n * sizeof(T))); }
  void deallocate(T* p, size_t n) noexcept { unmap_lazy(p, n * sizeof(T)); }
  friend bool operator==(const LazyMappedAllocator&, const LazyMappedAllocator&) noexcept { return true; }
};

}  // namespace gil
