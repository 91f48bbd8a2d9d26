// `generator`, after CPython 3.11's Objects/genobject.c: next, send, throw
// and close over a frame that suspends (genobject.h has the frame layout),
// `yield from` delegation, PEP 479 (a StopIteration escaping the frame
// becomes RuntimeError), and close() when an unfinished generator is freed.
#include "gil/runtime/genobject.h"

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"
#include "gil/runtime/vm.h"

#include "builtin_types.h"

namespace gil {
namespace {

ObjGenerator* as_generator(const Value& v) { return static_cast<ObjGenerator*>(v.as_obj()); }

bool is_instance_of(const Value& exc, ObjType* type) {
  return is_kind(exc, ObjKind::Exception) && as<ObjException>(exc)->type->is_subtype_of(type);
}

// StopIteration.value: its first argument, or None.
Value stop_iteration_value(const Value& exc) {
  auto& args = as<ObjTuple>(as<ObjException>(exc)->args)->items;
  return args.empty() ? Value::none() : args[0];
}

// StopIteration(value), as a generator's return raises it to send().
[[noreturn]] void raise_stop_iteration(ThreadState& ts, Value value) {
  auto* e = new_object<ObjException>(ts, ts.rt.types.StopIteration);
  e->args = value.is_none() ? make_tuple(ts) : make_tuple(ts, {std::move(value)});
  raise_value(Value::adopt(e));
}

// Drops what a finished generator's frame still held.
void release_frame(ObjGenerator* gen) {
  for (Value& v : gen->slots) v = Value();
  gen->stack_depth = 0;
  gen->exc_state = Value();
  gen->resumer_exception = Value();
}

// Runs the frame until it yields or ends: with [sent] as the value of the
// yield it is suspended at, or with [thrown] raised there. True when it
// yielded [out]; false when it returned [out]. The eval loop resumes a
// generator from FOR_ITER and SEND without coming here (vm.cc); both ways
// share begin_generator_run, suspend_generator and finish_generator.
bool resume(ThreadState& ts, ObjGenerator* gen, Value sent, Value thrown, Value& out) {
  if (gen->state == ObjGenerator::State::Running)
    raise(ts, ts.rt.types.ValueError, "generator already executing");
  if (gen->state == ObjGenerator::State::Finished) {
    if (!thrown.is_empty()) raise_value(std::move(thrown));
    out = Value::none();
    return false;
  }
  // The resumer's reference may be the last one (a generator that closes
  // itself from a for loop's body); the frame must not outlive it.
  Value keep = Value::borrow(gen);
  bool started = gen->state != ObjGenerator::State::Created;
  begin_generator_run(ts, gen);
  try {
    out = resume_generator_frame(ts, gen, started ? std::move(sent) : Value(), std::move(thrown));
  } catch (PyException& pe) {
    // Raised before the frame was linked (the recursion limit): unwinding
    // has not finished the generator.
    if (gen->state == ObjGenerator::State::Running) pe.exception = generator_raised(ts, gen, pe.exception);
    throw;
  }
  return gen->state == ObjGenerator::State::Suspended;
}

// The iterator a frame suspended inside `yield from` delegates to (the top
// of its saved stack), or Empty. YIELD_VALUE's operand marks those yields.
Value delegate_of(const ObjGenerator* gen) {
  if (gen->state != ObjGenerator::State::Suspended) return Value();
  uint32_t last = gen->ip[-1];
  if (opcode_of(last) != Op::YIELD_VALUE || operand_of(last) != 1) return Value();
  return gen->slots[static_cast<size_t>(gen->code_obj()->local_count()) + gen->stack_depth - 1];
}

// The delegate finished with [value] outside the frame's own SEND (a throw
// it returned from): the frame leaves its `yield from` loop, the receiver
// popped, at SEND's exit with [value] as the expression's result.
bool leave_yield_from(ThreadState& ts, ObjGenerator* gen, Value value, Value& out) {
  const uint32_t* start = gen->code_obj()->code.data();
  // ip is at the loop's JUMP_BACKWARD, whose target is the SEND.
  const uint32_t* send = start + operand_of(*gen->ip);
  gen->slots[static_cast<size_t>(gen->code_obj()->local_count()) + --gen->stack_depth] = Value();
  gen->ip = start + operand_of(*send);
  return resume(ts, gen, std::move(value), Value(), out);
}

void close_iterator(ThreadState& ts, const Value& it);

bool generator_throw(ThreadState& ts, ObjGenerator* gen, Value exc, Value& out);

// throw() with a delegate: the delegate gets the exception first (close()
// for GeneratorExit); what it raises is raised in this frame instead.
bool throw_to_delegate(ThreadState& ts, ObjGenerator* gen, const Value& yf, Value exc, Value& out) {
  Value result;
  bool yielded = false;
  gen->state = ObjGenerator::State::Running;
  try {
    if (is_instance_of(exc, ts.rt.types.GeneratorExit)) {
      close_iterator(ts, yf);
      gen->state = ObjGenerator::State::Suspended;
      return resume(ts, gen, Value(), std::move(exc), out);
    }
    if (is_generator(ts, yf)) {
      yielded = generator_throw(ts, as_generator(yf), exc, result);
    } else {
      Value method = try_get_attr(ts, yf, ts.rt.name("throw"));
      if (method.is_empty()) {
        gen->state = ObjGenerator::State::Suspended;
        return resume(ts, gen, Value(), std::move(exc), out);
      }
      result = call(ts, method, &exc, 1);
      yielded = true;
    }
  } catch (PyException& pe) {
    if (gen->state != ObjGenerator::State::Running) throw;
    gen->state = ObjGenerator::State::Suspended;
    if (is_instance_of(pe.exception, ts.rt.types.StopIteration))
      return leave_yield_from(ts, gen, stop_iteration_value(pe.exception), out);
    return resume(ts, gen, Value(), pe.exception, out);
  }
  gen->state = ObjGenerator::State::Suspended;
  if (yielded) {
    out = std::move(result);
    return true;
  }
  return leave_yield_from(ts, gen, std::move(result), out);
}

bool generator_throw(ThreadState& ts, ObjGenerator* gen, Value exc, Value& out) {
  Value yf = delegate_of(gen);
  if (!yf.is_empty()) return throw_to_delegate(ts, gen, yf, std::move(exc), out);
  return resume(ts, gen, Value(), std::move(exc), out);
}

// gen.close(): GeneratorExit raised at the yield; the frame must end.
void generator_close(ThreadState& ts, ObjGenerator* gen) {
  if (gen->state == ObjGenerator::State::Created || gen->state == ObjGenerator::State::Finished) {
    gen->state = ObjGenerator::State::Finished;
    release_frame(gen);
    return;
  }
  auto* e = new_object<ObjException>(ts, ts.rt.types.GeneratorExit);
  e->args = make_tuple(ts);
  Value exc = Value::adopt(e);
  Value out;
  bool yielded;
  try {
    yielded = generator_throw(ts, gen, std::move(exc), out);
  } catch (PyException& pe) {
    if (is_instance_of(pe.exception, ts.rt.types.GeneratorExit) ||
        is_instance_of(pe.exception, ts.rt.types.StopIteration))
      return;
    throw;
  }
  if (yielded) raise(ts, ts.rt.types.RuntimeError, "generator ignored GeneratorExit");
}

// close() of a `yield from` delegate: a generator's own, else its close
// method when it has one.
void close_iterator(ThreadState& ts, const Value& it) {
  if (is_generator(ts, it)) return generator_close(ts, as_generator(it));
  Value method = try_get_attr(ts, it, ts.rt.name("close"));
  if (!method.is_empty()) call(ts, method, nullptr, 0);
}

// ---- Slots and methods ------------------------------------------------------------

Value generator_iter(ThreadState&, const Value& self) { return self; }

bool generator_iternext(ThreadState& ts, const Value& self, Value& out) {
  return resume(ts, as_generator(self), Value::none(), Value(), out);
}

void generator_repr(ThreadState& ts, const Value& self, std::string& out) {
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(self.as_obj()));
  out += "<generator object " + as_generator(self)->code_obj()->qualname + " at " + address + ">";
}

Value generator_next_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "__next__", kwnames);
  check_args(ts, "__next__", argc - 1, 0, 0);
  return generator_next(ts, as_generator(args[0]));
}

Value generator_send_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "send", kwnames);
  check_args(ts, "send", argc - 1, 1, 1);
  auto* gen = as_generator(args[0]);
  if (gen->state == ObjGenerator::State::Created && !args[1].is_none())
    raise(ts, ts.rt.types.TypeError, "can't send non-None value to a just-started generator");
  Value out;
  if (resume(ts, gen, args[1], Value(), out)) return out;
  raise_stop_iteration(ts, std::move(out));
}

// throw(exc), throw(type[, value]): the exception CPython's _gen_throw makes.
Value thrown_exception(ThreadState& ts, Value* args, int argc) {
  const Value& type = args[1];
  Value value = argc > 2 ? args[2] : Value::none();
  if (is_kind(type, ObjKind::Exception)) {
    if (!value.is_none())
      raise(ts, ts.rt.types.TypeError, "instance exception may not have a separate value");
    return type;
  }
  if (!is_kind(type, ObjKind::Type) || !as<ObjType>(type)->is_exception)
    raise(ts, ts.rt.types.TypeError,
          "exceptions must be classes or instances deriving from BaseException, not " +
              std::string(type_name(ts, type)));
  if (is_instance_of(value, as<ObjType>(type))) return value;
  if (value.is_none()) return call(ts, type, nullptr, 0);
  // As CPython's PyErr_NormalizeException: a tuple holds the arguments.
  if (is_tuple(value)) {
    std::vector<Value> items = as<ObjTuple>(value)->items;
    return call(ts, type, items.data(), static_cast<int>(items.size()));
  }
  return call(ts, type, &value, 1);
}

Value generator_throw_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "throw", kwnames);
  check_args(ts, "throw", argc - 1, 1, 3);
  Value exc = thrown_exception(ts, args, argc);
  Value out;
  if (generator_throw(ts, as_generator(args[0]), std::move(exc), out)) return out;
  raise_stop_iteration(ts, std::move(out));
}

Value generator_close_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "close", kwnames);
  check_args(ts, "close", argc - 1, 0, 0);
  generator_close(ts, as_generator(args[0]));
  return Value::none();
}

Value generator_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* gen = as_generator(self);
  if (name->text == "gi_running") return Value::boolean(gen->state == ObjGenerator::State::Running);
  if (name->text == "gi_suspended") return Value::boolean(gen->state == ObjGenerator::State::Suspended);
  // No frame objects in MiniPy: gi_frame is None once finished, else the
  // generator's code stands in for it.
  if (name->text == "gi_frame")
    return gen->state == ObjGenerator::State::Finished ? Value::none() : gen->code;
  if (name->text == "gi_code") return gen->code;
  if (name->text == "gi_yieldfrom") {
    Value yf = delegate_of(gen);
    return yf.is_empty() ? Value::none() : yf;
  }
  if (name->text == "__name__") return make_str(gen->code_obj()->name);
  if (name->text == "__qualname__") return make_str(gen->code_obj()->qualname);
  return Value();
}

void generator_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* gen = static_cast<ObjGenerator*>(self);
  visit_one(gen->code, visit, arg);
  visit_one(gen->function, visit, arg);
  visit_one(gen->exc_state, visit, arg);
  visit_one(gen->resumer_exception, visit, arg);
  for (const Value& v : gen->slots) visit_one(v, visit, arg);
  opaque_traverse(self, visit, arg);
}

// Clearing ends the generator without running its frame: the registry
// clears everything when the runtime ends, when no code may run.
void generator_clear(Obj* self) {
  auto* gen = static_cast<ObjGenerator*>(self);
  gen->state = ObjGenerator::State::Finished;
  for (Value& v : gen->slots) clear_one(v);
  gen->stack_depth = 0;
  clear_one(gen->exc_state);
  clear_one(gen->resumer_exception);
  clear_one(gen->function);
  opaque_clear(self);
}

// Whether the suspended frame is inside a try block (a finally or a
// handler would run on close); CPython skips close() for the others too.
bool suspended_in_try(const ObjGenerator* gen) {
  auto at = static_cast<uint32_t>(gen->ip - gen->code_obj()->code.data()) - 1;
  for (auto& e : gen->code_obj()->exception_table)
    if (at >= e.start && at < e.end) return true;
  return false;
}

}  // namespace

ObjGenerator::~ObjGenerator() {
  // A generator freed while suspended in a try block is closed first, so
  // its finally runs (CPython's _PyGen_Finalize), on the thread that holds
  // the GIL, which is the one freeing it.
  if (state != State::Suspended || !runtime || !suspended_in_try(this)) return;
  auto* holder = const_cast<GilThread*>(runtime->gil->holder());
  if (!holder) return;
  auto& ts = *static_cast<ThreadState*>(holder);
  // The count is 0: a reference taken while closing must not free it again.
  refcount = kImmortalRefcount;
  try {
    generator_close(ts, this);
  } catch (PyException& pe) {
    std::string where;
    generator_repr(ts, Value::borrow(this), where);
    print_unraisable(ts, pe.exception, where);
  }
}

Value make_generator(ThreadState& ts, const Frame& frame, Value* sp, const uint32_t* ip) {
  ObjCode* code = frame.code;
  auto* gen = new_object<ObjGenerator>(ts, ts.rt.types.generator, Value::borrow(code));
  Value result = Value::adopt(gen);
  gen->runtime = &ts.rt;
  if (is_kind(*frame.base, ObjKind::Function)) gen->function = *frame.base;
  gen->slots.resize(static_cast<size_t>(code->local_count() + code->max_stack));
  // Not suspend_generator: the frame never ran, so no exception is its.
  auto n = static_cast<size_t>(sp - frame.locals);
  for (size_t i = 0; i < n; ++i) gen->slots[i] = std::move(frame.locals[i]);
  gen->stack_depth = static_cast<uint32_t>(n - static_cast<size_t>(code->local_count()));
  gen->ip = ip;
  return result;
}

void suspend_generator(ThreadState& ts, ObjGenerator* gen, const Frame& frame, Value* sp, const uint32_t* ip) {
  auto n = static_cast<size_t>(sp - frame.locals);
  for (size_t i = 0; i < n; ++i) gen->slots[i] = std::move(frame.locals[i]);
  gen->stack_depth = static_cast<uint32_t>(n - static_cast<size_t>(frame.code->local_count()));
  gen->ip = ip;
  gen->state = ObjGenerator::State::Suspended;
  // The frame keeps the exception an `except` block of its own was
  // handling at the yield; one it merely saw from its resumer is not its.
  Value& handled = ts.handled_exception;
  if (!handled.is_empty() &&
      handled.as_obj() != (gen->resumer_exception.is_empty() ? nullptr : gen->resumer_exception.as_obj()))
    gen->exc_state = handled;
  handled = std::move(gen->resumer_exception);
}

void begin_generator_run(ThreadState& ts, ObjGenerator* gen) {
  gen->resumer_exception = ts.handled_exception;
  if (!gen->exc_state.is_empty()) ts.handled_exception = std::move(gen->exc_state);
  gen->state = ObjGenerator::State::Running;
}

void finish_generator(ThreadState& ts, ObjGenerator* gen) {
  gen->state = ObjGenerator::State::Finished;
  ts.handled_exception = std::move(gen->resumer_exception);
  release_frame(gen);
}

Value generator_raised(ThreadState& ts, ObjGenerator* gen, Value exc) {
  finish_generator(ts, gen);
  if (!is_instance_of(exc, ts.rt.types.StopIteration)) return exc;
  // PEP 479: a StopIteration leaving a generator's frame would end the
  // loop around it silently; it becomes a RuntimeError caused by it.
  Value e = new_exception(ts, ts.rt.types.RuntimeError, "generator raised StopIteration");
  as<ObjException>(e)->cause = exc;
  as<ObjException>(e)->context = exc;
  as<ObjException>(e)->suppress_context = true;
  return e;
}

Value generator_next(ThreadState& ts, ObjGenerator* gen) {
  Value out;
  if (resume(ts, gen, Value::none(), Value(), out)) return out;
  raise_stop_iteration(ts, std::move(out));
}

bool generator_send(ThreadState& ts, ObjGenerator* gen, Value v, Value& out) {
  return resume(ts, gen, std::move(v), Value(), out);
}

bool send_to(ThreadState& ts, const Value& receiver, const Value& v, Value& out) {
  if (is_generator(ts, receiver)) return resume(ts, as_generator(receiver), v, Value(), out);
  try {
    if (v.is_none()) {
      if (next_item(ts, receiver, out)) return true;
      out = Value::none();
      return false;
    }
    Value method = get_attr(ts, receiver, ts.rt.name("send"));
    Value arg = v;
    out = call(ts, method, &arg, 1);
    return true;
  } catch (PyException& pe) {
    if (!is_instance_of(pe.exception, ts.rt.types.StopIteration)) throw;
    out = stop_iteration_value(pe.exception);
    return false;
  }
}

void init_generator_type(Runtime& rt) {
  ObjType* t = rt.types.generator;
  t->tp_iter = generator_iter;
  t->tp_iternext = generator_iternext;
  t->tp_repr = generator_repr;
  t->tp_hash = address_hash_slot;
  t->tp_richcompare = identity_richcompare;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->get_attribute = generator_attribute;
  t->tp_traverse = generator_traverse;
  t->tp_clear = generator_clear;
  t->is_final = true;
  add_method(rt, t, "__next__", generator_next_method);
  add_method(rt, t, "send", generator_send_method);
  add_method(rt, t, "throw", generator_throw_method);
  add_method(rt, t, "close", generator_close_method);
  for (const char* name : {"gi_running", "gi_suspended", "gi_frame", "gi_code", "gi_yieldfrom", "__name__",
                           "__qualname__"})
    add_getset(rt, t, name);
}

}  // namespace gil
