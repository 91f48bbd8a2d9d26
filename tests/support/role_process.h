// Test support: a hidden role of the gil-demo binary (__worker,
// __mp_child) started by hand, as a broken or hostile parent would start it:
// its channel (fd 3) is one end of a socket pair the test holds, and its
// stderr is captured. Also small builders of wire-format payloads, so that a
// test can send any shape of message without a runtime of its own.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "gil/ipc/wire.h"

namespace gil::testing {

// Wire-format pieces (wire.h): a tuple or list header for [n] items, an int,
// a str, None.
inline std::string tuple_of(size_t n) {
  std::string out;
  wire::encode_tuple_header(n, out);
  return out;
}
inline std::string list_of(size_t n) {
  std::string out = tuple_of(n);
  out[0] = 'l';
  return out;
}
inline std::string int_value(int64_t v) {
  std::string out;
  wire::encode_int(v, out);
  return out;
}
inline std::string str_value(std::string_view s) {
  std::string out;
  wire::encode_str(s, out);
  return out;
}
inline std::string none_value() { return "N"; }

// The gil-demo binary [exe] in a role, fed by the test.
class RoleProcess {
 public:
  // Starts `[exe] [args...]` with the child end of a socket pair at fd 3 and
  // stderr into a pipe. [address_space] > 0 limits its address space
  // (RLIMIT_AS) to that many bytes.
  RoleProcess(const std::string& exe, const std::vector<std::string>& args, rlim_t address_space = 0) {
    int pair[2], err[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0 || pipe2(err, O_CLOEXEC) != 0)
      throw std::system_error(errno, std::generic_category(), "socketpair/pipe");
    std::vector<std::string> argv_text = {exe};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      // Only async-signal-safe calls until exec.
      dup2(pair[1], 3);
      dup2(err[1], STDERR_FILENO);
      if (address_space > 0) {
        rlimit limit{address_space, address_space};
        setrlimit(RLIMIT_AS, &limit);
      }
      execv(exe.c_str(), argv.data());
      _exit(127);
    }
    ::close(pair[1]);
    ::close(err[1]);
    channel_ = pair[0];
    err_ = err[0];
  }
  ~RoleProcess() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close_channel();
    if (err_ >= 0) ::close(err_);
  }
  RoleProcess(const RoleProcess&) = delete;
  RoleProcess& operator=(const RoleProcess&) = delete;

  pid_t pid() const { return pid_; }

  // Writes [bytes] to the channel as they are (a peer that died makes this a
  // no-op, not a SIGPIPE).
  void send_raw(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(channel_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return;
      sent += static_cast<size_t>(n);
    }
  }
  // Sends [payload] in a well-formed frame (a correct CRC).
  void send_frame(const std::string& payload) { send_raw(wire::frame(payload)); }

  // Ends the test's sending side: the role reads end of file, and can
  // still write (its hello) without a broken pipe.
  void finish_sending() { ::shutdown(channel_, SHUT_WR); }

  void close_channel() {
    if (channel_ >= 0) ::close(channel_);
    channel_ = -1;
  }

  // Waits for the process to end: its wait status, or -1 when it was still
  // running after [limit] (a hang), in which case it is killed.
  int wait(std::chrono::seconds limit = std::chrono::seconds(60)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    for (;;) {
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        reaped_ = true;
        return status;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        reaped_ = true;
        return -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  // Everything written to stderr (call after wait()).
  std::string stderr_text() {
    std::string text;
    char buf[4096];
    for (;;) {
      ssize_t n = ::read(err_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      text.append(buf, static_cast<size_t>(n));
    }
    return text;
  }

 private:
  pid_t pid_ = -1;
  int channel_ = -1;
  int err_ = -1;
  bool reaped_ = false;
};

// "exit 3", "killed by signal 11", "still running", for failure messages.
inline std::string describe_status(int status) {
  if (status == -1) return "still running (a hang)";
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "status " + std::to_string(status);
}

}  // namespace gil::testing
