// The error the scanner and the parser raise on bad source text.
#pragma once

#include <stdexcept>
#include <string>

namespace gil {

// A syntax error at a 1-based [line] and 1-based [col]. [message] uses
// CPython's wording where CPython has one ("invalid syntax", "expected ':'",
// "unexpected indent", "'(' was never closed"...).
class SyntaxError : public std::runtime_error {
 public:
  SyntaxError(std::string message, int line, int col)
      : std::runtime_error(message), line(line), col(col) {}

  // The line of the offending token, counting from 1.
  int line;
  // The column of the offending token, counting from 1.
  int col;
};

// Source text that is not UTF-8 (source_text.h). CPython prints this error
// as its message alone, without the offending line and a caret: the line
// cannot be shown as text.
class SourceEncodingError : public SyntaxError {
 public:
  using SyntaxError::SyntaxError;
};

}  // namespace gil
