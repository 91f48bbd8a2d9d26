// The slots the built-in types of the first rounds share: each works on
// every built-in kind, switching on ObjKind, and raises CPython's TypeError
// for a kind that does not support it. install_types (types.cc) gives them
// to every built-in type; a class deriving from a built-in inherits them.
// A type moved into a file of its own replaces them with its own slots.
// Private to src/runtime.
#pragma once

#include <string>

#include "gil/runtime/ops.h"

#include "builtin_types.h"

namespace gil {

bool builtin_equals(ThreadState& ts, const Value& a, const Value& b);
Value builtin_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op);
uint64_t builtin_hash(ThreadState& ts, const Value& v);
void builtin_repr(ThreadState& ts, const Value& v, std::string& out);
void builtin_str(ThreadState& ts, const Value& v, std::string& out);
Value builtin_call(ThreadState& ts, const Value& callable, Value* args, int argc, ObjTuple* kwnames);

}  // namespace gil
