// multiprocessing.Queue, multiprocessing.Pipe and its Connections, and the
// `queue` module whose Empty and Full they raise.
#include <poll.h>
#include <sys/socket.h>

#include <chrono>
#include <functional>
#include <cmath>
#include <cstring>

#include "gil/modules/queue.h"
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"

#include "mp_internal.h"

namespace gil::mp {
namespace {

using Clock = std::chrono::steady_clock;

Value* arg_or_keyword(Value* args, int argc, ObjTuple* kwnames, int i, std::string_view name) {
  if (i < argc) return &args[i];
  return find_keyword(args, argc, kwnames, name);
}

// A timeout argument in seconds; unset for None or absent.
std::optional<double> timeout_arg(ThreadState& ts, const Value* v) {
  if (!v || v->is_none()) return std::nullopt;
  double t = v->is_float() ? v->as_float() : static_cast<double>(expect_int(ts, *v, "timeout"));
  if (std::isnan(t)) raise(ts, ts.rt.types.ValueError, "Invalid value NaN (not a number)");
  return t;
}

Clock::time_point deadline_after(double seconds) {
  seconds = std::min(std::max(seconds, 0.0), 1e9);
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// Whether a Ctrl-C is waiting for [ts]: a blocking call of the main thread
// gives up its wait, and the caller raises KeyboardInterrupt with the GIL.
std::function<bool()> interrupt_check(ThreadState& ts) {
  return [&ts] { return ts.is_main && ts.rt.sigint_pending.load(); };
}

// Waits (without the GIL) for [fd] to be readable for up to [timeout_ms]
// (-1: forever). Returns 1 when readable, 0 on timeout, -1 when interrupted.
int wait_readable(int fd, int timeout_ms, const std::function<bool()>& interrupted) {
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  pollfd p{fd, POLLIN, 0};
  for (;;) {
    int wait = timeout_ms;
    if (timeout_ms > 0)
      wait = static_cast<int>(std::max<int64_t>(0, std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count()));
    int r = ::poll(&p, 1, wait);
    if (r > 0) return 1;
    if (r == 0) return 0;
    if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
    if (interrupted()) return -1;
  }
}

[[noreturn]] void raise_os_error(ThreadState& ts, const std::system_error& e) {
  int code = e.code().value();
  raise(ts, ts.rt.types.OSError, "[Errno " + std::to_string(code) + "] " + std::strerror(code));
}

// ---- Queue -------------------------------------------------------------------------

QueueObj* queue_self(ThreadState& ts, const Value& v) {
  auto* q = as<QueueObj>(v);
  if (q->closed) raise(ts, ts.rt.types.ValueError, "Queue is closed");
  return q;
}

Value construct_queue(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value* maxsize = arg_or_keyword(args, argc, kwnames, 0, "maxsize");
  if (maxsize && !maxsize->is_none() && expect_int(ts, *maxsize, "maxsize") > 0)
    raise(ts, ts.rt.types.NotImplementedError, "MiniPy's Queue is unbounded: maxsize must be 0");
  Value obj = make<QueueObj>(ts, state(ts.rt).queue);
  try {
    as<QueueObj>(obj)->queue = std::make_shared<ProcessQueue>();
  } catch (const std::system_error& e) {
    raise_os_error(ts, e);
  }
  return obj;
}

Value queue_put(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc < 2) raise(ts, ts.rt.types.TypeError, "Queue.put() missing 1 required positional argument: 'obj'");
  auto* q = queue_self(ts, args[0]);
  q->queue->put(encode_message(ts, args[1]));
  return Value::none();
}

Value queue_get_impl(ThreadState& ts, const Value& self, bool block, std::optional<double> timeout) {
  auto* q = queue_self(ts, self);
  std::shared_ptr<ProcessQueue> queue = q->queue;
  std::optional<Clock::time_point> deadline;
  if (!block) deadline = Clock::now();
  else if (timeout) {
    if (*timeout < 0) raise(ts, ts.rt.types.ValueError, "'timeout' must be a non-negative number");
    deadline = deadline_after(*timeout);
  }
  std::optional<std::string> payload;
  auto interrupted = interrupt_check(ts);
  try {
    ReleaseGil unlocked(ts);
    payload = queue->get(deadline, interrupted);
  } catch (const wire::FormatError& e) {
    raise(ts, ts.rt.types.OSError, std::string("Queue.get: damaged message: ") + e.what());
  } catch (const std::system_error& e) {
    raise_os_error(ts, e);
  }
  if (!payload && interrupted()) handle_eval_breaker(ts);  // raises KeyboardInterrupt
  if (!payload) {
    auto* e = new_object<ObjException>(ts, state(ts.rt).empty);
    e->args = make_tuple(ts);
    raise_value(Value::adopt(e));
  }
  return decode_message(ts, *payload);
}

Value queue_get(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value* block = arg_or_keyword(args, argc, kwnames, 1, "block");
  Value* timeout = arg_or_keyword(args, argc, kwnames, 2, "timeout");
  return queue_get_impl(ts, args[0], !block || truthy(ts, *block), timeout_arg(ts, timeout));
}

Value queue_get_nowait(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "get_nowait", argc - 1, 0, 0);
  return queue_get_impl(ts, args[0], false, std::nullopt);
}

Value queue_qsize(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return Value::integer(queue_self(ts, args[0])->queue->size());
}

// As CPython's: whether the pipe has a message now. A put() still in its
// feeder's buffer is not there yet, so this may be True just after a put.
Value queue_empty(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return Value::boolean(!queue_self(ts, args[0])->queue->readable());
}

Value queue_full(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) { return Value::boolean(false); }

Value queue_close(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  as<QueueObj>(args[0])->closed = true;
  return Value::none();
}

Value queue_join_thread(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  std::shared_ptr<ProcessQueue> queue = as<QueueObj>(args[0])->queue;
  ReleaseGil unlocked(ts);
  queue->flush();
  return Value::none();
}

Value queue_cancel_join_thread(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  as<QueueObj>(args[0])->queue->cancel_flush();
  return Value::none();
}

// ---- Connection and Pipe ----------------------------------------------------------------

ConnectionObj* open_connection(ThreadState& ts, const Value& v) {
  auto* c = as<ConnectionObj>(v);
  if (!c->conn || c->conn->fd() < 0) raise(ts, ts.rt.types.OSError, "handle is closed");
  return c;
}

// Sends [payload] on the connection [self], without the GIL.
void send_payload(ThreadState& ts, const Value& self, const std::string& payload) {
  std::shared_ptr<Connection> conn = as<ConnectionObj>(self)->conn;
  try {
    ReleaseGil unlocked(ts);
    conn->send_bytes(payload);
  } catch (const std::system_error& e) {
    raise_os_error(ts, e);
  }
}

// Checks that [self] may send; the connection.
ConnectionObj* writable_connection(ThreadState& ts, const Value& self) {
  auto* c = open_connection(ts, self);
  if (!c->writable) raise(ts, ts.rt.types.OSError, "connection is read-only");
  return c;
}

// Receives one message's payload for method [what] (recv, recv_bytes),
// without the GIL: EOFError when the other end is closed, KeyboardInterrupt
// on Ctrl-C, OSError for a damaged frame.
std::string receive_payload(ThreadState& ts, const Value& self, const char* what) {
  auto* c = open_connection(ts, self);
  if (!c->readable) raise(ts, ts.rt.types.OSError, "connection is write-only");
  std::shared_ptr<Connection> conn = c->conn;
  std::optional<std::string> payload;
  auto interrupted = interrupt_check(ts);
  int ready = 0;
  try {
    ReleaseGil unlocked(ts);
    ready = wait_readable(conn->fd(), -1, interrupted);
    if (ready > 0) payload = conn->recv_bytes();
  } catch (const wire::FormatError& e) {
    raise(ts, ts.rt.types.OSError, std::string("Connection.") + what + ": damaged message: " + e.what());
  } catch (const std::system_error& e) {
    raise_os_error(ts, e);
  }
  if (ready < 0) handle_eval_breaker(ts);  // raises KeyboardInterrupt
  if (!payload) {
    auto* e = new_object<ObjException>(ts, ts.rt.types.EOFError);
    e->args = make_tuple(ts);
    raise_value(Value::adopt(e));
  }
  return std::move(*payload);
}

Value connection_send(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "send", argc - 1, 1, 1);
  writable_connection(ts, args[0]);
  send_payload(ts, args[0], encode_message(ts, args[1]));
  return Value::none();
}

Value connection_recv(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "recv", argc - 1, 0, 0);
  return decode_message(ts, receive_payload(ts, args[0], "recv"));
}

// send_bytes(buf) and recv_bytes(): raw bytes, without the value encoding.
Value connection_send_bytes(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "send_bytes", argc - 1, 1, 1);
  writable_connection(ts, args[0]);
  if (!is_bytes(args[1]))
    raise(ts, ts.rt.types.TypeError,
          "memoryview: a bytes-like object is required, not '" + std::string(type_name(ts, args[1])) + "'");
  send_payload(ts, args[0], as<ObjBytes>(args[1])->data);
  return Value::none();
}

Value connection_recv_bytes(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "recv_bytes", argc - 1, 0, 0);
  return make_bytes(receive_payload(ts, args[0], "recv_bytes"));
}

Value connection_poll(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* c = open_connection(ts, args[0]);
  if (!c->readable) raise(ts, ts.rt.types.OSError, "connection is write-only");
  Value* timeout = arg_or_keyword(args, argc, kwnames, 1, "timeout");
  // poll() with no argument returns at once; poll(None) waits for ever.
  std::chrono::milliseconds wait{0};
  if (timeout) {
    std::optional<double> t = timeout_arg(ts, timeout);
    wait = t ? std::chrono::milliseconds(static_cast<int64_t>(std::ceil(std::max(*t, 0.0) * 1000)))
             : std::chrono::milliseconds(-1);
  }
  std::shared_ptr<Connection> conn = c->conn;
  auto interrupted = interrupt_check(ts);
  int ready;
  try {
    ReleaseGil unlocked(ts);
    ready = wait_readable(conn->fd(), static_cast<int>(std::min<int64_t>(wait.count(), 1 << 30)), interrupted);
  } catch (const std::system_error& e) {
    raise_os_error(ts, e);
  }
  if (ready < 0) handle_eval_breaker(ts);  // raises KeyboardInterrupt
  return Value::boolean(ready > 0);
}

Value connection_close(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* c = as<ConnectionObj>(args[0]);
  if (c->conn) c->conn->close();
  return Value::none();
}

Value connection_fileno(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return Value::integer(open_connection(ts, args[0])->conn->fd());
}

Value connection_get_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* c = as<ConnectionObj>(self);
  if (name->text == "closed") return Value::boolean(!c->conn || c->conn->fd() < 0);
  if (name->text == "readable") return Value::boolean(c->readable);
  if (name->text == "writable") return Value::boolean(c->writable);
  return Value();
}

Value connection_enter(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) { return args[0]; }

Value mp_pipe(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  Value* duplex_arg = arg_or_keyword(args, argc, kwnames, 0, "duplex");
  bool duplex = !duplex_arg || truthy(ts, *duplex_arg);
  State& st = state(ts.rt);
  std::pair<Connection, Connection> pair = [&] {
    try {
      return make_connection_pair();
    } catch (const std::system_error& e) {
      raise_os_error(ts, e);
    }
  }();
  Value a = make<ConnectionObj>(ts, st.connection), b = make<ConnectionObj>(ts, st.connection);
  as<ConnectionObj>(a)->conn = std::make_shared<Connection>(std::move(pair.first));
  as<ConnectionObj>(b)->conn = std::make_shared<Connection>(std::move(pair.second));
  if (!duplex) {
    // Pipe(duplex=False) returns (reader, writer), as CPython does.
    as<ConnectionObj>(a)->writable = false;
    as<ConnectionObj>(b)->readable = false;
  }
  return make_tuple(ts, {a, b});
}

}  // namespace

void install_channels(Runtime& rt, State& st) {
  st.queue = gil::new_type(rt, "Queue", rt.types.object, construct_queue);
  // An unbounded queue never blocks a put: block and timeout change nothing.
  add_method(rt, st.queue, "put", queue_put, "block timeout");
  add_method(rt, st.queue, "put_nowait", queue_put);
  add_method(rt, st.queue, "get", queue_get, "block timeout");
  add_method(rt, st.queue, "get_nowait", queue_get_nowait);
  add_method(rt, st.queue, "qsize", queue_qsize);
  add_method(rt, st.queue, "empty", queue_empty);
  add_method(rt, st.queue, "full", queue_full);
  add_method(rt, st.queue, "close", queue_close);
  add_method(rt, st.queue, "join_thread", queue_join_thread);
  add_method(rt, st.queue, "cancel_join_thread", queue_cancel_join_thread);
  st.connection = gil::new_type(rt, "Connection", rt.types.object, nullptr);
  st.connection->get_attribute = connection_get_attribute;
  // Queues and connections hold no Values but a subclass's __dict__.
  for (ObjType* t : {st.queue, st.connection}) {
    t->tp_traverse = opaque_traverse;
    t->tp_clear = opaque_clear;
  }
  add_method(rt, st.connection, "send", connection_send);
  add_method(rt, st.connection, "recv", connection_recv);
  add_method(rt, st.connection, "send_bytes", connection_send_bytes);
  add_method(rt, st.connection, "recv_bytes", connection_recv_bytes);
  add_method(rt, st.connection, "poll", connection_poll, "timeout");
  add_method(rt, st.connection, "close", connection_close);
  add_method(rt, st.connection, "fileno", connection_fileno);
  add_method(rt, st.connection, "__enter__", connection_enter);
  add_method(rt, st.connection, "__exit__", connection_close);
}

void add_channel_functions(ThreadState& ts, ObjModule* m) {
  Runtime& rt = ts.rt;
  m->attrs.emplace_back(rt.intern("Queue"), Value::borrow(state(rt).queue));
  m->attrs.emplace_back(rt.intern("Pipe"), make_native("Pipe", mp_pipe, "duplex"));
}

Value make_queue_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  State& st = state(rt);
  auto* m = new_object<ObjModule>(ts, "queue");
  Value module = Value::adopt(m);
  m->attrs.emplace_back(rt.intern("Empty"), Value::borrow(st.empty));
  m->attrs.emplace_back(rt.intern("Full"), Value::borrow(st.full));
  add_thread_queues(ts, m);
  return module;
}

}  // namespace gil::mp
