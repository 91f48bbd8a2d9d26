// Raising Python exceptions from C++.
//
// A Python exception travels through C++ code as a thrown PyException that
// carries the exception object. The eval loop catches it, looks for a handler
// in the frame's exception table, and either jumps there or pops the frame,
// adding a traceback line. Throwing costs nothing on the path that does not
// raise, which keeps the eval loop free of error checks after every call.
#pragma once

#include <string>
#include <string_view>

#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"

namespace gil {

// A Python exception in flight. [exception] holds an ObjException.
struct PyException {
  Value exception;
  // True for a bare `raise` or an implicit re-raise (finally, no matching
  // except): the traceback already shows the raising frame.
  bool reraised = false;
};

// Makes an exception of [type] whose single argument is [message].
Value new_exception(ThreadState& ts, ObjType* type, std::string_view message);

// Throws an exception of [type] with [message] (CPython's wording).
[[noreturn]] void raise(ThreadState& ts, ObjType* type, std::string_view message);

// Throws [exception], which must hold an ObjException.
[[noreturn]] void raise_value(Value exception);

// TypeError: unsupported operand type(s) for OP: 'A' and 'B'.
[[noreturn]] void raise_operand_error(ThreadState& ts, std::string_view op, const Value& a, const Value& b);

// OverflowError for 64-bit int overflow: MiniPy's one documented departure.
[[noreturn]] void raise_int_overflow(ThreadState& ts);

// The message of an exception: str(e).
std::string exception_message(ThreadState& ts, const ObjException* e);

// The chaining attributes of an exception, __cause__, __context__ and
// __suppress_context__: the value, or Empty for another name.
Value exception_chain_attribute(const ObjException* e, std::string_view name);
// Sets one of them; false for another name. TypeError for a bad value.
bool set_exception_chain_attribute(ThreadState& ts, ObjException* e, std::string_view name, const Value& value);

// A traceback object for [exception] (what __exit__ receives as its third
// argument): an instance of `traceback` with tb_lineno, the line of the
// outermost frame the exception has passed so far. MiniPy keeps tracebacks
// inside the exception; this only gives programs a non-None object.
Value traceback_object(ThreadState& ts, const Value& exception);

// Prints `Traceback (most recent call last):`, the frames and the final
// line to [out], as CPython does for an uncaught exception.
void print_traceback(ThreadState& ts, const Value& exception, std::FILE* out);

// CPython's PyErr_WriteUnraisable: an exception nothing can catch (one a
// finaliser raised) is printed to stderr as "Exception ignored in: [where]"
// and its traceback, and the program goes on. An exception that never
// passed a frame is shown at the innermost frame running.
void print_unraisable(ThreadState& ts, const Value& exception, const std::string& where);

}  // namespace gil
