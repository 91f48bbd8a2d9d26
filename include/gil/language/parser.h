// The parser: source text to an abstract syntax tree (ast.h).
//
// A recursive-descent parser over the token stream of scanner.h, one function
// per grammar rule, following the shape of Python's own grammar. It accepts
// exactly MiniPy's subset of Python 3; a construct outside it (a class, a
// generator, a walrus...) is reported as a SyntaxError that names the
// construct, never silently misparsed.
#pragma once

#include <string_view>

#include "gil/language/ast.h"
#include "gil/language/syntax_error.h"

namespace gil {

// Parses a whole source file. Throws SyntaxError on the first error.
ast::Module parse(std::string_view source);

}  // namespace gil
