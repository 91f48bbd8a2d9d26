// MiniPy's `gc` module: the interface to the cycle collector
// (runtime/collector.h) that CPython's Modules/gcmodule.c gives Python.
#pragma once

#include "gil/runtime/runtime.h"

namespace gil {

// The gc module as a runtime extension: `import gc`.
RuntimeExtension gc_extension();

}  // namespace gil
