// A code object: the bytecode of one function (or of a module's top level),
// with its constants, names, line table and exception table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gil/runtime/object.h"
#include "gil/runtime/opcodes.h"

namespace gil {

// One protected range of a try statement: an exception raised by an
// instruction in [start, end) unwinds the operand stack to [depth] values and
// jumps to [handler] with the exception pushed. Inner ranges come first.
struct ExceptionEntry {
  uint32_t start;
  uint32_t end;
  uint32_t handler;
  uint32_t depth;
};

// The instructions [start, end) of a comprehension compiled inline. CPython
// 3.11 runs a comprehension as a function of its own, so a traceback through
// it shows a "<listcomp>" frame line: [code] is a stand-in ObjCode with that
// name for the traceback, [line] where the comprehension starts.
struct ComprehensionRange {
  uint32_t start;
  uint32_t end;
  int line;
  Value code;
};

// What attribute access by one name found on instances of one class, valid
// while the class's version is [version] (type_modified bumps it whenever a
// namespace in its MRO changes). Guarded by the GIL.
struct AttrCache {
  ObjType* type = nullptr;
  uint64_t version = 0;
  // What the class's MRO has under the name, or null.
  const Value* in_class = nullptr;
  // `obj.name` reads the instance dict first, and `obj.name = v` writes it:
  // attribute access is object's generic one and [in_class] is not a data
  // descriptor.
  bool reads_dict = false;
  bool writes_dict = false;
  // Where in an instance dict the name was last found: instances of one
  // class tend to lay their dicts out alike. A guess, checked before use.
  uint32_t dict_position = UINT32_MAX;
};

// Each name's cache has this many ways, one class each, so that a method
// of a base class that sees instances of several subclasses (a scheduler's
// tasks) keeps hitting.
inline constexpr size_t kAttrCacheWays = 4;

struct GlobalTable;

struct ObjCode : Obj {
  ObjCode() : Obj(ObjKind::Code) {}

  // The function's name ("<module>", "<lambda>" or the def's name), and its
  // dotted path from the module ("Point.__init__", "f.<locals>.g"), which
  // error messages and reprs use.
  std::string name;
  std::string qualname;
  // The source file, as tracebacks print it.
  std::string filename;
  // The line of the def (or 1 for a module).
  int first_line = 1;
  // The namespace of the module this code was compiled in: what its global
  // slots index (Runtime::globals for __main__). Owned by the Runtime.
  GlobalTable* globals = nullptr;
  // A function's docstring (its __doc__), or Empty.
  Value doc;

  // The instructions, one word each (opcodes.h).
  std::vector<uint32_t> code;
  // The source line of each instruction, parallel to [code].
  std::vector<int> lines;
  // Literals and nested code objects, referenced by LOAD_CONST.
  std::vector<Value> constants;
  // Interned attribute, method and module names, referenced by operand.
  std::vector<Value> names;
  // The inline caches of each name, kAttrCacheWays in a row, for
  // LOAD_ATTR, STORE_ATTR and LOAD_METHOD on instances (vm.cc), as CPython
  // 3.11 specialises those instructions: filled by the compiler with empty
  // entries.
  std::vector<AttrCache> attr_caches;
  // Try ranges, innermost first.
  std::vector<ExceptionEntry> exception_table;
  // Inline comprehensions, innermost first.
  std::vector<ComprehensionRange> comprehensions;

  // Parameters occupy the first local slots, in CPython's order: the
  // param_count positional ones (the first posonly_count positional-only),
  // kwonly_count keyword-only ones, then *args and **kwargs when present.
  int param_count = 0;
  int posonly_count = 0;
  int kwonly_count = 0;
  bool has_varargs = false;
  bool has_varkw = false;
  // The argument count for which a call without keywords needs no binding
  // (the arguments are the locals as they lie): param_count for a function
  // with positional parameters only, -1 otherwise. push_frame's one test.
  int simple_argc = 0;
  // The free variables occupy slots [free_start, free_start + free_count),
  // filled from the function's closure by COPY_FREE_VARS.
  int free_start = 0;
  int free_count = 0;
  // Interned names of every local slot; parameters first.
  std::vector<Value> local_names;
  // The deepest the operand stack gets, above the locals.
  int max_stack = 0;

  int local_count() const { return static_cast<int>(local_names.size()); }
  // Every named parameter slot (positional and keyword-only).
  int named_param_count() const { return param_count + kwonly_count; }
  bool is_free_slot(uint32_t slot) const {
    return static_cast<int>(slot) >= free_start && static_cast<int>(slot) < free_start + free_count;
  }
  // Appends an instruction for [line] and returns its index.
  uint32_t emit(Op op, uint32_t arg, int line);
  // Points the jump at [at] to [target].
  void patch_jump(uint32_t at, uint32_t target);
  // The line of the instruction at [index].
  int line_at(size_t index) const { return index < lines.size() ? lines[index] : first_line; }
};

}  // namespace gil
