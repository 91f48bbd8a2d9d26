// The built-in modules `time`, `sys`, `os` and `signal` (the
// parts of them a program about threads and processes needs).
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <chrono>
#include <cmath>
#include <ctime>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"
#include "gil/threads/gil.h"

namespace gil {
namespace {

void add_attr(Runtime& rt, ObjModule* m, std::string_view name, Value v) {
  m->attrs.emplace_back(rt.intern(name), std::move(v));
}

void add_function(Runtime& rt, ObjModule* m, std::string_view name, NativeFn fn) {
  add_attr(rt, m, name, make_native(name, fn));
}

double seconds_arg(ThreadState& ts, const Value& v, const char* fn) {
  if (v.is_intlike()) return static_cast<double>(v.as_int());
  if (v.is_float()) return v.as_float();
  raise(ts, ts.rt.types.TypeError,
        "'" + std::string(type_name(ts, v)) + "' object cannot be interpreted as an integer");
}

// ---- time -------------------------------------------------------------------

Value time_sleep(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "sleep", kwnames);
  check_args(ts, "sleep", argc, 1, 1);
  double seconds = seconds_arg(ts, args[0], "sleep");
  if (std::isnan(seconds)) raise(ts, ts.rt.types.ValueError, "Invalid value NaN (not a number)");
  if (seconds < 0) raise(ts, ts.rt.types.ValueError, "sleep length must be non-negative");
  {
    ReleaseGil unlocked(ts);
    sleep_for_seconds(ts, seconds);
  }
  // CPython raises KeyboardInterrupt from the interrupted sleep itself.
  if (ts.is_main && ts.rt.sigint_pending.load()) handle_eval_breaker(ts);
  return Value::none();
}

double monotonic_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Value time_perf_counter(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "perf_counter", argc, 0, 0);
  return Value::number(monotonic_seconds());
}

Value time_time(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "time", argc, 0, 0);
  using namespace std::chrono;
  return Value::number(duration<double>(system_clock::now().time_since_epoch()).count());
}

Value make_time_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  auto* m = new_object<ObjModule>(ts, "time");
  Value module = Value::adopt(m);
  add_function(rt, m, "sleep", time_sleep);
  add_function(rt, m, "perf_counter", time_perf_counter);
  add_function(rt, m, "monotonic", time_perf_counter);
  add_function(rt, m, "time", time_time);
  return module;
}

// ---- sys --------------------------------------------------------------------

Value sys_exit(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "exit", kwnames);
  check_args(ts, "exit", argc, 0, 1);
  auto* e = new_object<ObjException>(ts, ts.rt.types.SystemExit);
  e->args = argc ? make_tuple(ts, {args[0]}) : make_tuple(ts);
  raise_value(Value::adopt(e));
}

Value sys_getrecursionlimit(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "getrecursionlimit", argc, 0, 0);
  return Value::integer(ts.rt.config.recursion_limit);
}

Value sys_setrecursionlimit(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "setrecursionlimit", argc, 1, 1);
  int64_t limit = expect_int(ts, args[0], "setrecursionlimit");
  if (limit < 1) raise(ts, ts.rt.types.ValueError, "recursion limit must be greater or equal than 1");
  // Deeper than this would overrun a thread's value stack before the limit.
  if (limit > RuntimeConfig::kMaxRecursionLimit)
    raise(ts, ts.rt.types.ValueError, "MiniPy's recursion limit is at most 20000");
  ts.rt.config.recursion_limit = static_cast<int>(limit);
  return Value::none();
}

Value sys_setswitchinterval(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "setswitchinterval", argc, 1, 1);
  double seconds = seconds_arg(ts, args[0], "setswitchinterval");
  if (!(seconds > 0)) raise(ts, ts.rt.types.ValueError, "switch interval must be strictly positive");
  ts.rt.gil->set_switch_interval(std::chrono::microseconds(static_cast<int64_t>(seconds * 1e6)));
  return Value::none();
}

Value sys_getswitchinterval(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "getswitchinterval", argc, 0, 0);
  return Value::number(static_cast<double>(ts.rt.gil->switch_interval().count()) / 1e6);
}

// The exception being handled (a bare `raise` re-raises it), as CPython's
// (type, value, traceback), or three Nones.
Value sys_exc_info(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "exc_info", kwnames);
  check_args(ts, "exc_info", argc, 0, 0);
  const Value& exc = ts.handled_exception;
  if (exc.is_empty()) return make_tuple(ts, {Value::none(), Value::none(), Value::none()});
  return make_tuple(ts, {Value::borrow(type_of(ts, exc)), exc, traceback_object(ts, exc)});
}

Value make_sys_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  auto* m = new_object<ObjModule>(ts, "sys");
  Value module = Value::adopt(m);
  std::vector<Value> argv;
  for (auto& a : rt.config.argv) argv.push_back(make_str(a));
  add_attr(rt, m, "argv", make_list(ts, std::move(argv)));
  add_attr(rt, m, "path", make_list(ts, {make_str(script_directory(rt))}));
  add_attr(rt, m, "modules", Value::borrow(modules_dict(ts)));
  add_attr(rt, m, "maxsize", Value::integer(INT64_MAX));
  add_attr(rt, m, "version", make_str("3.11.0 (MiniPy, gil-demo)"));
  add_attr(rt, m, "platform", make_str("linux"));
  add_function(rt, m, "exit", sys_exit);
  add_function(rt, m, "exc_info", sys_exc_info);
  add_function(rt, m, "getrecursionlimit", sys_getrecursionlimit);
  add_function(rt, m, "setrecursionlimit", sys_setrecursionlimit);
  add_function(rt, m, "setswitchinterval", sys_setswitchinterval);
  add_function(rt, m, "getswitchinterval", sys_getswitchinterval);
  return module;
}

// ---- os and signal ----------------------------------------------------------------

Value os_getpid(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "getpid", argc, 0, 0);
  return Value::integer(getpid());
}

Value os_getppid(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "getppid", argc, 0, 0);
  return Value::integer(getppid());
}

Value os_kill(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "kill", kwnames);
  check_args(ts, "kill", argc, 2, 2);
  int64_t pid = expect_int(ts, args[0], "kill");
  int64_t sig = expect_int(ts, args[1], "kill");
  if (::kill(static_cast<pid_t>(pid), static_cast<int>(sig)) != 0)
    raise(ts, ts.rt.types.OSError, "[Errno " + std::to_string(errno) + "] " + std::strerror(errno));
  // A signal sent to ourselves is handled before the next instruction, as
  // CPython checks for signals right after os.kill.
  if (ts.rt.sigint_pending.load() && ts.is_main) handle_eval_breaker(ts);
  return Value::none();
}

Value os_cpu_count(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "cpu_count", argc, 0, 0);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? Value::integer(n) : Value::none();
}

Value os_exit(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "_exit", argc, 1, 1);
  std::fflush(nullptr);
  std::_Exit(static_cast<int>(expect_int(ts, args[0], "_exit")));
}

Value make_os_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  auto* m = new_object<ObjModule>(ts, "os");
  Value module = Value::adopt(m);
  add_function(rt, m, "getpid", os_getpid);
  add_function(rt, m, "getppid", os_getppid);
  add_function(rt, m, "kill", os_kill);
  add_function(rt, m, "cpu_count", os_cpu_count);
  add_function(rt, m, "_exit", os_exit);
  add_attr(rt, m, "sep", make_str("/"));
  add_attr(rt, m, "linesep", make_str("\n"));
  return module;
}

// Only the numbers: handlers are not settable from MiniPy.
Value make_signal_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  auto* m = new_object<ObjModule>(ts, "signal");
  Value module = Value::adopt(m);
  for (auto [name, number] : {std::pair{"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGKILL", SIGKILL},
                              {"SIGUSR1", SIGUSR1}, {"SIGUSR2", SIGUSR2}, {"SIGTERM", SIGTERM}})
    add_attr(rt, m, name, Value::integer(number));
  return module;
}

}  // namespace

void sleep_for_seconds(ThreadState& ts, double seconds) {
  timespec remaining;
  remaining.tv_sec = static_cast<time_t>(seconds);
  remaining.tv_nsec = static_cast<long>((seconds - std::floor(seconds)) * 1e9);
  // A signal interrupts the sleep; the eval loop raises KeyboardInterrupt
  // at its next check, once the GIL is held again.
  while (nanosleep(&remaining, &remaining) != 0 && errno == EINTR) {
    if (ts.is_main && ts.rt.sigint_pending.load()) return;
  }
}

void register_module(Runtime& rt, std::string_view name, ModuleMaker maker) {
  rt.module_makers[std::string(name)] = maker;
}

void install_builtin_modules(Runtime& rt) {
  register_module(rt, "time", make_time_module);
  register_module(rt, "sys", make_sys_module);
  register_module(rt, "os", make_os_module);
  register_module(rt, "signal", make_signal_module);
}

}  // namespace gil
