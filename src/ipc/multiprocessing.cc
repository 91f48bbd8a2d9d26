// The multiprocessing module's core: its state, the wire extension, spawning
// a child and the child's side of it, Process, current_process and the
// shutdown at exit. Queue and Pipe live in mp_channels.cc, Pool in
// mp_pool.cc.
#include "gil/ipc/multiprocessing.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <thread>

#include "gil/ipc/standard_library.h"
#include "gil/language/syntax_error.h"
#include "gil/modules/gc_module.h"
#include "gil/modules/mathmodule.h"
#include "gil/modules/randommodule.h"
#include "gil/modules/threading.h"
#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/interpreter.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"

#include "mp_internal.h"

namespace gil {
namespace mp {

// ---- State, names, types ---------------------------------------------------------

State& state(Runtime& rt) { return *static_cast<State*>(rt.multiprocessing.get()); }

std::string next_child_identity(State& st) {
  std::string id = std::to_string(++st.counter);
  return st.identity.empty() ? id : st.identity + ":" + id;
}


[[noreturn]] void raise_remote(ThreadState& ts, const std::string& type_name, Value args) {
  State& st = state(ts.rt);
  ObjType* type = nullptr;
  auto it = ts.rt.builtins.find(ts.rt.intern(type_name));
  if (it != ts.rt.builtins.end() && is_kind(it->second, ObjKind::Type) && as<ObjType>(it->second)->is_exception)
    type = as<ObjType>(it->second);
  for (ObjType* own : {st.empty, st.full, st.pickling_error})
    if (own->name == type_name) type = own;
  auto* e = new_object<ObjException>(ts, type ? type : ts.rt.types.RuntimeError);
  if (type && is_tuple(args)) {
    e->args = args;
  } else {
    // A type this process does not know: keep its name in the message.
    std::string message = is_tuple(args) && as<ObjTuple>(args)->items.size() == 1 ? str(ts, as<ObjTuple>(args)->items[0])
                                                                                  : str(ts, args);
    e->args = make_tuple(ts, {make_str(type_name + ": " + message)});
  }
  raise_value(Value::adopt(e));
}

// ---- The wire extension -----------------------------------------------------------

namespace {

void put_fd(std::string& body, int fd) { body.append(reinterpret_cast<const char*>(&fd), sizeof fd); }

int take_fd(std::string_view& body) {
  if (body.size() < sizeof(int)) throw wire::FormatError("handle cut short");
  int fd;
  std::memcpy(&fd, body.data(), sizeof fd);
  body.remove_prefix(sizeof fd);
  return fd;
}

// The module-level name [v] is bound to in __main__, or "".
std::string main_name_of(ThreadState& ts, const Value& v) {
  const GlobalTable& g = ts.rt.globals;
  for (size_t i = 0; i < g.values.size(); ++i)
    if (g.values[i].is_obj() && g.values[i].as_obj() == v.as_obj()) return g.names[i]->text;
  return "";
}

// pickle finds a class or function by its qualified name in its module;
// one defined inside a function has none to find.
void refuse_local(ThreadState& ts, const std::string& qualname) {
  if (qualname.find("<locals>") != std::string::npos)
    raise(ts, ts.rt.types.AttributeError, "Can't pickle local object '" + qualname + "'");
}

}  // namespace

bool Extension::encode(ThreadState& ts, const Value& v, std::string& body) {
  if (is_kind(v, ObjKind::Function)) {
    // Functions travel by name, as pickle sends them; the receiver finds its
    // own copy in its __main__.
    const std::string& fn = as<ObjFunction>(v)->code_obj()->name;
    refuse_local(ts, as<ObjFunction>(v)->qualname_text());
    if (main_name_of(ts, v) != fn)
      raise(ts, state(ts.rt).pickling_error,
            "Can't pickle <function " + fn + ">: attribute lookup " + fn + " on __main__ failed");
    body = "F" + fn;
    return true;
  }
  if (is_kind(v, ObjKind::Native)) {
    const std::string& name = as<ObjNative>(v)->name;
    auto it = ts.rt.builtins.find(ts.rt.intern(name));
    if (it == ts.rt.builtins.end() || it->second.as_obj() != v.as_obj()) return false;
    body = "B" + name;
    return true;
  }
  if (is_kind(v, ObjKind::Type)) {
    // Classes travel by name too: a built-in type as a builtin, a class as
    // the name it has in __main__.
    auto* t = as<ObjType>(v);
    auto it = ts.rt.builtins.find(ts.rt.intern(t->name));
    if (!t->is_heap_type && it != ts.rt.builtins.end() && it->second.as_obj() == v.as_obj()) {
      body = "B" + t->name;
      return true;
    }
    refuse_local(ts, t->qualname);
    if (t->is_heap_type && main_name_of(ts, v) == t->name) {
      body = "F" + t->name;
      return true;
    }
    raise(ts, state(ts.rt).pickling_error,
          "Can't pickle <class '" + t->qualname + "'>: attribute lookup " + t->qualname + " on __main__ failed");
  }
  // Instances: how to make them again (mp_reduce.cc).
  if (reduce_object(ts, v, body, *this)) return true;
  if (!is_kind(v, ObjKind::Opaque)) return false;
  State& st = state(ts.rt);
  ObjType* type = as<ObjOpaque>(v)->type;
  if (type != st.queue && type != st.connection) return false;
  if (use_ != Use::Spawn)
    raise(ts, ts.rt.types.RuntimeError,
          std::string(type == st.queue ? "Queue" : "Connection") +
              " objects should only be shared between processes through inheritance");
  if (type == st.queue) {
    auto* q = as<QueueObj>(v);
    body = "Q";
    for (int fd : q->queue->handles()) {
      put_fd(body, fd);
      fds_.push_back(fd);
    }
  } else {
    auto* c = as<ConnectionObj>(v);
    if (!c->conn || c->conn->fd() < 0) raise(ts, ts.rt.types.OSError, "handle is closed");
    body = "C";
    put_fd(body, c->conn->fd());
    body += static_cast<char>((c->readable ? 1 : 0) | (c->writable ? 2 : 0));
    fds_.push_back(c->conn->fd());
  }
  return true;
}

Value Extension::decode(ThreadState& ts, std::string_view body) {
  if (body.empty()) throw wire::FormatError("empty extension value");
  char kind = body[0];
  body.remove_prefix(1);
  State& st = state(ts.rt);
  if (kind == 'O') return rebuild_object(ts, body, *this);
  if (kind == 'F' || kind == 'B') {
    ObjStr* name = ts.rt.intern(body);
    if (kind == 'B') {
      auto it = ts.rt.builtins.find(name);
      if (it == ts.rt.builtins.end()) throw wire::FormatError("no builtin named " + std::string(body));
      return it->second;
    }
    auto slot = ts.rt.globals.slots.find(name);
    Value fn = slot == ts.rt.globals.slots.end() ? Value() : ts.rt.globals.values[slot->second];
    if (fn.is_empty())
      raise(ts, ts.rt.types.AttributeError, "Can't get attribute '" + name->text + "' on <module '__main__'>");
    return fn;
  }
  if (use_ != Use::Spawn) throw wire::FormatError("a handle outside a spawn message");
  int first = take_fd(body);
  if (auto it = st.inherited.find(first); it != st.inherited.end()) return it->second;
  // Inherited for this process only; spawn_child clears the flag again for
  // a child this one passes the handle on to.
  auto keep_to_ourselves = [](int fd) { fcntl(fd, F_SETFD, FD_CLOEXEC); };
  keep_to_ourselves(first);
  Value v;
  if (kind == 'Q') {
    ProcessQueue::Handles handles{};
    handles[0] = first;
    for (size_t i = 1; i < handles.size(); ++i) keep_to_ourselves(handles[i] = take_fd(body));
    v = make<QueueObj>(ts, st.queue);
    as<QueueObj>(v)->queue = std::make_shared<ProcessQueue>(handles);
  } else if (kind == 'C') {
    if (body.size() != 1) throw wire::FormatError("bad connection handle");
    v = make<ConnectionObj>(ts, st.connection);
    auto* c = as<ConnectionObj>(v);
    c->conn = std::make_shared<Connection>(first);
    c->readable = body[0] & 1;
    c->writable = body[0] & 2;
  } else {
    throw wire::FormatError("unknown extension kind");
  }
  st.inherited[first] = v;
  return v;
}

std::string encode_message(ThreadState& ts, const Value& v) {
  Extension ext(Use::Message);
  std::string out;
  wire::encode(ts, v, out, &ext);
  return out;
}

Value decode_message(ThreadState& ts, std::string_view payload) {
  Extension ext(Use::Message);
  try {
    return wire::decode(ts, payload, &ext);
  } catch (const wire::FormatError& e) {
    raise(ts, ts.rt.types.OSError, std::string("received a damaged message: ") + e.what());
  }
}

// ---- Spawning -------------------------------------------------------------------

std::vector<std::string> gil_args(const GilConfig& g) {
  return {"--policy", std::string(gil_policy_name(g.policy)), "--switch-us", std::to_string(g.switch_interval.count()),
          "--check-interval", std::to_string(g.check_interval)};
}

Spawned spawn_child(ThreadState& ts, const char* role, const std::string& name, const std::string& identity,
                    const std::string& call, const std::vector<int>& inherit) {
  Runtime& rt = ts.rt;
  const std::string& file = rt.config.argv.empty() ? std::string("<string>") : rt.config.argv[0];
  auto source = rt.sources.find(file);
  std::vector<Value> argv;
  for (const auto& a : rt.config.argv) argv.push_back(make_str(a));
  std::string bootstrap;
  wire::encode(ts,
               make_tuple(ts, {make_str(role), make_str(name), make_str(identity), make_str(file),
                           make_str(source == rt.sources.end() ? "" : source->second), make_list(ts, std::move(argv)),
                           make_str(call)}),
               bootstrap);

  auto [parent_end, child_end] = make_connection_pair();
  SpawnOptions options;
  options.args = {"__mp_child", "--channel-fd", std::to_string(child_end.fd())};
  for (auto& a : gil_args(rt.gil->config())) options.args.push_back(a);
  options.inherit = inherit;
  options.inherit.push_back(child_end.fd());
  options.die_with_spawning_thread = ts.is_main;
  Spawned spawned;
  spawned.channel = std::make_shared<Connection>(std::move(parent_end));
  try {
    ReleaseGil unlocked(ts);
    spawned.child = std::make_unique<ChildProcess>(options);
    child_end.close();
    spawned.channel->send_bytes(bootstrap);
  } catch (const std::system_error& e) {
    if (spawned.child) spawned.child->kill_group(SIGKILL);
    raise(ts, rt.types.OSError, std::string("cannot start a child process: ") + e.what());
  }
  return spawned;
}

namespace {

// ---- Process ----------------------------------------------------------------------

struct ProcessObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  Value target, args, kwargs;
  std::string name;
  // Its place among the processes, which its children's names extend.
  std::string identity;
  bool daemon = false;
  bool started = false;
  // This process itself (current_process()), not a child.
  bool is_current = false;
  std::unique_ptr<ChildProcess> child;
  // The parent's end of the child's channel, kept open while the child may
  // run: the child ends itself when it reads the end of it, which is how it
  // learns that the parent died (see watch_parent).
  std::shared_ptr<Connection> lifeline;
};

// tp_traverse and tp_clear (gc.h): a process holds its target and
// arguments until it starts.
void process_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* p = static_cast<ProcessObj*>(self);
  for (const Value* v : {&p->target, &p->args, &p->kwargs})
    if (v->is_obj()) visit(*v, arg);
  opaque_traverse(self, visit, arg);
}
void process_clear(Obj* self) {
  auto* p = static_cast<ProcessObj*>(self);
  p->target = Value::none();
  p->kwargs = Value();
  opaque_clear(self);
}

ProcessObj* process_self(ThreadState& ts, const Value& v) {
  if (!is_kind(v, ObjKind::Opaque) || as<ObjOpaque>(v)->type != state(ts.rt).process)
    raise(ts, ts.rt.types.TypeError, "expected a Process");
  return as<ProcessObj>(v);
}

Value* arg_or_keyword(Value* args, int argc, ObjTuple* kwnames, int i, std::string_view name) {
  if (i < argc) return &args[i];
  return find_keyword(args, argc, kwnames, name);
}

Value construct_process(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  State& st = state(ts.rt);
  if (kwnames)
    for (auto& k : kwnames->items) {
      const std::string& n = as<ObjStr>(k)->text;
      if (n != "group" && n != "target" && n != "name" && n != "args" && n != "kwargs" && n != "daemon")
        raise(ts, ts.rt.types.TypeError, "BaseProcess.__init__() got an unexpected keyword argument '" + n + "'");
    }
  if (argc > 5) raise(ts, ts.rt.types.TypeError, "BaseProcess.__init__() takes at most 6 positional arguments");
  Value obj = make<ProcessObj>(ts, st.process);
  auto* p = as<ProcessObj>(obj);
  Value* group = arg_or_keyword(args, argc, kwnames, 0, "group");
  if (group && !group->is_none()) raise(ts, ts.rt.types.AssertionError, "group argument must be None for now");
  Value* target = arg_or_keyword(args, argc, kwnames, 1, "target");
  Value* name = arg_or_keyword(args, argc, kwnames, 2, "name");
  Value* pargs = arg_or_keyword(args, argc, kwnames, 3, "args");
  Value* pkwargs = arg_or_keyword(args, argc, kwnames, 4, "kwargs");
  Value* daemon = find_keyword(args, argc, kwnames, "daemon");
  p->target = target ? *target : Value::none();
  p->args = pargs ? make_tuple(ts, collect(ts, *pargs)) : make_tuple(ts);
  p->kwargs = pkwargs && !pkwargs->is_none() ? *pkwargs : make<ObjDict>(ts);
  if (!is_dict(p->kwargs)) raise(ts, ts.rt.types.TypeError, "kwargs must be a dict");
  for (auto& e : as<ObjDict>(p->kwargs)->entries)
    if (!e.key.is_empty() && !is_str(e.key)) raise(ts, ts.rt.types.TypeError, "keywords must be strings");
  p->identity = next_child_identity(st);
  p->name = "Process-" + p->identity;
  if (name && !name->is_none()) p->name = str(ts, *name);
  p->daemon = daemon && truthy(ts, *daemon);
  return obj;
}

Value process_start(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "start", argc - 1, 0, 0);
  auto* p = process_self(ts, args[0]);
  if (p->started) raise(ts, ts.rt.types.AssertionError, "cannot start a process twice");
  if (p->is_current) raise(ts, ts.rt.types.AssertionError, "can only start a process object created by current process");
  Extension ext(Use::Spawn);
  std::string call;
  wire::encode(ts, make_tuple(ts, {p->target, p->args, p->kwargs}), call, &ext);
  Spawned spawned = spawn_child(ts, "process", p->name, p->identity, call, ext.fds());
  p->child = std::move(spawned.child);
  p->lifeline = std::move(spawned.channel);
  p->started = true;
  state(ts.rt).children.push_back(args[0]);
  return Value::none();
}

// Waits for [child] to end, for at most [timeout] seconds (forever when
// negative), without the GIL. A Ctrl-C ends the wait and raises
// KeyboardInterrupt, as in CPython.
void wait_child(ThreadState& ts, ChildProcess& child, double timeout) {
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (timeout >= 0)
    deadline = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                       std::chrono::duration<double>(std::min(timeout, 1e9)));
  auto interrupted = [&ts] { return ts.is_main && ts.rt.sigint_pending.load(); };
  {
    ReleaseGil unlocked(ts);
    child.wait_until(deadline, interrupted);
  }
  if (interrupted()) handle_eval_breaker(ts);  // raises KeyboardInterrupt
}

void forget_child(State& st, const Value& process) {
  auto& c = st.children;
  c.erase(std::remove_if(c.begin(), c.end(), [&](const Value& v) { return v.as_obj() == process.as_obj(); }),
          c.end());
}

Value process_join(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* p = process_self(ts, args[0]);
  Value* timeout = arg_or_keyword(args, argc, kwnames, 1, "timeout");
  double t = -1;
  if (timeout && !timeout->is_none()) {
    t = timeout->is_float() ? timeout->as_float() : static_cast<double>(expect_int(ts, *timeout, "timeout"));
    if (std::isnan(t)) raise(ts, ts.rt.types.ValueError, "Invalid value NaN (not a number)");
    t = std::max(t, 0.0);
  }
  if (p->is_current) raise(ts, ts.rt.types.AssertionError, "can only join a child process");
  if (!p->started) raise(ts, ts.rt.types.AssertionError, "can only join a started process");
  wait_child(ts, *p->child, t);
  if (!p->child->running()) forget_child(state(ts.rt), args[0]);
  return Value::none();
}

Value process_is_alive(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "is_alive", argc - 1, 0, 0);
  auto* p = process_self(ts, args[0]);
  if (p->is_current) return Value::boolean(true);
  return Value::boolean(p->started && p->child->running());
}

Value process_signal(ThreadState& ts, const Value& self, int signal) {
  auto* p = process_self(ts, self);
  if (p->started && p->child) p->child->kill_group(signal);
  return Value::none();
}

Value process_terminate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return process_signal(ts, args[0], SIGTERM);
}

Value process_kill(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return process_signal(ts, args[0], SIGKILL);
}

Value process_get_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* p = as<ProcessObj>(self);
  const std::string& n = name->text;
  if (n == "name") return make_str(p->name);
  if (n == "daemon") return Value::boolean(p->daemon);
  if (n == "pid" || n == "ident") {
    if (p->is_current) return Value::integer(getpid());
    return p->started ? Value::integer(p->child->pid()) : Value::none();
  }
  if (n == "exitcode") {
    if (p->is_current || !p->started) return Value::none();
    auto status = p->child->poll();
    return status ? Value::integer(status->python_exitcode()) : Value::none();
  }
  return Value();
}

bool process_set_attribute(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  auto* p = as<ProcessObj>(self);
  if (name->text == "name") {
    p->name = str(ts, value);
    return true;
  }
  if (name->text == "daemon") {
    if (p->started) raise(ts, ts.rt.types.AssertionError, "process has already started");
    p->daemon = truthy(ts, value);
    return true;
  }
  return false;
}

// ---- Module functions --------------------------------------------------------------

Value mp_cpu_count(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "cpu_count", argc, 0, 0);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) raise(ts, ts.rt.types.NotImplementedError, "cannot determine number of cpus");
  return Value::integer(n);
}

Value mp_current_process(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "current_process", argc, 0, 0);
  State& st = state(ts.rt);
  if (st.current_process.is_empty()) {
    st.current_process = make<ProcessObj>(ts, st.process);
    auto* p = as<ProcessObj>(st.current_process);
    p->is_current = true;
    p->started = true;
    p->name = st.name;
  }
  return st.current_process;
}

Value mp_active_children(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "active_children", argc, 0, 0);
  State& st = state(ts.rt);
  std::vector<Value> alive;
  for (auto& c : st.children)
    if (as<ProcessObj>(c)->child->running()) alive.push_back(c);
  st.children = alive;
  return make_list(ts, std::move(alive));
}

Value mp_set_start_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "set_start_method", argc, 1, 1);
  std::string method = str(ts, args[0]);
  if (method != "spawn")
    raise(ts, ts.rt.types.ValueError,
          "MiniPy starts processes only with the 'spawn' method, not '" + method + "'");
  return Value::none();
}

Value mp_get_start_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return make_str("spawn");
}

Value mp_freeze_support(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) { return Value::none(); }

Value make_multiprocessing_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  State& st = state(rt);
  auto* m = new_object<ObjModule>(ts, "multiprocessing");
  Value module = Value::adopt(m);
  auto attr = [&](const char* name, Value v) { m->attrs.emplace_back(rt.intern(name), std::move(v)); };
  attr("Process", Value::borrow(st.process));
  attr("cpu_count", make_native("cpu_count", mp_cpu_count));
  attr("current_process", make_native("current_process", mp_current_process));
  attr("active_children", make_native("active_children", mp_active_children));
  attr("set_start_method", make_native("set_start_method", mp_set_start_method));
  attr("get_start_method", make_native("get_start_method", mp_get_start_method));
  attr("freeze_support", make_native("freeze_support", mp_freeze_support));
  add_channel_functions(ts, m);
  add_pool_functions(ts, m);
  return module;
}

}  // namespace
}  // namespace mp

void install_multiprocessing(Runtime& rt) {
  auto st = std::make_shared<mp::State>();
  st->process = gil::new_type(rt, "Process", rt.types.object, mp::construct_process);
  st->process->tp_traverse = mp::process_traverse;
  st->process->tp_clear = mp::process_clear;
  st->process->get_attribute = mp::process_get_attribute;
  st->process->set_attribute = mp::process_set_attribute;
  add_method(rt, st->process, "start", mp::process_start);
  add_method(rt, st->process, "join", mp::process_join, "timeout");
  add_method(rt, st->process, "is_alive", mp::process_is_alive);
  add_method(rt, st->process, "terminate", mp::process_terminate);
  add_method(rt, st->process, "kill", mp::process_kill);
  st->empty = gil::new_type(rt, "Empty", rt.types.Exception, nullptr);
  st->full = gil::new_type(rt, "Full", rt.types.Exception, nullptr);
  st->pickling_error = gil::new_type(rt, "PicklingError", rt.types.Exception, nullptr);
  mp::install_channels(rt, *st);
  mp::install_pool(rt, *st);
  rt.multiprocessing = st;
  register_module(rt, "multiprocessing", mp::make_multiprocessing_module);
  register_module(rt, "queue", mp::make_queue_module);
}

void multiprocessing_shutdown(ThreadState& ts, bool abnormal) {
  mp::State& st = mp::state(ts.rt);
  auto interrupted = [&ts] { return ts.is_main && ts.rt.sigint_pending.load(); };
  // Daemon children first, as CPython terminates them before joining the
  // rest. A Ctrl-C while waiting terminates the ones still running.
  for (bool daemons : {true, false}) {
    for (auto& v : std::vector<Value>(st.children)) {
      auto* p = as<mp::ProcessObj>(v);
      if (p->daemon != daemons) continue;
      if (daemons || abnormal || interrupted()) p->child->kill_group(SIGTERM);
      ReleaseGil unlocked(ts);
      if (!p->child->wait_until(std::nullopt, interrupted)) {
        p->child->kill_group(SIGTERM);
        p->child->wait();
      }
    }
  }
  st.children.clear();
}

// ---- The child side ---------------------------------------------------------------

namespace {

// Parses the child's arguments into the channel and the GIL configuration.
bool parse_child_args(const std::vector<std::string>& args, int& fd, GilConfig& gil) {
  fd = -1;
  for (size_t i = 0; i + 1 < args.size(); i += 2) {
    const std::string &a = args[i], &v = args[i + 1];
    if (a == "--channel-fd") fd = std::stoi(v);
    else if (a == "--policy") {
      if (!parse_gil_policy(v, gil.policy)) return false;
    } else if (a == "--switch-us") gil.switch_interval = std::chrono::microseconds(std::stoll(v));
    else if (a == "--check-interval") gil.check_interval = std::stoi(v);
    else return false;
  }
  return fd >= 0 && args.size() % 2 == 0;
}

// The kernel kills a child when the thread that started it exits
// (PR_SET_PDEATHSIG), but a Process started by another thread than the main
// one must outlive that thread. So every Process child also watches its
// channel, which its parent holds open: reading its end means the parent is
// gone, and the child kills its process group (itself and anything it
// started). The watcher blocks no signal the interpreter needs.
//
// Only a group this child leads is its own to kill: spawn_child starts it as
// the leader of a new group, but a child started by hand (`gil-demo
// __mp_child` from a shell) is in its invoker's group, and kill(0) would take
// the shell and its other jobs with it. Such a child kills only itself.
void watch_parent(int channel_fd) {
  // A descriptor of its own, never closed: the main thread closes the
  // channel when it is done with it, while this thread may be reading.
  int fd = fcntl(channel_fd, F_DUPFD_CLOEXEC, 3);
  if (fd < 0) return;
  pid_t group = getpgrp() == getpid() ? 0 : getpid();
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &previous);
  std::thread([fd, group] {
    char byte;
    for (;;) {
      ssize_t r = ::read(fd, &byte, 1);
      if (r == 0) ::kill(group, SIGKILL);  // end of file: the parent is gone
      if (r < 0 && errno != EINTR) return;
    }
  }).detach();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

// Runs the child's work once its runtime exists; returns the exit code.
int child_main(ThreadState& ts, Connection& channel) {
  Runtime& rt = ts.rt;
  mp::State& st = mp::state(rt);
  std::optional<std::string> payload;
  {
    ReleaseGil unlocked(ts);
    payload = channel.recv_bytes();
  }
  if (!payload) return 1;
  // (role, name, identity, file, source, argv, call), as spawn_child sends
  // it; checked whole before any of it is used.
  Value boot = wire::decode(ts, *payload);
  const std::vector<Value>& b = wire::expect_tuple(boot, 7, "a boot message");
  std::string role = wire::expect_str(b[0], "a boot message's role");
  if (role != "process" && role != "pool")
    throw wire::FormatError("unknown child role '" + role.substr(0, 40) + "' (expected 'process' or 'pool')");
  st.name = wire::expect_str(b[1], "a boot message's name");
  st.identity = wire::expect_str(b[2], "a boot message's identity");
  const std::string& file = wire::expect_str(b[3], "a boot message's file");
  const std::string& source = wire::expect_str(b[4], "a boot message's source");
  const std::string& call_bytes = wire::expect_str(b[6], "a boot message's call");
  rt.config.argv.clear();
  for (auto& a : wire::expect_list(b[5], "a boot message's argv"))
    rt.config.argv.push_back(wire::expect_str(a, "an item of a boot message's argv"));

  Value code;
  try {
    code = compile_source(rt, source, file);
  } catch (const SyntaxError& e) {
    print_syntax_error(rt.config.err, file, source, e);
    return 1;
  }
  rt.globals.values[rt.global_slot(rt.name_module)] = make_str("__mp_main__");
  int status = 0;
  try {
    run_module(ts, code);
    if (role == "pool") {
      status = mp::serve_pool(ts, channel);
    } else {
      watch_parent(channel.fd());
      mp::Extension ext(mp::Use::Spawn);
      Value request = wire::decode(ts, call_bytes, &ext);
      const std::vector<Value>& c = wire::expect_tuple(request, 3, "a child's call");
      if (!is_kind(c[1], ObjKind::Tuple))
        throw wire::FormatError("a call's args must be a tuple, not " + wire::describe(c[1]));
      if (!is_kind(c[2], ObjKind::Dict))
        throw wire::FormatError("a call's kwargs must be a dict, not " + wire::describe(c[2]));
      std::vector<Value> call_args = as<ObjTuple>(c[1])->items;
      if (!c[0].is_none()) {
        auto* kw = as<ObjDict>(c[2]);
        std::vector<Value> names;
        for (auto& e : kw->entries) {
          if (e.key.is_empty()) continue;
          // Keyword names are looked up by interned pointer.
          names.push_back(Value::borrow(rt.intern(wire::expect_str(e.key, "a keyword name"))));
          call_args.push_back(e.value);
        }
        Value kwnames = names.empty() ? Value() : make_tuple(ts, names);
        int positional = static_cast<int>(call_args.size() - names.size());
        call(ts, c[0], call_args.data(), positional, names.empty() ? nullptr : as<ObjTuple>(kwnames));
      }
    }
  } catch (PyException& pe) {
    std::fflush(rt.config.out);
    auto* e = as<ObjException>(pe.exception);
    if (e->type->is_subtype_of(rt.types.SystemExit)) {
      auto& args = as<ObjTuple>(e->args)->items;
      if (args.empty() || args[0].is_none()) status = 0;
      else if (args[0].is_intlike()) status = static_cast<int>(args[0].as_int() & 0xFF);
      else {
        std::fprintf(rt.config.err, "%s\n", str(ts, args[0]).c_str());
        status = 1;
      }
    } else {
      std::fprintf(rt.config.err, "Process %s:\n", st.name.c_str());
      print_traceback(ts, pe.exception, rt.config.err);
      status = 1;
    }
  }
  return status;
}

}  // namespace

int run_mp_child(const std::vector<std::string>& args) {
  int fd;
  GilConfig gil;
  bool ok = false;
  try {
    ok = parse_child_args(args, fd, gil);
  } catch (const std::exception&) {
  }
  if (!ok) {
    std::fprintf(stderr, "gil-demo: error: __mp_child is started by multiprocessing, not by hand\n");
    return 2;
  }
  // Ours alone: the processes this child starts must not inherit it.
  fcntl(fd, F_SETFD, FD_CLOEXEC);
  Connection channel(fd);
  RuntimeConfig config;
  config.gil = gil;
  config.extensions = standard_library();
  Runtime rt(std::move(config));
  ThreadState ts(rt);
  rt.gil->acquire(ts);
  int status;
  try {
    status = child_main(ts, channel);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gil-demo child %d: %s\n", static_cast<int>(getpid()), e.what());
    status = 1;
  }
  // As CPython's children do, join the threads, then the non-daemon
  // grandchildren, whatever the exit status.
  rt.run_at_exit(ts, false);
  std::fflush(nullptr);
  rt.gil->release(ts);
  return status;
}

RuntimeExtension multiprocessing_extension() {
  RuntimeExtension e;
  e.install = install_multiprocessing;
  e.at_exit = multiprocessing_shutdown;
  return e;
}

std::vector<RuntimeExtension> standard_library() {
  return {threading_extension(), multiprocessing_extension(), math_extension(), random_extension(), gc_extension()};
}

}  // namespace gil
