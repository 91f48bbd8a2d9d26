// The built-in types that own a file: each file (rangeobject.cc, ...) fills
// its type's slots and methods in an init function, which install_types
// (types.cc) calls once every type object exists, so that the types can
// refer to one another. Below the init functions, the helpers more than one
// type's file uses. Private to src/runtime.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include "gil/runtime/ops.h"

namespace gil {

// ---- The types' files ----------------------------------------------------------

void init_range_type(Runtime& rt);  // rangeobject.cc

// ---- Shared by the types' files ------------------------------------------------

// Attribute access on an instance of a built-in type: the type's
// get_attribute hook (its data attributes), then the MRO (methods bound
// through tp_descr_get), then the instance dict; Empty when absent. LOAD_METHOD
// (vm.cc) knows that a type with this slot finds its methods in its MRO.
Value builtin_getattr(ThreadState& ts, const Value& obj, ObjStr* name);
// Assignment: a writable data attribute through set_attribute, else
// CPython's AttributeError (read-only, not writable, no such attribute).
void builtin_setattr(ThreadState& ts, const Value& obj, ObjStr* name, const Value& value);

// The hash of an object compared by identity: a mix of its address.
uint64_t address_hash(const Obj* o);

// The address of [o] as the default repr shows it (0x00007f...).
std::string address_of(const Obj* o);

// [i] counted from the end when negative; IndexError "[what] index out of
// range" when outside [0, size).
int64_t normalize_index(ThreadState& ts, int64_t i, size_t size, const char* what);

// A slice resolved against a sequence's length (PySlice_AdjustIndices):
// [count] indices from [start] by [step].
struct SliceRange {
  int64_t start, stop, step, count;
};
SliceRange resolve_slice(ThreadState& ts, const ObjSlice* s, size_t size);

// TypeError "T indices must be integers or slices, not U".
[[noreturn]] void raise_bad_index(ThreadState& ts, const Value& container, const Value& index);

// Marks a container as being printed, so that a list that contains itself
// prints as [...] (CPython's Py_ReprEnter).
struct ReprGuard {
  ReprGuard(ThreadState& ts, const Obj* o) : ts(ts) {
    recursive = std::find(ts.repr_in_progress.begin(), ts.repr_in_progress.end(), o) != ts.repr_in_progress.end();
    if (!recursive) ts.repr_in_progress.push_back(o);
  }
  ~ReprGuard() {
    if (!recursive) ts.repr_in_progress.pop_back();
  }
  ThreadState& ts;
  bool recursive;
};

}  // namespace gil
