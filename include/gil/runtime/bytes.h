// Python's `bytes`: its constructor, its text form, and the argument checks
// that the slots (bytesobject.cc) and the methods (bytes_methods.cc) share, so
// that every place words its TypeError the way CPython does. Turning bytes
// into str and back is the codecs' business (codecs.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"

namespace gil {

// Calls the bytes type: bytes(), bytes(n) (n zero bytes), bytes(b) (a copy),
// bytes(iterable of ints) and bytes(str, encoding[, errors]), with CPython's
// errors for everything else.
Value construct_bytes(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames);

// Appends repr() of bytes [data]: b'...' with CPython's escapes (\t \n \r,
// \xhh for other control and non-ASCII bytes) and its quote choice (double
// quotes only when the data holds a single quote and no double quote).
void bytes_repr_into(std::string_view data, std::string& out);

// The byte value of the int [v] for `x in b`, b.find(x) and bytes([x]);
// ValueError when it is outside 0-255. [message] is CPython's wording, which
// differs between the constructor ("bytes must be in range(0, 256)") and the
// rest ("byte must be in range(0, 256)").
uint8_t expect_byte(ThreadState& ts, int64_t v, std::string_view message = "byte must be in range(0, 256)");

// The data of [v], which must be bytes: otherwise TypeError "a bytes-like
// object is required, not 'T'", CPython's message for a str where a buffer
// was expected.
std::string_view expect_bytes_like(ThreadState& ts, const Value& v);

// `a + b` where [a] is bytes; TypeError "can't concat T to bytes" when [b]
// is not bytes.
Value bytes_concat(ThreadState& ts, const Value& a, const Value& b);

// `b * times`; a negative count gives b''.
Value bytes_repeat(ThreadState& ts, const ObjBytes* b, int64_t times);

// `item in b`: an int is looked up as one byte, bytes as a subsequence.
bool bytes_contains(ThreadState& ts, const ObjBytes* b, const Value& item);

}  // namespace gil
