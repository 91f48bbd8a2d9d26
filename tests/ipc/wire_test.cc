// The wire format: values survive the trip, bad values are refused in the
// sender, and damaged frames are detected, never read as data.

#include <gtest/gtest.h>

#include "gil/ipc/wire.h"
#include "gil/language/parser.h"
#include "gil/runtime/compiler.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"

namespace gil {
namespace {

class WireTest : public ::testing::Test {
 protected:
  WireTest() : rt(RuntimeConfig{}), ts(rt) {}

  // Evaluates a MiniPy expression.
  Value eval(const std::string& expr) {
    Value code = compile_module(rt, parse("result = " + expr + "\n"), "t.py");
    run_module(ts, code);
    return rt.globals.values[rt.global_slot(rt.intern("result"))];
  }

  Value round_trip(const Value& v) {
    std::string payload;
    wire::encode(ts, v, payload);
    return wire::decode(ts, payload);
  }

  Runtime rt;
  ThreadState ts;
};

TEST_F(WireTest, EveryKindOfValueRoundTrips) {
  for (const char* expr :
       {"None", "True", "False", "0", "-9223372036854775807 - 1", "9223372036854775807", "0.1", "-0.0",
        "float('inf')", "1e-300", "''", "'héllo\\n\\x00'", "[]", "()", "{}", "[1, 'a', (2.5, None), {'k': [True]}]",
        "{(1, 2): 'pair', 'x': {3: (4,)}, 5: []}", "[[[[[[1]]]]]]", "b''", "b'\\x00\\xff\\n'",
        "[b'a', 'a', (b'k', {b'x': b'y'})]", "set()", "frozenset()", "set([3, 1, 2])",
        "frozenset([(1, 2), 5])", "[set([frozenset([1]), 2.5]), frozenset('a')]"}) {
    Value v = eval(expr);
    Value back = round_trip(v);
    EXPECT_EQ(repr(ts, back), repr(ts, v)) << expr;
    EXPECT_EQ(type_name(ts, back), type_name(ts, v)) << expr;
  }
}

TEST_F(WireTest, BigIntsRoundTripAndComeBackInline) {
  for (const char* expr : {"2**63", "-2**63 - 1", "2**64", "-2**64", "3**200", "-(7**90)", "[2**70, {2**65: -2**80}]"}) {
    Value v = eval(expr);
    EXPECT_EQ(repr(ts, round_trip(v)), repr(ts, v)) << expr;
  }
  // A magnitude that fits in int64 (not what the sender makes) is read as an inline int.
  Value small = wire::decode(ts, std::string("L\x01\x00\x00\x00\x01\x05", 7));
  EXPECT_TRUE(small.is_int());
  EXPECT_EQ(small.as_int(), -5);
  EXPECT_THROW(wire::decode(ts, std::string("L\x02\x00\x00\x00\x00", 6)), wire::FormatError);  // bad sign
  EXPECT_THROW(wire::decode(ts, std::string("L\x00\x00\x00\x00\x09\x01", 7)), wire::FormatError);  // cut short
}

TEST_F(WireTest, BytesTravelRawUnderTheirOwnTag) {
  std::string payload;
  wire::encode(ts, eval("b'ab\\x00'"), payload);
  EXPECT_EQ(payload, std::string("b\x00\x00\x00\x03" "ab\x00", 8));
  payload.clear();
  wire::encode(ts, eval("'ab'"), payload);
  EXPECT_EQ(payload[0], 's');  // equal text, different type, different tag
}

TEST_F(WireTest, EveryByteValueRoundTrips) {
  Value v = eval("bytes(range(256))");
  Value back = round_trip(v);
  ASSERT_TRUE(is_bytes(back));
  EXPECT_EQ(as<ObjBytes>(back)->data, as<ObjBytes>(v)->data);
  EXPECT_EQ(as<ObjBytes>(back)->data.size(), 256u);
}

TEST_F(WireTest, BytesAndStrStayDistinctDictKeys) {
  Value back = round_trip(eval("{b'k': 1, 'k': 2}"));
  EXPECT_EQ(repr(ts, back), "{b'k': 1, 'k': 2}");
}

TEST_F(WireTest, NanRoundTripsBitForBit) {
  Value back = round_trip(eval("float('nan')"));
  EXPECT_EQ(repr(ts, back), "nan");
}

TEST_F(WireTest, DictsKeepInsertionOrder) {
  Value back = round_trip(eval("{'z': 1, 'a': 2, 'm': 3}"));
  EXPECT_EQ(repr(ts, back), "{'z': 1, 'a': 2, 'm': 3}");
}

TEST_F(WireTest, UnsendableValuesRaiseTypeErrorInTheSender) {
  std::string payload;
  for (auto [expr, type] : {std::pair{"len", "builtin_function_or_method"}, std::pair{"lambda: 0", "function"},
                            std::pair{"[1, range(3)]", "range"}}) {
    try {
      wire::encode(ts, eval(expr), payload);
      FAIL() << expr;
    } catch (PyException& e) {
      auto* exc = as<ObjException>(e.exception);
      EXPECT_EQ(exc->type, rt.types.TypeError);
      EXPECT_EQ(exception_message(ts, exc), std::string("cannot pickle '") + type + "' object");
    }
  }
}

TEST_F(WireTest, CyclicStructuresAreRefused) {
  Value v = eval("[1]");
  as<ObjList>(v)->items.push_back(v);  // v contains itself
  std::string payload;
  EXPECT_THROW(wire::encode(ts, v, payload), PyException);
  as<ObjList>(v)->items.pop_back();  // break the cycle so it can be freed
}

TEST_F(WireTest, MalformedPayloadsAreDetected) {
  EXPECT_THROW(wire::decode(ts, ""), wire::FormatError);
  EXPECT_THROW(wire::decode(ts, "?"), wire::FormatError);
  EXPECT_THROW(wire::decode(ts, "i\x01\x02"), wire::FormatError);                          // cut short
  EXPECT_THROW(wire::decode(ts, std::string("s\x00\x00\x00\x09" "abc", 8)), wire::FormatError);  // length past the end
  EXPECT_THROW(wire::decode(ts, std::string("b\x00\x00\x00\x09" "abc", 8)), wire::FormatError);  // the same for bytes
  EXPECT_THROW(wire::decode(ts, std::string("b\x00\x00", 3)), wire::FormatError);                  // length cut short
  EXPECT_THROW(wire::decode(ts, "NN"), wire::FormatError);                                 // left over
  EXPECT_THROW(wire::decode(ts, std::string("l\xff\xff\xff\xff", 5)), wire::FormatError);    // a lying count
}

TEST(WireFrame, HeaderAndChecksumCatchDamage) {
  std::string f = wire::frame("payload");
  ASSERT_EQ(f.size(), wire::kHeaderSize + 7);
  EXPECT_EQ(wire::payload_length(f), 7u);
  EXPECT_NO_THROW(wire::check_payload(f, f.substr(wire::kHeaderSize)));
  std::string corrupt = f;
  corrupt[wire::kHeaderSize + 2] ^= 0x20;
  EXPECT_THROW(wire::check_payload(corrupt, corrupt.substr(wire::kHeaderSize)), wire::FormatError);
  std::string bad_magic = f;
  bad_magic[0] = 'X';
  EXPECT_THROW(wire::payload_length(bad_magic), wire::FormatError);
  EXPECT_THROW(wire::payload_length(f.substr(0, 5)), wire::FormatError);
  EXPECT_EQ(wire::crc32("123456789"), 0xCBF43926u);  // the standard check value
}

// The eight-bytes-at-a-time CRC equals the bit-at-a-time definition for every
// length and alignment.
TEST(Wire, Crc32MatchesTheBitwiseDefinition) {
  auto bitwise = [](std::string_view data) {
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char byte : data) {
      c ^= byte;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
  };
  std::string data;
  uint32_t x = 12345;
  for (int i = 0; i < 300; ++i) {
    x = x * 1103515245u + 12345u;
    data += static_cast<char>(x >> 16);
  }
  for (size_t start = 0; start < 8; ++start)
    for (size_t length = 0; start + length <= data.size(); length += 7)
      ASSERT_EQ(wire::crc32(std::string_view(data).substr(start, length)), bitwise(std::string_view(data).substr(start, length)))
          << "start " << start << " length " << length;
}

}  // namespace
}  // namespace gil
