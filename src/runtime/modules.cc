// The built-in modules `time`, `sys`, `os` (with `os.path`) and `signal`:
// the parts of them that programs about threads and processes, and small
// everyday programs, need.
#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <chrono>
#include <cmath>
#include <ctime>

#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/fileobject.h"
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

int64_t nanoseconds(std::chrono::nanoseconds d) { return static_cast<int64_t>(d.count()); }

Value time_perf_counter_ns(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "perf_counter_ns", argc, 0, 0);
  return Value::integer(nanoseconds(std::chrono::steady_clock::now().time_since_epoch()));
}

Value time_time_ns(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "time_ns", argc, 0, 0);
  return Value::integer(nanoseconds(std::chrono::system_clock::now().time_since_epoch()));
}

// CPU time of the process or of the calling thread, from clock_gettime.
double cpu_seconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

Value time_process_time(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "process_time", argc, 0, 0);
  return Value::number(cpu_seconds(CLOCK_PROCESS_CPUTIME_ID));
}

Value time_thread_time(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "thread_time", argc, 0, 0);
  return Value::number(cpu_seconds(CLOCK_THREAD_CPUTIME_ID));
}

Value make_time_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  auto* m = new_object<ObjModule>(ts, "time");
  Value module = Value::adopt(m);
  add_function(rt, m, "sleep", time_sleep);
  add_function(rt, m, "perf_counter", time_perf_counter);
  add_function(rt, m, "monotonic", time_perf_counter);
  add_function(rt, m, "time", time_time);
  add_function(rt, m, "perf_counter_ns", time_perf_counter_ns);
  add_function(rt, m, "monotonic_ns", time_perf_counter_ns);
  add_function(rt, m, "time_ns", time_time_ns);
  add_function(rt, m, "process_time", time_process_time);
  add_function(rt, m, "thread_time", time_thread_time);
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

// sys.float_info's fields as attributes of a small module object (CPython's
// is a named tuple; its repr differs).
Value make_float_info(ThreadState& ts) {
  Runtime& rt = ts.rt;
  auto* m = new_object<ObjModule>(ts, "sys.float_info");
  Value info = Value::adopt(m);
  add_attr(rt, m, "max", Value::number(DBL_MAX));
  add_attr(rt, m, "max_exp", Value::integer(DBL_MAX_EXP));
  add_attr(rt, m, "max_10_exp", Value::integer(DBL_MAX_10_EXP));
  add_attr(rt, m, "min", Value::number(DBL_MIN));
  add_attr(rt, m, "min_exp", Value::integer(DBL_MIN_EXP));
  add_attr(rt, m, "min_10_exp", Value::integer(DBL_MIN_10_EXP));
  add_attr(rt, m, "dig", Value::integer(DBL_DIG));
  add_attr(rt, m, "mant_dig", Value::integer(DBL_MANT_DIG));
  add_attr(rt, m, "epsilon", Value::number(DBL_EPSILON));
  add_attr(rt, m, "radix", Value::integer(FLT_RADIX));
  add_attr(rt, m, "rounds", Value::integer(1));
  return info;
}

// The argument's reference count, its own reference included, as CPython
// 3.11 counts it: the caller's stack holds the argument while the call runs,
// so a fresh object gives 2. Objects that MiniPy keeps inline in the Value
// (small ints, floats, None, bools) have no count; they answer as
// CPython's immortal-ish singletons and cached ints would not, so report
// the same high count for all of them rather than pretend.
Value sys_getrefcount(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "getrefcount", kwnames);
  check_args(ts, "getrefcount", argc, 1, 1);
  if (!args[0].is_obj()) return Value::integer(int64_t{1} << 32);
  return Value::integer(args[0].as_obj()->refcount);
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
  add_attr(rt, m, "byteorder", make_str(std::endian::native == std::endian::little ? "little" : "big"));
  // Tuples, not CPython's named tuples: comparisons and indexing work,
  // attribute access (version_info.major) does not.
  add_attr(rt, m, "version_info",
           make_tuple(ts, {Value::integer(3), Value::integer(11), Value::integer(2), make_str("final"), Value::integer(0)}));
  add_attr(rt, m, "float_info", make_float_info(ts));
  add_attr(rt, m, "stdin", make_std_stream(ts, 0));
  add_attr(rt, m, "stdout", make_std_stream(ts, 1));
  add_attr(rt, m, "stderr", make_std_stream(ts, 2));
  add_function(rt, m, "exit", sys_exit);
  add_function(rt, m, "exc_info", sys_exc_info);
  add_function(rt, m, "getrecursionlimit", sys_getrecursionlimit);
  add_function(rt, m, "getrefcount", sys_getrefcount);
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

// CPython's OSError for a failed call on [path]: "[Errno N] message: 'path'".
[[noreturn]] void raise_path_error(ThreadState& ts, int err, const std::string& path) {
  const char* cls = err == ENOENT   ? "FileNotFoundError"
                    : err == EEXIST ? "FileExistsError"
                    : (err == EACCES || err == EPERM) ? "PermissionError"
                    : err == EISDIR  ? "IsADirectoryError"
                    : err == ENOTDIR ? "NotADirectoryError"
                                     : "OSError";
  raise(ts, as<ObjType>(ts.rt.builtins.at(ts.rt.intern(cls))),
        "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": " + repr(ts, make_str(path)));
}

const std::string& path_arg(ThreadState& ts, const Value& v, const char* fn) {
  if (!is_str(v))
    raise(ts, ts.rt.types.TypeError,
          std::string(fn) + ": path should be string, bytes or os.PathLike, not " + std::string(type_name(ts, v)));
  return as<ObjStr>(v)->text;
}

Value os_getcwd(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "getcwd", argc, 0, 0);
  char buf[PATH_MAX];
  if (!::getcwd(buf, sizeof buf)) raise_path_error(ts, errno, ".");
  return make_str(buf);
}

Value os_getenv(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[2];
  bind_arguments(ts, "getenv", args, argc, kwnames, {"key", "default"}, a);
  if (!a[0]) raise(ts, ts.rt.types.TypeError, "getenv() missing 1 required positional argument: 'key'");
  const char* v = std::getenv(expect_str(ts, *a[0], "str expected, not")->text.c_str());
  if (v) return make_str(v);
  return a[1] ? *a[1] : Value::none();
}

Value os_remove(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "remove", argc, 1, 1);
  const std::string& path = path_arg(ts, args[0], "remove");
  if (::unlink(path.c_str()) != 0) raise_path_error(ts, errno, path);
  return Value::none();
}

Value os_mkdir(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "mkdir", argc, 1, 2);
  const std::string& path = path_arg(ts, args[0], "mkdir");
  mode_t mode = argc > 1 ? static_cast<mode_t>(expect_int(ts, args[1], "mkdir")) : 0777;
  if (::mkdir(path.c_str(), mode) != 0) raise_path_error(ts, errno, path);
  return Value::none();
}

Value os_rmdir(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "rmdir", argc, 1, 1);
  const std::string& path = path_arg(ts, args[0], "rmdir");
  if (::rmdir(path.c_str()) != 0) raise_path_error(ts, errno, path);
  return Value::none();
}

// os.listdir in the directory's own order, as CPython (no sorting).
Value os_listdir(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "listdir", argc, 0, 1);
  std::string path = argc ? path_arg(ts, args[0], "listdir") : ".";
  DIR* dir = ::opendir(path.c_str());
  if (!dir) raise_path_error(ts, errno, path);
  std::vector<Value> names;
  while (dirent* e = ::readdir(dir)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(make_str(name));
  }
  ::closedir(dir);
  return make_list(ts, std::move(names));
}

// os.environ: a dict copied from the environment at import (CPython's is
// a mapping that also writes through to the process environment).
Value make_environ(ThreadState& ts) {
  Value env = make<ObjDict>(ts);
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    size_t eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    dict_set(ts, as<ObjDict>(env), make_str(std::string(entry.substr(0, eq))), make_str(std::string(entry.substr(eq + 1))));
  }
  return env;
}

// ---- os.path ------------------------------------------------------------------

Value path_join(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "join", kwnames);
  check_args(ts, "join", argc, 1, INT32_MAX);
  std::string out = path_arg(ts, args[0], "join");
  for (int i = 1; i < argc; ++i) {
    const std::string& part = path_arg(ts, args[i], "join");
    if (!part.empty() && part[0] == '/')
      out = part;
    else if (out.empty() || out.back() == '/')
      out += part;
    else
      out += "/" + part;
  }
  return make_str(out);
}

Value path_basename(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "basename", argc, 1, 1);
  const std::string& p = path_arg(ts, args[0], "basename");
  return make_str(p.substr(p.rfind('/') == std::string::npos ? 0 : p.rfind('/') + 1));
}

// posixpath.dirname: up to the last slash, trailing slashes removed
// unless the head is all slashes.
Value path_dirname(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "dirname", argc, 1, 1);
  const std::string& p = path_arg(ts, args[0], "dirname");
  size_t slash = p.rfind('/');
  std::string head = slash == std::string::npos ? "" : p.substr(0, slash + 1);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos)
    while (head.size() > 1 && head.back() == '/') head.pop_back();
  return make_str(head);
}

template <bool (*Test)(const struct stat&)>
Value path_test(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "exists", argc, 1, 1);
  if (!is_str(args[0])) return Value::boolean(false);
  struct stat st;
  return Value::boolean(::stat(as<ObjStr>(args[0])->text.c_str(), &st) == 0 && Test(st));
}

bool any_file(const struct stat&) { return true; }
bool regular_file(const struct stat& st) { return S_ISREG(st.st_mode); }
bool directory(const struct stat& st) { return S_ISDIR(st.st_mode); }

Value make_os_path(ThreadState& ts) {
  Runtime& rt = ts.rt;
  auto* m = new_object<ObjModule>(ts, "posixpath");
  Value module = Value::adopt(m);
  add_function(rt, m, "join", path_join);
  add_function(rt, m, "basename", path_basename);
  add_function(rt, m, "dirname", path_dirname);
  add_function(rt, m, "exists", path_test<any_file>);
  add_function(rt, m, "isfile", path_test<regular_file>);
  add_function(rt, m, "isdir", path_test<directory>);
  add_attr(rt, m, "sep", make_str("/"));
  return module;
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
  add_function(rt, m, "getcwd", os_getcwd);
  add_attr(rt, m, "getenv", make_native("getenv", os_getenv, "key default"));
  add_function(rt, m, "remove", os_remove);
  add_function(rt, m, "unlink", os_remove);
  add_function(rt, m, "mkdir", os_mkdir);
  add_function(rt, m, "rmdir", os_rmdir);
  add_function(rt, m, "listdir", os_listdir);
  add_attr(rt, m, "environ", make_environ(ts));
  add_attr(rt, m, "path", make_os_path(ts));
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
