// The methods of list, tuple and dict.
#include <algorithm>

#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"

namespace gil {
namespace {

std::vector<Value>& list_items(Value* args) { return as<ObjList>(args[0])->items; }

// ---- list ----------------------------------------------------------------------

Value list_append(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "list.append", argc - 1, 1, 1);
  list_items(args).push_back(args[1]);
  return Value::none();
}

Value list_extend(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "list.extend", argc - 1, 1, 1);
  std::vector<Value> items = collect(ts, args[1]);
  auto& dst = list_items(args);
  dst.insert(dst.end(), items.begin(), items.end());
  return Value::none();
}

Value list_insert(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "insert", argc - 1, 2, 2);
  auto& items = list_items(args);
  int64_t n = static_cast<int64_t>(items.size());
  int64_t i = expect_int(ts, args[1], "insert");
  if (i < 0) i = std::max<int64_t>(0, i + n);
  i = std::min(i, n);
  items.insert(items.begin() + i, args[2]);
  return Value::none();
}

Value list_pop(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "pop", argc - 1, 0, 1);
  auto& items = list_items(args);
  if (items.empty()) raise(ts, ts.rt.types.IndexError, "pop from empty list");
  int64_t n = static_cast<int64_t>(items.size());
  int64_t i = argc == 2 ? expect_int(ts, args[1], "pop") : n - 1;
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(ts, ts.rt.types.IndexError, "pop index out of range");
  Value v = std::move(items[static_cast<size_t>(i)]);
  items.erase(items.begin() + i);
  return v;
}

int64_t index_of(ThreadState& ts, const std::vector<Value>& items, Value* args, int argc) {
  int64_t n = static_cast<int64_t>(items.size());
  auto bound = [&](int at, int64_t dflt) {
    if (argc <= at) return dflt;
    int64_t v = expect_int(ts, args[at], "index");
    if (v < 0) v = std::max<int64_t>(0, v + n);
    return std::min(v, n);
  };
  int64_t start = bound(2, 0), stop = bound(3, n);
  for (int64_t i = start; i < stop; ++i)
    if (identical(items[static_cast<size_t>(i)], args[1]) || equals(ts, items[static_cast<size_t>(i)], args[1])) return i;
  return -1;
}

Value list_index(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "index", argc - 1, 1, 3);
  int64_t i = index_of(ts, list_items(args), args, argc);
  if (i < 0) raise(ts, ts.rt.types.ValueError, repr(ts, args[1]) + " is not in list");
  return Value::integer(i);
}

int64_t count_of(ThreadState& ts, const std::vector<Value>& items, const Value& x) {
  int64_t n = 0;
  for (auto& v : items) n += identical(v, x) || equals(ts, v, x);
  return n;
}

Value list_count(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "count", argc - 1, 1, 1);
  return Value::integer(count_of(ts, list_items(args), args[1]));
}

Value list_remove(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "list.remove", argc - 1, 1, 1);
  auto& items = list_items(args);
  int64_t i = index_of(ts, items, args, 2);
  if (i < 0) raise(ts, ts.rt.types.ValueError, "list.remove(x): x not in list");
  Value dead = std::move(items[static_cast<size_t>(i)]);  // released once the list is whole
  items.erase(items.begin() + i);
  return Value::none();
}

Value list_reverse(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "list.reverse", argc - 1, 0, 0);
  std::reverse(list_items(args).begin(), list_items(args).end());
  return Value::none();
}

Value list_sort(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc > 1) raise(ts, ts.rt.types.TypeError, "sort() takes no positional arguments");
  Value* reverse = find_keyword(args, argc, kwnames, "reverse");
  Value* key = find_keyword(args, argc, kwnames, "key");
  const bool descending = reverse && truthy(ts, *reverse);
  // As CPython, the list is empty while it sorts: a key or __lt__ that looks
  // at it sees [], and one that adds to it is caught afterwards. Whatever
  // happens, the sorted (or partly sorted) items go back.
  auto* list = as<ObjList>(args[0]);
  std::vector<Value> items;
  items.swap(list->items);
  bool modified = false;
  {
    struct Restore {
      ObjList* list;
      std::vector<Value>& items;
      bool& modified;
      ~Restore() {
        modified = list->items.capacity() != 0;
        std::vector<Value> added;
        added.swap(list->items);
        list->items.swap(items);
        // [added] is released here, after the list is whole again: freeing
        // it may run code that looks at the list.
      }
    } restore{list, items, modified};
    sort_values(ts, items, key, descending);
  }
  if (modified) raise(ts, ts.rt.types.ValueError, "list modified during sort");
  return Value::none();
}

Value list_copy(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "list.copy", argc - 1, 0, 0);
  return make_list(ts, list_items(args));
}

Value list_clear(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "list.clear", argc - 1, 0, 0);
  std::vector<Value> old = std::move(list_items(args));
  list_items(args).clear();
  return Value::none();
}

// ---- tuple ---------------------------------------------------------------------

Value tuple_index(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "index", argc - 1, 1, 3);
  int64_t i = index_of(ts, as<ObjTuple>(args[0])->items, args, argc);
  if (i < 0) raise(ts, ts.rt.types.ValueError, "tuple.index(x): x not in tuple");
  return Value::integer(i);
}

Value tuple_count(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "count", argc - 1, 1, 1);
  return Value::integer(count_of(ts, as<ObjTuple>(args[0])->items, args[1]));
}

// ---- dict ----------------------------------------------------------------------

ObjDict* self_dict(Value* args) { return as<ObjDict>(args[0]); }

[[noreturn]] void raise_key_error(ThreadState& ts, const Value& key) {
  Value exc = new_exception(ts, ts.rt.types.KeyError, "");
  as<ObjException>(exc)->args = make_tuple(ts, {key});
  raise_value(std::move(exc));
}

Value dict_get(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "get", argc - 1, 1, 2);
  Value* v = dict_find(ts, self_dict(args), args[1]);
  return v ? *v : argc == 3 ? args[2] : Value::none();
}

Value dict_setdefault(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "setdefault", argc - 1, 1, 2);
  if (Value* v = dict_find(ts, self_dict(args), args[1])) return *v;
  Value dflt = argc == 3 ? args[2] : Value::none();
  dict_set(ts, self_dict(args), args[1], dflt);
  return dflt;
}

Value dict_pop(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "pop", argc - 1, 1, 2);
  Value v = dict_remove(ts, self_dict(args), args[1]);
  if (!v.is_empty()) return v;
  if (argc == 3) return args[2];
  raise_key_error(ts, args[1]);
}

Value dict_popitem(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "popitem", argc - 1, 0, 0);
  ObjDict* d = self_dict(args);
  for (auto it = d->entries.rbegin(); it != d->entries.rend(); ++it) {
    if (it->key.is_empty()) continue;
    Value key = it->key;
    Value value = dict_remove(ts, d, key);
    return make_tuple(ts, {key, value});
  }
  raise(ts, ts.rt.types.KeyError, "popitem(): dictionary is empty");
}

Value dict_view(ThreadState& ts, Value* args, int argc, ObjDictView::Which which, const char* name) {
  check_args(ts, name, argc - 1, 0, 0);
  return make<ObjDictView>(ts, args[0], which);
}

Value dict_keys(ThreadState& ts, Value* a, int n, ObjTuple* k) { return dict_view(ts, a, n, ObjDictView::Which::Keys, "keys"); }
Value dict_values(ThreadState& ts, Value* a, int n, ObjTuple* k) { return dict_view(ts, a, n, ObjDictView::Which::Values, "values"); }
Value dict_items(ThreadState& ts, Value* a, int n, ObjTuple* k) { return dict_view(ts, a, n, ObjDictView::Which::Items, "items"); }

Value dict_update(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "update", argc - 1, 0, 1);
  Value tmp = call(ts, Value::borrow(ts.rt.types.dict), args + 1, argc - 1, kwnames);
  for (auto& e : as<ObjDict>(tmp)->entries)
    if (!e.key.is_empty()) dict_set(ts, self_dict(args), e.key, e.value);
  return Value::none();
}

// dict.__init__(self, ...) and list.__init__(self, iterable=()): what a
// subclass's own __init__ calls (super().__init__(*args)) to fill itself;
// type_call gives such a subclass an empty instance first, as CPython does.
Value dict_init(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "dict", argc - 1, 0, 1);
  dict_update(ts, args, argc, kwnames);
  return Value::none();
}

Value list_init(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "list", argc - 1, 0, 1);
  std::vector<Value> items = argc > 1 ? collect(ts, args[1]) : std::vector<Value>{};
  list_items(args) = std::move(items);
  return Value::none();
}

Value dict_copy(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "copy", argc - 1, 0, 0);
  return call(ts, Value::borrow(ts.rt.types.dict), args, 1);
}

// dict.fromkeys(iterable, value=None), a class method: args[0] is the class
// (or an instance). The result is cls() filled through __setitem__, as
// CPython does for a subclass; every key gets the same [value] object.
Value dict_fromkeys(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "fromkeys", kwnames);
  check_args(ts, "fromkeys", argc - 1, 1, 2);
  Value cls = is_kind(args[0], ObjKind::Type) ? args[0] : Value::borrow(type_of(ts, args[0]));
  Value value = argc == 3 ? args[2] : Value::none();
  std::vector<Value> keys = collect(ts, args[1]);
  Value result = call(ts, cls, nullptr, 0);
  for (auto& key : keys) {
    if (type_of(ts, result) == ts.rt.types.dict)
      dict_set(ts, as<ObjDict>(result), key, value);
    else
      set_item(ts, result, key, value);
  }
  return result;
}

Value dict_clear_method(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "clear", argc - 1, 0, 0);
  dict_clear(self_dict(args));
  return Value::none();
}

struct Entry {
  const char* name;
  NativeFn fn;
  // The keywords it accepts (parse_keywords); none when empty.
  const char* keywords = "";
};

}  // namespace

void install_container_methods(Runtime& rt) {
  static const Entry list_methods[] = {
      {"append", list_append}, {"extend", list_extend},   {"insert", list_insert}, {"pop", list_pop},
      {"index", list_index},   {"count", list_count},     {"remove", list_remove}, {"reverse", list_reverse},
      {"sort", list_sort, "key reverse"},     {"copy", list_copy},       {"clear", list_clear},
      {"__init__", list_init},
  };
  static const Entry tuple_methods[] = {{"index", tuple_index}, {"count", tuple_count}};
  static const Entry dict_methods[] = {
      {"get", dict_get},     {"setdefault", dict_setdefault}, {"pop", dict_pop},       {"popitem", dict_popitem},
      {"keys", dict_keys},   {"values", dict_values},         {"items", dict_items},   {"update", dict_update, "*"},
      {"copy", dict_copy},   {"clear", dict_clear_method}, {"fromkeys", dict_fromkeys},
      {"__init__", dict_init, "*"},
  };
  for (auto& e : list_methods) add_method(rt, rt.types.list, e.name, e.fn, e.keywords);
  for (auto& e : tuple_methods) add_method(rt, rt.types.tuple, e.name, e.fn, e.keywords);
  for (auto& e : dict_methods) add_method(rt, rt.types.dict, e.name, e.fn, e.keywords);
  as<ObjNative>(*rt.types.dict->own(rt.intern("fromkeys")))->class_method = true;
}

}  // namespace gil
