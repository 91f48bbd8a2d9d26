// The abstract syntax tree that the parser builds and the compiler walks.
//
// Every expression and statement is a small struct; `Expr` and `Stmt` wrap
// them in a std::variant together with the source position. Children are
// owned through unique_ptr, so a tree is freed by dropping its root.
// Positions are 1-based lines and 1-based columns, as SyntaxError prints them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gil/language/operators.h"

namespace gil::ast {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using Body = std::vector<StmtPtr>;

// The unary operators. `Not` is logical negation, `Invert` is `~`.
enum class UnaryOp { Neg, Pos, Not, Invert };

// ---- Expressions ---------------------------------------------------------

// A reference to a variable: `x`.
struct Name { std::string id; };

// The value of a bytes literal. A type of its own rather than a second
// std::string, so that a str constant and a bytes constant cannot be confused.
struct BytesValue {
  std::string data;
};

// An int literal past int64: its digits in [base] (2, 8, 10 or 16), without
// prefix or underscores. The compiler makes the big int; the language layer
// does no arithmetic on it.
struct BigIntValue {
  std::string digits;
  int base = 10;
};

// The literal `...`.
struct EllipsisValue {};

// A literal: an int, a float, a str, bytes, True/False (bool), None
// (monostate) or `...`.
struct Constant {
  std::variant<std::monostate, bool, int64_t, double, std::string, BytesValue, BigIntValue, EllipsisValue> value;
};

// One replacement field of an f-string: `{value}` or `{value:spec}`.
// `spec` is the raw format spec text after the colon ("" when absent).
struct FormattedValue { ExprPtr value; std::string spec; };

// An f-string: literal pieces (Constant str) and FormattedValue pieces, in order.
struct JoinedStr { ExprList parts; };

// `left op right`.
struct BinOp { BinaryOp op; ExprPtr left; ExprPtr right; };

// `op operand`.
struct UnaryOpExpr { UnaryOp op; ExprPtr operand; };

// `a and b and c` (is_and) or `a or b or c`; at least two values.
struct BoolOp { bool is_and; ExprList values; };

// `left ops[0] comparators[0] ops[1] comparators[1] ...`.
struct Compare {
  ExprPtr left;
  std::vector<CompareOp> ops;
  ExprList comparators;
};

// `body if test else orelse`.
struct IfExp { ExprPtr test; ExprPtr body; ExprPtr orelse; };

// A parameter list shared by `def` and `lambda`:
//   def f(p1, p2, /, a, b=1, *args, k, k2=2, **kwargs)
// [names] are the positional parameters (p1 p2 a b), the first
// [posonly_count] of them positional-only; [defaults] belong to the last
// `defaults.size()` of them, as in Python. [vararg] and [kwarg] are empty
// when absent. [kw_defaults] is parallel to [kwonly], null for a keyword-only
// parameter without a default.
struct Parameters {
  std::vector<std::string> names;
  ExprList defaults;
  size_t posonly_count = 0;
  std::string vararg;
  std::vector<std::string> kwonly;
  ExprList kw_defaults;
  std::string kwarg;
  // `name: annotation` of the parameters that have one, in source order
  // (the order of a function's __annotations__).
  std::vector<std::pair<std::string, ExprPtr>> annotations;

  // Every parameter name in the order of the function's local slots:
  // positional, keyword-only, *args, **kwargs (CPython's co_varnames order).
  std::vector<std::string> all_names() const {
    std::vector<std::string> out = names;
    out.insert(out.end(), kwonly.begin(), kwonly.end());
    if (!vararg.empty()) out.push_back(vararg);
    if (!kwarg.empty()) out.push_back(kwarg);
    return out;
  }
  bool has_kw_defaults() const {
    for (auto& d : kw_defaults)
      if (d) return true;
    return false;
  }
};

// `lambda params: body`.
struct Lambda { Parameters params; ExprPtr body; };

// A keyword argument `name=value` in a call, or `**value` when name is empty.
struct Keyword { std::string name; ExprPtr value; };

// `func(args..., keywords...)`. An argument may be a Starred (`*xs`).
struct Call { ExprPtr func; ExprList args; std::vector<Keyword> keywords; };

// `*value`: in an assignment target, a display or a call's arguments.
struct Starred { ExprPtr value; };

// `value.attr`.
struct Attribute { ExprPtr value; std::string attr; };

// `value[index]`; for a slice, index holds a Slice expression.
struct Subscript { ExprPtr value; ExprPtr index; };

// `lower:upper:step` inside a subscript; each part may be absent (null).
struct Slice { ExprPtr lower; ExprPtr upper; ExprPtr step; };

// `[a, b, c]`; an element may be a Starred.
struct List { ExprList elts; };

// `(a, b, c)` or `a, b, c`; an element may be a Starred.
struct Tuple { ExprList elts; };

// `{k: v, ...}`; a null key means `**value`.
struct Dict { ExprList keys; ExprList values; };

// `{a, b, c}`; an element may be a Starred.
struct Set { ExprList elts; };

// One `for target in iter if cond1 if cond2` clause of a comprehension.
struct Comprehension { ExprPtr target; ExprPtr iter; ExprList ifs; };
using Generators = std::vector<Comprehension>;

// `[elt for ... for ... if ...]`: the clauses nest left to right.
struct ListComp { ExprPtr elt; Generators generators; };

// `{elt for ...}`.
struct SetComp { ExprPtr elt; Generators generators; };

// `{key: value for ...}`.
struct DictComp { ExprPtr key; ExprPtr value; Generators generators; };

// `(elt for ...)`: a generator expression, a generator function of its own
// whose one parameter is the first iterable's iterator.
struct GeneratorExp { ExprPtr elt; Generators generators; };

// `yield value` (value may be null) and `yield from value`: only inside a
// function, which they make a generator function.
struct Yield { ExprPtr value; };
struct YieldFrom { ExprPtr value; };

// `target := value`: binds the name and is the value. Inside a
// comprehension the name belongs to the enclosing function (PEP 572).
struct NamedExpr { std::string target; ExprPtr value; };

// An expression node: one of the structs above, and where it starts.
struct Expr {
  int line = 0;
  int col = 0;
  std::variant<Name, Constant, JoinedStr, FormattedValue, BinOp, UnaryOpExpr,
               BoolOp, Compare, IfExp, Lambda, Call, Attribute, Subscript,
               Slice, List, Tuple, Dict, ListComp, DictComp, Starred, Set, SetComp,
               GeneratorExp, Yield, YieldFrom, NamedExpr>
      node;
};

// ---- Statements ----------------------------------------------------------

// An expression evaluated for its effect: `f(x)`.
struct ExprStmt { ExprPtr value; };

// `t1 = t2 = value`: every target receives the value, left to right.
// A target is a Name, Attribute, Subscript, or a Tuple/List of targets.
struct Assign { ExprList targets; ExprPtr value; };

// `target: annotation [= value]`. [simple]: the target is a bare name (not
// parenthesised), whose annotation a module or class records in
// __annotations__; [value] may be null.
struct AnnAssign { ExprPtr target; ExprPtr annotation; ExprPtr value; bool simple = false; };

// `target op= value`; target is a Name, Attribute or Subscript.
struct AugAssign { ExprPtr target; BinaryOp op; ExprPtr value; };

// `if test: body elif ...: else: orelse`; an `elif` is an If inside orelse.
struct If { ExprPtr test; Body body; Body orelse; };

// `while test: body else: orelse`.
struct While { ExprPtr test; Body body; Body orelse; };

// `for target in iter: body else: orelse`.
struct For { ExprPtr target; ExprPtr iter; Body body; Body orelse; };

// `@decorators... def name(params): body`. The decorators are in source
// order (the last one is applied first).
struct FunctionDef {
  std::string name;
  Parameters params;
  Body body;
  ExprList decorators;
  // The `-> annotation`, or null.
  ExprPtr returns;
};

// `class name(bases): body`, applying [decorators] (outermost first) to the
// class made.
struct ClassDef {
  std::string name;
  ExprList bases;
  Body body;
  ExprList decorators;
};

// `return value`; value may be null.
struct Return { ExprPtr value; };

// `global a, b`.
struct Global { std::vector<std::string> names; };

// `nonlocal a, b`.
struct Nonlocal { std::vector<std::string> names; };

// `pass`, `break`, `continue`.
struct Pass {};
struct Break {};
struct Continue {};

// `assert test, msg`; msg may be null.
struct Assert { ExprPtr test; ExprPtr msg; };

// `del a, b[i]`.
struct Delete { ExprList targets; };

// One `except Type as name:` clause. `type` is null for a bare `except:`;
// it may be a Tuple of types. `name` is empty when there is no `as`.
struct ExceptHandler {
  int line = 0;
  ExprPtr type;
  std::string name;
  Body body;
};

// `try: body except...: handlers else: orelse finally: finalbody`.
struct Try {
  Body body;
  std::vector<ExceptHandler> handlers;
  Body orelse;
  Body finalbody;
};

// `raise exc from cause`; exc null means re-raise the exception being
// handled; cause is null without `from`.
struct Raise { ExprPtr exc; ExprPtr cause; };

// `import a, b` or `import a as b`; one Alias per module.
struct Alias { std::string name; std::string asname; };
struct Import { std::vector<Alias> names; };

// `from module import a, b as c`.
struct ImportFrom { std::string module; std::vector<Alias> names; };

// `with ctx as target: body`; target may be null. Several items nest.
struct WithItem { ExprPtr context; ExprPtr target; };
struct With { std::vector<WithItem> items; Body body; };

// A statement node: one of the structs above, and where it starts.
struct Stmt {
  int line = 0;
  int col = 0;
  std::variant<ExprStmt, Assign, AugAssign, AnnAssign, If, While, For, FunctionDef, ClassDef,
               Return, Global, Nonlocal, Pass, Break, Continue, Assert, Delete,
               Try, Raise, Import, ImportFrom, With>
      node;
};

// A parsed source file.
struct Module { Body body; };

}  // namespace gil::ast
