// The --live board and view: the accounting of LiveWorker, a board filled by
// real runs in every mode (invariants, not timings), and the view drawn while
// the workers write.

#include <gtest/gtest.h>

#include <cstdio>

#include "gil/cli/live_display.h"
#include "gil/lab/runner.h"
#include "gil/threads/live.h"

namespace gil {
namespace {

TEST(LiveWorker, AddsUpTheTimeInEachActivity) {
  LiveWorker w;
  EXPECT_EQ(w.activity(), ThreadActivity::Starting);
  w.change(ThreadActivity::Waiting, 1000);
  w.change(ThreadActivity::Running, 1300);
  w.change(ThreadActivity::InIo, 1800);
  w.change(ThreadActivity::Running, 1900);
  EXPECT_EQ(w.time_in(ThreadActivity::Waiting, 2000), 300);
  EXPECT_EQ(w.time_in(ThreadActivity::Running, 2000), 500 + 100);  // the current span counts
  EXPECT_EQ(w.time_in(ThreadActivity::InIo, 2000), 100);
  w.change(ThreadActivity::Done, 2500);
  EXPECT_EQ(w.time_in(ThreadActivity::Running, 9999), 1100);
  EXPECT_EQ(w.totals()[static_cast<size_t>(ThreadActivity::Running)], 1100);
}

TEST(LiveWorker, StoreReplacesEverything) {
  LiveWorker w;
  w.change(ThreadActivity::Running, 10);
  w.store(ThreadActivity::InIo, 500, {1, 2, 3, 4, 5});
  EXPECT_EQ(w.activity(), ThreadActivity::InIo);
  EXPECT_EQ(w.since_ns(), 500);
  EXPECT_EQ(w.time_in(ThreadActivity::InIo, 600), 3 + 100);
  EXPECT_EQ(w.time_in(ThreadActivity::Running, 600), 2);
}

RunSpec live_spec(Mode mode, const char* workload, int workers, int64_t size) {
  RunSpec s;
  s.mode = mode;
  s.workload_name = workload;
  s.workload_path = std::string(GIL_SOURCE_DIR) + "/demos/workloads/" + workload + ".py";
  s.workers = workers;
  s.size = size;
  s.worker_exe = GIL_DEMO_EXE;
  return s;
}

class LiveBoardModes : public ::testing::TestWithParam<std::tuple<Mode, int>> {};

// Every worker ends Done, having run; behind one GIL the workers' running
// times never add up to more than the run lasted.
TEST_P(LiveBoardModes, EveryWorkerRanAndEndedDone) {
  auto [mode, workers] = GetParam();
  LiveBoard board(workers);
  RunSpec s = live_spec(mode, "cpu", workers, 60 * workers);
  s.live = &board;
  int64_t before = live_now_ns();
  RunReport r = run_workload(s);
  int64_t after = live_now_ns();
  ASSERT_FALSE(r.failed) << r.error;
  int64_t running_sum = 0;
  for (int w = 0; w < workers; ++w) {
    EXPECT_EQ(board[w].activity(), ThreadActivity::Done) << "worker " << w;
    int64_t running = board[w].time_in(ThreadActivity::Running, after);
    EXPECT_GT(running, 0) << "worker " << w;
    running_sum += running;
  }
  if (mode != Mode::Processes) {
    EXPECT_LE(running_sum, after - before);
  }
}

INSTANTIATE_TEST_SUITE_P(Modes, LiveBoardModes,
                         ::testing::Combine(::testing::Values(Mode::Serial, Mode::Threads, Mode::Processes),
                                            ::testing::Values(1, 2, 4)));

TEST(LiveDisplay, DrawsEveryWorkerWhileTheyRunAndTheirEnd) {
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  LiveBoard board(3);
  RunSpec s = live_spec(Mode::Threads, "mixed", 3, 300);
  s.live = &board;
  LiveView view;
  view.title = "threads: mixed";
  view.expected_s = {0.01, 0.01, 0.01};
  view.colour = false;
  view.out = out;
  std::string last;
  {
    LiveDisplay display(board, view);  // reads the board while the workers write it
    RunReport r = run_workload(s);
    ASSERT_FALSE(r.failed) << r.error;
    display.stop();
    last = display.frame(live_now_ns());
  }
  std::fclose(out);
  EXPECT_NE(last.find("live: threads: mixed"), std::string::npos) << last;
  for (const char* row : {"worker 0 [====================] 100% done", "worker 1 [====================] 100% done",
                          "worker 2 [====================] 100% done"})
    EXPECT_NE(last.find(row), std::string::npos) << row << "\n" << last;
}

TEST(LiveDisplay, ShowsAShareOfTheExpectedWorkBeforeTheEnd) {
  LiveBoard board(2);
  int64_t t0 = live_now_ns();
  board[0].change(ThreadActivity::Running, t0 - 500'000'000);  // 0.5 s at work so far
  board[1].change(ThreadActivity::Waiting, t0 - 500'000'000);  // none
  LiveView view;
  view.title = "made-up";
  view.expected_s = {2.0, 2.0};
  view.colour = false;
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  view.out = out;
  std::string frame;
  {
    LiveDisplay display(board, view);
    frame = display.frame(t0);
  }
  std::fclose(out);
  EXPECT_NE(frame.find("worker 0 [=====               ]  25% running"), std::string::npos) << frame;
  EXPECT_NE(frame.find("worker 1 [                    ]   0% waiting"), std::string::npos) << frame;
}

}  // namespace
}  // namespace gil
