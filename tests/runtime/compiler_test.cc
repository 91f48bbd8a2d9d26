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
}

TEST(Compiler, NamesClosuresAsUnsupported) {
  EXPECT_EQ(compile_error("def outer(n):\n    return lambda x: x + n\n"),
            "2: closures are not supported by MiniPy: 'n' belongs to the enclosing function 'outer'");
}

}  // namespace
}  // namespace gil
