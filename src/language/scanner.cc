// The scanner: source text to tokens. See scanner.h for the overview.
//
// The file has three parts: small character helpers, the decoding of string
// bodies (escapes and f-string splitting, which work on the text between the
// quotes), and the Scanner proper, which finds token boundaries.
#include "gil/language/scanner.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

namespace gil {
namespace {

// CPython's tokenizer limits (MAXLEVEL and MAXINDENT): deeper nesting is
// almost certainly hostile, and bounding it bounds the parser's recursion.
constexpr size_t kMaxBracketDepth = 200;
constexpr size_t kMaxIndentLevels = 100;
constexpr int kTabSize = 8;

// The largest magnitude an Int token may carry: 2**63, so that
// `-9223372036854775808` can still be written.
constexpr uint64_t kMaxIntMagnitude = uint64_t{1} << 63;

[[noreturn]] void fail_at(std::string message, int line, int col) {
  throw SyntaxError(std::move(message), line, col);
}

bool is_decimal_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal_digit(char c) { return c >= '0' && c <= '7'; }
bool is_binary_digit(char c) { return c == '0' || c == '1'; }

bool is_hex_digit(char c) {
  return is_decimal_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int digit_value(char c) {
  if (is_decimal_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_name_char(char c) { return is_name_start(c) || is_decimal_digit(c); }

bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// The keyword table, generated from the one list in token.h.
constexpr std::pair<std::string_view, TokenKind> kKeywords[] = {
#define GIL_KEYWORD_ENTRY(kind, spelling) {spelling, TokenKind::kind},
    GIL_KEYWORD_TOKENS(GIL_KEYWORD_ENTRY)
#undef GIL_KEYWORD_ENTRY
};

std::optional<TokenKind> keyword_kind(std::string_view word) {
  for (const auto& [spelling, kind] : kKeywords) {
    if (spelling == word) return kind;
  }
  return std::nullopt;
}

// The string prefixes Python accepts, lowercased (`ur` is not one of them).
bool is_string_prefix(std::string_view word) {
  if (word.size() > 2) return false;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c | 0x20);
  return lower == "r" || lower == "u" || lower == "f" || lower == "b" ||
         lower == "fr" || lower == "rf" || lower == "br" || lower == "rb";
}

bool prefix_has(std::string_view prefix, char lower) {
  for (char c : prefix) {
    if ((c | 0x20) == lower) return true;
  }
  return false;
}

// Appends code point [cp] as UTF-8: MiniPy strings are UTF-8 byte strings,
// so "\xe9" must become the two bytes of 'é', as CPython would print it.
void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Describes the (possibly multi-byte) character at [pos] for an error
// message: its bytes and, when they are valid UTF-8, its code point.
std::string describe_character(std::string_view text, size_t pos) {
  auto byte = static_cast<unsigned char>(text[pos]);
  size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  uint32_t cp = length == 1 ? byte : byte & (0x3F >> (length - 1));
  bool valid = byte < 0x80 || (byte >= 0xC2 && byte <= 0xF4);
  for (size_t i = 1; i < length && valid; ++i) {
    if (pos + i >= text.size() || (text[pos + i] & 0xC0) != 0x80) {
      valid = false;
    } else {
      cp = (cp << 6) | (text[pos + i] & 0x3F);
    }
  }
  char buffer[64];
  if (!valid) {
    std::snprintf(buffer, sizeof buffer, "invalid UTF-8 byte 0x%02x", byte);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, " (U+%04X)", cp);
  return "'" + std::string(text.substr(pos, length)) + "'" + buffer;
}

// ---- String bodies --------------------------------------------------------

// Walks the text between a literal's quotes, keeping the source position of
// the current byte so errors inside literals point at the right spot.
class BodyCursor {
 public:
  BodyCursor(std::string_view body, int line, int col)
      : body_(body), line_(line), col_(col) {}

  bool at_end() const { return offset_ >= body_.size(); }
  char peek(size_t ahead = 0) const {
    return offset_ + ahead < body_.size() ? body_[offset_ + ahead] : '\0';
  }
  size_t offset() const { return offset_; }
  int line() const { return line_; }
  int col() const { return col_; }
  std::string_view slice(size_t from, size_t to) const {
    return body_.substr(from, to - from);
  }

  // Steps over one byte; a lone '\r' and '\n' end a line, "\r\n" counts once.
  void advance() {
    char c = body_[offset_++];
    if (c == '\n' || (c == '\r' && peek() != '\n')) {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
  }

  // Appends the current byte to [out] and steps over it. Line ends become
  // "\n" whatever the file uses, as in CPython's universal newlines.
  void take(std::string& out) {
    char c = peek();
    if (c != '\r') {
      out += c;
    } else if (peek(1) != '\n') {
      out += '\n';
    }
    advance();
  }

 private:
  std::string_view body_;
  size_t offset_ = 0;
  int line_;
  int col_;
};

// Reports a malformed escape in CPython's words, with byte offsets into the
// literal's body and the source position of the backslash.
[[noreturn]] void fail_escape(size_t start, size_t end, std::string_view what,
                              int line, int col) {
  fail_at("(unicode error) 'unicodeescape' codec can't decode bytes in position " +
              std::to_string(start) + "-" + std::to_string(end) + ": " +
              std::string(what),
          line, col);
}

// Reads exactly [count] hex digits of a \x, \u or \U escape.
uint32_t read_hex_escape(BodyCursor& cur, int count, size_t start,
                         std::string_view what, int line, int col) {
  uint32_t value = 0;
  for (int i = 0; i < count; ++i) {
    if (!is_hex_digit(cur.peek())) fail_escape(start, cur.offset() - 1, what, line, col);
    value = value * 16 + static_cast<uint32_t>(digit_value(cur.peek()));
    cur.advance();
  }
  return value;
}

// Appends code point [cp] of an escape, refusing what UTF-8 cannot hold.
void append_escaped_code_point(std::string& out, uint32_t cp, size_t start,
                               size_t end, int line, int col) {
  if (cp > 0x10FFFF) fail_escape(start, end, "illegal Unicode character", line, col);
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    fail_at("surrogate code points in escapes are not supported by MiniPy", line, col);
  }
  append_utf8(out, cp);
}

// Decodes the escape sequence at the cursor (which is on the backslash) into
// [out]. An unknown escape keeps its backslash, as Python does; only the
// backslash is consumed then, so that in an f-string `\{` still opens a field.
void decode_escape(BodyCursor& cur, std::string& out) {
  size_t start = cur.offset();
  int line = cur.line();
  int col = cur.col();
  cur.advance();
  char c = cur.peek();
  if (cur.at_end()) {
    out += '\\';
    return;
  }
  if (is_line_end(c)) {  // A backslash-newline joins the lines.
    cur.advance();
    if (c == '\r' && cur.peek() == '\n') cur.advance();
    return;
  }
  if (is_octal_digit(c)) {
    uint32_t value = 0;
    for (int i = 0; i < 3 && is_octal_digit(cur.peek()); ++i) {
      value = value * 8 + static_cast<uint32_t>(cur.peek() - '0');
      cur.advance();
    }
    append_utf8(out, value);
    return;
  }
  const char* simple = nullptr;
  switch (c) {
    case '\\': simple = "\\"; break;
    case '\'': simple = "'"; break;
    case '"': simple = "\""; break;
    case 'a': simple = "\a"; break;
    case 'b': simple = "\b"; break;
    case 'f': simple = "\f"; break;
    case 'n': simple = "\n"; break;
    case 'r': simple = "\r"; break;
    case 't': simple = "\t"; break;
    case 'v': simple = "\v"; break;
    default: break;
  }
  if (simple != nullptr) {
    out += simple;
    cur.advance();
    return;
  }
  int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
  if (digits > 0) {
    cur.advance();
    const char* what = c == 'x'   ? "truncated \\xXX escape"
                       : c == 'u' ? "truncated \\uXXXX escape"
                                  : "truncated \\UXXXXXXXX escape";
    uint32_t cp = read_hex_escape(cur, digits, start, what, line, col);
    append_escaped_code_point(out, cp, start, cur.offset() - 1, line, col);
    return;
  }
  if (c == 'N') fail_at("'\\N{...}' escapes are not supported by MiniPy", line, col);
  out += '\\';
}

// Decodes the body of a plain string literal.
std::string decode_string(std::string_view body, bool raw, int line, int col) {
  std::string out;
  out.reserve(body.size());
  BodyCursor cur(body, line, col);
  while (!cur.at_end()) {
    if (!raw && cur.peek() == '\\') {
      decode_escape(cur, out);
    } else {
      cur.take(out);
    }
  }
  return out;
}

// Decodes the body of a bytes literal. Its source must be ASCII (escapes
// make the other bytes), which CPython checks before decoding, reporting at
// the literal's start ([line], [col]). Escapes are str's less the ones that
// name code points (\u, \U, \N keep their backslash), with octal escapes
// taken modulo 256 as CPython 3.11 does.
std::string decode_bytes_literal(std::string_view body, bool raw, int body_line, int body_col,
                                 int line, int col) {
  for (char c : body) {
    if (is_non_ascii(c)) fail_at("bytes can only contain ASCII literal characters", line, col);
  }
  std::string out;
  out.reserve(body.size());
  BodyCursor cur(body, body_line, body_col);
  while (!cur.at_end()) {
    if (raw || cur.peek() != '\\') {
      cur.take(out);
      continue;
    }
    size_t start = cur.offset();
    int escape_line = cur.line();
    int escape_col = cur.col();
    cur.advance();
    char c = cur.peek();
    if (cur.at_end()) {
      out += '\\';
    } else if (is_line_end(c)) {  // A backslash-newline joins the lines.
      cur.advance();
      if (c == '\r' && cur.peek() == '\n') cur.advance();
    } else if (is_octal_digit(c)) {
      uint32_t value = 0;
      for (int i = 0; i < 3 && is_octal_digit(cur.peek()); ++i) {
        value = value * 8 + static_cast<uint32_t>(cur.peek() - '0');
        cur.advance();
      }
      out += static_cast<char>(value & 0xFF);
    } else if (c == 'x') {
      cur.advance();
      if (!is_hex_digit(cur.peek()) || !is_hex_digit(cur.peek(1))) {
        fail_at("(value error) invalid \\x escape at position " + std::to_string(start),
                escape_line, escape_col);
      }
      out += static_cast<char>(digit_value(cur.peek()) * 16 + digit_value(cur.peek(1)));
      cur.advance();
      cur.advance();
    } else {
      const char* simple = nullptr;
      switch (c) {
        case '\\': simple = "\\"; break;
        case '\'': simple = "'"; break;
        case '"': simple = "\""; break;
        case 'a': simple = "\a"; break;
        case 'b': simple = "\b"; break;
        case 'f': simple = "\f"; break;
        case 'n': simple = "\n"; break;
        case 'r': simple = "\r"; break;
        case 't': simple = "\t"; break;
        case 'v': simple = "\v"; break;
        default: break;
      }
      if (simple != nullptr) {
        out += simple;
        cur.advance();
      } else {
        out += '\\';  // An unknown escape keeps its backslash; the character follows.
      }
    }
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || is_line_end(c); }

bool is_blank(std::string_view text) {
  for (char c : text) {
    if (!is_space(c)) return false;
  }
  return true;
}

// Splits the body of an f-string into literal and field pieces. This mirrors
// CPython 3.11's fstring_find_literal/fstring_find_expr: the field's end is
// found by bracket counting and quote skipping, and the expression itself is
// parsed later by the parser.
class FStringSplitter {
 public:
  FStringSplitter(std::string_view body, bool raw, int line, int col)
      : cur_(body, line, col), raw_(raw) {}

  std::vector<FStringPiece> split() {
    while (!cur_.at_end()) {
      char c = cur_.peek();
      if ((c == '{' || c == '}') && cur_.peek(1) == c) {
        start_literal();
        literal_ += c;
        cur_.advance();
        cur_.advance();
      } else if (c == '{') {
        flush_literal();
        scan_field();
      } else if (c == '}') {
        fail_at("f-string: single '}' is not allowed", cur_.line(), cur_.col());
      } else if (c == '\\' && !raw_) {
        start_literal();
        decode_escape(cur_, literal_);
      } else {
        start_literal();
        cur_.take(literal_);
      }
    }
    flush_literal();
    return std::move(pieces_);
  }

 private:
  void start_literal() {
    if (in_literal_) return;
    in_literal_ = true;
    literal_line_ = cur_.line();
    literal_col_ = cur_.col();
  }

  void flush_literal() {
    if (in_literal_ && !literal_.empty()) {
      push_literal(std::move(literal_), literal_line_, literal_col_);
    }
    literal_.clear();
    in_literal_ = false;
  }

  void push_literal(std::string text, int line, int col) {
    FStringPiece piece;
    piece.text = std::move(text);
    piece.line = line;
    piece.col = col;
    pieces_.push_back(std::move(piece));
  }

  // Scans `{expr[=][!c][:spec]}` with the cursor on the '{'.
  void scan_field() {
    int brace_line = cur_.line();
    int brace_col = cur_.col();
    cur_.advance();
    FStringPiece field;
    field.is_field = true;
    field.line = cur_.line();
    field.col = cur_.col();
    size_t expr_start = cur_.offset();
    find_expression_end(brace_line, brace_col);
    std::string_view expr = cur_.slice(expr_start, cur_.offset());
    if (is_blank(expr)) {
      fail_at("f-string: empty expression not allowed", brace_line, brace_col);
    }
    field.text = std::string(expr);
    bool self_documenting = cur_.peek() == '=';
    if (self_documenting) {
      cur_.advance();
      while (!cur_.at_end() && is_space(cur_.peek())) cur_.advance();
      push_literal(std::string(cur_.slice(expr_start, cur_.offset())), field.line,
                   field.col);
    }
    if (cur_.peek() == '!') scan_conversion(field);
    bool has_spec = cur_.peek() == ':';
    if (has_spec) {
      cur_.advance();
      scan_spec(field);
    }
    if (cur_.at_end() || cur_.peek() != '}') {
      fail_at("f-string: expecting '}'", brace_line, brace_col);
    }
    cur_.advance();
    if (self_documenting && field.conversion == 0 && !has_spec) field.conversion = 'r';
    pieces_.push_back(std::move(field));
  }

  // Moves the cursor to the character that ends the field's expression:
  // a '}', '!', ':' or '=' outside brackets that is not part of an operator.
  void find_expression_end(int brace_line, int brace_col) {
    int depth = 0;
    while (true) {
      if (cur_.at_end()) fail_at("f-string: expecting '}'", brace_line, brace_col);
      char c = cur_.peek();
      if (c == '\\') {
        fail_at("f-string expression part cannot include a backslash", cur_.line(),
                cur_.col());
      }
      if (c == '#') {
        fail_at("f-string expression part cannot include '#'", cur_.line(), cur_.col());
      }
      if (c == '\'' || c == '"') {
        skip_quoted();
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0 && c == '}') return;
        if (depth == 0) {
          fail_at(std::string("f-string: unmatched '") + c + "'", cur_.line(), cur_.col());
        }
        --depth;
      } else if (depth == 0 && (c == '!' || c == '=' || c == '<' || c == '>') &&
                 cur_.peek(1) == '=') {
        cur_.advance();  // A two-character operator: != == <= >=.
      } else if (depth == 0 && (c == '!' || c == ':' || c == '=')) {
        return;
      }
      cur_.advance();
    }
  }

  // Skips a string literal inside a field's expression.
  void skip_quoted() {
    char quote = cur_.peek();
    bool triple = cur_.peek(1) == quote && cur_.peek(2) == quote;
    int line = cur_.line();
    int col = cur_.col();
    for (int i = triple ? 3 : 1; i > 0; --i) cur_.advance();
    while (true) {
      if (cur_.at_end()) fail_at("f-string: unterminated string", line, col);
      char c = cur_.peek();
      if (c == '\\') {
        fail_at("f-string expression part cannot include a backslash", cur_.line(),
                cur_.col());
      }
      if (c == quote && (!triple || (cur_.peek(1) == quote && cur_.peek(2) == quote))) {
        for (int i = triple ? 3 : 1; i > 0; --i) cur_.advance();
        return;
      }
      cur_.advance();
    }
  }

  // Scans `!r`, `!s` or `!a` with the cursor on the '!'.
  void scan_conversion(FStringPiece& field) {
    cur_.advance();
    char c = cur_.peek();
    int line = cur_.line();
    int col = cur_.col();
    if (c != 'r' && c != 's' && c != 'a') {
      fail_at("f-string: invalid conversion character: expected 's', 'r', or 'a'", line, col);
    }
    field.conversion = c;
    cur_.advance();
    if (cur_.peek() != ':' && cur_.peek() != '}') {
      fail_at("f-string: expecting '}'", cur_.line(), cur_.col());
    }
  }

  // Scans a format spec up to (not including) its closing '}'. A `{...}`
  // inside it is a nested replacement field (one level deep, as in CPython
  // 3.11); then the spec becomes pieces, collected through pieces_.
  void scan_spec(FStringPiece& field) {
    std::vector<FStringPiece> outer;
    std::swap(outer, pieces_);
    bool nested = false;
    ++spec_depth_;
    while (!cur_.at_end() && cur_.peek() != '}') {
      if (cur_.peek() == '{') {
        if (spec_depth_ > 1) fail_at("f-string: expressions nested too deeply", cur_.line(), cur_.col());
        flush_literal();
        scan_field();
        nested = true;
      } else if (cur_.peek() == '\\' && !raw_) {
        start_literal();
        decode_escape(cur_, literal_);
      } else {
        start_literal();
        cur_.take(literal_);
      }
    }
    --spec_depth_;
    if (nested) {
      flush_literal();
    } else {
      field.spec = std::move(literal_);
      literal_.clear();
      in_literal_ = false;
    }
    std::swap(outer, pieces_);
    if (nested) field.spec_pieces = std::move(outer);
  }

  BodyCursor cur_;
  bool raw_;
  // How many format specs the cursor is inside (a nested field's spec is 2).
  int spec_depth_ = 0;
  std::vector<FStringPiece> pieces_;
  std::string literal_;
  bool in_literal_ = false;
  int literal_line_ = 0;
  int literal_col_ = 0;
};

// Converts a float literal (underscores already removed). from_chars is
// locale-independent; strtod only settles overflow (inf) and underflow (0).
double parse_float(const std::string& text) {
  double value = 0.0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) return std::strtod(text.c_str(), nullptr);
  return value;
}

}  // namespace

// ---- Scanner ------------------------------------------------------------

Scanner::Scanner(std::string_view source) : Scanner(source, false, 1, 1) {
  if (source_.substr(0, 3) == "\xEF\xBB\xBF") {  // A UTF-8 byte order mark.
    pos_ = 3;
    line_start_ = 3;
  }
  size_t null_at = source_.find('\0');
  if (null_at != std::string_view::npos) {
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < null_at; ++i) {
      if (source_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    fail("source code cannot contain null bytes", line,
         static_cast<int>(null_at - line_start) + 1);
  }
}

Scanner::Scanner(std::string_view source, bool field_mode, int line, int col)
    : source_(source),
      line_(line),
      origin_line_(line),
      origin_col_(col),
      field_mode_(field_mode),
      at_line_start_(!field_mode) {}

Scanner Scanner::for_fstring_field(std::string_view text, int line, int col) {
  return Scanner(text, true, line, col);
}

Token Scanner::next() {
  if (pending_dedents_ > 0) {
    --pending_dedents_;
    return make_layout(TokenKind::Dedent, pending_line_, pending_col_);
  }
  while (true) {
    if (at_line_start_) {
      at_line_start_ = false;
      Token layout;
      if (scan_indentation(layout)) return layout;
    }
    skip_whitespace();
    if (at_end()) return scan_end_of_input();
    if (!is_line_end(peek())) {
      Token token = scan_token();
      line_has_tokens_ = true;
      return token;
    }
    int line = line_;
    int col = column_of(pos_);
    consume_newline();
    // Inside brackets (and in an f-string field) lines are joined.
    if (field_mode_ || !brackets_.empty() || !line_has_tokens_) continue;
    at_line_start_ = true;
    line_has_tokens_ = false;
    last_newline_line_ = line;
    last_newline_col_ = col;
    return make_layout(TokenKind::Newline, line, col);
  }
}

// ---- Source navigation ----

bool Scanner::at_end() const { return pos_ >= source_.size(); }

char Scanner::peek(size_t ahead) const {
  return pos_ + ahead < source_.size() ? source_[pos_ + ahead] : '\0';
}

int Scanner::column_of(size_t pos) const {
  int col = static_cast<int>(pos - line_start_) + 1;
  return line_ == origin_line_ ? col + origin_col_ - 1 : col;
}

void Scanner::consume_newline() {
  if (peek() == '\r' && peek(1) == '\n') ++pos_;
  ++pos_;
  ++line_;
  line_start_ = pos_;
}

void Scanner::fail(std::string message, int line, int col) const {
  fail_at(std::move(message), line, col);
}

// Fails with an indentation or line-joining error. CPython's tokenizer does
// not raise these on the spot, so they never override a parser error.
void Scanner::fail_layout(std::string message, int line, int col) {
  error_kind_ = ErrorKind::Layout;
  fail_at(std::move(message), line, col);
}

std::optional<SyntaxError> Scanner::scan_rest_for_error(int error_line, bool unclosed_wins) {
  try {
    error_kind_ = ErrorKind::Lexical;
    while (next().kind != TokenKind::EndMarker) {
    }
  } catch (const SyntaxError& error) {
    if (error_kind_ == ErrorKind::Lexical) return error;
    if (error_kind_ == ErrorKind::Unclosed &&
        (unclosed_wins || brackets_.back().line < error_line)) {
      return error;
    }
  }
  return std::nullopt;
}

// ---- Layout ----

// Measures the indentation of a new logical line, skipping blank and
// comment-only lines, and produces an Indent or the first Dedent when the
// level changes. Returns false when no layout token is due.
bool Scanner::scan_indentation(Token& out) {
  int col = 0;
  int alt_col = 0;
  while (true) {
    col = 0;
    alt_col = 0;
    for (; !at_end(); ++pos_) {
      char c = peek();
      if (c == ' ') {
        ++col;
        ++alt_col;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        ++alt_col;
      } else if (c == '\f') {
        col = alt_col = 0;
      } else {
        break;
      }
    }
    if (!at_blank_line_end(pos_)) break;
    if (at_end()) return false;
    skip_blank_line();
  }
  int line = line_;
  int first_col = column_of(pos_);
  const char* tab_error = "inconsistent use of tabs and spaces in indentation";
  if (col == indents_.back()) {
    if (alt_col != alt_indents_.back()) fail_layout(tab_error, line, 1);
    return false;
  }
  if (col > indents_.back()) {
    if (indents_.size() >= kMaxIndentLevels) {
      fail_layout("too many levels of indentation", line, first_col);
    }
    if (alt_col <= alt_indents_.back()) fail_layout(tab_error, line, 1);
    indents_.push_back(col);
    alt_indents_.push_back(alt_col);
    out = make_layout(TokenKind::Indent, line, first_col);
    return true;
  }
  int dedents = 0;
  while (indents_.size() > 1 && col < indents_.back()) {
    indents_.pop_back();
    alt_indents_.pop_back();
    ++dedents;
  }
  if (col != indents_.back()) {
    // CPython points just past the end of the offending line.
    size_t end = pos_;
    while (end < source_.size() && !is_line_end(source_[end])) ++end;
    fail_layout("unindent does not match any outer indentation level", line, column_of(end));
  }
  if (alt_col != alt_indents_.back()) fail_layout(tab_error, line, 1);
  pending_dedents_ = dedents - 1;
  pending_line_ = line;
  pending_col_ = first_col;
  out = make_layout(TokenKind::Dedent, line, first_col);
  return true;
}

// True when the rest of the line at [pos] holds nothing but a comment.
bool Scanner::at_blank_line_end(size_t pos) const {
  return pos >= source_.size() || source_[pos] == '#' || is_line_end(source_[pos]);
}

void Scanner::skip_blank_line() {
  while (!at_end() && !is_line_end(peek())) ++pos_;
  if (!at_end()) consume_newline();
}

// Skips spaces, tabs, form feeds, a comment, and backslash-newline joins.
void Scanner::skip_whitespace() {
  while (!at_end()) {
    char c = peek();
    if (c == ' ' || c == '\t' || c == '\f') {
      ++pos_;
    } else if (c == '#') {
      while (!at_end() && !is_line_end(peek())) ++pos_;
    } else if (c == '\\') {
      if (pos_ + 1 >= source_.size()) {
        fail_layout("unexpected EOF while parsing", line_, column_of(pos_) + 1);
      }
      if (!is_line_end(peek(1))) {
        fail_layout("unexpected character after line continuation character", line_,
                    column_of(pos_) + 1);
      }
      ++pos_;
      consume_newline();
    } else {
      return;
    }
  }
}

// Produces the tokens due at the end of input, one per call: a NEWLINE for
// an unfinished line, a DEDENT per open block, then EndMarker.
Token Scanner::scan_end_of_input() {
  if (!brackets_.empty()) {
    const OpenBracket& open = brackets_.back();
    error_kind_ = ErrorKind::Unclosed;
    fail(std::string("'") + open.ch + "' was never closed", open.line, open.col);
  }
  int line = line_;
  int col = column_of(pos_);
  if (field_mode_) return make_layout(TokenKind::EndMarker, line, col);
  if (line_has_tokens_) {
    line_has_tokens_ = false;
    last_newline_line_ = line;
    last_newline_col_ = col;
    return make_layout(TokenKind::Newline, line, col);
  }
  if (indents_.size() > 1) {
    pending_dedents_ = static_cast<int>(indents_.size()) - 2;
    pending_line_ = last_newline_line_;
    pending_col_ = last_newline_col_;
    indents_.erase(indents_.begin() + 1, indents_.end());
    alt_indents_.erase(alt_indents_.begin() + 1, alt_indents_.end());
    return make_layout(TokenKind::Dedent, last_newline_line_, last_newline_col_);
  }
  return make_layout(TokenKind::EndMarker, last_newline_line_, last_newline_col_);
}

Token Scanner::make(TokenKind kind, size_t start, int line, int col) const {
  Token token;
  token.kind = kind;
  token.text = std::string(source_.substr(start, pos_ - start));
  token.line = line;
  token.col = col;
  return token;
}

Token Scanner::make_layout(TokenKind kind, int line, int col) const {
  Token token;
  token.kind = kind;
  token.line = line;
  token.col = col;
  return token;
}

// ---- Tokens ----

Token Scanner::scan_token() {
  size_t start = pos_;
  int line = line_;
  int col = column_of(pos_);
  char c = peek();
  if (is_name_start(c)) return scan_name_or_string(start, line, col);
  if (is_decimal_digit(c) || (c == '.' && is_decimal_digit(peek(1)))) {
    return scan_number(start, line, col);
  }
  if (c == '\'' || c == '"') return scan_string("", line, col);
  return scan_operator(start, line, col);
}

// Scans a name or keyword, or a string whose prefix looked like a name.
Token Scanner::scan_name_or_string(size_t start, int line, int col) {
  while (is_name_char(peek())) ++pos_;
  if (is_non_ascii(peek())) fail_invalid_character(line_, column_of(pos_));
  std::string_view word = source_.substr(start, pos_ - start);
  if ((peek() == '\'' || peek() == '"') && is_string_prefix(word)) {
    return scan_string(word, line, col);
  }
  if (auto kind = keyword_kind(word)) return make(*kind, start, line, col);
  return make(TokenKind::Name, start, line, col);
}

Token Scanner::scan_number(size_t start, int line, int col) {
  char radix = static_cast<char>(peek(1) | 0x20);
  if (peek() == '0' && (radix == 'x' || radix == 'o' || radix == 'b')) {
    return scan_radix_number(start, line, col);
  }
  return scan_decimal_number(start, line, col);
}

// Scans 0x..., 0o... or 0b..., with single underscores between digits.
Token Scanner::scan_radix_number(size_t start, int line, int col) {
  char prefix = static_cast<char>(peek(1) | 0x20);
  int radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
  bool (*is_digit)(char) = prefix == 'x' ? is_hex_digit : prefix == 'o' ? is_octal_digit : is_binary_digit;
  std::string kind = prefix == 'x' ? "hexadecimal" : prefix == 'o' ? "octal" : "binary";
  pos_ += 2;
  uint64_t value = 0;
  bool any_digit = false;
  bool too_large = false;
  while (true) {
    if (peek() == '_') {
      ++pos_;
      if (!is_digit(peek())) fail("invalid " + kind + " literal", line_, column_of(pos_ - 1));
    }
    if (!is_digit(peek())) break;
    auto digit = static_cast<uint64_t>(digit_value(peek()));
    if (value > (kMaxIntMagnitude - digit) / static_cast<uint64_t>(radix)) too_large = true;
    if (!too_large) value = value * static_cast<uint64_t>(radix) + digit;
    any_digit = true;
    ++pos_;
  }
  if (is_decimal_digit(peek())) {
    fail(std::string("invalid digit '") + peek() + "' in " + kind + " literal", line_,
         column_of(pos_));
  }
  if (!any_digit) fail("invalid " + kind + " literal", line_, column_of(pos_ - 1));
  verify_end_of_number(kind, line, col);
  Token token = make(TokenKind::Int, start, line, col);
  token.int_value = value;
  token.int_past_64_bits = too_large;
  return token;
}

// Scans a decimal int or a float: 1_000, 1.5, .5, 1., 1e10, 1.5e-7.
Token Scanner::scan_decimal_number(size_t start, int line, int col) {
  bool is_float = false;
  if (peek() != '.') scan_digit_run(is_decimal_digit, "decimal");
  if (peek() == '.') {
    is_float = true;
    ++pos_;
    if (is_decimal_digit(peek())) scan_digit_run(is_decimal_digit, "decimal");
  }
  if (peek() == 'e' || peek() == 'E') {
    bool sign = peek(1) == '+' || peek(1) == '-';
    if (is_decimal_digit(peek(sign ? 2 : 1))) {
      pos_ += sign ? 2 : 1;
      scan_digit_run(is_decimal_digit, "decimal");
      is_float = true;
    } else if (sign) {
      fail("invalid decimal literal", line_, column_of(pos_ + 1));
    }
    // Otherwise the 'e' starts a word, as in `1else`; checked just below.
  }
  if (peek() == 'j' || peek() == 'J') {
    fail("imaginary literals are not supported by MiniPy", line, col);
  }
  verify_end_of_number("decimal", line, col);
  std::string digits;
  for (char c : source_.substr(start, pos_ - start)) {
    if (c != '_') digits += c;
  }
  Token token = make(is_float ? TokenKind::Float : TokenKind::Int, start, line, col);
  if (is_float) {
    token.float_value = parse_float(digits);
    return token;
  }
  if (digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) {
    fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
         line, col);
  }
  uint64_t value = 0;
  for (char c : digits) {
    auto digit = static_cast<uint64_t>(c - '0');
    if (value > (kMaxIntMagnitude - digit) / 10) {
      token.int_past_64_bits = true;
      break;
    }
    value = value * 10 + digit;
  }
  token.int_value = value;
  return token;
}

// Scans digits with single underscores between them; the first character
// must be a digit.
void Scanner::scan_digit_run(bool (*is_digit)(char), std::string_view kind) {
  while (true) {
    while (is_digit(peek())) ++pos_;
    if (peek() != '_') return;
    ++pos_;
    if (!is_digit(peek())) {
      fail("invalid " + std::string(kind) + " literal", line_, column_of(pos_ - 1));
    }
  }
}

// A number may be followed directly by a keyword (`1if x else 2`, which
// CPython accepts), but not by any other name character.
void Scanner::verify_end_of_number(std::string_view kind, int line, int col) {
  if (!is_name_char(peek()) && !is_non_ascii(peek())) return;
  size_t end = pos_;
  while (end < source_.size() && is_name_char(source_[end])) ++end;
  std::string_view word = source_.substr(pos_, end - pos_);
  bool keyword = word == "and" || word == "else" || word == "for" || word == "if" ||
                 word == "in" || word == "is" || word == "not" || word == "or";
  if (keyword && (end >= source_.size() || !is_non_ascii(source_[end]))) return;
  fail("invalid " + std::string(kind) + " literal", line, col);
}

// Scans a string literal whose prefix (possibly empty) starts at [start];
// the cursor is on the opening quote.
Token Scanner::scan_string(std::string_view prefix, int line, int col) {
  bool is_bytes = prefix_has(prefix, 'b');
  bool raw = prefix_has(prefix, 'r');
  bool is_fstring = prefix_has(prefix, 'f');
  char quote = peek();
  bool triple = peek(1) == quote && peek(2) == quote;
  size_t quote_length = triple ? 3 : 1;
  pos_ += quote_length;
  size_t body_start = pos_;
  int body_line = line_;
  int body_col = column_of(pos_);
  while (true) {
    if (at_end() || (!triple && is_line_end(peek()))) {
      // CPython counts the line of the last character, not the empty one
      // after a final newline.
      bool after_final_newline = at_end() && pos_ > 0 && is_line_end(source_[pos_ - 1]);
      int detected = after_final_newline ? line_ - 1 : line_;
      fail(std::string(triple ? "unterminated triple-quoted string literal"
                              : "unterminated string literal") +
               " (detected at line " + std::to_string(detected) + ")",
           line, col);
    }
    char c = peek();
    if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) break;
    if (is_line_end(c)) {
      consume_newline();
      continue;
    }
    ++pos_;
    if (c == '\\' && !at_end()) {  // The escaped character cannot end the string.
      if (is_line_end(peek())) {
        consume_newline();
      } else {
        ++pos_;
      }
    }
  }
  std::string_view body = source_.substr(body_start, pos_ - body_start);
  pos_ += quote_length;
  Token token;
  token.line = line;
  token.col = col;
  if (is_fstring) {
    token.kind = TokenKind::FString;
    token.text = std::string(body);
    token.pieces = FStringSplitter(body, raw, body_line, body_col).split();
  } else if (is_bytes) {
    token.kind = TokenKind::Bytes;
    token.text = decode_bytes_literal(body, raw, body_line, body_col, line, col);
  } else {
    token.kind = TokenKind::String;
    token.text = decode_string(body, raw, body_line, body_col);
  }
  return token;
}

// Scans an operator or delimiter by longest match.
Token Scanner::scan_operator(size_t start, int line, int col) {
  char c = peek();
  char c1 = peek(1);
  char c2 = peek(2);
  auto op = [&](TokenKind kind, size_t length) {
    pos_ += length;
    return make(kind, start, line, col);
  };
  using K = TokenKind;
  switch (c) {
    case '(': return open_bracket(K::LParen, start, line, col);
    case '[': return open_bracket(K::LBracket, start, line, col);
    case '{': return open_bracket(K::LBrace, start, line, col);
    case ')': return close_bracket(K::RParen, start, line, col);
    case ']': return close_bracket(K::RBracket, start, line, col);
    case '}': return close_bracket(K::RBrace, start, line, col);
    case ',': return op(K::Comma, 1);
    case ';': return op(K::Semicolon, 1);
    case '~': return op(K::Tilde, 1);
    case ':': return c1 == '=' ? op(K::ColonEqual, 2) : op(K::Colon, 1);
    case '.': return c1 == '.' && c2 == '.' ? op(K::Ellipsis, 3) : op(K::Dot, 1);
    case '+': return c1 == '=' ? op(K::PlusEqual, 2) : op(K::Plus, 1);
    case '%': return c1 == '=' ? op(K::PercentEqual, 2) : op(K::Percent, 1);
    case '@': return c1 == '=' ? op(K::AtEqual, 2) : op(K::At, 1);
    case '&': return c1 == '=' ? op(K::AmperEqual, 2) : op(K::Amper, 1);
    case '|': return c1 == '=' ? op(K::VBarEqual, 2) : op(K::VBar, 1);
    case '^': return c1 == '=' ? op(K::CircumflexEqual, 2) : op(K::Circumflex, 1);
    case '=': return c1 == '=' ? op(K::EqEqual, 2) : op(K::Equal, 1);
    case '-':
      if (c1 == '=') return op(K::MinusEqual, 2);
      return c1 == '>' ? op(K::Arrow, 2) : op(K::Minus, 1);
    case '*':
      if (c1 == '*') return c2 == '=' ? op(K::DoubleStarEqual, 3) : op(K::DoubleStar, 2);
      return c1 == '=' ? op(K::StarEqual, 2) : op(K::Star, 1);
    case '/':
      if (c1 == '/') return c2 == '=' ? op(K::DoubleSlashEqual, 3) : op(K::DoubleSlash, 2);
      return c1 == '=' ? op(K::SlashEqual, 2) : op(K::Slash, 1);
    case '<':
      if (c1 == '<') return c2 == '=' ? op(K::LeftShiftEqual, 3) : op(K::LeftShift, 2);
      return c1 == '=' ? op(K::LessEqual, 2) : op(K::Less, 1);
    case '>':
      if (c1 == '>') return c2 == '=' ? op(K::RightShiftEqual, 3) : op(K::RightShift, 2);
      return c1 == '=' ? op(K::GreaterEqual, 2) : op(K::Greater, 1);
    case '!':
      if (c1 == '=') return op(K::NotEqual, 2);
      break;
    default:
      break;
  }
  fail_invalid_character(line, col);
}

Token Scanner::open_bracket(TokenKind kind, size_t start, int line, int col) {
  if (brackets_.size() >= kMaxBracketDepth) fail("too many nested parentheses", line, col);
  brackets_.push_back({peek(), line, col});
  ++pos_;
  return make(kind, start, line, col);
}

Token Scanner::close_bracket(TokenKind kind, size_t start, int line, int col) {
  char closer = peek();
  if (brackets_.empty()) fail(std::string("unmatched '") + closer + "'", line, col);
  OpenBracket open = brackets_.back();
  char expected = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
  if (closer != expected) {
    std::string message = std::string("closing parenthesis '") + closer +
                          "' does not match opening parenthesis '" + open.ch + "'";
    if (open.line != line) message += " on line " + std::to_string(open.line);
    fail(message, line, col);
  }
  brackets_.pop_back();
  ++pos_;
  return make(kind, start, line, col);
}

// Reports a character that cannot start a token. Non-ASCII text is fine in
// strings and comments, but MiniPy names are ASCII only.
void Scanner::fail_invalid_character(int line, int col) const {
  auto c = static_cast<unsigned char>(peek());
  if (is_non_ascii(peek())) {
    std::string what = describe_character(source_, pos_);
    if (what.rfind("invalid", 0) == 0) fail(what, line, col);
    fail("invalid character " + what +
             ": MiniPy accepts non-ASCII text only in strings and comments",
         line, col);
  }
  if (c < 0x20 || c == 0x7F) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "invalid non-printable character U+%04X", c);
    fail(buffer, line, col);
  }
  fail("invalid syntax", line, col);
}

std::vector<Token> scan(std::string_view source) {
  Scanner scanner(source);
  std::vector<Token> tokens;
  do {
    tokens.push_back(scanner.next());
  } while (tokens.back().kind != TokenKind::EndMarker);
  return tokens;
}

}  // namespace gil
