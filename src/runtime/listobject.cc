// `list`, after CPython's Objects/listobject.c.
//
// A list is an ObjList: a std::vector of Values. Its methods (append, sort,
// ...) are in container_methods.cc. The helpers at the top, which work on
// a vector of items, serve tuple (tupleobject.cc) too.
#include <algorithm>
#include <string>
#include <vector>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {

// ---- Items, shared with tuple ---------------------------------------------------

void items_repr_into(ThreadState& ts, const std::vector<Value>& items, std::string& out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    repr_into(ts, items[i], out);
  }
}

bool items_contain(ThreadState& ts, const std::vector<Value>& items, const Value& item) {
  for (auto& v : items)
    if (identical(v, item) || equals(ts, v, item)) return true;
  return false;
}

std::vector<Value> repeat_items(ThreadState& ts, const std::vector<Value>& items, int64_t times) {
  // Nothing to copy: at once, however large the count ([] * 2**40).
  if (times <= 0 || items.empty()) return {};
  if (items.size() > (size_t{1} << 32) / static_cast<size_t>(times))
    raise(ts, ts.rt.types.MemoryError, "");
  std::vector<Value> out;
  out.reserve(items.size() * static_cast<size_t>(times));
  for (int64_t i = 0; i < times; ++i) out.insert(out.end(), items.begin(), items.end());
  return out;
}

namespace {

// The index of the first pair of items that differ, or the shorter length.
size_t first_difference(ThreadState& ts, const std::vector<Value>& a, const std::vector<Value>& b) {
  size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  NestingGuard guard(ts, " in comparison");
  while (i < n && (identical(a[i], b[i]) || equals(ts, a[i], b[i]))) ++i;
  return i;
}

}  // namespace

Value compare_items(ThreadState& ts, const std::vector<Value>& a, const std::vector<Value>& b, CompareOp op) {
  if (op == CompareOp::Eq || op == CompareOp::NotEq) {
    bool eq = &a == &b || (a.size() == b.size() && first_difference(ts, a, b) == a.size());
    return Value::boolean(eq == (op == CompareOp::Eq));
  }
  size_t i = first_difference(ts, a, b);
  if (i < a.size() && i < b.size()) return rich_compare(ts, a[i], b[i], op);
  return compare_numbers(op, a.size(), b.size());
}

// The count [n] of `seq * n` or `n * seq`; TypeError when it is not an int.
int64_t repeat_count(ThreadState& ts, const Value& n) {
  if (!n.is_intlike())
    raise(ts, ts.rt.types.TypeError, "can't multiply sequence by non-int of type '" + std::string(type_name(ts, n)) + "'");
  return n.as_int();
}

// TypeError "can only concatenate T (not "U") to T", unless [b] is an
// instance of a class, which may take the other side (__radd__): then
// NotImplemented.
Value concat_mismatch(ThreadState& ts, const Value& a, const Value& b) {
  if (b.is_obj() && b.as_obj()->type && b.as_obj()->type->is_heap_type) return Value();
  std::string name(type_name(ts, a));
  raise(ts, ts.rt.types.TypeError,
        "can only concatenate " + name + " (not \"" + std::string(type_name(ts, b)) + "\") to " + name);
}

namespace {

std::vector<Value>& items_of(const Value& v) { return as<ObjList>(v)->items; }

Value construct_list(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "list", kwnames);
  check_args(ts, "list", argc, 0, 1);
  return make_list(ts, argc ? collect(ts, args[0]) : std::vector<Value>{});
}

// ---- Slots ------------------------------------------------------------------------

void list_repr(ThreadState& ts, const Value& self, std::string& out) {
  ReprGuard guard(ts, self.as_obj());
  if (guard.recursive) {
    out += "[...]";
    return;
  }
  out += '[';
  items_repr_into(ts, as<ObjList>(self)->items, out);
  out += ']';
}

Value list_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (!is_list(a) || !is_list(b)) return Value();
  return compare_items(ts, items_of(a), items_of(b), op);
}

bool list_bool(ThreadState& ts, const Value& self) { return !items_of(self).empty(); }

int64_t list_len(ThreadState& ts, const Value& self) { return static_cast<int64_t>(items_of(self).size()); }

Value list_getitem(ThreadState& ts, const Value& container, const Value& index) {
  auto& items = items_of(container);
  if (index.is_intlike()) return items[static_cast<size_t>(normalize_index(ts, index.as_int(), items.size(), "list"))];
  if (is_kind(index, ObjKind::Slice)) return list_slice(ts, container, resolve_slice(ts, as<ObjSlice>(index), items.size()));
  raise_bad_index(ts, container, index);
}

// l[i] = v, and l[a:b] = iterable (any length) or l[a:b:c] = iterable (of
// the slice's length).
void list_setitem(ThreadState& ts, const Value& container, const Value& index, const Value& value) {
  auto& items = as<ObjList>(container)->items;
  if (index.is_intlike()) {
    items[static_cast<size_t>(normalize_index(ts, index.as_int(), items.size(), "list assignment"))] = std::move(value);
    return;
  }
  if (is_kind(index, ObjKind::Slice)) {
    list_assign_slice(ts, as<ObjList>(container), resolve_slice(ts, as<ObjSlice>(index), items.size()), value);
    return;
  }
  raise_bad_index(ts, container, index);
}

}  // namespace

Value list_slice(ThreadState& ts, const Value& list, const SliceRange& r) {
  return make_list(ts, take_slice(items_of(list), r));
}

// The old items are swapped into [replacement] and released only when it
// goes, after the list is whole again: a __del__ they run may look at it.
void list_assign_slice(ThreadState& ts, ObjList* list, const SliceRange& r, Value value) {
  // A new list only this statement holds (`l[:k] = l[k::-1]`) gives up its
  // items; anything else is copied first, so that `l[a:b] = l` reads
  // before it writes.
  bool temporary = is_kind(value, ObjKind::List) && !value.as_obj()->type && is_unique(value.as_obj()) &&
                   value.as_obj() != list;
  std::vector<Value> replacement = temporary ? std::move(as<ObjList>(value)->items) : collect(ts, value);
  auto& items = list->items;
  if (r.step == 1) {
    auto start = static_cast<size_t>(r.start);
    auto stop = static_cast<size_t>(std::max(r.start, r.stop));
    size_t common = std::min(stop - start, replacement.size());
    for (size_t i = 0; i < common; ++i) items[start + i].swap(replacement[i]);
    if (replacement.size() > stop - start) {
      items.insert(items.begin() + static_cast<ptrdiff_t>(stop),
                   std::make_move_iterator(replacement.begin() + static_cast<ptrdiff_t>(common)),
                   std::make_move_iterator(replacement.end()));
    } else {
      for (size_t i = start + common; i < stop; ++i) replacement.push_back(std::move(items[i]));
      items.erase(items.begin() + static_cast<ptrdiff_t>(start + common), items.begin() + static_cast<ptrdiff_t>(stop));
    }
    return;
  }
  if (static_cast<int64_t>(replacement.size()) != r.count)
    raise(ts, ts.rt.types.ValueError,
          "attempt to assign sequence of size " + std::to_string(replacement.size()) +
              " to extended slice of size " + std::to_string(r.count));
  for (int64_t i = 0, at = r.start; i < r.count; ++i, at += r.step)
    items[static_cast<size_t>(at)].swap(replacement[static_cast<size_t>(i)]);
}

namespace {

void list_delitem(ThreadState& ts, const Value& container, const Value& index) {
  auto& items = as<ObjList>(container)->items;
  if (index.is_intlike()) {
    // The item is released after the erase, when the list is whole again:
    // its __del__ may run Python code that uses the list.
    auto at = items.begin() + normalize_index(ts, index.as_int(), items.size(), "list assignment");
    Value dead = std::move(*at);
    items.erase(at);
    return;
  }
  if (is_kind(index, ObjKind::Slice)) {
    SliceRange r = resolve_slice(ts, as<ObjSlice>(index), items.size());
    std::vector<bool> drop(items.size(), false);
    for (int64_t i = 0, at = r.start; i < r.count; ++i, at += r.step) drop[static_cast<size_t>(at)] = true;
    std::vector<Value> kept;
    for (size_t i = 0; i < items.size(); ++i)
      if (!drop[i]) kept.push_back(std::move(items[i]));
    items = std::move(kept);
    return;
  }
  raise_bad_index(ts, container, index);
}

bool list_contains(ThreadState& ts, const Value& self, const Value& item) {
  return items_contain(ts, items_of(self), item);
}

Value list_iter(ThreadState& ts, const Value& self) { return make<ObjIterator>(ts, ObjIterator::Over::Sequence, self); }

// `a + b`: lists only. `a += b` extends a with any iterable.
Value list_add(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_list(a)) return Value();
  if (!is_list(b)) return concat_mismatch(ts, a, b);
  std::vector<Value> out;
  out.reserve(items_of(a).size() + items_of(b).size());
  out.insert(out.end(), items_of(a).begin(), items_of(a).end());
  out.insert(out.end(), items_of(b).begin(), items_of(b).end());
  return make_list(ts, std::move(out));
}

Value list_inplace_add(ThreadState& ts, const Value& a, const Value& b) {
  std::vector<Value> items = collect(ts, b);  // a copy: a += a must not read while writing
  auto& dst = items_of(a);
  dst.insert(dst.end(), items.begin(), items.end());
  return a;
}

// `l * n` and `n * l`: a new list (`l *= n` too).
Value list_mul(ThreadState& ts, const Value& a, const Value& b) {
  const Value* seq = is_list(a) ? &a : is_list(b) ? &b : nullptr;
  if (!seq) return Value();
  int64_t times = repeat_count(ts, seq == &a ? b : a);
  return make_list(ts, repeat_items(ts, items_of(*seq), times));
}

// ---- Collection (gc.h) ------------------------------------------------------------

void list_traverse(Obj* self, VisitFn visit, void* arg) { visit_all(static_cast<ObjList*>(self)->items, visit, arg); }
void list_clear(Obj* self) { clear_all(static_cast<ObjList*>(self)->items); }

}  // namespace

void init_list_type(Runtime& rt) {
  ObjType* t = rt.types.list;
  t->tp_traverse = list_traverse;
  t->tp_clear = list_clear;
  t->construct = construct_list;
  t->tp_repr = list_repr;
  t->tp_hash = nullptr;
  t->tp_richcompare = list_richcompare;
  t->tp_bool = list_bool;
  t->tp_len = list_len;
  t->tp_getitem = list_getitem;
  t->tp_setitem = list_setitem;
  t->tp_delitem = list_delitem;
  t->tp_contains = list_contains;
  t->tp_iter = list_iter;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->nb.binary[static_cast<int>(BinaryOp::Add)] = list_add;
  t->nb.inplace[static_cast<int>(BinaryOp::Add)] = list_inplace_add;
  t->nb.binary[static_cast<int>(BinaryOp::Mul)] = list_mul;
}

}  // namespace gil
