#include "gil/runtime/vm.h"

#include <cmath>
#include <new>
#include <utility>
#include <stdexcept>
#include <system_error>

#include "gil/runtime/builtins.h"
#include "gil/runtime/chunk.h"
#include "gil/runtime/collector.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/genobject.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/set.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

// Whether an instruction is one of Python 2's ticks, for the legacy policy.
// Python 2.7's eval loop decremented _Py_Ticker at the top of its loop, and
// its cheapest instructions never went back there: LOAD_FAST, LOAD_CONST,
// STORE_FAST, POP_TOP, the stack shuffles and the conditional jumps ended
// with `goto fast_next_opcode`, and COMPARE_OP, GET_ITER and FOR_ITER
// jumped straight into the handler they predicted (PREDICT). So `while n >
// 0: n -= 1` cost two ticks a pass (the subtraction and JUMP_ABSOLUTE), not
// nine, and a check interval of 100 ticks was 50 passes. Counting every
// instruction released the lock two to three times as often as Python 2 did.
constexpr bool python2_ticks(Op op) {
  switch (op) {
    case Op::NOP:
    case Op::LOAD_CONST:
    case Op::LOAD_FAST:
    case Op::STORE_FAST:
    case Op::POP_TOP:
    case Op::DUP_TOP:
    case Op::DUP_TOP_TWO:
    case Op::ROT_TWO:
    case Op::ROT_THREE:
    case Op::JUMP:  // JUMP_FORWARD
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE:
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP:
    case Op::GET_ITER:  // PREDICT(FOR_ITER)
    case Op::FOR_ITER:  // PREDICT(STORE_FAST), PREDICT(UNPACK_SEQUENCE)
    case Op::LOAD_FAST_LOAD_FAST:
    case Op::LOAD_FAST_LOAD_CONST:
    case Op::COMPARE_OP_POP_JUMP_IF_FALSE:  // PREDICT(POP_JUMP_IF_FALSE)
      return false;
    default:
      return true;
  }
}

// ---- Frames -----------------------------------------------------------------

[[noreturn]] void raise_recursion(ThreadState& ts) {
  raise(ts, ts.rt.types.RecursionError, "maximum recursion depth exceeded");
}

std::string plural(int64_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// CPython's "f() takes 2 positional arguments but 3 were given", counting
// the keyword-only arguments given as CPython does.
[[noreturn]] void raise_too_many(ThreadState& ts, ObjFunction* fn, int given, Value* locals) {
  ObjCode* code = fn->code_obj();
  int max = code->param_count;
  int min = max - static_cast<int>(fn->defaults.size());
  int kwonly_given = 0;
  for (int i = max; i < code->named_param_count(); ++i) kwonly_given += !locals[i].is_empty();
  std::string takes = min == max ? std::to_string(max) : "from " + std::to_string(min) + " to " + std::to_string(max);
  std::string kwonly_note;
  if (kwonly_given)
    kwonly_note = " positional argument" + std::string(given != 1 ? "s" : "") + " (and " +
                  plural(kwonly_given, "keyword-only argument") + ")";
  raise(ts, ts.rt.types.TypeError,
        fn->qualname_text() + "() takes " + takes + " positional argument" + (max != 1 || min != max ? "s" : "") + " but " +
            std::to_string(given) + kwonly_note + (given == 1 && !kwonly_given ? " was" : " were") + " given");
}

// 'a', 'a' and 'b', 'a', 'b', and 'c'.
std::string quoted_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

// "f() missing 2 required positional arguments: 'a' and 'b'" for the empty
// slots in [first, end); [kind] is "positional" or "keyword-only".
[[noreturn]] void raise_missing(ThreadState& ts, ObjFunction* fn, Value* locals, int first, int end, const char* kind) {
  ObjCode* code = fn->code_obj();
  std::vector<std::string> missing;
  for (int i = first; i < end; ++i)
    if (locals[i].is_empty()) missing.push_back(as<ObjStr>(code->local_names[static_cast<size_t>(i)])->text);
  raise(ts, ts.rt.types.TypeError,
        fn->qualname_text() + "() missing " + std::to_string(missing.size()) + " required " + kind + " argument" +
            (missing.size() == 1 ? "" : "s") + ": " + quoted_names(missing));
}

// The named parameter (positional-or-keyword or keyword-only) called
// [name], or -1. Names from a `**` dict need not be interned.
int keyword_slot(const ObjCode* code, ObjStr* name) {
  for (int p = code->posonly_count; p < code->named_param_count(); ++p)
    if (code->local_names[static_cast<size_t>(p)].as_obj() == name) return p;
  if (name->interned) return -1;
  for (int p = code->posonly_count; p < code->named_param_count(); ++p)
    if (as<ObjStr>(code->local_names[static_cast<size_t>(p)])->text == name->text) return p;
  return -1;
}

// An unknown keyword: CPython first blames positional-only parameters given
// by keyword, then the first unknown name.
[[noreturn]] void raise_bad_keyword(ThreadState& ts, ObjFunction* fn, ObjTuple* kwnames, ObjStr* name) {
  ObjCode* code = fn->code_obj();
  std::vector<std::string> posonly;
  for (auto& k : kwnames->items)
    for (int p = 0; p < code->posonly_count; ++p)
      if (as<ObjStr>(code->local_names[static_cast<size_t>(p)])->text == as<ObjStr>(k)->text)
        posonly.push_back(as<ObjStr>(k)->text);
  if (!posonly.empty()) {
    std::string names;
    for (size_t i = 0; i < posonly.size(); ++i) names += (i ? ", " : "") + posonly[i];
    raise(ts, ts.rt.types.TypeError,
          fn->qualname_text() + "() got some positional-only arguments passed as keyword arguments: '" + names + "'");
  }
  raise(ts, ts.rt.types.TypeError, fn->qualname_text() + "() got an unexpected keyword argument '" + name->text + "'");
}

// Moves keyword arguments into their parameter slots, or into the **kwargs
// dict [varkw] (null when the function has none).
void bind_keywords(ThreadState& ts, ObjFunction* fn, Value* locals, std::vector<Value>& values, ObjTuple* kwnames,
                   ObjDict* varkw) {
  ObjCode* code = fn->code_obj();
  for (size_t k = 0; k < values.size(); ++k) {
    auto* name = as<ObjStr>(kwnames->items[k]);
    int slot = keyword_slot(code, name);
    if (slot < 0) {
      if (!varkw) raise_bad_keyword(ts, fn, kwnames, name);
      dict_set(ts, varkw, kwnames->items[k], std::move(values[k]));
      continue;
    }
    if (!locals[slot].is_empty())
      raise(ts, ts.rt.types.TypeError,
            fn->qualname_text() + "() got multiple values for argument '" + name->text + "'");
    locals[slot] = std::move(values[k]);
  }
}

// Fills the empty keyword-only slots from the function's kwdefaults.
void fill_kwonly_defaults(ThreadState& ts, ObjFunction* fn, Value* locals) {
  ObjCode* code = fn->code_obj();
  if (fn->kwdefaults.is_empty()) return;
  auto* defaults = as<ObjDict>(fn->kwdefaults);
  for (int i = code->param_count; i < code->named_param_count(); ++i) {
    if (!locals[i].is_empty()) continue;
    if (Value* found = dict_find(ts, defaults, code->local_names[static_cast<size_t>(i)])) locals[i] = *found;
  }
}

// Fills the parameters of a new frame whose arguments start at [locals]
// ([argc] positional values, then one value per keyword name), in CPython's
// order of checks: keywords, too many positional arguments, missing
// positional ones (after defaults), missing keyword-only ones.
void bind_arguments(ThreadState& ts, ObjFunction* fn, Value* locals, int argc, ObjTuple* kwnames) {
  ObjCode* code = fn->code_obj();
  int npos = code->param_count;
  // The keyword values and the positional values past the parameters lie in
  // slots that keyword-only parameters, *args and **kwargs take: move them out.
  size_t nk = kwnames ? kwnames->items.size() : 0;
  std::vector<Value> kwvalues(nk);
  for (size_t k = 0; k < nk; ++k) kwvalues[k] = std::move(locals[argc + static_cast<int>(k)]);
  std::vector<Value> extra;
  for (int i = npos; i < argc; ++i) extra.push_back(std::move(locals[i]));
  int next_slot = code->named_param_count();
  if (code->has_varargs) locals[next_slot++] = make_tuple(ts, std::move(extra));
  ObjDict* varkw = nullptr;
  if (code->has_varkw) {
    locals[next_slot] = make<ObjDict>(ts);
    varkw = as<ObjDict>(locals[next_slot]);
  }
  if (nk) bind_keywords(ts, fn, locals, kwvalues, kwnames, varkw);
  if (argc > npos && !code->has_varargs) raise_too_many(ts, fn, argc, locals);
  int min = npos - static_cast<int>(fn->defaults.size());
  for (int i = std::max(argc, min); i < npos; ++i)
    if (locals[i].is_empty()) locals[i] = fn->defaults[static_cast<size_t>(i - min)];
  for (int i = argc; i < npos; ++i)
    if (locals[i].is_empty()) raise_missing(ts, fn, locals, argc, npos, "positional");
  if (code->kwonly_count == 0) return;
  fill_kwonly_defaults(ts, fn, locals);
  for (int i = npos; i < code->named_param_count(); ++i)
    if (locals[i].is_empty()) raise_missing(ts, fn, locals, npos, code->named_param_count(), "keyword-only");
}

// bind_arguments for a frame being pushed: on failure, clears the slots past
// the arguments that binding may have filled (the caller clears only up to
// its own stack top).
[[gnu::noinline]] void bind_new_frame(ThreadState& ts, ObjFunction* fn, Value* args, int argc, ObjTuple* kwnames) {
  try {
    bind_arguments(ts, fn, args, argc, kwnames);
  } catch (...) {
    // Binding moves values around the parameter slots: clear them all.
    int total = argc + (kwnames ? static_cast<int>(kwnames->items.size()) : 0);
    for (int i = 0; i < std::max(total, fn->code_obj()->local_count()); ++i) args[i] = Value();
    throw;
  }
}

// Pushes a frame for [fn], whose callable sits at [base] and whose arguments
// start at [args].
GIL_HOT Frame& push_frame(ThreadState& ts, ObjFunction* fn, Value* base, Value* args, int argc, ObjTuple* kwnames,
                         bool returns_to_native) {
  ObjCode* code = fn->code_obj();
  if (static_cast<int>(ts.frames.size()) >= ts.rt.config.recursion_limit ||
      args + code->local_count() + code->max_stack >= ts.stack_end) [[unlikely]]
    raise_recursion(ts);
  if (argc != code->simple_argc || kwnames) [[unlikely]]
    bind_new_frame(ts, fn, args, argc, kwnames);
  Value* sp = args + code->local_count();
  return ts.frames.emplace_back(code, base, code->code.data(), args, sp, returns_to_native);
}

// Destroys every value a frame owns, from its base to [sp].
void clear_frame_values(Value* base, Value* sp) {
  for (Value* v = sp; v-- > base;) v->clear();
}

// The top of the stack of the innermost frame: where a native's nested call
// may put its values.
Value* stack_top(ThreadState& ts) { return ts.frames.empty() ? ts.stack.get() : ts.frames.back().sp; }

// ---- Exceptions -----------------------------------------------------------

bool exception_matches(ThreadState& ts, const Value& exc, const Value& type) {
  ObjType* t = as<ObjException>(exc)->type;
  if (is_tuple(type)) {
    for (auto& item : as<ObjTuple>(type)->items)
      if (exception_matches(ts, exc, item)) return true;
    return false;
  }
  if (!is_kind(type, ObjKind::Type) || !as<ObjType>(type)->is_exception)
    raise(ts, ts.rt.types.TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return t->is_subtype_of(as<ObjType>(type));
}

Value make_raisable(ThreadState& ts, const Value& v) {
  if (is_kind(v, ObjKind::Exception)) return v;
  if (is_kind(v, ObjKind::Type) && as<ObjType>(v)->is_exception) return call(ts, v, nullptr, 0);
  raise(ts, ts.rt.types.TypeError, "exceptions must derive from BaseException");
}

void set_context(ThreadState& ts, const Value& exc) {
  const Value& handled = ts.handled_exception;
  if (handled.is_empty() || handled.as_obj() == exc.as_obj()) return;
  auto* e = as<ObjException>(exc);
  if (!e->context.is_empty()) return;
  for (Value c = handled; !c.is_empty(); c = as<ObjException>(c)->context)
    if (c.as_obj() == exc.as_obj()) return;  // would make a cycle
  e->context = handled;
}

const ExceptionEntry* find_handler(const ObjCode* code, uint32_t at) {
  for (auto& e : code->exception_table)
    if (at >= e.start && at < e.end) return &e;
  return nullptr;
}

// ---- Fast paths the loop takes inline -----------------------------------------

// [a] and [b] as doubles, when each is a float or an int a double holds
// exactly: then C++'s arithmetic and comparisons on them give Python's
// results, NaN and infinities included.
GIL_HOT bool as_exact_doubles(const Value& a, const Value& b, double& x, double& y) {
  constexpr int64_t kExact = int64_t{1} << 53;
  if (a.is_float()) {
    x = a.as_float();
  } else if (a.is_int() && a.as_int() >= -kExact && a.as_int() <= kExact) {
    x = static_cast<double>(a.as_int());
  } else {
    return false;
  }
  if (b.is_float()) {
    y = b.as_float();
  } else if (b.is_int() && b.as_int() >= -kExact && b.as_int() <= kExact) {
    y = static_cast<double>(b.as_int());
  } else {
    return false;
  }
  return true;
}

// x op y for the float operations that can neither raise nor need
// float.__mod__'s sign rules; false leaves the operation to the slot (which
// raises ZeroDivisionError, OverflowError, or makes a complex power).
GIL_HOT bool float_arithmetic(BinaryOp op, double x, double y, double& r) {
  switch (op) {
    case BinaryOp::Add: r = x + y; return true;
    case BinaryOp::Sub: r = x - y; return true;
    case BinaryOp::Mul: r = x * y; return true;
    case BinaryOp::Div:
      if (y == 0.0) return false;
      r = x / y;
      return true;
    case BinaryOp::Pow:
      if (!(x > 0.0) || !std::isfinite(x) || !std::isfinite(y)) return false;
      r = std::pow(x, y);
      return std::isfinite(r);
    default: return false;
  }
}

GIL_HOT bool float_comparison(CompareOp op, double x, double y, bool& r) {
  switch (op) {
    case CompareOp::Eq: r = x == y; return true;
    case CompareOp::NotEq: r = x != y; return true;
    case CompareOp::Lt: r = x < y; return true;
    case CompareOp::LtE: r = x <= y; return true;
    case CompareOp::Gt: r = x > y; return true;
    case CompareOp::GtE: r = x >= y; return true;
    default: return false;
  }
}

// The inline cache of the name [name_index] of [code], for instances of
// [t]: refilled when it was made for another class or an older version.
[[gnu::noinline]] void fill_attr_cache(ThreadState& ts, AttrCache& c, ObjType* t, ObjStr* name) {
  c.type = t;
  c.version = t->version;
  c.in_class = t->lookup(name);
  // object.__class__ and an instance's __dict__ are data descriptors
  // CPython finds in the type's dict; here generic getattr and setattr
  // handle the two names themselves.
  bool data_descriptor = (c.in_class && type_of(ts, *c.in_class)->tp_descr_set) || name == ts.rt.name_class ||
                         name == ts.rt.name("__dict__");
  c.reads_dict = t->tp_getattro == generic_getattr && !t->get_attribute && !data_descriptor;
  c.writes_dict =
      t->tp_setattro == generic_setattr && !t->set_attribute && t->instances_have_dict && !data_descriptor;
}

// A way for [t] after every way missed: a stale way of [t] is refilled in
// place; otherwise the others move down a way (the last way's class is
// forgotten) and the first is filled for [t].
[[gnu::noinline]] AttrCache& refill_attr_cache(ThreadState& ts, AttrCache* ways, ObjType* t, ObjStr* name) {
  for (size_t w = 0; w < kAttrCacheWays; ++w) {
    if (ways[w].type != t) continue;
    fill_attr_cache(ts, ways[w], t, name);
    return ways[w];
  }
  std::copy_backward(ways, ways + kAttrCacheWays - 1, ways + kAttrCacheWays);
  fill_attr_cache(ts, ways[0], t, name);
  return ways[0];
}

GIL_HOT AttrCache& attr_cache(ThreadState& ts, ObjCode* code, uint32_t name_index, ObjType* t, ObjStr* name) {
  AttrCache* ways = &code->attr_caches[name_index * kAttrCacheWays];
  uint64_t version = t->version;
  for (size_t w = 0; w < kAttrCacheWays; ++w)
    if (ways[w].type == t && ways[w].version == version) return ways[w];
  return refill_attr_cache(ts, ways, t, name);
}

// The value of [name] in [inst]'s dict, trying first where the cache says.
GIL_HOT const Value* find_instance_attribute(AttrCache& c, ObjInstance* inst, ObjStr* name) {
  if (inst->dict.is_empty()) return nullptr;
  auto* d = as<ObjDict>(inst->dict);
  if (c.dict_position < d->entries.size()) {
    const ObjDict::Entry& e = d->entries[c.dict_position];
    if (e.key.is_obj() && e.key.as_obj() == name) return &e.value;
  }
  int64_t at = dict_str_position(d, name);
  if (at < 0) return nullptr;
  c.dict_position = static_cast<uint32_t>(at);
  return &d->entries[static_cast<size_t>(at)].value;
}

// store_instance_attribute's other cases: a new dict, a new name, a name
// elsewhere than the cache says.
[[gnu::noinline]] void store_new_instance_attribute(ThreadState& ts, AttrCache& c, ObjInstance* inst, ObjStr* name,
                                                    Value& value) {
  if (inst->dict.is_empty()) inst->dict = make_attribute_dict(ts);
  auto* d = as<ObjDict>(inst->dict);
  // A new instance filled in the order the last one was: the name goes
  // where the cache says, without a search.
  if (c.dict_position == d->entries.size() && dict_append_new_str(d, name, value)) return;
  c.dict_position = static_cast<uint32_t>(dict_set_str(d, name, std::move(value)));
}

GIL_HOT void store_instance_attribute(ThreadState& ts, AttrCache& c, ObjInstance* inst, ObjStr* name, Value value) {
  if (!inst->dict.is_empty()) {
    auto* d = as<ObjDict>(inst->dict);
    if (c.dict_position < d->entries.size()) {
      ObjDict::Entry& e = d->entries[c.dict_position];
      if (e.key.is_obj() && e.key.as_obj() == name) {
        e.value = std::move(value);
        return;
      }
    }
  }
  store_new_instance_attribute(ts, c, inst, name, value);
}

// The item `c[i]` names when [c] is exactly a list (a subclass may define
// __getitem__ or __setitem__) and [i] an int in range, else null.
GIL_HOT Value* exact_list_item(const Value& c, const Value& i) {
  if (!is_list(c) || c.as_obj()->type || !i.is_int()) return nullptr;
  auto& items = as<ObjList>(c)->items;
  int64_t n = i.as_int();
  if (n < 0) n += static_cast<int64_t>(items.size());
  return n >= 0 && static_cast<size_t>(n) < items.size() ? &items[static_cast<size_t>(n)] : nullptr;
}

// The __init__ written in Python that calling [t] runs on a plain new
// instance, when type_call would do nothing else (no __new__ of the class's
// own, no built-in base, no metaclass): the loop then makes the instance and
// runs __init__ as an ordinary frame instead of recursing through type_call.
ObjFunction* inlinable_init(ThreadState& ts, const Value& callable) {
  auto* t = as<ObjType>(callable);
  Runtime& rt = ts.rt;
  if (!t->is_heap_type || t->construct || t->tp_new != rt.types.object->tp_new || t->is_exception ||
      type_of(ts, callable) != rt.types.type)
    return nullptr;
  if (const Value* n = t->lookup(rt.name_new); n && !is_kind(*n, ObjKind::Native)) return nullptr;
  const Value* init = t->lookup(rt.name_init);
  return init && is_kind(*init, ObjKind::Function) ? as<ObjFunction>(*init) : nullptr;
}

[[noreturn]] void raise_init_result(ThreadState& ts, const Value& result) {
  raise(ts, ts.rt.types.TypeError,
        "__init__() should return None, not '" + std::string(type_name(ts, result)) + "'");
}

// ---- Helpers the loop calls out of line -------------------------------------

[[noreturn]] void raise_unbound_local(ThreadState& ts, const ObjCode* code, uint32_t slot) {
  const std::string& name = as<ObjStr>(code->local_names[slot])->text;
  raise(ts, ts.rt.types.UnboundLocalError,
        "cannot access local variable '" + name + "' where it is not associated with a value");
}

// An empty cell: a cell variable of this function reads as an unbound
// local, a free variable as CPython words it.
[[noreturn]] void raise_unbound_deref(ThreadState& ts, const ObjCode* code, uint32_t slot) {
  if (!code->is_free_slot(slot)) raise_unbound_local(ts, code, slot);
  const std::string& name = as<ObjStr>(code->local_names[slot])->text;
  raise(ts, ts.rt.types.NameError,
        "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope");
}

[[noreturn]] void raise_name_error(ThreadState& ts, const GlobalTable& globals, uint32_t slot) {
  raise(ts, ts.rt.types.NameError, "name '" + globals.names[slot]->text + "' is not defined");
}

void unpack(ThreadState& ts, const Value& seq, uint32_t n, Value* out) {
  if (!is_iterable(ts, seq))
    raise(ts, ts.rt.types.TypeError, "cannot unpack non-iterable " + std::string(type_name(ts, seq)) + " object");
  std::vector<Value> items = collect(ts, seq);
  if (items.size() < n)
    raise(ts, ts.rt.types.ValueError,
          "not enough values to unpack (expected " + std::to_string(n) + ", got " + std::to_string(items.size()) + ")");
  if (items.size() > n)
    raise(ts, ts.rt.types.ValueError, "too many values to unpack (expected " + std::to_string(n) + ")");
  for (uint32_t i = 0; i < n; ++i) out[n - 1 - i] = std::move(items[i]);
}

// `a, *b, c = seq`: [before] items, a list of the middle, [after] items,
// written to [out] with the first item on top.
void unpack_ex(ThreadState& ts, const Value& seq, uint32_t before, uint32_t after, Value* out) {
  if (!is_iterable(ts, seq))
    raise(ts, ts.rt.types.TypeError, "cannot unpack non-iterable " + std::string(type_name(ts, seq)) + " object");
  std::vector<Value> items = collect(ts, seq);
  if (items.size() < before + after)
    raise(ts, ts.rt.types.ValueError,
          "not enough values to unpack (expected at least " + std::to_string(before + after) + ", got " +
              std::to_string(items.size()) + ")");
  size_t n = before + after + 1;
  size_t middle_end = items.size() - after;
  for (uint32_t i = 0; i < before; ++i) out[n - 1 - i] = std::move(items[i]);
  out[after] = make_list(ts, std::vector<Value>(std::make_move_iterator(items.begin() + before),
                                            std::make_move_iterator(items.begin() + static_cast<long>(middle_end))));
  for (uint32_t i = 0; i < after; ++i) out[after - 1 - i] = std::move(items[middle_end + i]);
}

// ---- Calls with * and ** (CALL_FUNCTION_EX) -------------------------------------

// How call errors name a callable, as CPython's _PyObject_FunctionStr:
// "__main__.f()", "len()", "list.append()".
std::string function_str(ThreadState& ts, const Value& f) {
  if (is_kind(f, ObjKind::Function)) {
    GlobalTable& globals = *as<ObjFunction>(f)->code_obj()->globals;
    const Value& module = globals.values[ts.rt.global_slot(globals, ts.rt.name_module)];
    std::string prefix = is_str(module) ? as<ObjStr>(module)->text + "." : "";
    return prefix + as<ObjFunction>(f)->qualname_text() + "()";
  }
  if (is_kind(f, ObjKind::Native)) {
    auto* n = as<ObjNative>(f);
    return (n->owner ? n->owner->name + "." : "") + n->name + "()";
  }
  if (is_kind(f, ObjKind::BoundMethod)) return function_str(ts, as<ObjBoundMethod>(f)->method);
  if (is_kind(f, ObjKind::Type)) return as<ObjType>(f)->name + "()";
  return std::string(type_name(ts, f)) + " object";
}

// The positional arguments of f(*xs): xs as a tuple.
[[gnu::noinline]] Value call_args_tuple(ThreadState& ts, const Value& callable, Value xs) {
  if (is_tuple(xs)) return xs;
  if (!is_iterable(ts, xs))
    raise(ts, ts.rt.types.TypeError,
          function_str(ts, callable) + " argument after * must be an iterable, not " + std::string(type_name(ts, xs)));
  return make_tuple(ts, collect(ts, xs));
}

// DICT_MERGE: adds the mapping [m] of `**m` to the call's keyword dict.
[[gnu::noinline]] void merge_call_keywords(ThreadState& ts, const Value& callable, ObjDict* kwargs, const Value& m) {
  if (!is_dict(m))
    raise(ts, ts.rt.types.TypeError,
          function_str(ts, callable) + " argument after ** must be a mapping, not " + std::string(type_name(ts, m)));
  for (auto& e : as<ObjDict>(m)->entries) {
    if (e.key.is_empty()) continue;
    if (dict_find(ts, kwargs, e.key)) {
      std::string key = is_str(e.key) ? as<ObjStr>(e.key)->text : repr(ts, e.key);
      raise(ts, ts.rt.types.TypeError,
            function_str(ts, callable) + " got multiple values for keyword argument '" + key + "'");
    }
    dict_set(ts, kwargs, e.key, e.value);
  }
}

// Spreads the tuple [positional] and the dict [kwargs] (or Empty) above
// [callable] as a call's arguments and keyword values, with their names in
// [kw_holder]; returns the number of positional arguments. The keys are
// checked before anything is written, so a failure leaves the stack as it was.
[[gnu::noinline]] int spread_call_arguments(ThreadState& ts, Value* callable, const Value& positional,
                                            const Value& kwargs, Value& kw_holder) {
  auto& items = as<ObjTuple>(positional)->items;
  ObjDict* kw = kwargs.is_empty() ? nullptr : as<ObjDict>(kwargs);
  std::vector<Value> names;
  if (kw) {
    for (auto& e : kw->entries) {
      if (e.key.is_empty()) continue;
      if (!is_str(e.key)) raise(ts, ts.rt.types.TypeError, "keywords must be strings");
      names.push_back(e.key);
    }
  }
  Value* out = callable + 1;
  if (out + items.size() + names.size() + 1 >= ts.stack_end) raise_recursion(ts);
  for (auto& v : items) *out++ = v;
  if (kw) {
    for (auto& e : kw->entries)
      if (!e.key.is_empty()) *out++ = e.value;
  }
  kw_holder = names.empty() ? Value() : make_tuple(ts, std::move(names));
  return static_cast<int>(items.size());
}


// `raise exc from cause`: CPython's do_raise for the cause.
void set_cause(ThreadState& ts, const Value& exc, const Value& cause) {
  auto* e = as<ObjException>(exc);
  if (cause.is_none()) {
    e->cause = Value();
  } else if (is_kind(cause, ObjKind::Exception)) {
    e->cause = cause;
  } else if (is_kind(cause, ObjKind::Type) && as<ObjType>(cause)->is_exception) {
    e->cause = call(ts, cause, nullptr, 0);
  } else {
    raise(ts, ts.rt.types.TypeError, "exception causes must derive from BaseException");
  }
  e->suppress_context = true;
}

Value build_string(Value* parts, uint32_t n) {
  size_t total = 0;
  for (uint32_t i = 0; i < n; ++i) total += as<ObjStr>(parts[i])->text.size();
  std::string out;
  out.reserve(total);
  for (uint32_t i = 0; i < n; ++i) out += as<ObjStr>(parts[i])->text;
  return make_str(std::move(out));
}

// ctx.__exit__(type, value, traceback).
Value call_exit(ThreadState& ts, const Value& ctx, Value* info) {
  const Value* m = type_of(ts, ctx)->lookup(ts.rt.name_exit);
  if (!m)
    raise(ts, ts.rt.types.TypeError,
          "'" + std::string(type_name(ts, ctx)) + "' object does not support the context manager protocol");
  Value args[4] = {ctx, info[0], info[1], info[2]};
  return call_method_value(ts, *m, ctx, args, 4);
}

Value call_special(ThreadState& ts, const Value& obj, ObjStr* name) {
  const Value* m = type_of(ts, obj)->lookup(name);
  if (!m)
    raise(ts, ts.rt.types.TypeError,
          "'" + std::string(type_name(ts, obj)) + "' object does not support the context manager protocol");
  Value self = obj;
  return call_method_value(ts, *m, obj, &self, 1);
}

// Drops the reference a variable slot holds on [s] when the instruction at
// [next] stores into that slot, so that `s = s + t` can append in place.
void release_target_for_concat(ThreadState& ts, const Value& s, uint32_t next, Value* locals, GlobalTable& globals) {
  Op op = opcode_of(next);
  Value* slot = nullptr;
  if (op == Op::STORE_FAST)
    slot = &locals[operand_of(next)];
  else if (op == Op::STORE_GLOBAL)
    slot = &globals.values[operand_of(next)];
  if (slot && slot->is_obj() && slot->as_obj() == s.as_obj()) *slot = Value();
}

Value execute(ThreadState& ts, size_t entry_depth);

// Links the suspended frame of [gen] (already marked Running) above the
// thread's stack top, its values moved back from the generator; [sent],
// when not Empty, is the value of the yield it resumes at. A frame the eval
// loop links itself (FOR_ITER, SEND) hands its yields and its return back
// to the frame below it; one a native call links returns to that call.
Frame& link_generator_frame(ThreadState& ts, ObjGenerator* gen, Value sent, bool returns_to_native) {
  ObjCode* code = gen->code_obj();
  Value* base = stack_top(ts);
  if (static_cast<int>(ts.frames.size()) >= ts.rt.config.recursion_limit ||
      base + 1 + code->local_count() + code->max_stack >= ts.stack_end)
    raise_recursion(ts);
  // The function stands in the callable slot, as for a call (super() and
  // COPY_FREE_VARS read it there).
  base[0] = gen->function;
  Value* locals = base + 1;
  size_t n = static_cast<size_t>(code->local_count()) + gen->stack_depth;
  for (size_t i = 0; i < n; ++i) locals[i] = std::move(gen->slots[i]);
  Value* sp = locals + n;
  if (!sent.is_empty()) *sp++ = std::move(sent);
  Frame& frame = ts.frames.emplace_back(code, base, gen->ip, locals, sp, returns_to_native);
  frame.generator = gen;
  return frame;
}

// Resumes [gen] in the eval loop (FOR_ITER, SEND): marks it running and
// links its frame above the current one, sending [sent] unless it has not
// started yet. An exception on the way (the recursion limit) finishes it as
// an exception inside it would.
void enter_generator(ThreadState& ts, ObjGenerator* gen, Value sent) {
  bool started = gen->state != ObjGenerator::State::Created;
  begin_generator_run(ts, gen);
  try {
    link_generator_frame(ts, gen, started ? std::move(sent) : Value(), false);
  } catch (PyException& pe) {
    pe.exception = generator_raised(ts, gen, std::move(pe.exception));
    throw;
  }
}

// The end of the part of the value stack [frame] may use.
Value* frame_limit(const Frame& frame) {
  return frame.locals + frame.code->local_count() + frame.code->max_stack;
}

// Checked builds verify the compiler's stack-depth bound, on which unwinding
// relies to find every value a frame left on the stack.
[[maybe_unused]] void check_stack_depth(const Frame* frame, const Value* sp) {
  if (sp > frame_limit(*frame)) {
    std::fprintf(stderr, "gil-demo: internal error: stack depth exceeds max_stack in %s\n", frame->code->name.c_str());
    std::abort();
  }
}

// The traceback lines of a frame of [code] at instruction [at]: one per
// inline comprehension around it (innermost first), as CPython's frames of
// the comprehension functions, then the frame's own, at the line where the
// outermost comprehension starts.
void add_traceback_lines(ObjException* e, ObjCode* code, uint32_t at) {
  int line = code->line_at(at);
  for (const ComprehensionRange& c : code->comprehensions) {
    if (at < c.start || at >= c.end) continue;
    e->traceback.push_back({c.code, line});
    line = c.line;
  }
  e->traceback.push_back({Value::borrow(code), line});
}

// After [pe] was raised in the innermost frame: adds traceback lines and pops
// frames until one has a handler, and readies that frame to resume there.
// Returns false when the exception leaves the frame at [entry_depth] (or a
// frame a native call entered), which is then popped too.
bool unwind(ThreadState& ts, PyException& pe, size_t entry_depth) {
  for (;;) {
    Frame& frame = ts.frames.back();
    ObjCode* code = frame.code;
    auto at = static_cast<uint32_t>(frame.ip - code->code.data()) - 1;
    auto* e = as<ObjException>(pe.exception);
    if (!pe.reraised) {
      add_traceback_lines(e, code, at);
      set_context(ts, pe.exception);
    }
    pe.reraised = false;
    if (const ExceptionEntry* h = find_handler(code, at)) {
      Value* floor = frame.locals + code->local_count() + h->depth;
      clear_frame_values(floor, std::max(frame_limit(frame), frame.sp));
      *floor = std::move(pe.exception);
      frame.sp = floor + 1;
      frame.ip = code->code.data() + h->handler;
      return true;
    }
    bool to_native = frame.returns_to_native;
    auto* gen = static_cast<ObjGenerator*>(frame.generator);
    clear_frame_values(frame.base, std::max(frame_limit(frame), frame.sp));
    ts.frames.pop_back();
    if (gen) [[unlikely]] {
      // Its resumer sees the exception (PEP 479's RuntimeError for a
      // StopIteration) at the instruction that resumed it.
      pe.exception = generator_raised(ts, gen, std::move(pe.exception));
    }
    if (to_native || ts.frames.size() <= entry_depth) return false;
  }
}

// Runs the eval loop until the frame at [entry_depth] returns, resuming it
// after every exception that a handler takes.
Value run(ThreadState& ts, size_t entry_depth) {
  for (;;) {
    try {
      try {
        return execute(ts, entry_depth);
      } catch (const std::bad_alloc&) {
        raise(ts, ts.rt.types.MemoryError, "");
      } catch (const std::length_error&) {
        raise(ts, ts.rt.types.MemoryError, "");
      } catch (const std::system_error& e) {
        raise(ts, ts.rt.types.OSError, e.what());
      }
    } catch (PyException& pe) {
      if (!unwind(ts, pe, entry_depth)) throw;
    }
  }
}

// The eval loop. Runs until the frame at [entry_depth] returns, and returns
// its value. An exception leaves it as a thrown PyException; the innermost
// frame's ip then points just past the instruction that raised (it is
// stored at every dispatch), and run() below unwinds.
Value execute(ThreadState& ts, size_t entry_depth) {
  Runtime& rt = ts.rt;
  Frame* frame = &ts.frames.back();
  ObjCode* code = frame->code;
  const uint32_t* ip = frame->ip;
  Value* locals = frame->locals;
  Value* sp = frame->sp;
  uint32_t word = 0;
  uint32_t arg = 0;
  // The operands of the call being made (CALL and its variants).
  Value* callable = nullptr;
  Value* args = nullptr;
  int argc = 0;
  ObjTuple* kwnames = nullptr;
  Value kw_holder;

#define LOAD_FRAME()           \
  do {                         \
    frame = &ts.frames.back(); \
    code = frame->code;        \
    ip = frame->ip;            \
    locals = frame->locals;    \
    sp = frame->sp;            \
  } while (0)
// A native call may run Python code that grows ts.frames and moves it, so
// the cached frame pointer is refreshed after every such call.
#define RELOAD_FRAME_POINTER() (frame = &ts.frames.back())
#define SAVE_FRAME() \
  do {               \
    frame->ip = ip;  \
    frame->sp = sp;  \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
#define DROP() ((--sp)->clear())

  static void* const dispatch_table[] = {
#define GIL_OPCODE_LABEL(name, effect, comment) &&op_##name,
      GIL_OPCODES(GIL_OPCODE_LABEL)
#undef GIL_OPCODE_LABEL
  };
  // Under the legacy policy every instruction that is one of Python 2's
  // ticks (python2_ticks) first passes through a stub of its own,
  // count_NAME, which counts it and jumps directly to the handler; the other
  // instructions, and the other policies, pay nothing. One stub per opcode
  // rather than one shared counter keeps each dispatch a separate indirect
  // jump: a single shared `goto*` (the first version) predicted badly and
  // made the legacy policy 1.9x slower even on one thread.
  static void* const counting_table[] = {
#define GIL_OPCODE_COUNTING(name, effect, comment) python2_ticks(Op::name) ? &&count_##name : &&op_##name,
      GIL_OPCODES(GIL_OPCODE_COUNTING)
#undef GIL_OPCODE_COUNTING
  };
  void* const* const table = rt.gil->policy() == GilPolicy::Legacy ? counting_table : dispatch_table;
  // Every handler ends with a plain goto to next_instruction, never with the
  // computed goto itself: a computed goto that leaves a scope does not run
  // the destructors of the scope's locals, and Values would leak. GCC
  // duplicates the computed goto into each handler again, so dispatch stays
  // threaded.
#define DISPATCH() goto next_instruction
  // FAST_DISPATCH jumps straight to the next handler. Only for handlers that
  // have no local with a destructor in scope (temporaries inside a statement
  // are fine: they die before the jump).
#define FAST_DISPATCH()                     \
  do {                                      \
    word = *ip++;                           \
    frame->ip = ip;                         \
    frame->sp = sp;                         \
    GIL_CHECK_STACK_DEPTH();                \
    arg = word >> 8;                        \
    goto* table[word & 0xFF];               \
  } while (0)
#ifdef GIL_CHECKED_STACK
#define GIL_CHECK_STACK_DEPTH() check_stack_depth(frame, sp)
#else
#define GIL_CHECK_STACK_DEPTH() (void)0
#endif
#define TARGET(name) op_##name:
#define CHECK_EVAL_BREAKER()                                          \
  do {                                                                \
    if (rt.eval_breaker.load(std::memory_order_relaxed)) {            \
      SAVE_FRAME();                                                   \
      handle_eval_breaker(ts);                                        \
    }                                                                 \
  } while (0)

  {
    {
    next_instruction:
      word = *ip++;
      // Both saved at every instruction: any operation may run Python code
      // (a dunder method), whose frame goes above this one's stack top.
      frame->ip = ip;
      frame->sp = sp;
      GIL_CHECK_STACK_DEPTH();
      arg = word >> 8;
      goto* table[word & 0xFF];

    count_tick:
      // The check interval ran out (Python 2: _Py_Ticker < 0).
      ts.legacy_ticks = rt.gil->config().check_interval;
      if (ts.holds_gil) {
        SAVE_FRAME();
        rt.gil->legacy_tick(ts);
      }
      goto* dispatch_table[word & 0xFF];

      // An instruction that is no tick has its stub too, but the table
      // skips it and the compiler drops it.
#define GIL_OPCODE_COUNT_STUB(name, effect, comment)                     \
  count_##name:                                                         \
  if (python2_ticks(Op::name) && --ts.legacy_ticks <= 0) [[unlikely]]   \
    goto count_tick;                                                    \
  goto op_##name;
      GIL_OPCODES(GIL_OPCODE_COUNT_STUB)
#undef GIL_OPCODE_COUNT_STUB

      TARGET(NOP) { DISPATCH(); }

      TARGET(LOAD_CONST) {
        PUSH(code->constants[arg]);
        FAST_DISPATCH();
      }

      TARGET(LOAD_FAST) {
        const Value& v = locals[arg];
        if (v.is_empty()) [[unlikely]]
          raise_unbound_local(ts, code, arg);
        PUSH(v);
        FAST_DISPATCH();
      }

      TARGET(LOAD_FAST_LOAD_FAST) {
        uint32_t second = operand_of(*ip++);
        if (locals[arg].is_empty()) [[unlikely]]
          raise_unbound_local(ts, code, arg);
        if (locals[second].is_empty()) [[unlikely]]
          raise_unbound_local(ts, code, second);
        PUSH(locals[arg]);
        PUSH(locals[second]);
        FAST_DISPATCH();
      }

      TARGET(LOAD_FAST_LOAD_CONST) {
        uint32_t second = operand_of(*ip++);
        if (locals[arg].is_empty()) [[unlikely]]
          raise_unbound_local(ts, code, arg);
        PUSH(locals[arg]);
        PUSH(code->constants[second]);
        FAST_DISPATCH();
      }

      // An instance attribute found in the instance's dict is pushed straight
      // from the local; anything else continues as LOAD_ATTR on the pushed
      // local, with the instruction pointer past both halves.
      TARGET(LOAD_FAST_LOAD_ATTR) {
        const Value& obj = locals[arg];
        if (obj.is_empty()) [[unlikely]]
          raise_unbound_local(ts, code, arg);
        uint32_t name_index = operand_of(*ip++);
        if (is_kind(obj, ObjKind::Instance)) {
          auto* name = as<ObjStr>(code->names[name_index]);
          AttrCache& c = attr_cache(ts, code, name_index, obj.as_obj()->type, name);
          if (c.reads_dict) {
            if (const Value* v = find_instance_attribute(c, as<ObjInstance>(obj), name)) {
              PUSH(*v);
              FAST_DISPATCH();
            }
          }
        }
        PUSH(obj);
        SAVE_FRAME();
        arg = name_index;
        goto op_LOAD_ATTR;
      }

      TARGET(LOAD_FAST_LOAD_METHOD) {
        if (locals[arg].is_empty()) [[unlikely]]
          raise_unbound_local(ts, code, arg);
        PUSH(locals[arg]);
        arg = operand_of(*ip++);
        SAVE_FRAME();
        goto op_LOAD_METHOD;
      }

      TARGET(COMPARE_OP_POP_JUMP_IF_FALSE) {
        uint32_t target = operand_of(*ip++);
        Value& a = sp[-2];
        Value& b = sp[-1];
        bool result;
        if (a.is_int() && b.is_int()) {
          int64_t x = a.as_int(), y = b.as_int();
          switch (static_cast<CompareOp>(arg)) {
            case CompareOp::Eq: result = x == y; break;
            case CompareOp::NotEq: result = x != y; break;
            case CompareOp::Lt: result = x < y; break;
            case CompareOp::LtE: result = x <= y; break;
            case CompareOp::Gt: result = x > y; break;
            case CompareOp::GtE: result = x >= y; break;
            default: goto generic_compare_jump;
          }
          sp -= 2;
          sp[0] = Value();
          sp[1] = Value();
        } else if (double x, y; (a.is_float() || b.is_float()) && as_exact_doubles(a, b, x, y) &&
                                float_comparison(static_cast<CompareOp>(arg), x, y, result)) {
          sp -= 2;
          sp[0] = Value();
          sp[1] = Value();
        } else {
        generic_compare_jump:
          Value r = compare(ts, static_cast<CompareOp>(arg), a, b);
          DROP();
          DROP();
          result = r.is_bool() ? r.as_bool() : truthy(ts, r);
        }
        if (!result) ip = code->code.data() + target;
        DISPATCH();
      }

      TARGET(STORE_FAST) {
        locals[arg] = POP();
        FAST_DISPATCH();
      }

      TARGET(DELETE_FAST) {
        if (locals[arg].is_empty()) raise_unbound_local(ts, code, arg);
        locals[arg] = Value();
        DISPATCH();
      }

      TARGET(LOAD_GLOBAL) {
        const Value* v = &code->globals->values[arg];
        if (v->is_empty()) [[unlikely]] {
          v = &code->globals->builtins[arg];
          if (v->is_empty()) raise_name_error(ts, *code->globals, arg);
        }
        PUSH(*v);
        FAST_DISPATCH();
      }

      TARGET(STORE_GLOBAL) {
        code->globals->values[arg] = POP();
        FAST_DISPATCH();
      }

      TARGET(DELETE_GLOBAL) {
        if (code->globals->values[arg].is_empty()) raise_name_error(ts, *code->globals, arg);
        code->globals->values[arg] = Value();
        DISPATCH();
      }

      TARGET(MAKE_CELL) {
        auto* cell = new_object<ObjCell>(ts);
        cell->value = std::move(locals[arg]);
        locals[arg] = Value::adopt(cell);
        DISPATCH();
      }

      TARGET(NEW_CELL) {
        locals[arg] = make<ObjCell>(ts);
        DISPATCH();
      }

      TARGET(COPY_FREE_VARS) {
        // The frame's callable slot holds the function being run.
        auto& cells = as<ObjTuple>(as<ObjFunction>(*frame->base)->closure)->items;
        for (size_t i = 0; i < cells.size(); ++i) locals[arg + i] = cells[i];
        DISPATCH();
      }

      TARGET(LOAD_CLOSURE) {
        PUSH(locals[arg]);
        FAST_DISPATCH();
      }

      TARGET(LOAD_DEREF) {
        const Value& v = as<ObjCell>(locals[arg])->value;
        if (v.is_empty()) [[unlikely]]
          raise_unbound_deref(ts, code, arg);
        PUSH(v);
        FAST_DISPATCH();
      }

      TARGET(STORE_DEREF) {
        as<ObjCell>(locals[arg])->value = POP();
        FAST_DISPATCH();
      }

      TARGET(DELETE_DEREF) {
        Value& v = as<ObjCell>(locals[arg])->value;
        if (v.is_empty()) raise_unbound_deref(ts, code, arg);
        v = Value();
        DISPATCH();
      }

      TARGET(POP_TOP) {
        DROP();
        FAST_DISPATCH();
      }

      TARGET(DUP_TOP) {
        Value v = TOP();
        PUSH(std::move(v));
        DISPATCH();
      }

      TARGET(DUP_TOP_TWO) {
        Value a = sp[-2];
        Value b = sp[-1];
        PUSH(std::move(a));
        PUSH(std::move(b));
        DISPATCH();
      }

      TARGET(ROT_TWO) {
        sp[-1].swap(sp[-2]);
        FAST_DISPATCH();
      }

      TARGET(ROT_THREE) {
        sp[-1].swap(sp[-2]);
        sp[-2].swap(sp[-3]);
        FAST_DISPATCH();
      }

      TARGET(BINARY_OP) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        auto op = static_cast<BinaryOp>(arg & (kInPlace - 1));
        if (a.is_int() && b.is_int()) {
          int64_t x = a.as_int(), y = b.as_int(), r;
          bool done = true;
          switch (op) {
            case BinaryOp::Add: done = !__builtin_add_overflow(x, y, &r); break;
            case BinaryOp::Sub: done = !__builtin_sub_overflow(x, y, &r); break;
            case BinaryOp::Mul: done = !__builtin_mul_overflow(x, y, &r); break;
            default: done = false; break;
          }
          if (done) {
            --sp;
            *sp = Value();  // slots above the top stay Empty
            a = Value::integer(r);
            FAST_DISPATCH();
          }
        }
        if (a.is_float() || b.is_float() || (op == BinaryOp::Div && a.is_int() && b.is_int())) {
          double x, y, r;
          if (as_exact_doubles(a, b, x, y) && float_arithmetic(op, x, y, r)) {
            --sp;
            *sp = Value();
            a = Value::number(r);
            FAST_DISPATCH();
          }
        }
        if (is_kind(a, ObjKind::Instance)) {
          // A dunder written in Python runs as a frame of this loop, above
          // its operands; RETURN_VALUE finishes the operation.
          if (ObjFunction* fn = inlinable_binary_dunder(ts, op, (arg & kInPlace) != 0, a.as_obj()->type, type_of(ts, b))) {
            ObjCode* fn_code = fn->code_obj();
            if (static_cast<int>(ts.frames.size()) < rt.config.recursion_limit &&
                sp + 3 + fn_code->local_count() + fn_code->max_stack < ts.stack_end) {
              Value* base = sp;
              base[0] = Value::borrow(fn);
              base[1] = a;
              base[2] = b;
              SAVE_FRAME();
              push_frame(ts, fn, base, base + 1, 2, nullptr, false).finishes_binary_op = arg + 1;
              LOAD_FRAME();
              CHECK_EVAL_BREAKER();
              DISPATCH();
            }
          }
        }
        if (op == BinaryOp::Add && (arg & kInPlace) && is_str(a) && is_str(b) && is_unique(a.as_obj(), 2))
          release_target_for_concat(ts, a, *ip, locals, *code->globals);
        Value right = POP();
        Value left = POP();
        PUSH(binary_op(ts, op, left, right, (arg & kInPlace) != 0));
        DISPATCH();
      }

      TARGET(UNARY_NEGATIVE) {
        TOP() = negate(ts, TOP());
        DISPATCH();
      }

      TARGET(UNARY_POSITIVE) {
        TOP() = positive(ts, TOP());
        DISPATCH();
      }

      TARGET(UNARY_INVERT) {
        TOP() = invert(ts, TOP());
        DISPATCH();
      }

      TARGET(UNARY_NOT) {
        TOP() = Value::boolean(!truthy(ts, TOP()));
        DISPATCH();
      }

      TARGET(COMPARE_OP) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_int() && b.is_int()) {
          int64_t x = a.as_int(), y = b.as_int();
          bool r;
          switch (static_cast<CompareOp>(arg)) {
            case CompareOp::Eq: r = x == y; break;
            case CompareOp::NotEq: r = x != y; break;
            case CompareOp::Lt: r = x < y; break;
            case CompareOp::LtE: r = x <= y; break;
            case CompareOp::Gt: r = x > y; break;
            case CompareOp::GtE: r = x >= y; break;
            default: goto generic_compare;
          }
          --sp;
          *sp = Value();
          a = Value::boolean(r);
          FAST_DISPATCH();
        }
        if (a.is_float() || b.is_float()) {
          double x, y;
          bool r;
          if (as_exact_doubles(a, b, x, y) && float_comparison(static_cast<CompareOp>(arg), x, y, r)) {
            --sp;
            *sp = Value();
            a = Value::boolean(r);
            FAST_DISPATCH();
          }
        }
      generic_compare : {
        Value right = POP();
        Value left = POP();
        PUSH(compare(ts, static_cast<CompareOp>(arg), left, right));
        DISPATCH();
      }
      }

      TARGET(JUMP) {
        ip = code->code.data() + arg;
        FAST_DISPATCH();
      }

      TARGET(JUMP_BACKWARD) {
        ip = code->code.data() + arg;
        CHECK_EVAL_BREAKER();
        FAST_DISPATCH();
      }

      TARGET(POP_JUMP_IF_FALSE) {
        bool t = TOP().is_bool() ? TOP().as_bool() : truthy(ts, TOP());
        DROP();
        if (!t) ip = code->code.data() + arg;
        FAST_DISPATCH();
      }

      TARGET(POP_JUMP_IF_TRUE) {
        bool t = TOP().is_bool() ? TOP().as_bool() : truthy(ts, TOP());
        DROP();
        if (t) ip = code->code.data() + arg;
        FAST_DISPATCH();
      }

      TARGET(JUMP_IF_FALSE_OR_POP) {
        if (!truthy(ts, TOP()))
          ip = code->code.data() + arg;
        else
          DROP();
        FAST_DISPATCH();
      }

      TARGET(JUMP_IF_TRUE_OR_POP) {
        if (truthy(ts, TOP()))
          ip = code->code.data() + arg;
        else
          DROP();
        FAST_DISPATCH();
      }

      TARGET(GET_ITER) {
        TOP() = get_iter(ts, TOP());
        FAST_DISPATCH();
      }

      TARGET(FOR_ITER) {
        if (!is_kind(TOP(), ObjKind::Iterator)) [[unlikely]] {
          if (TOP().is_obj() && TOP().as_obj()->type == rt.types.generator) {
            // As CPython's FOR_ITER does for a generator (3.12's
            // FOR_ITER_GEN): its frame goes on top of this one and the loop
            // goes on in it, with no native call per item. A yield pushes
            // its value here; a return ends this loop (RETURN_VALUE).
            auto* gen = static_cast<ObjGenerator*>(TOP().as_obj());
            if (generator_resumable(gen)) {
              SAVE_FRAME();
              enter_generator(ts, gen, Value::none());
              LOAD_FRAME();
              DISPATCH();
            }
          }
          Value next;
          if (next_item(ts, TOP(), next)) {
            PUSH(std::move(next));
            DISPATCH();
          }
          DROP();
          ip = code->code.data() + arg;
          DISPATCH();
        }
        auto* it = as<ObjIterator>(TOP());
        if (it->over == ObjIterator::Over::Range) {
          if (it->stop > 0) {
            PUSH(Value::integer(it->position));
            it->position += it->step;
            --it->stop;
            FAST_DISPATCH();
          }
        } else if (it->over == ObjIterator::Over::Sequence && is_list(it->source)) {
          auto& items = as<ObjList>(it->source)->items;
          if (static_cast<size_t>(it->position) < items.size()) {
            PUSH(items[static_cast<size_t>(it->position++)]);
            FAST_DISPATCH();
          }
        } else {
          Value next;
          if (iterator_next(ts, it, next)) {
            PUSH(std::move(next));
            DISPATCH();
          }
        }
        DROP();
        ip = code->code.data() + arg;
        DISPATCH();
      }

      TARGET(BUILD_LIST) {
        std::vector<Value> items(arg);
        for (uint32_t i = arg; i-- > 0;) items[i] = POP();
        PUSH(make_list(ts, std::move(items)));
        DISPATCH();
      }

      TARGET(BUILD_TUPLE) {
        if (arg == 0) {
          PUSH(rt.empty_tuple);  // () is one shared object, as in CPython
          DISPATCH();
        }
        std::vector<Value> items(arg);
        for (uint32_t i = arg; i-- > 0;) items[i] = POP();
        PUSH(make_tuple(ts, std::move(items)));
        DISPATCH();
      }

      TARGET(BUILD_DICT) {
        Value d = make<ObjDict>(ts);
        Value* first = sp - 2 * arg;
        for (uint32_t i = 0; i < arg; ++i) dict_set(ts, as<ObjDict>(d), first[2 * i], first[2 * i + 1]);
        for (uint32_t i = 0; i < 2 * arg; ++i) DROP();
        PUSH(std::move(d));
        DISPATCH();
      }

      TARGET(BUILD_SLICE) {
        Value step = arg == 3 ? POP() : Value::none();
        Value stop = POP();
        Value start = POP();
        PUSH(make<ObjSlice>(ts, std::move(start), std::move(stop), std::move(step)));
        DISPATCH();
      }

      TARGET(BUILD_STRING) {
        Value s = build_string(sp - arg, arg);
        for (uint32_t i = 0; i < arg; ++i) DROP();
        PUSH(std::move(s));
        DISPATCH();
      }

      TARGET(FORMAT_VALUE) {
        Value spec = arg ? POP() : Value();
        Value v = POP();
        if (!arg && is_str(v)) {
          PUSH(std::move(v));
        } else {
          std::string_view sv = arg ? std::string_view(as<ObjStr>(spec)->text) : std::string_view();
          PUSH(make_str(format_value(ts, v, sv)));
        }
        DISPATCH();
      }

      TARGET(LIST_APPEND) {
        Value v = POP();
        as<ObjList>(sp[-static_cast<int>(arg)])->items.push_back(std::move(v));
        DISPATCH();
      }

      TARGET(DICT_SET) {
        Value v = POP();
        Value k = POP();
        dict_set(ts, as<ObjDict>(sp[-static_cast<int>(arg)]), k, std::move(v));
        DISPATCH();
      }

      TARGET(LIST_EXTEND) {
        Value it = POP();
        if (!is_iterable(ts, it))
          raise(ts, rt.types.TypeError, "Value after * must be an iterable, not " + std::string(type_name(ts, it)));
        std::vector<Value> items = collect(ts, it);
        auto& list = as<ObjList>(sp[-static_cast<int>(arg)])->items;
        list.insert(list.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
        DISPATCH();
      }

      TARGET(LIST_TO_TUPLE) {
        TOP() = make_tuple(ts, std::move(as<ObjList>(TOP())->items));
        DISPATCH();
      }

      TARGET(DICT_UPDATE) {
        Value m = POP();
        if (!is_dict(m))
          raise(ts, rt.types.TypeError, "'" + std::string(type_name(ts, m)) + "' object is not a mapping");
        auto* d = as<ObjDict>(sp[-static_cast<int>(arg)]);
        for (auto& e : as<ObjDict>(m)->entries)
          if (!e.key.is_empty()) dict_set(ts, d, e.key, e.value);
        DISPATCH();
      }

      TARGET(DICT_MERGE) {
        Value m = POP();
        merge_call_keywords(ts, sp[-static_cast<int>(arg) - 2], as<ObjDict>(sp[-static_cast<int>(arg)]), m);
        DISPATCH();
      }

      // Sets: the opcodes are in place for the set type to come.
      TARGET(BUILD_SET) {
        Value set = make_set(ts, sp - arg, arg);
        for (uint32_t i = 0; i < arg; ++i) DROP();
        PUSH(std::move(set));
        DISPATCH();
      }

      TARGET(SET_ADD) {
        Value v = POP();
        set_add(ts, sp[-static_cast<int>(arg)], v);
        DISPATCH();
      }

      TARGET(SET_UPDATE) {
        Value it = POP();
        set_update(ts, sp[-static_cast<int>(arg)], it);
        DISPATCH();
      }

      TARGET(BINARY_SUBSCR) {
        Value& c = sp[-2];
        Value& i = sp[-1];
        if (Value* item = exact_list_item(c, i)) {
          sp[-1] = *item;       // the index is an int: nothing to release
          sp[-1].swap(sp[-2]);  // the item below, the list on top
          DROP();               // releases the list
          FAST_DISPATCH();
        }
        Value index = POP();
        Value container = POP();
        PUSH(get_item(ts, container, index));
        DISPATCH();
      }

      TARGET(BINARY_SLICE) {
        Value* bounds = sp - arg;
        Value none = Value::none();
        Value result = get_slice(ts, bounds[-1], bounds[0], bounds[1], arg == 3 ? bounds[2] : none);
        for (uint32_t i = 0; i < arg; ++i) DROP();
        TOP() = std::move(result);
        DISPATCH();
      }

      TARGET(STORE_SLICE) {
        Value* bounds = sp - arg;
        Value none = Value::none();
        set_slice(ts, bounds[-1], bounds[0], bounds[1], arg == 3 ? bounds[2] : none, std::move(bounds[-2]));
        for (uint32_t i = 0; i < arg + 2; ++i) DROP();
        DISPATCH();
      }

      TARGET(STORE_SUBSCR) {
        Value& c = sp[-2];
        Value& i = sp[-1];
        if (Value* item = exact_list_item(c, i)) {
          Value old = std::move(*item);
          *item = std::move(sp[-3]);
          DROP();
          DROP();
          DROP();
          DISPATCH();  // [old] is released here, after the stack is consistent
        }
        Value index = POP();
        Value container = POP();
        Value v = POP();
        set_item(ts, container, index, std::move(v));
        DISPATCH();
      }

      TARGET(DELETE_SUBSCR) {
        Value index = POP();
        Value container = POP();
        del_item(ts, container, index);
        DISPATCH();
      }

      TARGET(LOAD_ATTR) {
        auto* name = as<ObjStr>(code->names[arg]);
        Value& obj = TOP();
        if (is_kind(obj, ObjKind::Instance)) {
          AttrCache& c = attr_cache(ts, code, arg, obj.as_obj()->type, name);
          if (c.reads_dict) {
            if (const Value* v = find_instance_attribute(c, as<ObjInstance>(obj), name)) {
              Value found = *v;
              obj = std::move(found);
              DISPATCH();
            }
            if (c.in_class && !type_of(ts, *c.in_class)->tp_descr_get) {
              obj = *c.in_class;
              DISPATCH();
            }
          }
        }
        obj = get_attr(ts, obj, name);
        DISPATCH();
      }

      TARGET(STORE_ATTR) {
        auto* name = as<ObjStr>(code->names[arg]);
        if (Value& target = sp[-1]; is_kind(target, ObjKind::Instance)) {
          AttrCache& c = attr_cache(ts, code, arg, target.as_obj()->type, name);
          if (c.writes_dict) {
            store_instance_attribute(ts, c, as<ObjInstance>(target), name, std::move(sp[-2]));
            DROP();
            DROP();
            DISPATCH();
          }
        }
        Value obj = POP();
        Value v = POP();
        set_attr(ts, obj, name, v);
        DISPATCH();
      }

      TARGET(DELETE_ATTR) {
        Value obj = POP();
        del_attr(ts, obj, as<ObjStr>(code->names[arg]));
        DISPATCH();
      }

      TARGET(LOAD_LOCAL_OR_GLOBAL) {
        if (!locals[arg].is_empty()) {
          PUSH(locals[arg]);
          DISPATCH();
        }
        GlobalTable& globals = *code->globals;
        uint32_t slot = rt.global_slot(globals, as<ObjStr>(code->local_names[arg]));
        const Value& g = globals.values[slot];
        if (g.is_empty()) {
          const Value& b = globals.builtins[slot];
          if (b.is_empty()) raise_name_error(ts, globals, slot);
          PUSH(b);
        } else {
          PUSH(g);
        }
        DISPATCH();
      }

      TARGET(LOAD_LOCALS) {
        Value ns = make<ObjDict>(ts);
        for (int i = 0; i < code->local_count(); ++i) {
          auto* name = as<ObjStr>(code->local_names[static_cast<size_t>(i)]);
          if (locals[i].is_empty() || name->text.empty() || name->text[0] == '<') continue;
          dict_set_str(as<ObjDict>(ns), name, locals[i]);
        }
        PUSH(std::move(ns));
        DISPATCH();
      }

      TARGET(BUILD_CLASS) {
        Value ns = POP();
        Value bases = POP();
        PUSH(make_class(ts, as<ObjStr>(code->names[arg])->text, bases, ns));
        DISPATCH();
      }

      TARGET(LOAD_METHOD) {
        // A function found in the type, not shadowed by the instance,
        // is pushed unbound with self after it: no bound method is made.
        auto* name = as<ObjStr>(code->names[arg]);
        Value& obj = TOP();
        const Value* m = nullptr;
        if (is_kind(obj, ObjKind::Instance)) {
          AttrCache& c = attr_cache(ts, code, arg, obj.as_obj()->type, name);
          const Value& d = as<ObjInstance>(obj)->dict;
          if (c.reads_dict && c.in_class && is_kind(*c.in_class, ObjKind::Function) &&
              (d.is_empty() || dict_surely_lacks_str(as<ObjDict>(d), name) || dict_str_position(as<ObjDict>(d), name) < 0))
            m = c.in_class;
        }
        if (!m && !is_kind(obj, ObjKind::Module) && !is_kind(obj, ObjKind::Type)) {
          ObjType* t = type_of(ts, obj);
          // Only where attribute lookup is the generic one: super, property
          // and the like look up differently.
          if (t->tp_getattro == generic_getattr || t->tp_getattro == builtin_getattr) m = t->lookup(name);
          if (m && !(is_kind(*m, ObjKind::Function) ||
                     (is_kind(*m, ObjKind::Native) && as<ObjNative>(*m)->owner && !as<ObjNative>(*m)->class_method)))
            m = nullptr;
          if (m && t->get_attribute && !t->get_attribute(ts, obj, name).is_empty()) m = nullptr;
          if (m) {
            const Value* d = instance_dict(obj);
            if (d && !d->is_empty() && dict_find_str(as<ObjDict>(*d), name)) m = nullptr;
          }
        }
        if (m) {
          Value self = std::move(obj);
          obj = *m;
          PUSH(std::move(self));
        } else {
          obj = get_attr(ts, obj, name);
          PUSH(Value());
        }
        DISPATCH();
      }

      TARGET(CALL_METHOD) {
        kwnames = nullptr;
        callable = sp - arg - 2;
        args = callable + 1;
        argc = static_cast<int>(arg) + 1;
        if (args->is_empty()) {
          ++args;
          --argc;
        }
        goto do_call;
      }

      TARGET(CALL) {
        kwnames = nullptr;
        callable = sp - arg - 1;
        args = callable + 1;
        argc = static_cast<int>(arg);
        goto do_call;
      }

      TARGET(CALL_KW) {
        kw_holder = POP();
        kwnames = as<ObjTuple>(kw_holder);
        callable = sp - arg - 1;
        args = callable + 1;
        argc = static_cast<int>(arg - kwnames->items.size());
        goto do_call;
      }

      TARGET(CALL_METHOD_KW) {
        kw_holder = POP();
        kwnames = as<ObjTuple>(kw_holder);
        callable = sp - arg - 2;
        args = callable + 1;
        argc = static_cast<int>(arg - kwnames->items.size()) + 1;
        if (args->is_empty()) {
          ++args;
          --argc;
        }
        goto do_call;
      }

      TARGET(CALL_FUNCTION_EX) {
        Value kwargs = arg ? POP() : Value();
        Value positional = POP();
        callable = sp - 1;
        SAVE_FRAME();
        positional = call_args_tuple(ts, *callable, std::move(positional));
        RELOAD_FRAME_POINTER();
        argc = spread_call_arguments(ts, callable, positional, kwargs, kw_holder);
        kwnames = kw_holder.is_empty() ? nullptr : as<ObjTuple>(kw_holder);
        args = callable + 1;
        sp = args + argc + (kwnames ? static_cast<int>(kwnames->items.size()) : 0);
        goto do_call;
      }

    do_call : {
      // The callable is at [callable], its arguments at [args]; everything
      // from [callable] to [sp] is consumed by the call.
      if (is_kind(*callable, ObjKind::Function)) {
        auto* fn = as<ObjFunction>(*callable);
        SAVE_FRAME();
        frame->sp = callable;
        push_frame(ts, fn, callable, args, argc, kwnames, false);
        kw_holder = Value();
        LOAD_FRAME();
        CHECK_EVAL_BREAKER();
        FAST_DISPATCH();
      }
      if (is_kind(*callable, ObjKind::Type)) {
        if (ObjFunction* init = inlinable_init(ts, *callable)) {
          int total = argc + (kwnames ? static_cast<int>(kwnames->items.size()) : 0);
          ObjCode* init_code = init->code_obj();
          // Room for self and the frame; otherwise type_call raises.
          if (static_cast<int>(ts.frames.size()) < rt.config.recursion_limit &&
              args + total + 1 + init_code->local_count() + init_code->max_stack < ts.stack_end) {
            // The arguments move up one slot for self; the class's slot
            // takes __init__, which keeps the frame's code alive.
            for (int i = total; i > 0; --i) args[i] = std::move(args[i - 1]);
            args[0] = make<ObjInstance>(ts, as<ObjType>(*callable), Value());
            Value instance = args[0];
            *callable = Value::borrow(init);
            SAVE_FRAME();
            frame->sp = callable;
            push_frame(ts, init, callable, args, argc + 1, kwnames, false).constructing = std::move(instance);
            kw_holder = Value();
            LOAD_FRAME();
            CHECK_EVAL_BREAKER();
            DISPATCH();
          }
        }
      }
      SAVE_FRAME();
      Value result = call(ts, *callable, args, argc, kwnames);
      RELOAD_FRAME_POINTER();
      kw_holder = Value();
      clear_frame_values(callable, sp);
      sp = callable;
      PUSH(std::move(result));
      DISPATCH();
    }

      TARGET(MAKE_FUNCTION) {
        Value code_value = POP();
        auto* fn = new_object<ObjFunction>(ts);
        Value f = Value::adopt(fn);
        fn->code = std::move(code_value);
        if (arg & kMakeFunctionClosure) fn->closure = POP();
        if (arg & kMakeFunctionKwDefaults) fn->kwdefaults = POP();
        if (arg & kMakeFunctionDefaults) {
          Value defaults = POP();
          fn->defaults = as<ObjTuple>(defaults)->items;
        }
        PUSH(std::move(f));
        DISPATCH();
      }

      TARGET(RETURN_VALUE) {
        // The result replaces the callable in the frame's lowest slot.
        Value* base = frame->base;
        --sp;
        if (frame->finishes_binary_op) [[unlikely]] {
          // An inlined dunder: its result replaces the two operands below
          // [base]; NotImplemented goes on to the reflected method.
          uint32_t op_arg = frame->finishes_binary_op - 1;
          Value result = std::move(*sp);
          clear_frame_values(base, sp);
          ts.frames.pop_back();
          LOAD_FRAME();
          sp = base;
          if (result.is_obj() && result.as_obj() == rt.not_implemented.as_obj()) {
            SAVE_FRAME();
            result = binary_op_after_forward(ts, static_cast<BinaryOp>(op_arg & (kInPlace - 1)), base[-2], base[-1],
                                             (op_arg & kInPlace) != 0);
            RELOAD_FRAME_POINTER();
          }
          base[-1] = Value();
          base[-2] = std::move(result);
          sp = base - 1;
          DISPATCH();
        }
        if (!frame->constructing.is_empty()) [[unlikely]] {
          // An inlined __init__: the instance is the call's result.
          Value result = std::move(*sp);
          clear_frame_values(base, sp);
          *base = std::move(frame->constructing);
          ts.frames.pop_back();
          LOAD_FRAME();
          sp = base + 1;
          if (!result.is_none()) {
            SAVE_FRAME();
            raise_init_result(ts, result);
          }
          DISPATCH();
        }
        if (frame->generator) [[unlikely]] {
          Value result = std::move(*sp);
          clear_frame_values(base, sp);
          finish_generator(ts, static_cast<ObjGenerator*>(frame->generator));
          bool to_native = frame->returns_to_native;
          ts.frames.pop_back();
          if (to_native) return result;
          // Resumed by the FOR_ITER or SEND just before the resumer's ip:
          // FOR_ITER's loop ends; `yield from` ends with the value.
          LOAD_FRAME();
          uint32_t resumer = ip[-1];
          if (opcode_of(resumer) == Op::SEND)
            TOP() = std::move(result);
          else
            DROP();
          ip = code->code.data() + operand_of(resumer);
          DISPATCH();
        }
        clear_frame_values(base, sp);
        *base = std::move(*sp);
        bool to_native = frame->returns_to_native;
        ts.frames.pop_back();
        if (to_native || ts.frames.size() <= entry_depth) return std::move(*base);
        LOAD_FRAME();
        sp = base + 1;
        FAST_DISPATCH();
      }

      TARGET(RETURN_GENERATOR) {
        // The prologue (cells, free variables) has run; the rest of the
        // frame runs when the generator is first resumed.
        Value gen = make_generator(ts, *frame, sp, ip);
        sp = locals;
        PUSH(std::move(gen));
        goto op_RETURN_VALUE;
      }

      TARGET(YIELD_VALUE) {
        // The yielded value goes to the resumer: a native call
        // (resume_generator_frame), or the FOR_ITER or SEND below, which
        // take it as their result.
        Value v = POP();
        suspend_generator(ts, static_cast<ObjGenerator*>(frame->generator), *frame, sp, ip);
        frame->base->clear();
        bool to_native = frame->returns_to_native;
        ts.frames.pop_back();
        if (to_native) return v;
        LOAD_FRAME();
        PUSH(std::move(v));
        DISPATCH();
      }

      TARGET(GET_YIELD_FROM_ITER) {
        if (!is_generator(ts, TOP())) {
          SAVE_FRAME();
          TOP() = get_iter(ts, TOP());
        }
        DISPATCH();
      }

      TARGET(SEND) {
        // receiver v: resumes the receiver with v. A yield leaves its value
        // for YIELD_VALUE; a return ends the `yield from` with its value.
        Value v = POP();
        if (TOP().is_obj() && TOP().as_obj()->type == rt.types.generator) {
          // A generator receiver runs on top of this frame, as in FOR_ITER.
          auto* gen = static_cast<ObjGenerator*>(TOP().as_obj());
          if (generator_resumable(gen)) {
            SAVE_FRAME();
            enter_generator(ts, gen, std::move(v));
            LOAD_FRAME();
            DISPATCH();
          }
        }
        SAVE_FRAME();
        Value out;
        bool yielded = send_to(ts, TOP(), v, out);
        RELOAD_FRAME_POINTER();
        if (yielded) {
          PUSH(std::move(out));
          DISPATCH();
        }
        TOP() = std::move(out);
        ip = code->code.data() + arg;
        DISPATCH();
      }

      TARGET(UNPACK_SEQUENCE) {
        Value seq = POP();
        if (is_tuple(seq) && as<ObjTuple>(seq)->items.size() == arg) {
          auto& items = as<ObjTuple>(seq)->items;
          for (uint32_t i = arg; i-- > 0;) PUSH(items[i]);
          DISPATCH();
        }
        unpack(ts, seq, arg, sp);
        sp += arg;
        DISPATCH();
      }

      TARGET(UNPACK_EX) {
        Value seq = POP();
        uint32_t before = arg & kUnpackExMax, after = arg >> kUnpackExShift;
        unpack_ex(ts, seq, before, after, sp);
        sp += before + after + 1;
        DISPATCH();
      }

      TARGET(RAISE) {
        if (arg == 0) {
          if (ts.handled_exception.is_empty()) raise(ts, rt.types.RuntimeError, "No active exception to reraise");
          throw PyException{ts.handled_exception, true};
        }
        Value cause = arg == 2 ? POP() : Value();
        Value v = POP();
        SAVE_FRAME();
        Value exc = make_raisable(ts, v);
        if (arg == 2) set_cause(ts, exc, cause);
        raise_value(std::move(exc));
      }

      TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Value::borrow(rt.types.AssertionError));
        DISPATCH();
      }

      TARGET(PUSH_EXC_INFO) {
        Value exc = POP();
        PUSH(ts.handled_exception);
        ts.handled_exception = exc;
        PUSH(std::move(exc));
        DISPATCH();
      }

      TARGET(CHECK_EXC_MATCH) {
        Value type = POP();
        bool matches = exception_matches(ts, TOP(), type);
        PUSH(Value::boolean(matches));
        DISPATCH();
      }

      TARGET(POP_EXCEPT) {
        ts.handled_exception = POP();
        DISPATCH();
      }

      TARGET(RERAISE) {
        Value exc = POP();
        throw PyException{std::move(exc), true};
      }

      TARGET(IMPORT_NAME) {
        SAVE_FRAME();
        auto* name = as<ObjStr>(code->names[arg]);
        if (name->text[0] == '.') name = rt.intern(resolve_relative_import(ts, *code->globals, name->text));
        Value module = import_module(ts, name);
        RELOAD_FRAME_POINTER();
        PUSH(std::move(module));
        DISPATCH();
      }

      TARGET(IMPORT_FROM) {
        SAVE_FRAME();
        Value v = import_from(ts, TOP(), as<ObjStr>(code->names[arg]));
        RELOAD_FRAME_POINTER();
        PUSH(std::move(v));
        DISPATCH();
      }

      TARGET(IMPORT_STAR) {
        SAVE_FRAME();
        Value module = POP();
        frame->sp = sp;
        import_star(ts, module, *code->globals);
        RELOAD_FRAME_POINTER();
        DISPATCH();
      }

      TARGET(WITH_ENTER) {
        SAVE_FRAME();
        Value entered = call_special(ts, TOP(), rt.name_enter);
        RELOAD_FRAME_POINTER();
        PUSH(std::move(entered));
        DISPATCH();
      }

      TARGET(WITH_EXIT) {
        SAVE_FRAME();
        Value ctx = POP();
        frame->sp = sp;
        Value none[3] = {Value::none(), Value::none(), Value::none()};
        call_exit(ts, ctx, none);
        RELOAD_FRAME_POINTER();
        DISPATCH();
      }

      TARGET(WITH_EXIT_EXC) {
        SAVE_FRAME();
        Value ctx = POP();
        frame->sp = sp;
        Value info[3] = {Value::borrow(type_of(ts, TOP())), TOP(), traceback_object(ts, TOP())};
        // __exit__ runs while the body's exception is being handled: one it
        // raises chains to it.
        Value previous = std::exchange(ts.handled_exception, TOP());
        Value suppress;
        try {
          suppress = call_exit(ts, ctx, info);
        } catch (...) {
          ts.handled_exception = std::move(previous);
          throw;
        }
        ts.handled_exception = std::move(previous);
        RELOAD_FRAME_POINTER();
        PUSH(Value::boolean(truthy(ts, suppress)));
        DISPATCH();
      }
    }
  }
#undef LOAD_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef DROP
#undef DISPATCH
#undef TARGET
#undef CHECK_EVAL_BREAKER
}

}  // namespace

void run_module(ThreadState& ts, const Value& code_value) {
  auto* code = as<ObjCode>(code_value);
  Value* base = stack_top(ts);
  if (base + 1 + code->local_count() + code->max_stack >= ts.stack_end) raise_recursion(ts);
  *base = code_value;  // the module's code stands where a callable would
  Value* locals = base + 1;
  size_t depth = ts.frames.size();
  ts.frames.emplace_back(code, base, code->code.data(), locals, locals + code->local_count(), true);
  run(ts, depth);
}

Value call_function(ThreadState& ts, ObjFunction* fn, Value* args, int argc, ObjTuple* kwnames) {
  Value* base = stack_top(ts);
  int total = argc + (kwnames ? static_cast<int>(kwnames->items.size()) : 0);
  if (base + 1 + total + fn->code_obj()->local_count() + fn->code_obj()->max_stack >= ts.stack_end)
    raise_recursion(ts);
  base[0] = Value::borrow(fn);
  for (int i = 0; i < total; ++i) base[1 + i] = args[i];
  size_t depth = ts.frames.size();
  try {
    push_frame(ts, fn, base, base + 1, argc, kwnames, true);
  } catch (...) {
    clear_frame_values(base, base + 1 + std::max(total, fn->code_obj()->param_count));
    throw;
  }
  return run(ts, depth);
}

Value resume_generator_frame(ThreadState& ts, ObjGenerator* gen, Value sent, Value thrown) {
  size_t depth = ts.frames.size();
  link_generator_frame(ts, gen, std::move(sent), true);
  if (!thrown.is_empty()) {
    // Raised at the yield: the frame's handlers around it apply.
    PyException pe{std::move(thrown), false};
    if (!unwind(ts, pe, depth)) throw pe;
  }
  return run(ts, depth);
}

void handle_eval_breaker(ThreadState& ts) {
  Runtime& rt = ts.rt;
  uint32_t bits = rt.eval_breaker.load();
  if ((bits & kGilDropRequest) && ts.holds_gil) rt.gil->yield_on_request(ts);
  // A collection runs only on a thread that holds the GIL: every other
  // thread is stopped while it does.
  if ((bits & kGcScheduled) && ts.holds_gil) {
    rt.eval_breaker.fetch_and(~kGcScheduled);
    gc_collect_scheduled(ts);
  }
  if ((bits & kFinalizing) && !ts.is_main) {
    // The runtime is winding down: daemon threads end, as they would with
    // the process. SystemExit ends a thread silently.
    auto* e = new_object<ObjException>(ts, rt.types.SystemExit);
    e->args = make_tuple(ts);
    raise_value(Value::adopt(e));
  }
  if (ts.is_main && rt.sigint_pending.load() && rt.sigint_pending.exchange(false)) {
    rt.eval_breaker.fetch_and(~kSignalPending);
    raise(ts, rt.types.KeyboardInterrupt, "");
  }
}

}  // namespace gil
