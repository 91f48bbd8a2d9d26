// Python-compatible number and string formatting: repr() of floats, the
// format-spec mini-language of format(), f-strings and str.format(), the
// str.format() template syntax, the int() and float() string parsers, round()
// and Python's floor division and modulo.
//
// Everything here is pure: no global state, no I/O, no locale, no iostreams.
// Strings are UTF-8; widths, precisions and fill characters count Unicode code
// points, as Python does. Errors are thrown as FormatError, whose message is
// CPython 3.11's wording; the VM turns it into a Python exception of the kind
// FormatError::kind() names (ValueError unless stated otherwise).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gil::format {

// The error every function of this header throws on bad input. what() is the
// message CPython 3.11 gives for the same input, and kind() is the Python
// exception class CPython raises with it.
class FormatError : public std::runtime_error {
 public:
  // The Python exception class a FormatError stands for.
  enum class Kind {
    kValueError,     // Almost every error.
    kOverflowError,  // "%c arg not in range(0x110000)" and round()'s overflow.
  };

  // Builds an error carrying [message], to be raised as a Python [kind].
  explicit FormatError(const std::string& message,
                       Kind kind = Kind::kValueError)
      : std::runtime_error(message), kind_(kind) {}

  // Returns the Python exception class this error is to be raised as.
  Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

// ---------------------------------------------------------------------------
// repr() and str() of numbers.

// Returns repr(x) (equal to str(x)) for a Python float: the shortest digit
// string that reads back as exactly [x], laid out in positional notation when
// the decimal exponent is in [-4, 16) ("0.0001", "100.0", "1234567890123456.8")
// and in scientific notation otherwise ("1e-05", "1e+16", "5e-324"); a
// positional result always has a fractional part (".0"). Infinities and NaNs
// give "inf", "-inf" and "nan" (a NaN's sign bit is never shown).
std::string float_repr(double x);

// Returns str(v) (equal to repr(v)) for a Python int: decimal digits with a
// leading '-' when negative. Handles INT64_MIN.
std::string int_to_string(int64_t v);

// Returns hex(v): "0x" followed by lowercase hex digits, with a leading '-'
// for negative values ("-0xff", "0x0"). Handles INT64_MIN.
std::string int_to_hex(int64_t v);

// Returns oct(v): "0o" followed by octal digits, with a leading '-' for
// negative values ("-0o17", "0o0").
std::string int_to_oct(int64_t v);

// Returns bin(v): "0b" followed by binary digits, with a leading '-' for
// negative values ("-0b101", "0b0").
std::string int_to_bin(int64_t v);

// ---------------------------------------------------------------------------
// The format-spec mini-language:
//   [[fill]align][sign][z][#][0][width][,|_][.precision][type]

// A parsed format spec. It records only what the text says: the defaults that
// depend on the formatted object's type (alignment, presentation type) are
// applied by format_int(), format_float(), format_str() and format_bool().
// A default-constructed FormatSpec is the empty spec "".
struct FormatSpec {
  // The fill code point: the explicit fill, else '0' when zero_padding is set,
  // else ' '.
  char32_t fill = U' ';
  // Whether the spec named a fill character before its alignment.
  bool fill_specified = false;
  // '<', '>', '^' or '=', or '\0' when the spec gives no alignment.
  char align = '\0';
  // '+', '-' or ' ', or '\0' when the spec gives no sign.
  char sign = '\0';
  // Whether 'z' (coerce negative zero to positive zero) was given.
  bool no_neg_zero = false;
  // Whether '#' (alternate form) was given.
  bool alternate = false;
  // Whether the '0' flag was given without an explicit fill. It makes the fill
  // '0' and, when no alignment was given, makes numbers use '=' alignment.
  bool zero_padding = false;
  // The minimum field width in code points, or -1 when absent.
  int64_t width = -1;
  // ',' or '_' for digit grouping, or '\0' when absent.
  char grouping = '\0';
  // The precision, or -1 when absent.
  int64_t precision = -1;
  // The presentation type code point ('d', 'x', 'f', 's'...), or 0 when
  // absent.
  char32_t type = 0;

  // Two specs are equal when every field is; FormatSpec{} is the empty spec.
  bool operator==(const FormatSpec&) const = default;
};

// Parses [spec] (the text after ':' in a replacement field) the way CPython's
// parse_internal_render_format_spec does. [type_name] is the Python type of
// the object to be formatted ("int", "float", "str", "bool"); it only appears
// in the "Invalid format specifier '...' for object of type '...'" message.
// Throws FormatError for "Invalid format specifier ...", "Format specifier
// missing precision", "Too many decimal digits in format string", "Cannot
// specify both ',' and '_'." and "Cannot specify ',' with 'x'." (an explicit
// type that does not allow the grouping). Type-dependent checks (such as ','
// on a string with no type) are made by the format_* functions.
FormatSpec parse_format_spec(std::string_view spec,
                             std::string_view type_name = "object");

// Returns format(v, spec) for a Python int. Types 'd', 'n' and none give
// decimal, 'b' 'o' 'x' 'X' give binary, octal and hex ('#' adds the 0b/0o/0x
// or 0X prefix; '_' groups them by four digits), 'c' gives the character with
// code point [v] (UTF-8), and 'e' 'E' 'f' 'F' 'g' 'G' '%' format float(v).
// Numbers are right-aligned by default. Throws FormatError for an unknown type
// ("Unknown format code 's' for object of type 'int'"), a precision or 'z'
// with an integer type, a sign or '#' with 'c', and (as an OverflowError) a
// 'c' code point outside range(0x110000).
std::string format_int(int64_t v, const FormatSpec& spec);

// Parses [spec] and formats [v] as format_int(v, spec) does.
std::string format_int(int64_t v, std::string_view spec);

// An int past int64 as the formatter sees it: its sign and, on demand, the
// digits of its magnitude or its nearest double. The callbacks belong to
// the runtime (which owns big-int arithmetic) and may throw its errors.
struct BigInt {
  bool negative = false;
  // The magnitude's digits in base 2, 8, 10 or 16, lower-case, no prefix.
  std::function<std::string(int base)> digits;
  // float(v), for the 'e' 'f' 'g' '%' types.
  std::function<double()> to_double;
};

// format(v, spec) for an int past int64, as format_int does for the others.
std::string format_big_int(const BigInt& v, std::string_view spec);

// Returns format(b, spec) for a Python bool: "True" or "False" for the empty
// spec, else format_int(b ? 1 : 0, spec), naming type 'bool' in errors.
std::string format_bool(bool b, const FormatSpec& spec);

// Parses [spec] and formats [b] as format_bool(b, spec) does.
std::string format_bool(bool b, std::string_view spec);

// Returns format(x, spec) for a Python float. Types 'e' 'E' 'f' 'F' 'g' 'G'
// '%' behave as in CPython (default precision 6, '%' multiplies by 100 and
// uses 'f'); 'n' is 'g' in the C locale; no type gives repr(x) without a
// precision and, with one, 'g' that keeps at least one digit after the point
// (format(1.0, '.3') == "1.0", format(1234.5, '.2') == "1.2e+03").
// Numbers are right-aligned by default; 'z' turns a negative zero result into
// a positive one. Throws FormatError for an unknown type ("Unknown format code
// 'd' for object of type 'float'") and for a precision above 2**31 - 1
// ("precision too big").
std::string format_float(double x, const FormatSpec& spec);

// Parses [spec] and formats [x] as format_float(x, spec) does.
std::string format_float(double x, std::string_view spec);

// Returns format(s, spec) for a Python str ([s] is UTF-8): type 's' or none,
// left-aligned by default, truncated to the precision (in code points) and
// padded to the width (in code points). Throws FormatError for an unknown type
// ("Unknown format code 'f' for object of type 'str'"), a grouping ("Cannot
// specify ',' with 's'."), a sign ("Sign not allowed in string format
// specifier", "Space not allowed in string format specifier"), 'z', '#', and
// '=' alignment ("'=' alignment not allowed in string format specifier").
std::string format_str(std::string_view s, const FormatSpec& spec);

// Parses [spec] and formats [s] as format_str(s, spec) does.
std::string format_str(std::string_view s, std::string_view spec);

// ---------------------------------------------------------------------------
// str.format() templates.

// The automatic-numbering state of one str.format() call. A template and the
// templates nested in its format specs ("{:{}}") share one FieldNumbering, so
// that automatic numbers continue across them as in CPython.
struct FieldNumbering {
  // Whether the call has used automatic ("{}") or manual ("{0}") numbering.
  enum class State { kUnset, kAutomatic, kManual };
  // The numbering style chosen by the first numeric field, if any.
  State state = State::kUnset;
  // The index the next automatic field gets.
  int64_t next_index = 0;
};

// One piece of a str.format() template: a literal text (escapes "{{" and "}}"
// already replaced by "{" and "}") optionally followed by a replacement field.
struct TemplatePiece {
  // The literal text before the field, unescaped; may be empty.
  std::string literal;
  // Whether a replacement field follows the literal.
  bool has_field = false;
  // Whether the field refers to a positional argument (args[index]); if not,
  // it refers to the keyword argument kwargs[name].
  bool is_index = false;
  // Whether the index was given automatically ("{}" or "{:spec}").
  bool auto_numbered = false;
  // The positional argument index, or -1 for a keyword field.
  int64_t index = -1;
  // The keyword argument name; empty for a positional field.
  std::string name;
  // The rest of the field name after the argument, unparsed: attribute and
  // item accessors such as ".real[0]". See parse_field_accessors().
  std::string accessors;
  // The conversion code point after '!' ('r', 's', 'a', or any other code
  // point, which validate_conversion() rejects), or 0 when there is none.
  char32_t conversion = 0;
  // The format spec text after ':', verbatim (may be empty). When
  // spec_needs_expanding is set it contains replacement fields that must be
  // expanded (formatted with the same arguments) before it is parsed.
  std::string spec;
  // Whether [spec] contains '{' and so needs expanding.
  bool spec_needs_expanding = false;
  // The pieces of [spec] when spec_needs_expanding is set, filled in only by
  // parse_format_template() (TemplateParser leaves it empty).
  std::vector<TemplatePiece> spec_pieces;
};

// A lazy str.format() template parser, reporting errors in the order CPython
// does when the VM processes each piece (looks up the argument, applies the
// conversion, expands and applies the spec) before asking for the next one.
class TemplateParser {
 public:
  // Starts parsing [tmpl], which must outlive the parser. [numbering] is the
  // state of the whole str.format() call and must outlive the parser.
  // [recursion_depth] is 2 for a top-level template; nested() decrements it.
  TemplateParser(std::string_view tmpl, FieldNumbering& numbering,
                 int recursion_depth = 2);

  // Reads the next literal and field into [piece] and returns true, or returns
  // false at the end of the template. Throws FormatError with CPython's
  // message for a syntax error ("Single '}' encountered in format string",
  // "Single '{' encountered in format string", "expected '}' before end of
  // string", "unmatched '{' in format spec", "unexpected '{' in field name",
  // "expected ':' after conversion specifier", "end of string while looking
  // for conversion specifier", "Too many decimal digits in format string") or
  // for mixed numbering ("cannot switch from automatic field numbering to
  // manual field specification" and the reverse).
  bool next(TemplatePiece& piece);

  // Returns a parser for the nested fields of a piece's spec, sharing this
  // parser's numbering. [spec] must outlive the returned parser. Throws
  // FormatError("Max string recursion exceeded") when the spec is nested too
  // deeply (a field inside a field inside a spec).
  TemplateParser nested(std::string_view spec) const;

 private:
  std::string_view text_;
  size_t pos_ = 0;
  FieldNumbering* numbering_;
  int depth_;
};

// Parses a whole str.format() template, e.g. "a{}b{0}c{:>5}{{}}", into its
// pieces, numbering automatic fields (including those nested in specs, which
// are parsed into TemplatePiece::spec_pieces) in CPython's order. Throws the
// errors of TemplateParser::next() and TemplateParser::nested() eagerly, so
// a template syntax error is reported before any argument error that CPython
// would have raised first for an earlier field.
std::vector<TemplatePiece> parse_format_template(std::string_view tmpl);

// One accessor of a replacement field name: ".name" or "[key]".
struct FieldAccessor {
  // True for ".name" (getattr), false for "[key]" (getitem).
  bool is_attribute = false;
  // The attribute name or the item key text.
  std::string name;
  // For "[key]" with an all-digits key, its integer value (getitem uses the
  // int); otherwise -1 (getitem uses the string [name]).
  int64_t index = -1;
};

// Parses TemplatePiece::accessors (".a[0][x]") into its accessors. Throws
// FormatError for "Empty attribute in format string", "Missing ']' in format
// string", "Only '.' or '[' may follow ']' in format field specifier" and
// "Too many decimal digits in format string". (CPython reports these lazily,
// after looking up the argument and the accessors before the bad one.)
std::vector<FieldAccessor> parse_field_accessors(std::string_view accessors);

// Throws FormatError("Unknown conversion specifier X") unless [conversion] is
// 0, 'r', 's' or 'a'. CPython checks this after looking up the argument.
void validate_conversion(char32_t conversion);

// ---------------------------------------------------------------------------
// The int() and float() constructors on strings.

// Parses [text] as int(text, base) does: surrounding whitespace (ASCII and
// Unicode), a sign, digits of [base] (2..36, letters in either case, Unicode
// decimal digits too) with single underscores between digits, and for base 0
// a 0x/0o/0b prefix choosing the base (without one, base 10 where only zero
// may have leading zeros); bases 16, 8 and 2 also accept their prefix; an
// underscore may follow a prefix. Returns nullopt for invalid text (the VM
// raises "invalid literal for int() with base 10: 'abc'"). For valid text
// whose value does not fit int64_t, returns nullopt and sets *overflow (when
// [overflow] is not null) to true; otherwise sets it to false. Throws
// FormatError("int() base must be >= 2 and <= 36, or 0") for a bad [base].
// The digits of a valid int too large for int64_t, for a big-int parser:
// no sign, prefix, spaces or underscores.
struct BigDigits {
  std::string digits;
  int base = 10;
  bool negative = false;
};
std::optional<int64_t> parse_int(std::string_view text, int base = 10,
                                 bool* overflow = nullptr,
                                 BigDigits* big = nullptr);

// Parses [text] as float(text) does: surrounding whitespace, a sign, then
// "inf", "infinity" or "nan" in any case, or a decimal number with optional
// fraction and exponent and single underscores between digits. Too large
// values give an infinity and too small ones a zero, correctly rounded
// otherwise. Returns nullopt for invalid text (the VM raises "could not
// convert string to float: 'abc'").
std::optional<double> parse_float(std::string_view text);

// ---------------------------------------------------------------------------
// round(), floor division and modulo.

// Returns round(x, ndigits) for a Python float: [x] rounded to a multiple of
// 10**-ndigits, choosing the even neighbour in an exact tie of the exact
// binary value (round(2.675, 2) == 2.67, round(2.5, 0) == 2.0, round(-0.5, 0)
// == -0.0, round(1234.5678, -2) == 1200.0). Infinities and NaNs are returned
// unchanged. With ndigits == 0 this is also the value of round(x), which the
// VM converts to int itself (raising for infinities and NaNs). Throws an
// OverflowError FormatError("rounded value too large to represent") when the
// result overflows.
double round_half_even(double x, int64_t ndigits);

// Returns round(v, ndigits) for a Python int: [v] itself when ndigits >= 0,
// else [v] rounded to a multiple of 10**-ndigits with ties to the even
// multiple (round(1250, -2) == 1200, round(1350, -2) == 1400). When the
// result does not fit int64_t (round(2**63 - 1, -1)), returns 0 and sets
// *overflow (when [overflow] is not null) to true; otherwise sets it false.
int64_t round_int(int64_t v, int64_t ndigits, bool* overflow = nullptr);

// Returns a // b for Python floats, as CPython's float_divmod computes it
// (-5.0 // inf == -1.0, and a zero quotient takes the sign of a / b).
// Precondition: b != 0 (the VM raises ZeroDivisionError "float floor division
// by zero").
double float_floordiv(double a, double b);

// Returns a % b for Python floats: the result has the sign of [b] (a zero
// result too: 0.0 % -1.0 == -0.0), and -5.0 % inf == inf. Precondition:
// b != 0 (the VM raises ZeroDivisionError "float modulo").
double float_mod(double a, double b);

// The result of divmod() on two floats.
struct FloatDivMod {
  // The quotient, as float_floordiv() returns it.
  double quotient;
  // The remainder, as float_mod() returns it.
  double remainder;
};

// Returns divmod(a, b) for Python floats, both parts computed as CPython's
// float_divmod does. Precondition: b != 0 (the VM raises ZeroDivisionError
// "float divmod()").
FloatDivMod float_divmod(double a, double b);

// Returns a // b for Python ints: the quotient rounded toward negative
// infinity (-7 // 2 == -4). Preconditions: b != 0 (the VM raises
// ZeroDivisionError "integer division or modulo by zero") and not
// (a == INT64_MIN && b == -1), whose result 2**63 does not fit (the VM
// handles that overflow).
int64_t int_floordiv(int64_t a, int64_t b);

// Returns a % b for Python ints: the result has the sign of [b] (-7 % 2 == 1,
// 7 % -2 == -1); INT64_MIN % -1 == 0. Precondition: b != 0 (the VM raises
// ZeroDivisionError "integer modulo by zero").
int64_t int_mod(int64_t a, int64_t b);

}  // namespace gil::format
