// The compiler: which instructions it emits and which programs it rejects.
#include <gtest/gtest.h>

#include "gil/language/parser.h"
#include "gil/runtime/compiler.h"
#include "gil/runtime/debug.h"

namespace gil {
namespace {

// Compiles [source] and returns its disassembly with runs of spaces
// squeezed to one, so tests need not depend on column widths.
std::string listing(const std::string& source) {
  Runtime rt(RuntimeConfig{});
  ThreadState ts(rt);
  Value code = compile_module(rt, parse(source), "t.py");
  std::string text = disassemble(ts, as<ObjCode>(code)), out;
  for (char c : text)
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  return out;
}

std::string compile_error(const std::string& source) {
  Runtime rt(RuntimeConfig{});
  try {
    compile_module(rt, parse(source), "t.py");
  } catch (const SyntaxError& e) {
    return std::to_string(e.line) + ": " + e.what();
  }
  return "no error";
}

TEST(Compiler, LoopsJumpBackwardSoTheEvalBreakerIsChecked) {
  std::string dis = listing("n = 10\nwhile n > 0:\n    n -= 1\n");
  EXPECT_NE(dis.find("JUMP_BACKWARD"), std::string::npos);
  EXPECT_NE(dis.find("BINARY_OP 17 (-=)"), std::string::npos) << dis;
  EXPECT_NE(dis.find("STORE_GLOBAL"), std::string::npos);
}

TEST(Compiler, FunctionLocalsUseSlotsAndGlobalsUseGlobalSlots) {
  std::string dis = listing("g = 1\ndef f(a):\n    b = a + g\n    return b\n");
  EXPECT_NE(dis.find("Disassembly of f (t.py, line 2)"), std::string::npos);
  EXPECT_NE(dis.find("LOAD_FAST 0 (a)"), std::string::npos) << dis;
  EXPECT_NE(dis.find("LOAD_GLOBAL 0 (g)"), std::string::npos) << dis;
  EXPECT_NE(dis.find("STORE_FAST 1 (b)"), std::string::npos) << dis;
}

TEST(Compiler, GlobalDeclarationMakesAssignmentsGlobal) {
  std::string dis = listing("count = 0\ndef bump():\n    global count\n    count += 1\n");
  EXPECT_EQ(dis.find("STORE_FAST"), std::string::npos) << dis;
}

TEST(Compiler, TryStatementsGetExceptionRanges) {
  std::string dis = listing("try:\n    x = 1\nexcept ValueError:\n    pass\n");
  EXPECT_NE(dis.find("exception range"), std::string::npos) << dis;
  EXPECT_NE(dis.find("CHECK_EXC_MATCH"), std::string::npos);
}

TEST(Compiler, BytesAndStrConstantsOfTheSameTextStayApart) {
  std::string dis = listing("a = b'k'\nb = 'k'\nc = b'k'\n");
  EXPECT_NE(dis.find("LOAD_CONST 0 (b'k')"), std::string::npos) << dis;
  EXPECT_NE(dis.find("LOAD_CONST 1 ('k')"), std::string::npos) << dis;
  size_t first = dis.find("LOAD_CONST 0 (b'k')");
  // c = b'k' reuses slot 0.
  EXPECT_NE(dis.find("LOAD_CONST 0 (b'k')", first + 1), std::string::npos) << dis;
}

TEST(Compiler, EveryInstructionHasALine) {
  std::string dis = listing("a = 1\n\nb = [a,\n     a]\n");
  EXPECT_NE(dis.find("\n 3 "), std::string::npos) << dis;
}

TEST(Compiler, RejectsWhatPythonRejects) {
  EXPECT_EQ(compile_error("return 1\n"), "1: 'return' outside function");
  EXPECT_EQ(compile_error("break\n"), "1: 'break' outside loop");
  EXPECT_EQ(compile_error("while True:\n    def f():\n        continue\n"), "3: 'continue' not properly in loop");
  EXPECT_EQ(compile_error("def f(a, a):\n    pass\n"), "1: duplicate argument 'a' in function definition");
  EXPECT_EQ(compile_error("def f():\n    return [(yield i) for i in range(3)]\n"),
            "2: 'yield' inside list comprehension");
  EXPECT_EQ(compile_error("def f():\n    return list((yield i) for i in range(3))\n"),
            "2: 'yield' inside generator expression");
  EXPECT_EQ(compile_error("def f():\n    return {(yield k): 1 for k in 'ab'}\n"),
            "2: 'yield' inside dict comprehension");
  // The outermost iterable is evaluated in the enclosing function.
  EXPECT_EQ(compile_error("def f():\n    return list(x for x in (yield))\n"), "no error");
}

TEST(Compiler, CapturedLocalsLiveInCellsAndReachNestedFunctionsThroughClosures) {
  std::string dis = listing("def outer(n):\n    m = 1\n    return lambda x: x + n\n");
  // n is a parameter and a cell: the prologue wraps the argument.
  EXPECT_NE(dis.find("MAKE_CELL 0 (n)"), std::string::npos) << dis;
  // m is a plain local still.
  EXPECT_NE(dis.find("STORE_FAST 1 (m)"), std::string::npos) << dis;
  EXPECT_NE(dis.find("LOAD_CLOSURE 0 (n)"), std::string::npos) << dis;
  EXPECT_NE(dis.find("MAKE_FUNCTION 4"), std::string::npos) << dis;
  // The lambda copies its one free variable into the slot after x.
  EXPECT_NE(dis.find("COPY_FREE_VARS 1"), std::string::npos) << dis;
  EXPECT_NE(dis.find("LOAD_DEREF 1 (n)"), std::string::npos) << dis;
}

TEST(Compiler, NonlocalStoresIntoTheEnclosingCell) {
  std::string dis = listing(
      "def counter():\n    c = 0\n    def inc():\n        nonlocal c\n        c += 1\n        return c\n"
      "    return inc\n");
  EXPECT_NE(dis.find("STORE_DEREF 0 (c)"), std::string::npos) << dis;
  EXPECT_EQ(dis.find("STORE_FAST 0 (c)"), std::string::npos) << dis;
}

TEST(Compiler, ComprehensionsReadEnclosingLocalsWithoutCells) {
  std::string dis = listing("def f(xs, k):\n    return [x * k for x in xs]\n");
  EXPECT_EQ(dis.find("DEREF"), std::string::npos) << dis;
  EXPECT_EQ(dis.find("MAKE_CELL"), std::string::npos) << dis;
}

TEST(Compiler, ALambdaCapturingAComprehensionVariableGetsAFreshCellPerRun) {
  std::string dis = listing("fs = [lambda: i for i in range(3)]\n");
  EXPECT_NE(dis.find("NEW_CELL"), std::string::npos) << dis;
  EXPECT_NE(dis.find("STORE_DEREF"), std::string::npos) << dis;
}

TEST(Compiler, GlobalInANestedFunctionStaysGlobal) {
  std::string dis = listing("def f():\n    x = 1\n    def g():\n        global x\n        x = 2\n    return g\n");
  EXPECT_NE(dis.find("STORE_GLOBAL"), std::string::npos) << dis;
  EXPECT_EQ(dis.find("MAKE_CELL"), std::string::npos) << dis;
}

TEST(Compiler, StarredAssignmentAndCallsUseTheExtendedOpcodes) {
  std::string dis = listing("a, *b, c = xs\nf(*a, **b)\ny = [*a, 1]\n");
  EXPECT_NE(dis.find("UNPACK_EX 4097 (1 *, 1)"), std::string::npos) << dis;
  EXPECT_NE(dis.find("DICT_MERGE"), std::string::npos) << dis;
  EXPECT_NE(dis.find("CALL_FUNCTION_EX 1"), std::string::npos) << dis;
  EXPECT_NE(dis.find("LIST_EXTEND"), std::string::npos) << dis;
}

TEST(Compiler, DecoratorsAreCalledInnermostFirst) {
  std::string dis = listing("@a\n@b\ndef f():\n    pass\n");
  size_t load_a = dis.find("LOAD_GLOBAL"), make = dis.find("MAKE_FUNCTION");
  ASSERT_NE(load_a, std::string::npos);
  EXPECT_LT(load_a, make) << dis;
  EXPECT_NE(dis.find("CALL 1", make), std::string::npos) << dis;
}

TEST(Compiler, RejectsScopeAndStarMisuseAsPythonDoes) {
  EXPECT_EQ(compile_error("def f(x):\n    nonlocal x\n"), "2: name 'x' is parameter and nonlocal");
  EXPECT_EQ(compile_error("def f():\n    nonlocal y\n"), "2: no binding for nonlocal 'y' found");
  EXPECT_EQ(compile_error("nonlocal x\n"), "1: nonlocal declaration not allowed at module level");
  EXPECT_EQ(compile_error("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n"),
            "4: name 'x' is nonlocal and global");
  EXPECT_EQ(compile_error("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n"),
            "5: name 'x' is assigned to before nonlocal declaration");
  EXPECT_EQ(compile_error("def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n"),
            "5: name 'x' is used prior to nonlocal declaration");
  EXPECT_EQ(compile_error("def f(x):\n    global x\n"), "2: name 'x' is parameter and global");
  EXPECT_EQ(compile_error("def f():\n    print(x)\n    global x\n"), "3: name 'x' is used prior to global declaration");
  EXPECT_EQ(compile_error("x = 1\nglobal x\n"), "2: name 'x' is assigned to before global declaration");
  EXPECT_EQ(compile_error("def f():\n    global y\n    def g():\n        nonlocal y\n"),
            "4: no binding for nonlocal 'y' found");
  EXPECT_EQ(compile_error("a, *b, *c = x\n"), "1: multiple starred expressions in assignment");
  EXPECT_EQ(compile_error("*a = x\n"), "1: starred assignment target must be in a list or tuple");
  EXPECT_EQ(compile_error("for *a in x: pass\n"), "1: starred assignment target must be in a list or tuple");
  EXPECT_EQ(compile_error("x = *a\n"), "1: can't use starred expression here");
  EXPECT_EQ(compile_error("*a\n"), "1: can't use starred expression here");
}

}  // namespace
}  // namespace gil
