// The heap objects of MiniPy: strings, bytes, containers, functions, types,
// exceptions and modules. Each is a plain struct behind the Obj header of
// refcount.h; the operations on them live in the runtime files (str.cc,
// list.cc, dict.cc, ...). Fields are guarded by the GIL of the owning
// interpreter unless a comment says otherwise.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gil/runtime/gc.h"
#include "gil/runtime/refcount.h"
#include "gil/runtime/value.h"

namespace gil {

struct Runtime;
struct ThreadState;
struct ObjType;
struct ObjCode;
struct GlobalTable;
struct ObjStr;

// An immutable sequence of code points, held as UTF-8 (strobject.h says
// how indexes map to bytes).
struct ObjStr : Obj {
  explicit ObjStr(std::string s) : Obj(ObjKind::Str), text(std::move(s)) {}
  // The UTF-8 bytes. Mutated in place only by `s += t` when this is the sole
  // reference, which is how CPython makes repeated concatenation linear.
  std::string text;
  // The cached hash, 0 when not yet computed.
  uint64_t hash = 0;
  // The number of code points, -1 until str_length() counts them.
  int64_t length = -1;
  // True when the runtime's intern table holds this string.
  bool interned = false;
};

// An immutable sequence of bytes (Python's `bytes`). Kept apart from ObjStr,
// although both hold a std::string, because the two must never compare
// equal, concatenate or mix in a literal, and indexing one gives a str while
// indexing the other gives an int.
struct ObjBytes : Obj {
  explicit ObjBytes(std::string d) : Obj(ObjKind::Bytes), data(std::move(d)) {}
  // The bytes; never changed after construction.
  std::string data;
  // The cached hash, 0 when not yet computed.
  uint64_t hash = 0;
};

// A growable array of values.
struct ObjList : GcObj {
  ObjList() : GcObj(ObjKind::List) {}
  std::vector<Value> items;
};

// An immutable array of values.
struct ObjTuple : GcObj {
  ObjTuple() : GcObj(ObjKind::Tuple) {}
  std::vector<Value> items;
};

// An insertion-ordered hash map, laid out as CPython's compact dict: a dense
// array of entries in insertion order and a sparse index of slots into it.
struct ObjDict : GcObj {
  ObjDict() : GcObj(ObjKind::Dict) {}
  struct Entry {
    Value key;  // Empty for a deleted entry.
    Value value;
    uint64_t hash;
  };
  // Entries in insertion order, with holes where keys were deleted.
  using Entries = std::vector<Entry, small_objects::Allocator<Entry>>;
  Entries entries;
  // Open-addressing table of indexes into entries; -1 free, -2 deleted.
  // Empty while the dict is small enough to be scanned (dict.cc).
  std::vector<int32_t> index;
  // Live entries.
  size_t size = 0;
  // Bumped on every insertion or deletion, so iterators notice changes.
  uint64_t version = 0;
  // A bit per str key's hash (bit hash % 64), never cleared by a deletion
  // and recomputed when the entries are compacted: a str whose bit is clear
  // is certainly absent, so most failed attribute lookups cost one test.
  uint64_t str_key_bits = 0;
  // The type whose namespace this is, or null: a change of shape here
  // invalidates the lookups cached on that type and its subclasses.
  ObjType* namespace_of = nullptr;
};

// `set` and `frozenset` (kind Set or FrozenSet; [type] is the set's type,
// a class deriving from set or frozenset included). Laid out as CPython's
// setobject.c, so that a set iterates in CPython's order (small ints in
// hash order): an open-addressing table of (hash, key) entries, probed
// linearly over 9 entries and then with perturbation. The operations live
// in setobject.cc, the C++ API in set.h.
struct ObjSet : GcObj {
  struct Entry {
    // Empty with hash 0: never used; Empty with kDummy: deleted.
    Value key;
    uint64_t hash = 0;
  };
  // CPython's -1: the hash a deleted entry keeps.
  static constexpr uint64_t kDummy = ~uint64_t{0};
  static constexpr size_t kMinSize = 8;
  ObjSet(ObjKind k, ObjType* t) : GcObj(k, t), table(kMinSize) {}
  // mask + 1 entries, a power of two.
  std::vector<Entry> table;
  size_t mask = kMinSize - 1;
  // Active plus deleted entries, and active entries alone.
  size_t fill = 0;
  size_t used = 0;
  // Where pop() resumes its search.
  size_t finger = 0;
  // Bumped whenever the table is rebuilt or emptied, so that a lookup
  // whose == ran Python code notices and starts over.
  uint64_t generation = 0;
  // A frozenset's hash, once computed.
  uint64_t hash = 0;
  bool hash_known = false;
};

// `dict.keys()`, `dict.values()` or `dict.items()`: a live view of a dict.
struct ObjDictView : GcObj {
  enum class Which : uint8_t { Keys, Values, Items };
  ObjDictView(Value d, Which w) : GcObj(ObjKind::DictView), dict(std::move(d)), which(w) {}
  Value dict;
  Which which;
};

// `range(start, stop, step)`.
//
// Two forms, as CPython's range keeps PyLongs: while start, stop and step
// all fit in int64 they are the int64 fields (the fast path, iterated
// inline by FOR_ITER); when any of them does not, [big] holds the tuple
// (start, stop, step) of ints of any size and the int64 fields are unused
// (rangeobject.cc's long_* functions serve that form).
struct ObjRange : Obj {
  ObjRange(int64_t a, int64_t b, int64_t s) : Obj(ObjKind::Range), start(a), stop(b), step(s) {}
  int64_t start, stop, step;
  Value big;
  bool is_big() const { return !big.is_empty(); }
  // The number of values the range yields; more than INT64_MAX for
  // range(-2**63, 2**63 - 1).
  uint64_t length() const;
  // Value number [i] (less than length()), which fits even where i * step
  // alone would not.
  int64_t at(uint64_t i) const {
    return static_cast<int64_t>(static_cast<uint64_t>(start) + i * static_cast<uint64_t>(step));
  }
};

// An iterator over any iterable. One struct serves every iterable kind, so
// FOR_ITER can test the common cases inline.
struct ObjIterator : GcObj {
  enum class Over : uint8_t {
    Range, Sequence, Str, DictKeys, DictValues, DictItems, Enumerate, Zip, Reversed, Bytes,
    // A range in its big form (ObjRange::big), forwards.
    LongRange,
    // obj[0], obj[1], ... until IndexError: iter() of a class with
    // __getitem__ and no __iter__.
    GetItem,
    // map(fn, *its) and filter(fn, it): source is the tuple (fn, its...).
    Map, Filter,
    // iter(fn, sentinel): source is the tuple (fn, sentinel).
    Callable
  };
  ObjIterator(Over o, Value src) : GcObj(ObjKind::Iterator), over(o), source(std::move(src)) {}
  Over over;
  // What is iterated: the list, tuple, str, bytes or dict; for Enumerate
  // the inner iterator; for Zip a tuple of iterators.
  Value source;
  // The next index (sequences, dicts) or the next value (ranges, enumerate).
  int64_t position = 0;
  // Range: the end and step. Reversed: unused. Dict: the version seen at
  // start. Enumerate: 1 once the count has passed the largest int.
  int64_t stop = 0;
  int64_t step = 1;
  uint64_t dict_version = 0;
  // An int past int64 where the int64 fields cannot follow: Enumerate's
  // count once [stop] is 1, LongRange's next value (its source is the
  // range, [position] the values left, capped at INT64_MAX).
  Value big;
};

// A user function: code plus the values bound when `def` ran.
struct ObjFunction : GcObj {
  ObjFunction() : GcObj(ObjKind::Function) {}
  // The compiled body; owned.
  Value code;
  // Default values of the last defaults.size() parameters.
  std::vector<Value> defaults;
  // Defaults of keyword-only parameters: a dict by name, or Empty.
  Value kwdefaults;
  // The cells of the code's free variables, a tuple in the code's order
  // (COPY_FREE_VARS reads it through the frame's callable slot), or Empty.
  Value closure;
  // __name__ and __qualname__ when assigned (str), else Empty: the code's.
  Value name;
  Value qualname;
  // The function's attributes (`f.calls = 0`): a dict, or Empty.
  Value attrs;
  ObjCode* code_obj() const;
  // __name__ and __qualname__ as text.
  const std::string& name_text() const;
  const std::string& qualname_text() const;
};

// The signature every built-in function and method implements. [args] holds
// [argc] positional arguments (for a method, args[0] is self), then one value
// per name in [kwnames] (a tuple of str, or null when there are none).
using NativeFn = Value (*)(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames);

// The keyword arguments a built-in accepts, declared when it is made, as
// CPython declares METH_NOKW or METH_KEYWORDS and its argument parser's
// keyword list. builtin_call checks a call's keywords against it once,
// before the function runs, so no function can ignore a keyword by
// forgetting to look: a native without a declaration takes none.
struct NativeKeywords {
  // Any name goes (dict.update(**kw), str.format): the function decides.
  bool any = false;
  std::vector<std::string> names;
  // The name CPython's "invalid keyword argument" message uses, when it is
  // not the function's own (sorted() reports "sort()").
  std::string error_name;
};

// What a slot wrapper (CPython's wrapper_descriptor, `int.__add__`) calls:
// the C++ slot of [owner] behind the dunder, with self and the arguments.
using SlotWrapperFn = Value (*)(ThreadState& ts, ObjType* owner, int which, Value* args, int argc);

// A built-in function or method.
struct ObjNative : Obj {
  ObjNative(std::string n, NativeFn f) : Obj(ObjKind::Native), name(std::move(n)), fn(f) {}
  std::string name;
  NativeFn fn;
  // Null: no keyword arguments at all.
  std::shared_ptr<const NativeKeywords> keywords;
  // Set on a slot wrapper instead of [fn]: `(5).__add__(3)` runs int's Add
  // slot. [slot] tells the wrapper which slot of its kind ([owner]'s binary
  // operator, comparison...) it stands for.
  SlotWrapperFn wrapper = nullptr;
  int slot = 0;
  // For a method: the type it belongs to, so errors can say 'list.pop()'.
  ObjType* owner = nullptr;
  // A class method (bytes.fromhex): taken from its type, it comes bound to
  // the type, so that `bytes.fromhex(s)` and `b.fromhex(s)` both call it
  // with the argument after a self it ignores.
  bool class_method = false;
  // A method taken from its type (`str.upper`): the call checks that the
  // first argument is an instance of [owner], as CPython's method
  // descriptors do, since the method itself assumes it.
  bool checks_self = false;
};

// `obj.method` taken as a value: the method with self bound.
struct ObjBoundMethod : GcObj {
  ObjBoundMethod(Value s, Value m) : GcObj(ObjKind::BoundMethod), self(std::move(s)), method(std::move(m)) {}
  Value self;
  Value method;
};

// One line of a traceback: where a frame was when the exception passed.
struct TracebackEntry {
  Value code;  // The ObjCode of the frame.
  int line;
};

// An exception instance.
struct ObjException : GcObj {
  explicit ObjException(ObjType* t) : GcObj(ObjKind::Exception, t) {}
  // Attributes a program set on it (`self.code = 3`), an ObjDict, or Empty.
  Value dict;
  // The constructor's arguments, a tuple.
  Value args;
  // Innermost frame last, as the traceback prints.
  std::vector<TracebackEntry> traceback;
  // The exception being handled when this one was raised, printed first
  // ("During handling of the above exception, another exception occurred").
  Value context;
  // `raise ... from cause`: the cause, printed first ("The above exception
  // was the direct cause of the following exception"); Empty for None.
  Value cause;
  // Set by any `raise ... from`: the context is not printed.
  bool suppress_context = false;
};

// An imported module: a name and its attributes.
struct ObjModule : GcObj {
  explicit ObjModule(std::string n) : GcObj(ObjKind::Module), name(std::move(n)) {}
  std::string name;
  // Attributes by interned name, of a module made in C++.
  std::vector<std::pair<ObjStr*, Value>> attrs;
  // The namespace of a module whose code ran (written in Python, or a C++
  // module a frozen source completed: its attrs then moved here); owned by
  // the Runtime. Null for a module made in C++ alone.
  GlobalTable* globals = nullptr;
  // Where a module read from a file came from, for its repr; empty for the
  // built-in and frozen ones.
  std::string file;
  // True while the module's code runs (a circular import sees it so).
  bool initializing = false;
  const Value* find(ObjStr* attr) const;
};

// `lower:upper:step` inside a subscript; absent bounds are None.
struct ObjSlice : GcObj {
  ObjSlice(Value a, Value b, Value c)
      : GcObj(ObjKind::Slice), start(std::move(a)), stop(std::move(b)), step(std::move(c)) {}
  Value start, stop, step;
};

// A cell: a variable shared between a function and the functions nested in it.
struct ObjCell : GcObj {
  ObjCell() : GcObj(ObjKind::Cell) {}
  Value value;
};

// A C++ object carried by a Python value (a lock, a thread handle): later
// layers subclass it. [type] is its Python type.
struct ObjOpaque : GcObj {
  explicit ObjOpaque(ObjType* t) : GcObj(ObjKind::Opaque, t) {}
  // Attributes of an instance of a Python subclass (a Thread subclass's
  // `self.n`), an ObjDict, or Empty.
  Value dict;
};

// An instance of a class written in Python whose bases are all plain
// classes or object: its attributes live in [dict].
struct ObjInstance : GcObj {
  explicit ObjInstance(ObjType* t, Value d) : GcObj(ObjKind::Instance, t), dict(std::move(d)) {}
  // The instance's __dict__, an ObjDict.
  Value dict;
};

// An instance of a class deriving from list, tuple, dict, set, frozenset or
// str: the built-in's own struct plus an instance dict, as CPython adds a
// __dict__ at tp_dictoffset. Its kind stays the built-in's, so every
// operation of the built-in works on it unchanged; its type is the class.
// Only make_subclass_instance (subclass_instances.cc) and new_set make one,
// and every object of those kinds whose type is a class is one.
template <typename Base>
struct WithDict final : Base {
  using Base::Base;
  // The instance's __dict__, an ObjDict, or Empty until first used.
  Value dict;
};

// staticmethod(f) and classmethod(f): wrappers whose tp_descr_get gives [fn]
// itself, or [fn] bound to the class.
struct ObjStaticMethod : GcObj {
  ObjStaticMethod(ObjType* t, Value f) : GcObj(ObjKind::StaticMethod, t), fn(std::move(f)) {}
  Value fn;
};
struct ObjClassMethod : GcObj {
  ObjClassMethod(ObjType* t, Value f) : GcObj(ObjKind::ClassMethod, t), fn(std::move(f)) {}
  Value fn;
};

// property(fget, fset, fdel, doc): a data descriptor; absent accessors are
// None.
struct ObjProperty : GcObj {
  explicit ObjProperty(ObjType* t) : GcObj(ObjKind::Property, t) {}
  Value fget, fset, fdel, doc;
};

// super(type, obj): attribute lookup in obj's MRO after [type].
struct ObjSuper : GcObj {
  ObjSuper(ObjType* t, ObjType* start, Value o, ObjType* o_type)
      : GcObj(ObjKind::Super, t), start(start), obj(std::move(o)), obj_type(o_type) {}
  // The class the lookup starts after, and the object (or class) bound to
  // what it finds, and the type whose MRO is searched.
  ObjType* start;
  Value obj;
  ObjType* obj_type;
};

// Checked downcasts: [v] must hold an object of the kind.
template <typename T>
T* as(const Value& v) {
  return static_cast<T*>(v.as_obj());
}
inline bool is_kind(const Value& v, ObjKind k) { return v.is_obj() && v.as_obj()->kind == k; }
inline bool is_str(const Value& v) { return is_kind(v, ObjKind::Str); }
inline bool is_bytes(const Value& v) { return is_kind(v, ObjKind::Bytes); }
inline bool is_list(const Value& v) { return is_kind(v, ObjKind::List); }
inline bool is_tuple(const Value& v) { return is_kind(v, ObjKind::Tuple); }
inline bool is_dict(const Value& v) { return is_kind(v, ObjKind::Dict); }

// Allocating: make<T>(rt or ts, args...) in runtime.h is the one entry
// point; it links containers into their runtime's registry (gc.h).

// A new str or bytes object. They hold no references, so they need no
// runtime.
Value make_str(std::string s);
Value make_bytes(std::string data);
// A new list or tuple holding [items]: make<ObjList> and make<ObjTuple> with
// the items moved in.
Value make_list(ThreadState& ts, std::vector<Value> items = {});
Value make_tuple(ThreadState& ts, std::vector<Value> items = {});
Value make_list(Runtime& rt, std::vector<Value> items = {});
Value make_tuple(Runtime& rt, std::vector<Value> items = {});

}  // namespace gil
