// The bytes type: construction, repr and the operators' bytes cases. See
// bytes.h; the methods are in bytes_methods.cc.
#include "gil/runtime/bytes.h"

#include "gil/runtime/builtins.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"

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
  if (times < 0) times = 0;
  const std::string& s = b->data;
  if (times > 0 && s.size() > (size_t{1} << 40) / static_cast<size_t>(times))
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

}  // namespace gil
