// multiprocessing.Pool: worker processes that call a function on chunks of
// an iterable. The parent hands out chunks as workers finish, so a slow
// chunk does not hold up the rest, and puts the results back in order.
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <tuple>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"

#include "mp_internal.h"

namespace gil::mp {
namespace {

struct PoolWorker {
  std::unique_ptr<ChildProcess> child;
  std::shared_ptr<Connection> channel;
  // The chunk it is working on, or -1.
  int chunk = -1;
};

struct PoolObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  std::vector<PoolWorker> workers;
  enum class Phase { Running, Closed, Terminated } phase = Phase::Running;
  // Held by the thread whose map() owns the workers' channels: map() from
  // two threads takes turns, as the workers answer in order of tasks given.
  // Taken with the GIL released.
  std::mutex busy;
};

Value* arg_or_keyword(Value* args, int argc, ObjTuple* kwnames, int i, std::string_view name) {
  if (i < argc) return &args[i];
  return find_keyword(args, argc, kwnames, name);
}

void terminate(ThreadState& ts, PoolObj* pool) {
  pool->phase = PoolObj::Phase::Terminated;
  ReleaseGil unlocked(ts);
  for (auto& w : pool->workers) w.child->kill_group(SIGTERM);
  for (auto& w : pool->workers) w.child->wait();
}

Value construct_pool(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  State& st = state(ts.rt);
  Value* processes = arg_or_keyword(args, argc, kwnames, 0, "processes");
  int64_t n = processes && !processes->is_none() ? expect_int(ts, *processes, "processes")
                                                 : std::max<long>(1, sysconf(_SC_NPROCESSORS_ONLN));
  if (n < 1) raise(ts, ts.rt.types.ValueError, "Number of processes must be at least 1");
  if (n > 256) raise(ts, ts.rt.types.ValueError, "MiniPy's Pool takes at most 256 processes");
  Value obj = make<PoolObj>(ts, st.pool);
  auto* pool = as<PoolObj>(obj);
  for (int64_t i = 0; i < n; ++i) {
    std::string identity = next_child_identity(st);
    Spawned s = spawn_child(ts, "pool", "SpawnPoolWorker-" + identity, identity, "", {});
    pool->workers.push_back({std::move(s.child), std::move(s.channel), -1});
  }
  return obj;
}

PoolObj* running_pool(ThreadState& ts, const Value& v) {
  auto* pool = as<PoolObj>(v);
  if (pool->phase != PoolObj::Phase::Running) raise(ts, ts.rt.types.ValueError, "Pool not running");
  return pool;
}

// What a worker sent back (or that it died), read without the GIL.
struct Arrival {
  size_t worker;
  std::optional<std::string> payload;  // nullopt: the worker's channel closed
  std::string damage;                  // a FormatError's message
};

// Waits for at least one busy worker to answer. Returns nothing when SIGINT
// interrupted the wait.
std::vector<Arrival> wait_for_answers(ThreadState& ts, PoolObj* pool) {
  std::vector<pollfd> fds;
  std::vector<size_t> index;
  for (size_t i = 0; i < pool->workers.size(); ++i)
    if (pool->workers[i].chunk >= 0) {
      fds.push_back({pool->workers[i].channel->fd(), POLLIN, 0});
      index.push_back(i);
    }
  std::vector<Arrival> arrivals;
  ReleaseGil unlocked(ts);
  while (::poll(fds.data(), fds.size(), -1) < 0) {
    if (ts.is_main && ts.rt.sigint_pending.load()) return arrivals;
  }
  for (size_t k = 0; k < fds.size(); ++k) {
    if (!fds[k].revents) continue;
    Arrival a{index[k], std::nullopt, ""};
    try {
      a.payload = pool->workers[index[k]].channel->recv_bytes();
    } catch (const wire::FormatError& e) {
      a.damage = e.what();
    } catch (const std::system_error& e) {
      a.damage = e.what();
    }
    arrivals.push_back(std::move(a));
  }
  return arrivals;
}

// Runs [func] over [chunks] on the pool; returns each chunk's results.
std::vector<Value> run_chunks(ThreadState& ts, PoolObj* pool, const Value& func, std::vector<Value> chunks,
                              bool star, const Value& kwargs = Value()) {
  // Every chunk is encoded before any is sent, so a value that cannot be
  // sent fails the call with the workers untouched.
  std::vector<std::string> payloads;
  for (const Value& chunk : chunks)
    payloads.push_back(encode_message(
        ts, make_tuple(ts, {make_str("run"), func, chunk, Value::boolean(star), kwargs.is_empty() ? Value::none() : kwargs})));
  std::unique_lock<std::mutex> busy(pool->busy, std::defer_lock);
  {
    ReleaseGil unlocked(ts);
    busy.lock();
  }
  if (pool->phase == PoolObj::Phase::Terminated) raise(ts, ts.rt.types.ValueError, "Pool not running");
  std::vector<Value> results(chunks.size());
  // The first failing chunk's (type name, args, the exception or Empty).
  std::optional<std::tuple<std::string, Value, Value>> first_error;
  size_t first_error_chunk = chunks.size();
  size_t next = 0, outstanding = 0;
  // A call that ends by an exception with chunks still out (Ctrl-C, a
  // damaged answer) leaves answers no one will read: the pool cannot be
  // trusted any more, so it is terminated.
  struct TerminateUnlessDone {
    ThreadState& ts;
    PoolObj* pool;
    size_t& outstanding;
    ~TerminateUnlessDone() {
      if (outstanding > 0 && pool->phase != PoolObj::Phase::Terminated) terminate(ts, pool);
    }
  } guard{ts, pool, outstanding};
  auto give = [&](PoolWorker& w) {
    size_t c = next++;
    const std::string& payload = payloads[c];
    w.chunk = static_cast<int>(c);
    ++outstanding;
    try {
      ReleaseGil unlocked(ts);
      w.channel->send_bytes(payload);
    } catch (const std::system_error&) {
      // The worker is gone; its channel's end of file reports it below.
    }
  };
  for (auto& w : pool->workers)
    if (next < chunks.size()) give(w);
  while (outstanding > 0) {
    std::vector<Arrival> arrivals = wait_for_answers(ts, pool);
    if (arrivals.empty()) handle_eval_breaker(ts);  // raises KeyboardInterrupt; the guard terminates
    for (Arrival& a : arrivals) {
      PoolWorker& w = pool->workers[a.worker];
      size_t chunk = static_cast<size_t>(w.chunk);
      if (!a.payload) {
        int pid = w.child->pid();
        std::string why = a.damage.empty() ? "" : " after a damaged message (" + a.damage + ")";
        w.child->kill_group(SIGKILL);
        ExitStatus status;
        {
          ReleaseGil unlocked(ts);
          status = w.child->wait();
        }
        terminate(ts, pool);
        raise(ts, ts.rt.types.RuntimeError,
              "a worker process of the pool (pid " + std::to_string(pid) + ") ended" + why + " while running a task: " +
                  status.describe() + "; the pool was terminated");
      }
      w.chunk = -1;
      Value answer = decode_message(ts, *a.payload);
      --outstanding;
      auto& m = as<ObjTuple>(answer)->items;
      if (as<ObjStr>(m[0])->text == "ok") {
        results[chunk] = m[1];
      } else if (chunk < first_error_chunk) {
        first_error_chunk = chunk;
        first_error = {as<ObjStr>(m[1])->text, m[2], m.size() > 3 ? m[3] : Value()};
      }
      if (next < chunks.size()) give(w);
    }
  }
  if (first_error) {
    auto& [type_name, args, exception] = *first_error;
    if (is_kind(exception, ObjKind::Exception)) raise_value(exception);
    raise_remote(ts, type_name, args);
  }
  return results;
}

// Splits [items] as CPython's Pool.map does: about four chunks per worker.
std::vector<Value> split(ThreadState& ts, std::vector<Value>& items, size_t workers, int64_t chunksize) {
  if (chunksize <= 0) {
    chunksize = static_cast<int64_t>(items.size() / (workers * 4));
    if (items.size() % (workers * 4)) ++chunksize;
  }
  std::vector<Value> chunks;
  for (size_t i = 0; i < items.size(); i += static_cast<size_t>(chunksize)) {
    size_t end = std::min(items.size(), i + static_cast<size_t>(chunksize));
    chunks.push_back(make_list(ts, std::vector<Value>(items.begin() + static_cast<long>(i), items.begin() + static_cast<long>(end))));
  }
  return chunks;
}

Value map_impl(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames, bool star, const char* name) {
  if (argc < 3) raise(ts, ts.rt.types.TypeError, std::string("Pool.") + name + "() missing required arguments: 'func' and 'iterable'");
  auto* pool = running_pool(ts, args[0]);
  Value* chunksize_arg = arg_or_keyword(args, argc, kwnames, 3, "chunksize");
  int64_t chunksize = chunksize_arg && !chunksize_arg->is_none() ? expect_int(ts, *chunksize_arg, "chunksize") : 0;
  if (chunksize_arg && !chunksize_arg->is_none() && chunksize < 1)
    raise(ts, ts.rt.types.ValueError, "Chunksize must be 1+, not " + std::to_string(chunksize));
  std::vector<Value> items = collect(ts, args[2]);
  std::vector<Value> chunks = split(ts, items, pool->workers.size(), chunksize);
  std::vector<Value> out;
  for (const Value& r : run_chunks(ts, pool, args[1], std::move(chunks), star))
    for (const Value& v : as<ObjList>(r)->items) out.push_back(v);
  return make_list(ts, std::move(out));
}

Value pool_map(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return map_impl(ts, args, argc, kwnames, false, "map");
}

Value pool_starmap(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  return map_impl(ts, args, argc, kwnames, true, "starmap");
}

Value pool_apply(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc < 2) raise(ts, ts.rt.types.TypeError, "Pool.apply() missing 1 required positional argument: 'func'");
  auto* pool = running_pool(ts, args[0]);
  Value* fargs = arg_or_keyword(args, argc, kwnames, 2, "args");
  Value* kwds = arg_or_keyword(args, argc, kwnames, 3, "kwds");
  Value call_args = fargs ? make_tuple(ts, collect(ts, *fargs)) : make_tuple(ts);
  Value kwargs;
  if (kwds && !kwds->is_none()) {
    if (!is_dict(*kwds)) raise(ts, ts.rt.types.TypeError, "kwds must be a dict");
    for (auto& e : as<ObjDict>(*kwds)->entries)
      if (!e.key.is_empty() && !is_str(e.key)) raise(ts, ts.rt.types.TypeError, "keywords must be strings");
    kwargs = *kwds;
  }
  std::vector<Value> chunks = {make_list(ts, {call_args})};
  return as<ObjList>(run_chunks(ts, pool, args[1], std::move(chunks), true, kwargs)[0])->items[0];
}

Value pool_close(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* pool = as<PoolObj>(args[0]);
  if (pool->phase == PoolObj::Phase::Running) pool->phase = PoolObj::Phase::Closed;
  return Value::none();
}

Value pool_join(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto* pool = as<PoolObj>(args[0]);
  if (pool->phase == PoolObj::Phase::Running) raise(ts, ts.rt.types.ValueError, "Pool is still running");
  ReleaseGil unlocked(ts);
  for (auto& w : pool->workers) w.channel->close();  // the workers' end of file
  for (auto& w : pool->workers) w.child->wait();
  return Value::none();
}

Value pool_terminate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  terminate(ts, as<PoolObj>(args[0]));
  return Value::none();
}

Value pool_enter(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  running_pool(ts, args[0]);
  return args[0];
}

}  // namespace

void install_pool(Runtime& rt, State& st) {
  st.pool = gil::new_type(rt, "Pool", rt.types.object, construct_pool);
  st.pool->tp_traverse = opaque_traverse;  // no Values but a subclass's __dict__
  st.pool->tp_clear = opaque_clear;
  add_method(rt, st.pool, "map", pool_map, "chunksize");
  add_method(rt, st.pool, "starmap", pool_starmap, "chunksize");
  add_method(rt, st.pool, "apply", pool_apply, "args kwds");
  add_method(rt, st.pool, "close", pool_close);
  add_method(rt, st.pool, "join", pool_join);
  add_method(rt, st.pool, "terminate", pool_terminate);
  add_method(rt, st.pool, "__enter__", pool_enter);
  add_method(rt, st.pool, "__exit__", pool_terminate);
}

void add_pool_functions(ThreadState& ts, ObjModule* m) {
  m->attrs.emplace_back(ts.rt.intern("Pool"), Value::borrow(state(ts.rt).pool));
}

int serve_pool(ThreadState& ts, Connection& channel) {
  for (;;) {
    std::optional<std::string> payload;
    {
      ReleaseGil unlocked(ts);
      payload = channel.recv_bytes();
    }
    if (!payload) return 0;
    // ("run", func, items, star, kwargs or None), as Pool sends it.
    Value task = decode_message(ts, *payload);
    const std::vector<Value>& t = wire::expect_tuple(task, 5, "a pool task");
    if (!is_str(t[0]) || as<ObjStr>(t[0])->text != "run")
      throw wire::FormatError("a pool task's verb must be 'run', not " + wire::describe(t[0]));
    const std::vector<Value>& chunk = wire::expect_list(t[2], "a pool task's items");
    if (!t[3].is_bool()) throw wire::FormatError("a pool task's star flag must be a bool, not " + wire::describe(t[3]));
    if (!t[4].is_none() && !is_dict(t[4]))
      throw wire::FormatError("a pool task's kwargs must be a dict or None, not " + wire::describe(t[4]));
    bool star = t[3].as_bool();
    // apply()'s keyword arguments, after the positional ones.
    std::vector<Value> kw_values;
    Value kwnames;
    if (is_dict(t[4])) {
      std::vector<Value> names;
      for (auto& e : as<ObjDict>(t[4])->entries) {
        if (e.key.is_empty()) continue;
        // looked up by pointer
        names.push_back(Value::borrow(ts.rt.intern(wire::expect_str(e.key, "a keyword name"))));
        kw_values.push_back(e.value);
      }
      if (!names.empty()) kwnames = make_tuple(ts, std::move(names));
    }
    Value answer;
    try {
      std::vector<Value> results;
      for (const Value& item : chunk) {
        if (star) {
          std::vector<Value> a = collect(ts, item);
          int positional = static_cast<int>(a.size());
          a.insert(a.end(), kw_values.begin(), kw_values.end());
          results.push_back(call(ts, t[1], a.data(), positional, kwnames.is_empty() ? nullptr : as<ObjTuple>(kwnames)));
        } else {
          Value a = item;
          results.push_back(call(ts, t[1], &a, 1));
        }
      }
      answer = make_tuple(ts, {make_str("ok"), make_list(ts, std::move(results))});
      std::string reply = encode_message(ts, answer);
      ReleaseGil unlocked(ts);
      channel.send_bytes(reply);
      continue;
    } catch (PyException& pe) {
      auto* e = as<ObjException>(pe.exception);
      // The exception itself when it pickles (its class by name, its args
      // and attributes), else its type's name and args, else its message.
      std::string reply;
      try {
        reply = encode_message(ts, make_tuple(ts, {make_str("error"), make_str(e->type->name), e->args, pe.exception}));
      } catch (PyException&) {
        Value args = e->args;
        try {
          encode_message(ts, args);
        } catch (PyException&) {
          args = make_tuple(ts, {make_str(exception_message(ts, e))});
        }
        reply = encode_message(ts, make_tuple(ts, {make_str("error"), make_str(e->type->name), args}));
      }
      ReleaseGil unlocked(ts);
      channel.send_bytes(reply);
    }
  }
}

}  // namespace gil::mp
