// The compiler: an abstract syntax tree to code objects (chunk.h).
//
// First the scope analysis of language/scopes.h decides what every name is;
// then one pass over the tree per function. Locals become frame slots, cell
// and free variables slots holding cells (LOAD_DEREF), and names at module
// level, and names no enclosing function binds, global slots of the Runtime.
// Comprehensions are compiled inline; their variables get hidden slots of
// their own, so they do not leak, as in Python 3.
#pragma once

#include <string>

#include "gil/language/ast.h"
#include "gil/language/syntax_error.h"
#include "gil/runtime/runtime.h"

namespace gil {

// Compiles [module] from [filename] into the code object of its top level.
// Throws SyntaxError for what the parser cannot see: `return` outside a
// function, `break` outside a loop, `global`/`nonlocal` misuse, a misplaced
// starred expression.
// Global names become slots of [globals] (null: __main__'s, Runtime::globals).
Value compile_module(Runtime& rt, const ast::Module& module, const std::string& filename,
                     GlobalTable* globals = nullptr);

}  // namespace gil
