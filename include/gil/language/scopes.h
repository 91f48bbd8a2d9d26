// Scope analysis: which variable each name in a module refers to.
//
// A pass over the syntax tree before compilation, as CPython's symtable.c:
// it builds one Scope per module, function, lambda and comprehension, and
// decides for every name in it whether it is a local slot, a cell (a local
// that a nested function captures), a free variable (a cell of an enclosing
// function, reached through the closure) or a global. It also raises the
// SyntaxErrors of `global` and `nonlocal` with CPython's wording.
//
// Comprehensions are scopes of their own (their loop variables do not leak),
// but MiniPy compiles them inline into the enclosing code, as CPython 3.12
// does (PEP 709): their bound names become hidden slots of the enclosing
// code, and the names they only read are resolved as in the enclosing scope.
// So a comprehension's direct reads of a local of its function do not make
// that local a cell; only a function nested in the comprehension does.
//
// Class scopes (ScopeKind::Class): the names a class body binds are its
// local slots, which become the class's namespace, and are not visible to
// the functions nested in it. (Zero-argument super() finds the defining
// class at run time instead of through CPython's __class__ cell; see
// descrobject.cc.)
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "gil/language/ast.h"
#include "gil/language/syntax_error.h"

namespace gil::scopes {

enum class ScopeKind { Module, Function, Class, Comprehension };

// Where a name's value lives, seen from one scope.
enum class Binding {
  // A plain local slot.
  Local,
  // A local that nested functions capture: its slot holds a cell.
  Cell,
  // A cell of an enclosing function, copied into a slot from the closure.
  Free,
  // Declared `global`.
  GlobalExplicit,
  // Not bound in any enclosing function: a global, else a builtin. Also
  // every name bound at module level.
  GlobalImplicit,
  // Comprehensions only: not bound in the comprehension, so resolved as in
  // the enclosing scope (the comprehension is compiled inline).
  Enclosing,
};

// What the pass learnt about one name in one scope.
struct Symbol {
  Binding binding = Binding::GlobalImplicit;
  bool param = false;
  bool assigned = false;  // stored, deleted, def'd, imported, caught
  bool used = false;      // read
  bool declared_global = false;
  bool declared_nonlocal = false;
  // Where the global or nonlocal statement is, for its errors.
  int decl_line = 0;
  int decl_col = 0;

  bool is_bound_here() const { return param || assigned; }
};

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  // "<module>", the def's name, "<lambda>", "<listcomp>", "<dictcomp>", "<setcomp>".
  std::string name;
  // CPython's __qualname__: "outer.<locals>.inner", "<listcomp>.<lambda>".
  std::string qualname;
  Scope* parent = nullptr;
  std::map<std::string, Symbol> symbols;
  // Nested scopes in source order.
  std::vector<std::unique_ptr<Scope>> children;
  // The cell and free variables, sorted (CPython's co_cellvars/co_freevars).
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  // Class scopes: a method reads __class__ (not yet provided: MiniPy's
  // super() does not need the cell).
  bool needs_class_cell = false;
  // Function scopes: the body contains `yield` (or the scope is a generator
  // expression), so calling the function makes a generator.
  bool is_generator = false;

  // The binding of [name] here; GlobalImplicit for a name the scope never
  // mentions (Enclosing in a comprehension).
  Binding binding_of(const std::string& name) const;
  bool is_function_like() const { return kind == ScopeKind::Function || kind == ScopeKind::Comprehension; }
};

// The scopes of a whole module, found by the syntax nodes that open them.
class SymbolTable {
 public:
  // Analyses [module]. Throws SyntaxError.
  static SymbolTable build(const ast::Module& module);

  const Scope& module() const { return *root_; }
  // The scope of a FunctionDef, ClassDef, Lambda, ListComp, DictComp or
  // SetComp node.
  const Scope& scope_of(const void* node) const { return *by_node_.at(node); }

 private:
  friend class ScopeBuilder;
  std::unique_ptr<Scope> root_;
  std::unordered_map<const void*, Scope*> by_node_;
};

}  // namespace gil::scopes
