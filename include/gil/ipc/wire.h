// The wire format: how values travel between processes (task and result
// queues, multiprocessing.Pipe and Queue), and how messages are framed on a
// byte stream so that a truncated or corrupted message is detected, never
// read as data.
//
// A value is a tag byte followed by its body; all integers are big-endian:
//
//   'N'                          None
//   'T' / 'F'                    True / False
//   'i' int64                    int
//   'L' u8 sign (0 or 1), u32 length, magnitude bytes
//                                int past int64 (ObjLong)
//   'f' float64 (IEEE bits)      float
//   's' u32 length, bytes        str (UTF-8)
//   'b' u32 length, bytes        bytes (raw, as they are)
//   'l' u32 count, values        list
//   't' u32 count, values        tuple
//   'd' u32 count, (key value)*  dict, in insertion order
//   'S' / 'Z' u32 count, values  set / frozenset, in iteration order
//   'x' u32 length, body         an extension value (below); also an
//                                instance of a class deriving from a
//                                built-in type, when the extension takes it
//
// Nesting is limited to 200 levels (a deeper or cyclic structure cannot be
// sent). Anything else (a function, a lock, a module) raises TypeError in the
// sender, as pickling does: "cannot pickle 'function' object".
//
// A frame is a 12-byte header, then the payload:
//
//   "GW"  magic (2 bytes)     catches a reader that lost its place
//   u8    version (1)
//   u8    reserved (0)
//   u32   payload length      at most 1 GiB
//   u32   CRC-32 of payload   catches corruption
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gil/runtime/runtime.h"

namespace gil::wire {

// The header's size in bytes, and the largest payload a frame may carry.
inline constexpr size_t kHeaderSize = 12;
inline constexpr uint32_t kMaxPayload = 1u << 30;
// How deeply containers may nest.
inline constexpr int kMaxDepth = 200;

// Values that only some channels carry: multiprocessing sends module-level
// functions by name and, to a child it starts, the Queues and Connections
// the child inherits. An Extension turns such a value into a body (its own
// format, starting with a kind byte) and back; a channel without one refuses
// them.
class Extension {
 public:
  virtual ~Extension() = default;
  // Appends the body for [v] and returns true, or returns false when [v] is
  // not for this extension. May raise a Python exception (PicklingError...).
  virtual bool encode(ThreadState& ts, const Value& v, std::string& body) = 0;
  // Rebuilds the value from [body]. Throws FormatError when it is malformed.
  virtual Value decode(ThreadState& ts, std::string_view body) = 0;
  // How deeply the value being encoded or decoded is nested: set around
  // encode() and decode(), so that an extension that encodes the parts of
  // its value with wire::encode (an instance's __dict__) stays within
  // kMaxDepth, and a cycle through instances is refused, not followed.
  int depth = 0;
};

// Appends the encoding of [v] to [out]. Raises (as a Python exception)
// TypeError for a value the format has no tag for (and [ext] does not take),
// ValueError for nesting deeper than kMaxDepth.
void encode(ThreadState& ts, const Value& v, std::string& out, Extension* ext = nullptr);

// Appends the tag and count of a tuple of [count] items, which the caller
// then encodes one by one: a message can be built without copying its parts.
void encode_tuple_header(size_t count, std::string& out);

// Appends an int or a str, for messages built without the GIL (a worker's
// progress reports come from a thread that holds no interpreter state).
void encode_int(int64_t v, std::string& out);
void encode_str(std::string_view s, std::string& out);

// Decodes one whole payload. Throws FormatError when it is malformed (an
// unknown tag, a length past the end, bytes left over).
Value decode(ThreadState& ts, std::string_view payload, Extension* ext = nullptr);

// A message that is not a well-formed frame or payload. [what] says which
// check failed ("bad magic", "checksum mismatch", "truncated frame"...).
struct FormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Checks of a decoded message against the shape its protocol promises, for
// the roles that read messages another process wrote (the processes-mode
// worker, a multiprocessing child): a frame that is well formed but of the
// wrong shape is then one clear FormatError, "[what] must be ..., not ...",
// never a bad downcast. Each returns what it checked.
const std::vector<Value>& expect_tuple(const Value& v, size_t count, std::string_view what);
const std::vector<Value>& expect_list(const Value& v, std::string_view what);
const std::string& expect_str(const Value& v, std::string_view what);
int64_t expect_int(const Value& v, int64_t lo, int64_t hi, std::string_view what);
// What [v] is, for those messages: "a str", "a tuple of 3 items", "None".
std::string describe(const Value& v);

// Wraps [payload] in a frame.
std::string frame(std::string_view payload);

// Reads the header at the start of [header] (kHeaderSize bytes) and returns
// the payload length it announces. Throws FormatError for a bad magic,
// version or length.
uint32_t payload_length(std::string_view header);

// Checks [payload] against the checksum in [header]; throws FormatError on a
// mismatch.
void check_payload(std::string_view header, std::string_view payload);

// CRC-32 (IEEE 802.3, as zlib computes it) of [data].
uint32_t crc32(std::string_view data);

}  // namespace gil::wire
