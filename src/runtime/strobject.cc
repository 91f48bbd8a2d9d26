// `str`, after CPython's Objects/unicodeobject.c.
//
// A str is an ObjStr: UTF-8 bytes, immutable except that `s += t` appends
// in place when s is the only reference and not interned (how CPython makes
// repeated concatenation linear). Indexing, slicing, iteration and len()
// count code points (strobject.h). Interned strings are unique, so two
// interned strs are equal only when they are one object.
// The methods (s.upper(), s.split(), ...) are in str_methods.cc, the
// formatting mini-language in format.cc.
#include <string>

#include "gil/runtime/builtins.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/percent_format.h"
#include "gil/runtime/strobject.h"
#include "gil/runtime/type.h"
#include "gil/runtime/unicode.h"
#include "gil/runtime/utf8.h"

#include "builtin_types.h"

namespace gil {

uint64_t str_hash(ObjStr* s) {
  if (s->hash == 0) s->hash = hash_mix(std::hash<std::string_view>{}(s->text));
  return s->hash;
}

int64_t str_length(ObjStr* s) {
  if (s->length < 0) s->length = utf8::count_code_points(s->text);
  return s->length;
}

size_t str_offset(ObjStr* s, int64_t index) {
  if (str_is_ascii(s)) return static_cast<size_t>(index);
  const std::string& t = s->text;
  size_t at = 0;
  for (int64_t seen = 0; at < t.size(); ++at) {
    if (utf8::is_continuation(t[at])) continue;
    if (seen++ == index) return at;
  }
  return at;
}

int64_t str_index_at(ObjStr* s, size_t offset) {
  if (str_is_ascii(s)) return static_cast<int64_t>(offset);
  return utf8::count_code_points(std::string_view(s->text).substr(0, offset));
}

Value str_from_code_point(ThreadState& ts, char32_t cp) {
  if (cp < 256) return ts.rt.single_chars[cp];
  std::string out;
  utf8::append(out, cp);
  return make_str(std::move(out));
}

namespace {

// str(b, encoding[, errors]): decoding, as b.decode() does.
Value decode_to_str(ThreadState& ts, const Value* object, const Value* encoding, const Value* errors) {
  if (encoding && !is_str(*encoding)) raise_bad_argument(ts, "str", "encoding", "str", *encoding);
  if (errors && !is_str(*errors)) raise_bad_argument(ts, "str", "errors", "str", *errors);
  if (!object) return ts.rt.empty_str;
  if (is_str(*object)) raise(ts, ts.rt.types.TypeError, "decoding str is not supported");
  if (!is_bytes(*object))
    raise(ts, ts.rt.types.TypeError,
          "decoding to str: need a bytes-like object, " + std::string(type_name(ts, *object)) + " found");
  return decode_bytes(ts, as<ObjBytes>(*object)->data,
                      encoding ? std::string_view(as<ObjStr>(*encoding)->text) : "utf-8",
                      errors ? std::string_view(as<ObjStr>(*errors)->text) : "strict");
}

Value construct_str(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc > 1 || kwnames) {
    const Value* slots[3];
    bind_arguments(ts, "str", args, argc, kwnames, {"object", "encoding", "errors"}, slots);
    if (slots[1] || slots[2]) return decode_to_str(ts, slots[0], slots[1], slots[2]);
    if (!slots[0]) return ts.rt.empty_str;
    return make_str(str(ts, *slots[0]));
  }
  if (argc == 0) return ts.rt.empty_str;
  const Value& v = args[0];
  if (is_str(v)) return v;
  if (v.is_int() && v.as_int() >= 0 && v.as_int() <= 9)
    return ts.rt.single_chars['0' + v.as_int()];  // as CPython's one-character cache
  return make_str(str(ts, v));
}

// ---- Text ----------------------------------------------------------------------------

// The code point whose UTF-8 encoding starts at s[i] (a byte >= 0x80) and
// its length in bytes, or length 0 when the bytes there are not one. A str
// built by the language is UTF-8 (chr() may add surrogates, encoded as
// three bytes like any other code point in U+0800..U+FFFF); this is the
// guard for one that is not.
std::pair<char32_t, size_t> utf8_at(std::string_view s, size_t i) {
  utf8::Decoded d = utf8::decode(s, i);
  if (d.len == 1) return {0, 0};  // s[i] >= 0x80 starts no sequence
  return {d.cp, d.len};
}

// repr() of a str, as CPython writes it: quotes chosen as CPython chooses
// them, the quote and backslash escaped, \t \n \r, and every other
// non-printable code point as \xNN, \uNNNN or \UNNNNNNNN (is_printable).
// Printable non-ASCII characters are copied as they are; so would be a byte
// that starts no UTF-8 sequence.
void str_repr_into(std::string_view s, std::string& out) {
  char quote = (s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos) ? '"' : '\'';
  out += quote;
  static const char hex[] = "0123456789abcdef";
  auto escape = [&](char32_t cp, char kind, int digits) {
    out += '\\';
    out += kind;
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      escape(c, 'x', 2);
    } else if (c < 0x80) {
      out += ch;
    } else if (auto [cp, len] = utf8_at(s, i); len == 0) {
      out += ch;
    } else {
      if (is_printable(cp))
        out.append(s, i, len);
      else if (cp <= 0xFF)
        escape(cp, 'x', 2);
      else if (cp <= 0xFFFF)
        escape(cp, 'u', 4);
      else
        escape(cp, 'U', 8);
      i += len - 1;
    }
  }
  out += quote;
}

void str_repr(ThreadState& ts, const Value& self, std::string& out) { str_repr_into(as<ObjStr>(self)->text, out); }

void str_str(ThreadState& ts, const Value& self, std::string& out) { out += as<ObjStr>(self)->text; }

// ---- Comparison, hashing, size ----------------------------------------------------------

uint64_t str_hash_slot(ThreadState& ts, const Value& self) { return str_hash(as<ObjStr>(self)); }

// Between strs: equality (interned strs by identity), ordering by bytes.
Value str_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) return Value();
  auto* x = as<ObjStr>(a);
  auto* y = as<ObjStr>(b);
  if (op == CompareOp::Eq) return Value::boolean(str_equal(x, y));
  if (op == CompareOp::NotEq) return Value::boolean(!str_equal(x, y));
  int c = x->text.compare(y->text);
  return compare_numbers(op, c, 0);
}

bool str_bool(ThreadState& ts, const Value& self) { return !as<ObjStr>(self)->text.empty(); }

int64_t str_len(ThreadState& ts, const Value& self) { return str_length(as<ObjStr>(self)); }

// ---- Items ----------------------------------------------------------------------------

// s[i] and s[a:b:c], counting code points. ASCII text indexes its bytes;
// other text finds its code points' offsets first.
Value str_getitem(ThreadState& ts, const Value& container, const Value& index) {
  auto* str = as<ObjStr>(container);
  const std::string& s = str->text;
  int64_t length = str_length(str);
  bool ascii = length == static_cast<int64_t>(s.size());
  if (index.is_intlike()) {
    int64_t i = normalize_index(ts, index.as_int(), static_cast<size_t>(length), "string");
    if (ascii) return ts.rt.single_chars[static_cast<unsigned char>(s[static_cast<size_t>(i)])];
    return str_from_code_point(ts, utf8::decode(s, str_offset(str, i)).cp);
  }
  if (is_kind(index, ObjKind::Slice)) {
    SliceRange r = resolve_slice(ts, as<ObjSlice>(index), static_cast<size_t>(length));
    if (r.step == 1 && r.count == length && !str->type) return container;  // CPython's s[:] is s
    std::string out;
    if (ascii) {
      out.reserve(static_cast<size_t>(r.count));
      for (int64_t i = 0, at = r.start; i < r.count; ++i, at += r.step) out += s[static_cast<size_t>(at)];
      Value slice = make_str(std::move(out));
      as<ObjStr>(slice)->length = r.count;  // ASCII too: no need to count again
      return slice;
    } else if (r.step == 1) {
      size_t begin = str_offset(str, r.start);
      out = s.substr(begin, str_offset(str, r.start + r.count) - begin);
    } else {
      std::vector<size_t> starts;  // of every code point, then the end
      starts.reserve(static_cast<size_t>(length) + 1);
      for (size_t at = 0; at < s.size(); ++at)
        if (!utf8::is_continuation(s[at])) starts.push_back(at);
      starts.push_back(s.size());
      for (int64_t i = 0, at = r.start; i < r.count; ++i, at += r.step) {
        auto k = static_cast<size_t>(at);
        out.append(s, starts[k], starts[k + 1] - starts[k]);
      }
    }
    return make_str(std::move(out));
  }
  raise(ts, ts.rt.types.TypeError, "string indices must be integers, not '" + std::string(type_name(ts, index)) + "'");
}

// `sub in s`: a substring search; only a str may be looked for.
bool str_contains(ThreadState& ts, const Value& self, const Value& item) {
  if (!is_str(item))
    raise(ts, ts.rt.types.TypeError,
          "'in <string>' requires string as left operand, not " + std::string(type_name(ts, item)));
  return as<ObjStr>(self)->text.find(as<ObjStr>(item)->text) != std::string::npos;
}

Value str_iter(ThreadState& ts, const Value& self) { return make<ObjIterator>(ts, ObjIterator::Over::Str, self); }

// ---- Operators ------------------------------------------------------------------------

// `a + b` and `a += b` with a str on the left; another type on the right
// raises CPython's error, unless it is a class's, which may take the other
// side (__radd__).
template <bool InPlace>
Value str_add(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_str(a)) return Value();
  if (!is_str(b)) {
    if (b.is_obj() && b.as_obj()->type && b.as_obj()->type->is_heap_type) return Value();
    raise(ts, ts.rt.types.TypeError,
          "can only concatenate str (not \"" + std::string(type_name(ts, b)) + "\") to str");
  }
  ObjStr* sa = as<ObjStr>(a);
  if (InPlace && is_unique(sa) && !sa->interned) {
    auto* sb = as<ObjStr>(b);
    sa->text += sb->text;
    sa->hash = 0;
    sa->length = sa->length >= 0 && sb->length >= 0 ? sa->length + sb->length : -1;
    return a;
  }
  std::string out;
  out.reserve(sa->text.size() + as<ObjStr>(b)->text.size());
  out += sa->text;
  out += as<ObjStr>(b)->text;
  return make_str(std::move(out));
}

// `s * n` and `n * s`.
Value str_mul(ThreadState& ts, const Value& a, const Value& b) {
  const Value* seq = is_str(a) ? &a : is_str(b) ? &b : nullptr;
  if (!seq) return Value();
  const Value& n = seq == &a ? b : a;
  if (!n.is_intlike())
    raise(ts, ts.rt.types.TypeError, "can't multiply sequence by non-int of type '" + std::string(type_name(ts, n)) + "'");
  int64_t times = std::max<int64_t>(n.as_int(), 0);
  const std::string& s = as<ObjStr>(*seq)->text;
  // Nothing to copy: at once, however large the count ('' * 2**40).
  if (times == 0 || s.empty()) return make_str(std::string());
  if (s.size() > (size_t{1} << 40) / static_cast<size_t>(times))
    raise(ts, ts.rt.types.OverflowError, "repeated string is too long");
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(times));
  for (int64_t i = 0; i < times; ++i) out += s;
  return make_str(std::move(out));
}

// `s % x`: printf-style formatting (percent_format.cc).
Value str_mod(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_str(a)) return Value();
  return percent_format_str(ts, as<ObjStr>(a)->text, b);
}

}  // namespace

void init_str_type(Runtime& rt) {
  ObjType* t = rt.types.str;
  t->construct = construct_str;
  t->tp_repr = str_repr;
  t->tp_str = str_str;
  t->tp_hash = str_hash_slot;
  t->tp_richcompare = str_richcompare;
  t->tp_bool = str_bool;
  t->tp_len = str_len;
  t->tp_getitem = str_getitem;
  t->tp_contains = str_contains;
  t->tp_iter = str_iter;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->nb.binary[static_cast<int>(BinaryOp::Add)] = str_add<false>;
  t->nb.inplace[static_cast<int>(BinaryOp::Add)] = str_add<true>;
  t->nb.binary[static_cast<int>(BinaryOp::Mul)] = str_mul;
  t->nb.binary[static_cast<int>(BinaryOp::Mod)] = str_mod;
}

}  // namespace gil
