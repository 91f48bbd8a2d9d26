// A program's bytes before they are tokens. CPython reads source as UTF-8
// (PEP 3120) and refuses a file that is not, before its first token, so an
// invalid byte anywhere (a comment, a string, after a syntax error) is the
// error reported. MiniPy does the same; it does not read `# coding:`
// declarations (PEP 263), so every file must be UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gil/language/syntax_error.h"

namespace gil {

// The error for [source], read from [filename], when it is not strict UTF-8
// (a stray or missing continuation byte, an overlong form, a surrogate, a
// code point past U+10FFFF); nullopt when it is. Its message is CPython's,
// naming the first byte of the first bad sequence and its line (lines end
// at \n, \r\n or \r): "Non-UTF-8 code starting with '\xff' in file F on
// line 2, but no encoding declared; see https://peps.python.org/pep-0263/
// for details".
std::optional<SourceEncodingError> check_utf8(std::string_view source, const std::string& filename);

}  // namespace gil
