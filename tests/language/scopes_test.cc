// Scope analysis: what each name in each scope is bound to.
#include <gtest/gtest.h>

#include "gil/language/parser.h"
#include "gil/language/scopes.h"

namespace gil::scopes {
namespace {

// The scopes of [source] as "scope: name=binding ...", depth first, one
// line per scope, with the cell and free lists.
const char* binding_name(Binding b) {
  switch (b) {
    case Binding::Local: return "local";
    case Binding::Cell: return "cell";
    case Binding::Free: return "free";
    case Binding::GlobalExplicit: return "global";
    case Binding::GlobalImplicit: return "implicit";
    case Binding::Enclosing: return "enclosing";
  }
  return "?";
}

void describe(const Scope& scope, std::string& out) {
  out += scope.qualname.empty() ? scope.name : scope.qualname;
  out += ":";
  for (auto& [name, sym] : scope.symbols) out += " " + name + "=" + binding_name(sym.binding);
  out += "\n";
  for (auto& child : scope.children) describe(*child, out);
}

std::string scopes_of(const std::string& source) {
  ast::Module module = parse(source);
  SymbolTable table = SymbolTable::build(module);
  std::string out;
  describe(table.module(), out);
  return out;
}

TEST(Scopes, CapturedLocalsBecomeCellsAndPassThroughMiddleFunctions) {
  EXPECT_EQ(scopes_of("def outer(a):\n"
                      "    def middle():\n"
                      "        def inner():\n"
                      "            return a\n"
                      "        return inner\n"
                      "    return middle\n"),
            "<module>: outer=implicit\n"
            "outer: a=cell middle=local\n"
            "outer.<locals>.middle: a=free inner=local\n"
            "outer.<locals>.middle.<locals>.inner: a=free\n");
}

TEST(Scopes, ModuleNamesAreGlobalsEvenWhenNestedFunctionsReadThem) {
  EXPECT_EQ(scopes_of("x = 1\ndef f():\n    return x\n"), "<module>: f=implicit x=implicit\nf: x=implicit\n");
}

TEST(Scopes, GlobalDeclarationHidesTheEnclosingBinding) {
  EXPECT_EQ(scopes_of("def f():\n    x = 1\n    def g():\n        global x\n        def h():\n            return x\n"),
            "<module>: f=implicit\n"
            "f: g=local x=local\n"
            "f.<locals>.g: h=local x=global\n"
            "f.<locals>.g.<locals>.h: x=implicit\n");
}

TEST(Scopes, ComprehensionsAreTransparentForDirectReadsOnly) {
  // k read by the comprehension itself stays a plain local of f; n,
  // captured by the lambda, is a cell of the comprehension. The first
  // iterable, range(k), belongs to f.
  EXPECT_EQ(scopes_of("def f(k):\n    return [lambda: n + k for n in range(k)]\n"),
            "<module>: f=implicit\n"
            "f: k=cell range=implicit\n"
            "f.<locals>.<listcomp>: k=enclosing n=cell\n"
            "f.<locals>.<listcomp>.<lambda>: k=free n=free\n");
  EXPECT_EQ(scopes_of("def f(k):\n    return [x * k for x in range(3)]\n"),
            "<module>: f=implicit\n"
            "f: k=local range=implicit\n"
            "f.<locals>.<listcomp>: k=enclosing x=local\n");
}

TEST(Scopes, NonlocalBindsTheNearestEnclosingFunction) {
  EXPECT_EQ(scopes_of("def a():\n    x = 1\n    def b():\n        x = 2\n        def c():\n            nonlocal x\n"
                      "            x = 3\n"),
            "<module>: a=implicit\n"
            "a: b=local x=local\n"
            "a.<locals>.b: c=local x=cell\n"
            "a.<locals>.b.<locals>.c: x=free\n");
}

TEST(Scopes, QualifiedNamesFollowCpython) {
  ast::Module module = parse("def f():\n    return [lambda: i for i in range(3)]\ng = lambda: 0\n");
  SymbolTable table = SymbolTable::build(module);
  const Scope& f = *table.module().children[0];
  EXPECT_EQ(f.qualname, "f");
  EXPECT_EQ(f.children[0]->qualname, "f.<locals>.<listcomp>");
  EXPECT_EQ(f.children[0]->children[0]->qualname, "f.<locals>.<listcomp>.<lambda>");
  EXPECT_EQ(table.module().children[1]->qualname, "<lambda>");
}

}  // namespace
}  // namespace gil::scopes
