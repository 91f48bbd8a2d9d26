#include "gil/modules/threading.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"
#include "gil/runtime/vm.h"

namespace gil {
namespace {

using Clock = std::chrono::steady_clock;

// ---- Objects -------------------------------------------------------------------

// A Python thread. Its fields are guarded by the GIL, except [finished],
// which the thread sets under [mutex] so that join() can wait for it with the
// GIL released.
struct ThreadObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  ~ThreadObj() override {
    std::lock_guard<std::mutex> guard(join_mutex);
    if (!thread.joinable()) return;
    if (thread.get_id() == std::this_thread::get_id())
      thread.detach();  // the thread dropped the last reference to itself
    else
      thread.join();
  }
  Value target, args, kwargs;
  std::string name;
  bool daemon = false;
  bool started = false;
  int64_t ident = 0;
  std::thread thread;
  std::mutex mutex;
  std::condition_variable done;
  bool finished = false;  // guarded by mutex
  // Serialises joins of [thread]: Thread.join and the runtime's shutdown may
  // race to join the same thread.
  std::mutex join_mutex;
  GilThreadStats stats;   // final, written before finished is set
  // The number the timeline and trace know it by (-1: none) and its row of
  // the --live board (null: none); set by start().
  int trace_id = -1;
  LiveWorker* live = nullptr;
};

// A plain lock: a flag under a mutex, waited for on a condition variable.
struct LockObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  std::mutex mutex;
  std::condition_variable cond;
  bool locked = false;                 // guarded by mutex
  const ThreadState* owner = nullptr;  // RLock only; guarded by mutex
  int64_t count = 0;                   // RLock only; guarded by mutex
};

// An event: a flag that threads wait to see set.
struct EventObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  std::mutex mutex;
  std::condition_variable cond;
  bool flag = false;  // guarded by mutex
};

// A condition variable over a Lock or RLock, built as CPython's threading.py
// builds it: each waiter blocks on a lock of its own, which notify releases.
struct ConditionObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  Value lock;
  std::deque<Value> waiters;  // LockObj values; guarded by the GIL
};

// tp_traverse and tp_clear (gc.h): a thread holds its target and
// arguments, a condition its lock and waiters; locks and events hold no
// references beyond a subclass's __dict__.
void thread_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* t = static_cast<ThreadObj*>(self);
  for (const Value* v : {&t->target, &t->args, &t->kwargs})
    if (v->is_obj()) visit(*v, arg);
  opaque_traverse(self, visit, arg);
}
void thread_clear(Obj* self) {
  auto* t = static_cast<ThreadObj*>(self);
  // target and args stay what run_thread expects (None, a tuple).
  t->target = Value::none();
  t->kwargs = Value();
  opaque_clear(self);
}
void condition_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* c = static_cast<ConditionObj*>(self);
  if (c->lock.is_obj()) visit(c->lock, arg);
  for (const Value& w : c->waiters)
    if (w.is_obj()) visit(w, arg);
  opaque_traverse(self, visit, arg);
}
void condition_clear(Obj* self) {
  auto* c = static_cast<ConditionObj*>(self);
  std::deque<Value> waiters;
  waiters.swap(c->waiters);
  Value lock = std::move(c->lock);
  opaque_clear(self);
}

// What the threading module keeps per runtime.
struct ThreadingState {
  ObjType *thread, *lock, *rlock, *event, *condition;
  // Every thread started and not yet joined at shutdown.
  std::vector<Value> threads;
  // The main thread's object, made on first use.
  Value main_thread;
  int64_t started = 0;
  // The last trace number given to a thread (the main thread's first).
  int last_trace_id = -1;
  // What the GIL recorded of each finished thread, in finishing order.
  std::vector<ThreadRecord> finished;
};

ThreadingState& state(Runtime& rt) { return *static_cast<ThreadingState*>(rt.threading.get()); }

// Waits on [cond] under [lock] until [ready], for at most [timeout] seconds
// (forever when negative). Returns whether [ready] became true.
template <typename Ready>
bool wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cond, double timeout, Ready ready) {
  if (timeout < 0) {
    cond.wait(lock, ready);
    return true;
  }
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout));
  return cond.wait_until(lock, deadline, ready);
}

// threading.TIMEOUT_MAX in CPython on Linux.
constexpr double kTimeoutMax = 9223372036.0;

double checked_timeout(ThreadState& ts, double t) {
  if (std::isnan(t)) raise(ts, ts.rt.types.ValueError, "Invalid value NaN (not a number)");
  if (t > kTimeoutMax) raise(ts, ts.rt.types.OverflowError, "timestamp too large to convert to C _PyTime_t");
  return t;
}

double timeout_arg(ThreadState& ts, const Value* v, double dflt) {
  if (!v || v->is_none()) return dflt;
  if (v->is_intlike()) return checked_timeout(ts, static_cast<double>(v->as_int()));
  if (v->is_float()) return checked_timeout(ts, v->as_float());
  raise(ts, ts.rt.types.TypeError, "timeout must be a number, not " + std::string(type_name(ts, *v)));
}

// The positional argument [i], else the keyword [name], else null.
Value* arg_or_keyword(Value* args, int argc, ObjTuple* kwnames, int i, std::string_view name) {
  if (i < argc) return &args[i];
  return find_keyword(args, argc, kwnames, name);
}

// ---- Lock and RLock -----------------------------------------------------------------

bool lock_acquire(ThreadState& ts, LockObj* lock, bool blocking, double timeout) {
  {
    std::lock_guard<std::mutex> guard(lock->mutex);
    if (!lock->locked) {
      lock->locked = true;
      return true;
    }
  }
  if (!blocking) return false;
  ReleaseGil unlocked(ts);
  std::unique_lock<std::mutex> guard(lock->mutex);
  bool got = wait_until(guard, lock->cond, timeout, [&] { return !lock->locked; });
  if (got) lock->locked = true;
  return got;
}

void lock_release(ThreadState& ts, LockObj* lock) {
  std::lock_guard<std::mutex> guard(lock->mutex);
  if (!lock->locked) raise(ts, ts.rt.types.RuntimeError, "release unlocked lock");
  lock->locked = false;
  lock->cond.notify_one();
}

bool rlock_acquire(ThreadState& ts, LockObj* lock, bool blocking, double timeout) {
  {
    std::lock_guard<std::mutex> guard(lock->mutex);
    if (lock->owner == &ts) {
      ++lock->count;
      return true;
    }
    if (!lock->locked) {
      lock->locked = true;
      lock->owner = &ts;
      lock->count = 1;
      return true;
    }
  }
  if (!blocking) return false;
  ReleaseGil unlocked(ts);
  std::unique_lock<std::mutex> guard(lock->mutex);
  bool got = wait_until(guard, lock->cond, timeout, [&] { return !lock->locked; });
  if (got) {
    lock->locked = true;
    lock->owner = &ts;
    lock->count = 1;
  }
  return got;
}

void rlock_release(ThreadState& ts, LockObj* lock) {
  std::lock_guard<std::mutex> guard(lock->mutex);
  if (lock->owner != &ts) raise(ts, ts.rt.types.RuntimeError, "cannot release un-acquired lock");
  if (--lock->count == 0) {
    lock->owner = nullptr;
    lock->locked = false;
    lock->cond.notify_one();
  }
}

bool is_rlock(ThreadState& ts, const Value& v) { return type_of(ts, v) == state(ts.rt).rlock; }

Value lock_acquire_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value* blocking = arg_or_keyword(args, argc, kwnames, 1, "blocking");
  Value* timeout = arg_or_keyword(args, argc, kwnames, 2, "timeout");
  bool block = !blocking || truthy(ts, *blocking);
  double t = timeout_arg(ts, timeout, -1);
  if (!block && t >= 0) raise(ts, ts.rt.types.ValueError, "can't specify a timeout for a non-blocking call");
  auto* lock = as<LockObj>(args[0]);
  bool got = is_rlock(ts, args[0]) ? rlock_acquire(ts, lock, block, t) : lock_acquire(ts, lock, block, t);
  return Value::boolean(got);
}

Value lock_release_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "release", argc - 1, 0, 0);
  if (is_rlock(ts, args[0]))
    rlock_release(ts, as<LockObj>(args[0]));
  else
    lock_release(ts, as<LockObj>(args[0]));
  return Value::none();
}

Value lock_exit_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return lock_release_method(ts, args, 1, nullptr);
}

Value lock_locked_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* lock = as<LockObj>(args[0]);
  std::lock_guard<std::mutex> guard(lock->mutex);
  return Value::boolean(lock->locked);
}

// ---- Event --------------------------------------------------------------------------

Value event_set(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* e = as<EventObj>(args[0]);
  std::lock_guard<std::mutex> guard(e->mutex);
  e->flag = true;
  e->cond.notify_all();
  return Value::none();
}

Value event_clear(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* e = as<EventObj>(args[0]);
  std::lock_guard<std::mutex> guard(e->mutex);
  e->flag = false;
  return Value::none();
}

Value event_is_set(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* e = as<EventObj>(args[0]);
  std::lock_guard<std::mutex> guard(e->mutex);
  return Value::boolean(e->flag);
}

Value event_wait(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* e = as<EventObj>(args[0]);
  double t = timeout_arg(ts, arg_or_keyword(args, argc, kwnames, 1, "timeout"), -1);
  {
    std::lock_guard<std::mutex> guard(e->mutex);
    if (e->flag) return Value::boolean(true);
  }
  ReleaseGil unlocked(ts);
  std::unique_lock<std::mutex> guard(e->mutex);
  return Value::boolean(wait_until(guard, e->cond, t, [&] { return e->flag; }));
}

// ---- Condition ----------------------------------------------------------------------

bool owns(ThreadState& ts, const Value& lock_value) {
  auto* lock = as<LockObj>(lock_value);
  std::lock_guard<std::mutex> guard(lock->mutex);
  return is_rlock(ts, lock_value) ? lock->owner == &ts : lock->locked;
}

Value condition_acquire(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value lock = as<ConditionObj>(args[0])->lock;
  std::vector<Value> call_args(args, args + argc + (kwnames ? kwnames->items.size() : 0));
  call_args[0] = lock;
  return lock_acquire_method(ts, call_args.data(), argc, kwnames);
}

Value condition_release(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value lock = as<ConditionObj>(args[0])->lock;
  return lock_release_method(ts, &lock, 1, nullptr);
}

Value condition_wait(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* cond = as<ConditionObj>(args[0]);
  double t = timeout_arg(ts, arg_or_keyword(args, argc, kwnames, 1, "timeout"), -1);
  if (!owns(ts, cond->lock)) raise(ts, ts.rt.types.RuntimeError, "cannot wait on un-acquired lock");
  Value waiter = make<LockObj>(ts, state(ts.rt).lock);
  as<LockObj>(waiter)->locked = true;
  cond->waiters.push_back(waiter);
  // Release the condition's lock completely (an RLock may be held several
  // times), wait for a notify, then take the lock back as it was.
  auto* lock = as<LockObj>(cond->lock);
  bool rlock = is_rlock(ts, cond->lock);
  int64_t saved_count = 0;
  {
    std::lock_guard<std::mutex> guard(lock->mutex);
    saved_count = lock->count;
    lock->locked = false;
    lock->owner = nullptr;
    lock->count = 0;
    lock->cond.notify_one();
  }
  bool notified = lock_acquire(ts, as<LockObj>(waiter), true, t);
  if (rlock) {
    rlock_acquire(ts, lock, true, -1);
    std::lock_guard<std::mutex> guard(lock->mutex);
    lock->count = saved_count;
  } else {
    lock_acquire(ts, lock, true, -1);
  }
  if (!notified) {
    auto& w = cond->waiters;
    w.erase(std::remove_if(w.begin(), w.end(), [&](const Value& v) { return v.as_obj() == waiter.as_obj(); }), w.end());
  }
  return Value::boolean(notified);
}

Value condition_notify_n(ThreadState& ts, const Value& self, int64_t n) {
  auto* cond = as<ConditionObj>(self);
  if (!owns(ts, cond->lock)) raise(ts, ts.rt.types.RuntimeError, "cannot notify on un-acquired lock");
  while (n-- > 0 && !cond->waiters.empty()) {
    Value waiter = std::move(cond->waiters.front());
    cond->waiters.pop_front();
    lock_release(ts, as<LockObj>(waiter));
  }
  return Value::none();
}

Value condition_notify(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value* n = arg_or_keyword(args, argc, kwnames, 1, "n");
  return condition_notify_n(ts, args[0], n ? expect_int(ts, *n, "n") : 1);
}

Value condition_notify_all(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return condition_notify_n(ts, args[0], INT64_MAX);
}

// ---- Thread ---------------------------------------------------------------------------

void run_thread(Runtime* rt, Value self_value) {
  auto* self = as<ThreadObj>(self_value);
  ThreadState ts(*rt, 1 << 16);
  ts.is_main = false;
  ts.trace_id = self->trace_id;
  ts.live = self->live;
  rt->gil->acquire(ts);
  ts.thread_object = self_value;
  self->ident = static_cast<int64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()) & INT64_MAX);
  try {
    // self.run(): Thread.run calls the target; a subclass may override it.
    const Value* run = type_of(ts, self_value)->lookup(ts.rt.name("run"));
    Value arg = self_value;
    call_method_value(ts, *run, self_value, &arg, 1);
  } catch (PyException& e) {
    auto* exc = as<ObjException>(e.exception);
    if (!exc->type->is_subtype_of(rt->types.SystemExit)) {
      std::fflush(rt->config.out);
      std::fprintf(rt->config.err, "Exception in thread %s:\n", self->name.c_str());
      print_traceback(ts, e.exception, rt->config.err);
    }
  }
  // The final hold is only added when the GIL is released below; count it
  // here, so the recorded statistics are complete.
  GilThreadStats final_stats = ts.gil_stats;
  if (rt->gil->config().collect_stats) final_stats.hold += std::chrono::steady_clock::now() - ts.gil_acquired_at;
  self->stats = final_stats;
  rt->gil->record(ts, ThreadActivity::Done);
  state(*rt).finished.push_back({self->name, ts.trace_id, final_stats, std::move(ts.activity)});
  {
    std::lock_guard<std::mutex> guard(self->mutex);
    self->finished = true;
    self->done.notify_all();
  }
  // Drop our references while we still hold the GIL.
  ts.thread_object = Value();
  self_value = Value();
  rt->gil->release(ts);
}

// Thread.__new__: the object, before __init__ gives it a target and a name.
Value thread_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  Value obj = make<ThreadObj>(ts, type);
  as<ThreadObj>(obj)->target = Value::none();
  as<ThreadObj>(obj)->args = ts.rt.empty_tuple;
  return obj;
}

// Thread.__init__(group=None, target=None, name=None, args=(), kwargs=None,
// daemon=None), also reached through super().__init__() in a subclass.
void thread_init(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  ThreadingState& st = state(ts.rt);
  if (argc > 0) raise(ts, ts.rt.types.TypeError, "Thread() takes keyword arguments only in MiniPy (target=, args=)");
  auto* t = as<ThreadObj>(self);
  Value* target = find_keyword(args, argc, kwnames, "target");
  Value* targs = find_keyword(args, argc, kwnames, "args");
  Value* tkwargs = find_keyword(args, argc, kwnames, "kwargs");
  Value* name = find_keyword(args, argc, kwnames, "name");
  Value* daemon = find_keyword(args, argc, kwnames, "daemon");
  if (kwnames)
    for (auto& k : kwnames->items) {
      const std::string& n = as<ObjStr>(k)->text;
      if (n != "target" && n != "args" && n != "kwargs" && n != "name" && n != "daemon" && n != "group")
        raise(ts, ts.rt.types.TypeError, "Thread.__init__() got an unexpected keyword argument '" + n + "'");
    }
  t->target = target ? *target : Value::none();
  t->args = targs ? make_tuple(ts, collect(ts, *targs)) : make_tuple(ts);
  if (tkwargs && !tkwargs->is_none()) {
    if (!is_dict(*tkwargs)) raise(ts, ts.rt.types.TypeError, "Thread kwargs must be a dict");
    t->kwargs = *tkwargs;
  }
  int64_t number = ++st.started;
  if (name && !name->is_none()) {
    t->name = str(ts, *name);
  } else {
    t->name = "Thread-" + std::to_string(number);
    if (is_kind(t->target, ObjKind::Function)) t->name += " (" + as<ObjFunction>(t->target)->code_obj()->name + ")";
  }
  t->daemon = daemon && truthy(ts, *daemon);
}

Value thread_init_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  thread_init(ts, args[0], args + 1, argc - 1, kwnames);
  return Value::none();
}

// Thread.run(): calls the target with its arguments. A subclass overrides it.
Value thread_run(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* self = as<ThreadObj>(args[0]);
  std::vector<Value> call_args = as<ObjTuple>(self->args)->items;
  Value names;
  if (!self->kwargs.is_empty()) {
    std::vector<Value> keys;
    for (auto& e : as<ObjDict>(self->kwargs)->entries)
      if (!e.key.is_empty()) keys.push_back(e.key);
    for (auto& e : as<ObjDict>(self->kwargs)->entries)
      if (!e.key.is_empty()) call_args.push_back(e.value);
    names = make_tuple(ts, std::move(keys));
  }
  int n = static_cast<int>(as<ObjTuple>(self->args)->items.size());
  if (!self->target.is_none()) {
    Value target = self->target;
    call(ts, target, call_args.data(), n, names.is_empty() ? nullptr : as<ObjTuple>(names));
  }
  return Value::none();
}

Value thread_start(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "start", argc - 1, 0, 0);
  auto* t = as<ThreadObj>(args[0]);
  if (t->started) raise(ts, ts.rt.types.RuntimeError, "threads can only be started once");
  ThreadingState& st = state(ts.rt);
  if (ts.rt.config.main_thread_trace_id >= 0) {
    if (st.last_trace_id < 0) st.last_trace_id = ts.rt.config.main_thread_trace_id;
    t->trace_id = ++st.last_trace_id;
  }
  if (ts.rt.config.live) t->live = ts.rt.config.live->add_row(t->name);
  try {
    t->thread = std::thread(run_thread, &ts.rt, args[0]);
  } catch (const std::system_error& e) {
    if (t->live) t->live->change(ThreadActivity::Done, live_now_ns());  // its --live row ends at once
    raise(ts, ts.rt.types.RuntimeError, std::string("can't start new thread: ") + e.what());
  }
  // The new thread blocks on the GIL, which this thread holds, so it cannot
  // finish before it is registered here.
  t->started = true;
  st.threads.push_back(args[0]);
  return Value::none();
}

// Joins the native thread once; true when this call did the join.
bool join_native(ThreadObj* t) {
  std::lock_guard<std::mutex> guard(t->join_mutex);
  if (!t->thread.joinable()) return false;
  t->thread.join();
  return true;
}

bool thread_finished(ThreadObj* t) {
  std::lock_guard<std::mutex> guard(t->mutex);
  return t->finished;
}

Value thread_join(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* t = as<ThreadObj>(args[0]);
  double timeout = timeout_arg(ts, arg_or_keyword(args, argc, kwnames, 1, "timeout"), -1);
  if (!t->started) raise(ts, ts.rt.types.RuntimeError, "cannot join thread before it is started");
  const Value& current = ts.thread_object.is_empty() ? state(ts.rt).main_thread : ts.thread_object;
  if (!current.is_empty() && t == current.as_obj())
    raise(ts, ts.rt.types.RuntimeError, "cannot join current thread");
  bool done;
  {
    ReleaseGil unlocked(ts);
    std::unique_lock<std::mutex> guard(t->mutex);
    done = wait_until(guard, t->done, timeout, [&] { return t->finished; });
  }
  if (done) {
    ReleaseGil unlocked(ts);
    join_native(t);
  }
  return Value::none();
}

Value thread_is_alive(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* t = as<ThreadObj>(args[0]);
  return Value::boolean(t->started && !thread_finished(t));
}

Value thread_get_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* t = as<ThreadObj>(self);
  if (name->text == "name") return make_str(t->name);
  if (name->text == "daemon") return Value::boolean(t->daemon);
  if (name->text == "ident") return t->started ? Value::integer(t->ident) : Value::none();
  return Value();
}

bool thread_set_attribute(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  auto* t = as<ThreadObj>(self);
  if (name->text == "name") {
    t->name = str(ts, value);
    return true;
  }
  if (name->text == "daemon") {
    if (t->started) raise(ts, ts.rt.types.RuntimeError, "cannot set daemon status of active thread");
    t->daemon = truthy(ts, value);
    return true;
  }
  return false;
}

Value main_thread_object(ThreadState& ts) {
  ThreadingState& st = state(ts.rt);
  if (st.main_thread.is_empty()) {
    st.main_thread = make<ThreadObj>(ts, st.thread);
    auto* t = as<ThreadObj>(st.main_thread);
    t->name = "MainThread";
    t->started = true;
    t->ident = static_cast<int64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()) & INT64_MAX);
  }
  return st.main_thread;
}

Value current_thread(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "current_thread", argc, 0, 0);
  if (!ts.thread_object.is_empty()) return ts.thread_object;
  return main_thread_object(ts);
}

Value main_thread(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "main_thread", argc, 0, 0);
  return main_thread_object(ts);
}

Value active_count(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "active_count", argc, 0, 0);
  int64_t alive = 1;
  for (auto& t : state(ts.rt).threads) alive += !thread_finished(as<ThreadObj>(t));
  return Value::integer(alive);
}

Value get_ident(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return Value::integer(static_cast<int64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()) & INT64_MAX));
}

Value make_lock(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "Lock", argc, 0, 0);
  return make<LockObj>(ts, state(ts.rt).lock);
}

Value make_rlock(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "RLock", argc, 0, 0);
  return make<LockObj>(ts, state(ts.rt).rlock);
}

Value make_event(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "Event", argc, 0, 0);
  return make<EventObj>(ts, state(ts.rt).event);
}

Value make_condition(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "Condition", argc, 0, 1);
  ThreadingState& st = state(ts.rt);
  Value cond = make<ConditionObj>(ts, st.condition);
  Value* lock = arg_or_keyword(args, argc, kwnames, 0, "lock");
  if (lock && !lock->is_none()) {
    ObjType* t = type_of(ts, *lock);
    if (t != st.lock && t != st.rlock) raise(ts, ts.rt.types.TypeError, "Condition() needs a Lock or an RLock");
    as<ConditionObj>(cond)->lock = *lock;
  } else {
    as<ConditionObj>(cond)->lock = make<LockObj>(ts, st.rlock);
  }
  return cond;
}


Value make_threading_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  ThreadingState& st = state(rt);
  auto* m = new_object<ObjModule>(ts, "threading");
  Value module = Value::adopt(m);
  auto attr = [&](const char* name, Value v) { m->attrs.emplace_back(rt.intern(name), std::move(v)); };
  attr("Thread", Value::borrow(st.thread));
  attr("Lock", make_native("Lock", make_lock));
  attr("RLock", make_native("RLock", make_rlock));
  attr("Event", make_native("Event", make_event));
  attr("Condition", make_native("Condition", make_condition, "lock"));
  attr("current_thread", make_native("current_thread", current_thread));
  attr("main_thread", make_native("main_thread", main_thread));
  attr("active_count", make_native("active_count", active_count));
  attr("get_ident", make_native("get_ident", get_ident));
  return module;
}

}  // namespace

void install_threading(Runtime& rt) {
  auto st = std::make_shared<ThreadingState>();
  st->thread = new_type(rt, "Thread", rt.types.object);
  st->thread->tp_new = thread_new;
  st->thread->tp_init = thread_init;
  add_method(rt, st->thread, "__init__", thread_init_method, "*");
  add_method(rt, st->thread, "run", thread_run);
  st->lock = new_type(rt, "lock", rt.types.object, nullptr);
  st->rlock = new_type(rt, "RLock", rt.types.object, nullptr);
  st->event = new_type(rt, "Event", rt.types.object, nullptr);
  st->condition = new_type(rt, "Condition", rt.types.object, nullptr);
  st->thread->tp_traverse = thread_traverse;
  st->thread->tp_clear = thread_clear;
  st->condition->tp_traverse = condition_traverse;
  st->condition->tp_clear = condition_clear;
  for (ObjType* t : {st->lock, st->rlock, st->event}) {
    t->tp_traverse = opaque_traverse;
    t->tp_clear = opaque_clear;
  }
  st->thread->get_attribute = thread_get_attribute;
  st->thread->set_attribute = thread_set_attribute;
  add_method(rt, st->thread, "start", thread_start);
  add_method(rt, st->thread, "join", thread_join, "timeout");
  add_method(rt, st->thread, "is_alive", thread_is_alive);
  for (ObjType* t : {st->lock, st->rlock}) {
    add_method(rt, t, "acquire", lock_acquire_method, "blocking timeout");
    add_method(rt, t, "release", lock_release_method);
    add_method(rt, t, "__enter__", lock_acquire_method, "blocking timeout");
    add_method(rt, t, "__exit__", lock_exit_method);
  }
  add_method(rt, st->lock, "locked", lock_locked_method);
  add_method(rt, st->event, "set", event_set);
  add_method(rt, st->event, "clear", event_clear);
  add_method(rt, st->event, "is_set", event_is_set);
  add_method(rt, st->event, "wait", event_wait, "timeout");
  add_method(rt, st->condition, "acquire", condition_acquire, "blocking timeout");
  add_method(rt, st->condition, "release", condition_release);
  add_method(rt, st->condition, "__enter__", condition_acquire, "blocking timeout");
  add_method(rt, st->condition, "__exit__", condition_release);
  add_method(rt, st->condition, "wait", condition_wait, "timeout");
  add_method(rt, st->condition, "notify", condition_notify, "n");
  add_method(rt, st->condition, "notify_all", condition_notify_all);
  rt.threading = st;
  register_module(rt, "threading", make_threading_module);
}

int threading_shutdown(ThreadState& ts) {
  ThreadingState& st = state(ts.rt);
  int daemons = 0;
  // Threads may start threads: loop until no joinable thread is left.
  for (size_t i = 0; i < st.threads.size(); ++i) {
    Value t = st.threads[i];
    auto* thread = as<ThreadObj>(t);
    if (thread->daemon) {
      daemons += !thread_finished(thread);
      continue;
    }
    {
      ReleaseGil unlocked(ts);
      std::unique_lock<std::mutex> guard(thread->mutex);
      thread->done.wait(guard, [&] { return thread->finished; });
    }
    {
      ReleaseGil unlocked(ts);
      join_native(thread);
    }
  }
  if (daemons == 0) st.threads.clear();
  return daemons;
}

void join_all_threads(Runtime& rt) {
  // A program that never started a thread needs nothing (and may end with
  // the GIL still held, after an exception in the embedding code).
  if (!rt.threading || state(rt).threads.empty()) return;
  // No GIL here: the list is not changed by anyone once the program ended,
  // except by the threads themselves, which only start threads while they
  // hold the GIL, so copy what there is and repeat until nothing is left.
  // Threads still running (daemons) end at their next eval-breaker check.
  rt.eval_breaker.fetch_or(kFinalizing);
  std::vector<ThreadObj*> pending;
  for (;;) {
    pending.clear();
    {
      ThreadState ts(rt, 64);
      ts.is_main = false;
      rt.gil->acquire(ts);
      for (auto& t : state(rt).threads) pending.push_back(as<ThreadObj>(t));
      rt.gil->release(ts);
    }
    bool joined = false;
    for (ThreadObj* t : pending) joined |= join_native(t);
    if (!joined) return;
  }
}

ThreadStatsReport collect_thread_stats(ThreadState& ts) {
  ThreadStatsReport report;
  report.per_thread.push_back({"MainThread", ts.trace_id, ts.gil_stats, ts.activity});
  if (ts.rt.threading)
    for (auto& record : state(ts.rt).finished) report.per_thread.push_back(record);
  for (auto& record : report.per_thread) report.total.merge(record.stats);
  return report;
}

RuntimeExtension threading_extension() {
  RuntimeExtension e;
  e.install = install_threading;
  e.at_exit = [](ThreadState& ts, bool) { ts.rt.live_daemon_threads = threading_shutdown(ts); };
  e.at_destroy = join_all_threads;
  return e;
}

}  // namespace gil
