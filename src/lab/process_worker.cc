// The worker side of the processes mode (protocol in process_runner.h).
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>
#include <string>
#include <vector>

#include "gil/ipc/connection.h"
#include "gil/ipc/standard_library.h"
#include "gil/ipc/wire.h"
#include "gil/lab/process_runner.h"
#include "gil/lab/worker_task.h"
#include "gil/lab/workload.h"
#include "gil/runtime/errors.h"
#include "gil/threads/live.h"

namespace gil {
namespace {

using Clock = std::chrono::steady_clock;

int64_t steady_ns(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

Value integer(int64_t v) { return Value::integer(v); }

// Encodes [items] as one tuple message and sends it; returns the time spent
// encoding.
std::chrono::nanoseconds send(ThreadState& ts, Connection& channel, std::vector<Value> items) {
  auto before = Clock::now();
  std::string payload;
  wire::encode(ts, make_tuple(ts, std::move(items)), payload);
  auto spent = Clock::now() - before;
  channel.send_bytes(payload);
  return spent;
}

Value stats_tuple(ThreadState& ts, const GilThreadStats& s) {
  std::vector<Value> latencies;
  for (auto l : s.io_latency) latencies.push_back(integer(l.count()));
  return make_tuple(ts, {integer(static_cast<int64_t>(s.acquisitions)), integer(static_cast<int64_t>(s.drop_requests)),
                     integer(static_cast<int64_t>(s.forced_switches)),
                     integer(static_cast<int64_t>(s.voluntary_releases)), integer(s.wait.count()),
                     integer(s.hold.count()), make_list(ts, std::move(latencies))});
}

// Recorded [activity], on the machine-wide steady clock.
Value activity_list(ThreadState& ts, const std::vector<ActivityChange>& activity) {
  int64_t epoch = steady_ns(ts.rt.gil->epoch());
  std::vector<Value> changes;
  for (const auto& c : activity)
    changes.push_back(make_tuple(ts, {integer(epoch + c.at.count()), integer(static_cast<int>(c.activity)),
                                  integer(c.handed_over_from)}));
  return make_list(ts, std::move(changes));
}

// With --live: a thread that sends ("progress", activity, since_ns,
// [ns in each activity]) every 50 ms, so that the parent can draw what this
// worker is doing. It builds its messages without the GIL.
class ProgressReporter {
 public:
  ProgressReporter(Connection& channel, LiveWorker& live) : channel_(channel), live_(live) {
    thread_ = std::thread([this] { loop(); });
  }
  // Sends the worker's state at once (at the end of a task, so that the
  // parent's last view of it is exact).
  void send_now() {
    std::string payload;
    wire::encode_tuple_header(4, payload);
    wire::encode_str("progress", payload);
    wire::encode_int(static_cast<int>(live_.activity()), payload);
    wire::encode_int(live_.since_ns(), payload);
    payload += 'l';
    for (char c : std::string{0, 0, 0, static_cast<char>(kActivities)}) payload += c;
    for (int64_t t : live_.totals()) wire::encode_int(t, payload);
    channel_.send_bytes(payload);
  }

  ~ProgressReporter() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(50), [&] { return stop_; })) {
      try {
        send_now();
      } catch (const std::system_error&) {
        return;  // the parent is gone; the main thread finds out too
      }
    }
  }

  Connection& channel_;
  LiveWorker& live_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;  // guarded by mutex_
  std::thread thread_;
};

// Runs one task and sends its outcome.
void run_task(ThreadState& ts, Connection& channel, const Value& work, const WorkerTask& task,
              std::chrono::nanoseconds decode_time, ProgressReporter* reporter) {
  int64_t task_id = task.id;
  int worker = task.worker;
  ts.trace_id = worker;
  Gil& gil = *ts.rt.gil;
  // Statistics and activity count from a fresh acquisition to Done, as for a
  // thread: not the start-up, the wait for this message, or the acquisition
  // that sends the result.
  gil.release(ts);
  ts.gil_stats = GilThreadStats{};
  ts.activity.clear();
  auto start = Clock::now();
  gil.acquire(ts);
  WorkOutcome outcome = call_work(ts, work, worker, task.units);
  gil.record(ts, ThreadActivity::Done);
  if (reporter) reporter->send_now();
  gil.release(ts);
  auto end = Clock::now();
  GilThreadStats stats = ts.gil_stats;
  std::vector<ActivityChange> activity = std::move(ts.activity);
  gil.acquire(ts);
  ts.activity.clear();
  // The result is encoded (and timed) on its own, so a value the format
  // cannot carry fails here, in the sender, as pickling does.
  std::string payload;
  wire::encode_tuple_header(10, payload);
  wire::encode(ts, make_str(outcome.ok ? "result" : "failed"), payload);
  wire::encode(ts, integer(task_id), payload);
  auto encode_start = Clock::now();
  if (outcome.ok) {
    try {
      wire::encode(ts, outcome.value, payload);
    } catch (PyException& pe) {
      auto* e = as<ObjException>(pe.exception);
      outcome.ok = false;
      outcome.error = "worker " + std::to_string(worker) + " returned a value that cannot be sent: " +
                      e->type->name + ": " + exception_message(ts, e);
      std::fprintf(ts.rt.config.err, "%s\n", outcome.error.c_str());
    }
  }
  auto encode_time = Clock::now() - encode_start;
  if (!outcome.ok) {
    send(ts, channel, {make_str("failed"), integer(task_id), make_str(outcome.error), integer(decode_time.count())});
    return;
  }
  for (const Value& v : {make_str(outcome.repr), integer(steady_ns(start)), integer(steady_ns(end)),
                         stats_tuple(ts, stats), activity_list(ts, activity),
                         integer((decode_time + encode_time).count()), integer(peak_rss_kib())})
    wire::encode(ts, v, payload);
  channel.send_bytes(payload);
}

// Parses `--channel-fd N --policy P --switch-us N --check-interval N --stats
// 0|1 --record 0|1 [--live 0|1] PATH`.
bool parse_args(const std::vector<std::string>& args, int& fd, GilConfig& gil, std::string& path, bool& live) {
  fd = -1;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool has_value = i + 1 < args.size();
    if (a == "--channel-fd" && has_value) fd = std::stoi(args[++i]);
    else if (a == "--policy" && has_value) {
      if (!parse_gil_policy(args[++i], gil.policy)) return false;
    } else if (a == "--switch-us" && has_value) gil.switch_interval = std::chrono::microseconds(std::stoll(args[++i]));
    else if (a == "--check-interval" && has_value) gil.check_interval = std::stoi(args[++i]);
    else if (a == "--stats" && has_value) gil.collect_stats = args[++i] == "1";
    else if (a == "--record" && has_value) gil.record_activity = args[++i] == "1";
    else if (a == "--live" && has_value) live = args[++i] == "1";
    else if (a.rfind("--", 0) != 0 && path.empty()) path = a;
    else return false;
  }
  return fd >= 0 && !path.empty();
}

}  // namespace

int run_worker(const std::vector<std::string>& args) {
  int fd;
  GilConfig gil_config;
  std::string path;
  bool live = false;
  try {
    if (!parse_args(args, fd, gil_config, path, live)) {
      std::fprintf(stderr, "gil-demo: error: __worker is started by gil-demo --mode processes, not by hand\n");
      return 2;
    }
  } catch (const std::exception&) {
    std::fprintf(stderr, "gil-demo: error: bad __worker arguments\n");
    return 2;
  }
  Connection channel(fd);
  RuntimeConfig config;
  config.argv = {path};
  config.gil = gil_config;
  config.extensions = standard_library();
  Runtime rt(std::move(config));
  ThreadState ts(rt);
  LiveWorker live_worker;
  std::optional<ProgressReporter> reporter;
  if (live) {
    ts.live = &live_worker;
    live_worker.change(ThreadActivity::Starting, live_now_ns());
  }
  rt.gil->acquire(ts);
  int status = 0;
  try {
    send(ts, channel, {make_str("hello"), integer(getpid())});
    if (live) reporter.emplace(channel, live_worker);
    Value work;
    try {
      work = load_workload(rt, ts, path, "__mp_main__");
      send(ts, channel, {make_str("loaded")});
    } catch (const WorkloadError& e) {
      send(ts, channel, {make_str("load_failed"), make_str(e.what())});
      status = 1;
    }
    while (status == 0) {
      std::optional<std::string> payload;
      {
        ReleaseGil unlocked(ts);
        payload = channel.recv_bytes();
      }
      if (!payload) break;  // the parent is done with us
      auto before = Clock::now();
      WorkerTask task = decode_task(ts, *payload);
      auto decode_time = Clock::now() - before;
      run_task(ts, channel, work, task, decode_time, reporter ? &*reporter : nullptr);
    }
  } catch (const std::exception& e) {
    // The parent went away or sent something unreadable: nothing to report
    // to, so say it on stderr and end.
    std::fprintf(stderr, "gil-demo worker %d: %s\n", static_cast<int>(getpid()), e.what());
    status = 1;
  }
  reporter.reset();
  std::fflush(nullptr);
  rt.gil->release(ts);
  return status;
}

}  // namespace gil
