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

}  // namespace gil
