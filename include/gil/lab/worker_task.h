// The one message a processes-mode worker reads: ("task", task, worker,
// units), as process_runner.h describes. Decoding it is the worker's whole
// input boundary (the parent is the only sender, but a broken or hostile
// one must get one clear error, never a crash), so it lives apart from the
// worker loop: the fuzz target fuzz/worker_task_fuzz.cc drives it alone.
#pragma once

#include <cstdint>
#include <string_view>

#include "gil/runtime/runtime.h"

namespace gil {

// A task message, checked against its shape.
struct WorkerTask {
  int64_t id;      // 0 .. INT64_MAX
  int worker;      // 0 .. INT_MAX
  int64_t units;   // 0 .. INT64_MAX
};

// The task in [message]; throws wire::FormatError for any other shape.
WorkerTask parse_task(const Value& message);

// The task in [payload], a wire-format value (wire::decode, then
// parse_task); throws wire::FormatError for a malformed payload or a value
// of another shape. [ts] holds the GIL.
WorkerTask decode_task(ThreadState& ts, std::string_view payload);

}  // namespace gil
