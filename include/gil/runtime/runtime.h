// The two states every function of the interpreter is handed, after Lua's
// global_State / lua_State split:
//
// - Runtime: what all threads of one interpreter share: interned strings,
//   built-in types, the __main__ globals, imported modules, the output
//   streams and the eval breaker. Several Runtimes can live in one process.
// - ThreadState: what one thread owns: its value stack, its frames and the
//   exception it is handling. It reaches its Runtime through one reference.
//
// There are no globals: nothing in the interpreter reaches state except
// through these two.
#pragma once

#include <atomic>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <functional>
#include <unordered_map>
#include <vector>

#include "gil/runtime/chunk.h"
#include "gil/runtime/collector.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/mapped_memory.h"
#include "gil/runtime/object.h"
#include "gil/runtime/type.h"
#include "gil/runtime/value.h"
#include "gil/threads/gil.h"
#include "gil/threads/live.h"

namespace gil {

struct Runtime;
struct ThreadState;

// Strings that are looked up by pointer: names, attribute names, short
// literals. An interned string is immortal for the life of its Runtime.
class InternTable {
 public:
  InternTable() = default;
  InternTable(const InternTable&) = delete;
  InternTable& operator=(const InternTable&) = delete;
  ~InternTable();
  // The one interned string equal to [text].
  ObjStr* intern(std::string_view text);

 private:
  std::unordered_map<std::string_view, ObjStr*> table_;
};

// The module-level variables of one module (__main__'s is Runtime::globals;
// each module written in Python has its own), addressed by slot. The compiler
// turns each global name into a slot of the table of the module it compiles
// once, so LOAD_GLOBAL is an array read through the code object's table.
struct GlobalTable {
  // The current value of each global; Empty when unbound.
  std::vector<Value> values;
  // The builtin of the same name, or Empty: what LOAD_GLOBAL finds when the
  // global is unbound.
  std::vector<Value> builtins;
  // The interned name of each slot.
  std::vector<ObjStr*> names;
  std::unordered_map<ObjStr*, uint32_t> slots;
  // The value bound to [name], or null when it is unbound or has no slot.
  const Value* find(ObjStr* name) const {
    auto it = slots.find(name);
    return it == slots.end() || values[it->second].is_empty() ? nullptr : &values[it->second];
  }
};

// The built-in types of one runtime. Exception types form Python's hierarchy.
struct BuiltinTypes {
  ObjType *object, *type, *none, *bool_, *int_, *float_, *str, *bytes, *list, *tuple,
      *dict, *dict_keys, *dict_values, *dict_items, *range, *iterator,
      *function, *builtin_function, *method, *module, *cell, *code;
  // The descriptors classes use, and NotImplemented's type.
  ObjType *staticmethod, *classmethod, *property, *super, *NotImplementedType, *ellipsis;
  // list[int] and int | None (genericaliasobject.cc).
  ObjType *GenericAlias, *UnionType;
  // Bound methods of built-in functions (`[].append`), slices, and the lazy
  // iterators of map() and filter().
  ObjType *builtin_method, *slice, *map, *filter;
  // Slot wrappers (`int.__add__`) and their bound form (`(5).__add__`):
  // slot_wrappers.cc.
  ObjType *wrapper_descriptor, *method_wrapper;
  // What `with` hands __exit__ as its traceback (errors.h).
  ObjType* traceback;
  // The type of each inline tag and of each kind whose objects all share
  // one type (null for the others): type_of()'s tables.
  ObjType* of_tag[6] = {};
  ObjType* of_kind[kObjKindCount] = {};
  // set, frozenset and their iterator (setobject.cc).
  ObjType *set, *frozenset, *set_iterator;
  // Generators (genobject.cc).
  ObjType* generator;
  // The codecs' errors (codecs.h): UnicodeError derives from ValueError.
  ObjType *UnicodeError, *UnicodeDecodeError, *UnicodeEncodeError;
  ObjType *BaseException, *Exception, *ArithmeticError, *ZeroDivisionError,
      *OverflowError, *LookupError, *IndexError, *KeyError, *ValueError,
      *TypeError, *NameError, *UnboundLocalError, *AttributeError,
      *RuntimeError, *RecursionError, *NotImplementedError, *AssertionError,
      *ImportError, *ModuleNotFoundError, *StopIteration, *KeyboardInterrupt,
      *SystemExit, *OSError, *TimeoutError, *MemoryError, *EOFError, *GeneratorExit;
};

// What a layer above the runtime adds to it (the threading module, the
// multiprocessing module), so that the runtime never names those layers:
// the program that makes a Runtime lists the extensions it wants in its
// RuntimeConfig. Each hook may be null.
struct RuntimeExtension {
  // Called by the Runtime's constructor, after the built-in types and
  // functions exist: registers module makers (register_module).
  void (*install)(Runtime& rt) = nullptr;
  // Called, in order, when the program's top level has finished, with the
  // main thread holding the GIL (CPython's finalisation: joining threads and
  // children). [abnormal] when Ctrl-C ended the program.
  void (*at_exit)(ThreadState& ts, bool abnormal) = nullptr;
  // Called, in order, first thing in the Runtime's destructor, before any
  // object goes away: waits for what the extension started.
  void (*at_destroy)(Runtime& rt) = nullptr;
};

// Configuration fixed when a Runtime is made.
struct RuntimeConfig {
  // sys.argv: the program's path, then its arguments.
  std::vector<std::string> argv;
  // Where print() writes and where tracebacks go.
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  // Frames a thread may hold before RecursionError (CPython's default limit).
  int recursion_limit = 1000;
  // The most sys.setrecursionlimit may ask for.
  static constexpr int kMaxRecursionLimit = 20000;
  // The GIL's policy, switch interval and statistics switch.
  GilConfig gil;
  // The layers above the runtime that this Runtime carries.
  std::vector<RuntimeExtension> extensions;
  // Whether run_source ends the program as CPython's finalisation does: a
  // collection, then __main__'s variables released one by one, then another
  // collection, with the GIL held so that __del__ methods run (the CLI's
  // `run`). Off, the globals stay for the caller to read (tests).
  bool finalize_main = false;

  // The lenses of `gil-demo run` (cli/program_run.h); all off by default.
  // The number the timeline and trace know the main thread by; -1 leaves
  // the program's threads unnumbered (a workload's runner numbers its own
  // workers). With a number, each Thread started gets the next one.
  int main_thread_trace_id = -1;
  // Where --live reads what each thread does: the main thread takes the
  // first row, each Thread started the next. Not owned; null for none.
  LiveBoard* live = nullptr;
  // Called once the program's top level and the at_exit hooks are done,
  // with the main thread still holding the GIL: the lenses read the
  // threads' statistics here.
  std::function<void(ThreadState& main)> at_program_end;
};

struct Runtime {
  explicit Runtime(RuntimeConfig config);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  RuntimeConfig config;
  // Every container object of this runtime (gc.h). Declared before every
  // member that holds Values, so that it is destroyed after them.
  ObjectRegistry objects;
  // The cycle collector's Python-visible state (collector.h).
  CollectorState collector;
  InternTable strings;
  BuiltinTypes types{};
  // Every built-in type, freed with the Runtime.
  std::vector<ObjType*> owned_types;
  // Makers of the modules later layers provide, by name.
  std::unordered_map<std::string, Value (*)(ThreadState&)> module_makers;
  // The __main__ module's variables.
  GlobalTable globals;
  // The variables of every module written in Python (imported from a file
  // or frozen into the binary), kept for the runtime's life as CPython keeps
  // sys.modules' entries; define_builtin updates their builtins too.
  std::vector<std::unique_ptr<GlobalTable>> module_globals;
  // Built-in functions and types by name.
  std::unordered_map<ObjStr*, Value> builtins;
  // sys.modules: a dict of the modules imported so far, by name; made on
  // first import (import.cc).
  Value modules;
  // Source text of each compiled file, for traceback lines.
  std::unordered_map<std::string, std::string> sources;
  // The one-character strs of the Latin-1 code points (index = code
  // point), shared so that indexing a str allocates nothing.
  Value single_chars[256];
  Value empty_str;
  // The NotImplemented singleton, and the one empty tuple.
  Value not_implemented;
  // The `...` singleton (Ellipsis).
  Value ellipsis;
  Value empty_tuple;
  // name()'s cache: an open-addressing table by the literal's address, a
  // power of two in size and at most half full.
  struct LiteralName {
    const char* literal;
    ObjStr* name;
  };
  std::vector<LiteralName> literal_names = std::vector<LiteralName>(64, LiteralName{nullptr, nullptr});
  size_t literal_names_used = 0;
  // Interned names the VM needs often.
  ObjStr* name_enter;
  ObjStr* name_exit;
  ObjStr* name_module;
  ObjStr* name_new;
  ObjStr* name_init;
  ObjStr* name_class;

  // Set by signal handlers and by other threads; tested by the eval loop at
  // backward jumps and function entry. Any bit set sends the loop into its
  // slow path. Atomic: written from other threads and signal handlers.
  std::atomic<uint32_t> eval_breaker{0};
  // Daemon threads still running when the program's top level finished
  // (set by run_source): the CLI then exits at once, as CPython kills them.
  int live_daemon_threads = 0;
  // Set by the SIGINT handler; cleared when KeyboardInterrupt is raised.
  std::atomic<bool> sigint_pending{false};
  // The lock every thread of this runtime holds while it runs bytecode.
  std::unique_ptr<Gil> gil;
  // The threading module's bookkeeping (threads started, the main thread);
  // owned here so that it dies with the runtime. Guarded by the GIL.
  std::shared_ptr<void> threading;
  // The multiprocessing module's bookkeeping (children started, this
  // process's name); made on first import. Guarded by the GIL.
  std::shared_ptr<void> multiprocessing;

  // The interned string for [text].
  ObjStr* intern(std::string_view text) { return strings.intern(text); }
  // The interned string for a C++ string literal, found by the literal's
  // address: what the slot wrappers use for dunder names on every call,
  // without hashing the text each time.
  ObjStr* name(const char* literal) {
    size_t mask = literal_names.size() - 1;
    for (size_t i = literal_slot(literal, mask);; i = (i + 1) & mask) {
      if (literal_names[i].literal == literal) return literal_names[i].name;
      if (!literal_names[i].literal) return remember_literal(literal);
    }
  }
  static size_t literal_slot(const char* literal, size_t mask) {
    return static_cast<size_t>((reinterpret_cast<uintptr_t>(literal) * 0x9E3779B97F4A7C15ull) >> 40) & mask;
  }
  // Interns [literal] and adds it to name()'s cache.
  ObjStr* remember_literal(const char* literal);
  // The global slot for [name] in __main__'s table, created on first use.
  uint32_t global_slot(ObjStr* name) { return global_slot(globals, name); }
  // The slot for [name] in [table], created on first use.
  uint32_t global_slot(GlobalTable& table, ObjStr* name);
  // A new, empty module namespace owned by this runtime.
  GlobalTable* new_global_table();
  // Registers a builtin under [name].
  void define_builtin(std::string_view name, Value value);
  // Runs every extension's at_exit hook for the program that [ts], the main
  // thread, has finished.
  void run_at_exit(ThreadState& ts, bool abnormal);
};

// One activation of a code object.
struct Frame {
  // Spelled out (not aggregate-initialised) so that frames.emplace_back
  // builds the frame in place under every compiler: clang 14 has no
  // parenthesised aggregate initialisation.
  Frame(ObjCode* code, Value* base, const uint32_t* ip, Value* locals, Value* sp,
        bool returns_to_native)
      : code(code), base(base), ip(ip), locals(locals), sp(sp),
        returns_to_native(returns_to_native) {}

  // The code being run; kept alive by [function] or by the caller.
  ObjCode* code;
  // The lowest stack slot the frame owns (the callable of the call); the
  // return value replaces it.
  Value* base;
  // The next instruction; saved when this frame calls another.
  const uint32_t* ip;
  // Local slot 0; the operand stack starts at locals + code->local_count().
  Value* locals;
  // The top of the operand stack, saved when this frame calls another.
  Value* sp;
  // True when a native call entered this frame, so RETURN_VALUE must leave
  // the dispatch loop instead of resuming the caller.
  bool returns_to_native;
  // For the __init__ of a class instantiation the loop runs inline (vm.cc):
  // the new instance, which the call returns once __init__ has returned
  // None. Empty for every other frame.
  Value constructing;
  // For a dunder method the loop calls inline for BINARY_OP: that
  // instruction's operand plus one (the operands lie just below [base] in
  // the caller's stack until the result replaces them). 0 otherwise.
  uint32_t finishes_binary_op = 0;
  // For a generator's frame (genobject.h), the ObjGenerator that owns the
  // frame's values between runs; YIELD_VALUE hands them back to it. Null
  // for every other frame.
  Obj* generator = nullptr;
};

// A thread of the interpreter; the GIL's per-thread record is its base.
struct ThreadState : GilThread {
  ThreadState(Runtime& runtime, size_t stack_slots = 1 << 18);
  ThreadState(const ThreadState&) = delete;
  ThreadState& operator=(const ThreadState&) = delete;

  Runtime& rt;
  // The value stack shared by all frames of this thread; fixed size, so
  // pointers into it stay valid. Zeroed memory is a run of Empty Values, so
  // it is mapped straight from the kernel (mapped_memory.h): pages are zero
  // when first touched and untouched ones cost nothing, which is what keeps
  // a thread as cheap as a CPython one. (calloc would do the same only while
  // malloc's mmap threshold stays below the stack's size.)
  struct UnmapStack {
    size_t bytes;
    void operator()(Value* v) const;
  };
  std::unique_ptr<Value, UnmapStack> stack;
  Value* stack_end;
  // The active frames, innermost last. Reserved for the largest recursion
  // limit up front, so that a Frame stays where it is while calls from
  // inside it (a dunder method run by an operator) push more: the eval loop
  // keeps a pointer to its frame. The reservation is mapped lazily, like
  // the stack: a thread pays only for the frames it has used.
  std::vector<Frame, LazyMappedAllocator<Frame>> frames;
  // The exception an `except` block is handling (for bare `raise`), or Empty.
  Value handled_exception;

  // Containers whose repr() is being built, innermost last (cycle guard).
  std::vector<const Obj*> repr_in_progress;
  // Native calls that recurse (repr of nested lists, ==, hash) in
  // progress; counted with the frames against the recursion limit.
  int native_depth = 0;

  // Whether this is the program's main thread, the one KeyboardInterrupt
  // goes to.
  bool is_main = true;
  // The Python-level thread object (threading.current_thread()), or Empty
  // for a thread the threading module has not seen yet.
  Value thread_object;
};

// The one way to allocate an object: a new [T] constructed from [args],
// returned with its first reference, which the caller owns. Containers
// (GcObj) are linked into the registry of [rt] (gc.h); other objects are
// only allocated.
template <typename T, typename... A>
T* new_object(Runtime& rt, A&&... args) {
  auto* o = new T(std::forward<A>(args)...);
  if constexpr (std::is_base_of_v<GcObj, T>) rt.objects.link(o);
  return o;
}
template <typename T, typename... A>
T* new_object(ThreadState& ts, A&&... args) {
  return new_object<T>(ts.rt, std::forward<A>(args)...);
}
// The same, as a Value.
template <typename T, typename... A>
Value make(Runtime& rt, A&&... args) {
  return Value::adopt(new_object<T>(rt, std::forward<A>(args)...));
}
template <typename T, typename... A>
Value make(ThreadState& ts, A&&... args) {
  return Value::adopt(new_object<T>(ts.rt, std::forward<A>(args)...));
}

// Counts one level of a recursive native operation against the recursion
// limit, so that repr, ==, hash and copying of deeply nested structures
// raise RecursionError as CPython does instead of overflowing the C++ stack.
class RecursionGuard {
 public:
  explicit RecursionGuard(ThreadState& ts) : ts_(ts) {
    if (++ts.native_depth + static_cast<int>(ts.frames.size()) > ts.rt.config.recursion_limit) [[unlikely]]
      overflow();
  }
  ~RecursionGuard() { --ts_.native_depth; }
  RecursionGuard(const RecursionGuard&) = delete;
  RecursionGuard& operator=(const RecursionGuard&) = delete;

 private:
  [[noreturn]] void overflow();
  ThreadState& ts_;
};

}  // namespace gil
