// MiniPy's `multiprocessing` module (and `queue`, for queue.Empty): Process,
// Queue, Pipe, Pool, cpu_count, current_process, active_children and
// set_start_method("spawn").
//
// Children are started as CPython's `spawn` start method starts them: each
// is a fresh gil-demo process (`gil-demo __mp_child`) that receives the
// program's source, runs its top level with __name__ == "__mp_main__" (so
// `if __name__ == "__main__":` blocks do not run again), then looks up its
// target by name and calls it. Arguments travel in the wire format; Queues
// and Pipe ends travel as descriptors the child inherits. Every blocking
// call (join, get, recv, poll, Pool.map) releases the GIL.
#pragma once

#include <string>
#include <vector>

#include "gil/runtime/runtime.h"

namespace gil {

// The multiprocessing module as a runtime extension: `import
// multiprocessing` and `import queue`, and the children awaited at exit.
RuntimeExtension multiprocessing_extension();

// Makes `import multiprocessing` and `import queue` available on [rt].
void install_multiprocessing(Runtime& rt);

// Called when the program's top level has finished, after threading's
// shutdown: joins the non-daemon children and terminates the daemon ones, as
// CPython's multiprocessing does at exit. When [abnormal] (the program ended
// by Ctrl-C) every child is terminated instead of awaited, and a Ctrl-C
// during the wait terminates the children still running.
void multiprocessing_shutdown(ThreadState& ts, bool abnormal);

// The child role, `gil-demo __mp_child` with [args] (--channel-fd N and the
// GIL configuration). Returns the process exit code: 0, the code passed to
// sys.exit, or 1 after an uncaught exception (whose traceback goes to
// stderr, after "Process <name>:").
int run_mp_child(const std::vector<std::string>& args);

}  // namespace gil
