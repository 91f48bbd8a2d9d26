// The one file that includes Boost.Process (v1: Boost 1.81's v2 needs the
// workarounds listed in shared/notes/dependencies.md, v1 needs none of them).
#include "gil/ipc/process.h"

#include <fcntl.h>
#include <signal.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/process.hpp>
#include <boost/process/extend.hpp>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <system_error>

namespace gil {

namespace bp = boost::process;

std::string ExitStatus::describe() const {
  if (signal) {
    const char* name = sigabbrev_np(signal);
    return "killed by signal " + std::to_string(signal) + (name ? std::string(" (SIG") + name + ")" : "");
  }
  return "exit code " + std::to_string(exit_code);
}

std::string self_executable() {
  char path[4096];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n < 0) throw std::system_error(errno, std::generic_category(), "readlink /proc/self/exe");
  return std::string(path, static_cast<size_t>(n));
}

struct ChildProcess::Impl {
  bp::child child;
  // Guards [status] and reaping, so that threads waiting for, polling and
  // signalling the same child cannot reap it twice or signal a reused pid.
  std::mutex mutex;
  std::optional<ExitStatus> status;
  // Becomes readable when the child exits (pidfd_open), or -1.
  int pidfd = -1;

  void record(int native) {
    ExitStatus s;
    if (WIFSIGNALED(native))
      s.signal = WTERMSIG(native);
    else
      s.exit_code = WEXITSTATUS(native);
    status = s;
  }
};

namespace {

// Runs in the child between fork and exec, so it may only make
// async-signal-safe calls.
struct ChildSetup {
  std::vector<int> inherit;
  pid_t parent;
  bool die_with_parent;

  template <typename Executor>
  void operator()(Executor&) const {
    setpgid(0, 0);
    if (die_with_parent) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(127);  // the parent died before prctl
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    // stdin from /dev/null, opened here so that no extra descriptor crosses
    // the exec (Boost's bp::null leaves one open).
    int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null_fd >= 0) {
      dup2(null_fd, STDIN_FILENO);
      if (null_fd != STDIN_FILENO) close(null_fd);
    }
    for (int fd : inherit) fcntl(fd, F_SETFD, 0);
  }
};

// Runs in the parent when Boost gives up on a child. After a failed exec,
// Boost reaps the child only with WNOHANG, which misses a child that has
// reported the error but not yet exited: it would stay a zombie.
struct ReapOnError {
  template <typename Executor>
  void operator()(Executor& exec, const std::error_code&) const {
    if (exec.pid > 0) {
      while (waitpid(exec.pid, nullptr, 0) < 0 && errno == EINTR) {
      }
    }
  }
};

}  // namespace

ChildProcess::ChildProcess(const SpawnOptions& options) : impl_(std::make_unique<Impl>()) {
  std::string exe = options.exe.empty() ? self_executable() : options.exe;
  // A failed exec makes Boost's child call exit(), which would flush a copy of
  // our stdio buffers a second time.
  std::fflush(nullptr);
  std::error_code ec;
  ChildSetup setup{options.inherit, getpid(), options.die_with_spawning_thread};
  errno = 0;
  impl_->child = bp::child(bp::exe = exe, bp::args = options.args,
                           bp::extend::on_exec_setup(setup), bp::extend::on_error(ReapOnError{}), ec);
  int saved_errno = errno;
  if (ec) throw std::system_error(ec, "cannot start " + exe);
  // Boost 1.81 returns an empty child without setting [ec] when its
  // exec-error pipe cannot be made (EMFILE...). Its pid is -1, and kill(-1)
  // would signal every process we may signal: never let one out of here.
  if (!impl_->child.valid() || impl_->child.id() <= 0)
    throw std::system_error(saved_errno ? saved_errno : EAGAIN, std::generic_category(), "cannot start " + exe);
  impl_->pidfd = static_cast<int>(syscall(SYS_pidfd_open, impl_->child.id(), 0));  // close-on-exec
}

ChildProcess::~ChildProcess() {
  if (!impl_) return;
  if (!poll()) {
    kill_group(SIGKILL);
    wait();
  }
  if (impl_->pidfd >= 0) ::close(impl_->pidfd);
}

ChildProcess::ChildProcess(ChildProcess&&) noexcept = default;
ChildProcess& ChildProcess::operator=(ChildProcess&&) noexcept = default;

int ChildProcess::pid() const { return impl_->child.id(); }

std::optional<ExitStatus> ChildProcess::poll() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (impl_->status) return impl_->status;
  if (pid() <= 0) return impl_->status = ExitStatus{};  // never waitpid(-1)
  int native = 0;
  pid_t r = waitpid(pid(), &native, WNOHANG);
  if (r == pid()) {
    impl_->record(native);
    impl_->child.detach();  // reaped here; Boost must not wait or kill again
  } else if (r < 0 && errno == ECHILD) {
    impl_->status = ExitStatus{};  // not our child any more
    impl_->child.detach();
  }
  return impl_->status;
}

bool ChildProcess::running() { return !poll(); }

ExitStatus ChildProcess::wait() { return *wait_until(std::nullopt, nullptr); }

std::optional<ExitStatus> ChildProcess::wait_until(std::optional<std::chrono::steady_clock::time_point> deadline,
                                                   const std::function<bool()>& interrupted) {
  using Clock = std::chrono::steady_clock;
  for (;;) {
    if (auto status = poll()) return status;
    if (interrupted && interrupted()) return std::nullopt;
    int timeout_ms = -1;
    if (deadline) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now()).count();
      if (left <= 0) return std::nullopt;
      timeout_ms = static_cast<int>(std::min<int64_t>(left, 1 << 30));
    }
    if (impl_->pidfd >= 0) {
      // Readable once the child has exited; a signal ends the wait early
      // (EINTR), and the loop asks [interrupted] again.
      pollfd p{impl_->pidfd, POLLIN, 0};
      ::poll(&p, 1, timeout_ms);
    } else {
      ::usleep(1000);  // no pidfd (a kernel before 5.3): poll the child
    }
  }
}

void ChildProcess::kill_group(int signal) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  // A pid of 0 or less would make kill() signal our own group, or everyone;
  // a reaped child's pid may belong to someone else by now.
  if (impl_->status || pid() <= 0) return;
  ::kill(-pid(), signal);
  ::kill(pid(), signal);  // in case the child has not made its group yet
}

}  // namespace gil
