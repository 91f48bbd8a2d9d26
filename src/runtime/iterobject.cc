// `iterator`, the lazy iterators of built-in values, after CPython's
// Objects/iterobject.c (and the iterators of listobject.c, rangeobject.c,
// dictobject.c, enumobject.c, bltinmodule.c's map, filter and zip).
//
// One C++ struct, ObjIterator, serves every built-in iterable: [over] says
// what it walks, [source] what over, and [position], [stop], [step] and
// [dict_version] where it is. iterator_next() is FOR_ITER's fast path
// (vm.cc calls it inline for every ObjIterator), so it stays one switch
// over the variants rather than a slot per variant. map and filter are
// types of their own deriving these slots (descrobject.cc makes them).
#include <limits>

#include "gil/runtime/builtins.h"
#include "gil/runtime/bytes.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/strobject.h"
#include "gil/runtime/type.h"
#include "gil/runtime/utf8.h"

#include "builtin_types.h"

namespace gil {

bool iterator_next(ThreadState& ts, ObjIterator* it, Value& out) {
  using Over = ObjIterator::Over;
  switch (it->over) {
    case Over::Range:
      if (it->stop <= 0) return false;
      out = Value::integer(it->position);
      it->position += it->step;
      --it->stop;
      return true;
    case Over::LongRange: {
      if (it->position <= 0) return false;
      auto* r = as<ObjRange>(it->source);
      Value step = r->is_big() ? as<ObjTuple>(r->big)->items[2] : Value::integer(r->step);
      out = it->big;
      it->big = long_binary(ts, BinaryOp::Add, it->big, step);
      --it->position;
      return true;
    }
    case Over::Sequence: {
      auto& items = is_list(it->source) ? as<ObjList>(it->source)->items : as<ObjTuple>(it->source)->items;
      if (static_cast<size_t>(it->position) >= items.size()) return false;
      out = items[static_cast<size_t>(it->position++)];
      return true;
    }
    case Over::Str: {  // [position] is a byte offset
      auto& s = as<ObjStr>(it->source)->text;
      auto at = static_cast<size_t>(it->position);
      if (at >= s.size()) return false;
      auto c = static_cast<unsigned char>(s[at]);
      if (c < 0x80) {
        out = ts.rt.single_chars[c];
        ++it->position;
        return true;
      }
      utf8::Decoded d = utf8::decode(s, at);
      out = str_from_code_point(ts, d.cp);
      it->position += static_cast<int64_t>(d.len);
      return true;
    }
    case Over::Bytes: {
      auto& s = as<ObjBytes>(it->source)->data;
      if (static_cast<size_t>(it->position) >= s.size()) return false;
      out = Value::integer(static_cast<unsigned char>(s[static_cast<size_t>(it->position++)]));
      return true;
    }
    case Over::DictKeys:
    case Over::DictValues:
    case Over::DictItems: {
      auto* d = as<ObjDict>(it->source);
      if (d->version != it->dict_version)
        raise(ts, ts.rt.types.RuntimeError, "dictionary changed size during iteration");
      while (static_cast<size_t>(it->position) < d->entries.size()) {
        auto& e = d->entries[static_cast<size_t>(it->position++)];
        if (e.key.is_empty()) continue;
        if (it->over == Over::DictKeys)
          out = e.key;
        else if (it->over == Over::DictValues)
          out = e.value;
        else
          out = make_tuple(ts, {e.key, e.value});
        return true;
      }
      return false;
    }
    case Over::Enumerate: {
      Value item;
      if (!next_item(ts, it->source, item)) return false;
      if (it->stop) {  // the count is past int64: a big int in [big]
        out = make_tuple(ts, {it->big, std::move(item)});
        it->big = long_binary(ts, BinaryOp::Add, it->big, Value::integer(1));
        return true;
      }
      out = make_tuple(ts, {Value::integer(it->position), std::move(item)});
      if (it->position == std::numeric_limits<int64_t>::max()) {
        it->stop = 1;
        it->big = long_binary(ts, BinaryOp::Add, Value::integer(it->position), Value::integer(1));
      } else {
        ++it->position;
      }
      return true;
    }
    case Over::Zip: {
      auto& iters = as<ObjTuple>(it->source)->items;
      std::vector<Value> items(iters.size());
      for (size_t i = 0; i < iters.size(); ++i)
        if (!next_item(ts, iters[i], items[i])) return false;
      out = make_tuple(ts, std::move(items));
      return true;
    }
    case Over::GetItem: {
      try {
        out = get_item(ts, it->source, Value::integer(it->position));
      } catch (PyException& e) {
        ObjType* t = as<ObjException>(e.exception)->type;
        if (t->is_subtype_of(ts.rt.types.IndexError) || t->is_subtype_of(ts.rt.types.StopIteration)) return false;
        throw;
      }
      ++it->position;
      return true;
    }
    case Over::Map: {
      auto& parts = as<ObjTuple>(it->source)->items;
      std::vector<Value> args(parts.size() - 1);
      for (size_t i = 1; i < parts.size(); ++i)
        if (!next_item(ts, parts[i], args[i - 1])) return false;
      Value fn = parts[0];
      out = call(ts, fn, args.data(), static_cast<int>(args.size()));
      return true;
    }
    case Over::Filter: {
      auto& parts = as<ObjTuple>(it->source)->items;
      Value fn = parts[0], iter = parts[1], item;
      while (next_item(ts, iter, item)) {
        Value keep = item;
        if (!fn.is_none()) keep = call(ts, fn, &keep, 1);
        if (truthy(ts, keep)) {
          out = std::move(item);
          return true;
        }
      }
      return false;
    }
    case Over::Callable: {
      if (it->position < 0) return false;
      auto& parts = as<ObjTuple>(it->source)->items;
      Value fn = parts[0];
      out = call(ts, fn, nullptr, 0);
      if (equals(ts, out, parts[1])) {
        it->position = -1;  // exhausted for good
        return false;
      }
      return true;
    }
    case Over::Reversed: {
      if (it->position <= 0) return false;
      auto& src = it->source;
      --it->position;
      if (is_str(src)) {  // [position] is a byte offset: back to the code point's start
        auto& s = as<ObjStr>(src)->text;
        while (it->position > 0 && utf8::is_continuation(s[static_cast<size_t>(it->position)])) --it->position;
        out = str_from_code_point(ts, utf8::decode(s, static_cast<size_t>(it->position)).cp);
      } else if (is_bytes(src))
        out = Value::integer(static_cast<unsigned char>(as<ObjBytes>(src)->data[static_cast<size_t>(it->position)]));
      else if (is_kind(src, ObjKind::Range)) {
        out = Value::integer(as<ObjRange>(src)->at(static_cast<uint64_t>(it->position)));
      } else {
        auto& items = is_list(src) ? as<ObjList>(src)->items : as<ObjTuple>(src)->items;
        if (static_cast<size_t>(it->position) >= items.size()) return false;
        out = items[static_cast<size_t>(it->position)];
      }
      return true;
    }
  }
  return false;
}

namespace {

Value iterator_iter(ThreadState& ts, const Value& self) { return self; }

bool iterator_iternext(ThreadState& ts, const Value& self, Value& out) {
  return iterator_next(ts, static_cast<ObjIterator*>(self.as_obj()), out);
}

// ---- Collection (gc.h) ------------------------------------------------------------

void iterator_traverse(Obj* self, VisitFn visit, void* arg) {
  visit_one(static_cast<ObjIterator*>(self)->source, visit, arg);
  visit_one(static_cast<ObjIterator*>(self)->big, visit, arg);
}
// An exhausted iterator: the iteration code tests position against the
// source's length only while the source is there.
void iterator_clear(Obj* self) {
  clear_one(static_cast<ObjIterator*>(self)->source);
  clear_one(static_cast<ObjIterator*>(self)->big);
}

}  // namespace

void init_iterator_type(Runtime& rt) {
  ObjType* t = rt.types.iterator;
  t->tp_traverse = iterator_traverse;
  t->tp_clear = iterator_clear;
  t->tp_repr = address_repr;
  t->tp_hash = address_hash_slot;
  t->tp_richcompare = identity_richcompare;
  t->tp_iter = iterator_iter;
  t->tp_iternext = iterator_iternext;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->is_final = true;
}

}  // namespace gil
