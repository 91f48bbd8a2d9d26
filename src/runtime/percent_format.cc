// printf-style formatting for str and bytes; see percent_format.h. The
// steps follow CPython 3.11's PyUnicode_Format: parse one directive
// (%(key) flags width .precision length conversion), fetch its argument,
// convert it to text, then pad it to the width.
#include "gil/runtime/percent_format.h"

#include <cstdio>

#include "gil/runtime/errors.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/utf8.h"

namespace gil {

std::string ascii(ThreadState& ts, const Value& v) {
  std::string text = repr(ts, v);
  std::string out;
  for (size_t i = 0; i < text.size();) {
    utf8::Decoded d = utf8::decode(text, i);
    i += d.len;
    if (d.cp < 0x80) {
      out += static_cast<char>(d.cp);
      continue;
    }
    char buf[16];
    if (d.cp <= 0xFF)
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(d.cp));
    else if (d.cp <= 0xFFFF)
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(d.cp));
    else
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(d.cp));
    out += buf;
  }
  return out;
}

namespace {

// One directive's flags, as CPython's F_LJUST, F_SIGN, F_BLANK, F_ALT, F_ZERO.
struct Directive {
  bool left = false, sign = false, blank = false, alt = false, zero = false;
  int64_t width = -1;
  int64_t precision = -1;
  char32_t conversion = 0;
};

class Formatter {
 public:
  Formatter(ThreadState& ts, std::string_view format, const Value& args, bool bytes)
      : ts_(ts), fmt_(format), args_(args), bytes_(bytes) {
    if (is_tuple(args)) {
      arglen_ = static_cast<int64_t>(as<ObjTuple>(args)->items.size());
      argidx_ = 0;
    }
    // A mapping is any subscriptable object other than a tuple or a string;
    // %(key) looks keys up in it, and then no argument is left unconverted.
    bool text = is_str(args) || is_bytes(args);
    if (!is_tuple(args) && !text && type_of(ts, args)->lookup(ts.rt.name("__getitem__"))) dict_ = true;
  }

  std::string run() {
    std::string out;
    size_t i = 0;
    while (i < fmt_.size()) {
      size_t at = fmt_.find('%', i);
      if (at == std::string_view::npos) {
        out.append(fmt_.substr(i));
        break;
      }
      out.append(fmt_.substr(i, at - i));
      i = at + 1;
      if (i < fmt_.size() && fmt_[i] == '%') {
        out += '%';
        ++i;
        continue;
      }
      directive(i, out);
    }
    if (argidx_ < arglen_ && !dict_)
      raise(ts_, ts_.rt.types.TypeError, std::string("not all arguments converted during ") +
                                             (bytes_ ? "bytes" : "string") + " formatting");
    return out;
  }

 private:
  Value next_arg() {
    if (argidx_ < arglen_) {
      int64_t k = argidx_++;
      if (arglen_ < 0) return args_;
      return as<ObjTuple>(args_)->items[static_cast<size_t>(k)];
    }
    raise(ts_, ts_.rt.types.TypeError, "not enough arguments for format string");
  }

  [[noreturn]] void incomplete() { raise(ts_, ts_.rt.types.ValueError, "incomplete format"); }

  // A '*' width or precision: the next argument, an int.
  int64_t star() {
    Value v = next_arg();
    if (!v.is_intlike()) raise(ts_, ts_.rt.types.TypeError, "* wants int");
    return v.as_int();
  }

  int64_t number(size_t& i) {
    int64_t n = 0;
    while (i < fmt_.size() && fmt_[i] >= '0' && fmt_[i] <= '9') {
      n = n * 10 + (fmt_[i] - '0');
      if (n > INT32_MAX) raise(ts_, ts_.rt.types.ValueError, "width too big");
      ++i;
    }
    return n;
  }

  void directive(size_t& i, std::string& out) {
    Directive d;
    Value value;
    bool have_value = false;
    if (i < fmt_.size() && fmt_[i] == '(') {
      if (!dict_) raise(ts_, ts_.rt.types.TypeError, "format requires a mapping");
      size_t start = ++i;
      int depth = 1;
      while (i < fmt_.size() && depth > 0) {
        if (fmt_[i] == ')') --depth;
        else if (fmt_[i] == '(') ++depth;
        ++i;
      }
      if (depth > 0) raise(ts_, ts_.rt.types.ValueError, "incomplete format key");
      std::string key(fmt_.substr(start, i - 1 - start));
      value = get_item(ts_, args_, bytes_ ? make_bytes(std::move(key)) : make_str(std::move(key)));
      have_value = true;
      arglen_ = -1;
      argidx_ = -2;
    }
    for (; i < fmt_.size(); ++i) {
      char c = fmt_[i];
      if (c == '-') d.left = true;
      else if (c == '+') d.sign = true;
      else if (c == ' ') d.blank = true;
      else if (c == '#') d.alt = true;
      else if (c == '0') d.zero = true;
      else break;
    }
    if (i < fmt_.size() && fmt_[i] == '*') {
      d.width = star();
      if (d.width < 0) {
        d.left = true;
        d.width = -d.width;
      }
      ++i;
    } else {
      d.width = number(i);
    }
    if (i < fmt_.size() && fmt_[i] == '.') {
      ++i;
      if (i < fmt_.size() && fmt_[i] == '*') {
        d.precision = std::max<int64_t>(0, star());
        ++i;
      } else {
        d.precision = number(i);
      }
    }
    // Length modifiers, as in C, are read and ignored ("%ld").
    while (i < fmt_.size() && (fmt_[i] == 'h' || fmt_[i] == 'l' || fmt_[i] == 'L' || (bytes_ && fmt_[i] == 'z'))) ++i;
    if (i >= fmt_.size()) incomplete();
    size_t index = i;
    utf8::Decoded conv = bytes_ ? utf8::Decoded{static_cast<unsigned char>(fmt_[i]), 1} : utf8::decode(fmt_, i);
    d.conversion = conv.cp;
    i += conv.len;
    if (!have_value) value = next_arg();
    convert(d, value, index, out);
  }

  void convert(const Directive& d, const Value& v, size_t index, std::string& out) {
    switch (d.conversion) {
      case 's':
      case 'r':
      case 'a':
        return text(d, v, out);
      case 'b':
        if (!bytes_) break;
        return text(d, v, out);
      case 'c':
        return pad(d, character(v), "", false, out);
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o':
        return integer(d, v, out);
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        return floating(d, v, out);
      default:
        break;
    }
    char buf[96];
    int64_t position = bytes_ ? static_cast<int64_t>(index) : utf8::count_code_points(fmt_.substr(0, index));
    // CPython shows '?' for a character outside printable ASCII.
    char shown = d.conversion >= 32 && d.conversion < 127 ? static_cast<char>(d.conversion) : '?';
    std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %lld", shown,
                  static_cast<unsigned>(d.conversion), static_cast<long long>(position));
    raise(ts_, ts_.rt.types.ValueError, buf);
  }

  // %s, %r, %a (and, for bytes, %b): the text, cut to the precision (in code
  // points for str), then padded with spaces.
  void text(const Directive& d, const Value& v, std::string& out) {
    std::string t;
    if (d.conversion == 'r' || d.conversion == 'a') {
      t = bytes_ || d.conversion == 'a' ? ascii(ts_, v) : repr(ts_, v);
    } else if (bytes_) {
      if (!is_bytes(v))
        raise(ts_, ts_.rt.types.TypeError,
              "%b requires a bytes-like object, or an object that implements __bytes__, not '" +
                  std::string(type_name(ts_, v)) + "'");
      t = as<ObjBytes>(v)->data;
    } else {
      t = str(ts_, v);
    }
    if (d.precision >= 0) {
      size_t cut = 0;
      for (int64_t k = 0; k < d.precision && cut < t.size(); ++k) cut += bytes_ ? 1 : utf8::decode(t, cut).len;
      t.resize(cut);
    }
    pad(d, t, "", false, out);
  }

  std::string character(const Value& v) {
    if (bytes_) {
      if (v.is_intlike()) {
        int64_t c = v.as_int();
        if (c < 0 || c > 255) raise(ts_, ts_.rt.types.OverflowError, "%c arg not in range(256)");
        return std::string(1, static_cast<char>(c));
      }
      if (is_bytes(v) && as<ObjBytes>(v)->data.size() == 1) return as<ObjBytes>(v)->data;
      if (is_long(v)) raise(ts_, ts_.rt.types.OverflowError, "%c arg not in range(256)");
      raise(ts_, ts_.rt.types.TypeError, "%c requires an integer in range(256) or a single byte");
    }
    if (v.is_intlike()) {
      int64_t c = v.as_int();
      if (c < 0 || c > 0x10FFFF) raise(ts_, ts_.rt.types.OverflowError, "%c arg not in range(0x110000)");
      std::string s;
      utf8::append(s, static_cast<char32_t>(c));
      return s;
    }
    if (is_long(v)) raise(ts_, ts_.rt.types.OverflowError, "%c arg not in range(0x110000)");
    if (is_str(v) && utf8::count_code_points(as<ObjStr>(v)->text) == 1) return as<ObjStr>(v)->text;
    raise(ts_, ts_.rt.types.TypeError, "%c requires int or char");
  }

  // %d %i %u take any real number (a float is truncated); %x %X %o only an
  // integer. Precision is the minimum number of digits; '#' adds 0x/0X/0o.
  void integer(const Directive& d, const Value& v, std::string& out) {
    char type = static_cast<char>(d.conversion);
    bool decimal = type == 'd' || type == 'i' || type == 'u';
    Value n = v;
    if (v.is_float() && decimal) {
      Value arg = v;
      n = call(ts_, Value::borrow(ts_.rt.types.int_), &arg, 1);
    } else if (!v.is_intlike() && !is_long(v)) {
      raise(ts_, ts_.rt.types.TypeError,
            std::string("%") + type + " format: " + (decimal ? "a real number" : "an integer") +
                " is required, not " + std::string(type_name(ts_, v)));
    }
    int base = decimal ? 10 : type == 'o' ? 8 : 16;
    std::string digits = int_to_text(ts_, n, base);
    if (type == 'X')
      for (char& c : digits) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
    bool negative = !digits.empty() && digits[0] == '-';
    if (negative) digits.erase(0, 1);
    if (d.precision > static_cast<int64_t>(digits.size()))
      digits.insert(0, static_cast<size_t>(d.precision) - digits.size(), '0');
    std::string prefix = sign_of(d, negative);
    if (d.alt && !decimal) prefix += type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
    pad(d, digits, prefix, true, out);
  }

  void floating(const Directive& d, const Value& v, std::string& out) {
    double x;
    if (v.is_float())
      x = v.as_float();
    else if (v.is_intlike())
      x = static_cast<double>(v.as_int());
    else if (is_long(v))
      x = int_to_double(ts_, v);
    else
      raise(ts_, ts_.rt.types.TypeError, "must be real number, not " + std::string(type_name(ts_, v)));
    std::string spec = d.alt ? "#." : ".";
    spec += std::to_string(d.precision < 0 ? 6 : d.precision);
    spec += static_cast<char>(d.conversion);
    std::string digits = format_value(ts_, Value::number(x), spec);
    bool negative = !digits.empty() && digits[0] == '-';
    if (negative) digits.erase(0, 1);
    pad(d, digits, sign_of(d, negative), true, out);
  }

  static std::string sign_of(const Directive& d, bool negative) {
    if (negative) return "-";
    if (d.sign) return "+";
    if (d.blank) return " ";
    return "";
  }

  // [prefix] (sign, 0x) then [body], padded to the width: spaces on the
  // right for '-', zeros between prefix and body for a number with '0',
  // spaces on the left otherwise.
  void pad(const Directive& d, const std::string& body, const std::string& prefix, bool numeric, std::string& out) {
    int64_t length = static_cast<int64_t>(prefix.size()) +
                     (bytes_ ? static_cast<int64_t>(body.size()) : utf8::count_code_points(body));
    auto fill = static_cast<size_t>(std::max<int64_t>(0, d.width - length));
    if (d.left) {
      out += prefix;
      out += body;
      out.append(fill, ' ');
    } else if (numeric && d.zero) {
      out += prefix;
      out.append(fill, '0');
      out += body;
    } else {
      out.append(fill, ' ');
      out += prefix;
      out += body;
    }
  }

  ThreadState& ts_;
  std::string_view fmt_;
  const Value& args_;
  bool bytes_;
  // As CPython's arglen and argidx: a single non-tuple argument is arglen
  // -1 with argidx -2, so that it is used once and then counts as converted.
  int64_t arglen_ = -1;
  int64_t argidx_ = -2;
  bool dict_ = false;
};

}  // namespace

Value percent_format_str(ThreadState& ts, std::string_view format, const Value& args) {
  return make_str(Formatter(ts, format, args, false).run());
}

Value percent_format_bytes(ThreadState& ts, std::string_view format, const Value& args) {
  return make_bytes(Formatter(ts, format, args, true).run());
}

}  // namespace gil
