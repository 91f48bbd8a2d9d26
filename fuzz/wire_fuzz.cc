// libFuzzer target: the wire format on arbitrary bytes, as a process reads
// them from a pipe another process wrote. Three readers see them:
//
// - the frame checks (payload_length, check_payload), when the input is
//   long enough to hold a header;
// - wire::decode alone, the format the processes-mode runner speaks;
// - decode_message, what multiprocessing's Queue.get and Connection.recv
//   use, with the extension that rebuilds instances and functions by name.
//
// The contract under test: a malformed input is a wire::FormatError (or,
// through decode_message, a Python exception); a well-formed one decodes to
// a value that repr() can show and that encodes back to a payload which
// decodes to the same encoding again (for values whose encoding is
// canonical: see check_round_trip). Anything else escapes or aborts, and
// libFuzzer reports it.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/ipc/mp_internal.h"
#include "fixture.h"
#include "gil/ipc/wire.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"

namespace {

using gil::Value;

// Whether [v]'s encoding is canonical: built of scalars, str, bytes, lists,
// tuples and dicts (whose order is their insertion order) only. A set's
// items are encoded in its table's order, which depends on the order they
// were inserted in, so a set may legitimately come back in another order;
// an extension value (an instance) is left out as well.
bool canonical(const Value& v) {
  if (!v.is_obj()) return true;
  switch (v.as_obj()->kind) {
    case gil::ObjKind::Str:
    case gil::ObjKind::Bytes: return true;
    case gil::ObjKind::List:
      for (const Value& x : gil::as<gil::ObjList>(v)->items)
        if (!canonical(x)) return false;
      return true;
    case gil::ObjKind::Tuple:
      for (const Value& x : gil::as<gil::ObjTuple>(v)->items)
        if (!canonical(x)) return false;
      return true;
    case gil::ObjKind::Dict:
      for (const auto& e : gil::as<gil::ObjDict>(v)->entries)
        if (!e.key.is_empty() && (!canonical(e.key) || !canonical(e.value))) return false;
      return true;
    default: return false;
  }
}

// Encoding what was decoded must be a fixed point after one round: the
// first decode may drop duplicate dict keys, but the payload it encodes to
// decodes to exactly that payload again. For a value whose encoding is not
// canonical, only its size must stay.
template <typename Encode, typename Decode>
void check_round_trip(const Value& v, Encode encode, Decode decode) {
  std::string once = encode(v);
  std::string twice = encode(decode(once));
  if (canonical(v) ? once != twice : once.size() != twice.size()) {
    std::fprintf(stderr, "round trip changed the encoding (%zu bytes, then %zu)\n", once.size(), twice.size());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static gil::fuzz::Fixture* f = new gil::fuzz::Fixture;
  gil::ThreadState& ts = f->ts;
  std::string_view input(reinterpret_cast<const char*>(data), size);

  if (input.size() >= gil::wire::kHeaderSize) {
    try {
      std::string_view header = input.substr(0, gil::wire::kHeaderSize);
      uint32_t n = gil::wire::payload_length(header);
      std::string_view rest = input.substr(gil::wire::kHeaderSize);
      if (rest.size() >= n) gil::wire::check_payload(header, rest.substr(0, n));
    } catch (const gil::wire::FormatError&) {
    }
  }

  try {
    Value v = gil::wire::decode(ts, input);
    gil::repr(ts, v);
    check_round_trip(
        v,
        [&](const Value& x) {
          std::string out;
          gil::wire::encode(ts, x, out);
          return out;
        },
        [&](std::string_view p) { return gil::wire::decode(ts, p); });
  } catch (const gil::wire::FormatError&) {
  }

  try {
    Value v = gil::mp::decode_message(ts, input);
    gil::repr(ts, v);
    check_round_trip(
        v, [&](const Value& x) { return gil::mp::encode_message(ts, x); },
        [&](std::string_view p) { return gil::mp::decode_message(ts, p); });
  } catch (const gil::PyException&) {
  }
  return 0;
}
