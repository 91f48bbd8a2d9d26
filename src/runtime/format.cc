// Python-compatible formatting and parsing of numbers and strings; see
// gil/format.h. The algorithms follow CPython 3.11: Objects/floatobject.c
// (round, divmod), Python/pystrtod.c (format_float_short),
// Python/formatter_unicode.c (the format-spec mini-language),
// Objects/stringlib/unicode_format.h (str.format templates) and
// Objects/longobject.c (int()). Digit generation uses std::to_chars, whose
// shortest and fixed-precision modes are correctly rounded like dtoa's.
#include "gil/runtime/format.h"

#include "gil/runtime/utf8.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <limits>

namespace gil::format {
namespace {

[[noreturn]] void fail(const std::string& message,
                       FormatError::Kind kind = FormatError::Kind::kValueError) {
  throw FormatError(message, kind);
}

// ---------------------------------------------------------------------------
// Unicode helpers.

using utf8::Decoded;

Decoded decode_lenient(std::string_view s, size_t i) { return utf8::decode(s, i); }
void append_utf8(std::string& out, char32_t cp) { utf8::append(out, cp); }
int64_t count_code_points(std::string_view s) { return utf8::count_code_points(s); }

// The code points whose decimal value is 0 (Unicode 14.0, as in CPython
// 3.11); each starts a run of ten consecutive decimal digits 0-9.
constexpr std::array<char32_t, 66> kDigitZeros = {
    0x30,    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,
    0xB66,   0xBE6,   0xC66,   0xCE6,   0xD66,   0xDE6,   0xE50,   0xED0,
    0xF20,   0x1040,  0x1090,  0x17E0,  0x1810,  0x1946,  0x19D0,  0x1A80,
    0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,  0xA900,
    0xA9D0,  0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0,
    0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0,
    0x1E950, 0x1FBF0};

// Py_UNICODE_TODECIMAL: the decimal digit value of [cp], or -1.
int decimal_value(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') ? static_cast<int>(cp - '0') : -1;
  auto it = std::upper_bound(kDigitZeros.begin(), kDigitZeros.end(), cp);
  if (it == kDigitZeros.begin()) return -1;
  char32_t zero = *(it - 1);
  return cp - zero < 10 ? static_cast<int>(cp - zero) : -1;
}

// Py_UNICODE_ISSPACE for code points above ASCII.
bool is_unicode_space(char32_t cp) { return cp >= 0x80 && utf8::is_space(cp); }

// Py_ISSPACE: the ASCII whitespace int() and float() strip.
bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

bool has_non_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// _PyUnicode_TransformDecimalAndSpaceToASCII for text with non-ASCII bytes:
// Unicode whitespace becomes ' ' and Unicode decimal digits become ASCII
// digits. Returns false when some other non-ASCII code point (or malformed
// UTF-8) makes the text invalid for int() and float() anyway.
bool transform_to_ascii(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x7F) {
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    Decoded d = decode_lenient(s, i);
    if (d.len == 1 && b >= 0x80) return false;  // Malformed UTF-8.
    if (is_unicode_space(d.cp)) {
      out += ' ';
    } else {
      int v = decimal_value(d.cp);
      if (v < 0) return false;
      out += static_cast<char>('0' + v);
    }
    i += d.len;
  }
  return true;
}

// A presentation type or conversion code point as CPython's messages show
// it: the character itself when printable ASCII, else "\x" and its hex code.
std::string code_text(char32_t c, char32_t printable_limit = 128) {
  if (c > 32 && c < printable_limit) return std::string(1, static_cast<char>(c));
  char buf[16];
  auto r = std::to_chars(buf, buf + sizeof buf, static_cast<uint32_t>(c), 16);
  return "\\x" + std::string(buf, r.ptr);
}

[[noreturn]] void unknown_presentation_type(char32_t type,
                                            std::string_view type_name) {
  fail("Unknown format code '" + code_text(type) + "' for object of type '" +
       std::string(type_name) + "'");
}

// get_integer of formatter_unicode.c: reads decimal digits (any Unicode
// decimal digit) at [pos] into [result]; returns how many were read.
int64_t read_integer(std::string_view s, size_t& pos, int64_t& result) {
  int64_t acc = 0;
  int64_t count = 0;
  while (pos < s.size()) {
    Decoded d = decode_lenient(s, pos);
    int v = decimal_value(d.cp);
    if (v < 0) break;
    if (acc > (INT64_MAX - v) / 10) fail("Too many decimal digits in format string");
    acc = acc * 10 + v;
    pos += d.len;
    ++count;
  }
  result = acc;
  return count;
}

// get_integer of unicode_format.h: the value of an all-digits field name or
// item key, or -1 when it is empty or has a non-digit.
int64_t field_integer(std::string_view s) {
  if (s.empty()) return -1;
  int64_t acc = 0;
  for (size_t i = 0; i < s.size();) {
    Decoded d = decode_lenient(s, i);
    int v = decimal_value(d.cp);
    if (v < 0) return -1;
    if (acc > (INT64_MAX - v) / 10) fail("Too many decimal digits in format string");
    acc = acc * 10 + v;
    i += d.len;
  }
  return acc;
}

// The part of parse_internal_render_format_spec that checks the grouping
// option against the presentation type ([type], with the default applied).
void check_grouping(char grouping, char32_t type) {
  if (grouping == '\0') return;
  switch (type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%':
    case 'F': case 0:
      return;
    case 'b': case 'o': case 'x': case 'X':
      if (grouping == '_') return;
      break;
    default:
      break;
  }
  fail(std::string("Cannot specify '") + grouping + "' with '" + code_text(type) +
       "'.");
}

// ---------------------------------------------------------------------------
// Laying out a number: calc_number_widths and fill_number.

std::string fill_text(const FormatSpec& spec) {
  std::string s;
  append_utf8(s, spec.fill);
  return s;
}

void append_repeated(std::string& out, const std::string& unit, int64_t count) {
  if (count <= 0) return;
  if (unit.size() == 1) {
    out.append(static_cast<size_t>(count), unit[0]);
  } else {
    for (int64_t i = 0; i < count; ++i) out += unit;
  }
}

// _PyUnicode_InsertThousandsGrouping: appends [digits] grouped by [group]
// with [sep] (no grouping when sep is '\0'), left-padded with zeros, and
// separators between them, to at least [min_width] characters.
void append_grouped(std::string& out, std::string_view digits, int64_t min_width,
                    char sep, int64_t group) {
  min_width = std::max<int64_t>(0, min_width);
  int64_t remaining = static_cast<int64_t>(digits.size());
  if (sep == '\0') {
    int64_t len = std::max<int64_t>({remaining, min_width, 1});
    out.append(static_cast<size_t>(len - remaining), '0');
    out.append(digits);
    return;
  }
  // Build right to left, then reverse.
  std::string rev;
  size_t pos = digits.size();
  bool use_sep = false;
  for (;;) {
    int64_t len = std::min(group, std::max<int64_t>({remaining, min_width, 1}));
    int64_t zeros = std::max<int64_t>(0, len - remaining);
    int64_t chars = std::max<int64_t>(0, std::min(remaining, len));
    if (use_sep) rev += sep;
    for (int64_t k = 0; k < chars; ++k) rev += digits[--pos];
    rev.append(static_cast<size_t>(zeros), '0');
    use_sep = true;
    remaining -= chars;
    min_width -= len;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
  }
  out.append(rev.rbegin(), rev.rend());
}

// The parts of a formatted number: an optional '-' sign, a prefix ("0x"),
// the integer digits (grouped and zero-padded) and a remainder copied as is
// (decimal point, fraction, exponent, '%', or the character of 'c').
struct NumberParts {
  bool negative = false;
  std::string_view prefix;
  std::string_view digits;
  std::string_view remainder;
};

std::string layout_number(const NumberParts& p, const FormatSpec& spec, char sep,
                          int64_t group) {
  char align = spec.align ? spec.align : (spec.zero_padding ? '=' : '>');
  char sign = '\0';
  switch (spec.sign) {
    case '+':
      sign = p.negative ? '-' : '+';
      break;
    case ' ':
      sign = p.negative ? '-' : ' ';
      break;
    default:
      if (p.negative) sign = '-';
  }
  int64_t n_non_digit = (sign ? 1 : 0) + static_cast<int64_t>(p.prefix.size()) +
                        count_code_points(p.remainder);
  int64_t min_width =
      (spec.fill == U'0' && align == '=') ? spec.width - n_non_digit : 0;
  std::string grouped;
  if (!p.digits.empty()) append_grouped(grouped, p.digits, min_width, sep, group);
  int64_t n_padding =
      spec.width - (n_non_digit + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (align) {
      case '<':
        rpad = n_padding;
        break;
      case '^':
        lpad = n_padding / 2;
        rpad = n_padding - lpad;
        break;
      case '=':
        spad = n_padding;
        break;
      default:
        lpad = n_padding;
        break;
    }
  }
  std::string fill = (lpad || spad || rpad) ? fill_text(spec) : std::string();
  std::string out;
  out.reserve(grouped.size() + p.remainder.size() + p.prefix.size() + 1 +
              static_cast<size_t>(std::max<int64_t>(0, n_padding)) * fill.size());
  append_repeated(out, fill, lpad);
  if (sign) out += sign;
  out.append(p.prefix);
  append_repeated(out, fill, spad);
  out += grouped;
  out.append(p.remainder);
  append_repeated(out, fill, rpad);
  return out;
}

// ---------------------------------------------------------------------------
// Digit generation (_Py_dg_dtoa's modes 0, 2 and 3 via std::to_chars).

// The decimal digits of |x| (no leading or trailing zeros, except "0" for
// zero), with the decimal point after [decpt] digits: |x| ~ 0.DIGITS * 10**decpt.
struct DigitString {
  std::string digits;
  int64_t decpt = 0;
  bool negative = false;
};

// Parses to_chars' scientific output "d[.ddd]e[+-]XX" of a non-negative value.
void read_scientific(const char* p, const char* end, DigitString& d) {
  d.digits.clear();
  while (p < end && *p != 'e') {
    if (*p != '.') d.digits += *p;
    ++p;
  }
  ++p;  // 'e'
  bool neg = *p == '-';
  ++p;
  int64_t e = 0;
  while (p < end) e = e * 10 + (*p++ - '0');
  d.decpt = (neg ? -e : e) + 1;
}

void strip_trailing_zeros(std::string& s) {
  size_t n = s.size();
  while (n > 0 && s[n - 1] == '0') --n;
  s.resize(n);
}

// mode 0: shortest round-trip digits; mode 2: [ndigits] (>= 1) significant
// digits; mode 3: [ndigits] (>= 0) digits after the decimal point. Trailing
// zeros are removed; mode 3 gives no digits and decpt = -ndigits when the
// value rounds to zero. [x] is finite.
DigitString get_digits(double x, int mode, int64_t ndigits) {
  DigitString d;
  d.negative = std::signbit(x);
  double ax = std::fabs(x);
  if (ax == 0) {
    d.digits.assign(1, '0');
    d.decpt = 1;
    return d;
  }
  // A double's exact decimal expansion has at most 767 significant digits
  // and 1074 fractional ones, so larger precisions only add zeros.
  char buf[1600];
  if (mode == 0) {
    auto r = std::to_chars(buf, buf + sizeof buf, ax, std::chars_format::scientific);
    read_scientific(buf, r.ptr, d);
  } else if (mode == 2) {
    int precision = static_cast<int>(std::min<int64_t>(ndigits - 1, 800));
    auto r = std::to_chars(buf, buf + sizeof buf, ax, std::chars_format::scientific,
                           precision);
    read_scientific(buf, r.ptr, d);
    strip_trailing_zeros(d.digits);
  } else {
    int precision = static_cast<int>(std::min<int64_t>(ndigits, 1100));
    auto r = std::to_chars(buf, buf + sizeof buf, ax, std::chars_format::fixed,
                           precision);
    const char* p = buf;
    int64_t int_digits = 0;
    bool seen_point = false;
    bool leading = true;
    for (; p < r.ptr; ++p) {
      if (*p == '.') {
        seen_point = true;
        continue;
      }
      if (!seen_point) ++int_digits;
      if (leading && *p == '0') {
        // A leading zero is not a digit; one after the point moves decpt left.
        --int_digits;
        continue;
      }
      leading = false;
      d.digits += *p;
    }
    if (d.digits.empty()) {
      d.decpt = -ndigits;
      return d;
    }
    d.decpt = int_digits;
    strip_trailing_zeros(d.digits);
  }
  return d;
}

// format_float_short of pystrtod.c, with [code] one of 'e', 'f', 'g', 'r'.
std::string format_float_short(double x, char code, int mode, int64_t precision,
                               bool add_dot_0, bool alt, bool no_neg_0, bool upper) {
  if (std::isnan(x)) return upper ? "NAN" : "nan";
  if (std::isinf(x)) {
    if (x < 0) return upper ? "-INF" : "-inf";
    return upper ? "INF" : "inf";
  }
  DigitString d = get_digits(x, mode, precision);
  bool sign = d.negative;
  if (no_neg_0 && sign && (d.digits.empty() || d.digits == "0")) sign = false;
  const std::string& digits = d.digits;
  int64_t digits_len = static_cast<int64_t>(digits.size());
  int64_t decpt = d.decpt;
  int64_t vdigits_end = digits_len;
  bool use_exp = false;
  int64_t exp = 0;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    default:  // 'r'
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) {
    vdigits_end = std::max(vdigits_end, decpt + 1);
  } else {
    vdigits_end = std::max(vdigits_end, decpt);
  }

  std::string out;
  out.reserve(static_cast<size_t>(vdigits_end - vdigits_start) + 8);
  if (sign) out += '-';
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigits_start), '0');
    out += '.';
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(digits, 0, static_cast<size_t>(decpt));
    out += '.';
    out.append(digits, static_cast<size_t>(decpt));
  } else {
    out += digits;
  }
  if (digits_len < decpt) {
    out.append(static_cast<size_t>(decpt - digits_len), '0');
    out += '.';
    out.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<size_t>(std::max<int64_t>(0, vdigits_end - digits_len)), '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    out += upper ? 'E' : 'e';
    out += exp < 0 ? '-' : '+';
    int64_t ae = exp < 0 ? -exp : exp;
    if (ae < 10) out += '0';
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, ae);
    out.append(buf, r.ptr);
  }
  return out;
}

// PyOS_double_to_string with [code] one of 'e' 'E' 'f' 'F' 'g' 'G' 'r'.
std::string double_to_string(double x, char code, int64_t precision, bool add_dot_0,
                             bool alt, bool no_neg_0) {
  bool upper = false;
  int mode = 0;
  switch (code) {
    case 'E':
      upper = true;
      code = 'e';
      [[fallthrough]];
    case 'e':
      mode = 2;
      precision++;
      break;
    case 'F':
      upper = true;
      code = 'f';
      [[fallthrough]];
    case 'f':
      mode = 3;
      break;
    case 'G':
      upper = true;
      code = 'g';
      [[fallthrough]];
    case 'g':
      mode = 2;
      if (precision == 0) precision = 1;
      break;
    default:  // 'r'
      mode = 0;
      break;
  }
  return format_float_short(x, code, mode, precision, add_dot_0, alt, no_neg_0, upper);
}

// format_float_internal of formatter_unicode.c; [type] is the presentation
// type, 0 for none.
std::string format_float_internal(double x, const FormatSpec& spec, char32_t type) {
  if (spec.precision > INT_MAX) fail("precision too big");
  int64_t precision = spec.precision;
  int64_t default_precision = 6;
  bool add_dot_0 = false;
  char code;
  if (type == 0) {
    add_dot_0 = true;
    code = 'r';
    default_precision = 0;
  } else if (type == 'n') {
    code = 'g';
  } else {
    code = static_cast<char>(type);
  }
  bool add_pct = false;
  if (code == '%') {
    code = 'f';
    x *= 100;
    add_pct = true;
  }
  if (precision < 0) {
    precision = default_precision;
  } else if (code == 'r') {
    code = 'g';
  }
  std::string body =
      double_to_string(x, code, precision, add_dot_0, spec.alternate, spec.no_neg_zero);
  if (add_pct) body += '%';
  if (spec.sign != '+' && spec.sign != ' ' && spec.width == -1 && type != 'n' &&
      !spec.grouping) {
    return body;
  }
  std::string_view v = body;
  NumberParts parts;
  if (!v.empty() && v[0] == '-') {
    parts.negative = true;
    v.remove_prefix(1);
  }
  size_t n = 0;
  while (n < v.size() && v[n] >= '0' && v[n] <= '9') ++n;
  parts.digits = v.substr(0, n);
  parts.remainder = v.substr(n);
  return layout_number(parts, spec, type == 'n' ? '\0' : spec.grouping, 3);
}

// Writes the digits of [mag] in [base] ending at [end]; returns the start.
char* write_digits(uint64_t mag, int base, bool upper, char* end) {
  const char* alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char* p = end;
  do {
    *--p = alphabet[mag % static_cast<unsigned>(base)];
    mag /= static_cast<unsigned>(base);
  } while (mag != 0);
  return p;
}

uint64_t magnitude(int64_t v) {
  return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

// The base and the 0b/0o/0x/0X prefix of an integer presentation type.
int int_base(char32_t type, const char** prefix) {
  switch (type) {
    case 'b': *prefix = "0b"; return 2;
    case 'o': *prefix = "0o"; return 8;
    case 'x': *prefix = "0x"; return 16;
    case 'X': *prefix = "0X"; return 16;
    default: *prefix = ""; return 10;
  }
}

// The checks format_long_internal makes before any digit.
void check_int_spec(const FormatSpec& spec, char32_t type) {
  if (spec.precision != -1) fail("Precision not allowed in integer format specifier");
  if (spec.no_neg_zero) {
    fail("Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (type == 'c') {
    if (spec.sign != '\0') fail("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) {
      fail("Alternate form (#) not allowed with integer format specifier 'c'");
    }
  }
}

// The rest of format_long_internal for a type other than 'c': [digits] is
// the magnitude in the type's base, in the type's case.
std::string layout_int_digits(bool negative, std::string_view digits, const FormatSpec& spec, char32_t type) {
  const char* prefix;
  int base = int_base(type, &prefix);
  NumberParts parts;
  parts.negative = negative;
  parts.digits = digits;
  if (spec.alternate) parts.prefix = prefix;
  if (spec.sign != '+' && spec.sign != ' ' && spec.width == -1 && type != 'n' && !spec.grouping) {
    std::string out;
    out.reserve(parts.digits.size() + 3);
    if (parts.negative) out += '-';
    out.append(parts.prefix);
    out.append(parts.digits);
    return out;
  }
  char sep = '\0';
  int64_t group = 3;
  if (type != 'n' && spec.grouping) {
    sep = spec.grouping;
    if (base != 10 && sep == '_') group = 4;
  }
  return layout_number(parts, spec, sep, group);
}

// format_long_internal of formatter_unicode.c.
std::string format_long_internal(int64_t v, const FormatSpec& spec, char32_t type) {
  check_int_spec(spec, type);
  if (type == 'c') {
    if (v < 0 || v > 0x10FFFF) {
      fail("%c arg not in range(0x110000)", FormatError::Kind::kOverflowError);
    }
    std::string ch;
    append_utf8(ch, static_cast<char32_t>(v));
    NumberParts parts;
    parts.remainder = ch;
    return layout_number(parts, spec, '\0', 3);
  }
  const char* prefix;
  int base = int_base(type, &prefix);
  char buf[80];
  char* end = buf + sizeof buf;
  char* start = write_digits(magnitude(v), base, type == 'X', end);
  return layout_int_digits(v < 0, std::string_view(start, static_cast<size_t>(end - start)), spec, type);
}

std::string format_int_as(int64_t v, const FormatSpec& spec, std::string_view type_name) {
  char32_t type = spec.type ? spec.type : U'd';
  check_grouping(spec.grouping, type);
  switch (type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      if (type == 'd' && spec.width == -1 && spec.sign != '+' && spec.sign != ' ' &&
          !spec.grouping && spec.precision == -1 && !spec.no_neg_zero) {
        return int_to_string(v);
      }
      return format_long_internal(v, spec, type);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return format_float_internal(static_cast<double>(v), spec, type);
    default:
      unknown_presentation_type(type, type_name);
  }
}

std::string prefixed(int64_t v, int base, const char* prefix) {
  char buf[80];
  char* end = buf + sizeof buf;
  char* p = write_digits(magnitude(v), base, false, end);
  p -= 2;
  std::memcpy(p, prefix, 2);
  if (v < 0) *--p = '-';
  return std::string(p, end);
}

bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// The value of an ASCII digit or letter as a digit (36 for anything else).
int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 36;
}

bool iequals(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// repr() and str().

std::string float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  const char* p = buf;
  char out[48];
  char* o = out;
  if (*p == '-') {
    *o++ = '-';
    ++p;
  }
  char digits[24];
  int nd = 0;
  while (*p != 'e') {
    if (*p != '.') digits[nd++] = *p;
    ++p;
  }
  ++p;
  bool eneg = *p == '-';
  ++p;
  int e = 0;
  while (p < r.ptr) e = e * 10 + (*p++ - '0');
  if (eneg) e = -e;
  int decpt = e + 1;
  if (decpt <= -4 || decpt > 16) {
    *o++ = digits[0];
    if (nd > 1) {
      *o++ = '.';
      std::memcpy(o, digits + 1, nd - 1);
      o += nd - 1;
    }
    *o++ = 'e';
    *o++ = e < 0 ? '-' : '+';
    int ae = e < 0 ? -e : e;
    if (ae >= 100) *o++ = static_cast<char>('0' + ae / 100);
    *o++ = static_cast<char>('0' + ae / 10 % 10);
    *o++ = static_cast<char>('0' + ae % 10);
  } else if (decpt <= 0) {
    *o++ = '0';
    *o++ = '.';
    for (int i = 0; i < -decpt; ++i) *o++ = '0';
    std::memcpy(o, digits, nd);
    o += nd;
  } else if (decpt >= nd) {
    std::memcpy(o, digits, nd);
    o += nd;
    for (int i = nd; i < decpt; ++i) *o++ = '0';
    *o++ = '.';
    *o++ = '0';
  } else {
    std::memcpy(o, digits, decpt);
    o += decpt;
    *o++ = '.';
    std::memcpy(o, digits + decpt, nd - decpt);
    o += nd - decpt;
  }
  return std::string(out, o);
}

std::string int_to_string(int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string int_to_hex(int64_t v) { return prefixed(v, 16, "0x"); }
std::string int_to_oct(int64_t v) { return prefixed(v, 8, "0o"); }
std::string int_to_bin(int64_t v) { return prefixed(v, 2, "0b"); }

// ---------------------------------------------------------------------------
// The format-spec mini-language.

FormatSpec parse_format_spec(std::string_view spec, std::string_view type_name) {
  FormatSpec f;
  size_t pos = 0;
  const size_t end = spec.size();
  if (end == 0) return f;

  Decoded first = decode_lenient(spec, 0);
  if (first.len < end && is_align(spec[first.len])) {
    f.fill = first.cp;
    f.fill_specified = true;
    f.align = spec[first.len];
    pos = first.len + 1;
  } else if (is_align(spec[0])) {
    f.align = spec[0];
    pos = 1;
  }
  if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) {
    f.sign = spec[pos++];
  }
  if (pos < end && spec[pos] == 'z') {
    f.no_neg_zero = true;
    ++pos;
  }
  if (pos < end && spec[pos] == '#') {
    f.alternate = true;
    ++pos;
  }
  if (!f.fill_specified && pos < end && spec[pos] == '0') {
    f.fill = U'0';
    f.zero_padding = true;
    ++pos;
  }
  int64_t value = 0;
  if (read_integer(spec, pos, value) > 0) f.width = value;
  if (pos < end && spec[pos] == ',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < end && spec[pos] == '_') {
    if (f.grouping != '\0') fail("Cannot specify both ',' and '_'.");
    f.grouping = '_';
    ++pos;
  }
  if (pos < end && spec[pos] == ',' && f.grouping == '_') {
    fail("Cannot specify both ',' and '_'.");
  }
  if (pos < end && spec[pos] == '.') {
    ++pos;
    if (read_integer(spec, pos, value) == 0) fail("Format specifier missing precision");
    f.precision = value;
  }
  if (pos < end) {
    Decoded t = decode_lenient(spec, pos);
    if (pos + t.len < end) {
      fail("Invalid format specifier '" + std::string(spec) + "' for object of type '" +
           std::string(type_name) + "'");
    }
    f.type = t.cp;
  }
  if (f.type != 0) check_grouping(f.grouping, f.type);
  return f;
}

std::string format_int(int64_t v, const FormatSpec& spec) {
  return format_int_as(v, spec, "int");
}

std::string format_int(int64_t v, std::string_view spec) {
  if (spec.empty()) return int_to_string(v);
  return format_int_as(v, parse_format_spec(spec, "int"), "int");
}

std::string format_big_int(const BigInt& v, std::string_view spec_text) {
  FormatSpec spec = parse_format_spec(spec_text, "int");
  char32_t type = spec.type ? spec.type : U'd';
  check_grouping(spec.grouping, type);
  switch (type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': {
      check_int_spec(spec, type);
      // CPython reads the code point as a C long first.
      if (type == 'c') fail("Python int too large to convert to C long", FormatError::Kind::kOverflowError);
      const char* prefix;
      std::string digits = v.digits(int_base(type, &prefix));
      if (type == 'X')
        for (char& c : digits) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
      return layout_int_digits(v.negative, digits, spec, type);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return format_float_internal(v.to_double(), spec, type);
    default:
      unknown_presentation_type(type, "int");
  }
}

std::string format_bool(bool b, const FormatSpec& spec) {
  if (spec == FormatSpec{}) return b ? "True" : "False";
  return format_int_as(b ? 1 : 0, spec, "bool");
}

std::string format_bool(bool b, std::string_view spec) {
  if (spec.empty()) return b ? "True" : "False";
  return format_int_as(b ? 1 : 0, parse_format_spec(spec, "bool"), "bool");
}

std::string format_float(double x, const FormatSpec& spec) {
  check_grouping(spec.grouping, spec.type);
  switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
    case '%':
      if (spec == FormatSpec{}) return float_repr(x);
      return format_float_internal(x, spec, spec.type);
    default:
      unknown_presentation_type(spec.type, "float");
  }
}

std::string format_float(double x, std::string_view spec) {
  if (spec.empty()) return float_repr(x);
  return format_float(x, parse_format_spec(spec, "float"));
}

std::string format_str(std::string_view s, const FormatSpec& spec) {
  char32_t type = spec.type ? spec.type : U's';
  check_grouping(spec.grouping, type);
  if (type != 's') unknown_presentation_type(type, "str");
  if (spec.sign != '\0') {
    if (spec.sign == ' ') fail("Space not allowed in string format specifier");
    fail("Sign not allowed in string format specifier");
  }
  if (spec.no_neg_zero) {
    fail("Negative zero coercion (z) not allowed in string format specifier");
  }
  if (spec.alternate) fail("Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') fail("'=' alignment not allowed in string format specifier");

  if (spec.width == -1 && spec.precision == -1) return std::string(s);
  int64_t len = count_code_points(s);
  if (spec.precision >= 0 && len > spec.precision) {
    // Truncate to the first [precision] code points.
    size_t i = 0;
    int64_t seen = 0;
    while (i < s.size()) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
        if (seen == spec.precision) break;
        ++seen;
      }
      ++i;
    }
    s = s.substr(0, i);
    len = spec.precision;
  }
  if (spec.width <= len) return std::string(s);
  int64_t padding = spec.width - len;
  int64_t lpad = 0, rpad = 0;
  switch (spec.align ? spec.align : '<') {
    case '>':
      lpad = padding;
      break;
    case '^':
      lpad = padding / 2;
      rpad = padding - lpad;
      break;
    default:
      rpad = padding;
      break;
  }
  std::string fill = fill_text(spec);
  std::string out;
  out.reserve(s.size() + static_cast<size_t>(padding) * fill.size());
  append_repeated(out, fill, lpad);
  out.append(s);
  append_repeated(out, fill, rpad);
  return out;
}

std::string format_str(std::string_view s, std::string_view spec) {
  if (spec.empty()) return std::string(s);
  return format_str(s, parse_format_spec(spec, "str"));
}

// ---------------------------------------------------------------------------
// str.format() templates.

TemplateParser::TemplateParser(std::string_view tmpl, FieldNumbering& numbering,
                               int recursion_depth)
    : text_(tmpl), numbering_(&numbering), depth_(recursion_depth) {}

TemplateParser TemplateParser::nested(std::string_view spec) const {
  if (depth_ - 1 <= 0) fail("Max string recursion exceeded");
  return TemplateParser(spec, *numbering_, depth_ - 1);
}

bool TemplateParser::next(TemplatePiece& piece) {
  piece = TemplatePiece{};
  const size_t size = text_.size();
  if (pos_ >= size) return false;
  // MarkupIterator_next, repeated while it yields only literal text.
  for (;;) {
    if (pos_ >= size) return true;
    size_t start = pos_;
    char c = '\0';
    bool markup_follows = false;
    while (pos_ < size) {
      c = text_[pos_++];
      if (c == '{' || c == '}') {
        markup_follows = true;
        break;
      }
    }
    bool at_end = pos_ >= size;
    size_t len = pos_ - start;
    if (c == '}' && (at_end || text_[pos_] != '}')) {
      fail("Single '}' encountered in format string");
    }
    if (at_end && c == '{') fail("Single '{' encountered in format string");
    if (!at_end) {
      if (c == text_[pos_]) {
        ++pos_;  // An escaped brace: keep the first, skip the second.
        markup_follows = false;
      } else {
        --len;
      }
    }
    piece.literal.append(text_.substr(start, len));
    if (markup_follows) break;
  }

  // parse_field.
  size_t name_start = pos_;
  char c = '\0';
  while (pos_ < size) {
    c = text_[pos_++];
    if (c == '{') fail("unexpected '{' in field name");
    if (c == '[') {
      while (pos_ < size && text_[pos_] != ']') ++pos_;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  std::string_view field_name = text_.substr(name_start, pos_ - 1 - name_start);
  if (c == '!' || c == ':') {
    bool done = false;
    if (c == '!') {
      if (pos_ >= size) fail("end of string while looking for conversion specifier");
      Decoded conv = decode_lenient(text_, pos_);
      piece.conversion = conv.cp;
      pos_ += conv.len;
      if (pos_ < size) {
        c = text_[pos_++];
        if (c == '}') {
          done = true;
        } else if (c != ':') {
          fail("expected ':' after conversion specifier");
        }
      }
    }
    if (!done) {
      size_t spec_start = pos_;
      int64_t count = 1;
      while (pos_ < size) {
        c = text_[pos_++];
        if (c == '{') {
          piece.spec_needs_expanding = true;
          ++count;
        } else if (c == '}') {
          if (--count == 0) {
            piece.spec = std::string(text_.substr(spec_start, pos_ - 1 - spec_start));
            done = true;
            break;
          }
        }
      }
      if (!done) fail("unmatched '{' in format spec");
    }
  } else if (c != '}') {
    fail("expected '}' before end of string");
  }

  // field_name_split and the automatic numbering.
  size_t i = 0;
  while (i < field_name.size() && field_name[i] != '.' && field_name[i] != '[') ++i;
  std::string_view first = field_name.substr(0, i);
  int64_t index = field_integer(first);
  bool empty = first.empty();
  bool numeric = empty || index != -1;
  FieldNumbering& n = *numbering_;
  if (n.state == FieldNumbering::State::kUnset && numeric) {
    n.state = empty ? FieldNumbering::State::kAutomatic : FieldNumbering::State::kManual;
  }
  if (numeric) {
    if (n.state == FieldNumbering::State::kManual && empty) {
      fail("cannot switch from manual field specification to automatic field numbering");
    }
    if (n.state == FieldNumbering::State::kAutomatic && !empty) {
      fail("cannot switch from automatic field numbering to manual field specification");
    }
  }
  if (empty) index = n.next_index++;
  piece.has_field = true;
  piece.is_index = numeric;
  piece.auto_numbered = empty;
  piece.index = numeric ? index : -1;
  if (!numeric) piece.name = std::string(first);
  piece.accessors = std::string(field_name.substr(i));
  return true;
}

namespace {

void collect_pieces(TemplateParser& parser, std::vector<TemplatePiece>& out) {
  TemplatePiece piece;
  while (parser.next(piece)) {
    if (piece.spec_needs_expanding) {
      TemplateParser nested = parser.nested(piece.spec);
      collect_pieces(nested, piece.spec_pieces);
    }
    out.push_back(std::move(piece));
  }
}

}  // namespace

std::vector<TemplatePiece> parse_format_template(std::string_view tmpl) {
  FieldNumbering numbering;
  TemplateParser parser(tmpl, numbering);
  std::vector<TemplatePiece> pieces;
  collect_pieces(parser, pieces);
  return pieces;
}

std::vector<FieldAccessor> parse_field_accessors(std::string_view s) {
  std::vector<FieldAccessor> out;
  size_t pos = 0;
  while (pos < s.size()) {
    FieldAccessor a;
    char c = s[pos++];
    if (c == '.') {
      a.is_attribute = true;
      size_t start = pos;
      while (pos < s.size() && s[pos] != '.' && s[pos] != '[') ++pos;
      a.name = std::string(s.substr(start, pos - start));
    } else if (c == '[') {
      size_t start = pos;
      while (pos < s.size() && s[pos] != ']') ++pos;
      if (pos >= s.size()) fail("Missing ']' in format string");
      a.name = std::string(s.substr(start, pos - start));
      ++pos;
      a.index = field_integer(a.name);
    } else {
      fail("Only '.' or '[' may follow ']' in format field specifier");
    }
    if (a.name.empty()) fail("Empty attribute in format string");
    out.push_back(std::move(a));
  }
  return out;
}

void validate_conversion(char32_t conversion) {
  if (conversion == 0 || conversion == 'r' || conversion == 's' || conversion == 'a') {
    return;
  }
  fail("Unknown conversion specifier " + code_text(conversion, 127));
}

// ---------------------------------------------------------------------------
// int() and float().

std::optional<int64_t> parse_int(std::string_view text, int base, bool* overflow, BigDigits* big) {
  if (overflow) *overflow = false;
  if ((base != 0 && base < 2) || base > 36) {
    fail("int() base must be >= 2 and <= 36, or 0");
  }
  std::string transformed;
  if (has_non_ascii(text)) {
    if (!transform_to_ascii(text, transformed)) return std::nullopt;
    text = transformed;
  }
  const size_t n = text.size();
  auto at = [&](size_t k) { return k < n ? text[k] : '\0'; };
  size_t i = 0;
  while (i < n && is_ascii_space(text[i])) ++i;
  bool negative = false;
  if (at(i) == '+') {
    ++i;
  } else if (at(i) == '-') {
    negative = true;
    ++i;
  }
  bool error_if_nonzero = false;
  if (base == 0) {
    char p = at(i + 1);
    if (at(i) != '0') {
      base = 10;
    } else if (p == 'x' || p == 'X') {
      base = 16;
    } else if (p == 'o' || p == 'O') {
      base = 8;
    } else if (p == 'b' || p == 'B') {
      base = 2;
    } else {
      error_if_nonzero = true;  // An old-style octal literal; only 0 is allowed.
      base = 10;
    }
  }
  if (at(i) == '0') {
    char p = at(i + 1);
    if ((base == 16 && (p == 'x' || p == 'X')) || (base == 8 && (p == 'o' || p == 'O')) ||
        (base == 2 && (p == 'b' || p == 'B'))) {
      i += 2;
      if (at(i) == '_') ++i;  // One underscore is allowed after a prefix.
    }
  }
  if (at(i) == '_') return std::nullopt;

  uint64_t mag = 0;
  bool too_big = false;
  int64_t ndigits = 0;
  char prev = '\0';
  const uint64_t ubase = static_cast<uint64_t>(base);
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '_') {
      if (prev == '_') return std::nullopt;
    } else {
      int d = digit_value(c);
      if (d >= base) break;
      ++ndigits;
      if (big) big->digits += c;
      if (!too_big) {
        if (mag > (UINT64_MAX - static_cast<uint64_t>(d)) / ubase) {
          too_big = true;
        } else {
          mag = mag * ubase + static_cast<uint64_t>(d);
        }
      }
    }
    prev = c;
  }
  if (prev == '_') return std::nullopt;
  if (ndigits == 0) return std::nullopt;
  if (error_if_nonzero && (mag != 0 || too_big)) return std::nullopt;
  while (i < n && is_ascii_space(text[i])) ++i;
  if (i != n) return std::nullopt;
  const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  if (too_big || mag > limit) {
    if (overflow) *overflow = true;
    if (big) {
      big->base = base;
      big->negative = negative;
    }
    return std::nullopt;
  }
  return negative ? static_cast<int64_t>(0 - mag) : static_cast<int64_t>(mag);
}

std::optional<double> parse_float(std::string_view text) {
  std::string transformed;
  if (has_non_ascii(text)) {
    if (!transform_to_ascii(text, transformed)) return std::nullopt;
    text = transformed;
  }
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;

  // _Py_string_to_number_with_underscores: underscores only between digits.
  std::string cleaned;
  if (text.find('_') != std::string_view::npos) {
    cleaned.reserve(text.size());
    char prev = '\0';
    for (char c : text) {
      bool prev_digit = prev >= '0' && prev <= '9';
      if (c == '_') {
        if (!prev_digit) return std::nullopt;
      } else {
        if (prev == '_' && !(c >= '0' && c <= '9')) return std::nullopt;
        cleaned += c;
      }
      prev = c;
    }
    if (prev == '_') return std::nullopt;
    text = cleaned;
  }

  bool negative = false;
  if (text.front() == '+' || text.front() == '-') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (iequals(text, "inf") || iequals(text, "infinity")) {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (iequals(text, "nan")) {
    double nan = std::numeric_limits<double>::quiet_NaN();
    return negative ? -nan : nan;
  }

  // digits [. digits] with at least one digit, then [eE [+-] digits].
  const size_t n = text.size();
  size_t i = 0;
  size_t int_start = i;
  while (i < n && text[i] >= '0' && text[i] <= '9') ++i;
  size_t int_end = i;
  size_t frac_start = i, frac_end = i;
  if (i < n && text[i] == '.') {
    ++i;
    frac_start = i;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i;
    frac_end = i;
  }
  if (int_end == int_start && frac_end == frac_start) return std::nullopt;
  int64_t exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      eneg = text[i] == '-';
      ++i;
    }
    size_t exp_start = i;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (i == exp_start) return std::nullopt;
    if (eneg) exponent = -exponent;
  }
  if (i != n) return std::nullopt;

  double value = 0;
  auto r = std::from_chars(text.data(), text.data() + n, value, std::chars_format::general);
  if (r.ec == std::errc::result_out_of_range) {
    // Overflow or underflow: decide by the exponent of the leading digit.
    int64_t lead = 0;
    size_t k = int_start;
    while (k < int_end && text[k] == '0') ++k;
    if (k < int_end) {
      lead = static_cast<int64_t>(int_end - k) - 1;
    } else {
      size_t j = frac_start;
      while (j < frac_end && text[j] == '0') ++j;
      lead = -static_cast<int64_t>(j - frac_start) - 1;
    }
    value = lead + exponent >= 0 ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (r.ec != std::errc() || r.ptr != text.data() + n) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

// ---------------------------------------------------------------------------
// round(), floor division and modulo.

double round_half_even(double x, int64_t ndigits) {
  if (!std::isfinite(x)) return x;
  // CPython's NDIGITS_MAX and NDIGITS_MIN.
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0.0 * x;
  if (ndigits >= 0) {
    // Fixed notation rounds the exact binary value half-to-even, like
    // _Py_dg_dtoa's mode 3, and from_chars reads it back correctly rounded.
    char buf[700];
    auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed,
                           static_cast<int>(ndigits));
    double result = 0;
    std::from_chars(buf, r.ptr, result);
    return result;
  }
  // Round to a multiple of 10**k: the integer part's digits decide, with the
  // fraction as a sticky bit for ties.
  const int64_t k = -ndigits;
  double ax = std::fabs(x);
  double ip = std::trunc(ax);
  bool frac_nonzero = ax != ip;
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, ip, std::chars_format::fixed, 0);
  std::string digits(buf, r.ptr);
  int64_t len = static_cast<int64_t>(digits.size());
  std::string q = len > k ? digits.substr(0, static_cast<size_t>(len - k)) : "0";
  // The k digits below 10**k; when the integer part has fewer, the value is
  // below 10**(k-1) and rounds to zero.
  std::string_view rest =
      len >= k ? std::string_view(digits).substr(static_cast<size_t>(len - k))
               : std::string_view();
  bool round_up = false;
  if (static_cast<int64_t>(rest.size()) == k && !rest.empty()) {
    if (rest[0] > '5') {
      round_up = true;
    } else if (rest[0] == '5') {
      bool above = frac_nonzero || rest.find_first_not_of('0', 1) != std::string_view::npos;
      round_up = above || ((q.back() - '0') % 2 == 1);
    }
  }
  if (round_up) {
    size_t j = q.size();
    while (j > 0 && q[j - 1] == '9') q[--j] = '0';
    if (j == 0) {
      q.insert(q.begin(), '1');
    } else {
      ++q[j - 1];
    }
  }
  if (q == "0") return std::signbit(x) ? -0.0 : 0.0;
  q += 'e';
  q += std::to_string(k);
  double result = 0;
  auto pr = std::from_chars(q.data(), q.data() + q.size(), result);
  if (pr.ec == std::errc::result_out_of_range) {
    fail("rounded value too large to represent", FormatError::Kind::kOverflowError);
  }
  return std::signbit(x) ? -result : result;
}

int64_t round_int(int64_t v, int64_t ndigits, bool* overflow) {
  if (overflow) *overflow = false;
  if (ndigits >= 0) return v;
  if (ndigits < -19) return 0;  // 10**20 > 2 * |v|: always rounds to 0.
  __int128 pow = 1;
  for (int64_t i = 0; i < -ndigits; ++i) pow *= 10;
  __int128 a = v;
  __int128 q = a / pow;
  __int128 rem = a % pow;
  if (rem < 0) {  // Floor division, as Python's divmod.
    rem += pow;
    q -= 1;
  }
  if (2 * rem > pow || (2 * rem == pow && (q & 1) != 0)) q += 1;
  __int128 result = q * pow;
  if (result > INT64_MAX || result < INT64_MIN) {
    if (overflow) *overflow = true;
    return 0;
  }
  return static_cast<int64_t>(result);
}

FloatDivMod float_divmod(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  double floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  return {floordiv, mod};
}

double float_floordiv(double a, double b) { return float_divmod(a, b).quotient; }

double float_mod(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  if (mod != 0) {
    if ((wx < 0) != (mod < 0)) mod += wx;
  } else {
    mod = std::copysign(0.0, wx);
  }
  return mod;
}

int64_t int_floordiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t int_mod(int64_t a, int64_t b) {
  if (b == -1) return 0;  // Avoids INT64_MIN % -1, which traps.
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

}  // namespace gil::format
