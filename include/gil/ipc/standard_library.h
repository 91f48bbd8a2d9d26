// Every module a MiniPy program can import beyond the runtime's own (sys,
// time, os, signal): the extensions that a Runtime made to run user
// programs carries. Lives in the highest layer that provides modules, so
// that it can name all of them.
#pragma once

#include <vector>

#include "gil/runtime/runtime.h"

namespace gil {

// threading, then multiprocessing (and queue), in the order their at_exit
// hooks must run: threads are joined before child processes; then math and
// random, which have no hooks.
std::vector<RuntimeExtension> standard_library();

}  // namespace gil
