// The built-in functions: print, len, min, sorted, ...
#include "gil/runtime/builtins.h"

#include <algorithm>
#include <cmath>

#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/fileobject.h"
#include "gil/runtime/genobject.h"
#include "gil/runtime/format.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/percent_format.h"
#include "gil/runtime/strobject.h"
#include "gil/runtime/type.h"
#include "gil/runtime/utf8.h"
#include "gil/runtime/vm.h"

#include "builtin_types.h"

namespace gil {

// ---- Shared argument helpers -------------------------------------------------

void check_args(ThreadState& ts, std::string_view fn, int argc, int min, int max) {
  if (argc >= min && argc <= max) return;
  std::string name(fn);
  if (min == max && min == 1)
    raise(ts, ts.rt.types.TypeError, name + "() takes exactly one argument (" + std::to_string(argc) + " given)");
  if (min == max && min == 0)
    raise(ts, ts.rt.types.TypeError, name + "() takes no arguments (" + std::to_string(argc) + " given)");
  if (min == max)
    raise(ts, ts.rt.types.TypeError,
          name + " expected " + std::to_string(min) + " arguments, got " + std::to_string(argc));
  if (argc < min)
    raise(ts, ts.rt.types.TypeError,
          name + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") + ", got " +
              std::to_string(argc));
  raise(ts, ts.rt.types.TypeError,
        name + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") + ", got " +
            std::to_string(argc));
}

void check_no_keywords(ThreadState& ts, std::string_view fn, ObjTuple* kwnames) {
  if (kwnames && !kwnames->items.empty())
    raise(ts, ts.rt.types.TypeError, std::string(fn) + "() takes no keyword arguments");
}

Value* find_keyword(Value* args, int argc, ObjTuple* kwnames, std::string_view name) {
  if (!kwnames) return nullptr;
  for (size_t k = 0; k < kwnames->items.size(); ++k)
    if (as<ObjStr>(kwnames->items[k])->text == name) return &args[argc + static_cast<int>(k)];
  return nullptr;
}

void bind_arguments(ThreadState& ts, std::string_view fn, Value* args, int argc, ObjTuple* kwnames,
                    std::initializer_list<std::string_view> names, const Value** out) {
  int n = static_cast<int>(names.size());
  if (argc > n)
    raise(ts, ts.rt.types.TypeError,
          std::string(fn) + "() takes at most " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") + " (" +
              std::to_string(argc) + " given)");
  for (int i = 0; i < n; ++i) out[i] = i < argc ? &args[i] : nullptr;
  if (!kwnames) return;
  for (size_t k = 0; k < kwnames->items.size(); ++k) {
    const std::string& name = as<ObjStr>(kwnames->items[k])->text;
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
      raise(ts, ts.rt.types.TypeError, "'" + name + "' is an invalid keyword argument for " + std::string(fn) + "()");
    auto slot = static_cast<int>(it - names.begin());
    if (out[slot])
      raise(ts, ts.rt.types.TypeError,
            "argument for " + std::string(fn) + "() given by name ('" + name + "') and position (" +
                std::to_string(slot + 1) + ")");
    out[slot] = &args[argc + static_cast<int>(k)];
  }
}

void raise_bad_argument(ThreadState& ts, std::string_view fn, std::string_view name, std::string_view expected,
                        const Value& value) {
  raise(ts, ts.rt.types.TypeError,
        std::string(fn) + "() argument '" + std::string(name) + "' must be " + std::string(expected) + ", not " +
            (value.is_none() ? std::string("None") : std::string(type_name(ts, value))));
}

namespace {

// ---- I/O ---------------------------------------------------------------------

// print(*args, sep=' ', end='\n', file=None, flush=False). A file made by
// open() or sys.stdout is written directly; any other object's write() is
// called once per piece, as CPython does.
Value builtin_print(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  std::string sep = " ", end = "\n";
  if (Value* s = find_keyword(args, argc, kwnames, "sep"); s && !s->is_none()) {
    if (!is_str(*s)) raise(ts, ts.rt.types.TypeError, "sep must be None or a string, not " + std::string(type_name(ts, *s)));
    sep = as<ObjStr>(*s)->text;
  }
  if (Value* e = find_keyword(args, argc, kwnames, "end"); e && !e->is_none()) {
    if (!is_str(*e)) raise(ts, ts.rt.types.TypeError, "end must be None or a string, not " + std::string(type_name(ts, *e)));
    end = as<ObjStr>(*e)->text;
  }
  Value* file = find_keyword(args, argc, kwnames, "file");
  bool to_file = file && !file->is_none();
  std::FILE* out = to_file ? text_stream_of(*file) : ts.rt.config.out;
  Value* f = find_keyword(args, argc, kwnames, "flush");
  bool flush = f && truthy(ts, *f);
  if (!out) {
    Value write = get_attr(ts, *file, ts.rt.intern("write"));
    auto put = [&](Value piece) { call(ts, write, &piece, 1); };
    for (int i = 0; i < argc; ++i) {
      if (i) put(make_str(sep));
      put(is_str(args[i]) ? args[i] : make_str(str(ts, args[i])));
    }
    put(make_str(end));
    if (flush) call(ts, get_attr(ts, *file, ts.rt.intern("flush")), nullptr, 0);
    return Value::none();
  }
  std::string line;
  for (int i = 0; i < argc; ++i) {
    if (i) line += sep;
    if (is_str(args[i]))
      line += as<ObjStr>(args[i])->text;
    else
      line += str(ts, args[i]);
  }
  line += end;
  std::fwrite(line.data(), 1, line.size(), out);
  if (flush) std::fflush(out);
  return Value::none();
}

Value builtin_repr(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "repr", kwnames);
  check_args(ts, "repr", argc, 1, 1);
  return make_str(repr(ts, args[0]));
}

Value builtin_ascii(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "ascii", kwnames);
  check_args(ts, "ascii", argc, 1, 1);
  return make_str(ascii(ts, args[0]));
}

Value builtin_format(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "format", kwnames);
  check_args(ts, "format", argc, 1, 2);
  std::string_view spec = argc == 2 ? std::string_view(expect_str(ts, args[1], "format() argument 2")->text) : "";
  return make_str(format_value(ts, args[0], spec));
}

// ---- Numbers -------------------------------------------------------------------

Value builtin_abs(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "abs", kwnames);
  check_args(ts, "abs", argc, 1, 1);
  const Value& v = args[0];
  if (v.is_intlike()) return v.as_int() < 0 ? negate(ts, v) : Value::integer(v.as_int());
  if (v.is_float()) return Value::number(std::fabs(v.as_float()));
  return absolute(ts, v);
}

Value float_to_int(ThreadState& ts, double d) {
  if (std::isnan(d)) raise(ts, ts.rt.types.ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d)) raise(ts, ts.rt.types.OverflowError, "cannot convert float infinity to integer");
  if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) return int_from_double(ts, d);
  return Value::integer(static_cast<int64_t>(d));
}

Value builtin_round(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* slots[2];
  bind_arguments(ts, "round", args, argc, kwnames, {"number", "ndigits"}, slots);
  if (!slots[0]) raise(ts, ts.rt.types.TypeError, "round() missing required argument 'number' (pos 1)");
  const Value& v = *slots[0];
  const Value* nd = slots[1];
  bool has_digits = nd && !nd->is_none();
  if (has_digits && is_long(*nd) && is_integer(v)) return int_round(ts, v, *nd);
  int64_t digits = has_digits ? expect_int(ts, *nd, "ndigits") : 0;
  try {
    if (v.is_intlike()) {
      bool overflow = false;
      int64_t r = format::round_int(v.as_int(), digits, &overflow);
      if (overflow) return int_round(ts, v, Value::integer(digits));
      return Value::integer(r);
    }
    if (is_long(v)) return int_round(ts, v, Value::integer(digits));
    if (v.is_float()) {
      double r = format::round_half_even(v.as_float(), digits);
      return has_digits ? Value::number(r) : float_to_int(ts, r);
    }
  } catch (const format::FormatError& e) {
    raise_format_error(ts, e);
  }
  raise(ts, ts.rt.types.TypeError, "type " + std::string(type_name(ts, v)) + " doesn't define __round__ method");
}

Value builtin_divmod(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "divmod", kwnames);
  check_args(ts, "divmod", argc, 2, 2);
  const Value &a = args[0], &b = args[1];
  if (a.is_intlike() && b.is_intlike()) {
    if (b.as_int() == 0) raise(ts, ts.rt.types.ZeroDivisionError, "integer division or modulo by zero");
    if (a.as_int() == INT64_MIN && b.as_int() == -1)
      return make_tuple(ts, {binary_op(ts, BinaryOp::FloorDiv, a, b, false), Value::integer(0)});
    return make_tuple(ts, {Value::integer(format::int_floordiv(a.as_int(), b.as_int())),
                       Value::integer(format::int_mod(a.as_int(), b.as_int()))});
  }
  if (is_integer(a) && is_integer(b))
    return make_tuple(ts, {binary_op(ts, BinaryOp::FloorDiv, a, b, false), binary_op(ts, BinaryOp::Mod, a, b, false)});
  bool numbers = (is_integer(a) || a.is_float()) && (is_integer(b) || b.is_float());
  if (!numbers) raise_operand_error(ts, "divmod()", a, b);
  double x = a.is_float() ? a.as_float() : int_to_double(ts, a);
  double y = b.is_float() ? b.as_float() : int_to_double(ts, b);
  if (y == 0) raise(ts, ts.rt.types.ZeroDivisionError, "float divmod()");
  auto r = format::float_divmod(x, y);
  return make_tuple(ts, {Value::number(r.quotient), Value::number(r.remainder)});
}

Value builtin_pow(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "pow", kwnames);
  check_args(ts, "pow", argc, 2, 3);
  if (argc == 3 && !args[2].is_none()) {
    if (!is_integer(args[0]) || !is_integer(args[1]) || !is_integer(args[2]))
      raise(ts, ts.rt.types.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return long_pow_mod(ts, args[0], args[1], args[2]);
  }
  return binary_op(ts, BinaryOp::Pow, args[0], args[1], false);
}

// hex(), oct() or bin() of a big int: the prefix after the sign.
std::string big_int_text(ThreadState& ts, const Value& v, std::string_view name) {
  int base = name == "hex" ? 16 : name == "oct" ? 8 : 2;
  std::string digits = int_to_text(ts, v, base);
  std::string prefix = name == "hex" ? "0x" : name == "oct" ? "0o" : "0b";
  if (digits[0] == '-') return "-" + prefix + digits.substr(1);
  return prefix + digits;
}

Value int_text(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, const char* name,
               std::string (*convert)(int64_t)) {
  check_no_keywords(ts, name, kwnames);
  check_args(ts, name, argc, 1, 1);
  if (is_long(args[0])) return make_str(big_int_text(ts, args[0], name));
  return make_str(convert(expect_int(ts, args[0], name)));
}

Value builtin_hex(ThreadState& ts, Value* args, int argc, ObjTuple* kw) { return int_text(ts, args, argc, kw, "hex", format::int_to_hex); }
Value builtin_oct(ThreadState& ts, Value* args, int argc, ObjTuple* kw) { return int_text(ts, args, argc, kw, "oct", format::int_to_oct); }
Value builtin_bin(ThreadState& ts, Value* args, int argc, ObjTuple* kw) { return int_text(ts, args, argc, kw, "bin", format::int_to_bin); }

Value builtin_ord(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "ord", kwnames);
  check_args(ts, "ord", argc, 1, 1);
  if (is_bytes(args[0])) {
    const std::string& b = as<ObjBytes>(args[0])->data;
    if (b.size() != 1)
      raise(ts, ts.rt.types.TypeError,
            "ord() expected a character, but string of length " + std::to_string(b.size()) + " found");
    return Value::integer(static_cast<unsigned char>(b[0]));
  }
  if (!is_str(args[0]))
    raise(ts, ts.rt.types.TypeError,
          "ord() expected string of length 1, but " + std::string(type_name(ts, args[0])) + " found");
  const std::string& s = as<ObjStr>(args[0])->text;
  int64_t length = str_length(as<ObjStr>(args[0]));
  if (length != 1)
    raise(ts, ts.rt.types.TypeError,
          "ord() expected a character, but string of length " + std::to_string(length) + " found");
  return Value::integer(utf8::decode(s, 0).cp);
}

Value builtin_chr(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "chr", kwnames);
  check_args(ts, "chr", argc, 1, 1);
  int64_t cp = expect_int(ts, args[0], "chr");
  if (cp < 0 || cp >= 0x110000) raise(ts, ts.rt.types.ValueError, "chr() arg not in range(0x110000)");
  return str_from_code_point(ts, static_cast<char32_t>(cp));
}

// ---- Containers and iteration -------------------------------------------------

Value builtin_len(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "len", kwnames);
  check_args(ts, "len", argc, 1, 1);
  return Value::integer(length(ts, args[0]));
}

// hash(x): CPython's value for ints, floats and frozensets of them; str
// hashes differ (CPython randomises them anyway).
Value builtin_hash(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "hash", kwnames);
  check_args(ts, "hash", argc, 1, 1);
  return Value::integer(static_cast<int64_t>(hash_value(ts, args[0])));
}

Value min_max(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, bool want_max) {
  const char* name = want_max ? "max" : "min";
  Value* key = find_keyword(args, argc, kwnames, "key");
  Value* dflt = find_keyword(args, argc, kwnames, "default");
  if (argc == 0)
    raise(ts, ts.rt.types.TypeError, std::string(name) + " expected at least 1 argument, got 0");
  bool plain = !key || key->is_none();
  if (argc >= 2 && plain) {  // min(a, b, ...): no copies, no allocation
    int best = 0;
    for (int i = 1; i < argc; ++i)
      if (want_max ? less_than(ts, args[best], args[i]) : less_than(ts, args[i], args[best])) best = i;
    return args[best];
  }
  std::vector<Value> items = argc == 1 ? collect(ts, args[0]) : std::vector<Value>(args, args + argc);
  if (items.empty()) {
    if (dflt) return *dflt;
    raise(ts, ts.rt.types.ValueError, std::string(name) + "() arg is an empty sequence");
  }
  auto key_of = [&](const Value& v) {
    if (!key || key->is_none()) return v;
    Value arg = v;
    return call(ts, *key, &arg, 1);
  };
  size_t best = 0;
  Value best_key = key_of(items[0]);
  for (size_t i = 1; i < items.size(); ++i) {
    Value k = key_of(items[i]);
    bool better = want_max ? less_than(ts, best_key, k) : less_than(ts, k, best_key);
    if (better) {
      best = i;
      best_key = std::move(k);
    }
  }
  return items[best];
}

Value builtin_min(ThreadState& ts, Value* args, int argc, ObjTuple* kw) { return min_max(ts, args, argc, kw, false); }
Value builtin_max(ThreadState& ts, Value* args, int argc, ObjTuple* kw) { return min_max(ts, args, argc, kw, true); }

Value builtin_sum(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value* start_kw = find_keyword(args, argc, kwnames, "start");
  check_args(ts, "sum", argc, 1, 2);
  Value total = argc == 2 ? args[1] : start_kw ? *start_kw : Value::integer(0);
  if (is_str(total)) raise(ts, ts.rt.types.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (is_bytes(total)) raise(ts, ts.rt.types.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  Value it = get_iter(ts, args[0]);
  Value item;
  while (next_item(ts, it, item)) {
    int64_t r;
    if (total.is_int() && item.is_int() && !__builtin_add_overflow(total.as_int(), item.as_int(), &r))
      total = Value::integer(r);
    else
      total = binary_op(ts, BinaryOp::Add, total, item, false);
  }
  return total;
}

Value builtin_sorted(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc != 1)
    raise(ts, ts.rt.types.TypeError, "sorted expected 1 argument, got " + std::to_string(argc));
  std::vector<Value> items = collect(ts, args[0]);
  Value* reverse = find_keyword(args, argc, kwnames, "reverse");
  sort_values(ts, items, find_keyword(args, argc, kwnames, "key"), reverse && truthy(ts, *reverse));
  return make_list(ts, std::move(items));
}

Value builtin_reversed(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "reversed", kwnames);
  check_args(ts, "reversed", argc, 1, 1);
  const Value& v = args[0];
  ObjType* t = type_of(ts, v);
  if (t->is_heap_type) {
    // A class's __reversed__, else the sequence protocol (__len__ and
    // __getitem__ with indexes len-1 down to 0), as CPython's reversed().
    if (const Value* m = t->lookup(ts.rt.name("__reversed__")); m && !m->is_none()) {
      Value self = v;
      return call_method_value(ts, *m, v, &self, 1);
    }
    if (!is_list(v) && !is_tuple(v) && !is_str(v) && !is_bytes(v) && !is_dict(v) &&
        t->lookup(ts.rt.name("__len__")) && t->lookup(ts.rt.name("__getitem__"))) {
      std::vector<Value> items;
      for (int64_t i = length(ts, v) - 1; i >= 0; --i) items.push_back(get_item(ts, v, Value::integer(i)));
      return get_iter(ts, make_list(ts, std::move(items)));
    }
  }
  if (is_dict(v) || is_kind(v, ObjKind::DictView)) {
    std::vector<Value> items = collect(ts, v);
    std::reverse(items.begin(), items.end());
    return get_iter(ts, make_list(ts, std::move(items)));
  }
  if (!is_list(v) && !is_tuple(v) && !is_str(v) && !is_bytes(v) && !is_kind(v, ObjKind::Range))
    raise(ts, ts.rt.types.TypeError, "'" + std::string(type_name(ts, v)) + "' object is not reversible");
  if (is_kind(v, ObjKind::Range))
    if (Value big = range_reversed_big(ts, v); !big.is_empty()) return big;
  Value it = make<ObjIterator>(ts, ObjIterator::Over::Reversed, v);
  // A str is walked back from its end by bytes (iterobject.cc).
  as<ObjIterator>(it)->position = is_str(v) ? static_cast<int64_t>(as<ObjStr>(v)->text.size()) : length(ts, v);
  return it;
}

Value builtin_enumerate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* slots[2];
  bind_arguments(ts, "enumerate", args, argc, kwnames, {"iterable", "start"}, slots);
  if (!slots[0]) raise(ts, ts.rt.types.TypeError, "enumerate() missing required argument 'iterable'");
  const Value* start = slots[1];
  Value it = make<ObjIterator>(ts, ObjIterator::Over::Enumerate, get_iter(ts, *slots[0]));
  if (start && is_long(*start)) {
    as<ObjIterator>(it)->stop = 1;  // the count is past int64 from the start
    as<ObjIterator>(it)->big = *start;
  } else if (start) {
    as<ObjIterator>(it)->position = expect_int(ts, *start, "start");
  }
  return it;
}

Value builtin_zip(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  // Declared so that other keywords get CPython's message; strict=True
  // itself is left out.
  if (Value* strict = find_keyword(args, argc, kwnames, "strict"); strict && truthy(ts, *strict))
    raise(ts, ts.rt.types.TypeError, "zip(): strict=True is not supported by MiniPy");
  std::vector<Value> iters;
  for (int i = 0; i < argc; ++i) iters.push_back(get_iter(ts, args[i]));
  if (iters.empty()) return get_iter(ts, make_list(ts));
  return make<ObjIterator>(ts, ObjIterator::Over::Zip, make_tuple(ts, std::move(iters)));
}

Value builtin_iter(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "iter", kwnames);
  check_args(ts, "iter", argc, 1, 2);
  if (argc == 2) {
    // iter(callable, sentinel): call until the sentinel comes back.
    if (!is_kind(args[0], ObjKind::Function) && !type_of(ts, args[0])->tp_call)
      raise(ts, ts.rt.types.TypeError, "iter(v, w): v must be callable");
    return make<ObjIterator>(ts, ObjIterator::Over::Callable, make_tuple(ts, {args[0], args[1]}));
  }
  Value it = get_iter(ts, args[0]);
  if (!type_of(ts, it)->tp_iternext && !is_kind(it, ObjKind::Iterator))
    raise(ts, ts.rt.types.TypeError, "iter() returned non-iterator of type '" + std::string(type_name(ts, it)) + "'");
  return it;
}

Value builtin_next(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "next", kwnames);
  check_args(ts, "next", argc, 1, 2);
  if (!type_of(ts, args[0])->tp_iternext)
    raise(ts, ts.rt.types.TypeError, "'" + std::string(type_name(ts, args[0])) + "' object is not an iterator");
  // A generator's return value travels in the StopIteration.
  if (argc == 1 && is_generator(ts, args[0])) return generator_next(ts, static_cast<ObjGenerator*>(args[0].as_obj()));
  Value item;
  if (next_item(ts, args[0], item)) return item;
  if (argc == 2) return args[1];
  raise(ts, ts.rt.types.StopIteration, "");
}

Value any_all(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, bool want_all) {
  const char* name = want_all ? "all" : "any";
  check_no_keywords(ts, name, kwnames);
  check_args(ts, name, argc, 1, 1);
  Value it = get_iter(ts, args[0]);
  Value item;
  while (next_item(ts, it, item))
    if (truthy(ts, item) != want_all) return Value::boolean(!want_all);
  return Value::boolean(want_all);
}

Value builtin_any(ThreadState& ts, Value* args, int argc, ObjTuple* kw) { return any_all(ts, args, argc, kw, false); }
Value builtin_all(ThreadState& ts, Value* args, int argc, ObjTuple* kw) { return any_all(ts, args, argc, kw, true); }

bool isinstance_of(ThreadState& ts, const Value& v, const Value& type) {
  if (is_tuple(type)) {
    for (auto& t : as<ObjTuple>(type)->items)
      if (isinstance_of(ts, v, t)) return true;
    return false;
  }
  if (!is_kind(type, ObjKind::Type))
    raise(ts, ts.rt.types.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return type_of(ts, v)->is_subtype_of(as<ObjType>(type));
}

bool issubclass_of(ThreadState& ts, const Value& cls, const Value& type) {
  if (is_tuple(type)) {
    for (auto& t : as<ObjTuple>(type)->items)
      if (issubclass_of(ts, cls, t)) return true;
    return false;
  }
  if (!is_kind(type, ObjKind::Type))
    raise(ts, ts.rt.types.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return as<ObjType>(cls)->is_subtype_of(as<ObjType>(type));
}

Value builtin_issubclass(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "issubclass", kwnames);
  check_args(ts, "issubclass", argc, 2, 2);
  if (!is_kind(args[0], ObjKind::Type)) raise(ts, ts.rt.types.TypeError, "issubclass() arg 1 must be a class");
  return Value::boolean(issubclass_of(ts, args[0], args[1]));
}

Value builtin_isinstance(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "isinstance", kwnames);
  check_args(ts, "isinstance", argc, 2, 2);
  return Value::boolean(isinstance_of(ts, args[0], args[1]));
}

}  // namespace

void install_builtin_functions(Runtime& rt) {
  struct Entry {
    const char* name;
    NativeFn fn;
    // The keywords it accepts (parse_keywords); none when empty.
    const char* keywords = "";
  };
  static const Entry entries[] = {
      {"print", builtin_print, "sep end file flush"}, {"repr", builtin_repr}, {"ascii", builtin_ascii}, {"format", builtin_format},
      {"abs", builtin_abs},           {"round", builtin_round, "number ndigits"}, {"divmod", builtin_divmod},
      {"pow", builtin_pow},           {"hex", builtin_hex},         {"oct", builtin_oct},
      {"bin", builtin_bin},           {"ord", builtin_ord},         {"chr", builtin_chr},
      {"len", builtin_len},           {"min", builtin_min, "key default"}, {"max", builtin_max, "key default"},
      {"sum", builtin_sum, "start"},  {"sorted", builtin_sorted, "sort: key reverse"},
      {"reversed", builtin_reversed}, {"enumerate", builtin_enumerate, "iterable start"},
      {"zip", builtin_zip, "strict"},           {"iter", builtin_iter},
      {"next", builtin_next},         {"any", builtin_any},         {"all", builtin_all},
      {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass}, {"hash", builtin_hash},
  };
  for (auto& e : entries) rt.define_builtin(e.name, make_native(e.name, e.fn, e.keywords));
  install_file_builtins(rt);
}

}  // namespace gil
