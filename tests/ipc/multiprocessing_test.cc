// A multiprocessing child (`gil-demo __mp_child`) given what no gil-demo
// parent sends: boot messages, calls and pool tasks of the wrong shape, each
// of which must end it with one line on stderr and exit 1; and a child
// started by hand, outside a process group of its own, which must signal
// only itself when its parent goes, never its invoker's group.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "../support/role_process.h"

#ifndef GIL_DEMO_EXE
#error "tests/CMakeLists.txt defines GIL_DEMO_EXE"
#endif

namespace gil {
namespace {

using testing::int_value;
using testing::list_of;
using testing::RoleProcess;
using testing::str_value;
using testing::tuple_of;

// The call (target, args, kwargs) of a Process with no target: (None, (), {}).
std::string empty_call() { return tuple_of(3) + "N" + tuple_of(0) + std::string("d\0\0\0\0", 5); }

// A boot message, (role, name, identity, file, source, argv, call), with
// [argv] and [call] already encoded.
std::string boot(const std::string& role, const std::string& source, const std::string& argv,
                 const std::string& call) {
  return tuple_of(7) + str_value(role) + str_value("Process-1") + str_value("1") + str_value("<by hand>") +
         str_value(source) + argv + str_value(call);
}

std::string one_arg() { return list_of(1) + str_value("<by hand>"); }

struct BadBoot {
  const char* name;
  std::string boot;
  std::string then;  // a frame sent after the boot message, if any
  const char* error;
};

class MpChildGivenABadMessage : public ::testing::TestWithParam<BadBoot> {};

TEST_P(MpChildGivenABadMessage, EndsWithOneLineAndExit1) {
  RoleProcess child(GIL_DEMO_EXE, {"__mp_child", "--channel-fd", "3"});
  child.send_frame(GetParam().boot);
  if (!GetParam().then.empty()) child.send_frame(GetParam().then);
  int status = child.wait();
  std::string err = child.stderr_text();
  EXPECT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 1)
      << testing::describe_status(status) << "\n" << err;
  EXPECT_NE(err.find(GetParam().error), std::string::npos) << err;
  EXPECT_EQ(err.find('\n'), err.size() - 1) << "not one line:\n" << err;
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, MpChildGivenABadMessage,
    ::testing::Values(
        BadBoot{"int", int_value(3), "", "a boot message must be a tuple of 7 items, not an int"},
        BadBoot{"six_items", tuple_of(6) + str_value("process") + str_value("P") + str_value("1") + str_value("f") +
                                 str_value("") + one_arg(),
                "", "a boot message must be a tuple of 7 items, not a tuple of 6 items"},
        BadBoot{"name_an_int",
                tuple_of(7) + str_value("process") + int_value(1) + str_value("1") + str_value("f") + str_value("") +
                    one_arg() + str_value(empty_call()),
                "", "a boot message's name must be a str, not an int"},
        BadBoot{"argv_a_str", boot("process", "", str_value("x"), empty_call()), "",
                "a boot message's argv must be a list, not a str"},
        BadBoot{"argv_of_ints", boot("process", "", list_of(1) + int_value(1), empty_call()), "",
                "an item of a boot message's argv must be a str, not an int"},
        BadBoot{"unknown_role", boot("bogus", "", one_arg(), empty_call()), "", "unknown child role 'bogus'"},
        BadBoot{"call_of_two", boot("process", "", one_arg(), tuple_of(2) + "N" + tuple_of(0)), "",
                "a child's call must be a tuple of 3 items, not a tuple of 2 items"},
        BadBoot{"call_args_a_list",
                boot("process", "", one_arg(), tuple_of(3) + "N" + list_of(0) + std::string("d\0\0\0\0", 5)), "",
                "a call's args must be a tuple, not a list of 0 items"},
        BadBoot{"call_kwargs_a_tuple", boot("process", "", one_arg(), tuple_of(3) + "N" + tuple_of(0) + tuple_of(0)),
                "", "a call's kwargs must be a dict, not a tuple of 0 items"},
        BadBoot{"pool_task_an_int", boot("pool", "", one_arg(), ""), int_value(5),
                "a pool task must be a tuple of 5 items, not an int"},
        BadBoot{"pool_task_items_a_tuple", boot("pool", "", one_arg(), ""),
                tuple_of(5) + str_value("run") + "N" + tuple_of(0) + "F" + "N",
                "a pool task's items must be a list, not a tuple of 0 items"},
        BadBoot{"pool_task_unknown_verb", boot("pool", "", one_arg(), ""),
                tuple_of(5) + str_value("stop") + "N" + list_of(0) + "F" + "N",
                "a pool task's verb must be 'run', not a str"}),
    [](const ::testing::TestParamInfo<BadBoot>& info) { return std::string(info.param.name); });

// A child started by hand from a "shell" (a process leading its own group)
// is in the shell's group. When its channel reaches end of file it must kill
// itself alone: the shell survives and sees it die of SIGKILL. (Before, it
// killed its whole group, the shell included.) The child's top level starts
// a thread that sleeps, so it is still running when the end of file comes.
TEST(MpChildByHand, SignalsOnlyItselfWhenItLeadsNoGroup) {
  int pair[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair), 0);
  std::string exe = GIL_DEMO_EXE;
  std::vector<std::string> argv_text = {exe, "__mp_child", "--channel-fd", "3"};
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t shell = fork();
  ASSERT_GE(shell, 0);
  if (shell == 0) {
    // Only async-signal-safe calls from here on.
    setpgid(0, 0);
    pid_t child = fork();
    if (child == 0) {
      dup2(pair[1], 3);
      int null = open("/dev/null", O_WRONLY);
      dup2(null, STDERR_FILENO);
      execv(exe.c_str(), argv.data());
      _exit(127);
    }
    close(pair[0]);
    close(pair[1]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    _exit(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ? 0 : 3);
  }
  close(pair[1]);
  std::string source = "import threading, time\nthreading.Thread(target=time.sleep, args=(60,)).start()\n";
  std::string frame = wire::frame(boot("process", source, one_arg(), empty_call()));
  ASSERT_EQ(send(pair[0], frame.data(), frame.size(), MSG_NOSIGNAL), static_cast<ssize_t>(frame.size()));
  close(pair[0]);  // the "parent" goes

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int status = 0;
  pid_t r;
  while ((r = waitpid(shell, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (r != shell) {
    kill(-shell, SIGKILL);
    waitpid(shell, &status, 0);
    FAIL() << "the child did not end when its channel closed";
  }
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "the shell: " << testing::describe_status(status)
      << " (exit 3: the child did not die of SIGKILL; killed by 9: the child killed its invoker's group)";
}

}  // namespace
}  // namespace gil
