// The built-in namespace, the methods of the built-in types and the modules a
// program can import. Each installer fills one part of a new Runtime.
#pragma once

#include <initializer_list>
#include <memory>
#include <string_view>
#include <vector>

#include "gil/runtime/runtime.h"

namespace gil {

// Creates the built-in types and the exception hierarchy.
void install_types(Runtime& rt);
// slice(start, stop, step) (sliceobject.cc).
Value construct_slice(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames);
// getattr, setattr, hasattr, delattr, vars, dir, id, hash, callable, map,
// filter (builtins_attrs.cc).
void install_attribute_builtins(Runtime& rt);
// print, len, range, ... and the types by name.
void install_builtin_functions(Runtime& rt);
// Methods of str, bytes, list, dict, tuple.
void install_str_methods(Runtime& rt);
void install_bytes_methods(Runtime& rt);
void install_container_methods(Runtime& rt);

// Calls an exception type: a new exception whose args are the arguments
// (exceptionobject.cc).
Value construct_exception(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames);

// The keywords a built-in declares (object.h's NativeKeywords), written as
// a spec: "" for none, "*" for any, else the names separated by spaces,
// optionally after "NAME:" naming the function in the error message
// ("sort: key reverse").
std::shared_ptr<const NativeKeywords> parse_keywords(std::string_view spec);
// The one check of a native call's keywords (nativeobject.cc): CPython's
// "list.append() takes no keyword arguments" for a native declaring none,
// "'foo' is an invalid keyword argument for print()" for a name it does
// not declare.
void check_native_keywords(ThreadState& ts, const ObjNative* n, ObjTuple* kwnames);

// Adds a method [name] implemented by [fn] to [type], accepting the
// keywords of the spec [keywords] (see parse_keywords).
void add_method(Runtime& rt, ObjType* type, std::string_view name, NativeFn fn, std::string_view keywords = {});
// Sorts [items] stably by [key] (a callable, or null/None for the items
// themselves), descending when [reverse]: sorted() and list.sort().
void sort_values(ThreadState& ts, std::vector<Value>& items, const Value* key, bool reverse);

// A new built-in function value, accepting the keywords of the spec
// [keywords] (see parse_keywords).
Value make_native(std::string_view name, NativeFn fn, std::string_view keywords = {});

// The module named [name] (dotted: its parents are imported first),
// imported on first use (import.cc); ModuleNotFoundError when MiniPy has no
// such module. Sources: sys.modules, a C++ maker (register_module) and/or a
// frozen source (frozen.h; both: the source runs in the C++ module's
// namespace), then NAME.py or NAME/__init__.py in the directories of
// sys.path.
Value import_module(ThreadState& ts, ObjStr* name);
// The absolute name of the import [name], whose leading dots (a relative
// import) count up from the package of the module whose namespace is
// [globals]; ImportError when there is none.
std::string resolve_relative_import(ThreadState& ts, const GlobalTable& globals, std::string_view name);
// `from module import name`: the attribute, else the submodule
// module.name; CPython's ImportError when neither exists.
Value import_from(ThreadState& ts, const Value& module, ObjStr* name);
// `from module import *`: binds in [into] the names of __all__, or else every
// name not starting with an underscore.
void import_star(ThreadState& ts, const Value& module, GlobalTable& into);
// sys.modules, made with its __main__ entry on first use.
ObjDict* modules_dict(ThreadState& ts);
// The main script's directory, symbolic links resolved: CPython's
// sys.path[0], where a program's own modules are found.
std::string script_directory(const Runtime& rt);

// Sleeps for [seconds]; a SIGINT arriving meanwhile raises KeyboardInterrupt.
void sleep_for_seconds(ThreadState& ts, double seconds);

// A module-maker: builds the module [name] for [ts]'s runtime.
using ModuleMaker = Value (*)(ThreadState& ts);
// Registers a module that later layers (threading, multiprocessing) provide.
void register_module(Runtime& rt, std::string_view name, ModuleMaker maker);
// Registers the modules of this layer made in C++: time, sys, os, signal.
void install_builtin_modules(Runtime& rt);

// Argument checking shared by built-ins: raise CPython's TypeError when
// [argc] is outside [min, max] or keywords were passed to [fn].
void check_args(ThreadState& ts, std::string_view fn, int argc, int min, int max);
void check_no_keywords(ThreadState& ts, std::string_view fn, ObjTuple* kwnames);
// The keyword argument [name] among [kwnames], or null.
Value* find_keyword(Value* args, int argc, ObjTuple* kwnames, std::string_view name);
// Binds [argc] positional arguments, then the keywords, to the parameters
// [names] in order, as CPython's argument parser does for a function whose
// parameters may all be passed by name (bytes(), bytes.decode()...).
// [out] gets one pointer per name, null when absent. Too many arguments, an
// unknown keyword or a parameter given twice raise CPython's TypeError,
// naming [fn].
void bind_arguments(ThreadState& ts, std::string_view fn, Value* args, int argc, ObjTuple* kwnames,
                    std::initializer_list<std::string_view> names, const Value** out);
// Raises CPython's TypeError for an argument of the wrong type, "fn()
// argument 'name' must be str, not int", which names None as "None".
[[noreturn]] void raise_bad_argument(ThreadState& ts, std::string_view fn, std::string_view name,
                                     std::string_view expected, const Value& value);

}  // namespace gil
