// The object header and the one place where references are counted.
//
// Every heap object starts with this header. Every retain and release in the
// interpreter goes through the two functions below (Value's copy and
// destructor call them), so switching between plain counting (correct under a
// GIL), atomic counting and biased counting (free threading, PEP 703) is a
// change to this file alone.
//
// Today's scheme is plain counting: the GIL serialises all bytecode, so no two
// threads touch a count at the same time.
#pragma once

#include <cstddef>
#include <cstdint>

#include "gil/runtime/small_objects.h"

namespace gil {

// The kinds of heap object; each has its struct in object.h.
enum class ObjKind : uint8_t {
  Str, List, Tuple, Dict, DictView, Range, Iterator, Function, Code, Native,
  BoundMethod, Type, Exception, Module, Cell, Slice, Opaque, Bytes,
  Instance, StaticMethod, ClassMethod, Property, Super,
  // ObjSet (object.h): a mutable `set` and an immutable `frozenset`.
  Set, FrozenSet,
  // ObjLong (longobject.h): an int outside int64.
  Long
};
inline constexpr int kObjKindCount = static_cast<int>(ObjKind::Long) + 1;

struct ObjType;

// The header every heap object starts with.
struct Obj {
  explicit Obj(ObjKind k, ObjType* t = nullptr) noexcept : type(t), kind(k) {}
  virtual ~Obj() = default;
  Obj(const Obj&) = delete;
  Obj& operator=(const Obj&) = delete;
  // Object memory comes from the per-thread block cache (small_objects.h);
  // the virtual destructor makes delete pass the most derived object's size.
  static void* operator new(std::size_t size) { return small_objects::allocate(size); }
  static void operator delete(void* block, std::size_t size) noexcept { small_objects::release(block, size); }

  // The number of owning references. Guarded by the GIL of the interpreter
  // that owns the object. Immortal objects (interned names, built-in types)
  // start high enough never to reach zero.
  int64_t refcount = 1;
  // The object's type, or null for the built-in type of its kind (a list is
  // a `list`): set for instances of classes, exceptions and the types that
  // later layers add. type_of() (ops.h) resolves it. Not owned: a class
  // lives as long as its runtime.
  ObjType* type;
  // Which C++ struct the object is; fixed at creation.
  ObjKind kind;
  // True for containers (gc.h's GcObj): objects that hold references and
  // are linked into their runtime's registry. Fills the header's padding.
  bool is_container = false;
  // The cycle collector's fields of a container (gc.h), in the header's
  // padding as CPython keeps them in PyGC_Head's spare bits: the list the
  // container is on (a GcList value), the GcFlag bits, and the count a
  // collection works on (gc_refs, only meaningful during one).
  uint8_t gc_list = 0;
  uint8_t gc_flags = 0;
  int32_t gc_refs = 0;
};

// Adds an owning reference to [o].
inline void retain(Obj* o) noexcept { ++o->refcount; }

// Destroys [o], whose last reference is gone: unlinks a container from its
// registry, through the trashcan when frees nest deeply (gc.h).
void dealloc(Obj* o) noexcept;

// Drops an owning reference to [o], destroying it when none is left.
inline void release(Obj* o) noexcept {
  if (--o->refcount == 0) dealloc(o);
}

// A count that no program can drop to zero: for objects that live as long as
// their runtime.
inline constexpr int64_t kImmortalRefcount = int64_t{1} << 60;

// Makes [o] live as long as its runtime: interned strings, built-in types.
inline void make_immortal(Obj* o) noexcept { o->refcount = kImmortalRefcount; }

// Whether [o] has exactly [expected] owners (the caller's references), so
// that changing it in place cannot be seen elsewhere: the in-place string
// append.
inline bool is_unique(const Obj* o, int64_t expected = 1) noexcept { return o->refcount == expected; }

}  // namespace gil
