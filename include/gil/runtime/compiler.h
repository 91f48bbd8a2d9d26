// The compiler: an abstract syntax tree to code objects (chunk.h).
//
// One pass over the tree per function, after a short scan of the function's
// body that decides which names are its locals (assigned anywhere in it and
// not declared `global`). Locals become frame slots; names at module level,
// and names a function reads without assigning, become global slots of the
// Runtime. Comprehension variables get hidden slots of their own, so they do
// not leak, as in Python 3.
#pragma once

#include <string>

#include "gil/language/ast.h"
#include "gil/language/syntax_error.h"
#include "gil/runtime/runtime.h"

namespace gil {

// Compiles [module] from [filename] into the code object of its top level.
// Throws SyntaxError for what the parser cannot see: `return` outside a
// function, `break` outside a loop, a closure over an enclosing function's
// variable (not supported by MiniPy).
Value compile_module(Runtime& rt, const ast::Module& module, const std::string& filename);

}  // namespace gil
