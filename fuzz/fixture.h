// What the fuzz targets and the seed generator share: a runtime that can
// decode every kind of message a MiniPy program receives. Its __main__
// defines a few classes and a function, so that wire values naming them (an
// instance, a subclass of a built-in, an exception, a function sent by
// name) decode to something, as they do in a program that defines them.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "gil/ipc/standard_library.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/interpreter.h"
#include "gil/runtime/runtime.h"
#include "gil/runtime/vm.h"

namespace gil::fuzz {

inline constexpr std::string_view kPrelude = R"(import multiprocessing
import queue

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Tagged(list):
    pass

class Failure(Exception):
    pass

def square(x):
    return x * x
)";

// A runtime with the standard library, the prelude run in its __main__, and
// one thread holding its GIL. Made once per process: making one per input
// would cost more than decoding most inputs.
struct Fixture {
  Fixture() : rt(config()), ts(rt) {
    rt.gil->acquire(ts);
    // As run_source sets it: a class statement reads __name__.
    rt.globals.values[rt.global_slot(rt.name_module)] = make_str("__main__");
    try {
      run_module(ts, compile_source(rt, kPrelude, "prelude.py"));
    } catch (PyException& e) {
      print_traceback(ts, e.exception, stderr);
      std::abort();
    }
  }
  static RuntimeConfig config() {
    RuntimeConfig c;
    c.argv = {"prelude.py"};
    c.extensions = standard_library();
    return c;
  }
  Runtime rt;
  ThreadState ts;
};

}  // namespace gil::fuzz
