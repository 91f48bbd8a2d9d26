// `bytes`, after CPython's Objects/bytesobject.c.
//
// A bytes object (ObjBytes) is an immutable std::string of raw bytes, with
// its hash cached on first use. Here: its constructor, repr, the argument
// checks bytes.h shares, and its slots (comparison, hash, truth, len, items
// and slices, membership, iteration, + and *). Its methods are in
// bytes_methods.cc; decoding is the codecs' business (codecs.h).
#include "gil/runtime/bytes.h"

#include "gil/runtime/builtins.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/percent_format.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

// The longest bytes(n) makes; beyond it MemoryError, as CPython's failed
// allocation gives, rather than zero-filling memory until the system
// kills the process.
constexpr uint64_t kMaxBytesLength = uint64_t{1} << 32;

// bytes(iterable): every item must be an int in range(0, 256).
Value bytes_from_iterable(ThreadState& ts, const Value& source) {
  std::vector<Value> items = collect(ts, source);
  std::string out;
  out.reserve(items.size());
  for (const Value& item : items) {
    int64_t v = expect_int(ts, item, "bytes");
    out += static_cast<char>(expect_byte(ts, v, "bytes must be in range(0, 256)"));
  }
  return make_bytes(std::move(out));
}

}  // namespace

Value construct_bytes(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* slots[3];
  bind_arguments(ts, "bytes", args, argc, kwnames, {"source", "encoding", "errors"}, slots);
  if (slots[1] && !is_str(*slots[1])) raise_bad_argument(ts, "bytes", "encoding", "str", *slots[1]);
  if (slots[2] && !is_str(*slots[2])) raise_bad_argument(ts, "bytes", "errors", "str", *slots[2]);
  const Value* source = slots[0];
  const Value* encoding = slots[1];
  const Value* errors = slots[2];
  if (!source) {
    if (encoding || errors)
      raise(ts, ts.rt.types.TypeError,
            encoding ? "encoding without a string argument" : "errors without a string argument");
    return make_bytes("");
  }
  if (encoding) {
    if (!is_str(*source)) raise(ts, ts.rt.types.TypeError, "encoding without a string argument");
    return encode_text(ts, as<ObjStr>(*source)->text, as<ObjStr>(*encoding)->text,
                       errors ? std::string_view(as<ObjStr>(*errors)->text) : "strict");
  }
  if (errors)
    raise(ts, ts.rt.types.TypeError,
          is_str(*source) ? "string argument without an encoding" : "errors without a string argument");
  if (is_str(*source)) raise(ts, ts.rt.types.TypeError, "string argument without an encoding");
  if (source->is_intlike()) {
    int64_t n = source->as_int();
    if (n < 0) raise(ts, ts.rt.types.ValueError, "negative count");
    if (static_cast<uint64_t>(n) > kMaxBytesLength) raise(ts, ts.rt.types.MemoryError, "");
    return make_bytes(std::string(static_cast<size_t>(n), '\0'));
  }
  if (is_bytes(*source)) return *source;  // immutable, so bytes(b) may be b itself, as in CPython
  if (!is_iterable(ts, *source))  // "cannot convert", not get_iter's "not iterable"
    raise(ts, ts.rt.types.TypeError, "cannot convert '" + std::string(type_name(ts, *source)) + "' object to bytes");
  return bytes_from_iterable(ts, *source);
}

void bytes_repr_into(std::string_view data, std::string& out) {
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  static const char hex[] = "0123456789abcdef";
  out += 'b';
  out += quote;
  for (char ch : data) {
    auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  out += quote;
}

uint8_t expect_byte(ThreadState& ts, int64_t v, std::string_view message) {
  if (v < 0 || v > 255) raise(ts, ts.rt.types.ValueError, message);
  return static_cast<uint8_t>(v);
}

std::string_view expect_bytes_like(ThreadState& ts, const Value& v) {
  if (is_bytes(v)) return as<ObjBytes>(v)->data;
  raise(ts, ts.rt.types.TypeError, "a bytes-like object is required, not '" + std::string(type_name(ts, v)) + "'");
}

Value bytes_concat(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_bytes(b))
    raise(ts, ts.rt.types.TypeError, "can't concat " + std::string(type_name(ts, b)) + " to bytes");
  const std::string& x = as<ObjBytes>(a)->data;
  const std::string& y = as<ObjBytes>(b)->data;
  std::string out;
  out.reserve(x.size() + y.size());
  out += x;
  out += y;
  return make_bytes(std::move(out));
}

Value bytes_repeat(ThreadState& ts, const ObjBytes* b, int64_t times) {
  const std::string& s = b->data;
  // Nothing to copy: at once, however large the count (b'' * 2**40).
  if (times <= 0 || s.empty()) return make_bytes(std::string());
  if (s.size() > (size_t{1} << 40) / static_cast<size_t>(times))
    raise(ts, ts.rt.types.OverflowError, "repeated bytes are too long");
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(times));
  for (int64_t i = 0; i < times; ++i) out += s;
  return make_bytes(std::move(out));
}

bool bytes_contains(ThreadState& ts, const ObjBytes* b, const Value& item) {
  if (item.is_intlike()) return b->data.find(static_cast<char>(expect_byte(ts, item.as_int()))) != std::string::npos;
  return b->data.find(expect_bytes_like(ts, item)) != std::string::npos;
}

// ---- Slots ------------------------------------------------------------------------

namespace {

const std::string& data_of(const Value& v) { return static_cast<ObjBytes*>(v.as_obj())->data; }

void bytes_repr(ThreadState& ts, const Value& self, std::string& out) { bytes_repr_into(data_of(self), out); }

// Hashed as the str of the same bytes, as CPython does.
uint64_t bytes_hash(ThreadState& ts, const Value& self) {
  auto* b = static_cast<ObjBytes*>(self.as_obj());
  if (b->hash == 0) b->hash = hash_mix(std::hash<std::string_view>{}(b->data));
  return b->hash;
}

// Bytes compare with bytes only, byte by byte as unsigned values; against
// anything else NotImplemented (so b'a' == 'a' is False, b'a' < 'a' raises).
Value bytes_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (!is_bytes(a) || !is_bytes(b)) return Value();
  int c = data_of(a).compare(data_of(b));
  return compare_numbers(op, c, 0);
}

bool bytes_bool(ThreadState& ts, const Value& self) { return !data_of(self).empty(); }

int64_t bytes_len(ThreadState& ts, const Value& self) { return static_cast<int64_t>(data_of(self).size()); }

// b[i] is an int; b[i:j:k] is bytes.
Value bytes_getitem(ThreadState& ts, const Value& self, const Value& index) {
  const std::string& s = data_of(self);
  if (index.is_intlike()) {
    int64_t i = index.as_int(), n = static_cast<int64_t>(s.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(ts, ts.rt.types.IndexError, "index out of range");
    return Value::integer(static_cast<unsigned char>(s[static_cast<size_t>(i)]));
  }
  if (is_kind(index, ObjKind::Slice)) {
    SliceRange r = resolve_slice(ts, as<ObjSlice>(index), s.size());
    std::string out;
    out.reserve(static_cast<size_t>(r.count));
    for (int64_t i = 0, at = r.start; i < r.count; ++i, at += r.step) out += s[static_cast<size_t>(at)];
    return make_bytes(std::move(out));
  }
  raise(ts, ts.rt.types.TypeError, "byte indices must be integers or slices, not " + std::string(type_name(ts, index)));
}

bool bytes_contains_slot(ThreadState& ts, const Value& self, const Value& item) {
  return bytes_contains(ts, static_cast<ObjBytes*>(self.as_obj()), item);
}

Value bytes_iter(ThreadState& ts, const Value& self) { return make<ObjIterator>(ts, ObjIterator::Over::Bytes, self); }

// b + other: bytes only (an instance of a class may take it in __radd__).
Value bytes_add(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_bytes(a)) return Value();
  if (!is_bytes(b) && b.is_obj() && b.as_obj()->type && b.as_obj()->type->is_heap_type) return Value();
  return bytes_concat(ts, a, b);
}

// b * n and n * b.
Value bytes_mul(ThreadState& ts, const Value& a, const Value& b) {
  const Value* seq = is_bytes(a) ? &a : is_bytes(b) ? &b : nullptr;
  if (!seq) return Value();
  int64_t times = repeat_count(ts, seq == &a ? b : a);
  return bytes_repeat(ts, static_cast<ObjBytes*>(seq->as_obj()), times);
}

Value bytes_mod(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_bytes(a)) return Value();
  return percent_format_bytes(ts, as<ObjBytes>(a)->data, b);
}

}  // namespace

void init_bytes_type(Runtime& rt) {
  ObjType* t = rt.types.bytes;
  t->construct = construct_bytes;
  t->tp_repr = bytes_repr;
  t->tp_str = bytes_repr;  // as CPython's: a subclass's __repr__ does not change str()
  t->tp_hash = bytes_hash;
  t->tp_richcompare = bytes_richcompare;
  t->tp_bool = bytes_bool;
  t->tp_len = bytes_len;
  t->tp_getitem = bytes_getitem;
  t->tp_contains = bytes_contains_slot;
  t->tp_iter = bytes_iter;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->nb.binary[static_cast<int>(BinaryOp::Add)] = bytes_add;
  t->nb.binary[static_cast<int>(BinaryOp::Mul)] = bytes_mul;
  t->nb.binary[static_cast<int>(BinaryOp::Mod)] = bytes_mod;
}

}  // namespace gil
