// The parent side of the processes mode (protocol in process_runner.h): one
// thread runs a Boost.Asio io_context that spawns the workers, writes their
// tasks, reads their results, and watches for signals and the time limit.
// Everything happens on that thread, so the state below needs no lock.
#include "gil/lab/process_runner.h"

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <boost/asio.hpp>
#include <deque>
#include <memory>
#include <system_error>

#include "gil/ipc/process.h"
#include "gil/ipc/process_state.h"
#include "gil/ipc/wire.h"
#include "gil/runtime/errors.h"

namespace gil {
namespace {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

int64_t steady_ns(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

double seconds_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// How often the parent looks whether a worker process is stopped. It only
// decides how soon a stop is seen, never what the run computes.
constexpr std::chrono::milliseconds kWatchInterval{200};

// One worker process and the parent's end of its channel.
struct Worker {
  // A socket, not a posix::stream_descriptor: Asio sends on sockets with
  // MSG_NOSIGNAL, so a task written to a worker that has just died fails
  // with EPIPE instead of killing us with SIGPIPE.
  std::unique_ptr<asio::local::stream_protocol::socket> channel;
  // Declared after the channel, so destroyed before it: a run that ends by
  // an exception kills and reaps the worker before its channel closes, and
  // the worker never sees the reset (and says so on stderr).
  std::unique_ptr<ChildProcess> process;
  Clock::time_point spawned;
  double spawn_s = 0;
  // The task it holds, or -1.
  int task = -1;
  // Frames waiting to be written, the first one being written.
  std::deque<std::string> outbox;
  std::array<char, wire::kHeaderSize> header{};
  std::string payload;
  // Why the parent stopped listening to it, when it was not its exit.
  std::string protocol_error;
  // Its channel closed; it is reaped once it has exited, polled by [reaper].
  bool ended = false;
  std::unique_ptr<asio::steady_timer> reaper;
  std::chrono::milliseconds reap_interval{1};
  // When its last message came (its spawning, before the first), and
  // whether it has been seen stopped since: a silence being recorded.
  Clock::time_point last_heard;
  bool silent = false;
};

class ProcessRun {
 public:
  ProcessRun(ThreadState& main, const RunSpec& spec, RunReport& report, Clock::time_point start)
      : main_(main), spec_(spec), report_(report), start_ns_(steady_ns(start)) {}

  void run() {
    for (size_t t = 0; t < report_.workers.size(); ++t) pending_.push_back(static_cast<int>(t));
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      interrupted_by_ = signal;
      abort_all();
    });
    if (spec_.timeout_s) {
      timer_.expires_after(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(*spec_.timeout_s)));
      timer_.async_wait([this](const boost::system::error_code& ec) {
        if (ec) return;
        fail("the run timed out after " + format_seconds(*spec_.timeout_s) + "; every worker was killed");
      });
    }
    size_t count = pending_.size();
    for (size_t i = 0; i < count && !aborting_; ++i) spawn_worker();
    watch();
    io_.run();
    for (auto& w : workers_) w->process.reset();  // reaps anything left
    if (interrupted_by_) throw Interrupted(std::string("interrupted by ") + sigabbrev_np(interrupted_by_));
  }

 private:
  static std::string format_seconds(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%g s", s);
    return text;
  }

  std::vector<std::string> worker_args(int fd) const {
    const GilConfig& g = spec_.gil;
    return {"__worker",
            "--channel-fd", std::to_string(fd),
            "--policy", std::string(gil_policy_name(g.policy)),
            "--switch-us", std::to_string(g.switch_interval.count()),
            "--check-interval", std::to_string(g.check_interval),
            "--stats", g.collect_stats ? "1" : "0",
            "--record", g.record_activity ? "1" : "0",
            "--live", spec_.live ? "1" : "0",
            spec_.workload_path};
  }

  void spawn_worker() {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
      throw std::system_error(errno, std::generic_category(), "socketpair");
    auto w = std::make_unique<Worker>();
    w->spawned = Clock::now();
    w->last_heard = w->spawned;
    try {
      w->process = std::make_unique<ChildProcess>(SpawnOptions{spec_.worker_exe, worker_args(fds[1]), {fds[1]}});
    } catch (...) {
      ::close(fds[0]);
      ::close(fds[1]);
      throw;
    }
    ::close(fds[1]);
    w->channel = std::make_unique<asio::local::stream_protocol::socket>(io_, asio::local::stream_protocol(), fds[0]);
    Worker* raw = w.get();
    workers_.push_back(std::move(w));
    ++live_;
    read_header(raw);
    give_task(raw);
  }

  // Sends [w] the next task, or tells it there is none by closing our
  // writing half, which it reads as the end.
  void give_task(Worker* w) {
    if (aborting_) return;
    if (pending_.empty()) {
      if (w->outbox.empty()) shutdown_writes(w);
      return;
    }
    int task = pending_.front();
    pending_.pop_front();
    w->task = task;
    WorkerReport& r = report_.workers[static_cast<size_t>(task)];
    ++r.attempts;
    r.pid = w->process->pid();
    auto before = Clock::now();
    std::string payload;
    wire::encode(main_, make_tuple(main_, {make_str("task"), Value::integer(task), Value::integer(r.worker),
                                    Value::integer(r.units)}),
                 payload);
    serialize_ += Clock::now() - before;
    send(w, wire::frame(payload));
  }

  void shutdown_writes(Worker* w) {
    if (w->channel->is_open()) ::shutdown(w->channel->native_handle(), SHUT_WR);
  }

  void send(Worker* w, std::string frame) {
    w->outbox.push_back(std::move(frame));
    if (w->outbox.size() == 1) write_next(w);
  }

  void write_next(Worker* w) {
    asio::async_write(*w->channel, asio::buffer(w->outbox.front()), [this, w](const boost::system::error_code& ec, size_t n) {
      if (ec) return;  // the worker is gone; its channel's reading side reports how
      count_message(n);
      w->outbox.pop_front();
      if (!w->outbox.empty())
        write_next(w);
      else if (w->task < 0 && pending_.empty())
        shutdown_writes(w);
    });
  }

  void count_message(size_t bytes) {
    ++report_.ipc.messages;
    report_.ipc.bytes += bytes;
  }

  void read_header(Worker* w) {
    asio::async_read(*w->channel, asio::buffer(w->header), [this, w](const boost::system::error_code& ec, size_t) {
      if (ec) return worker_ended(w);
      std::string_view header(w->header.data(), w->header.size());
      uint32_t length;
      try {
        length = wire::payload_length(header);
      } catch (const wire::FormatError& e) {
        return protocol_error(w, e.what());
      }
      w->payload.assign(length, '\0');
      asio::async_read(*w->channel, asio::buffer(w->payload), [this, w](const boost::system::error_code& ec, size_t) {
        if (ec) return protocol_error(w, "truncated frame: the channel closed inside a message");
        heard(w);
        try {
          wire::check_payload(std::string_view(w->header.data(), w->header.size()), w->payload);
          auto before = Clock::now();
          Value message = wire::decode(main_, w->payload);
          auto decoding = Clock::now() - before;
          // --live's progress reports are the view's cost, not the work's:
          // they stay out of the IPC figures.
          if (!is_progress(message)) {
            count_message(wire::kHeaderSize + w->payload.size());
            serialize_ += decoding;
          }
          handle(w, message);
        } catch (const wire::FormatError& e) {
          return protocol_error(w, e.what());
        }
        read_header(w);
      });
    });
  }

  static bool is_progress(const Value& message) {
    if (!is_tuple(message) || as<ObjTuple>(message)->items.empty()) return false;
    const Value& kind = as<ObjTuple>(message)->items[0];
    return is_str(kind) && as<ObjStr>(kind)->text == "progress";
  }

  // A frame that is not one: the worker is killed and counts as dead.
  void protocol_error(Worker* w, const std::string& what) {
    w->protocol_error = "sent a corrupt message (" + what + ")";
    w->process->kill_group(SIGKILL);
    worker_ended(w);
  }

  // Checked access to a message's parts: a well-framed message of the wrong
  // shape (a worker that is not gil-demo's, or a bug) is as corrupt as a bad
  // checksum, and must never index past the workers or be cast blindly.
  [[noreturn]] static void unexpected(const std::string& what) {
    throw wire::FormatError("unexpected message: " + what);
  }
  static const std::vector<Value>& tuple_of(const Value& v, size_t n, const std::string& what) {
    if (!is_tuple(v) || as<ObjTuple>(v)->items.size() != n)
      unexpected(what + " is not a tuple of " + std::to_string(n) + " items");
    return as<ObjTuple>(v)->items;
  }
  static const std::vector<Value>& list_of(const Value& v, const std::string& what) {
    if (!is_list(v)) unexpected(what + " is not a list");
    return as<ObjList>(v)->items;
  }
  static int64_t int_of(const Value& v, const std::string& what) {
    if (!v.is_int()) unexpected(what + " is not an int");
    return v.as_int();
  }
  static const std::string& text(const Value& v, const std::string& what) {
    if (!is_str(v)) unexpected(what + " is not a str");
    return as<ObjStr>(v)->text;
  }

  void handle(Worker* w, const Value& message) {
    if (!is_tuple(message) || as<ObjTuple>(message)->items.empty()) unexpected("not a tuple");
    const std::string& op = text(as<ObjTuple>(message)->items[0], "its kind");
    if (op == "hello") {
      tuple_of(message, 2, "hello");
      w->spawn_s = seconds_between(w->spawned, Clock::now());
      if (w->task >= 0) report_.workers[static_cast<size_t>(w->task)].spawn_s = w->spawn_s;
    } else if (op == "progress") {
      take_progress(w, tuple_of(message, 4, "progress"));
    } else if (op == "loaded") {
      tuple_of(message, 1, "loaded");
    } else if (op == "load_failed") {
      fail(text(tuple_of(message, 2, "load_failed")[1], "load_failed's message"));
    } else if (op == "result" || op == "failed") {
      const auto& m = tuple_of(message, op == "result" ? 10 : 4, op);
      int64_t task = int_of(m[1], op + "'s task");
      if (w->task < 0 || task != w->task)
        unexpected(op + " for task " + std::to_string(task) + ", which the worker was not given");
      WorkerReport& r = report_.workers[static_cast<size_t>(task)];
      if (op == "failed") {
        const std::string& error = text(m[2], "failed's message");
        int64_t serialize_ns = int_of(m[3], "failed's serialization time");
        report_.failed = true;
        if (report_.error.empty()) report_.error = error;
        report_.ipc.serialize_s += static_cast<double>(serialize_ns) / 1e9;
      } else {
        take_result(r, m);
      }
      r.spawn_s = w->spawn_s;
      if (spec_.live) (*spec_.live)[r.worker].change(ThreadActivity::Done, live_now_ns());
      w->task = -1;
      give_task(w);
    } else {
      unexpected("unknown kind '" + op + "'");
    }
  }

  // A worker's ("progress", activity, since_ns, [totals]) for --live.
  void take_progress(Worker* w, const std::vector<Value>& m) {
    if (!spec_.live || w->task < 0) return;
    int64_t activity = int_of(m[1], "progress's activity");
    if (activity < 0 || activity >= kActivities) unexpected("an unknown activity");
    const auto& totals = list_of(m[3], "progress's totals");
    if (totals.size() != kActivities) unexpected("progress with the wrong number of totals");
    std::array<int64_t, kActivities> t{};
    for (int a = 0; a < kActivities; ++a) t[a] = int_of(totals[a], "a total");
    (*spec_.live)[report_.workers[static_cast<size_t>(w->task)].worker].store(static_cast<ThreadActivity>(activity),
                                                                              int_of(m[2], "progress's time"), t);
  }

  // Reads a ("result", ...) message into [r], all or nothing.
  void take_result(WorkerReport& r, const std::vector<Value>& m) {
    WorkerReport parsed = r;
    parsed.result = text(m[3], "result's repr");
    const auto& stats = tuple_of(m[6], 7, "result's statistics");
    parsed.gil.acquisitions = static_cast<uint64_t>(int_of(stats[0], "acquisitions"));
    parsed.gil.drop_requests = static_cast<uint64_t>(int_of(stats[1], "drop requests"));
    parsed.gil.forced_switches = static_cast<uint64_t>(int_of(stats[2], "forced switches"));
    parsed.gil.voluntary_releases = static_cast<uint64_t>(int_of(stats[3], "voluntary releases"));
    parsed.gil.wait = std::chrono::nanoseconds(int_of(stats[4], "wait time"));
    parsed.gil.hold = std::chrono::nanoseconds(int_of(stats[5], "hold time"));
    parsed.gil.io_latency.clear();
    for (const Value& l : list_of(stats[6], "I/O latencies")) parsed.gil.io_latency.emplace_back(int_of(l, "a latency"));
    parsed.activity.clear();
    for (const Value& c : list_of(m[7], "result's activity")) {
      const auto& f = tuple_of(c, 3, "an activity change");
      int64_t activity = int_of(f[1], "an activity");
      if (activity < 0 || activity > static_cast<int64_t>(ThreadActivity::Done)) unexpected("an unknown activity");
      parsed.activity.push_back({std::chrono::nanoseconds(int_of(f[0], "an activity time") - start_ns_),
                                 static_cast<ThreadActivity>(activity), static_cast<int>(int_of(f[2], "a hand-over"))});
    }
    int64_t serialize_ns = int_of(m[8], "result's serialization time");
    parsed.peak_rss_kib = int_of(m[9], "result's peak RSS");
    report_.ipc.serialize_s += static_cast<double>(serialize_ns) / 1e9;
    r = std::move(parsed);
  }

  // The worker's channel closed (or broke): it is ending. It is reaped once
  // it has exited, polled without blocking the loop, so that a worker that
  // closes its channel and lingers cannot hold up the time limit, a signal
  // or the other workers.
  void worker_ended(Worker* w) {
    if (w->ended) return;
    w->ended = true;
    end_silence(w);
    boost::system::error_code ignored;
    w->channel->close(ignored);
    reap(w);
  }

  void reap(Worker* w) {
    std::optional<ExitStatus> status = w->process->poll();
    if (!status) {
      if (!w->reaper) w->reaper = std::make_unique<asio::steady_timer>(io_);
      w->reaper->expires_after(w->reap_interval);
      w->reap_interval = std::min(w->reap_interval * 2, std::chrono::milliseconds(50));
      w->reaper->async_wait([this, w](const boost::system::error_code&) { reap(w); });
      return;
    }
    worker_exited(w, *status);
  }

  // Deals with the task an ended worker held.
  void worker_exited(Worker* w, const ExitStatus& status) {
    --live_;
    std::string how = w->protocol_error.empty() ? status.describe() : w->protocol_error;
    if (aborting_ && w->protocol_error.empty() && status.signal == SIGKILL)
      how = "was killed (SIGKILL) by gil-demo as the run stopped";
    if (w->task >= 0 || !status.ok() || !w->protocol_error.empty()) {
      WorkerFault fault{w->process->pid(), how, w->task, false};
      // The fault keeps ExitStatus::describe()'s words; the sentence needs a verb.
      if (how.starts_with("exit code ")) how = "exited with code " + how.substr(10);
      if (w->task >= 0 && !aborting_) {
        WorkerReport& r = report_.workers[static_cast<size_t>(w->task)];
        if (r.attempts <= spec_.retries) {
          fault.retried = true;
          pending_.push_front(w->task);
        } else {
          fail("worker process " + std::to_string(fault.pid) + " " + how + " while running task " +
               std::to_string(w->task) + " (worker " + std::to_string(r.worker) + ", " + std::to_string(r.units) +
               " units)" + (spec_.retries ? "; it was already retried " + std::to_string(spec_.retries) +
                                                 (spec_.retries == 1 ? " time" : " times")
                                          : "; --retry runs a lost task again"));
        }
      }
      report_.faults.push_back(fault);
      if (fault.retried) spawn_worker();
    }
    w->task = -1;
    if (live_ == 0) {
      signals_.cancel();
      timer_.cancel();
      watch_timer_.cancel();
    }
  }

  void fail(const std::string& message) {
    report_.failed = true;
    if (report_.error.empty()) report_.error = message;
    abort_all();
  }

  // Kills every worker not yet reaped (kill_group is a no-op after that);
  // their channels then close and worker_ended reaps them.
  void abort_all() {
    aborting_ = true;
    pending_.clear();
    for (auto& w : workers_) w->process->kill_group(SIGKILL);
    if (live_ == 0) {
      signals_.cancel();
      timer_.cancel();
      watch_timer_.cancel();
    }
  }

  // A worker that stops (SIGSTOP, Ctrl-Z, a debugger) holds the run, which
  // waits for it, as CPython's would. The run keeps those semantics, but
  // says so: every kWatchInterval the parent asks the kernel whether each
  // worker is stopped, and a stopped one is named at once (spec.notices),
  // in the live view while it stays stopped, and in the report with how
  // long it sent nothing.
  void watch() {
    watch_timer_.expires_after(kWatchInterval);
    watch_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec || live_ == 0) return;
      auto now = Clock::now();
      for (auto& w : workers_) {
        if (w->ended) continue;
        bool stopped = process_stopped(w->process->pid());
        if (stopped && !w->silent) {
          w->silent = true;
          if (spec_.notices) {
            std::fprintf(spec_.notices,
                         "gil-demo: worker process %d%s is stopped and has sent nothing for %.1f s; the run waits "
                         "for it (SIGCONT resumes it, --timeout bounds a run)\n",
                         w->process->pid(), held(w.get()).c_str(), seconds_between(w->last_heard, now));
            std::fflush(spec_.notices);
          }
        }
        if (LiveWorker* board = live_board(w.get())) board->set_silent_since(stopped ? steady_ns(w->last_heard) : 0);
      }
      watch();
    });
  }

  // " (worker N)" for a worker holding a task; "" otherwise.
  std::string held(const Worker* w) const {
    if (w->task < 0) return "";
    return " (worker " + std::to_string(report_.workers[static_cast<size_t>(w->task)].worker) + ")";
  }

  LiveWorker* live_board(const Worker* w) const {
    if (!spec_.live || w->task < 0) return nullptr;
    return &(*spec_.live)[report_.workers[static_cast<size_t>(w->task)].worker];
  }

  // A message from [w] arrived: a silence, if one was being recorded, ends.
  void heard(Worker* w) {
    end_silence(w);
    w->last_heard = Clock::now();
  }

  void end_silence(Worker* w) {
    if (!w->silent) return;
    w->silent = false;
    auto now = Clock::now();
    int worker = w->task >= 0 ? report_.workers[static_cast<size_t>(w->task)].worker : -1;
    report_.silences.push_back({w->process->pid(), worker,
                                static_cast<double>(steady_ns(w->last_heard) - start_ns_) / 1e9,
                                seconds_between(w->last_heard, now)});
    if (LiveWorker* board = live_board(w)) board->set_silent_since(0);
  }

  ThreadState& main_;
  const RunSpec& spec_;
  RunReport& report_;
  int64_t start_ns_;
  asio::io_context io_;
  asio::signal_set signals_{io_, SIGINT, SIGTERM};
  asio::steady_timer timer_{io_};
  asio::steady_timer watch_timer_{io_};
  std::vector<std::unique_ptr<Worker>> workers_;
  std::deque<int> pending_;
  int live_ = 0;
  bool aborting_ = false;
  int interrupted_by_ = 0;
  Clock::duration serialize_{0};

 public:
  ~ProcessRun() { report_.ipc.serialize_s += std::chrono::duration<double>(serialize_).count(); }
};

}  // namespace

void run_processes(ThreadState& main, const RunSpec& spec, RunReport& report, Clock::time_point start) {
  ProcessRun run(main, spec, report, start);
  run.run();
}

}  // namespace gil
