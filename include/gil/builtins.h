// The built-in namespace, the methods of the built-in types and the modules a
// program can import. Each installer fills one part of a new Runtime.
#pragma once

#include <string_view>
#include <vector>

#include "gil/runtime.h"

namespace gil {

// Creates the built-in types and the exception hierarchy.
void install_types(Runtime& rt);
// print, len, range, ... and the types by name.
void install_builtin_functions(Runtime& rt);
// Methods of str, list, dict, tuple.
void install_str_methods(Runtime& rt);
void install_container_methods(Runtime& rt);

// Calls an exception type: a new exception whose args are the arguments.
Value construct_exception(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames);

// Adds a method [name] implemented by [fn] to [type].
void add_method(Runtime& rt, ObjType* type, std::string_view name, NativeFn fn);
// Sorts [items] stably by [key] (a callable, or null/None for the items
// themselves), descending when [reverse]: sorted() and list.sort().
void sort_values(ThreadState& ts, std::vector<Value>& items, const Value* key, bool reverse);

// A new built-in function value.
Value make_native(std::string_view name, NativeFn fn);

// The module named [name], imported on first use; ModuleNotFoundError when
// MiniPy has no such module.
Value import_module(ThreadState& ts, ObjStr* name);

// Sleeps for [seconds]; a SIGINT arriving meanwhile raises KeyboardInterrupt.
void sleep_for_seconds(ThreadState& ts, double seconds);

// A module-maker: builds the module [name] for [ts]'s runtime.
using ModuleMaker = Value (*)(ThreadState& ts);
// Registers a module that later layers (threading, multiprocessing) provide.
void register_module(Runtime& rt, std::string_view name, ModuleMaker maker);

// Argument checking shared by built-ins: raise CPython's TypeError when
// [argc] is outside [min, max] or keywords were passed to [fn].
void check_args(ThreadState& ts, std::string_view fn, int argc, int min, int max);
void check_no_keywords(ThreadState& ts, std::string_view fn, ObjTuple* kwnames);
// The keyword argument [name] among [kwnames], or null.
Value* find_keyword(Value* args, int argc, ObjTuple* kwnames, std::string_view name);

}  // namespace gil
