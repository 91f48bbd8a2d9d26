// The virtual machine: the eval loop that runs code objects (chunk.h) on a
// ThreadState.
//
// Python-to-Python calls push a Frame and continue in the same loop, so deep
// recursion costs no C++ stack. A native function that calls back into Python
// (sorted(key=...)) enters the loop again, one level per such call.
//
// The loop polls one word, the Runtime's eval breaker, at every backward jump
// and function entry; any bit set there (a pending signal, a GIL drop request)
// sends it into a slow path. Nothing else is checked between instructions.
#pragma once

#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"

namespace gil {

// Runs the top level of a module: [code] holds its ObjCode. Exceptions leave
// as PyException, with the traceback filled in.
void run_module(ThreadState& ts, const Value& code);

// Calls the Python function [fn] from C++ with [argc] positional values in
// [args], followed by the values of the keywords named in [kwnames].
Value call_function(ThreadState& ts, ObjFunction* fn, Value* args, int argc, ObjTuple* kwnames);

struct ObjGenerator;

// Links the suspended frame of [gen] (genobject.h) into the thread's frame
// chain and runs it until it yields or returns, and returns that value:
// [gen]'s state then says which (Suspended after a yield). [sent] (when not
// Empty) becomes the value of the yield it resumes at; [thrown] (when not
// Empty) is raised there instead. An exception leaving the frame propagates
// with the frame unlinked.
Value resume_generator_frame(ThreadState& ts, ObjGenerator* gen, Value sent, Value thrown);

// The eval breaker's slow path: raises KeyboardInterrupt for a pending
// SIGINT. Later layers add the GIL drop request here.
void handle_eval_breaker(ThreadState& ts);

}  // namespace gil
