// The scanner: source text to tokens (token.h).
//
// A hand-written, on-demand scanner in the style of clox: the parser pulls
// one token at a time with next(). Scanning lazily matters for error
// reporting: a syntax error early in a file must win over a lexical error
// (say, an unclosed bracket) further down, exactly as in CPython.
//
// Like CPython's tokenizer it tracks indentation (INDENT/DEDENT), ends each
// logical line with NEWLINE, joins lines inside brackets and after a
// backslash, and skips blank and comment-only lines. String literals come
// out decoded; f-strings come out split into pieces (FStringPiece).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "gil/language/syntax_error.h"
#include "gil/language/token.h"

namespace gil {

// Hands out the tokens of one source text, in order. The scanner only views
// the text, which must outlive it. Errors are thrown as SyntaxError.
class Scanner {
 public:
  // Scans a whole source file (a module).
  explicit Scanner(std::string_view source);

  // Scans the expression of an f-string replacement field, whose text
  // starts at [line], [col] of the enclosing file. The text is scanned as if
  // inside parentheses: newlines are plain whitespace and no NEWLINE, INDENT
  // or DEDENT is produced; positions point into the enclosing file.
  static Scanner for_fstring_field(std::string_view text, int line, int col);

  // Returns the next token. After the end it keeps returning EndMarker.
  // Throws SyntaxError on malformed input.
  Token next();

  // After the parser has failed at [error_line], scans the rest of the input
  // the way CPython 3.11 does, and returns the error to report instead of the
  // parser's, if any: the first lexical error further on (an unterminated
  // string, a malformed number...), or "'(' was never closed" when the
  // bracket left open at the end was opened on an earlier line than the
  // error, or whenever [unclosed_wins]. Indentation errors further on never
  // replace the parser's error.
  std::optional<SyntaxError> scan_rest_for_error(int error_line, bool unclosed_wins);

 private:
  // What kind of error the scanner threw last; see scan_rest_for_error().
  enum class ErrorKind { Lexical, Layout, Unclosed };

  // Where an open bracket is, so that a missing closer can be reported there.
  struct OpenBracket {
    char ch;
    int line;
    int col;
  };

  Scanner(std::string_view source, bool field_mode, int line, int col);

  // Source navigation.
  bool at_end() const;
  char peek(size_t ahead = 0) const;
  int column_of(size_t pos) const;
  void consume_newline();
  [[noreturn]] void fail(std::string message, int line, int col) const;
  [[noreturn]] void fail_layout(std::string message, int line, int col);

  // Layout: indentation, whitespace, line ends and the end of input.
  bool scan_indentation(Token& out);
  void skip_blank_line();
  void skip_whitespace();
  bool at_blank_line_end(size_t pos) const;
  Token scan_end_of_input();
  Token make(TokenKind kind, size_t start, int line, int col) const;
  Token make_layout(TokenKind kind, int line, int col) const;

  // Tokens proper.
  Token scan_token();
  Token scan_name_or_string(size_t start, int line, int col);
  Token scan_number(size_t start, int line, int col);
  Token scan_radix_number(size_t start, int line, int col);
  Token scan_decimal_number(size_t start, int line, int col);
  void scan_digit_run(bool (*is_digit)(char), std::string_view kind);
  void verify_end_of_number(std::string_view kind, int line, int col);
  Token scan_string(std::string_view prefix, int line, int col);
  Token scan_operator(size_t start, int line, int col);
  Token open_bracket(TokenKind kind, size_t start, int line, int col);
  Token close_bracket(TokenKind kind, size_t start, int line, int col);
  [[noreturn]] void fail_invalid_character(int line, int col) const;

  std::string_view source_;
  size_t pos_ = 0;
  // Offset where the current physical line starts, and its number.
  size_t line_start_ = 0;
  int line_ = 1;
  // A field's text starts mid-line in the enclosing file: columns on its
  // first line are shifted by origin_col_ - 1.
  int origin_line_ = 1;
  int origin_col_ = 1;
  // True when scanning an f-string field rather than a file.
  bool field_mode_ = false;
  // True when the next token starts a logical line (indentation pending).
  bool at_line_start_ = true;
  // True when the current logical line has produced a token, so that a
  // NEWLINE is due at its end.
  bool line_has_tokens_ = false;
  // Indentation stack in columns (tabs to multiples of 8) and, in parallel,
  // counting a tab as one column: CPython's check for tab/space mixing.
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<OpenBracket> brackets_;
  // DEDENT tokens still to hand out, and where they go.
  int pending_dedents_ = 0;
  int pending_line_ = 1;
  int pending_col_ = 1;
  // Where the last NEWLINE was, for tokens made at the end of input.
  int last_newline_line_ = 1;
  int last_newline_col_ = 1;
  ErrorKind error_kind_ = ErrorKind::Lexical;
};

// Scans a whole source file into a token list ending with EndMarker.
// Convenient for tests and tools; the parser uses Scanner::next() directly.
// Throws SyntaxError on the first lexical error.
std::vector<Token> scan(std::string_view source);

}  // namespace gil
