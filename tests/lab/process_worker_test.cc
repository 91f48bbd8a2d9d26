// The worker role (`gil-demo __worker`) given messages no gil-demo parent
// sends: CRC-valid frames of the wrong shape, and a header announcing 1 GiB.
// Each must end the worker with one line on stderr and exit 1: no crash, no
// hang, no reservation of what a header alone announces.
#include <gtest/gtest.h>

#include <string>

#include "../support/role_process.h"

#ifndef GIL_DEMO_EXE
#error "tests/CMakeLists.txt defines GIL_DEMO_EXE"
#endif

namespace gil {
namespace {

using testing::int_value;
using testing::list_of;
using testing::none_value;
using testing::RoleProcess;
using testing::str_value;
using testing::tuple_of;

std::vector<std::string> worker_args() {
  return {"__worker", "--channel-fd", "3", std::string(GIL_SOURCE_DIR) + "/demos/workloads/cpu.py"};
}

// Expects [worker] to end with exit 1 and one stderr line containing [text].
void expect_one_line_failure(RoleProcess& worker, const std::string& text) {
  int status = worker.wait();
  std::string err = worker.stderr_text();
  EXPECT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 1)
      << testing::describe_status(status) << "\n" << err;
  EXPECT_NE(err.find(text), std::string::npos) << err;
  EXPECT_EQ(err.find('\n'), err.size() - 1) << "not one line:\n" << err;
}

struct BadTask {
  const char* name;
  std::string payload;
  const char* error;
};

class WorkerGivenABadTask : public ::testing::TestWithParam<BadTask> {};

TEST_P(WorkerGivenABadTask, EndsWithOneLineAndExit1) {
  RoleProcess worker(GIL_DEMO_EXE, worker_args());
  worker.send_frame(GetParam().payload);
  expect_one_line_failure(worker, GetParam().error);
}

const std::string kTask = str_value("task");

INSTANTIATE_TEST_SUITE_P(
    Shapes, WorkerGivenABadTask,
    ::testing::Values(
        BadTask{"one_tuple", tuple_of(1) + kTask, "a task message must be a tuple of 4 items, not a tuple of 1 item"},
        BadTask{"two_tuple", tuple_of(2) + kTask + int_value(0), "not a tuple of 2 items"},
        BadTask{"three_tuple", tuple_of(3) + kTask + int_value(0) + int_value(0), "not a tuple of 3 items"},
        BadTask{"empty_tuple", tuple_of(0), "not a tuple of 0 items"},
        BadTask{"int", int_value(7), "a task message must be a tuple of 4 items, not an int"},
        BadTask{"list", list_of(4) + kTask + int_value(0) + int_value(0) + int_value(1), "not a list of 4 items"},
        BadTask{"none", none_value(), "not None"},
        BadTask{"string_id", tuple_of(4) + kTask + str_value("0") + int_value(0) + int_value(1),
                "a task's number must be an int from 0 to 9223372036854775807, not a str"},
        BadTask{"units_list", tuple_of(4) + kTask + int_value(0) + int_value(0) + list_of(1) + int_value(1),
                "a task's units must be an int from 0 to 9223372036854775807, not a list of 1 item"},
        BadTask{"units_bool", tuple_of(4) + kTask + int_value(0) + int_value(0) + "T", "not a bool"},
        BadTask{"negative_worker", tuple_of(4) + kTask + int_value(0) + int_value(-1) + int_value(1),
                "a task's worker must be an int from 0 to 2147483647, not -1"},
        BadTask{"huge_worker", tuple_of(4) + kTask + int_value(0) + int_value(int64_t{1} << 40) + int_value(1),
                "a task's worker must be an int from 0 to 2147483647"},
        BadTask{"unknown_verb", tuple_of(4) + str_value("stop") + int_value(0) + int_value(0) + int_value(1),
                "unknown message verb 'stop'"},
        BadTask{"int_verb", tuple_of(4) + int_value(1) + int_value(0) + int_value(0) + int_value(1),
                "a task message's verb must be a str, not an int"}),
    [](const ::testing::TestParamInfo<BadTask>& info) { return std::string(info.param.name); });

// A header that announces the largest payload, then nothing: the worker
// waits for the bytes with a buffer that grows as they come, so under an
// address-space limit far below 1 GiB it reports the frame cut short, not
// an allocation failure.
TEST(WorkerGivenABadFrame, AHeaderAloneDoesNotReserveWhatItAnnounces) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "the sanitizers' shadow memory does not fit an address-space limit";
#endif
  RoleProcess worker(GIL_DEMO_EXE, worker_args(), rlim_t{512} << 20);
  std::string header = wire::frame("").substr(0, wire::kHeaderSize);
  uint32_t length = wire::kMaxPayload;
  for (int i = 0; i < 4; ++i) header[4 + i] = static_cast<char>((length >> (24 - 8 * i)) & 0xFF);
  worker.send_raw(header + "some");
  worker.finish_sending();
  expect_one_line_failure(worker, "truncated frame: the channel closed after 4 of 1073741824 bytes");
}

}  // namespace
}  // namespace gil
