#include "gil/lab/worker_task.h"

#include <limits>
#include <string>
#include <vector>

#include "gil/ipc/wire.h"

namespace gil {

WorkerTask parse_task(const Value& message) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  const std::vector<Value>& items = wire::expect_tuple(message, 4, "a task message");
  const std::string& verb = wire::expect_str(items[0], "a task message's verb");
  if (verb != "task") throw wire::FormatError("unknown message verb '" + verb.substr(0, 40) + "' (expected 'task')");
  return WorkerTask{wire::expect_int(items[1], 0, kMax, "a task's number"),
                    static_cast<int>(wire::expect_int(items[2], 0, std::numeric_limits<int>::max(), "a task's worker")),
                    wire::expect_int(items[3], 0, kMax, "a task's units")};
}

WorkerTask decode_task(ThreadState& ts, std::string_view payload) { return parse_task(wire::decode(ts, payload)); }

}  // namespace gil
