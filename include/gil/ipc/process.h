// ChildProcess: one gil-demo child process (a runner worker or a
// multiprocessing child), started with Boost.Process.
//
// Every child is the gil-demo binary itself in a hidden role, started the way
// CPython's `spawn` start method starts one: a fresh program that learns what
// to do from messages on a channel. The contract that keeps children from
// outliving or confusing their parent:
//
// - stdin is /dev/null; stdout and stderr are the parent's, so a child's
//   print() reaches the same terminal;
// - only the file descriptors named in SpawnOptions::inherit cross the exec
//   (every other descriptor of the project is close-on-exec);
// - the child leads a process group of its own, so a signal for the group
//   reaches anything it started, and a Ctrl-C at the terminal reaches only
//   the parent, which then decides;
// - the kernel kills the child (SIGKILL) when the thread that started it
//   exits, so a parent that dies unexpectedly leaves nothing behind (unless
//   SpawnOptions::die_with_spawning_thread is off).
//
// Thread safety: any thread may poll, wait for and signal the same child at
// once (reaping is serialised inside); moving or destroying one needs the
// only reference.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gil {

// How a child process ended.
struct ExitStatus {
  // The exit code when it exited, else -1.
  int exit_code = -1;
  // The signal that killed it, else 0.
  int signal = 0;

  bool ok() const { return signal == 0 && exit_code == 0; }
  // multiprocessing's Process.exitcode: the code, or minus the signal.
  int python_exitcode() const { return signal ? -signal : exit_code; }
  // "exit code 3" or "killed by signal 9 (SIGKILL)".
  std::string describe() const;
};

struct SpawnOptions {
  // The program to run; empty means this process's own executable.
  std::string exe;
  // Its arguments, without argv[0].
  std::vector<std::string> args;
  // Descriptors the child keeps, at the same numbers.
  std::vector<int> inherit;
  // Whether the kernel kills the child when the spawning thread exits
  // (PR_SET_PDEATHSIG). Only for a thread that lives as long as the parent
  // needs the child: the main thread, or one that waits for the child.
  bool die_with_spawning_thread = true;
};

class ChildProcess {
 public:
  // Starts a child. Throws std::system_error when it cannot be started.
  explicit ChildProcess(const SpawnOptions& options);
  // Kills the child's process group and reaps it if it is still running.
  ~ChildProcess();
  ChildProcess(ChildProcess&&) noexcept;
  ChildProcess& operator=(ChildProcess&&) noexcept;

  int pid() const;
  // Whether the child has not exited yet (reaps it when it has).
  bool running();
  // Waits for the child to exit and returns how it ended.
  ExitStatus wait();
  // Waits until the child exits, [deadline] passes (unset: never), or
  // [interrupted] (asked whenever a signal ends the wait, may be null)
  // returns true; nullopt in the last two cases.
  std::optional<ExitStatus> wait_until(std::optional<std::chrono::steady_clock::time_point> deadline,
                                       const std::function<bool()>& interrupted);
  // How the child ended, or nullopt while it runs. Does not block.
  std::optional<ExitStatus> poll();
  // Sends [signal] to the child's process group (a no-op once reaped).
  void kill_group(int signal);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The path of the running executable (/proc/self/exe).
std::string self_executable();

}  // namespace gil
