// The one file that includes Boost.Process (v1: Boost 1.81's v2 needs the
// workarounds listed in shared/notes/dependencies.md, v1 needs none of them).
#include "gil/process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/process.hpp>
#include <boost/process/extend.hpp>
#include <cstdio>
#include <cstring>
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
  std::optional<ExitStatus> status;

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
  impl_->child = bp::child(bp::exe = exe, bp::args = options.args, bp::std_in < bp::null,
                           bp::extend::on_exec_setup(setup), bp::extend::on_error(ReapOnError{}), ec);
  int saved_errno = errno;
  if (ec) throw std::system_error(ec, "cannot start " + exe);
  // Boost 1.81 returns an empty child without setting [ec] when its
  // exec-error pipe cannot be made (EMFILE...). Its pid is -1, and kill(-1)
  // would signal every process we may signal: never let one out of here.
  if (!impl_->child.valid() || impl_->child.id() <= 0)
    throw std::system_error(saved_errno ? saved_errno : EAGAIN, std::generic_category(), "cannot start " + exe);
}

ChildProcess::~ChildProcess() {
  if (!impl_ || impl_->status) return;
  kill_group(SIGKILL);
  wait();
}

ChildProcess::ChildProcess(ChildProcess&&) noexcept = default;
ChildProcess& ChildProcess::operator=(ChildProcess&&) noexcept = default;

int ChildProcess::pid() const { return impl_->child.id(); }

std::optional<ExitStatus> ChildProcess::poll() {
  if (impl_->status) return impl_->status;
  if (pid() <= 0) return impl_->status = ExitStatus{};
  int native = 0;
  pid_t r = waitpid(pid(), &native, WNOHANG);
  if (r == pid()) {
    impl_->record(native);
    impl_->child.detach();  // reaped here; Boost must not wait or kill again
  }
  return impl_->status;
}

bool ChildProcess::running() { return !poll(); }

ExitStatus ChildProcess::wait() {
  if (pid() <= 0 && !impl_->status) impl_->status = ExitStatus{};  // never waitpid(-1)
  while (!impl_->status) {
    int native = 0;
    pid_t r = waitpid(pid(), &native, 0);
    if (r == pid()) {
      impl_->record(native);
      impl_->child.detach();
    } else if (r < 0 && errno != EINTR) {
      impl_->status = ExitStatus{};  // not our child any more
      impl_->child.detach();
    }
  }
  return *impl_->status;
}

void ChildProcess::kill_group(int signal) {
  // A pid of 0 or less would make kill() signal our own group, or everyone.
  if (impl_->status || pid() <= 0) return;
  ::kill(-pid(), signal);
  ::kill(pid(), signal);  // in case the child has not made its group yet
}

}  // namespace gil
