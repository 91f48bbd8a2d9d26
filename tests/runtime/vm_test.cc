// The eval loop: results of running small programs, and what the runtime
// holds afterwards.
#include <gtest/gtest.h>

#include "gil/language/parser.h"
#include "gil/runtime/compiler.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/vm.h"

#include "../support/capture.h"

namespace gil {
namespace {

using testing::last_line;
using testing::run;

TEST(Vm, RunsArithmeticWithPythonSemantics) {
  auto r = run("print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** 10, 7 / 2, 1 + 2.5, 2 ** -1)\n");
  EXPECT_EQ(r.out, "3 -4 -2 2 1024 3.5 3.5 0.5\n");
  EXPECT_EQ(r.exit_code, 0);
}

// An int64 result that overflows is promoted to a big int; one that fits
// again is demoted to the inline int (the same value, the same type).
TEST(Vm, IntOverflowPromotesAndDemotes) {
  auto r = run("x = 9223372036854775807\nx += 1\nprint(x, type(x))\nx -= 1\nprint(x, x == 9223372036854775807)\n");
  EXPECT_EQ(r.out, "9223372036854775808 <class 'int'>\n9223372036854775807 True\n");
}

TEST(Vm, IntBoundaryArithmetic) {
  auto r = run("m = -9223372036854775807 - 1\nprint(-m, m // -1, abs(m), m * m, (m * m) // m == m)\n");
  EXPECT_EQ(r.out, "9223372036854775808 9223372036854775808 9223372036854775808 "
                   "85070591730234615865843651857942052864 True\n");
}

TEST(Vm, CallsWithDefaultsAndKeywords) {
  auto r = run("def f(a, b=2, c=3):\n    return a * 100 + b * 10 + c\nprint(f(1), f(1, c=9), f(c=1, b=1, a=1))\n");
  EXPECT_EQ(r.out, "123 129 111\n");
}

TEST(Vm, ArgumentErrorsUseCPythonWording) {
  EXPECT_EQ(last_line(run("def f(a):\n    pass\nf(1, 2)\n").err),
            "TypeError: f() takes 1 positional argument but 2 were given");
  EXPECT_EQ(last_line(run("def f(a, b):\n    pass\nf()\n").err),
            "TypeError: f() missing 2 required positional arguments: 'a' and 'b'");
  EXPECT_EQ(last_line(run("def f(a):\n    pass\nf(b=1)\n").err),
            "TypeError: f() got an unexpected keyword argument 'b'");
  EXPECT_EQ(last_line(run("def f(a):\n    pass\nf(1, a=1)\n").err),
            "TypeError: f() got multiple values for argument 'a'");
}

TEST(Vm, RecursionLimitRaisesRecursionError) {
  auto r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
  EXPECT_EQ(last_line(r.err), "RecursionError: maximum recursion depth exceeded");
  EXPECT_NE(r.err.find("[Previous line repeated"), std::string::npos);
  EXPECT_EQ(r.exit_code, 1);
}

TEST(Vm, RecursionErrorIsCatchableAndTheStackRecovers) {
  auto r = run(
      "def f(n):\n    return f(n + 1)\n"
      "try:\n    f(0)\nexcept RecursionError:\n    print('deep')\n"
      "def g(n):\n    return 0 if n == 0 else 1 + g(n - 1)\nprint(g(900))\n");
  EXPECT_EQ(r.out, "deep\n900\n");
}

TEST(Vm, FinallyRunsOnReturnBreakAndException) {
  auto r = run(
      "def f():\n    try:\n        return 1\n    finally:\n        print('f finally')\n"
      "print(f())\n"
      "for i in range(3):\n    try:\n        if i == 1:\n            break\n    finally:\n        print('loop', i)\n"
      "try:\n    try:\n        1 / 0\n    finally:\n        print('inner')\nexcept ZeroDivisionError as e:\n    print('outer', e)\n");
  EXPECT_EQ(r.out, "f finally\n1\nloop 0\nloop 1\ninner\nouter division by zero\n");
}

TEST(Vm, BareRaiseReraisesTheHandledException) {
  auto r = run("try:\n    try:\n        {}['k']\n    except KeyError:\n        raise\nexcept KeyError as e:\n    print(repr(e))\n");
  EXPECT_EQ(r.out, "KeyError('k')\n");
}

TEST(Vm, ExceptionInHandlerShowsBothTracebacks) {
  auto r = run("try:\n    1 / 0\nexcept ZeroDivisionError:\n    [][1]\n");
  EXPECT_NE(r.err.find("ZeroDivisionError: division by zero\n\nDuring handling of the above exception"),
            std::string::npos);
  EXPECT_EQ(last_line(r.err), "IndexError: list index out of range");
}

TEST(Vm, TracebackListsEveryFrameWithItsSourceLine) {
  auto r = run("def inner():\n    return 1 / 0\ndef outer():\n    return inner()\nouter()\n");
  EXPECT_EQ(r.err,
            "Traceback (most recent call last):\n"
            "  File \"test.py\", line 5, in <module>\n    outer()\n"
            "  File \"test.py\", line 4, in outer\n    return inner()\n"
            "  File \"test.py\", line 2, in inner\n    return 1 / 0\n"
            "ZeroDivisionError: division by zero\n");
  EXPECT_EQ(r.exit_code, 1);
}

TEST(Vm, SysExitSetsTheExitCode) {
  EXPECT_EQ(run("import sys\nsys.exit(3)\n").exit_code, 3);
  EXPECT_EQ(run("import sys\nsys.exit()\n").exit_code, 0);
  auto r = run("import sys\nsys.exit('bye')\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "bye\n");
}

TEST(Vm, ArgvHoldsTheArguments) {
  EXPECT_EQ(run("import sys\nprint(sys.argv)\n", {"a", "-b"}).out, "['test.py', 'a', '-b']\n");
}

TEST(Vm, StringConcatenationInALoopReusesTheBuffer) {
  // Correctness of the in-place path: aliases must not change.
  auto r = run("s = 'a'\nt = s\nfor i in range(3):\n    s += 'b'\nprint(s, t)\n"
               "def f():\n    u = ''\n    for i in range(5):\n        u += str(i)\n    return u\nprint(f())\n");
  EXPECT_EQ(r.out, "abbb a\n01234\n");
}

TEST(Vm, ListInPlaceAddMutatesAliases) {
  EXPECT_EQ(run("a = [1]\nb = a\nb += [2]\nprint(a)\n").out, "[1, 2]\n");
}

TEST(Vm, ComprehensionVariablesDoNotLeak) {
  auto r = run("x = 'outer'\nsquares = [x * x for x in range(4)]\nprint(squares, x)\n"
               "d = {k: v for k, v in [(1, 2), (3, 4)] if k > 1}\nprint(d)\n");
  EXPECT_EQ(r.out, "[0, 1, 4, 9] outer\n{3: 4}\n");
}

TEST(Vm, GlobalsHoldExactlyTheirReferences) {
  Runtime rt(RuntimeConfig{});
  ThreadState ts(rt);
  Value code = compile_module(rt, parse("x = [1, 2]\ny = x\nz = [x, x]\ndel z\n"), "t.py");
  run_module(ts, code);
  Value& x = rt.globals.values[rt.global_slot(rt.intern("x"))];
  ASSERT_TRUE(is_list(x));
  EXPECT_EQ(x.as_obj()->refcount, 2);  // x and y; the deleted z released its two
}

TEST(Vm, TheValueStackIsEmptyAfterAnException) {
  Runtime rt(RuntimeConfig{});
  ThreadState ts(rt);
  Value code = compile_module(rt, parse("def f(a, b):\n    return [a, b, a + b]\nf([1], 'x')\n"), "t.py");
  EXPECT_THROW(run_module(ts, code), PyException);
  EXPECT_TRUE(ts.frames.empty());
  for (Value* v = ts.stack.get(); v < ts.stack.get() + 64; ++v) EXPECT_TRUE(v->is_empty());
}

TEST(Vm, PendingSignalRaisesKeyboardInterruptAtTheNextBackwardJump) {
  Runtime rt(RuntimeConfig{});
  ThreadState ts(rt);
  rt.sigint_pending = true;
  rt.eval_breaker |= kSignalPending;
  Value code = compile_module(rt, parse("n = 0\nwhile True:\n    n += 1\n"), "t.py");
  try {
    run_module(ts, code);
    FAIL() << "expected KeyboardInterrupt";
  } catch (PyException& e) {
    EXPECT_EQ(as<ObjException>(e.exception)->type, rt.types.KeyboardInterrupt);
  }
  EXPECT_EQ(rt.eval_breaker.load(), 0u);
  EXPECT_EQ(rt.globals.values[rt.global_slot(rt.intern("n"))].as_int(), 1);
}


// A generator's frame leaves the thread's frame chain and value stack at
// every yield and comes back intact: locals, a partly evaluated expression
// on the operand stack, and the frames of the calls around each resume.
TEST(Vm, GeneratorFramesSuspendWithTheirLocalsAndStack) {
  auto r = run(
      "def g(a):\n"
      "    b = a * 2\n"
      "    c = [a, (yield b), (yield b + 1), b]\n"
      "    return c\n"
      "x = g(5)\n"
      "print(next(x), x.send('s1'), end=' ')\n"
      "try:\n"
      "    x.send('s2')\n"
      "except StopIteration as e:\n"
      "    print(e.value)\n");
  EXPECT_EQ(r.out, "10 11 [5, 's1', 's2', 10]\n");
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Vm, GeneratorResumedFromDeepCallsKeepsTheRecursionCount) {
  auto r = run(
      "def gen():\n"
      "    while True:\n"
      "        yield 1\n"
      "g = gen()\n"
      "def down(n):\n"
      "    return next(g) if n == 0 else down(n - 1)\n"
      "print(sum(down(k) for k in range(300)))\n");
  EXPECT_EQ(r.out, "300\n");
}

TEST(Vm, UnfinishedGeneratorRunsFinallyWhenFreed) {
  auto r = run(
      "def gen():\n"
      "    try:\n"
      "        yield 1\n"
      "    finally:\n"
      "        print('finally')\n"
      "g = gen()\n"
      "next(g)\n"
      "del g\n"
      "print('after')\n");
  EXPECT_EQ(r.out, "finally\nafter\n");
}


// FOR_ITER and SEND resume a generator by linking its frame above the
// resumer's in the same dispatch loop: the resumer's operand stack under the
// loop survives each yield, a return ends the loop or the `yield from` with
// its value, and an exception leaving the generator finishes it and is
// handled in the resumer's frame.
TEST(Vm, GeneratorResumedByForLoopRunsAboveTheResumersFrame) {
  auto r = run(
      "def gen(n):\n"
      "    for i in range(n):\n"
      "        yield i\n"
      "    return 'r'\n"
      "def chain(depth):\n"
      "    if depth == 0:\n"
      "        v = yield from gen(3)\n"
      "        yield v\n"
      "    else:\n"
      "        v = yield from chain(depth - 1)\n"
      "def loop():\n"
      "    return [100, [x for x in chain(200)], 200]\n"
      "print(loop())\n"
      "def bad():\n"
      "    yield 1\n"
      "    raise ValueError('inside')\n"
      "b = bad()\n"
      "try:\n"
      "    for x in b:\n"
      "        print('got', x)\n"
      "except ValueError as e:\n"
      "    print('caught', e, b.gi_frame, list(b))\n");
  EXPECT_EQ(r.out, "[100, [0, 1, 2, 'r'], 200]\ngot 1\ncaught inside None []\n");
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Vm, GeneratorLinkedByForLoopCountsTowardsTheRecursionLimit) {
  auto r = run(
      "import sys\n"
      "sys.setrecursionlimit(100)\n"
      "def nest(n):\n"
      "    if n == 0:\n"
      "        yield 1\n"
      "    else:\n"
      "        for x in nest(n - 1):\n"
      "            yield x\n"
      "try:\n"
      "    print(list(nest(500)))\n"
      "except RecursionError:\n"
      "    print('RecursionError')\n"
      "print(list(nest(50)))\n");
  EXPECT_EQ(r.out, "RecursionError\n[1]\n");
}

}  // namespace
}  // namespace gil
