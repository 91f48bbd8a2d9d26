// The methods of bytes. They follow str's (str_methods.cc) in shape, but
// not in their errors: CPython parses bytes methods' arguments with three
// different parsers, and each words its TypeErrors its own way, so every
// method below checks its arguments the way its CPython counterpart does.
#include <algorithm>
#include <cstdint>

#include "gil/runtime/builtins.h"
#include "gil/runtime/bytes.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/stringlib.h"
#include "gil/runtime/utf8.h"

namespace gil {
namespace {

// The data of self, args[0]. A method taken from the type (`bytes.upper(x)`)
// gets whatever was passed first, so it is checked like CPython's method
// descriptors check it.
const std::string& self_data(ThreadState& ts, Value* args, int argc, const char* method) {
  if (argc == 0)
    raise(ts, ts.rt.types.TypeError, std::string("unbound method bytes.") + method + "() needs an argument");
  if (!is_bytes(args[0]))
    raise(ts, ts.rt.types.TypeError,
          std::string("descriptor '") + method + "' for 'bytes' objects doesn't apply to a '" +
              std::string(type_name(ts, args[0])) + "' object");
  return as<ObjBytes>(args[0])->data;
}

// The argument count check of methods parsed with PyArg_ParseTuple
// (find, count, startswith...): "find() takes at least 1 argument (0 given)".
// Keywords are refused as a direct call `b.find(x=1)` refuses them, naming
// the method "bytes.find" (through a bound method object CPython would say
// "find").
void check_parsed_args(ThreadState& ts, const char* method, int n, int min, int max, ObjTuple* kwnames) {
  check_no_keywords(ts, std::string("bytes.") + method, kwnames);
  auto plural = [](int k) { return k == 1 ? " argument" : " arguments"; };
  if (n < min)
    raise(ts, ts.rt.types.TypeError,
          std::string(method) + "() takes at least " + std::to_string(min) + plural(min) + " (" + std::to_string(n) +
              " given)");
  if (n > max)
    raise(ts, ts.rt.types.TypeError,
          std::string(method) + "() takes at most " + std::to_string(max) + plural(max) + " (" + std::to_string(n) +
              " given)");
}

// The str in an optional keyword-capable argument such as decode's
// encoding, or [fallback] when it was not passed.
std::string_view str_argument(ThreadState& ts, const Value* v, const char* method, const char* name,
                              std::string_view fallback) {
  if (!v) return fallback;
  if (!is_str(*v)) raise_bad_argument(ts, method, name, "str", *v);
  return as<ObjStr>(*v)->text;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return is_lower(c) || is_upper(c); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// ---- Codecs and hex -----------------------------------------------------------

Value bytes_decode(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, "decode");
  const Value* slots[2];
  bind_arguments(ts, "decode", args + 1, argc - 1, kwnames, {"encoding", "errors"}, slots);
  std::string_view encoding = str_argument(ts, slots[0], "decode", "encoding", "utf-8");
  std::string_view errors = str_argument(ts, slots[1], "decode", "errors", "strict");
  return decode_bytes(ts, s, encoding, errors);
}

// bytes.hex(sep, bytes_per_sep): [sep] goes between groups of
// |bytes_per_sep| bytes, counted from the right when it is positive and from
// the left when negative, as CPython's _Py_strhex_impl does.
Value bytes_hex(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, "hex");
  const Value* slots[2];
  bind_arguments(ts, "hex", args + 1, argc - 1, kwnames, {"sep", "bytes_per_sep"}, slots);
  char sep = 0;
  int64_t group = 0;
  if (slots[0]) {
    const Value& v = *slots[0];
    int64_t n = length(ts, v);  // "object of type 'int' has no len()", as CPython
    uint32_t c = 0;
    if (is_str(v)) {
      const std::string& t = as<ObjStr>(v)->text;
      n = utf8::count_code_points(t);
      if (n == 1) c = static_cast<unsigned char>(t[0]);
    } else if (is_bytes(v) && n == 1) {
      c = static_cast<unsigned char>(as<ObjBytes>(v)->data[0]);
    }
    if (n != 1) raise(ts, ts.rt.types.ValueError, "sep must be length 1.");
    if (!is_str(v) && !is_bytes(v)) raise(ts, ts.rt.types.TypeError, "sep must be str or bytes.");
    if (c > 127) raise(ts, ts.rt.types.ValueError, "sep must be ASCII.");
    sep = static_cast<char>(c);
    group = slots[1] ? expect_int(ts, *slots[1], "bytes_per_sep") : 1;
    if (group < INT32_MIN || group > INT32_MAX)  // a C int in CPython
      raise(ts, ts.rt.types.OverflowError, "Python int too large to convert to C int");
  }
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() * 3);
  auto n = static_cast<int64_t>(s.size());
  for (int64_t k = 0; k < n; ++k) {
    bool boundary = group > 0 ? (n - k) % group == 0 : group < 0 && k % -group == 0;
    if (k > 0 && boundary) out += sep;
    auto c = static_cast<unsigned char>(s[static_cast<size_t>(k)]);
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return make_str(std::move(out));
}

int hex_digit(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytes.fromhex(string): a class method, so args[0] is the type (or an
// instance, for b.fromhex(...)) and is not used.
Value bytes_fromhex(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "bytes.fromhex", kwnames);
  check_args(ts, "bytes.fromhex", argc - 1, 1, 1);
  const Value& v = args[1];
  if (!is_str(v))
    raise(ts, ts.rt.types.TypeError, "fromhex() argument must be str, not " + std::string(type_name(ts, v)));
  const std::string& t = as<ObjStr>(v)->text;
  auto fail = [&](size_t at) {
    // Positions count characters; a MiniPy str is UTF-8.
    int64_t position = utf8::count_code_points(std::string_view(t).substr(0, at));
    raise(ts, ts.rt.types.ValueError,
          "non-hexadecimal number found in fromhex() arg at position " + std::to_string(position));
  };
  // CPython reports the first non-ASCII character before looking at digits.
  for (size_t i = 0; i < t.size(); ++i)
    if (static_cast<unsigned char>(t[i]) >= 0x80) fail(i);
  std::string out;
  size_t i = 0;
  while (i < t.size()) {
    if (is_space(t[i])) {
      ++i;
      continue;
    }
    int top = hex_digit(t[i]);
    if (top < 0) fail(i);
    if (i + 1 >= t.size() || hex_digit(t[i + 1]) < 0) fail(i + 1);
    out += static_cast<char>(top * 16 + hex_digit(t[i + 1]));
    i += 2;
  }
  return make_bytes(std::move(out));
}

// ---- Case and classification ---------------------------------------------------

// Only ASCII letters have case in bytes.
template <bool Upper>
Value bytes_change_case(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const char* name = Upper ? "bytes.upper" : "bytes.lower";
  std::string s = self_data(ts, args, argc, Upper ? "upper" : "lower");
  check_no_keywords(ts, name, kwnames);
  check_args(ts, name, argc - 1, 0, 0);
  for (char& c : s) {
    if (Upper && is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
    if (!Upper && is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return make_bytes(std::move(s));
}

// isdigit, isalpha, isalnum, isspace: true when self is not empty and every
// byte passes [Pred].
template <bool (*Pred)(char), const char* Name>
Value bytes_is(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, Name);
  std::string full = std::string("bytes.") + Name;
  check_no_keywords(ts, full, kwnames);
  check_args(ts, full, argc - 1, 0, 0);
  return Value::boolean(!s.empty() && std::all_of(s.begin(), s.end(), Pred));
}

constexpr char kIsDigit[] = "isdigit";
constexpr char kIsAlpha[] = "isalpha";
constexpr char kIsAlnum[] = "isalnum";
constexpr char kIsSpace[] = "isspace";

// isupper and islower: some byte of the case asked for, none of the other.
template <bool Upper>
Value bytes_is_case(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const char* name = Upper ? "bytes.isupper" : "bytes.islower";
  const std::string& s = self_data(ts, args, argc, Upper ? "isupper" : "islower");
  check_no_keywords(ts, name, kwnames);
  check_args(ts, name, argc - 1, 0, 0);
  bool wanted = false;
  for (char c : s) {
    if (Upper ? is_lower(c) : is_upper(c)) return Value::boolean(false);
    wanted |= Upper ? is_upper(c) : is_lower(c);
  }
  return Value::boolean(wanted);
}

// ---- Searching ---------------------------------------------------------------

// The optional start and end at args[first], args[first + 1], resolved as
// CPython's ADJUST_INDICES does: end is clamped to the data, start is not,
// so a start past the end finds nothing (b'abc'.find(b'', 5) is -1).
std::pair<int64_t, int64_t> search_range(ThreadState& ts, Value* args, int argc, int first, size_t size) {
  auto n = static_cast<int64_t>(size);
  auto bound = [&](int i, int64_t fallback) {
    if (argc <= i || args[i].is_none()) return fallback;
    if (!args[i].is_intlike())
      raise(ts, ts.rt.types.TypeError, "slice indices must be integers or None or have an __index__ method");
    int64_t v = args[i].as_int();
    if (v < 0) v = std::max<int64_t>(0, v + n);
    return v;
  };
  return {bound(first, 0), std::min(bound(first + 1, n), n)};
}

// The needle of find/count/index: bytes, or an int standing for one byte.
std::string needle(ThreadState& ts, const Value& v) {
  if (v.is_intlike()) return std::string(1, static_cast<char>(expect_byte(ts, v.as_int())));
  if (!is_bytes(v))
    raise(ts, ts.rt.types.TypeError,
          "argument should be integer or bytes-like object, not '" + std::string(type_name(ts, v)) + "'");
  return as<ObjBytes>(v)->data;
}

int64_t find_impl(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, const char* name, bool from_right) {
  const std::string& s = self_data(ts, args, argc, name);
  check_parsed_args(ts, name, argc - 1, 1, 3, kwnames);
  std::string sub = needle(ts, args[1]);
  auto [b, e] = search_range(ts, args, argc, 2, s.size());
  return stringlib::find(s, sub, b, e, from_right);
}

Value bytes_find(ThreadState& ts, Value* a, int n, ObjTuple* k) { return Value::integer(find_impl(ts, a, n, k, "find", false)); }
Value bytes_rfind(ThreadState& ts, Value* a, int n, ObjTuple* k) { return Value::integer(find_impl(ts, a, n, k, "rfind", true)); }

Value bytes_index(ThreadState& ts, Value* a, int n, ObjTuple* k) {
  int64_t at = find_impl(ts, a, n, k, "index", false);
  if (at < 0) raise(ts, ts.rt.types.ValueError, "subsection not found");
  return Value::integer(at);
}

Value bytes_rindex(ThreadState& ts, Value* a, int n, ObjTuple* k) {
  int64_t at = find_impl(ts, a, n, k, "rindex", true);
  if (at < 0) raise(ts, ts.rt.types.ValueError, "subsection not found");
  return Value::integer(at);
}

Value bytes_count(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, "count");
  check_parsed_args(ts, "count", argc - 1, 1, 3, kwnames);
  std::string sub = needle(ts, args[1]);
  auto [b, e] = search_range(ts, args, argc, 2, s.size());
  return Value::integer(stringlib::count(s, sub, b, e));
}

Value affix_impl(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, const char* name, bool prefix) {
  const std::string& s = self_data(ts, args, argc, name);
  check_parsed_args(ts, name, argc - 1, 1, 3, kwnames);
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const auto range = search_range(ts, args, argc, 2, s.size());
  const int64_t b = range.first, e = range.second;
  auto test = [&](std::string_view a) { return stringlib::tailmatch(s, a, b, e, prefix); };
  if (is_tuple(args[1])) {
    for (auto& v : as<ObjTuple>(args[1])->items)
      if (test(expect_bytes_like(ts, v))) return Value::boolean(true);
    return Value::boolean(false);
  }
  if (!is_bytes(args[1]))
    raise(ts, ts.rt.types.TypeError,
          std::string(name) + " first arg must be bytes or a tuple of bytes, not " +
              std::string(type_name(ts, args[1])));
  return Value::boolean(test(as<ObjBytes>(args[1])->data));
}

Value bytes_startswith(ThreadState& ts, Value* a, int n, ObjTuple* k) { return affix_impl(ts, a, n, k, "startswith", true); }
Value bytes_endswith(ThreadState& ts, Value* a, int n, ObjTuple* k) { return affix_impl(ts, a, n, k, "endswith", false); }

// ---- Splitting, joining, stripping, replacing ----------------------------------

size_t space_at(std::string_view s, size_t i) { return is_space(s[i]) ? 1 : 0; }
size_t one_byte(std::string_view, size_t) { return 1; }

Value bytes_list(ThreadState& ts, const std::vector<std::string_view>& parts) {
  std::vector<Value> items;
  items.reserve(parts.size());
  for (auto p : parts) items.push_back(make_bytes(std::string(p)));
  return make_list(ts, std::move(items));
}

Value split_impl(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, const char* name, bool from_right) {
  const std::string& s = self_data(ts, args, argc, name);
  const Value* slots[2];
  bind_arguments(ts, name, args + 1, argc - 1, kwnames, {"sep", "maxsplit"}, slots);
  int64_t maxsplit = slots[1] ? expect_int(ts, *slots[1], "maxsplit") : -1;
  if (!slots[0] || slots[0]->is_none())
    return bytes_list(ts, from_right ? stringlib::rsplit_whitespace(s, maxsplit, space_at, false)
                                     : stringlib::split_whitespace(s, maxsplit, space_at));
  std::string_view d = expect_bytes_like(ts, *slots[0]);
  if (d.empty()) raise(ts, ts.rt.types.ValueError, "empty separator");
  return bytes_list(ts, from_right ? stringlib::rsplit(s, d, maxsplit) : stringlib::split(s, d, maxsplit));
}

Value bytes_split(ThreadState& ts, Value* a, int n, ObjTuple* k) { return split_impl(ts, a, n, k, "split", false); }
Value bytes_rsplit(ThreadState& ts, Value* a, int n, ObjTuple* k) { return split_impl(ts, a, n, k, "rsplit", true); }

// splitlines: bytes has only \n, \r and "\r\n" as line boundaries.
Value bytes_splitlines(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, "splitlines");
  const Value* slots[1];
  if (!kwnames && argc - 1 > 1)
    raise(ts, ts.rt.types.TypeError, "splitlines() takes at most 1 argument (" + std::to_string(argc - 1) + " given)");
  bind_arguments(ts, "splitlines", args + 1, argc - 1, kwnames, {"keepends"}, slots);
  bool keepends = slots[0] && truthy(ts, *slots[0]);
  auto line_break = [](std::string_view t, size_t i) { return size_t{t[i] == '\n' || t[i] == '\r'}; };
  return bytes_list(ts, stringlib::splitlines(s, keepends, line_break));
}

// The single-argument methods (partition, removeprefix, ...): "bytes.partition()
// takes exactly one argument (0 given)".
const std::string& one_arg(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, const char* name) {
  const std::string& s = self_data(ts, args, argc, name);
  std::string full = std::string("bytes.") + name;
  check_no_keywords(ts, full, kwnames);
  check_args(ts, full, argc - 1, 1, 1);
  return s;
}

Value partition_impl(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, const char* name, bool from_right) {
  const std::string& s = one_arg(ts, args, argc, kwnames, name);
  std::string_view sep = expect_bytes_like(ts, args[1]);
  if (sep.empty()) raise(ts, ts.rt.types.ValueError, "empty separator");
  auto p = stringlib::partition(s, sep, from_right);
  return make_tuple(ts, {make_bytes(std::string(p.before)), make_bytes(std::string(p.sep)), make_bytes(std::string(p.after))});
}

Value bytes_partition(ThreadState& ts, Value* a, int n, ObjTuple* k) { return partition_impl(ts, a, n, k, "partition", false); }
Value bytes_rpartition(ThreadState& ts, Value* a, int n, ObjTuple* k) { return partition_impl(ts, a, n, k, "rpartition", true); }

Value remove_affix_impl(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, const char* name, bool prefix) {
  const std::string& s = one_arg(ts, args, argc, kwnames, name);
  std::string_view rest = stringlib::remove_affix(s, expect_bytes_like(ts, args[1]), prefix);
  return rest.size() == s.size() ? args[0] : make_bytes(std::string(rest));
}

Value bytes_removeprefix(ThreadState& ts, Value* a, int n, ObjTuple* k) { return remove_affix_impl(ts, a, n, k, "removeprefix", true); }
Value bytes_removesuffix(ThreadState& ts, Value* a, int n, ObjTuple* k) { return remove_affix_impl(ts, a, n, k, "removesuffix", false); }

Value bytes_expandtabs(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, "expandtabs");
  const Value* slots[1];
  bind_arguments(ts, "expandtabs", args + 1, argc - 1, kwnames, {"tabsize"}, slots);
  int64_t tabsize = slots[0] ? expect_int(ts, *slots[0], "tabsize") : 8;
  return make_bytes(stringlib::expandtabs(s, tabsize, false));
}

// center, ljust, rjust: the fill is one byte ("center() argument 2 must be
// a byte string of length 1, not str").
Value pad_impl(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, const char* name, int where) {
  const std::string& s = self_data(ts, args, argc, name);
  check_no_keywords(ts, std::string("bytes.") + name, kwnames);
  check_args(ts, name, argc - 1, 1, 2);
  int64_t width = expect_int(ts, args[1], name);
  std::string_view fill = " ";
  if (argc == 3) {
    if (!is_bytes(args[2]) || as<ObjBytes>(args[2])->data.size() != 1)
      raise(ts, ts.rt.types.TypeError,
            std::string(name) + "() argument 2 must be a byte string of length 1, not " +
                std::string(type_name(ts, args[2])));
    fill = as<ObjBytes>(args[2])->data;
  }
  auto length = static_cast<int64_t>(s.size());
  if (width <= length) return args[0];
  return make_bytes(stringlib::pad(s, length, width, fill, where));
}

Value bytes_ljust(ThreadState& ts, Value* a, int n, ObjTuple* k) { return pad_impl(ts, a, n, k, "ljust", -1); }
Value bytes_rjust(ThreadState& ts, Value* a, int n, ObjTuple* k) { return pad_impl(ts, a, n, k, "rjust", 1); }
Value bytes_center(ThreadState& ts, Value* a, int n, ObjTuple* k) { return pad_impl(ts, a, n, k, "center", 0); }

Value bytes_zfill(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = one_arg(ts, args, argc, kwnames, "zfill");
  int64_t width = expect_int(ts, args[1], "zfill");
  auto length = static_cast<int64_t>(s.size());
  if (width <= length) return args[0];
  return make_bytes(stringlib::zfill(s, length, width));
}

// title, capitalize, swapcase: ASCII case, as CPython's bytes has.
template <std::string (*Change)(std::string_view), const char* Name>
Value bytes_recase(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, Name);
  std::string full = std::string("bytes.") + Name;
  check_no_keywords(ts, full, kwnames);
  check_args(ts, full, argc - 1, 0, 0);
  return make_bytes(Change(s));
}

template <bool (*Test)(std::string_view), const char* Name>
Value bytes_test(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, Name);
  std::string full = std::string("bytes.") + Name;
  check_no_keywords(ts, full, kwnames);
  check_args(ts, full, argc - 1, 0, 0);
  return Value::boolean(Test(s));
}

constexpr char kTitle[] = "title";
constexpr char kCapitalize[] = "capitalize";
constexpr char kSwapcase[] = "swapcase";
constexpr char kIsTitle[] = "istitle";
constexpr char kIsAscii[] = "isascii";

Value bytes_join(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& sep = self_data(ts, args, argc, "join");
  check_no_keywords(ts, "bytes.join", kwnames);
  check_args(ts, "bytes.join", argc - 1, 1, 1);
  if (!is_iterable(ts, args[1])) raise(ts, ts.rt.types.TypeError, "can only join an iterable");
  std::vector<Value> items = collect(ts, args[1]);
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!is_bytes(items[i]))
      raise(ts, ts.rt.types.TypeError,
            "sequence item " + std::to_string(i) + ": expected a bytes-like object, " +
                std::string(type_name(ts, items[i])) + " found");
    if (i) out += sep;
    out += as<ObjBytes>(items[i])->data;
  }
  return make_bytes(std::move(out));
}

Value strip_impl(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, bool left, bool right, const char* name) {
  const std::string& s = self_data(ts, args, argc, name);
  check_no_keywords(ts, std::string("bytes.") + name, kwnames);
  check_args(ts, name, argc - 1, 0, 1);
  if (argc < 2 || args[1].is_none()) return make_bytes(std::string(stringlib::strip(s, left, right, space_at, false)));
  std::string_view chars = expect_bytes_like(ts, args[1]);
  auto in_chars = [&](std::string_view t, size_t i) { return size_t{chars.find(t[i]) != std::string_view::npos}; };
  return make_bytes(std::string(stringlib::strip(s, left, right, in_chars, false)));
}

Value bytes_strip(ThreadState& ts, Value* a, int n, ObjTuple* k) { return strip_impl(ts, a, n, k, true, true, "strip"); }
Value bytes_lstrip(ThreadState& ts, Value* a, int n, ObjTuple* k) { return strip_impl(ts, a, n, k, true, false, "lstrip"); }
Value bytes_rstrip(ThreadState& ts, Value* a, int n, ObjTuple* k) { return strip_impl(ts, a, n, k, false, true, "rstrip"); }

// bytes.maketrans(from, to), a static method: the 256-byte table mapping
// each byte of [from] to the byte of [to] at the same place.
Value bytes_maketrans(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "maketrans", kwnames);
  check_args(ts, "maketrans", argc - 1, 2, 2);
  std::string_view from = expect_bytes_like(ts, args[1]), to = expect_bytes_like(ts, args[2]);
  if (from.size() != to.size()) raise(ts, ts.rt.types.ValueError, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[static_cast<size_t>(i)] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return make_bytes(std::move(table));
}

// bytes.translate(table, /, delete=b''): the bytes in [delete] go, the
// others map through [table] (None keeps them).
Value bytes_translate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, "translate");
  const Value* slots[2];
  bind_arguments(ts, "translate", args + 1, argc - 1, kwnames, {"table", "delete"}, slots);
  if (!slots[0]) raise(ts, ts.rt.types.TypeError, "translate() takes at least 1 positional argument (0 given)");
  std::string_view table;
  if (!slots[0]->is_none()) {
    table = expect_bytes_like(ts, *slots[0]);
    if (table.size() != 256) raise(ts, ts.rt.types.ValueError, "translation table must be 256 characters long");
  }
  std::string_view gone = slots[1] ? expect_bytes_like(ts, *slots[1]) : std::string_view();
  std::string out;
  for (char c : s) {
    if (gone.find(c) != std::string_view::npos) continue;
    out += table.empty() ? c : table[static_cast<unsigned char>(c)];
  }
  return make_bytes(std::move(out));
}

Value bytes_replace(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const std::string& s = self_data(ts, args, argc, "replace");
  check_no_keywords(ts, "bytes.replace", kwnames);
  check_args(ts, "replace", argc - 1, 2, 3);
  std::string_view from = expect_bytes_like(ts, args[1]);
  std::string_view to = expect_bytes_like(ts, args[2]);
  int64_t count = argc == 4 ? expect_int(ts, args[3], "count") : -1;
  return make_bytes(stringlib::replace(s, from, to, count, one_byte));
}

}  // namespace

void install_bytes_methods(Runtime& rt) {
  ObjType* t = rt.types.bytes;
  struct Entry {
    const char* name;
    NativeFn fn;
    // The keywords it accepts (parse_keywords); none when empty.
    const char* keywords = "";
  };
  static const Entry entries[] = {
      {"decode", bytes_decode, "encoding errors"},
      {"hex", bytes_hex, "sep bytes_per_sep"},
      {"upper", bytes_change_case<true>},
      {"lower", bytes_change_case<false>},
      {"isdigit", bytes_is<is_digit, kIsDigit>},
      {"isalpha", bytes_is<is_alpha, kIsAlpha>},
      {"isalnum", bytes_is<is_alnum, kIsAlnum>},
      {"isspace", bytes_is<is_space, kIsSpace>},
      {"isupper", bytes_is_case<true>},
      {"islower", bytes_is_case<false>},
      {"find", bytes_find},
      {"rfind", bytes_rfind},
      {"index", bytes_index},
      {"rindex", bytes_rindex},
      {"count", bytes_count},
      {"startswith", bytes_startswith},
      {"endswith", bytes_endswith},
      {"split", bytes_split, "sep maxsplit"},
      {"join", bytes_join},
      {"strip", bytes_strip},
      {"lstrip", bytes_lstrip},
      {"rstrip", bytes_rstrip},
      {"replace", bytes_replace},
      {"rsplit", bytes_rsplit, "sep maxsplit"},
      {"maketrans", bytes_maketrans},
      {"translate", bytes_translate, "delete"},
      {"splitlines", bytes_splitlines, "keepends"},
      {"partition", bytes_partition},
      {"rpartition", bytes_rpartition},
      {"removeprefix", bytes_removeprefix},
      {"removesuffix", bytes_removesuffix},
      {"expandtabs", bytes_expandtabs, "tabsize"},
      {"ljust", bytes_ljust},
      {"rjust", bytes_rjust},
      {"center", bytes_center},
      {"zfill", bytes_zfill},
      {"title", bytes_recase<stringlib::title, kTitle>},
      {"capitalize", bytes_recase<stringlib::capitalize, kCapitalize>},
      {"swapcase", bytes_recase<stringlib::swapcase, kSwapcase>},
      {"istitle", bytes_test<stringlib::istitle, kIsTitle>},
      {"isascii", bytes_test<stringlib::isascii, kIsAscii>},
  };
  for (auto& e : entries) add_method(rt, t, e.name, e.fn, e.keywords);
  add_method(rt, t, "fromhex", bytes_fromhex);
  as<ObjNative>(*t->own(rt.intern("fromhex")))->class_method = true;
  as<ObjNative>(*t->own(rt.intern("maketrans")))->class_method = true;
}

}  // namespace gil
