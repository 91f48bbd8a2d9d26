// printf-style formatting: `str % args` and `bytes % args`, after CPython's
// PyUnicode_Format (Objects/unicodeobject.c) and _PyBytes_FormatEx
// (Objects/bytesobject.c). One engine serves both: the directives, flags,
// `*` widths, `%(key)` mapping lookups and the numeric conversions are the
// same; what differs is what %s/%r/%a/%c accept and produce, and the names
// in the errors.
#pragma once

#include <string>
#include <string_view>

#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"

namespace gil {

// [format] % [args] for a str format: "%s=%05.1f" % ("x", 2.25). TypeError
// "not enough arguments for format string" / "not all arguments converted
// during string formatting", ValueError "unsupported format character 'z'
// (0x7a) at index 1", as CPython.
Value percent_format_str(ThreadState& ts, std::string_view format, const Value& args);

// [format] % [args] for a bytes format: %s and %b take bytes, %r and %a give
// ascii(), %c takes an int in range(256) or one byte.
Value percent_format_bytes(ThreadState& ts, std::string_view format, const Value& args);

// ascii(v): repr(v) with every non-ASCII code point escaped as \xhh, \uhhhh
// or \Uhhhhhhhh.
std::string ascii(ThreadState& ts, const Value& v);

}  // namespace gil
