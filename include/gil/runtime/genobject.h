// Generators, after CPython 3.11's Objects/genobject.c.
//
// The frame layout, which coroutines will share: a generator owns its
// frame's state between runs, as CPython 3.11 keeps the _PyInterpreterFrame
// (locals and value stack) inside the generator object. Calling a generator
// function runs its prologue (cells) and then RETURN_GENERATOR, which moves
// the frame's locals into a new ObjGenerator and returns it. Every resumption
// (next, send, throw, close) moves those values back onto the thread's value
// stack above the resumer and links a Frame into ts.frames, so the frame runs
// exactly as any other (calls from it, tracebacks, the recursion limit);
// YIELD_VALUE moves them out again and unlinks the frame. The values stay
// owned by exactly one place at a time: the generator while it is
// suspended, the thread's stack while it runs. The move costs one Value per
// live slot, no allocation.
#pragma once

#include <cstdint>
#include <vector>

#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"

namespace gil {

struct ObjGenerator : ObjOpaque {
  enum class State : uint8_t { Created, Suspended, Running, Finished };
  ObjGenerator(ObjType* t, Value code) : ObjOpaque(t), code(std::move(code)) {}
  ~ObjGenerator() override;

  ObjCode* code_obj() const { return as<ObjCode>(code); }

  // The code object the frame runs (names the generator).
  Value code;
  // The function that made it: it stands in the frame's callable slot while
  // the frame runs (as a call's callable does), and keeps the code alive.
  Value function;
  // The suspended frame: its locals, then [stack_depth] values of its
  // operand stack. Sized once, for the code's locals and largest stack.
  std::vector<Value> slots;
  uint32_t stack_depth = 0;
  // The instruction the frame resumes at.
  const uint32_t* ip = nullptr;
  State state = State::Created;
  // The exception an `except` block of the frame was handling when it
  // yielded (CPython's gi_exc_state), or Empty.
  Value exc_state;
  // While the frame runs: the exception its resumer was handling, which
  // comes back when the frame yields or ends (CPython links the two in
  // the thread's exc_info chain).
  Value resumer_exception;
  // Its runtime: the destructor closes a suspended generator on the thread
  // that holds this runtime's GIL.
  Runtime* runtime = nullptr;
};

inline bool is_generator(ThreadState& ts, const Value& v) {
  return v.is_obj() && v.as_obj()->type == ts.rt.types.generator;
}

// RETURN_GENERATOR: a new generator that takes over [frame]'s locals and
// the [sp - locals] values above them; the frame resumes at [ip].
Value make_generator(ThreadState& ts, const Frame& frame, Value* sp, const uint32_t* ip);

// YIELD_VALUE: stores the running frame's values (locals up to [sp]) and
// its resumption point back into [gen], which becomes Suspended, and gives
// the resumer back its handled exception.
void suspend_generator(ThreadState& ts, ObjGenerator* gen, const Frame& frame, Value* sp, const uint32_t* ip);

// Whether the eval loop may resume [gen] by linking its frame (neither
// running nor finished).
inline bool generator_resumable(const ObjGenerator* gen) {
  return gen->state == ObjGenerator::State::Suspended || gen->state == ObjGenerator::State::Created;
}

// Marks [gen] Running and installs the exception its frame was handling
// when it yielded; the resumer's is kept until the frame yields or ends.
void begin_generator_run(ThreadState& ts, ObjGenerator* gen);

// The frame of [gen] returned, or an exception left it: [gen] is Finished,
// its saved values dropped, and the resumer's handled exception restored.
void finish_generator(ThreadState& ts, ObjGenerator* gen);

// The exception [exc] left the frame of [gen]: finishes it, and returns the
// exception its resumer sees (PEP 479: a StopIteration becomes RuntimeError).
Value generator_raised(ThreadState& ts, ObjGenerator* gen, Value exc);

// SEND and `yield from`: sends [v] to [receiver] (next() for None on an
// iterator, else its send method). True when it yielded [out]; false when it
// finished, with its return value in [out].
bool send_to(ThreadState& ts, const Value& receiver, const Value& v, Value& out);

// next(gen): the yielded value; StopIteration carrying the return value
// when the generator ends (tp_iternext drops that value).
Value generator_next(ThreadState& ts, ObjGenerator* gen);

// gen.send(v) as the VM's protocols need it: true when the generator
// yielded [out], false when it returned (its value in [out]).
bool generator_send(ThreadState& ts, ObjGenerator* gen, Value v, Value& out);

// Fills the generator type's slots and methods.
void init_generator_type(Runtime& rt);

}  // namespace gil
