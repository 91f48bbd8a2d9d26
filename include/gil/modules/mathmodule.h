// MiniPy's `math` module, after CPython 3.11's Modules/mathmodule.c: the
// libm functions with CPython's error rules ("math domain error" where the
// result is undefined, "math range error" where it overflows), CPython's own
// gamma and lgamma (Lanczos, so results match bit for bit), exact integer
// functions on ints of any size (GMP), and fsum's exact summation.
#pragma once

#include "gil/runtime/runtime.h"

namespace gil {

// `import math` on a runtime: registers the module maker.
RuntimeExtension math_extension();

}  // namespace gil
