#include "gil/modules/threading.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <sys/syscall.h>
#include <unistd.h>

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
  int64_t native_id = 0;
  // Timer only: the wait before the call, and whether cancel() came first
  // (guarded by mutex, signalled on done).
  double timer_interval = 0;
  bool timer_cancelled = false;
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

// A counting semaphore; BoundedSemaphore when [bound] >= 0. Holds no
// Values, so waiters need only its mutex.
struct SemaphoreObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  std::mutex mutex;
  std::condition_variable cond;
  int64_t value = 1;  // guarded by mutex
  int64_t bound = -1;
};

// A barrier, as CPython's threading.Barrier: a state machine over
// [count] threads inside wait(). [mutex] is also held while the action
// runs (CPython holds its Condition), so it is taken without blocking under
// the GIL (lock_letting_go).
struct BarrierObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  enum State { kFilling = 0, kDraining = 1, kResetting = -1, kBroken = -2 };
  std::mutex mutex;
  std::condition_variable cond;
  int64_t parties = 0;
  double timeout = -1;
  Value action;
  int state = kFilling;  // guarded by mutex
  int64_t count = 0;     // guarded by mutex
};

// threading.local: one attribute dict per thread (by GilThread::serial).
// ObjOpaque::dict always holds the dict of the thread that touched the
// object last; the attribute hooks swap it before the generic lookup.
struct LocalObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  std::unordered_map<uint64_t, Value> dicts;
  uint64_t current = 0;
  // The arguments of the call that made it, for a subclass's __init__ in
  // each new thread.
  Value init_args, init_kwnames;
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

void barrier_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* b = static_cast<BarrierObj*>(self);
  if (b->action.is_obj()) visit(b->action, arg);
  opaque_traverse(self, visit, arg);
}
void barrier_clear(Obj* self) {
  Value action = std::move(static_cast<BarrierObj*>(self)->action);
  opaque_clear(self);
}
void local_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* l = static_cast<LocalObj*>(self);
  for (auto& [serial, d] : l->dicts)
    if (d.is_obj()) visit(d, arg);
  for (const Value* v : {&l->init_args, &l->init_kwnames})
    if (v->is_obj()) visit(*v, arg);
  opaque_traverse(self, visit, arg);
}
void local_clear(Obj* self) {
  auto* l = static_cast<LocalObj*>(self);
  std::unordered_map<uint64_t, Value> dicts;
  dicts.swap(l->dicts);
  Value a = std::move(l->init_args), k = std::move(l->init_kwnames);
  opaque_clear(self);
}

// What the threading module keeps per runtime.
struct ThreadingState {
  ObjType *thread, *lock, *rlock, *event, *condition;
  ObjType *semaphore, *bounded_semaphore, *barrier, *broken_barrier, *timer, *local, *except_hook_args;
  // threading.excepthook as the module starts: a thread's uncaught
  // exception is printed directly while the module's attribute is this.
  Value default_excepthook;
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

// threading.get_ident() of the calling thread.
int64_t get_ident_value() {
  return static_cast<int64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()) & INT64_MAX);
}

// The kernel's id of the calling thread (threading.get_native_id()).
int64_t native_thread_id() { return static_cast<int64_t>(syscall(SYS_gettid)); }

void report_thread_exception(ThreadState& ts, ThreadObj* self, const Value& self_value, const Value& exception);

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
  self->ident = get_ident_value();
  self->native_id = native_thread_id();
  try {
    // self.run(): Thread.run calls the target; a subclass may override it.
    const Value* run = type_of(ts, self_value)->lookup(ts.rt.name("run"));
    Value arg = self_value;
    call_method_value(ts, *run, self_value, &arg, 1);
  } catch (PyException& e) {
    try {
      report_thread_exception(ts, self, self_value, e.exception);
    } catch (PyException&) {
      // The report itself failed (no memory for its arguments): nothing
      // is left to tell.
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
  auto* t = as<ThreadObj>(self);
  if (argc > 5) raise(ts, ts.rt.types.TypeError, "Thread.__init__() takes from 1 to 6 positional arguments but " +
                                                     std::to_string(argc + 1) + " were given");
  const Value* a[6];
  bind_arguments(ts, "Thread.__init__", args, argc, kwnames, {"group", "target", "name", "args", "kwargs", "daemon"}, a);
  const Value *target = a[1], *name = a[2], *targs = a[3], *tkwargs = a[4], *daemon = a[5];
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
  t->daemon = daemon && !daemon->is_none() && truthy(ts, *daemon);
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
  if (name->text == "ident") return t->started && t->ident ? Value::integer(t->ident) : Value::none();
  if (name->text == "native_id") return t->started && t->native_id ? Value::integer(t->native_id) : Value::none();
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
    t->ident = get_ident_value();
    t->native_id = native_thread_id();
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
  return Value::integer(get_ident_value());
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


// ---- Semaphore and BoundedSemaphore ---------------------------------------------

Value semaphore_acquire(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value* blocking = arg_or_keyword(args, argc, kwnames, 1, "blocking");
  Value* timeout = arg_or_keyword(args, argc, kwnames, 2, "timeout");
  bool block = !blocking || truthy(ts, *blocking);
  double t = timeout_arg(ts, timeout, -1);
  if (!block && timeout && !timeout->is_none())
    raise(ts, ts.rt.types.ValueError, "can't specify timeout for non-blocking acquire");
  auto* sem = as<SemaphoreObj>(args[0]);
  {
    std::lock_guard<std::mutex> guard(sem->mutex);
    if (sem->value > 0) {
      --sem->value;
      return Value::boolean(true);
    }
  }
  if (!block) return Value::boolean(false);
  ReleaseGil unlocked(ts);
  std::unique_lock<std::mutex> guard(sem->mutex);
  bool got = wait_until(guard, sem->cond, t, [&] { return sem->value > 0; });
  if (got) --sem->value;
  return Value::boolean(got);
}

Value semaphore_release(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value* nv = arg_or_keyword(args, argc, kwnames, 1, "n");
  int64_t n = nv ? expect_int(ts, *nv, "n") : 1;
  if (n < 1) raise(ts, ts.rt.types.ValueError, "n must be one or more");
  auto* sem = as<SemaphoreObj>(args[0]);
  {
    std::lock_guard<std::mutex> guard(sem->mutex);
    if (sem->bound >= 0 && sem->value + n > sem->bound)
      raise(ts, ts.rt.types.ValueError, "Semaphore released too many times");
    sem->value += n;
  }
  sem->cond.notify_all();
  return Value::none();
}

Value semaphore_exit(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return semaphore_release(ts, args, 1, nullptr);
}

Value semaphore_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames, bool bounded) {
  Value* v = arg_or_keyword(args, argc, kwnames, 0, "value");
  int64_t value = v ? expect_int(ts, *v, "value") : 1;
  if (value < 0) raise(ts, ts.rt.types.ValueError, "semaphore initial value must be >= 0");
  Value obj = make<SemaphoreObj>(ts, type);
  as<SemaphoreObj>(obj)->value = value;
  if (bounded) as<SemaphoreObj>(obj)->bound = value;
  return obj;
}
Value make_semaphore(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  return semaphore_new(ts, type, args, argc, kwnames, false);
}
Value make_bounded_semaphore(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  return semaphore_new(ts, type, args, argc, kwnames, true);
}
void ignore_init(ThreadState&, const Value&, Value*, int, ObjTuple*) {}

Value semaphore_get_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  if (name->text != "_value") return Value();
  auto* sem = as<SemaphoreObj>(self);
  std::lock_guard<std::mutex> guard(sem->mutex);
  return Value::integer(sem->value);
}

// ---- Barrier --------------------------------------------------------------------

// Locks [lock] while holding the GIL without ever blocking on it with the
// GIL held: its holder may be waiting for the GIL.
void lock_letting_go(ThreadState& ts, std::unique_lock<std::mutex>& lock) {
  if (lock.try_lock()) return;
  ReleaseGil unlocked(ts);
  lock.lock();
}

[[noreturn]] void raise_broken(ThreadState& ts) {
  auto* e = new_object<ObjException>(ts, state(ts.rt).broken_barrier);
  e->args = make_tuple(ts);
  raise_value(Value::adopt(e));
}

// Barrier(parties, action=None, timeout=None)
Value barrier_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[3];
  bind_arguments(ts, "Barrier", args, argc, kwnames, {"parties", "action", "timeout"}, a);
  if (!a[0]) raise(ts, ts.rt.types.TypeError, "Barrier.__init__() missing 1 required positional argument: 'parties'");
  int64_t parties = expect_int(ts, *a[0], "parties");
  if (parties < 1) raise(ts, ts.rt.types.ValueError, "parties must be > 0");
  Value obj = make<BarrierObj>(ts, type);
  auto* b = as<BarrierObj>(obj);
  b->parties = parties;
  if (a[1] && !a[1]->is_none()) b->action = *a[1];
  b->timeout = timeout_arg(ts, a[2], -1);
  return obj;
}

void barrier_break(BarrierObj* b) {
  b->state = BarrierObj::kBroken;
  b->cond.notify_all();
}

// wait(timeout=None): CPython's Barrier.wait with _enter, _release, _wait
// and _exit.
Value barrier_wait(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* b = as<BarrierObj>(args[0]);
  Value* tv = arg_or_keyword(args, argc, kwnames, 1, "timeout");
  double timeout = tv && !tv->is_none() ? timeout_arg(ts, tv, -1) : b->timeout;
  std::unique_lock<std::mutex> lock(b->mutex, std::defer_lock);
  lock_letting_go(ts, lock);
  auto wait_for = [&](double t, auto ready) {
    ReleaseGil unlocked(ts);
    return wait_until(lock, b->cond, t, ready);
  };
  // Block while the barrier drains or resets.
  wait_for(-1, [&] { return b->state != BarrierObj::kDraining && b->state != BarrierObj::kResetting; });
  if (b->state < 0) {
    lock.unlock();
    raise_broken(ts);
  }
  int64_t index = b->count++;
  bool broken = false;
  try {
    if (index + 1 == b->parties) {
      if (!b->action.is_empty()) {
        try {
          Value action = b->action;
          call(ts, action, nullptr, 0);
        } catch (...) {
          barrier_break(b);
          throw;
        }
      }
      b->state = BarrierObj::kDraining;
      b->cond.notify_all();
    } else {
      if (!wait_for(timeout, [&] { return b->state != BarrierObj::kFilling; })) {
        barrier_break(b);
        broken = true;
      } else if (b->state < 0) {
        broken = true;
      }
    }
  } catch (...) {
    if (--b->count == 0 && (b->state == BarrierObj::kResetting || b->state == BarrierObj::kDraining)) {
      b->state = BarrierObj::kFilling;
      b->cond.notify_all();
    }
    throw;
  }
  if (--b->count == 0 && (b->state == BarrierObj::kResetting || b->state == BarrierObj::kDraining)) {
    b->state = BarrierObj::kFilling;
    b->cond.notify_all();
  }
  lock.unlock();
  if (broken) raise_broken(ts);
  return Value::integer(index);
}

Value barrier_reset(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* b = as<BarrierObj>(args[0]);
  std::unique_lock<std::mutex> lock(b->mutex, std::defer_lock);
  lock_letting_go(ts, lock);
  if (b->count > 0) {
    if (b->state == BarrierObj::kFilling || b->state == BarrierObj::kBroken) b->state = BarrierObj::kResetting;
  } else {
    b->state = BarrierObj::kFilling;
  }
  b->cond.notify_all();
  return Value::none();
}

Value barrier_abort(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* b = as<BarrierObj>(args[0]);
  std::unique_lock<std::mutex> lock(b->mutex, std::defer_lock);
  lock_letting_go(ts, lock);
  barrier_break(b);
  return Value::none();
}

Value barrier_get_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* b = as<BarrierObj>(self);
  if (name->text == "parties") return Value::integer(b->parties);
  if (name->text != "n_waiting" && name->text != "broken") return Value();
  std::unique_lock<std::mutex> lock(b->mutex, std::defer_lock);
  lock_letting_go(ts, lock);
  if (name->text == "broken") return Value::boolean(b->state == BarrierObj::kBroken);
  return Value::integer(b->state == BarrierObj::kFilling ? b->count : 0);
}

// ---- local ------------------------------------------------------------------------

// Makes [self]'s instance dict the calling thread's, running a subclass's
// __init__ with the original arguments when the thread is new to it.
void local_switch(ThreadState& ts, const Value& self) {
  auto* l = as<LocalObj>(self);
  if (l->current == ts.serial) return;
  if (!l->dict.is_empty()) l->dicts[l->current] = std::move(l->dict);
  l->dict = Value();
  l->current = ts.serial;
  auto it = l->dicts.find(ts.serial);
  if (it != l->dicts.end()) {
    l->dict = std::move(it->second);
    l->dicts.erase(it);
    return;
  }
  l->dict = make<ObjDict>(ts);
  ObjType* type = type_of(ts, self);
  const Value* init = type->lookup(ts.rt.name_init);
  if (!init || type == state(ts.rt).local || !is_kind(*init, ObjKind::Function)) return;
  std::vector<Value> call_args{self};
  if (l->init_args.is_obj())
    for (auto& v : as<ObjTuple>(l->init_args)->items) call_args.push_back(v);
  int argc = static_cast<int>(call_args.size());
  ObjTuple* kwnames = nullptr;
  Value keep = self;
  call_method_value(ts, *init, keep, call_args.data(), argc, kwnames);
}

Value local_get_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  local_switch(ts, self);
  return Value();
}

bool local_set_attribute(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  local_switch(ts, self);
  return false;
}

Value local_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  ThreadingState& st = state(ts.rt);
  const Value* init = type->lookup(ts.rt.name_init);
  bool plain_init = type == st.local || !init || !is_kind(*init, ObjKind::Function);
  if ((argc > 0 || kwnames) && plain_init)
    raise(ts, ts.rt.types.TypeError, "Initialization arguments are not supported");
  if (kwnames) raise(ts, ts.rt.types.TypeError, "threading.local subclasses take positional arguments only in MiniPy");
  Value obj = make<LocalObj>(ts, type);
  auto* l = as<LocalObj>(obj);
  l->current = ts.serial;
  l->dict = make<ObjDict>(ts);
  l->init_args = make_tuple(ts, std::vector<Value>(args, args + argc));
  return obj;
}

// ---- Condition.wait_for ------------------------------------------------------------

// wait_for(predicate, timeout=None), as CPython's Condition.wait_for.
Value condition_wait_for(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value* pred = arg_or_keyword(args, argc, kwnames, 1, "predicate");
  if (!pred) raise(ts, ts.rt.types.TypeError, "wait_for() missing 1 required positional argument: 'predicate'");
  Value predicate = *pred;
  double timeout = timeout_arg(ts, arg_or_keyword(args, argc, kwnames, 2, "timeout"), -1);
  Value self = args[0];
  std::optional<Clock::time_point> end;
  double wait_time = timeout;
  Value result = call(ts, predicate, nullptr, 0);
  while (!truthy(ts, result)) {
    if (timeout >= 0) {
      if (!end) {
        end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout));
      } else {
        wait_time = std::chrono::duration<double>(*end - Clock::now()).count();
        if (wait_time <= 0) break;
      }
    }
    Value wait_args[2] = {self, wait_time >= 0 ? Value::number(wait_time) : Value::none()};
    condition_wait(ts, wait_args, 2, nullptr);
    result = call(ts, predicate, nullptr, 0);
  }
  return result;
}

// ---- Timer -------------------------------------------------------------------------

// Timer(interval, function, args=None, kwargs=None)
void timer_init(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[4];
  bind_arguments(ts, "Timer", args, argc, kwnames, {"interval", "function", "args", "kwargs"}, a);
  if (!a[0] || !a[1])
    raise(ts, ts.rt.types.TypeError, "Timer.__init__() missing required positional arguments: 'interval' and 'function'");
  auto* t = as<ThreadObj>(self);
  t->timer_interval = timeout_arg(ts, a[0], 0);
  t->target = *a[1];
  t->args = a[2] && !a[2]->is_none() ? make_tuple(ts, collect(ts, *a[2])) : make_tuple(ts);
  if (a[3] && !a[3]->is_none()) {
    if (!is_dict(*a[3])) raise(ts, ts.rt.types.TypeError, "Timer kwargs must be a dict");
    t->kwargs = *a[3];
  }
  t->name = "Thread-" + std::to_string(++state(ts.rt).started);
}

Value timer_init_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  timer_init(ts, args[0], args + 1, argc - 1, kwnames);
  return Value::none();
}

Value thread_run(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames);

Value timer_run(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* t = as<ThreadObj>(args[0]);
  bool cancelled;
  {
    ReleaseGil unlocked(ts);
    std::unique_lock<std::mutex> guard(t->mutex);
    wait_until(guard, t->done, t->timer_interval, [&] { return t->timer_cancelled; });
    cancelled = t->timer_cancelled;
    t->timer_cancelled = true;  // CPython's finished.set()
  }
  if (!cancelled) thread_run(ts, args, 1, nullptr);
  return Value::none();
}

Value timer_cancel(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* t = as<ThreadObj>(args[0]);
  {
    std::lock_guard<std::mutex> guard(t->mutex);
    t->timer_cancelled = true;
  }
  t->done.notify_all();
  return Value::none();
}

// ---- excepthook --------------------------------------------------------------------

void print_thread_exception(ThreadState& ts, const std::string& thread_name, const Value& exception) {
  Runtime& rt = ts.rt;
  std::fflush(rt.config.out);
  std::fprintf(rt.config.err, "Exception in thread %s:\n", thread_name.c_str());
  print_traceback(ts, exception, rt.config.err);
}

Value except_hook_field(ThreadState& ts, const Value& hook_args, const char* name) {
  Value v = try_get_attr(ts, hook_args, ts.rt.intern(name));
  return v.is_empty() ? Value::none() : v;
}

// threading.excepthook(args): the default, which prints as CPython does.
Value default_excepthook(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "excepthook", argc, 1, 1);
  Value exc_type = except_hook_field(ts, args[0], "exc_type");
  if (is_kind(exc_type, ObjKind::Type) && as<ObjType>(exc_type)->is_subtype_of(ts.rt.types.SystemExit))
    return Value::none();
  Value exc = except_hook_field(ts, args[0], "exc_value");
  Value thread = except_hook_field(ts, args[0], "thread");
  std::string name = thread.is_none() ? std::to_string(get_ident_value()) : str(ts, get_attr(ts, thread, ts.rt.intern("name")));
  print_thread_exception(ts, name, exc);
  return Value::none();
}

// The ExceptHookArgs a hook receives: exc_type, exc_value, exc_traceback,
// thread.
Value make_except_hook_args(ThreadState& ts, const Value& exception, const Value& thread) {
  ThreadingState& st = state(ts.rt);
  Value args = make<ObjOpaque>(ts, st.except_hook_args);
  Value d = make<ObjDict>(ts);
  auto set = [&](const char* name, Value v) { dict_set(ts, as<ObjDict>(d), Value::borrow(ts.rt.intern(name)), v); };
  set("exc_type", Value::borrow(type_of(ts, exception)));
  set("exc_value", exception);
  set("exc_traceback", traceback_object(ts, exception));
  set("thread", thread);
  as<ObjOpaque>(args)->dict = d;
  return args;
}

// An uncaught exception in a thread: the module's excepthook, or the
// default print when it was not replaced.
void report_thread_exception(ThreadState& ts, ThreadObj* self, const Value& self_value, const Value& exception) {
  Runtime& rt = ts.rt;
  ThreadingState& st = state(rt);
  Value hook = st.default_excepthook;
  if (Value* m = dict_find_str(modules_dict(ts), rt.intern("threading")); m && is_kind(*m, ObjKind::Module))
    if (const Value* h = as<ObjModule>(*m)->find(rt.intern("excepthook"))) hook = *h;
  if (hook.is_empty() || hook.as_obj() == st.default_excepthook.as_obj()) {
    if (!as<ObjException>(exception)->type->is_subtype_of(rt.types.SystemExit))
      print_thread_exception(ts, self->name, exception);
    return;
  }
  try {
    Value hook_args = make_except_hook_args(ts, exception, self_value);
    call(ts, hook, &hook_args, 1);
  } catch (PyException& e) {
    std::fflush(rt.config.out);
    std::fprintf(rt.config.err, "Exception in threading.excepthook:\n");
    print_traceback(ts, e.exception, rt.config.err);
  }
}

// ---- enumerate, get_native_id ----------------------------------------------------------

Value enumerate_threads(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "enumerate", argc, 0, 0);
  std::vector<Value> alive{main_thread_object(ts)};
  for (auto& t : state(ts.rt).threads)
    if (!thread_finished(as<ThreadObj>(t))) alive.push_back(t);
  return make_list(ts, std::move(alive));
}

Value get_native_id(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "get_native_id", argc, 0, 0);
  return Value::integer(native_thread_id());
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
  attr("get_native_id", make_native("get_native_id", get_native_id));
  attr("enumerate", make_native("enumerate", enumerate_threads));
  attr("Semaphore", Value::borrow(st.semaphore));
  attr("BoundedSemaphore", Value::borrow(st.bounded_semaphore));
  attr("Barrier", Value::borrow(st.barrier));
  attr("BrokenBarrierError", Value::borrow(st.broken_barrier));
  attr("Timer", Value::borrow(st.timer));
  attr("local", Value::borrow(st.local));
  attr("ExceptHookArgs", Value::borrow(st.except_hook_args));
  attr("excepthook", st.default_excepthook);
  attr("__excepthook__", st.default_excepthook);
  attr("TIMEOUT_MAX", Value::number(kTimeoutMax));
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
  add_method(rt, st->condition, "wait_for", condition_wait_for, "predicate timeout");

  st->semaphore = new_type(rt, "Semaphore", rt.types.object, nullptr);
  st->semaphore->tp_new = make_semaphore;
  st->bounded_semaphore = new_type(rt, "BoundedSemaphore", st->semaphore, nullptr);
  st->bounded_semaphore->tp_new = make_bounded_semaphore;
  st->semaphore->tp_init = ignore_init;
  st->semaphore->get_attribute = semaphore_get_attribute;
  add_method(rt, st->semaphore, "acquire", semaphore_acquire, "blocking timeout");
  add_method(rt, st->semaphore, "__enter__", semaphore_acquire, "blocking timeout");
  add_method(rt, st->semaphore, "release", semaphore_release, "n");
  add_method(rt, st->semaphore, "__exit__", semaphore_exit);

  st->broken_barrier = new_type(rt, "BrokenBarrierError", rt.types.RuntimeError, nullptr);
  st->barrier = new_type(rt, "Barrier", rt.types.object, nullptr);
  st->barrier->tp_new = barrier_new;
  st->barrier->tp_init = ignore_init;
  st->barrier->tp_traverse = barrier_traverse;
  st->barrier->tp_clear = barrier_clear;
  st->barrier->get_attribute = barrier_get_attribute;
  add_method(rt, st->barrier, "wait", barrier_wait, "timeout");
  add_method(rt, st->barrier, "reset", barrier_reset);
  add_method(rt, st->barrier, "abort", barrier_abort);

  st->timer = new_type(rt, "Timer", st->thread);
  st->timer->tp_init = timer_init;
  add_method(rt, st->timer, "__init__", timer_init_method, "*");
  add_method(rt, st->timer, "run", timer_run);
  add_method(rt, st->timer, "cancel", timer_cancel);

  st->local = new_type(rt, "local", rt.types.object, nullptr);
  st->local->tp_new = local_new;
  st->local->tp_init = ignore_init;
  st->local->tp_traverse = local_traverse;
  st->local->tp_clear = local_clear;
  st->local->get_attribute = local_get_attribute;
  st->local->set_attribute = local_set_attribute;
  st->local->instances_have_dict = true;

  st->except_hook_args = new_type(rt, "_ExceptHookArgs", rt.types.object, nullptr);
  st->except_hook_args->tp_traverse = opaque_traverse;
  st->except_hook_args->tp_clear = opaque_clear;
  st->except_hook_args->instances_have_dict = true;
  st->default_excepthook = make_native("excepthook", default_excepthook);
  for (ObjType* t : {st->semaphore, st->bounded_semaphore}) {
    t->tp_traverse = opaque_traverse;
    t->tp_clear = opaque_clear;
  }
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
