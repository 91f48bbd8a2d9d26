// `set` and `frozenset` (ObjSet, object.h): what the rest of the
// interpreter calls. The types, their slots and methods live in
// src/runtime/setobject.cc, after CPython's Objects/setobject.c, whose
// table layout and probing they copy so that sets iterate in the same order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"

namespace gil {

// Whether [v] is a set or a frozenset (or an instance of a class deriving
// from either): CPython's PyAnySet_Check.
inline bool is_anyset(const Value& v) {
  return v.is_obj() && (v.as_obj()->kind == ObjKind::Set || v.as_obj()->kind == ObjKind::FrozenSet);
}
// Whether [v] is a mutable set (PySet_Check).
inline bool is_set(const Value& v) { return is_kind(v, ObjKind::Set); }

// A new empty set.
Value make_set(Runtime& rt);
// A new set of [items], in order: BUILD_SET. TypeError for an unhashable item.
Value make_set(ThreadState& ts, const std::vector<Value>& items);
Value make_set(ThreadState& ts, const Value* items, size_t count);
// A new frozenset of [items].
Value make_frozenset(ThreadState& ts, const std::vector<Value>& items);

// set.add(key): SET_ADD. [set] must be a set (not a frozenset: the
// constructors fill frozensets). TypeError for an unhashable key.
void set_add(ThreadState& ts, const Value& set, const Value& key);
// `key in set`, for a set or a frozenset; a set as [key] is looked up as
// the frozenset of its items, as CPython does.
bool set_contains(ThreadState& ts, const Value& set, const Value& key);
// set.discard(key): whether the key was there.
bool set_discard(ThreadState& ts, const Value& set, const Value& key);
// set.update(iterable).
void set_update(ThreadState& ts, const Value& set, const Value& iterable);
// set.clear().
void set_clear(const Value& set);
// len(set).
size_t set_size(const Value& set);
// Iterates [set] in table order (CPython's order): [pos] starts at 0; false
// when there is nothing left. The set must not change meanwhile.
bool set_next(const Value& set, size_t& pos, Value& key);
// The items in iteration order.
std::vector<Value> set_items(const Value& set);

// Creates set, frozenset and set_iterator on [rt], with their methods, and
// binds the builtins `set` and `frozenset`. Called by install_types.
void install_set_types(Runtime& rt);

}  // namespace gil
