// The processes mode: the same results as serial and threads, every message
// and byte accounted for, and workers that die, exit, lie or hang reported
// with their pid and task, then reaped: no test leaves a child behind.
//
// The workers are the real gil-demo binary (GIL_DEMO_EXE), or small bash
// scripts standing in for it that break the protocol on purpose.
#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>

#include "gil/cli/report.h"
#include "gil/ipc/process.h"
#include "gil/ipc/process_state.h"
#include "gil/ipc/wire.h"
#include "gil/lab/runner.h"
#include "gil/runtime/ops.h"

#ifndef GIL_DEMO_EXE
#error "tests/CMakeLists.txt defines GIL_DEMO_EXE, the gil-demo binary the worker processes run"
#endif

namespace gil {
namespace {

std::string workload(const std::string& name) { return std::string(GIL_SOURCE_DIR) + "/demos/workloads/" + name + ".py"; }

RunSpec spec_for(const std::string& path, Mode mode, int workers, int64_t size) {
  RunSpec s;
  s.mode = mode;
  s.workload_path = path;
  s.workload_name = path;
  s.workers = workers;
  s.size = size;
  s.gil.switch_interval = std::chrono::microseconds(500);
  s.worker_exe = GIL_DEMO_EXE;
  return s;
}

// A directory of this process's own: ctest runs tests in parallel, each in a
// process of its own. Removed at exit.
struct ScratchDir {
  std::string path;
  ScratchDir() {
    std::string pattern = ::testing::TempDir() + "gil_process_test_XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::system_error(errno, std::generic_category(), "mkdtemp");
    path = pattern + "/";
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

const std::string& scratch_dir() {
  static ScratchDir dir;
  return dir.path;
}

std::string write_file(const std::string& name, const std::string& text, bool executable = false) {
  std::string path = scratch_dir() + name;
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  if (executable) chmod(path.c_str(), 0755);
  return path;
}

// The pids whose parent is this process, zombies included, from /proc.
std::vector<pid_t> children_of_this_process() {
  std::vector<pid_t> pids;
  DIR* proc = opendir("/proc");
  if (!proc) return pids;
  while (dirent* entry = readdir(proc)) {
    char* end;
    long pid = std::strtol(entry->d_name, &end, 10);
    if (*end != '\0' || pid <= 0) continue;
    std::ifstream stat("/proc/" + std::string(entry->d_name) + "/stat");
    std::string line;
    std::getline(stat, line);
    // pid (comm) state ppid ...: comm may hold spaces and parentheses.
    size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 1));
    char state;
    long ppid;
    if (rest >> state >> ppid && ppid == getpid()) pids.push_back(static_cast<pid_t>(pid));
  }
  closedir(proc);
  return pids;
}

// Nothing a run started is still running, or dead and unreaped.
void expect_no_child_left() {
  EXPECT_EQ(children_of_this_process(), std::vector<pid_t>{}) << "children of this test process survived the run";
  int status;
  errno = 0;
  pid_t r = waitpid(-1, &status, WNOHANG | __WALL);
  EXPECT_EQ(r, -1) << (r > 0 ? "an unreaped child (zombie): " : "a running child: ") << r;
  EXPECT_EQ(errno, ECHILD);
}

// Whether [pid] has become a gil-demo worker (exec'd with the worker role).
bool is_worker_process(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
  std::string cmdline((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  return cmdline.find(std::string("\0__worker\0", 10)) != std::string::npos;
}

const WorkerFault* fault_of(const RunReport& r, int pid) {
  for (const WorkerFault& f : r.faults)
    if (f.pid == pid) return &f;
  return nullptr;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A runtime of the test's own, to encode messages as the workers do.
class ProcessRunnerTest : public ::testing::Test {
 public:
  ProcessRunnerTest() : rt(RuntimeConfig{}), ts(rt) {}

  Value integer(int64_t v) { return Value::integer(v); }

  size_t frame_size(const Value& message) {
    std::string payload;
    wire::encode(ts, message, payload);
    return wire::frame(payload).size();
  }

  std::string frame(const Value& message) {
    std::string payload;
    wire::encode(ts, message, payload);
    return wire::frame(payload);
  }

  // The bytes a processes run of a built-in workload (whose work() returns an
  // int) must have moved: per worker hello, loaded, task and result, as
  // process_runner.h lays them out. Every int is 9 bytes whatever its value.
  size_t expected_bytes(const RunReport& r) {
    size_t total = 0;
    for (const WorkerReport& w : r.workers) {
      total += frame_size(make_tuple(ts, {make_str("hello"), integer(0)}));
      total += frame_size(make_tuple(ts, {make_str("loaded")}));
      total += frame_size(make_tuple(ts, {make_str("task"), integer(0), integer(0), integer(0)}));
      std::vector<Value> latencies(w.gil.io_latency.size(), integer(0));
      std::vector<Value> activity;
      for (size_t i = 0; i < w.activity.size(); ++i) activity.push_back(make_tuple(ts, {integer(0), integer(0), integer(0)}));
      Value stats = make_tuple(ts, {integer(0), integer(0), integer(0), integer(0), integer(0), integer(0),
                                make_list(ts, std::move(latencies))});
      total += frame_size(make_tuple(ts, {make_str("result"), integer(0), integer(0), make_str(w.result), integer(0),
                                      integer(0), stats, make_list(ts, std::move(activity)), integer(0), integer(0)}));
    }
    return total;
  }

  Runtime rt;
  ThreadState ts;
};

// ---- the same work, and what moving it cost -----------------------------------

class ProcessesMatchSerialAndThreads : public ProcessRunnerTest,
                                       public ::testing::WithParamInterface<std::tuple<const char*, int>> {};

// Each worker process computes what the same worker computes serially or as a
// thread; each task goes to one process, once; each process sends hello,
// loaded and a result and is sent one task, and the byte count is exactly
// those frames.
TEST_P(ProcessesMatchSerialAndThreads, SameResultsAndEveryMessageCounted) {
  auto [name, workers] = GetParam();
  int64_t size = std::string(name) == "cpu" ? 12 : std::string(name) == "io" ? 8 : 40;
  RunReport serial = run_workload(spec_for(workload(name), Mode::Serial, workers, size));
  RunReport threads = run_workload(spec_for(workload(name), Mode::Threads, workers, size));
  RunReport procs = run_workload(spec_for(workload(name), Mode::Processes, workers, size));
  ASSERT_FALSE(serial.failed) << serial.error;
  ASSERT_FALSE(threads.failed) << threads.error;
  ASSERT_FALSE(procs.failed) << procs.error;
  ASSERT_EQ(procs.workers.size(), static_cast<size_t>(workers));

  std::set<int> pids;
  for (int i = 0; i < workers; ++i) {
    const WorkerReport& w = procs.workers[i];
    SCOPED_TRACE("worker " + std::to_string(i));
    EXPECT_EQ(w.result, serial.workers[i].result);
    EXPECT_EQ(w.result, threads.workers[i].result);
    EXPECT_EQ(w.units, serial.workers[i].units);
    EXPECT_EQ(w.attempts, 1);
    EXPECT_GT(w.pid, 0);
    EXPECT_NE(w.pid, getpid());
    pids.insert(w.pid);
    EXPECT_GT(w.peak_rss_kib, 0);
    EXPECT_GT(w.spawn_s, 0);
    EXPECT_GE(w.gil.acquisitions, 1u);
    // Its own GIL: nobody else ever asks for it.
    EXPECT_EQ(w.gil.drop_requests, 0u);
    EXPECT_EQ(w.gil.voluntary_releases, threads.workers[i].gil.voluntary_releases);
  }
  EXPECT_EQ(pids.size(), static_cast<size_t>(workers)) << "two tasks went to the same process";
  EXPECT_TRUE(procs.faults.empty());
  EXPECT_EQ(procs.gil.io_latency.size(), threads.gil.io_latency.size());
  EXPECT_EQ(procs.ipc.messages, 4u * static_cast<uint64_t>(workers));
  EXPECT_EQ(procs.ipc.bytes, expected_bytes(procs));
  EXPECT_GT(procs.ipc.serialize_s, 0);
  expect_no_child_left();
}

INSTANTIATE_TEST_SUITE_P(WorkloadsAndWorkers, ProcessesMatchSerialAndThreads,
                         ::testing::Combine(::testing::Values("cpu", "io", "mixed"), ::testing::Values(1, 2, 4)),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param)) + "_" + std::to_string(std::get<1>(info.param));
                         });

// Recorded activity comes back on the run's own time axis (after the run
// started, before it ended, in order) and covers the task as a thread's
// does: from asking for the GIL to Done, nothing after.
TEST_F(ProcessRunnerTest, RecordedActivityLandsOnTheRunsTimeAxis) {
  RunSpec s = spec_for(workload("mixed"), Mode::Processes, 2, 40);
  s.gil.record_activity = true;
  RunReport r = run_workload(s);
  ASSERT_FALSE(r.failed) << r.error;
  auto wall = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(r.wall_s));
  for (const WorkerReport& w : r.workers) {
    ASSERT_GE(w.activity.size(), 3u);
    EXPECT_EQ(w.activity[0].activity, ThreadActivity::Waiting);
    EXPECT_EQ(w.activity[1].activity, ThreadActivity::Running);
    EXPECT_EQ(w.activity.back().activity, ThreadActivity::Done);
    size_t done = 0;
    for (const ActivityChange& c : w.activity) done += c.activity == ThreadActivity::Done;
    EXPECT_EQ(done, 1u);
    EXPECT_GE(w.activity.front().at.count(), 0);
    EXPECT_LE(w.activity.back().at, wall);
    for (size_t i = 1; i < w.activity.size(); ++i) EXPECT_LE(w.activity[i - 1].at, w.activity[i].at);
  }
  // Worker 0 of mixed blocks once per 20 units: one I/O span.
  size_t io_spans = 0;
  for (const ActivityChange& c : r.workers[0].activity) io_spans += c.activity == ThreadActivity::InIo;
  EXPECT_EQ(io_spans, 1u);
  EXPECT_EQ(r.ipc.bytes, expected_bytes(r));
}

TEST_F(ProcessRunnerTest, JsonAndSummaryShowTheProcesses) {
  RunSpec s = spec_for(workload("cpu"), Mode::Processes, 2, 4);
  Comparison c{run_workload(s), run_workload(spec_for(workload("cpu"), Mode::Serial, 2, 4))};
  ASSERT_FALSE(c.run.failed) << c.run.error;
  nlohmann::json j = to_json(c);
  EXPECT_EQ(j["mode"], "processes");
  for (const char* key : {"messages", "bytes", "serialize_s"}) EXPECT_TRUE(j["ipc"].contains(key)) << key;
  EXPECT_EQ(j["ipc"]["messages"], c.run.ipc.messages);
  EXPECT_EQ(j["faults"], nlohmann::json::array());
  ASSERT_EQ(j["workers_detail"].size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    for (const char* key : {"pid", "spawn_s", "peak_rss_kib", "attempts"})
      EXPECT_TRUE(j["workers_detail"][i].contains(key)) << key;
    EXPECT_EQ(j["workers_detail"][i]["pid"], c.run.workers[i].pid);
    EXPECT_EQ(j["workers_detail"][i]["attempts"], 1);
  }
  EXPECT_FALSE(j.contains("rss_per_thread_kib"));
  // The serial baseline has no processes to describe.
  EXPECT_FALSE(j["baseline"].contains("ipc"));
  std::string summary = format_summary(c);
  EXPECT_TRUE(contains(summary, "Processes:")) << summary;
  for (const WorkerReport& w : c.run.workers) EXPECT_TRUE(contains(summary, std::to_string(w.pid))) << summary;
  expect_no_child_left();
}

// ---- workers that die ------------------------------------------------------------

constexpr const char* kKillsItself =
    "import os\n"
    "import signal\n"
    "\n"
    "def work(worker, units):\n"
    "    if worker == 1:\n"
    "        os.kill(os.getpid(), signal.SIGKILL)\n"
    "    return units\n";

TEST_F(ProcessRunnerTest, AWorkerKilledMidTaskFailsTheRunNamingPidSignalAndTask) {
  RunReport r = run_workload(spec_for(write_file("kills_itself.py", kKillsItself), Mode::Processes, 2, 4));
  EXPECT_TRUE(r.failed);
  int pid = r.workers[1].pid;
  ASSERT_GT(pid, 0);
  EXPECT_EQ(r.error, "worker process " + std::to_string(pid) +
                         " killed by signal 9 (SIGKILL) while running task 1 (worker 1, 2 units); "
                         "--retry runs a lost task again");
  const WorkerFault* f = fault_of(r, pid);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, "killed by signal 9 (SIGKILL)");
  EXPECT_EQ(f->task, 1);
  EXPECT_FALSE(f->retried);
  EXPECT_EQ(r.workers[1].attempts, 1);
  EXPECT_EQ(r.workers[1].result, "");
  for (const WorkerFault& other : r.faults) EXPECT_FALSE(other.retried);
  expect_no_child_left();
}

// A task whose every worker dies is given out 1 + retries times, then fails.
TEST_F(ProcessRunnerTest, RetriesEndWhenTheTaskKeepsKillingItsWorker) {
  RunSpec s = spec_for(write_file("kills_itself.py", kKillsItself), Mode::Processes, 2, 4);
  s.retries = 1;
  RunReport r = run_workload(s);
  EXPECT_TRUE(r.failed);
  EXPECT_EQ(r.workers[1].attempts, 2);
  std::vector<const WorkerFault*> task1;
  for (const WorkerFault& f : r.faults)
    if (f.task == 1) task1.push_back(&f);
  ASSERT_EQ(task1.size(), 2u);
  EXPECT_TRUE(task1[0]->retried);
  EXPECT_FALSE(task1[1]->retried);
  EXPECT_NE(task1[0]->pid, task1[1]->pid);
  EXPECT_EQ(task1[1]->pid, r.workers[1].pid);
  EXPECT_TRUE(contains(r.error, "while running task 1")) << r.error;
  EXPECT_TRUE(contains(r.error, "it was already retried 1 time")) << r.error;
  expect_no_child_left();
}

// The worker of one task is killed from outside while every worker waits; the
// task runs again on a fresh worker, exactly once, and the run succeeds with
// the serial results. The workers wait for a gate: a process that the test
// kills once the victim is dead.
TEST_F(ProcessRunnerTest, ATaskLostWithItsWorkerRunsAgainOnANewWorker) {
  auto gate = std::make_unique<ChildProcess>(SpawnOptions{"/bin/sleep", {"600"}, {}});
  std::string path = write_file("gated.py",
                                "import os\n"
                                "import time\n"
                                "\n"
                                "GATE = " + std::to_string(gate->pid()) + "\n"
                                "\n"
                                "def gate_open():\n"
                                "    try:\n"
                                "        os.kill(GATE, 0)\n"
                                "    except OSError:\n"
                                "        return True\n"
                                "    return False\n"
                                "\n"
                                "def work(worker, units):\n"
                                "    while not gate_open():\n"
                                "        time.sleep(0.002)\n"
                                "    return worker * 1000 + units\n");
  RunSpec s = spec_for(path, Mode::Processes, 3, 9);
  s.retries = 1;
  RunReport r;
  std::exception_ptr thrown;
  std::atomic<bool> done{false};
  std::thread runner([&] {
    try {
      r = run_workload(s);
    } catch (...) {
      thrown = std::current_exception();
    }
    done = true;
  });
  // Every worker holds its task from the moment it is spawned, and none can
  // finish while the gate stands: the first worker seen is a task's worker.
  pid_t victim = 0;
  while (!victim && !done) {
    for (pid_t p : children_of_this_process())
      if (p != gate->pid() && is_worker_process(p)) victim = p;
    if (!victim) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (victim) ::kill(victim, SIGKILL);
  gate->kill_group(SIGKILL);
  gate->wait();  // reaped: os.kill(GATE, 0) now fails
  runner.join();
  if (thrown) std::rethrow_exception(thrown);
  ASSERT_NE(victim, 0) << "the run ended before any worker process appeared: " << r.error;

  EXPECT_FALSE(r.failed) << r.error;
  ASSERT_EQ(r.faults.size(), 1u);
  const WorkerFault& f = r.faults[0];
  EXPECT_EQ(f.pid, victim);
  EXPECT_EQ(f.status, "killed by signal 9 (SIGKILL)");
  EXPECT_TRUE(f.retried);
  ASSERT_GE(f.task, 0);
  ASSERT_LT(f.task, 3);
  RunReport serial = run_workload(spec_for(path, Mode::Serial, 3, 9));  // the gate is open
  ASSERT_FALSE(serial.failed) << serial.error;
  std::set<int> pids{victim};
  for (int i = 0; i < 3; ++i) {
    SCOPED_TRACE("task " + std::to_string(i));
    EXPECT_EQ(r.workers[i].result, serial.workers[i].result);
    EXPECT_EQ(r.workers[i].attempts, i == f.task ? 2 : 1);
    pids.insert(r.workers[i].pid);
  }
  EXPECT_EQ(pids.size(), 4u) << "the retried task must run on a new process";
  // Three hellos, loadeds, tasks and results at least, plus what the victim
  // managed to exchange before it died.
  EXPECT_GE(r.ipc.messages, 12u);
  expect_no_child_left();
}

TEST_F(ProcessRunnerTest, AWorkerThatExitsWithACodeIsAFault) {
  std::string path = write_file("exits.py",
                                "import os\n"
                                "\n"
                                "def work(worker, units):\n"
                                "    if worker == 0:\n"
                                "        os._exit(3)\n"
                                "    return units\n");
  RunReport r = run_workload(spec_for(path, Mode::Processes, 2, 4));
  EXPECT_TRUE(r.failed);
  int pid = r.workers[0].pid;
  const WorkerFault* f = fault_of(r, pid);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, "exit code 3");
  EXPECT_EQ(f->task, 0);
  EXPECT_EQ(r.error, "worker process " + std::to_string(pid) +
                         " exited with code 3 while running task 0 (worker 0, 2 units); --retry runs a lost task again");
  expect_no_child_left();
}

// sys.exit() inside work() is an exception like any other, in every mode: the
// worker process reports it and stays healthy.
TEST_F(ProcessRunnerTest, SysExitInWorkIsReportedAsInTheOtherModes) {
  std::string path = write_file("sys_exit.py",
                                "import sys\n"
                                "\n"
                                "def work(worker, units):\n"
                                "    if worker == 0:\n"
                                "        sys.exit(3)\n"
                                "    return units\n");
  RunReport serial = run_workload(spec_for(path, Mode::Serial, 2, 4));
  RunReport procs = run_workload(spec_for(path, Mode::Processes, 2, 4));
  EXPECT_TRUE(procs.failed);
  EXPECT_EQ(procs.error, "worker 0 raised SystemExit: 3");
  EXPECT_EQ(procs.error, serial.error);
  EXPECT_TRUE(procs.faults.empty());
  EXPECT_EQ(procs.workers[1].result, "2");
  expect_no_child_left();
}

TEST_F(ProcessRunnerTest, AnExceptionInAWorkerIsNotAFault) {
  std::string path = write_file("raises.py",
                                "def work(worker, units):\n"
                                "    if worker == 1:\n"
                                "        raise ValueError('bad input ' + str(units))\n"
                                "    return units\n");
  RunReport threads = run_workload(spec_for(path, Mode::Threads, 2, 4));
  RunReport r = run_workload(spec_for(path, Mode::Processes, 2, 4));
  EXPECT_TRUE(r.failed);
  EXPECT_EQ(r.error, "worker 1 raised ValueError: bad input 2");
  EXPECT_EQ(r.error, threads.error);
  EXPECT_TRUE(r.faults.empty()) << r.faults[0].status;
  EXPECT_EQ(r.workers[0].result, "2");
  EXPECT_EQ(r.workers[1].result, "");
  for (const WorkerReport& w : r.workers) EXPECT_EQ(w.attempts, 1);
  // A "failed" message replaces the result: still four messages a worker.
  EXPECT_EQ(r.ipc.messages, 8u);
  expect_no_child_left();
}

// What pickling refuses, the wire format refuses, in the worker that sends it.
TEST_F(ProcessRunnerTest, AResultThatCannotBeSentFailsTheTask) {
  std::string path = write_file("returns_function.py",
                                "def work(worker, units):\n"
                                "    return work\n");
  RunReport r = run_workload(spec_for(path, Mode::Processes, 1, 1));
  EXPECT_TRUE(r.failed);
  EXPECT_EQ(r.error, "worker 0 returned a value that cannot be sent: TypeError: cannot pickle 'function' object");
  EXPECT_TRUE(r.faults.empty());
  expect_no_child_left();
}

// The parent loads the workload as __gil_demo__, the workers as __mp_main__:
// a top level that fails only in the workers fails the run with its message.
TEST_F(ProcessRunnerTest, AWorkloadThatFailsToLoadInTheWorkersFailsTheRun) {
  std::string path = write_file("fails_in_workers.py",
                                "if __name__ == '__mp_main__':\n"
                                "    raise RuntimeError('not in a worker')\n"
                                "\n"
                                "def work(worker, units):\n"
                                "    return units\n");
  RunReport r = run_workload(spec_for(path, Mode::Processes, 2, 2));
  EXPECT_TRUE(r.failed);
  EXPECT_EQ(r.error, path + ": its top level raised RuntimeError: not in a worker");
  for (const WorkerReport& w : r.workers) EXPECT_EQ(w.result, "");
  expect_no_child_left();
}

// ---- time limits ------------------------------------------------------------------

// The run lasts as long as the limit, not the minute the workers would sleep.
// A worker that stops itself (SIGSTOP) holds the run, which waits for it.
// Once the runner has said so (on spec.notices at once without --live, in
// the live board with it), the test continues the worker: the run ends as
// usual, and its report names the worker and how long it sent nothing.
class StoppedWorker : public ProcessRunnerTest, public ::testing::WithParamInterface<bool> {};

TEST_P(StoppedWorker, IsNamedWithItsSilenceAndTheRunEndsWhenItContinues) {
  bool live = GetParam();
  std::string path = write_file("stops.py",
                                "import os\n"
                                "\n"
                                "def work(worker, units):\n"
                                "    if worker == 1:\n"
                                "        os.kill(os.getpid(), 19)  # SIGSTOP\n"
                                "    return worker\n");
  RunSpec s = spec_for(path, Mode::Processes, 2, 2);
  LiveBoard board(2);
  std::string notices_path = scratch_dir() + (live ? "notices-live" : "notices");
  std::FILE* notices = std::fopen(notices_path.c_str(), "w");
  ASSERT_NE(notices, nullptr);
  if (live) s.live = &board;
  else s.notices = notices;
  auto notices_text = [&] {
    std::ifstream in(notices_path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  RunReport r;
  std::thread run([&] { r = run_workload(s); });
  // Waits for the runner to have seen the stop: only then is there
  // something to assert. Not a time bound: a runner that never notices
  // hangs here, and ctest's timeout fails the test.
  auto said = [&] { return live ? board[1].silent_since_ns() != 0 : contains(notices_text(), "is stopped"); };
  while (!said()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  pid_t stopped = 0;
  for (pid_t pid : children_of_this_process())
    if (process_stopped(pid)) stopped = pid;
  EXPECT_NE(stopped, 0);
  if (stopped) ::kill(stopped, SIGCONT);
  run.join();
  std::fclose(notices);

  ASSERT_FALSE(r.failed) << r.error;
  EXPECT_EQ(r.workers[1].result, "1");
  ASSERT_EQ(r.silences.size(), 1u);
  EXPECT_EQ(r.silences[0].pid, stopped);
  EXPECT_EQ(r.silences[0].worker, 1);
  EXPECT_GT(r.silences[0].for_s, 0);
  EXPECT_GE(r.silences[0].from_s, 0);
  EXPECT_EQ(board[1].silent_since_ns(), 0) << "the view still shows a worker that went on as stopped";
  std::string name = "worker process " + std::to_string(stopped) + " (worker 1)";
  Comparison c;
  c.run = r;
  EXPECT_TRUE(contains(format_summary(c), name + " was stopped and sent nothing for ")) << format_summary(c);
  EXPECT_EQ(to_json(c)["silences"][0]["pid"], stopped);
  if (live) EXPECT_EQ(notices_text(), "");
  else EXPECT_TRUE(contains(notices_text(), "gil-demo: " + name + " is stopped and has sent nothing for ")) << notices_text();
  expect_no_child_left();
}

INSTANTIATE_TEST_SUITE_P(NoticesOrLiveView, StoppedWorker, ::testing::Bool());

TEST_F(ProcessRunnerTest, TheTimeoutKillsEveryWorkerAndIsNotRetried) {
  std::string path = write_file("sleeps.py",
                                "import time\n"
                                "\n"
                                "def work(worker, units):\n"
                                "    time.sleep(60)\n"
                                "    return units\n");
  RunSpec s = spec_for(path, Mode::Processes, 3, 3);
  s.timeout_s = 0.5;
  s.retries = 2;
  RunReport r = run_workload(s);
  EXPECT_TRUE(r.failed);
  EXPECT_EQ(r.error, "the run timed out after 0.5 s; every worker was killed");
  ASSERT_EQ(r.faults.size(), 3u);
  std::set<int> tasks, pids;
  for (const WorkerFault& f : r.faults) {
    EXPECT_EQ(f.status, "was killed (SIGKILL) by gil-demo as the run stopped");
    EXPECT_FALSE(f.retried);
    tasks.insert(f.task);
    pids.insert(f.pid);
  }
  EXPECT_EQ(tasks, (std::set<int>{0, 1, 2}));
  for (const WorkerReport& w : r.workers) {
    EXPECT_EQ(w.attempts, 1);
    EXPECT_EQ(w.result, "");
    EXPECT_EQ(pids.count(w.pid), 1u);
  }
  expect_no_child_left();
}

// ---- workers that are not gil-demo ------------------------------------------------

// A stand-in worker: a bash script that finds its channel in its arguments,
// writes [bytes] to it, then runs [then].
std::string fake_worker(const std::string& name, const std::string& bytes, const std::string& then) {
  std::string escaped;
  for (unsigned char c : bytes) {
    char octal[8];
    std::snprintf(octal, sizeof octal, "\\%03o", c);
    escaped += octal;
  }
  return write_file(name,
                    "#!/bin/bash\n"
                    "while [ $# -gt 0 ]; do\n"
                    "  if [ \"$1\" = --channel-fd ]; then fd=$2; fi\n"
                    "  shift\n"
                    "done\n"
                    "printf '" + escaped + "' >&\"$fd\"\n" + then + "\n",
                    true);
}

std::string header(const char* magic, int version, uint32_t length, uint32_t crc) {
  std::string h(magic, 2);
  h += static_cast<char>(version);
  h += '\0';
  for (uint32_t v : {length, crc})
    for (int shift = 24; shift >= 0; shift -= 8) h += static_cast<char>((v >> shift) & 0xFF);
  return h;
}

struct BadWorker {
  const char* name;
  // What it writes, and what it does next ("exec sleep 600": it would linger
  // if the parent did not kill it).
  std::function<std::string(ProcessRunnerTest&)> bytes;
  const char* then;
  // What the fault's status must contain.
  const char* status;
};

void PrintTo(const BadWorker& bad, std::ostream* os) { *os << bad.name; }

class BadWorkers : public ProcessRunnerTest, public ::testing::WithParamInterface<BadWorker> {};

// Whatever a worker sends, the parent detects it, kills the worker, reaps it,
// and fails the run naming it: no crash, no hang, no child left.
TEST_P(BadWorkers, AreKilledReapedAndReported) {
  const BadWorker& bad = GetParam();
  RunSpec s = spec_for(workload("cpu"), Mode::Processes, 1, 1);
  s.worker_exe = fake_worker(std::string(bad.name) + ".sh", bad.bytes(*this), bad.then);
  RunReport r = run_workload(s);
  EXPECT_TRUE(r.failed);
  ASSERT_EQ(r.faults.size(), 1u);
  const WorkerFault& f = r.faults[0];
  EXPECT_TRUE(contains(f.status, bad.status)) << f.status;
  EXPECT_EQ(f.task, 0);
  EXPECT_EQ(f.pid, r.workers[0].pid);
  EXPECT_FALSE(f.retried);
  EXPECT_TRUE(contains(r.error, "worker process " + std::to_string(f.pid) + " ")) << r.error;
  EXPECT_TRUE(contains(r.error, bad.status)) << r.error;
  EXPECT_TRUE(contains(r.error, "while running task 0")) << r.error;
  EXPECT_EQ(r.workers[0].result, "");
  expect_no_child_left();
}

INSTANTIATE_TEST_SUITE_P(
    Frames, BadWorkers,
    ::testing::Values(
        BadWorker{"garbage", [](ProcessRunnerTest&) { return std::string("XXXXXXXXXXXXXXXX"); }, "exec sleep 600",
                  "sent a corrupt message (bad magic: not a gil-demo frame)"},
        BadWorker{"bad_checksum",
                  [](ProcessRunnerTest& t) {
                    std::string f = t.frame(make_tuple(t.ts, {make_str("hello"), Value::integer(1)}));
                    f.back() ^= 0x01;
                    return f;
                  },
                  "exec sleep 600", "sent a corrupt message (checksum mismatch: the message was corrupted)"},
        BadWorker{"truncated", [](ProcessRunnerTest&) { return header("GW", 1, 100, 0) + std::string(10, 's'); },
                  "exit 0", "sent a corrupt message (truncated frame: the channel closed inside a message)"},
        BadWorker{"unknown_version", [](ProcessRunnerTest&) { return header("GW", 7, 1, 0) + "N"; },
                  "exec sleep 600", "sent a corrupt message (unknown frame version 7)"},
        BadWorker{"oversized", [](ProcessRunnerTest&) { return header("GW", 1, 0xFFFFFFFFu, 0); }, "exec sleep 600",
                  "over the 1 GiB limit"},
        BadWorker{"unknown_tag", [](ProcessRunnerTest&) { return std::string(wire::frame("Q")); }, "exec sleep 600",
                  "sent a corrupt message (unknown tag byte 81)"},
        BadWorker{"not_a_tuple", [](ProcessRunnerTest& t) { return t.frame(Value::integer(7)); }, "exec sleep 600",
                  "sent a corrupt message (unexpected message: not a tuple)"},
        BadWorker{"unknown_kind", [](ProcessRunnerTest& t) { return t.frame(make_tuple(t.ts, {make_str("hullo")})); },
                  "exec sleep 600", "unexpected message: unknown kind 'hullo'"},
        BadWorker{"short_result",
                  [](ProcessRunnerTest& t) { return t.frame(make_tuple(t.ts, {make_str("result"), Value::integer(0)})); },
                  "exec sleep 600", "unexpected message: result is not a tuple of 10 items"},
        BadWorker{"result_for_another_task",
                  [](ProcessRunnerTest& t) {
                    std::vector<Value> m{make_str("result"), Value::integer(99)};
                    m.resize(10, Value::none());
                    return t.frame(make_tuple(t.ts, std::move(m)));
                  },
                  "exec sleep 600", "unexpected message: result for task 99, which the worker was not given"},
        BadWorker{"result_of_wrong_types",
                  [](ProcessRunnerTest& t) {
                    std::vector<Value> m{make_str("result"), Value::integer(0)};
                    m.resize(10, Value::none());
                    return t.frame(make_tuple(t.ts, std::move(m)));
                  },
                  "exec sleep 600", "unexpected message: result's repr is not a str"},
        // Says hello, then quits without an answer: the task is lost.
        BadWorker{"quits",
                  [](ProcessRunnerTest& t) {
                    return t.frame(make_tuple(t.ts, {make_str("hello"), Value::integer(1)})) +
                           t.frame(make_tuple(t.ts, {make_str("loaded")}));
                  },
                  "exit 0", "exit"},
        // Dies inside a frame header: the same.
        BadWorker{"cut_header", [](ProcessRunnerTest&) { return std::string("GW\1"); }, "exit 4", "exit"}),
    [](const auto& info) { return std::string(info.param.name); });

// A worker program that ends at once, before or while the parent writes its
// task: the write fails with EPIPE, which must not raise SIGPIPE in the
// parent (that would kill it, and with it this test). Repeated because the
// order of the two is up to the scheduler.
TEST_F(ProcessRunnerTest, AWorkerThatEndsAtOnceIsAFaultNotASigpipe) {
  RunSpec s = spec_for(workload("cpu"), Mode::Processes, 4, 4);
  s.worker_exe = "/bin/true";
  for (int round = 0; round < 25; ++round) {
    RunReport r = run_workload(s);
    EXPECT_TRUE(r.failed);
    ASSERT_FALSE(r.faults.empty());
    EXPECT_EQ(r.faults[0].status, "exit code 0");
    EXPECT_TRUE(contains(r.error, "exited with code 0 while running task")) << r.error;
  }
  expect_no_child_left();
}

// A worker that closes its channel but does not exit: the parent must keep
// its loop running while it waits to reap it, or the time limit (and Ctrl-C)
// would wait as long as the worker does.
TEST_F(ProcessRunnerTest, TheTimeoutAlsoEndsAWorkerThatClosedItsChannelButLingers) {
  RunSpec s = spec_for(workload("cpu"), Mode::Processes, 2, 2);
  s.worker_exe = fake_worker("lingers.sh", frame(make_tuple(ts, {make_str("hello"), Value::integer(1)})),
                             "exec {fd}>&-\nexec sleep 600");
  s.timeout_s = 0.5;
  RunReport r = run_workload(s);
  EXPECT_TRUE(r.failed);
  EXPECT_EQ(r.error, "the run timed out after 0.5 s; every worker was killed");
  ASSERT_EQ(r.faults.size(), 2u);
  for (const WorkerFault& f : r.faults) EXPECT_EQ(f.status, "was killed (SIGKILL) by gil-demo as the run stopped");
  expect_no_child_left();
}

TEST_F(ProcessRunnerTest, AWorkerProgramThatCannotStartIsAnExceptionAndLeavesNothing) {
  RunSpec s = spec_for(workload("cpu"), Mode::Processes, 2, 2);
  for (std::string exe : {scratch_dir() + "no-such-gil-demo", write_file("not_executable", "#!/bin/sh\n")}) {
    s.worker_exe = exe;
    try {
      run_workload(s);
      ADD_FAILURE() << "run_workload started " << exe;
    } catch (const std::system_error& e) {
      EXPECT_TRUE(contains(e.what(), "cannot start " + exe)) << e.what();
    }
    expect_no_child_left();
  }
}

// UBSan's vptr check, on a type it has not cached yet, opens a pipe to test
// whether the vtable is readable; with no descriptor left it reports any
// virtual call as "invalid vptr". Its reports under a squeeze are its own
// failures, so the tests that squeeze skip where it is linked in (the asan
// build: -fsanitize=address,undefined).
extern "C" __attribute__((weak)) void __ubsan_handle_dynamic_type_cache_miss();
bool ubsan_vptr_check_linked() { return &__ubsan_handle_dynamic_type_cache_miss != nullptr; }

// Leaves this process exactly [free] descriptors while it lives: fills every
// unused number below the highest one in use (a new descriptor takes the
// lowest free number, and RLIMIT_NOFILE bounds the numbers) and lowers the
// limit to just above it.
class DescriptorSqueeze {
 public:
  explicit DescriptorSqueeze(int free) {
    getrlimit(RLIMIT_NOFILE, &old_);
    int highest = 2;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
      highest = std::max(highest, std::stoi(entry.path().filename().string()));
    for (;;) {
      int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
      if (fd < 0) break;
      if (fd > highest) {
        ::close(fd);
        break;
      }
      fillers_.push_back(fd);
    }
    rlimit low = old_;
    low.rlim_cur = static_cast<rlim_t>(highest + 1 + free);
    ok_ = setrlimit(RLIMIT_NOFILE, &low) == 0;
  }
  ~DescriptorSqueeze() { release(); }
  // Gives the descriptors back (before checking anything that needs some).
  void release() {
    if (released_) return;
    released_ = true;
    setrlimit(RLIMIT_NOFILE, &old_);
    for (int fd : fillers_) ::close(fd);
  }
  bool ok() const { return ok_; }

 private:
  rlimit old_{};
  std::vector<int> fillers_;
  bool ok_ = false;
  bool released_ = false;
};

// Boost.Process 1.81 returns a child with pid -1, and no error, when it cannot
// make its exec-error pipe; kill(-(-1)) and kill(-1) would then signal every
// process we may signal. ChildProcess must throw instead, at every limit.
TEST(ChildProcess, StartsWithARealPidOrThrows) {
  if (ubsan_vptr_check_linked()) GTEST_SKIP() << "UBSan's vptr check needs descriptors of its own";
  int started = 0, refused = 0;
  for (int free = 0; free <= 6; ++free) {
    SCOPED_TRACE("descriptors free: " + std::to_string(free));
    DescriptorSqueeze squeeze(free);
    ASSERT_TRUE(squeeze.ok());
    std::unique_ptr<ChildProcess> child;
    std::string refusal;
    try {
      child = std::make_unique<ChildProcess>(SpawnOptions{"/bin/true", {}, {}});
    } catch (const std::system_error& e) {
      refusal = e.what();
    }
    squeeze.release();
    if (!child) {
      ++refused;
      EXPECT_TRUE(contains(refusal, "cannot start /bin/true")) << refusal;
      continue;
    }
    ++started;
    EXPECT_GT(child->pid(), 0);
    if (child->pid() <= 0) {
      (void)child.release();  // never let it signal anything
      continue;
    }
    EXPECT_TRUE(child->wait().ok());
  }
  // The sweep went from too few descriptors to enough.
  EXPECT_GE(refused, 1);
  EXPECT_GE(started, 1);
  expect_no_child_left();
}

// Raises the descriptor limit one at a time from "none free", so that each
// step that needs descriptors (reading the workload, Asio's epoll, eventfd and
// signal pipe, each worker's socket pair, Boost.Process's exec-error pipe,
// the workers' own start-up) fails in turn. Every run ends with a report or
// an exception, never a signal (SIGPIPE), an abort or a stray kill, and no
// child is left; with enough descriptors it succeeds.
TEST_F(ProcessRunnerTest, RunningOutOfDescriptorsEndsCleanlyAtEveryStep) {
  if (ubsan_vptr_check_linked()) GTEST_SKIP() << "UBSan's vptr check needs descriptors of its own";
  RunSpec s = spec_for(workload("cpu"), Mode::Processes, 3, 3);
  RunReport serial = run_workload(spec_for(workload("cpu"), Mode::Serial, 3, 3));
  int thrown = 0, failed = 0, succeeded = 0;
  bool last_succeeded = false;
  for (int free = 0; free <= 32; ++free) {
    SCOPED_TRACE("descriptors free: " + std::to_string(free));
    std::optional<RunReport> r;
    std::string error;
    {
      DescriptorSqueeze squeeze(free);
      ASSERT_TRUE(squeeze.ok());
      try {
        r = run_workload(s);
      } catch (const std::exception& e) {
        error = e.what();
      }
    }
    if (!r) {
      ++thrown;
      EXPECT_FALSE(error.empty());
    } else if (r->failed) {
      ++failed;
      EXPECT_FALSE(r->error.empty());
    } else {
      ++succeeded;
      for (int i = 0; i < 3; ++i) EXPECT_EQ(r->workers[i].result, serial.workers[i].result);
      EXPECT_TRUE(r->faults.empty());
    }
    last_succeeded = r && !r->failed;
    expect_no_child_left();
  }
  EXPECT_GE(thrown, 1);
  EXPECT_TRUE(last_succeeded) << "even the largest limit tried was too small";
  std::printf("runs that threw: %d, failed: %d, succeeded: %d\n", thrown, failed, succeeded);
}

}  // namespace
}  // namespace gil
