// The methods of str.
#include <algorithm>

#include "gil/runtime/builtins.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/format.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/percent_format.h"
#include "gil/runtime/stringlib.h"
#include "gil/runtime/strobject.h"
#include "gil/runtime/unicode.h"
#include "gil/runtime/utf8.h"

namespace gil {
namespace {

const std::string& self_text(Value* args) { return as<ObjStr>(args[0])->text; }

std::string_view arg_text(ThreadState& ts, const Value& v, const char* method) {
  if (!is_str(v))
    raise(ts, ts.rt.types.TypeError,
          std::string("must be str, not ") + std::string(type_name(ts, v)));
  return as<ObjStr>(v)->text;
}

// The length of the whitespace character at s[i] (str.isspace(), CPython's
// Py_UNICODE_ISSPACE, which counts U+0085, U+00A0, U+2028 and the other
// Unicode spaces), 0 when s[i] starts no whitespace: what split() splits on
// and strip() strips by default.
// A continuation byte starts nothing: the forward scans of stringlib step
// byte by byte, and the 0x85 in 'Å' (C3 85) is not U+0085.
size_t space_at(std::string_view s, size_t i) {
  if (utf8::is_continuation(s[i])) return 0;
  utf8::Decoded d = utf8::decode(s, i);
  return utf8::is_space(d.cp) ? d.len : 0;
}
size_t char_len(std::string_view s, size_t i) { return utf8::decode(s, i).len; }

// ---- Case ----------------------------------------------------------------------

// The code point before byte [i], and where it starts.
utf8::Decoded decode_before(std::string_view s, size_t& i) {
  do --i;
  while (i > 0 && utf8::is_continuation(s[i]));
  return utf8::decode(s, i);
}

// Whether the capital sigma at s[at, at+2) is final (CPython's
// handle_capital_sigma): a cased letter before it and none after it,
// case-ignorable characters skipped on both sides.
bool final_sigma(std::string_view s, size_t at) {
  size_t i = at;
  char32_t before = 0;
  while (i > 0) {
    before = decode_before(s, i).cp;
    if (!unicode::is_case_ignorable(before)) break;
    before = 0;
  }
  if (before == 0 || !unicode::is_cased(before)) return false;
  for (size_t j = at + 2; j < s.size();) {
    utf8::Decoded d = utf8::decode(s, j);
    if (!unicode::is_case_ignorable(d.cp)) return !unicode::is_cased(d.cp);
    j += d.len;
  }
  return true;
}

void append_lower_in(std::string& out, std::string_view s, size_t at, char32_t cp) {
  if (cp == 0x3A3)
    utf8::append(out, final_sigma(s, at) ? 0x3C2 : 0x3C3);
  else
    unicode::append_lower(out, cp);
}

// Rewrites each code point of the receiver: [step] gets the text, the
// code point's offset, the code point and its index, and appends what it
// becomes. ASCII text, whose mappings stay ASCII, takes [ascii] byte by
// byte instead.
template <class Ascii, class Step>
Value map_code_points(Value* args, Ascii ascii, Step step) {
  auto* self = as<ObjStr>(args[0]);
  const std::string& s = self->text;
  std::string out;
  out.reserve(s.size());
  if (str_is_ascii(self)) {
    for (size_t i = 0; i < s.size(); ++i) out += static_cast<char>(ascii(static_cast<unsigned char>(s[i]), i));
    return make_str(std::move(out));
  }
  size_t index = 0;
  for (size_t i = 0; i < s.size(); ++index) {
    utf8::Decoded d = utf8::decode(s, i);
    step(out, s, i, d.cp, index);
    i += d.len;
  }
  return make_str(std::move(out));
}

int ascii_upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
bool ascii_cased(int c) { return ascii_upper(c) != ascii_lower(c); }

Value str_upper(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.upper", argc - 1, 0, 0);
  return map_code_points(
      args, [](int c, size_t) { return ascii_upper(c); },
      [](std::string& out, std::string_view, size_t, char32_t cp, size_t) { unicode::append_upper(out, cp); });
}

Value str_lower(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.lower", argc - 1, 0, 0);
  return map_code_points(
      args, [](int c, size_t) { return ascii_lower(c); },
      [](std::string& out, std::string_view s, size_t at, char32_t cp, size_t) { append_lower_in(out, s, at, cp); });
}

Value str_casefold(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.casefold", argc - 1, 0, 0);
  return map_code_points(
      args, [](int c, size_t) { return ascii_lower(c); },
      [](std::string& out, std::string_view, size_t, char32_t cp, size_t) { unicode::append_fold(out, cp); });
}

Value str_swapcase(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.swapcase", argc - 1, 0, 0);
  return map_code_points(
      args, [](int c, size_t) { return c >= 'a' && c <= 'z' ? c - 32 : ascii_lower(c); },
      [](std::string& out, std::string_view s, size_t at, char32_t cp, size_t) {
        if (unicode::is_upper(cp))
          append_lower_in(out, s, at, cp);
        else if (unicode::is_lower(cp))
          unicode::append_upper(out, cp);
        else
          utf8::append(out, cp);
      });
}

// The first character in titlecase, the rest in lowercase (3.8 and later).
Value str_capitalize(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.capitalize", argc - 1, 0, 0);
  return map_code_points(
      args, [](int c, size_t i) { return i == 0 ? ascii_upper(c) : ascii_lower(c); },
      [](std::string& out, std::string_view s, size_t at, char32_t cp, size_t index) {
        if (index == 0)
          unicode::append_title(out, cp);
        else
          append_lower_in(out, s, at, cp);
      });
}

// Titlecase after an uncased character, lowercase after a cased one.
Value str_title(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.title", argc - 1, 0, 0);
  bool previous_is_cased = false;
  return map_code_points(
      args,
      [&](int c, size_t) {
        int mapped = previous_is_cased ? ascii_lower(c) : ascii_upper(c);
        previous_is_cased = ascii_cased(c);
        return mapped;
      },
      [&](std::string& out, std::string_view s, size_t at, char32_t cp, size_t) {
        if (previous_is_cased)
          append_lower_in(out, s, at, cp);
        else
          unicode::append_title(out, cp);
        previous_is_cased = unicode::is_cased(cp);
      });
}

// ---- Predicates --------------------------------------------------------------

// Calls [each] on every code point until it returns false.
template <class Each>
bool all_code_points(std::string_view s, Each each) {
  for (size_t i = 0; i < s.size();) {
    utf8::Decoded d = utf8::decode(s, i);
    if (!each(d.cp)) return false;
    i += d.len;
  }
  return true;
}

// isalpha, isdecimal, ...: a non-empty str whose every code point has the
// property.
template <bool (*Has)(char32_t)>
Value str_is(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.is...", argc - 1, 0, 0);
  const std::string& s = self_text(args);
  return Value::boolean(!s.empty() && all_code_points(s, Has));
}

bool is_alnum(char32_t cp) {
  return unicode::is_alpha(cp) || unicode::is_decimal(cp) || unicode::is_digit(cp) || unicode::is_numeric(cp);
}

Value str_isprintable(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.isprintable", argc - 1, 0, 0);
  return Value::boolean(all_code_points(self_text(args), is_printable));
}

Value str_isidentifier(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.isidentifier", argc - 1, 0, 0);
  const std::string& s = self_text(args);
  if (s.empty()) return Value::boolean(false);
  utf8::Decoded first = utf8::decode(s, 0);
  if (!unicode::is_xid_start(first.cp) && first.cp != '_') return Value::boolean(false);
  return Value::boolean(all_code_points(std::string_view(s).substr(first.len), unicode::is_xid_continue));
}

// isupper / islower: at least one cased character, and none of the other
// case (a titlecase letter counts as the other case for both).
template <bool (*Same)(char32_t), bool (*Other)(char32_t)>
Value str_is_case(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.is...", argc - 1, 0, 0);
  bool cased = false;
  bool ok = all_code_points(self_text(args), [&](char32_t cp) {
    if (Other(cp) || unicode::is_title(cp)) return false;
    cased |= Same(cp);
    return true;
  });
  return Value::boolean(ok && cased);
}

// Uppercase and titlecase letters only after uncased characters, lowercase
// ones only after cased characters, and at least one cased character.
Value str_istitle(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.istitle", argc - 1, 0, 0);
  bool cased = false, previous_is_cased = false;
  bool ok = all_code_points(self_text(args), [&](char32_t cp) {
    if (unicode::is_upper(cp) || unicode::is_title(cp)) {
      if (previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else if (unicode::is_lower(cp)) {
      if (!previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
    return true;
  });
  return Value::boolean(ok && cased);
}

// ---- Stripping and padding --------------------------------------------------

Value strip_impl(ThreadState& ts, Value* args, int argc, bool left, bool right, const char* name) {
  check_args(ts, name, argc - 1, 0, 1);
  const std::string& s = self_text(args);
  if (argc < 2 || args[1].is_none()) return make_str(std::string(stringlib::strip(s, left, right, space_at, true)));
  std::string_view chars = arg_text(ts, args[1], name);
  // A character is stripped when its whole UTF-8 sequence occurs in chars.
  auto in_chars = [&](std::string_view t, size_t i) {
    size_t len = char_len(t, i);
    for (size_t k = 0; k < chars.size(); k += char_len(chars, k))
      if (chars.substr(k, char_len(chars, k)) == t.substr(i, len)) return len;
    return size_t{0};
  };
  return make_str(std::string(stringlib::strip(s, left, right, in_chars, true)));
}

Value str_strip(ThreadState& ts, Value* a, int n, ObjTuple* k) { return strip_impl(ts, a, n, true, true, "strip"); }
Value str_lstrip(ThreadState& ts, Value* a, int n, ObjTuple* k) { return strip_impl(ts, a, n, true, false, "lstrip"); }
Value str_rstrip(ThreadState& ts, Value* a, int n, ObjTuple* k) { return strip_impl(ts, a, n, false, true, "rstrip"); }

// center, ljust, rjust: widths count code points, and the fill is one
// code point.
Value pad_impl(ThreadState& ts, Value* args, int argc, const char* name, int where) {
  check_args(ts, name, argc - 1, 1, 2);
  const std::string& s = self_text(args);
  int64_t width = expect_int(ts, args[1], name);
  std::string_view fill = " ";
  if (argc == 3) {
    fill = arg_text(ts, args[2], name);
    if (utf8::count_code_points(fill) != 1)
      raise(ts, ts.rt.types.TypeError, "The fill character must be exactly one character long");
  }
  int64_t length = utf8::count_code_points(s);
  if (width <= length) return args[0];
  return make_str(stringlib::pad(s, length, width, fill, where));
}

Value str_ljust(ThreadState& ts, Value* a, int n, ObjTuple* k) { return pad_impl(ts, a, n, "ljust", -1); }
Value str_rjust(ThreadState& ts, Value* a, int n, ObjTuple* k) { return pad_impl(ts, a, n, "rjust", 1); }
Value str_center(ThreadState& ts, Value* a, int n, ObjTuple* k) { return pad_impl(ts, a, n, "center", 0); }

Value str_zfill(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "zfill", argc - 1, 1, 1);
  const std::string& s = self_text(args);
  int64_t width = expect_int(ts, args[1], "zfill");
  int64_t length = utf8::count_code_points(s);
  if (width <= length) return args[0];
  return make_str(stringlib::zfill(s, length, width));
}

// ---- Searching ---------------------------------------------------------------

// Resolves optional [start, end) arguments at args[first], args[first+1] as
// CPython's ADJUST_INDICES does: a negative index counts from the end and
// stops at 0, end stops at [size], but start is left past the end when it is
// there, so that an empty needle is found only at start <= size
// ('abc'.find('', 4) is -1). Callers compare end - start with the needle's
// length before slicing.
std::pair<int64_t, int64_t> search_range(ThreadState& ts, Value* args, int argc, int first, size_t size) {
  const auto n = static_cast<int64_t>(size);
  auto bound = [&](int i, int64_t dflt) {
    if (argc <= i || args[i].is_none()) return dflt;
    if (!args[i].is_intlike())
      raise(ts, ts.rt.types.TypeError, "slice indices must be integers or None or have an __index__ method");
    int64_t v = args[i].as_int();
    if (v < 0) v = std::max<int64_t>(0, v + n);
    return v;
  };
  return {bound(first, 0), std::min(bound(first + 1, n), n)};
}

// A [start, end) range of code points, as search_range resolved it, in
// bytes: a start past the end stays past it.
std::pair<int64_t, int64_t> byte_range(ObjStr* s, std::pair<int64_t, int64_t> range) {
  if (str_is_ascii(s)) return range;
  auto [b, e] = range;
  auto past_end = static_cast<int64_t>(s->text.size()) + 1;
  return {b > str_length(s) ? past_end : static_cast<int64_t>(str_offset(s, b)), static_cast<int64_t>(str_offset(s, e))};
}

// [start, end) arguments at args[2], args[3], in bytes.
std::pair<int64_t, int64_t> search_bytes(ThreadState& ts, Value* args, int argc) {
  auto* self = as<ObjStr>(args[0]);
  return byte_range(self, search_range(ts, args, argc, 2, static_cast<size_t>(str_length(self))));
}

int64_t find_impl(ThreadState& ts, Value* args, int argc, const char* name, bool from_right) {
  check_args(ts, name, argc - 1, 1, 3);
  const std::string& s = self_text(args);
  std::string_view sub = arg_text(ts, args[1], name);
  auto [b, e] = search_bytes(ts, args, argc);
  int64_t at = stringlib::find(s, sub, b, e, from_right);
  return at < 0 ? at : str_index_at(as<ObjStr>(args[0]), static_cast<size_t>(at));
}

Value str_find(ThreadState& ts, Value* a, int n, ObjTuple* k) { return Value::integer(find_impl(ts, a, n, "find", false)); }
Value str_rfind(ThreadState& ts, Value* a, int n, ObjTuple* k) { return Value::integer(find_impl(ts, a, n, "rfind", true)); }

Value str_index(ThreadState& ts, Value* a, int n, ObjTuple* k) {
  int64_t at = find_impl(ts, a, n, "index", false);
  if (at < 0) raise(ts, ts.rt.types.ValueError, "substring not found");
  return Value::integer(at);
}

Value str_rindex(ThreadState& ts, Value* a, int n, ObjTuple* k) {
  int64_t at = find_impl(ts, a, n, "rindex", true);
  if (at < 0) raise(ts, ts.rt.types.ValueError, "substring not found");
  return Value::integer(at);
}

Value str_count(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "count", argc - 1, 1, 3);
  const std::string& s = self_text(args);
  std::string_view sub = arg_text(ts, args[1], "count");
  auto* self = as<ObjStr>(args[0]);
  auto range = search_range(ts, args, argc, 2, static_cast<size_t>(str_length(self)));
  // The empty string occurs once per code point, and at the end.
  if (sub.empty()) return Value::integer(range.second < range.first ? 0 : range.second - range.first + 1);
  auto [b, e] = byte_range(self, range);
  return Value::integer(stringlib::count(s, sub, b, e));
}

// startswith/endswith: CPython's tailmatch. The affix must fit in
// [start, end) (so 'abc'.startswith('', 4) is False), then it is compared at
// start or at end - len(affix). In a tuple, the first match wins before any
// later item's type is checked.
Value affix_impl(ThreadState& ts, Value* args, int argc, const char* name, bool prefix) {
  check_args(ts, name, argc - 1, 1, 3);
  const std::string& s = self_text(args);
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const auto range = search_bytes(ts, args, argc);
  const int64_t b = range.first, e = range.second;
  auto matches = [&](std::string_view a) { return stringlib::tailmatch(s, a, b, e, prefix); };
  if (is_tuple(args[1])) {
    for (auto& v : as<ObjTuple>(args[1])->items) {
      if (!is_str(v))
        raise(ts, ts.rt.types.TypeError,
              std::string("tuple for ") + name + " must only contain str, not " + std::string(type_name(ts, v)));
      if (matches(as<ObjStr>(v)->text)) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  if (!is_str(args[1]))
    raise(ts, ts.rt.types.TypeError,
          std::string(name) + " first arg must be str or a tuple of str, not " + std::string(type_name(ts, args[1])));
  return Value::boolean(matches(as<ObjStr>(args[1])->text));
}

Value str_startswith(ThreadState& ts, Value* a, int n, ObjTuple* k) { return affix_impl(ts, a, n, "startswith", true); }
Value str_endswith(ThreadState& ts, Value* a, int n, ObjTuple* k) { return affix_impl(ts, a, n, "endswith", false); }

// ---- Splitting, joining, replacing -------------------------------------------

Value str_list(ThreadState& ts, const std::vector<std::string_view>& parts) {
  std::vector<Value> items;
  items.reserve(parts.size());
  for (auto p : parts) items.push_back(make_str(std::string(p)));
  return make_list(ts, std::move(items));
}

// split and rsplit (stringlib does the work, from the left or the right).
Value split_impl(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, const char* name, bool from_right) {
  const Value* slots[2];
  bind_arguments(ts, name, args + 1, argc - 1, kwnames, {"sep", "maxsplit"}, slots);
  const Value* sep = slots[0];
  int64_t maxsplit = slots[1] ? expect_int(ts, *slots[1], "maxsplit") : -1;
  const std::string& s = self_text(args);
  if (!sep || sep->is_none())
    return str_list(ts, from_right ? stringlib::rsplit_whitespace(s, maxsplit, space_at, true)
                                   : stringlib::split_whitespace(s, maxsplit, space_at));
  if (!is_str(*sep))
    raise(ts, ts.rt.types.TypeError, "must be str or None, not " + std::string(type_name(ts, *sep)));
  std::string_view d = as<ObjStr>(*sep)->text;
  if (d.empty()) raise(ts, ts.rt.types.ValueError, "empty separator");
  return str_list(ts, from_right ? stringlib::rsplit(s, d, maxsplit) : stringlib::split(s, d, maxsplit));
}

Value str_split(ThreadState& ts, Value* a, int n, ObjTuple* k) { return split_impl(ts, a, n, k, "split", false); }
Value str_rsplit(ThreadState& ts, Value* a, int n, ObjTuple* k) { return split_impl(ts, a, n, k, "rsplit", true); }

// splitlines: every Unicode line boundary (CPython's Py_UNICODE_ISLINEBREAK:
// \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029), "\r\n" as one.
Value str_splitlines(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* slots[1];
  bind_arguments(ts, "splitlines", args + 1, argc - 1, kwnames, {"keepends"}, slots);
  bool keepends = slots[0] && truthy(ts, *slots[0]);
  auto line_break = [](std::string_view t, size_t i) {
    if (utf8::is_continuation(t[i])) return size_t{0};
    utf8::Decoded d = utf8::decode(t, i);
    return utf8::is_line_break(d.cp) ? d.len : 0;
  };
  return str_list(ts, stringlib::splitlines(self_text(args), keepends, line_break));
}

Value partition_impl(ThreadState& ts, Value* args, int argc, const char* name, bool from_right) {
  check_args(ts, std::string("str.") + name, argc - 1, 1, 1);
  std::string_view sep = arg_text(ts, args[1], name);
  if (sep.empty()) raise(ts, ts.rt.types.ValueError, "empty separator");
  auto p = stringlib::partition(self_text(args), sep, from_right);
  return make_tuple(ts, {make_str(std::string(p.before)), make_str(std::string(p.sep)), make_str(std::string(p.after))});
}

Value str_partition(ThreadState& ts, Value* a, int n, ObjTuple* k) { return partition_impl(ts, a, n, "partition", false); }
Value str_rpartition(ThreadState& ts, Value* a, int n, ObjTuple* k) { return partition_impl(ts, a, n, "rpartition", true); }

Value remove_affix_impl(ThreadState& ts, Value* args, int argc, const char* name, bool prefix) {
  check_args(ts, std::string("str.") + name, argc - 1, 1, 1);
  if (!is_str(args[1]))
    raise(ts, ts.rt.types.TypeError,
          std::string(name) + "() argument must be str, not " + std::string(type_name(ts, args[1])));
  const std::string& s = self_text(args);
  std::string_view rest = stringlib::remove_affix(s, as<ObjStr>(args[1])->text, prefix);
  return rest.size() == s.size() ? args[0] : make_str(std::string(rest));
}

Value str_removeprefix(ThreadState& ts, Value* a, int n, ObjTuple* k) { return remove_affix_impl(ts, a, n, "removeprefix", true); }
Value str_removesuffix(ThreadState& ts, Value* a, int n, ObjTuple* k) { return remove_affix_impl(ts, a, n, "removesuffix", false); }

Value str_expandtabs(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* slots[1];
  bind_arguments(ts, "expandtabs", args + 1, argc - 1, kwnames, {"tabsize"}, slots);
  int64_t tabsize = slots[0] ? expect_int(ts, *slots[0], "tabsize") : 8;
  return make_str(stringlib::expandtabs(self_text(args), tabsize, true));
}

Value str_isascii(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.isascii", argc - 1, 0, 0);
  return Value::boolean(stringlib::isascii(self_text(args)));
}

Value str_isspace(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.isspace", argc - 1, 0, 0);
  const std::string& s = self_text(args);
  for (size_t i = 0; i < s.size();) {
    size_t len = space_at(s, i);
    if (!len) return Value::boolean(false);
    i += len;
  }
  return Value::boolean(!s.empty());
}

Value str_join(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "join", argc - 1, 1, 1);
  const std::string& sep = self_text(args);
  std::vector<Value> copied;
  const std::vector<Value>* source;
  if (is_list(args[1]))
    source = &as<ObjList>(args[1])->items;  // no copy: nothing below runs Python code
  else if (is_tuple(args[1]))
    source = &as<ObjTuple>(args[1])->items;
  else
    source = &(copied = collect(ts, args[1]));
  const std::vector<Value>& items = *source;
  size_t total = 0;
  for (auto& item : items)
    if (is_str(item)) total += as<ObjStr>(item)->text.size() + sep.size();
  std::string out;
  out.reserve(total);
  for (size_t i = 0; i < items.size(); ++i) {
    if (!is_str(items[i]))
      raise(ts, ts.rt.types.TypeError,
            "sequence item " + std::to_string(i) + ": expected str instance, " + std::string(type_name(ts, items[i])) +
                " found");
    if (i) out += sep;
    out += as<ObjStr>(items[i])->text;
  }
  return make_str(std::move(out));
}

// ---- Translating ---------------------------------------------------------------

// str.maketrans(x[, y[, z]]), a static method (args[0] is the class or an
// instance, unused): a dict from code points to code points, strings or None.
Value str_maketrans(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "maketrans", kwnames);
  check_args(ts, "maketrans", argc - 1, 1, 3);
  Value result = make<ObjDict>(ts);
  ObjDict* d = as<ObjDict>(result);
  if (argc == 2) {
    if (!is_dict(args[1]))
      raise(ts, ts.rt.types.TypeError, "if you give only one argument to maketrans it must be a dict");
    for (auto& e : as<ObjDict>(args[1])->entries) {
      if (e.key.is_empty()) continue;
      if (is_str(e.key)) {
        const std::string& k = as<ObjStr>(e.key)->text;
        if (utf8::count_code_points(k) != 1)
          raise(ts, ts.rt.types.ValueError, "string keys in translate table must be of length 1");
        dict_set(ts, d, Value::integer(utf8::decode(k, 0).cp), e.value);
      } else if (e.key.is_intlike() || is_long(e.key)) {
        dict_set(ts, d, e.key, e.value);
      } else {
        raise(ts, ts.rt.types.TypeError, "keys in translate table must be strings or integers");
      }
    }
    return result;
  }
  if (!is_str(args[1]))
    raise(ts, ts.rt.types.TypeError, "first maketrans argument must be a string if there is a second argument");
  for (int i = 2; i < argc; ++i)
    if (!is_str(args[i]))
      raise(ts, ts.rt.types.TypeError,
            "maketrans() argument " + std::to_string(i) + " must be str, not " + std::string(type_name(ts, args[i])));
  std::string_view from = as<ObjStr>(args[1])->text, to = as<ObjStr>(args[2])->text;
  if (utf8::count_code_points(from) != utf8::count_code_points(to))
    raise(ts, ts.rt.types.ValueError, "the first two maketrans arguments must have equal length");
  for (size_t i = 0, j = 0; i < from.size();) {
    utf8::Decoded a = utf8::decode(from, i), b = utf8::decode(to, j);
    dict_set(ts, d, Value::integer(a.cp), Value::integer(b.cp));
    i += a.len;
    j += b.len;
  }
  if (argc == 4) {
    std::string_view gone = as<ObjStr>(args[3])->text;
    for (size_t i = 0; i < gone.size();) {
      utf8::Decoded c = utf8::decode(gone, i);
      dict_set(ts, d, Value::integer(c.cp), Value::none());
      i += c.len;
    }
  }
  return result;
}

// str.translate(table): each code point c becomes table[c] (a code point, a
// str, or nothing for None); a LookupError from the table keeps c.
Value str_translate(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.translate", argc - 1, 1, 1);
  const std::string& s = self_text(args);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    utf8::Decoded c = utf8::decode(s, i);
    Value mapped;
    try {
      mapped = get_item(ts, args[1], Value::integer(c.cp));
    } catch (PyException& e) {
      if (!as<ObjException>(e.exception)->type->is_subtype_of(ts.rt.types.LookupError)) throw;
      out.append(s, i, c.len);
      i += c.len;
      continue;
    }
    i += c.len;
    if (mapped.is_none()) continue;
    if (is_str(mapped)) {
      out += as<ObjStr>(mapped)->text;
    } else if (mapped.is_intlike() || is_long(mapped)) {
      if (!mapped.is_intlike() || mapped.as_int() < 0 || mapped.as_int() > 0x10FFFF)
        raise(ts, ts.rt.types.ValueError, "character mapping must be in range(0x110000)");
      utf8::append(out, static_cast<char32_t>(mapped.as_int()));
    } else {
      raise(ts, ts.rt.types.TypeError, "character mapping must return integer, None or str");
    }
  }
  return make_str(std::move(out));
}

Value str_replace(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "replace", argc - 1, 2, 3);
  std::string_view from = arg_text(ts, args[1], "replace");
  std::string_view to = arg_text(ts, args[2], "replace");
  int64_t count = argc == 4 ? expect_int(ts, args[3], "count") : -1;
  return make_str(stringlib::replace(self_text(args), from, to, count, char_len));
}

// ---- Encoding -------------------------------------------------------------------

Value str_encode(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* slots[2];
  bind_arguments(ts, "encode", args + 1, argc - 1, kwnames, {"encoding", "errors"}, slots);
  std::string_view names[] = {"encoding", "errors"};
  std::string_view values[] = {"utf-8", "strict"};
  for (int i = 0; i < 2; ++i) {
    if (!slots[i]) continue;
    if (!is_str(*slots[i])) raise_bad_argument(ts, "encode", names[i], "str", *slots[i]);
    values[i] = as<ObjStr>(*slots[i])->text;
  }
  return encode_text(ts, self_text(args), values[0], values[1]);
}

// ---- str.format ---------------------------------------------------------------

Value format_argument(ThreadState& ts, const format::TemplatePiece& piece, Value* args, int argc,
                      ObjTuple* kwnames) {
  if (piece.is_index) {
    if (piece.index >= argc - 1)
      raise(ts, ts.rt.types.IndexError,
            "Replacement index " + std::to_string(piece.index) + " out of range for positional args tuple");
    return args[1 + piece.index];
  }
  Value* v = find_keyword(args, argc, kwnames, piece.name);
  if (!v) {
    Value exc = new_exception(ts, ts.rt.types.KeyError, "");
    as<ObjException>(exc)->args = make_tuple(ts, {make_str(piece.name)});
    raise_value(std::move(exc));
  }
  return *v;
}

std::string expand_template(ThreadState& ts, const std::vector<format::TemplatePiece>& pieces, Value* args,
                            int argc, ObjTuple* kwnames) {
  std::string out;
  for (auto& piece : pieces) {
    out += piece.literal;
    if (!piece.has_field) continue;
    Value v = format_argument(ts, piece, args, argc, kwnames);
    for (auto& accessor : format::parse_field_accessors(piece.accessors)) {
      if (accessor.is_attribute)
        v = get_attr(ts, v, ts.rt.intern(accessor.name));
      else
        v = get_item(ts, v, accessor.index >= 0 ? Value::integer(accessor.index) : make_str(accessor.name));
    }
    format::validate_conversion(piece.conversion);
    if (piece.conversion == 'r') v = make_str(repr(ts, v));
    if (piece.conversion == 'a') v = make_str(ascii(ts, v));
    if (piece.conversion == 's') v = make_str(str(ts, v));
    std::string spec = piece.spec_needs_expanding ? expand_template(ts, piece.spec_pieces, args, argc, kwnames) : piece.spec;
    out += format_value(ts, v, spec);
  }
  return out;
}

Value str_format(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  try {
    auto pieces = format::parse_format_template(self_text(args));
    return make_str(expand_template(ts, pieces, args, argc, kwnames));
  } catch (const format::FormatError& e) {
    raise_format_error(ts, e);
  }
}

}  // namespace

void install_str_methods(Runtime& rt) {
  ObjType* t = rt.types.str;
  struct Entry {
    const char* name;
    NativeFn fn;
    // The keywords it accepts (parse_keywords); none when empty.
    const char* keywords = "";
  };
  static const Entry entries[] = {
      {"upper", str_upper},         {"lower", str_lower},           {"capitalize", str_capitalize},
      {"title", str_title},         {"casefold", str_casefold},     {"swapcase", str_swapcase},
      {"isdigit", str_is<unicode::is_digit>}, {"isalpha", str_is<unicode::is_alpha>},
      {"isalnum", str_is<is_alnum>}, {"isdecimal", str_is<unicode::is_decimal>},
      {"isnumeric", str_is<unicode::is_numeric>}, {"isspace", str_isspace},
      {"isupper", str_is_case<unicode::is_upper, unicode::is_lower>},
      {"islower", str_is_case<unicode::is_lower, unicode::is_upper>}, {"istitle", str_istitle},
      {"isidentifier", str_isidentifier}, {"isprintable", str_isprintable},
      {"strip", str_strip},           {"lstrip", str_lstrip},
      {"rstrip", str_rstrip},       {"ljust", str_ljust},           {"rjust", str_rjust},
      {"center", str_center},       {"zfill", str_zfill},           {"find", str_find},
      {"rfind", str_rfind},         {"index", str_index},           {"rindex", str_rindex},
      {"count", str_count},         {"startswith", str_startswith}, {"endswith", str_endswith},
      {"split", str_split, "sep maxsplit"}, {"splitlines", str_splitlines, "keepends"},
      {"join", str_join},           {"replace", str_replace},        {"format", str_format, "*"},
      {"encode", str_encode, "encoding errors"},
      {"rsplit", str_rsplit, "sep maxsplit"}, {"partition", str_partition}, {"rpartition", str_rpartition},
      {"removeprefix", str_removeprefix}, {"removesuffix", str_removesuffix},
      {"expandtabs", str_expandtabs, "tabsize"}, {"isascii", str_isascii},
      {"maketrans", str_maketrans}, {"translate", str_translate},
  };
  for (auto& e : entries) add_method(rt, t, e.name, e.fn, e.keywords);
  as<ObjNative>(*t->own(rt.intern("maketrans")))->class_method = true;
}

}  // namespace gil
