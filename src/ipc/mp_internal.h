// What the files of MiniPy's multiprocessing module share: the module's
// per-runtime state, the wire extension that carries functions and
// inherited handles, and the child side of `spawn`. Private to
// src/concurrency/mp_*.cc and multiprocessing.cc.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "gil/ipc/connection.h"
#include "gil/ipc/process.h"
#include "gil/ipc/process_queue.h"
#include "gil/ipc/wire.h"
#include "gil/runtime/runtime.h"

namespace gil::mp {

// A multiprocessing.Queue: the shared ProcessQueue behind a Python object.
struct QueueObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  std::shared_ptr<ProcessQueue> queue;
  bool closed = false;
};

// One end of a multiprocessing.Pipe.
struct ConnectionObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  std::shared_ptr<Connection> conn;
  bool readable = true, writable = true;
};

// What the module keeps per runtime (Runtime::multiprocessing).
struct State {
  ObjType *process, *queue, *connection, *pool, *empty, *full, *pickling_error;
  // This process's name ("MainProcess", "Process-1"...) and the identity its
  // children's names start with ("" in the main process, "1" in Process-1).
  std::string name = "MainProcess";
  std::string identity;
  // Children made so far here, for their names (CPython's _process_counter).
  int counter = 0;
  // Started Process objects not yet joined; the runtime's exit joins them.
  std::vector<Value> children;
  // Handles decoded from this process's spawn message, by first descriptor,
  // so that a Queue passed twice is one object.
  std::unordered_map<int, Value> inherited;
  Value current_process;
};

State& state(Runtime& rt);

// The next child identity ("3", or "1:3" inside Process-1), which names it
// "<prefix>-<identity>".
std::string next_child_identity(State& st);

// How a message may use the extension: Spawn (a child's arguments: functions
// and inherited handles) or Message (Queue/Pipe traffic: functions only).
enum class Use { Spawn, Message };

// The wire extension: functions by name ('F', looked up in __main__ on
// arrival), builtins by name ('B'), instances by reduction ('O'), and in Spawn use Queue ('Q' + 3
// descriptors) and Connection ('C' + descriptor + flags) handles, whose
// descriptors it collects for the child to inherit.
class Extension : public wire::Extension {
 public:
  explicit Extension(Use use) : use_(use) {}
  bool encode(ThreadState& ts, const Value& v, std::string& body) override;
  Value decode(ThreadState& ts, std::string_view body) override;
  // The descriptors the encoded handles need.
  const std::vector<int>& fds() const { return fds_; }

 private:
  Use use_;
  std::vector<int> fds_;
};

// Instances (of classes, of classes deriving from built-ins, exceptions) as
// pickle's reduce sends them: appends 'O' and the reduction to [body], or
// returns false for a value that is not such an instance (mp_reduce.cc).
bool reduce_object(ThreadState& ts, const Value& v, std::string& body, wire::Extension& ext);
// Makes the instance again from a body reduce_object wrote (after its 'O').
Value rebuild_object(ThreadState& ts, std::string_view body, wire::Extension& ext);

// Encodes [v] for a Queue or Pipe message; decodes one.
std::string encode_message(ThreadState& ts, const Value& v);
Value decode_message(ThreadState& ts, std::string_view payload);

// The command-line arguments that give a child this runtime's GIL
// configuration, and the reverse. parse returns false on a bad argument.
std::vector<std::string> gil_args(const GilConfig& gil);

// Starts a child in role [role] ("process" or "pool") and sends it the
// bootstrap message: (role, name, identity, file, source, argv, call) where
// identity is the child's ("1", "1:2"), which its own children's names
// extend, and call is an encoded (target, args, kwargs) or "". Returns the
// child and the parent's end of its channel.
struct Spawned {
  std::unique_ptr<ChildProcess> child;
  std::shared_ptr<Connection> channel;
};
Spawned spawn_child(ThreadState& ts, const char* role, const std::string& name, const std::string& identity,
                    const std::string& call, const std::vector<int>& inherit);

// Raises [type_name] (a builtin exception type, else RuntimeError) with
// [args]: how an exception from a child comes back to the parent.
[[noreturn]] void raise_remote(ThreadState& ts, const std::string& type_name, Value args);

// The types and functions of the parts, registered on the module.
void install_channels(Runtime& rt, State& st);
void install_pool(Runtime& rt, State& st);
Value make_queue_module(ThreadState& ts);
void add_channel_functions(ThreadState& ts, ObjModule* m);
void add_pool_functions(ThreadState& ts, ObjModule* m);

// A pool worker's loop, in the child, after the top level ran.
int serve_pool(ThreadState& ts, Connection& channel);


}  // namespace gil::mp
