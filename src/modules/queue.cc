#include "gil/modules/queue.h"

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

namespace gil {
namespace {

using Clock = std::chrono::steady_clock;

enum class QueueKind { Fifo, Lifo, Priority, Simple };

struct QueueObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  QueueKind kind = QueueKind::Fifo;
  int64_t maxsize = 0;
  // The module's exceptions (immortal types of the runtime).
  ObjType* empty = nullptr;
  ObjType* full = nullptr;
  // Guarded by the GIL and [op].
  std::deque<Value> items;
  int64_t unfinished = 0;
  std::mutex op;
  // Copies of items.size() and [unfinished] for threads waiting without the
  // GIL; guarded by [signal], changes announced on [changed].
  std::mutex signal;
  std::condition_variable changed;
  size_t count = 0;
  int64_t unfinished_copy = 0;
};

void queue_traverse(Obj* self, VisitFn visit, void* arg) {
  for (const Value& v : static_cast<QueueObj*>(self)->items)
    if (v.is_obj()) visit(v, arg);
  opaque_traverse(self, visit, arg);
}

void queue_clear(Obj* self) {
  std::deque<Value> items;
  items.swap(static_cast<QueueObj*>(self)->items);
  opaque_clear(self);
}

// Holds a queue's [op] for a scope, taken as the header says.
class OpGuard {
 public:
  OpGuard(ThreadState& ts, QueueObj* q) : q_(q) {
    if (q->op.try_lock()) return;
    ReleaseGil unlocked(ts);
    q->op.lock();
  }
  ~OpGuard() { q_->op.unlock(); }
  OpGuard(const OpGuard&) = delete;
  OpGuard& operator=(const OpGuard&) = delete;

 private:
  QueueObj* q_;
};

// Publishes the counts to waiters; called with [op] held after a change.
void publish(QueueObj* q) {
  {
    std::lock_guard<std::mutex> guard(q->signal);
    q->count = q->items.size();
    q->unfinished_copy = q->unfinished;
  }
  q->changed.notify_all();
}

// Waits without the GIL until [ready] (read under q->signal) or [deadline].
template <typename Ready>
bool wait_for_change(ThreadState& ts, QueueObj* q, const std::optional<Clock::time_point>& deadline, Ready ready) {
  ReleaseGil unlocked(ts);
  std::unique_lock<std::mutex> guard(q->signal);
  if (!deadline) {
    q->changed.wait(guard, ready);
    return true;
  }
  return q->changed.wait_until(guard, *deadline, ready);
}

// ---- The heap of PriorityQueue: heapq's algorithm, so equal keys come out in
// CPython's order.

void sift_down(ThreadState& ts, std::deque<Value>& heap, size_t start, size_t pos) {
  Value item = heap[pos];
  while (pos > start) {
    size_t parent = (pos - 1) >> 1;
    if (!less_than(ts, item, heap[parent])) break;
    heap[pos] = heap[parent];
    pos = parent;
  }
  heap[pos] = std::move(item);
}

void sift_up(ThreadState& ts, std::deque<Value>& heap, size_t pos) {
  size_t end = heap.size(), start = pos;
  Value item = heap[pos];
  size_t child = 2 * pos + 1;
  while (child < end) {
    size_t right = child + 1;
    if (right < end && !less_than(ts, heap[child], heap[right])) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = std::move(item);
  sift_down(ts, heap, start, pos);
}

void push_item(ThreadState& ts, QueueObj* q, const Value& item) {
  q->items.push_back(item);
  if (q->kind == QueueKind::Priority) sift_down(ts, q->items, 0, q->items.size() - 1);
}

Value pop_item(ThreadState& ts, QueueObj* q) {
  auto& items = q->items;
  Value out;
  if (q->kind == QueueKind::Lifo) {
    out = std::move(items.back());
    items.pop_back();
  } else if (q->kind == QueueKind::Priority) {
    Value last = std::move(items.back());
    items.pop_back();
    if (items.empty()) return last;
    out = std::move(items.front());
    items.front() = std::move(last);
    sift_up(ts, items, 0);
  } else {
    out = std::move(items.front());
    items.pop_front();
  }
  return out;
}

// ---- Arguments -----------------------------------------------------------------

QueueObj* self_queue(const Value& v) { return as<QueueObj>(v); }

// `block` and `timeout` as put() and get() take them: the deadline, none
// for waiting forever.
std::optional<Clock::time_point> deadline_of(ThreadState& ts, bool block, const Value* timeout) {
  if (!block || !timeout || timeout->is_none()) return std::nullopt;
  double t;
  if (timeout->is_intlike())
    t = static_cast<double>(timeout->as_int());
  else if (timeout->is_float())
    t = timeout->as_float();
  else
    raise(ts, ts.rt.types.TypeError, "'<' not supported between instances of '" +
                                         std::string(type_name(ts, *timeout)) + "' and 'int'");
  if (t < 0) raise(ts, ts.rt.types.ValueError, "'timeout' must be a non-negative number");
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(t));
}

bool has_timeout(const Value* timeout) { return timeout && !timeout->is_none(); }

// ---- Methods -------------------------------------------------------------------

Value queue_get_impl(ThreadState& ts, QueueObj* q, bool block, const Value* timeout) {
  auto deadline = deadline_of(ts, block, timeout);
  bool bounded_wait = block && has_timeout(timeout);
  for (;;) {
    {
      OpGuard op(ts, q);
      if (!q->items.empty()) {
        Value item = pop_item(ts, q);
        publish(q);
        return item;
      }
    }
    if (!block) raise(ts, q->empty, "");
    if (!wait_for_change(ts, q, bounded_wait ? deadline : std::nullopt, [&] { return q->count > 0; }))
      raise(ts, q->empty, "");
  }
}

void queue_put_impl(ThreadState& ts, QueueObj* q, const Value& item, bool block, const Value* timeout) {
  auto deadline = deadline_of(ts, block, timeout);
  bool bounded_wait = block && has_timeout(timeout);
  for (;;) {
    {
      OpGuard op(ts, q);
      if (q->maxsize <= 0 || static_cast<int64_t>(q->items.size()) < q->maxsize) {
        push_item(ts, q, item);
        if (q->kind != QueueKind::Simple) ++q->unfinished;
        publish(q);
        return;
      }
    }
    if (!block) raise(ts, q->full, "");
    auto room = [&] { return static_cast<int64_t>(q->count) < q->maxsize; };
    if (!wait_for_change(ts, q, bounded_wait ? deadline : std::nullopt, room)) raise(ts, q->full, "");
  }
}

// put(item, block=True, timeout=None)
Value queue_put(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[3];
  bind_arguments(ts, "put", args + 1, argc - 1, kwnames, {"item", "block", "timeout"}, a);
  if (!a[0]) raise(ts, ts.rt.types.TypeError, "put() missing 1 required positional argument: 'item'");
  queue_put_impl(ts, self_queue(args[0]), *a[0], !a[1] || truthy(ts, *a[1]), a[2]);
  return Value::none();
}

Value queue_put_nowait(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "put_nowait", argc - 1, 1, 1);
  queue_put_impl(ts, self_queue(args[0]), args[1], false, nullptr);
  return Value::none();
}

// get(block=True, timeout=None)
Value queue_get(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[2];
  bind_arguments(ts, "get", args + 1, argc - 1, kwnames, {"block", "timeout"}, a);
  return queue_get_impl(ts, self_queue(args[0]), !a[0] || truthy(ts, *a[0]), a[1]);
}

Value queue_get_nowait(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "get_nowait", argc - 1, 0, 0);
  return queue_get_impl(ts, self_queue(args[0]), false, nullptr);
}

Value queue_task_done(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "task_done", argc - 1, 0, 0);
  QueueObj* q = self_queue(args[0]);
  OpGuard op(ts, q);
  if (q->unfinished <= 0) raise(ts, ts.rt.types.ValueError, "task_done() called too many times");
  --q->unfinished;
  publish(q);
  return Value::none();
}

Value queue_join(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "join", argc - 1, 0, 0);
  QueueObj* q = self_queue(args[0]);
  wait_for_change(ts, q, std::nullopt, [&] { return q->unfinished_copy == 0; });
  return Value::none();
}

Value queue_qsize(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "qsize", argc - 1, 0, 0);
  QueueObj* q = self_queue(args[0]);
  OpGuard op(ts, q);
  return Value::integer(static_cast<int64_t>(q->items.size()));
}

Value queue_empty(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "empty", argc - 1, 0, 0);
  QueueObj* q = self_queue(args[0]);
  OpGuard op(ts, q);
  return Value::boolean(q->items.empty());
}

Value queue_full(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "full", argc - 1, 0, 0);
  QueueObj* q = self_queue(args[0]);
  OpGuard op(ts, q);
  return Value::boolean(q->maxsize > 0 && static_cast<int64_t>(q->items.size()) >= q->maxsize);
}

Value queue_get_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  QueueObj* q = self_queue(self);
  if (q->kind != QueueKind::Simple && name->text == "maxsize") return Value::integer(q->maxsize);
  if (q->kind != QueueKind::Simple && name->text == "unfinished_tasks") return Value::integer(q->unfinished);
  return Value();
}

// ---- Construction --------------------------------------------------------------

ObjType* module_exception(ThreadState& ts, const char* name) {
  if (Value* m = dict_find_str(modules_dict(ts), ts.rt.intern("queue")); m && is_kind(*m, ObjKind::Module))
    if (const Value* v = as<ObjModule>(*m)->find(ts.rt.intern(name)); v && is_kind(*v, ObjKind::Type))
      return as<ObjType>(*v);
  return ts.rt.types.Exception;
}

Value new_queue(ThreadState& ts, ObjType* type, QueueKind kind) {
  Value obj = make<QueueObj>(ts, type);
  QueueObj* q = self_queue(obj);
  q->kind = kind;
  q->empty = module_exception(ts, "Empty");
  q->full = module_exception(ts, "Full");
  return obj;
}

Value fifo_new(ThreadState& ts, ObjType* type, Value*, int, ObjTuple*) { return new_queue(ts, type, QueueKind::Fifo); }
Value lifo_new(ThreadState& ts, ObjType* type, Value*, int, ObjTuple*) { return new_queue(ts, type, QueueKind::Lifo); }
Value priority_new(ThreadState& ts, ObjType* type, Value*, int, ObjTuple*) {
  return new_queue(ts, type, QueueKind::Priority);
}
Value simple_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "SimpleQueue", argc, 0, 0);
  check_no_keywords(ts, "SimpleQueue", kwnames);
  return new_queue(ts, type, QueueKind::Simple);
}

// Queue.__init__(maxsize=0), also reached through super().__init__().
void queue_init(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[1];
  bind_arguments(ts, "Queue", args, argc, kwnames, {"maxsize"}, a);
  self_queue(self)->maxsize = a[0] ? expect_int(ts, *a[0], "maxsize") : 0;
}

Value queue_init_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  queue_init(ts, args[0], args + 1, argc - 1, kwnames);
  return Value::none();
}

ObjType* queue_type(Runtime& rt, const char* name, ObjType* base) {
  ObjType* t = new_type(rt, name, base, nullptr);
  t->tp_traverse = queue_traverse;
  t->tp_clear = queue_clear;
  t->get_attribute = queue_get_attribute;
  return t;
}

}  // namespace

void add_thread_queues(ThreadState& ts, ObjModule* module) {
  Runtime& rt = ts.rt;
  ObjType* fifo = queue_type(rt, "Queue", rt.types.object);
  fifo->tp_new = fifo_new;
  fifo->tp_init = queue_init;
  add_method(rt, fifo, "__init__", queue_init_method, "maxsize");
  add_method(rt, fifo, "put", queue_put, "item block timeout");
  add_method(rt, fifo, "put_nowait", queue_put_nowait);
  add_method(rt, fifo, "get", queue_get, "block timeout");
  add_method(rt, fifo, "get_nowait", queue_get_nowait);
  add_method(rt, fifo, "task_done", queue_task_done);
  add_method(rt, fifo, "join", queue_join);
  add_method(rt, fifo, "qsize", queue_qsize);
  add_method(rt, fifo, "empty", queue_empty);
  add_method(rt, fifo, "full", queue_full);
  ObjType* lifo = queue_type(rt, "LifoQueue", fifo);
  lifo->tp_new = lifo_new;
  ObjType* priority = queue_type(rt, "PriorityQueue", fifo);
  priority->tp_new = priority_new;
  ObjType* simple = queue_type(rt, "SimpleQueue", rt.types.object);
  simple->tp_new = simple_new;
  add_method(rt, simple, "put", queue_put, "item block timeout");
  add_method(rt, simple, "put_nowait", queue_put_nowait);
  add_method(rt, simple, "get", queue_get, "block timeout");
  add_method(rt, simple, "get_nowait", queue_get_nowait);
  add_method(rt, simple, "qsize", queue_qsize);
  add_method(rt, simple, "empty", queue_empty);
  for (ObjType* t : {fifo, lifo, priority, simple}) module->attrs.emplace_back(rt.intern(t->name), Value::borrow(t));
}

}  // namespace gil
