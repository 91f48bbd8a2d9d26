// The built-in functions that look at objects themselves: their attributes
// (getattr, setattr, hasattr, delattr, vars, dir), their identity (id),
// whether they can be called, and the lazy map and filter.
#include <algorithm>

#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

namespace gil {
namespace {

ObjStr* attribute_name(ThreadState& ts, const char*, const Value& v) {
  if (!is_str(v))
    raise(ts, ts.rt.types.TypeError, "attribute name must be string, not '" + std::string(type_name(ts, v)) + "'");
  return ts.rt.intern(as<ObjStr>(v)->text);
}

Value builtin_getattr(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "getattr", kwnames);
  if (argc < 2) raise(ts, ts.rt.types.TypeError, "getattr expected at least 2 arguments, got " + std::to_string(argc));
  if (argc > 3) raise(ts, ts.rt.types.TypeError, "getattr expected at most 3 arguments, got " + std::to_string(argc));
  ObjStr* name = attribute_name(ts, "getattr", args[1]);
  if (argc == 2) return get_attr(ts, args[0], name);
  try {
    Value v = try_get_attr(ts, args[0], name);
    return v.is_empty() ? args[2] : v;
  } catch (PyException& e) {
    if (!as<ObjException>(e.exception)->type->is_subtype_of(ts.rt.types.AttributeError)) throw;
    return args[2];
  }
}

Value builtin_setattr(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "setattr", kwnames);
  check_args(ts, "setattr", argc, 3, 3);
  set_attr(ts, args[0], attribute_name(ts, "setattr", args[1]), args[2]);
  return Value::none();
}

Value builtin_delattr(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "delattr", kwnames);
  check_args(ts, "delattr", argc, 2, 2);
  del_attr(ts, args[0], attribute_name(ts, "delattr", args[1]));
  return Value::none();
}

Value builtin_hasattr(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "hasattr", kwnames);
  check_args(ts, "hasattr", argc, 2, 2);
  ObjStr* name = attribute_name(ts, "hasattr", args[1]);
  try {
    return Value::boolean(!try_get_attr(ts, args[0], name).is_empty());
  } catch (PyException& e) {
    if (!as<ObjException>(e.exception)->type->is_subtype_of(ts.rt.types.AttributeError)) throw;
    return Value::boolean(false);
  }
}

Value builtin_callable(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "callable", kwnames);
  check_args(ts, "callable", argc, 1, 1);
  return Value::boolean(is_kind(args[0], ObjKind::Function) || type_of(ts, args[0])->tp_call != nullptr);
}

// id(): an object's address; an int, float, bool or None, which MiniPy keeps
// inline, gets a number derived from its value (small ints, as CPython's
// cached ones) or from its serial (value.h).
Value builtin_id(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "id", kwnames);
  check_args(ts, "id", argc, 1, 1);
  const Value& v = args[0];
  if (v.is_obj()) return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.as_obj())));
  // A number object other than a small int is told apart by its serial.
  uint64_t key = v.serial() ? (uint64_t{1} << 40) + v.serial() : static_cast<uint64_t>(v.as_int());
  return Value::integer(static_cast<int64_t>((0x7f0000000000ull + (key * 32 + static_cast<uint64_t>(v.tag()) * 8)) &
                                             0x7fffffffffffull));
}

Value builtin_vars(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "vars", kwnames);
  check_args(ts, "vars", argc, 1, 1);
  if (is_kind(args[0], ObjKind::Type)) return as<ObjType>(args[0])->dict;
  Value* d = instance_dict(args[0]);
  if (!d) raise(ts, ts.rt.types.TypeError, "vars() argument must have __dict__ attribute");
  if (d->is_empty()) *d = make<ObjDict>(ts);
  return *d;
}

// dir(obj): the sorted names of its attributes: the instance dict's and
// every class's in the MRO.
Value builtin_dir(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "dir", kwnames);
  check_args(ts, "dir", argc, 0, 1);
  std::vector<std::string> names;
  if (argc == 0) {
    // dir(): the names bound in the calling scope, the module's globals at
    // the top level.
    const Frame* f = ts.frames.empty() ? nullptr : &ts.frames.back();
    if (!f || f->code->name == "<module>") {
      const GlobalTable& g = f ? *f->code->globals : ts.rt.globals;
      for (size_t i = 0; i < g.values.size(); ++i)
        if (!g.values[i].is_empty()) names.push_back(g.names[i]->text);
    } else {
      for (int i = 0; i < f->code->local_count(); ++i) {
        const std::string& n = as<ObjStr>(f->code->local_names[static_cast<size_t>(i)])->text;
        if (!f->locals[i].is_empty() && !n.empty() && n[0] != '<') names.push_back(n);
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<Value> items;
    for (auto& n : names) items.push_back(make_str(n));
    return make_list(ts, std::move(items));
  }
  auto add_keys = [&](const Value& dict) {
    if (dict.is_empty()) return;
    for (auto& e : as<ObjDict>(dict)->entries)
      if (!e.key.is_empty() && is_str(e.key)) names.push_back(as<ObjStr>(e.key)->text);
  };
  const Value& v = args[0];
  // A class's __dir__ decides; dir() sorts what it gives.
  if (!is_kind(v, ObjKind::Type) && type_of(ts, v)->is_heap_type)
    if (const Value* hook = type_of(ts, v)->lookup(ts.rt.name("__dir__")); hook && !is_kind(*hook, ObjKind::Native)) {
      Value self = v;
      std::vector<Value> items = collect(ts, call_method_value(ts, *hook, v, &self, 1));
      Value result = make_list(ts, std::move(items));
      sort_values(ts, as<ObjList>(result)->items, nullptr, false);
      return result;
    }
  if (is_kind(v, ObjKind::Module)) {
    auto* m = as<ObjModule>(v);
    for (auto& [n, val] : m->attrs) names.push_back(n->text);
    if (m->globals)
      for (size_t i = 0; i < m->globals->values.size(); ++i)
        if (!m->globals->values[i].is_empty()) names.push_back(m->globals->names[i]->text);
  } else {
    if (Value* d = instance_dict(v)) add_keys(*d);
    ObjType* t = is_kind(v, ObjKind::Type) ? as<ObjType>(v) : type_of(ts, v);
    for (ObjType* m : t->mro) add_keys(m->dict);
    if (!is_kind(v, ObjKind::Type)) names.push_back("__class__");
    if (instance_dict(v)) names.push_back("__dict__");
    if (t->is_heap_type) names.insert(names.end(), {"__module__", "__doc__", "__weakref__"});
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<Value> items;
  for (auto& n : names) items.push_back(make_str(n));
  return make_list(ts, std::move(items));
}

// map(fn, *iterables) and filter(fn, iterable): lazy iterators whose source
// is the tuple (fn, iterator...).
Value builtin_map(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "map", kwnames);
  if (argc < 2) raise(ts, ts.rt.types.TypeError, "map() must have at least two arguments.");
  std::vector<Value> parts{args[0]};
  for (int i = 1; i < argc; ++i) parts.push_back(get_iter(ts, args[i]));
  return make<ObjIterator>(ts, ObjIterator::Over::Map, make_tuple(ts, std::move(parts)));
}

Value builtin_filter(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "filter", kwnames);
  check_args(ts, "filter", argc, 2, 2);
  return make<ObjIterator>(ts, ObjIterator::Over::Filter, make_tuple(ts, {args[0], get_iter(ts, args[1])}));
}

}  // namespace

void install_attribute_builtins(Runtime& rt) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry entries[] = {
      {"getattr", builtin_getattr}, {"setattr", builtin_setattr}, {"delattr", builtin_delattr},
      {"hasattr", builtin_hasattr}, {"callable", builtin_callable}, {"id", builtin_id},
      {"vars", builtin_vars},       {"dir", builtin_dir},
      {"map", builtin_map},         {"filter", builtin_filter},
  };
  for (auto& e : entries) rt.define_builtin(e.name, make_native(e.name, e.fn));
}

}  // namespace gil
