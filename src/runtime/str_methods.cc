// The methods of str.
#include <algorithm>
#include <cctype>

#include "gil/runtime/builtins.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/format.h"
#include "gil/runtime/ops.h"

namespace gil {
namespace {

const std::string& self_text(Value* args) { return as<ObjStr>(args[0])->text; }

std::string_view arg_text(ThreadState& ts, const Value& v, const char* method) {
  if (!is_str(v))
    raise(ts, ts.rt.types.TypeError,
          std::string("must be str, not ") + std::string(type_name(ts, v)));
  return as<ObjStr>(v)->text;
}

// The ASCII characters for which str.isspace() is true: what split() splits
// on and strip() strips by default. (CPython also counts non-ASCII spaces,
// such as U+00A0 and U+2028, which MiniPy does not.)
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f'); }
int space_pred(int c) { return is_space(static_cast<char>(c)) ? 1 : 0; }

// ---- Case and shape --------------------------------------------------------

Value str_upper(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.upper", argc - 1, 0, 0);
  std::string s = self_text(args);
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return make_str(std::move(s));
}

Value str_lower(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.lower", argc - 1, 0, 0);
  std::string s = self_text(args);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return make_str(std::move(s));
}

Value str_capitalize(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.capitalize", argc - 1, 0, 0);
  std::string s = self_text(args);
  for (size_t i = 0; i < s.size(); ++i)
    s[i] = static_cast<char>(i == 0 ? std::toupper(static_cast<unsigned char>(s[i])) : std::tolower(static_cast<unsigned char>(s[i])));
  return make_str(std::move(s));
}

Value str_title(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "str.title", argc - 1, 0, 0);
  std::string s = self_text(args);
  bool prev_cased = false;
  for (char& c : s) {
    auto u = static_cast<unsigned char>(c);
    c = static_cast<char>(prev_cased ? std::tolower(u) : std::toupper(u));
    prev_cased = std::isalpha(u) != 0;
  }
  return make_str(std::move(s));
}

template <int (*Pred)(int)>
Value str_is(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  const std::string& s = self_text(args);
  bool ok = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return Pred(static_cast<unsigned char>(c)) != 0; });
  return Value::boolean(ok);
}

Value str_isupper(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  const std::string& s = self_text(args);
  bool cased = false;
  for (char c : s) {
    if (std::islower(static_cast<unsigned char>(c))) return Value::boolean(false);
    cased |= std::isupper(static_cast<unsigned char>(c)) != 0;
  }
  return Value::boolean(cased);
}

Value str_islower(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  const std::string& s = self_text(args);
  bool cased = false;
  for (char c : s) {
    if (std::isupper(static_cast<unsigned char>(c))) return Value::boolean(false);
    cased |= std::islower(static_cast<unsigned char>(c)) != 0;
  }
  return Value::boolean(cased);
}

// ---- Stripping and padding --------------------------------------------------

Value strip_impl(ThreadState& ts, Value* args, int argc, bool left, bool right, const char* name) {
  check_args(ts, name, argc - 1, 0, 1);
  const std::string& s = self_text(args);
  bool default_chars = argc < 2 || args[1].is_none();
  std::string_view chars = default_chars ? std::string_view() : arg_text(ts, args[1], name);
  auto strip_char = [&](char c) { return default_chars ? is_space(c) : chars.find(c) != std::string_view::npos; };
  size_t b = 0, e = s.size();
  if (left)
    while (b < e && strip_char(s[b])) ++b;
  if (right)
    while (e > b && strip_char(s[e - 1])) --e;
  return make_str(s.substr(b, e - b));
}

Value str_strip(ThreadState& ts, Value* a, int n, ObjTuple* k) { return strip_impl(ts, a, n, true, true, "strip"); }
Value str_lstrip(ThreadState& ts, Value* a, int n, ObjTuple* k) { return strip_impl(ts, a, n, true, false, "lstrip"); }
Value str_rstrip(ThreadState& ts, Value* a, int n, ObjTuple* k) { return strip_impl(ts, a, n, false, true, "rstrip"); }

Value pad_impl(ThreadState& ts, Value* args, int argc, const char* name, int where) {
  check_args(ts, name, argc - 1, 1, 2);
  const std::string& s = self_text(args);
  int64_t width = expect_int(ts, args[1], name);
  char fill = ' ';
  if (argc == 3) {
    std::string_view f = arg_text(ts, args[2], name);
    if (f.size() != 1)
      raise(ts, ts.rt.types.TypeError, "The fill character must be exactly one character long");
    fill = f[0];
  }
  if (width <= static_cast<int64_t>(s.size())) return args[0];
  size_t pad = static_cast<size_t>(width) - s.size();
  size_t left = where < 0 ? 0 : where > 0 ? pad : (pad / 2 + (pad & static_cast<size_t>(width) & 1));
  return make_str(std::string(left, fill) + s + std::string(pad - left, fill));
}

Value str_ljust(ThreadState& ts, Value* a, int n, ObjTuple* k) { return pad_impl(ts, a, n, "ljust", -1); }
Value str_rjust(ThreadState& ts, Value* a, int n, ObjTuple* k) { return pad_impl(ts, a, n, "rjust", 1); }
Value str_center(ThreadState& ts, Value* a, int n, ObjTuple* k) { return pad_impl(ts, a, n, "center", 0); }

Value str_zfill(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "zfill", argc - 1, 1, 1);
  std::string s = self_text(args);
  int64_t width = expect_int(ts, args[1], "zfill");
  if (width <= static_cast<int64_t>(s.size())) return args[0];
  size_t sign = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  s.insert(sign, static_cast<size_t>(width) - s.size(), '0');
  return make_str(std::move(s));
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

int64_t find_impl(ThreadState& ts, Value* args, int argc, const char* name, bool from_right) {
  check_args(ts, name, argc - 1, 1, 3);
  const std::string& s = self_text(args);
  std::string_view sub = arg_text(ts, args[1], name);
  auto [b, e] = search_range(ts, args, argc, 2, s.size());
  if (e - b < static_cast<int64_t>(sub.size())) return -1;
  std::string_view window(s.data() + b, static_cast<size_t>(e - b));
  size_t at = from_right ? window.rfind(sub) : window.find(sub);
  return at == std::string_view::npos ? -1 : static_cast<int64_t>(at) + b;
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
  auto [b, e] = search_range(ts, args, argc, 2, s.size());
  if (e - b < static_cast<int64_t>(sub.size())) return Value::integer(0);
  std::string_view window(s.data() + b, static_cast<size_t>(e - b));
  if (sub.empty()) return Value::integer(static_cast<int64_t>(window.size() + 1));
  int64_t count = 0;
  for (size_t at = window.find(sub); at != std::string_view::npos; at = window.find(sub, at + sub.size())) ++count;
  return Value::integer(count);
}

// startswith/endswith: CPython's tailmatch. The affix must fit in
// [start, end) (so 'abc'.startswith('', 4) is False), then it is compared at
// start or at end - len(affix). In a tuple, the first match wins before any
// later item's type is checked.
Value affix_impl(ThreadState& ts, Value* args, int argc, const char* name, bool prefix) {
  check_args(ts, name, argc - 1, 1, 3);
  const std::string& s = self_text(args);
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const auto range = search_range(ts, args, argc, 2, s.size());
  const int64_t b = range.first, e = range.second;
  auto matches = [&](std::string_view a) {
    auto len = static_cast<int64_t>(a.size());
    if (e - b < len) return false;
    return std::string_view(s).substr(static_cast<size_t>(prefix ? b : e - len), a.size()) == a;
  };
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

// str.split() without a separator: CPython's split_whitespace. Runs of
// whitespace separate the parts and none are empty; once [maxsplit] splits
// are made (maxsplit >= 0), the rest of the string is the last part, with its
// leading whitespace skipped and its trailing whitespace kept
// ('  a b  '.split(None, 1) == ['a', 'b  ']).
std::vector<Value> split_whitespace(const std::string& s, int64_t maxsplit) {
  std::vector<Value> parts;
  size_t i = 0, n = s.size();
  while (true) {
    while (i < n && is_space(s[i])) ++i;
    if (i >= n) break;
    if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
      parts.push_back(make_str(s.substr(i)));
      break;
    }
    size_t j = i;
    while (j < n && !is_space(s[j])) ++j;
    parts.push_back(make_str(s.substr(i, j - i)));
    i = j;
  }
  return parts;
}

Value str_split(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* slots[2];
  bind_arguments(ts, "split", args + 1, argc - 1, kwnames, {"sep", "maxsplit"}, slots);
  const Value* sep = slots[0];
  int64_t maxsplit = slots[1] ? expect_int(ts, *slots[1], "maxsplit") : -1;
  const std::string& s = self_text(args);
  if (!sep || sep->is_none()) return make_list(ts, split_whitespace(s, maxsplit));
  std::string_view d = arg_text(ts, *sep, "split");
  if (d.empty()) raise(ts, ts.rt.types.ValueError, "empty separator");
  std::vector<Value> parts;
  size_t start = 0;
  for (size_t at = s.find(d); at != std::string::npos; at = s.find(d, start)) {
    if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) break;
    parts.push_back(make_str(s.substr(start, at - start)));
    start = at + d.size();
  }
  parts.push_back(make_str(s.substr(start)));
  return make_list(ts, std::move(parts));
}

Value str_splitlines(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* slots[1];
  bind_arguments(ts, "splitlines", args + 1, argc - 1, kwnames, {"keepends"}, slots);
  bool keepends = slots[0] && truthy(ts, *slots[0]);
  const std::string& s = self_text(args);
  std::vector<Value> parts;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') {
      size_t end = i;
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      parts.push_back(make_str(s.substr(start, (keepends ? i + 1 : end) - start)));
      start = i + 1;
    }
  }
  if (start < s.size()) parts.push_back(make_str(s.substr(start)));
  return make_list(ts, std::move(parts));
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

Value str_replace(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_args(ts, "replace", argc - 1, 2, 3);
  const std::string& s = self_text(args);
  std::string_view from = arg_text(ts, args[1], "replace");
  std::string_view to = arg_text(ts, args[2], "replace");
  int64_t count = argc == 4 ? expect_int(ts, args[3], "count") : -1;
  std::string out;
  if (from.empty()) {
    for (size_t i = 0; i <= s.size(); ++i) {
      if (count < 0 || static_cast<int64_t>(i) < count) out += to;
      if (i < s.size()) out += s[i];
    }
    return make_str(std::move(out));
  }
  size_t start = 0;
  int64_t done = 0;
  for (size_t at = s.find(from); at != std::string::npos && (count < 0 || done < count); at = s.find(from, start)) {
    out.append(s, start, at - start);
    out += to;
    start = at + from.size();
    ++done;
  }
  out.append(s, start, std::string::npos);
  return make_str(std::move(out));
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
    if (piece.conversion == 'r' || piece.conversion == 'a') v = make_str(repr(ts, v));
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
      {"title", str_title},         {"isdigit", str_is<std::isdigit>}, {"isalpha", str_is<std::isalpha>},
      {"isalnum", str_is<std::isalnum>}, {"isspace", str_is<space_pred>}, {"isupper", str_isupper},
      {"islower", str_islower},     {"strip", str_strip},           {"lstrip", str_lstrip},
      {"rstrip", str_rstrip},       {"ljust", str_ljust},           {"rjust", str_rjust},
      {"center", str_center},       {"zfill", str_zfill},           {"find", str_find},
      {"rfind", str_rfind},         {"index", str_index},           {"rindex", str_rindex},
      {"count", str_count},         {"startswith", str_startswith}, {"endswith", str_endswith},
      {"split", str_split, "sep maxsplit"}, {"splitlines", str_splitlines, "keepends"},
      {"join", str_join},           {"replace", str_replace},        {"format", str_format, "*"},
      {"encode", str_encode, "encoding errors"},
  };
  for (auto& e : entries) add_method(rt, t, e.name, e.fn, e.keywords);
}

}  // namespace gil
