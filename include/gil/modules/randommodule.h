// MiniPy's `random` module: CPython 3.11's Mersenne Twister
// (Modules/_randommodule.c) with its seeding, and the methods of
// Lib/random.py written in C++ with the same algorithms, so that a program
// seeded alike draws the same numbers under both interpreters.
#pragma once

#include "gil/runtime/runtime.h"

namespace gil {

// `import random` on a runtime: registers the module maker.
RuntimeExtension random_extension();

}  // namespace gil
