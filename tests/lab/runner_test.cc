// The runner: the same work in every mode and policy, errors that name the
// problem, and reports that add up.

#include <gtest/gtest.h>

#include <fstream>

#include "gil/cli/report.h"
#include "gil/lab/runner.h"

namespace gil {
namespace {

std::string workload(const char* name) { return std::string(GIL_SOURCE_DIR) + "/demos/workloads/" + name + ".py"; }

RunSpec spec_for(const char* name, Mode mode, int workers, int64_t size, GilPolicy policy = GilPolicy::CPython) {
  RunSpec s;
  s.mode = mode;
  s.workload_path = workload(name);
  s.workload_name = name;
  s.workers = workers;
  s.size = size;
  s.gil.policy = policy;
  s.gil.switch_interval = std::chrono::microseconds(500);
  return s;
}

std::string write_temp(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

class RunnerModes : public ::testing::TestWithParam<std::tuple<GilPolicy, int>> {};

// Every worker computes the same checksum whether it runs alone or among
// threads, under every policy: the GIL changes timing, never results.
TEST_P(RunnerModes, ThreadsComputeWhatSerialComputes) {
  auto [policy, workers] = GetParam();
  RunReport serial = run_workload(spec_for("cpu", Mode::Serial, workers, 12, policy));
  RunReport threads = run_workload(spec_for("cpu", Mode::Threads, workers, 12, policy));
  ASSERT_FALSE(serial.failed) << serial.error;
  ASSERT_FALSE(threads.failed) << threads.error;
  ASSERT_EQ(threads.workers.size(), static_cast<size_t>(workers));
  int64_t units = 0;
  for (int i = 0; i < workers; ++i) {
    EXPECT_EQ(serial.workers[i].result, threads.workers[i].result);
    EXPECT_GE(threads.workers[i].gil.acquisitions, 1u);
    units += threads.workers[i].units;
  }
  EXPECT_EQ(units, 12);
  EXPECT_LE(std::chrono::duration<double>(threads.gil.hold).count(), threads.wall_s);
}

INSTANTIATE_TEST_SUITE_P(PoliciesAndWorkers, RunnerModes,
                         ::testing::Combine(::testing::Values(GilPolicy::CPython, GilPolicy::Legacy, GilPolicy::Fair),
                                            ::testing::Values(1, 2, 4)));

TEST(Runner, IoWorkersReleaseTheGilAroundEachWait) {
  RunReport r = run_workload(spec_for("io", Mode::Threads, 4, 8));
  ASSERT_FALSE(r.failed) << r.error;
  EXPECT_EQ(r.gil.voluntary_releases, 8u);
  EXPECT_EQ(r.gil.io_latency.size(), 8u);
}

TEST(Runner, MixedMeasuresTheIoWorkersLatency) {
  RunReport r = run_workload(spec_for("mixed", Mode::Threads, 2, 40));
  ASSERT_FALSE(r.failed) << r.error;
  EXPECT_EQ(r.workers[0].gil.voluntary_releases, 1u);  // 20 units: one request
  EXPECT_EQ(r.workers[1].gil.voluntary_releases, 0u);
  Comparison c{r, std::nullopt};
  nlohmann::json j = to_json(c);
  EXPECT_EQ(j["io_latency_us"]["samples"], 1);
}

TEST(Runner, ReportsAnExceptionInAWorker) {
  std::string path = write_temp("raises.py", "def work(worker, units):\n    if worker == 1:\n        return 1 / 0\n    return 0\n");
  RunSpec s = spec_for("cpu", Mode::Threads, 2, 2);
  s.workload_path = path;
  RunReport r = run_workload(s);
  EXPECT_TRUE(r.failed);
  EXPECT_EQ(r.error, "worker 1 raised ZeroDivisionError: division by zero");
}

TEST(Runner, RejectsWorkloadsThatCannotRun) {
  RunSpec s = spec_for("cpu", Mode::Threads, 2, 2);
  s.workload_path = "/nonexistent/w.py";
  EXPECT_THROW(run_workload(s), WorkloadError);
  s.workload_path = write_temp("noentry.py", "def other():\n    pass\n");
  try {
    run_workload(s);
    FAIL();
  } catch (const WorkloadError& e) {
    EXPECT_EQ(std::string(e.what()), s.workload_path + " does not define the entry point work(worker, units)");
  }
  s.workload_path = write_temp("bad.py", "def work(worker, units)\n    pass\n");
  try {
    run_workload(s);
    FAIL();
  } catch (const WorkloadError& e) {
    EXPECT_EQ(std::string(e.what()), s.workload_path + ":1:24: SyntaxError: expected ':'");
  }
  s = spec_for("cpu", Mode::Threads, 0, 2);
  EXPECT_THROW(run_workload(s), WorkloadError);
}

TEST(Report, JsonHasTheDocumentedFields) {
  RunSpec s = spec_for("cpu", Mode::Threads, 2, 4);
  Comparison c{run_workload(s), run_workload(spec_for("cpu", Mode::Serial, 2, 4))};
  nlohmann::json j = to_json(c);
  for (const char* key : {"mode", "workload", "workers", "gil_policy", "switch_interval_s", "wall_s", "cpu_s",
                          "baseline_wall_s", "speedup", "gil"})
    EXPECT_TRUE(j.contains(key)) << key;
  for (const char* key : {"acquisitions", "switches", "drop_requests", "wait_s", "hold_s"})
    EXPECT_TRUE(j["gil"].contains(key)) << key;
  EXPECT_EQ(j["mode"], "threads");
  EXPECT_EQ(j["workers"], 2);
  EXPECT_DOUBLE_EQ(j["switch_interval_s"].get<double>(), 0.0005);
  EXPECT_DOUBLE_EQ(j["speedup"].get<double>(), c.baseline->wall_s / c.run.wall_s);
  EXPECT_NE(format_summary(c).find("speedup"), std::string::npos);
}

}  // namespace
}  // namespace gil

namespace gil {
namespace {

// A real threaded run, recorded: each worker's running spans never overlap
// another's, because only the GIL holder runs.
TEST(RunnerActivity, RecordedRunningSpansNeverOverlap) {
  RunSpec s = spec_for("cpu", Mode::Threads, 3, 30);
  s.gil.record_activity = true;
  RunReport r = run_workload(s);
  ASSERT_FALSE(r.failed) << r.error;
  std::vector<std::pair<int64_t, int64_t>> running;
  for (auto& w : r.workers) {
    ASSERT_FALSE(w.activity.empty());
    EXPECT_EQ(w.activity.back().activity, ThreadActivity::Done);
    for (size_t i = 0; i + 1 < w.activity.size(); ++i)
      if (w.activity[i].activity == ThreadActivity::Running)
        running.push_back({w.activity[i].at.count(), w.activity[i + 1].at.count()});
  }
  std::sort(running.begin(), running.end());
  for (size_t i = 1; i < running.size(); ++i) EXPECT_LE(running[i - 1].second, running[i].first);
}

}  // namespace
}  // namespace gil
