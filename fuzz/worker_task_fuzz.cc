// libFuzzer target: the processes-mode worker's task decoder
// (gil/lab/worker_task.h) on arbitrary payloads, as `gil-demo __worker`
// reads them from its channel once a frame's checksum has passed.
//
// The contract under test: every payload is a task whose fields are in
// range, or a wire::FormatError. Anything else escapes or aborts, and
// libFuzzer reports it.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fixture.h"
#include "gil/ipc/wire.h"
#include "gil/lab/worker_task.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static gil::fuzz::Fixture* f = new gil::fuzz::Fixture;
  try {
    gil::WorkerTask task = gil::decode_task(f->ts, std::string_view(reinterpret_cast<const char*>(data), size));
    if (task.id < 0 || task.worker < 0 || task.units < 0) std::abort();
  } catch (const gil::wire::FormatError&) {
  }
  return 0;
}
