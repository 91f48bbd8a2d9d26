// Tests of gil/format.h. Every expected value below was produced by running
// /usr/bin/python3 (Debian's CPython 3.11.2) on the same input; the table
// comments name the Python expression each row stands for.

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gil/runtime/format.h"

namespace gil::format {
namespace {

using namespace std::string_view_literals;

constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Whether [a] and [b] are the same float: equal values with equal signs, or
// both NaN with equal sign bits.
bool same_float(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) {
    return std::isnan(a) && std::isnan(b) && std::signbit(a) == std::signbit(b);
  }
  return a == b && std::signbit(a) == std::signbit(b);
}

struct ReprCase {
  double value;
  std::string_view expected;
};

// repr(value) in CPython.
const ReprCase kReprCases[] = {
    {0.1, "0.1"sv},
    {0.2, "0.2"sv},
    {0.30000000000000004, "0.30000000000000004"sv},
    {0.30000000000000004, "0.30000000000000004"sv},
    {1e+16, "1e+16"sv},
    {1.5e-07, "1.5e-07"sv},
    {1.0, "1.0"sv},
    {100.0, "100.0"sv},
    {123456789012345.0, "123456789012345.0"sv},
    {1234567890123456.8, "1234567890123456.8"sv},
    {1e-05, "1e-05"sv},
    {0.0001, "0.0001"sv},
    {0.001, "0.001"sv},
    {kInf, "inf"sv},
    {-kInf, "-inf"sv},
    {kNaN, "nan"sv},
    {-0.0, "-0.0"sv},
    {0.0, "0.0"sv},
    {5e-324, "5e-324"sv},
    {1.7976931348623157e+308, "1.7976931348623157e+308"sv},
    {2.2250738585072014e-308, "2.2250738585072014e-308"sv},
    {2.225073858507201e-308, "2.225073858507201e-308"sv},
    {1000000000000000.0, "1000000000000000.0"sv},
    {9999999999999998.0, "9999999999999998.0"sv},
    {1e+17, "1e+17"sv},
    {2.000000000000001e+16, "2.000000000000001e+16"sv},
    {1e+22, "1e+22"sv},
    {1e+23, "1e+23"sv},
    {0.0001, "0.0001"sv},
    {9.999e-05, "9.999e-05"sv},
    {123.456, "123.456"sv},
    {-123.456, "-123.456"sv},
    {0.3333333333333333, "0.3333333333333333"sv},
    {0.6666666666666666, "0.6666666666666666"sv},
    {-0.3333333333333333, "-0.3333333333333333"sv},
    {3.141592653589793, "3.141592653589793"sv},
    {2.718281828459045, "2.718281828459045"sv},
    {1e+100, "1e+100"sv},
    {1e-100, "1e-100"sv},
    {1.5, "1.5"sv},
    {2.5, "2.5"sv},
    {-2.5, "-2.5"sv},
    {0.5, "0.5"sv},
    {1e+301, "1e+301"sv},
    {1.2345678901234567e+19, "1.2345678901234567e+19"sv},
    {3e-320, "3e-320"sv},
    {4.35, "4.35"sv},
    {2.675, "2.675"sv},
    {1.1, "1.1"sv},
    {2.2, "2.2"sv},
    {3.3000000000000003, "3.3000000000000003"sv},
    {1e+17, "1e+17"sv},
    {1e+308, "1e+308"sv},
    {-1e-308, "-1e-308"sv},
    {0.000123, "0.000123"sv},
    {1.23e-18, "1.23e-18"sv},
    {7.0, "7.0"sv},
    {-7.0, "-7.0"sv},
    {9999999999999998.0, "9999999999999998.0"sv},
    {8589973000.0, "8589973000.0"sv},
    {299792458.0, "299792458.0"sv},
    {6.02214076e+23, "6.02214076e+23"sv},
    {6.62607015e-34, "6.62607015e-34"sv},
    {1.602176634e-19, "1.602176634e-19"sv},
    {0.015625, "0.015625"sv},
    {0.9999999999999999, "0.9999999999999999"sv},
    {9007199254740992.0, "9007199254740992.0"sv},
    {9007199254740994.0, "9007199254740994.0"sv},
    {5e-324, "5e-324"sv},
    {8.98846567431158e+307, "8.98846567431158e+307"sv},
    {0.30000000000000004, "0.30000000000000004"sv},
    {1e-07, "1e-07"sv},
    {1.0000000000000002, "1.0000000000000002"sv},
    {0.9999999999999999, "0.9999999999999999"sv},
};

TEST(FloatReprTest, MatchesCPython) {
  static_assert(std::size(kReprCases) >= 60);
  for (const ReprCase& c : kReprCases) {
    EXPECT_EQ(float_repr(c.value), c.expected) << "repr of " << c.expected;
  }
}

TEST(FloatReprTest, RoundTripsAndMatchesEmptySpec) {
  // A deterministic spread of bit patterns: the repr must read back exactly,
  // and must agree with format(x, "") and format(x, FormatSpec{}).
  uint64_t state = 0x9E3779B97F4A7C15u;
  for (int i = 0; i < 20000; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    double x;
    static_assert(sizeof x == sizeof state);
    std::memcpy(&x, &state, sizeof x);
    if (!std::isfinite(x)) continue;
    std::string s = float_repr(x);
    double back = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), back);
    ASSERT_EQ(r.ptr, s.data() + s.size()) << s;
    ASSERT_TRUE(same_float(back, x)) << s;
    ASSERT_EQ(format_float(x, std::string_view()), s);
    ASSERT_EQ(format_float(x, FormatSpec{}), s);
  }
}

TEST(IntReprTest, MatchesCPython) {
  // str(), hex(), oct() and bin() in CPython.
  EXPECT_EQ(int_to_string(int64_t{0}), "0"sv);
  EXPECT_EQ(int_to_hex(int64_t{0}), "0x0"sv);
  EXPECT_EQ(int_to_oct(int64_t{0}), "0o0"sv);
  EXPECT_EQ(int_to_bin(int64_t{0}), "0b0"sv);
  EXPECT_EQ(int_to_string(int64_t{1}), "1"sv);
  EXPECT_EQ(int_to_hex(int64_t{1}), "0x1"sv);
  EXPECT_EQ(int_to_oct(int64_t{1}), "0o1"sv);
  EXPECT_EQ(int_to_bin(int64_t{1}), "0b1"sv);
  EXPECT_EQ(int_to_string(int64_t{-1}), "-1"sv);
  EXPECT_EQ(int_to_hex(int64_t{-1}), "-0x1"sv);
  EXPECT_EQ(int_to_oct(int64_t{-1}), "-0o1"sv);
  EXPECT_EQ(int_to_bin(int64_t{-1}), "-0b1"sv);
  EXPECT_EQ(int_to_string(int64_t{255}), "255"sv);
  EXPECT_EQ(int_to_hex(int64_t{255}), "0xff"sv);
  EXPECT_EQ(int_to_oct(int64_t{255}), "0o377"sv);
  EXPECT_EQ(int_to_bin(int64_t{255}), "0b11111111"sv);
  EXPECT_EQ(int_to_string(int64_t{-255}), "-255"sv);
  EXPECT_EQ(int_to_hex(int64_t{-255}), "-0xff"sv);
  EXPECT_EQ(int_to_oct(int64_t{-255}), "-0o377"sv);
  EXPECT_EQ(int_to_bin(int64_t{-255}), "-0b11111111"sv);
  EXPECT_EQ(int_to_string(INT64_MAX), "9223372036854775807"sv);
  EXPECT_EQ(int_to_hex(INT64_MAX), "0x7fffffffffffffff"sv);
  EXPECT_EQ(int_to_oct(INT64_MAX), "0o777777777777777777777"sv);
  EXPECT_EQ(int_to_bin(INT64_MAX), "0b111111111111111111111111111111111111111111111111111111111111111"sv);
  EXPECT_EQ(int_to_string(INT64_MIN), "-9223372036854775808"sv);
  EXPECT_EQ(int_to_hex(INT64_MIN), "-0x8000000000000000"sv);
  EXPECT_EQ(int_to_oct(INT64_MIN), "-0o1000000000000000000000"sv);
  EXPECT_EQ(int_to_bin(INT64_MIN), "-0b1000000000000000000000000000000000000000000000000000000000000000"sv);
  EXPECT_EQ(int_to_string(int64_t{10}), "10"sv);
  EXPECT_EQ(int_to_hex(int64_t{10}), "0xa"sv);
  EXPECT_EQ(int_to_oct(int64_t{10}), "0o12"sv);
  EXPECT_EQ(int_to_bin(int64_t{10}), "0b1010"sv);
  EXPECT_EQ(int_to_string(int64_t{4096}), "4096"sv);
  EXPECT_EQ(int_to_hex(int64_t{4096}), "0x1000"sv);
  EXPECT_EQ(int_to_oct(int64_t{4096}), "0o10000"sv);
  EXPECT_EQ(int_to_bin(int64_t{4096}), "0b1000000000000"sv);
  EXPECT_EQ(int_to_string(int64_t{-4096}), "-4096"sv);
  EXPECT_EQ(int_to_hex(int64_t{-4096}), "-0x1000"sv);
  EXPECT_EQ(int_to_oct(int64_t{-4096}), "-0o10000"sv);
  EXPECT_EQ(int_to_bin(int64_t{-4096}), "-0b1000000000000"sv);
  EXPECT_EQ(int_to_string(int64_t{123456789}), "123456789"sv);
  EXPECT_EQ(int_to_hex(int64_t{123456789}), "0x75bcd15"sv);
  EXPECT_EQ(int_to_oct(int64_t{123456789}), "0o726746425"sv);
  EXPECT_EQ(int_to_bin(int64_t{123456789}), "0b111010110111100110100010101"sv);
}

struct IntCase {
  int64_t value;
  std::string_view spec;
  std::string_view expected;
};

// format(value, spec) in CPython.
const IntCase kIntCases[] = {
    {42, ""sv, "42"sv},
    {42, "d"sv, "42"sv},
    {-42, "d"sv, "-42"sv},
    {42, ">10"sv, "        42"sv},
    {42, "<10"sv, "42        "sv},
    {42, "^9"sv, "   42    "sv},
    {42, "*^9"sv, "***42****"sv},
    {-42, "*^9"sv, "***-42***"sv},
    {42, "+d"sv, "+42"sv},
    {42, " d"sv, " 42"sv},
    {-42, " d"sv, "-42"sv},
    {42, "-d"sv, "42"sv},
    {1234567, ",d"sv, "1,234,567"sv},
    {1234567, "_d"sv, "1_234_567"sv},
    {-1234567, ","sv, "-1,234,567"sv},
    {1234567890, "_"sv, "1_234_567_890"sv},
    {255, "x"sv, "ff"sv},
    {255, "#x"sv, "0xff"sv},
    {255, "X"sv, "FF"sv},
    {255, "#X"sv, "0XFF"sv},
    {-255, "#x"sv, "-0xff"sv},
    {5, "b"sv, "101"sv},
    {5, "#b"sv, "0b101"sv},
    {8, "o"sv, "10"sv},
    {8, "#o"sv, "0o10"sv},
    {12345678, "_b"sv, "1011_1100_0110_0001_0100_1110"sv},
    {255, "#_b"sv, "0b1111_1111"sv},
    {3735928559, "_x"sv, "dead_beef"sv},
    {3735928559, "#_X"sv, "0XDEAD_BEEF"sv},
    {42, "08d"sv, "00000042"sv},
    {-42, "08d"sv, "-0000042"sv},
    {42, "=+8"sv, "+     42"sv},
    {-42, "0=8"sv, "-0000042"sv},
    {42, "<08"sv, "42000000"sv},
    {42, "*<8"sv, "42******"sv},
    {1234, "010,"sv, "00,001,234"sv},
    {1234, "09,"sv, "0,001,234"sv},
    {1234, "0=10,"sv, "00,001,234"sv},
    {-1234, "010_"sv, "-0_001_234"sv},
    {-5, "#010x"sv, "-0x0000005"sv},
    {5, "+#x"sv, "+0x5"sv},
    {65, "c"sv, "A"sv},
    {9733, "c"sv, "\342\230\205"sv},
    {65, ">5c"sv, "    A"sv},
    {65, "05c"sv, "0000A"sv},
    {1234567, "n"sv, "1234567"sv},
    {-1234567, "012n"sv, "-00001234567"sv},
    {0, ""sv, "0"sv},
    {0, "x"sv, "0"sv},
    {0, "#b"sv, "0b0"sv},
    {INT64_MAX, ","sv, "9,223,372,036,854,775,807"sv},
    {INT64_MIN, ","sv, "-9,223,372,036,854,775,808"sv},
    {INT64_MIN, "#x"sv, "-0x8000000000000000"sv},
    {INT64_MIN, "#_b"sv, "-0b1000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"sv},
    {42, "e"sv, "4.200000e+01"sv},
    {42, ".3e"sv, "4.200e+01"sv},
    {42, "f"sv, "42.000000"sv},
    {42, ".2f"sv, "42.00"sv},
    {42, "g"sv, "42"sv},
    {42, "%"sv, "4200.000000%"sv},
    {42, ".1%"sv, "4200.0%"sv},
    {INT64_MAX, ".3g"sv, "9.22e+18"sv},
    {9007199254740993, "f"sv, "9007199254740992.000000"sv},
    {42, "\342\230\205^7"sv, "\342\230\205\342\230\20542\342\230\205\342\230\205\342\230\205"sv},
    {42, "\331\241\331\240"sv, "        42"sv},
    {42, "+010_"sv, "+0_000_042"sv},
    {7, " 05"sv, " 0007"sv},
    {42, "z.1f"sv, "42.0"sv},
};

struct FloatCase {
  double value;
  std::string_view spec;
  std::string_view expected;
};

// format(value, spec) in CPython.
const FloatCase kFloatCases[] = {
    {3.14159, ""sv, "3.14159"sv},
    {3.14159, ".2f"sv, "3.14"sv},
    {2.5, ".0f"sv, "2"sv},
    {3.5, ".0f"sv, "4"sv},
    {0.125, ".2f"sv, "0.12"sv},
    {0.375, ".2f"sv, "0.38"sv},
    {3.14159, ">10"sv, "   3.14159"sv},
    {3.14159, "<10"sv, "3.14159   "sv},
    {3.14159, "^9"sv, " 3.14159 "sv},
    {3.14159, "*^9"sv, "*3.14159*"sv},
    {3.14159, "08.3f"sv, "0003.142"sv},
    {-3.14159, "08.3f"sv, "-003.142"sv},
    {3.14159, "+"sv, "+3.14159"sv},
    {3.14159, "+.2f"sv, "+3.14"sv},
    {3.14159, " .2f"sv, " 3.14"sv},
    {1234567.891, ",.2f"sv, "1,234,567.89"sv},
    {1234567.891, "_.2f"sv, "1_234_567.89"sv},
    {1234567.891, ","sv, "1,234,567.891"sv},
    {1234.5, "e"sv, "1.234500e+03"sv},
    {1234.5, ".3e"sv, "1.234e+03"sv},
    {1234.5, "E"sv, "1.234500E+03"sv},
    {0.00012345, ".2e"sv, "1.23e-04"sv},
    {1234.5, "g"sv, "1234.5"sv},
    {1234.5, ".3g"sv, "1.23e+03"sv},
    {1234567.0, "g"sv, "1.23457e+06"sv},
    {1.234e-05, "g"sv, "1.234e-05"sv},
    {0.0001234, "g"sv, "0.0001234"sv},
    {1234.5, "G"sv, "1234.5"sv},
    {1e-10, "G"sv, "1E-10"sv},
    {0.256, "%"sv, "25.600000%"sv},
    {0.256, ".1%"sv, "25.6%"sv},
    {-0.256, ".0%"sv, "-26%"sv},
    {1.0, ".3"sv, "1.0"sv},
    {1234.5, ".2"sv, "1.2e+03"sv},
    {1.0, "#"sv, "1.0"sv},
    {1.0, "#.3"sv, "1.00"sv},
    {123.0, "#.3"sv, "1.23e+02"sv},
    {1.0, "#.0f"sv, "1."sv},
    {1.0, "#g"sv, "1.00000"sv},
    {1.0, "#.0e"sv, "1.e+00"sv},
    {0.0, "#g"sv, "0.00000"sv},
    {1e+16, ""sv, "1e+16"sv},
    {1e+16, ".17"sv, "1e+16"sv},
    {1e+16, ".16"sv, "1e+16"sv},
    {123456789.0, ".5"sv, "1.2346e+08"sv},
    {0.1, ".20f"sv, "0.10000000000000000555"sv},
    {0.1, ".30g"sv, "0.100000000000000005551115123126"sv},
    {1e+22, "f"sv, "10000000000000000000000.000000"sv},
    {1e-07, "f"sv, "0.000000"sv},
    {1e-07, ""sv, "1e-07"sv},
    {kInf, ""sv, "inf"sv},
    {-kInf, "+"sv, "-inf"sv},
    {kNaN, ""sv, "nan"sv},
    {kNaN, "+"sv, "+nan"sv},
    {kInf, "F"sv, "INF"sv},
    {kNaN, "E"sv, "NAN"sv},
    {kInf, "010"sv, "0000000inf"sv},
    {-kInf, "=+10"sv, "-      inf"sv},
    {kInf, ".2%"sv, "inf%"sv},
    {-0.0, ""sv, "-0.0"sv},
    {-0.0, ".1f"sv, "-0.0"sv},
    {-0.0, "z"sv, "0.0"sv},
    {-0.0, "z.2f"sv, "0.00"sv},
    {-0.0001, "z.2f"sv, "0.00"sv},
    {-0.001, ".1f"sv, "-0.0"sv},
    {-1e-07, "z.3g"sv, "-1e-07"sv},
    {-0.004, "z.2%"sv, "-0.40%"sv},
    {1234.5678, "012,.2f"sv, "0,001,234.57"sv},
    {-1234.5678, "=+15,.1f"sv, "-       1,234.6"sv},
    {1234.5678, "0=12_.1f"sv, "00_001_234.6"sv},
    {1e+100, ",.0f"sv, "10,000,000,000,000,000,159,028,911,097,599,180,468,360,808,563,945,281,389,781,327,557,747,838,772,170,381,060,813,469,985,856,815,104"sv},
    {1e+300, ".3e"sv, "1.000e+300"sv},
    {5e-324, "e"sv, "4.940656e-324"sv},
    {5e-324, ".1000g"sv, "4.940656458412465441765687928682213723650598026143247644255856825006755072702087518652998363616359923797965646954457177309266567103559397963987747960107818781263007131903114045278458171678489821036887186360569987307230500063874091535649843873124733972731696151400317153853980741262385655911710266585566867681870395603106249319452715914924553293054565444011274801297099995419319894090804165633245247571478690147267801593552386115501348035264934720193790268107107491703332226844753335720832431936092382893458368060106011506169809753078342277318329247904982524730776375927247874656084778203734469699533647017972677717585125660551199131504891101451037862738167250955837389733598993664809941164205702637090279242767544565229087538682506419718265533447265625e-324"sv},
    {1.7976931348623157e+308, ","sv, "1.7976931348623157e+308"sv},
    {1234.5, "n"sv, "1234.5"sv},
    {1234567.0, "012n"sv, "01.23457e+06"sv},
    {0.5, ".0e"sv, "5e-01"sv},
    {1.5, ".0e"sv, "2e+00"sv},
    {9.995, ".2f"sv, "9.99"sv},
    {9.9999, ".3g"sv, "10"sv},
    {99999.5, ".6g"sv, "99999.5"sv},
    {9.9999e-05, ".4g"sv, "0.0001"sv},
    {9.223372036854776e+18, "f"sv, "9223372036854775808.000000"sv},
    {1.5, "\342\230\205>8"sv, "\342\230\205\342\230\205\342\230\205\342\230\205\342\230\2051.5"sv},
    {1.5, "=+8"sv, "+    1.5"sv},
    {1.5, "08"sv, "000001.5"sv},
    {-1.5, "08"sv, "-00001.5"sv},
    {1.5, "<08"sv, "1.500000"sv},
    {3.0, ".0%"sv, "300%"sv},
    {1e-05, ".3"sv, "1e-05"sv},
    {12.0, ".1"sv, "1e+01"sv},
    {1.25, ".2"sv, "1.2"sv},
    {0.0, "e"sv, "0.000000e+00"sv},
};

struct StrCase {
  std::string_view value;
  std::string_view spec;
  std::string_view expected;
};

// format(value, spec) in CPython.
const StrCase kStrCases[] = {
    {"hello"sv, ""sv, "hello"sv},
    {"hello"sv, "s"sv, "hello"sv},
    {"hello"sv, ">10"sv, "     hello"sv},
    {"hello"sv, "<10"sv, "hello     "sv},
    {"hello"sv, "^9"sv, "  hello  "sv},
    {"hello"sv, "*^9"sv, "**hello**"sv},
    {"hello"sv, "^10"sv, "  hello   "sv},
    {"hello"sv, ".2"sv, "he"sv},
    {"hello"sv, ">8.3"sv, "     hel"sv},
    {"hello"sv, ".0"sv, ""sv},
    {"h\303\251llo"sv, "*>8"sv, "***h\303\251llo"sv},
    {"\342\230\205\342\230\205"sv, "^6"sv, "  \342\230\205\342\230\205  "sv},
    {"h\303\251llo"sv, ".2"sv, "h\303\251"sv},
    {"ab"sv, "05"sv, "ab000"sv},
    {"ab"sv, ">05"sv, "000ab"sv},
    {"ab"sv, "x<6.2"sv, "abxxxx"sv},
    {""sv, "3"sv, "   "sv},
    {"abc"sv, "2"sv, "abc"sv},
    {"a"sv, "\000<5"sv, "a\000\000\000\000"sv},
    {"abc"sv, ".10"sv, "abc"sv},
    {"abc"sv, "\342\230\205^7s"sv, "\342\230\205\342\230\205abc\342\230\205\342\230\205"sv},
};

struct BoolCase {
  bool value;
  std::string_view spec;
  std::string_view expected;
};

// format(value, spec) in CPython.
const BoolCase kBoolCases[] = {
    {true, ""sv, "True"sv},
    {false, ""sv, "False"sv},
    {true, "d"sv, "1"sv},
    {true, ">5"sv, "    1"sv},
    {false, "05"sv, "00000"sv},
    {true, "#x"sv, "0x1"sv},
    {true, ".2f"sv, "1.00"sv},
    {true, "^7"sv, "   1   "sv},
};

TEST(FormatTest, IntMatchesCPython) {
  for (const IntCase& c : kIntCases) {
    EXPECT_EQ(format_int(c.value, std::string_view(c.spec)), c.expected)
        << "format(" << c.value << ", '" << c.spec << "')";
    EXPECT_EQ(format_int(c.value, parse_format_spec(c.spec, "int")), c.expected)
        << "format(" << c.value << ", '" << c.spec << "')";
  }
}

TEST(FormatTest, FloatMatchesCPython) {
  for (const FloatCase& c : kFloatCases) {
    EXPECT_EQ(format_float(c.value, std::string_view(c.spec)), c.expected)
        << "format(" << float_repr(c.value) << ", '" << c.spec << "')";
    EXPECT_EQ(format_float(c.value, parse_format_spec(c.spec, "float")), c.expected)
        << "format(" << float_repr(c.value) << ", '" << c.spec << "')";
  }
}

TEST(FormatTest, StrMatchesCPython) {
  for (const StrCase& c : kStrCases) {
    EXPECT_EQ(format_str(c.value, std::string_view(c.spec)), c.expected)
        << "format('" << c.value << "', '" << c.spec << "')";
    EXPECT_EQ(format_str(c.value, parse_format_spec(c.spec, "str")), c.expected)
        << "format('" << c.value << "', '" << c.spec << "')";
  }
}

TEST(FormatTest, StrKeepsEmbeddedNul) {
  // format("a\0b", ">5") == "  a\x00b" in CPython.
  EXPECT_EQ(format_str(std::string_view("a\0b", 3), std::string_view(">5")),
            std::string("  a\0b", 5));
}

TEST(FormatTest, BoolMatchesCPython) {
  for (const BoolCase& c : kBoolCases) {
    EXPECT_EQ(format_bool(c.value, std::string_view(c.spec)), c.expected)
        << "format(" << c.value << ", '" << c.spec << "')";
    EXPECT_EQ(format_bool(c.value, parse_format_spec(c.spec, "bool")), c.expected)
        << "format(" << c.value << ", '" << c.spec << "')";
  }
}

struct ErrorCase {
  char kind;  // 'i' int, 'f' float, 's' str, 'b' bool.
  int64_t int_value;
  double float_value;
  std::string_view str_value;
  std::string_view spec;
  bool overflow;  // OverflowError rather than ValueError.
  std::string_view message;
};

// format(value, spec) raising in CPython: the exception class and message.
const ErrorCase kErrorCases[] = {
    {'f', 0, 1.5, "", "d"sv, false, "Unknown format code 'd' for object of type 'float'"sv},
    {'f', 0, 1.5, "", "s"sv, false, "Unknown format code 's' for object of type 'float'"sv},
    {'f', 0, 1.5, "", "x"sv, false, "Unknown format code 'x' for object of type 'float'"sv},
    {'f', 0, 1.5, "", ",d"sv, false, "Unknown format code 'd' for object of type 'float'"sv},
    {'f', 0, 1.5, "", "abc"sv, false, "Invalid format specifier 'abc' for object of type 'float'"sv},
    {'f', 0, 1.0, "", ".2147483648f"sv, false, "precision too big"sv},
    {'f', 0, 1.0, "", "99999999999999999999"sv, false, "Too many decimal digits in format string"sv},
    {'f', 0, 1.0, "", "."sv, false, "Format specifier missing precision"sv},
    {'f', 0, 1.0, "", "_,"sv, false, "Cannot specify both ',' and '_'."sv},
    {'f', 0, 1.0, "", ",_"sv, false, "Cannot specify both ',' and '_'."sv},
    {'f', 0, 1.0, "", ",n"sv, false, "Cannot specify ',' with 'n'."sv},
    {'f', 0, 1.0, "", "_n"sv, false, "Cannot specify '_' with 'n'."sv},
    {'f', 0, 1.0, "", "\342\230\205"sv, false, "Unknown format code '\\x2605' for object of type 'float'"sv},
    {'s', 0, 0, "a"sv, "f"sv, false, "Unknown format code 'f' for object of type 'str'"sv},
    {'s', 0, 0, "a"sv, "d"sv, false, "Unknown format code 'd' for object of type 'str'"sv},
    {'s', 0, 0, "a"sv, "+"sv, false, "Sign not allowed in string format specifier"sv},
    {'s', 0, 0, "a"sv, "-"sv, false, "Sign not allowed in string format specifier"sv},
    {'s', 0, 0, "a"sv, " "sv, false, "Space not allowed in string format specifier"sv},
    {'s', 0, 0, "a"sv, "z"sv, false, "Negative zero coercion (z) not allowed in string format specifier"sv},
    {'s', 0, 0, "a"sv, "#"sv, false, "Alternate form (#) not allowed in string format specifier"sv},
    {'s', 0, 0, "a"sv, "=5"sv, false, "'=' alignment not allowed in string format specifier"sv},
    {'s', 0, 0, "a"sv, ","sv, false, "Cannot specify ',' with 's'."sv},
    {'s', 0, 0, "a"sv, "_"sv, false, "Cannot specify '_' with 's'."sv},
    {'s', 0, 0, "a"sv, ",s"sv, false, "Cannot specify ',' with 's'."sv},
    {'s', 0, 0, "a"sv, ",c"sv, false, "Cannot specify ',' with 'c'."sv},
    {'s', 0, 0, "a"sv, "+d"sv, false, "Unknown format code 'd' for object of type 'str'"sv},
    {'s', 0, 0, "a"sv, "5."sv, false, "Format specifier missing precision"sv},
    {'s', 0, 0, "a"sv, "xx"sv, false, "Invalid format specifier 'xx' for object of type 'str'"sv},
    {'s', 0, 0, "a"sv, ">>>>"sv, false, "Invalid format specifier '>>>>' for object of type 'str'"sv},
    {'i', 1, 0, "", "<<<"sv, false, "Unknown format code '<' for object of type 'int'"sv},
    {'i', 1, 0, "", "<<<<"sv, false, "Invalid format specifier '<<<<' for object of type 'int'"sv},
    {'i', 1, 0, "", ".2"sv, false, "Precision not allowed in integer format specifier"sv},
    {'i', 1, 0, "", ".2d"sv, false, "Precision not allowed in integer format specifier"sv},
    {'i', 1, 0, "", "z"sv, false, "Negative zero coercion (z) not allowed in integer format specifier"sv},
    {'i', 1, 0, "", "zd"sv, false, "Negative zero coercion (z) not allowed in integer format specifier"sv},
    {'i', 1, 0, "", "s"sv, false, "Unknown format code 's' for object of type 'int'"sv},
    {'i', 1, 0, "", ",x"sv, false, "Cannot specify ',' with 'x'."sv},
    {'i', 1, 0, "", ",b"sv, false, "Cannot specify ',' with 'b'."sv},
    {'i', 1, 0, "", "_c"sv, false, "Cannot specify '_' with 'c'."sv},
    {'i', 65, 0, "", ",c"sv, false, "Cannot specify ',' with 'c'."sv},
    {'i', 65, 0, "", "+c"sv, false, "Sign not allowed with integer format specifier 'c'"sv},
    {'i', 65, 0, "", "#c"sv, false, "Alternate form (#) not allowed with integer format specifier 'c'"sv},
    {'i', -1, 0, "", "c"sv, true, "%c arg not in range(0x110000)"sv},
    {'i', 1114112, 0, "", "c"sv, true, "%c arg not in range(0x110000)"sv},
    {'i', 1, 0, "", "xx"sv, false, "Invalid format specifier 'xx' for object of type 'int'"sv},
    {'i', 1, 0, "", "\342\230\205"sv, false, "Unknown format code '\\x2605' for object of type 'int'"sv},
    {'i', 1, 0, "", "\177"sv, false, "Unknown format code '\177' for object of type 'int'"sv},
    {'i', 1, 0, "", "\037"sv, false, "Unknown format code '\\x1f' for object of type 'int'"sv},
    {'i', 1, 0, "", "5 "sv, false, "Unknown format code '\\x20' for object of type 'int'"sv},
    {'i', 1, 0, "", ",,"sv, false, "Cannot specify ',' with ','."sv},
    {'i', 1, 0, "", "_n"sv, false, "Cannot specify '_' with 'n'."sv},
    {'i', 1, 0, "", "."sv, false, "Format specifier missing precision"sv},
    {'b', 1, 0, "", "s"sv, false, "Unknown format code 's' for object of type 'bool'"sv},
    {'b', 1, 0, "", "xx"sv, false, "Invalid format specifier 'xx' for object of type 'bool'"sv},
    {'b', 1, 0, "", ".1"sv, false, "Precision not allowed in integer format specifier"sv},
};

TEST(FormatTest, ErrorsMatchCPython) {
  for (const ErrorCase& c : kErrorCases) {
    try {
      switch (c.kind) {
        case 'i':
          format_int(c.int_value, std::string_view(c.spec));
          break;
        case 'b':
          format_bool(c.int_value != 0, std::string_view(c.spec));
          break;
        case 'f':
          format_float(c.float_value, std::string_view(c.spec));
          break;
        default:
          format_str(c.str_value, std::string_view(c.spec));
          break;
      }
      ADD_FAILURE() << "no error for spec '" << c.spec << "'";
    } catch (const FormatError& e) {
      EXPECT_EQ(std::string(e.what()), c.message) << "spec '" << c.spec << "'";
      EXPECT_EQ(e.kind() == FormatError::Kind::kOverflowError, c.overflow)
          << "spec '" << c.spec << "'";
    }
  }
}

TEST(ParseFormatSpecTest, RecordsEveryField) {
  FormatSpec s = parse_format_spec("*^+z#012_.3f", "float");
  EXPECT_EQ(s.fill, U'*');
  EXPECT_TRUE(s.fill_specified);
  EXPECT_EQ(s.align, '^');
  EXPECT_EQ(s.sign, '+');
  EXPECT_TRUE(s.no_neg_zero);
  EXPECT_TRUE(s.alternate);
  EXPECT_FALSE(s.zero_padding);  // With an explicit fill, "012" is the width.
  EXPECT_EQ(s.width, 12);
  EXPECT_EQ(s.grouping, '_');
  EXPECT_EQ(s.precision, 3);
  EXPECT_EQ(s.type, U'f');

  FormatSpec z = parse_format_spec("08", "int");
  EXPECT_EQ(z.fill, U'0');
  EXPECT_FALSE(z.fill_specified);
  EXPECT_TRUE(z.zero_padding);
  EXPECT_EQ(z.align, '\0');
  EXPECT_EQ(z.width, 8);

  FormatSpec star = parse_format_spec("\342\230\205>5", "int");  // U+2605
  EXPECT_EQ(star.fill, U'\u2605');
  EXPECT_EQ(star.align, '>');
  EXPECT_EQ(star.width, 5);

  EXPECT_EQ(parse_format_spec("", "int"), FormatSpec{});
  EXPECT_NE(parse_format_spec("-", "int"), FormatSpec{});
}

TEST(TemplateTest, SplitsLiteralsAndFields) {
  // list(_string.formatter_parser('a{}b{}c{:>5}{{}}')) ==
  //   [('a', '', '', None), ('b', '', '', None), ('c', '', '>5', None), ('{', None, None, None), ('}', None, None, None)]
  // and 'a{}b{}c{:>5}{{}}'.format(1, 2, 3) == 'a1b2c    3{}'.
  std::vector<TemplatePiece> p = parse_format_template("a{}b{}c{:>5}{{}}"sv);
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].literal, "a");
  EXPECT_TRUE(p[0].has_field);
  EXPECT_TRUE(p[0].is_index);
  EXPECT_TRUE(p[0].auto_numbered);
  EXPECT_EQ(p[0].index, 0);
  EXPECT_EQ(p[0].spec, "");
  EXPECT_EQ(p[1].literal, "b");
  EXPECT_EQ(p[1].index, 1);
  EXPECT_EQ(p[2].literal, "c");
  EXPECT_EQ(p[2].index, 2);
  EXPECT_EQ(p[2].spec, ">5");
  EXPECT_EQ(p[3].literal, "{}");
  EXPECT_FALSE(p[3].has_field);

  // list(_string.formatter_parser('x{0}y{1!r:^{2}}z{name.attr[0]}')) ==
  //   [('x', '0', '', None), ('y', '1', '^{2}', 'r'), ('z', 'name.attr[0]', '', None)]
  p = parse_format_template("x{0}y{1!r:^{2}}z{name.attr[0]}"sv);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].literal, "x");
  EXPECT_TRUE(p[0].is_index);
  EXPECT_FALSE(p[0].auto_numbered);
  EXPECT_EQ(p[0].index, 0);
  EXPECT_EQ(p[1].index, 1);
  EXPECT_EQ(p[1].conversion, U'r');
  EXPECT_EQ(p[1].spec, "^{2}");
  EXPECT_TRUE(p[1].spec_needs_expanding);
  ASSERT_EQ(p[1].spec_pieces.size(), 1u);
  EXPECT_EQ(p[1].spec_pieces[0].literal, "^");
  EXPECT_EQ(p[1].spec_pieces[0].index, 2);
  EXPECT_EQ(p[2].literal, "z");
  EXPECT_FALSE(p[2].is_index);
  EXPECT_EQ(p[2].name, "name");
  EXPECT_EQ(p[2].accessors, ".attr[0]");
  std::vector<FieldAccessor> acc = parse_field_accessors(p[2].accessors);
  ASSERT_EQ(acc.size(), 2u);
  EXPECT_TRUE(acc[0].is_attribute);
  EXPECT_EQ(acc[0].name, "attr");
  EXPECT_FALSE(acc[1].is_attribute);
  EXPECT_EQ(acc[1].name, "0");
  EXPECT_EQ(acc[1].index, 0);

  // '{:{}} {}'.format("a", 5, "b") == 'a     b': the nested field is numbered
  // before the fields after it.
  p = parse_format_template("{:{}} {}"sv);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].index, 0);
  ASSERT_EQ(p[0].spec_pieces.size(), 1u);
  EXPECT_EQ(p[0].spec_pieces[0].index, 1);
  EXPECT_EQ(p[1].literal, " ");
  EXPECT_EQ(p[1].index, 2);

  // '}}{{'.format() == '}{'
  p = parse_format_template("}}{{"sv);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].literal, "}{"sv);
  EXPECT_FALSE(p[0].has_field);
  EXPECT_TRUE(parse_format_template("").empty());
}

TEST(TemplateTest, SyntaxErrorsMatchCPython) {
  struct Case {
    std::string_view tmpl;
    std::string_view message;
  };
  // tmpl.format(1, 2, 3) raising ValueError in CPython.
  const Case cases[] = {
      {"{"sv, "Single '{' encountered in format string"sv},
      {"}"sv, "Single '}' encountered in format string"sv},
      {"a}b"sv, "Single '}' encountered in format string"sv},
      {"a{}b{0}c"sv, "cannot switch from automatic field numbering to manual field specification"sv},
      {"{0}{}"sv, "cannot switch from manual field specification to automatic field numbering"sv},
      {"{}{0}"sv, "cannot switch from automatic field numbering to manual field specification"sv},
      {"{0"sv, "expected '}' before end of string"sv},
      {"{0:"sv, "unmatched '{' in format spec"sv},
      {"{!r"sv, "unmatched '{' in format spec"sv},
      {"{!}"sv, "unmatched '{' in format spec"sv},
      {"{!"sv, "end of string while looking for conversion specifier"sv},
      {"{!rx}"sv, "expected ':' after conversion specifier"sv},
      {"{[}"sv, "expected '}' before end of string"sv},
      {"{a{}"sv, "unexpected '{' in field name"sv},
      {"{:{:{}}}"sv, "Max string recursion exceeded"sv},
      {"{99999999999999999999}"sv, "Too many decimal digits in format string"sv},
      {"abc{"sv, "Single '{' encountered in format string"sv},
      {"{0}}"sv, "Single '}' encountered in format string"sv},
  };
  for (const Case& c : cases) {
    try {
      parse_format_template(c.tmpl);
      ADD_FAILURE() << "no error for " << c.tmpl;
    } catch (const FormatError& e) {
      EXPECT_EQ(std::string(e.what()), c.message) << c.tmpl;
    }
  }
}

TEST(TemplateTest, AccessorAndConversionErrorsMatchCPython) {
  // '{0.}'.format([1]) -> ValueError: Empty attribute in format string
  try {
    parse_field_accessors("."sv);
    ADD_FAILURE() << "no error for " << "."sv;
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), "Empty attribute in format string"sv);
  }
  // '{0[]}'.format([1]) -> ValueError: Empty attribute in format string
  try {
    parse_field_accessors("[]"sv);
    ADD_FAILURE() << "no error for " << "[]"sv;
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), "Empty attribute in format string"sv);
  }
  // '{0[0]x}'.format([1]) -> ValueError: Only '.' or '[' may follow ']' in format field specifier
  try {
    parse_field_accessors("[0]x"sv);
    ADD_FAILURE() << "no error for " << "[0]x"sv;
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), "Only '.' or '[' may follow ']' in format field specifier"sv);
  }
  // '{0[1}'.format([1]) -> ValueError: expected '}' before end of string
  // '{0.a[}'.format([1]) -> ValueError: expected '}' before end of string
  // list(_string.formatter_field_name_split('0[a')[1]) -> ValueError: Missing ']' in format string
  try {
    parse_field_accessors("[a");
    ADD_FAILURE() << "no error for [a";
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), "Missing ']' in format string"sv);
  }
  // '{!x}'.format(1) -> 'Unknown conversion specifier x'
  try {
    std::vector<TemplatePiece> p = parse_format_template("{!x}"sv);
    EXPECT_EQ(p[0].conversion, char32_t{120});
    validate_conversion(p[0].conversion);
    ADD_FAILURE() << "no error";
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), "Unknown conversion specifier x"sv);
  }
  // '{!★}'.format(1) -> 'Unknown conversion specifier \\x2605'
  try {
    std::vector<TemplatePiece> p = parse_format_template("{!\342\230\205}"sv);
    EXPECT_EQ(p[0].conversion, char32_t{9733});
    validate_conversion(p[0].conversion);
    ADD_FAILURE() << "no error";
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), "Unknown conversion specifier \\x2605"sv);
  }
  // '{!\x7f}'.format(1) -> 'Unknown conversion specifier \\x7f'
  try {
    std::vector<TemplatePiece> p = parse_format_template("{!\177}"sv);
    EXPECT_EQ(p[0].conversion, char32_t{127});
    validate_conversion(p[0].conversion);
    ADD_FAILURE() << "no error";
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), "Unknown conversion specifier \\x7f"sv);
  }
  validate_conversion(0);
  validate_conversion(U'r');
  validate_conversion(U's');
  validate_conversion(U'a');
}

TEST(TemplateTest, LazyParserReportsErrorsInOrder) {
  // "{5}}".format(1) raises IndexError before CPython reaches the single
  // '}': the lazy parser hands out the field before failing.
  FieldNumbering numbering;
  TemplateParser parser("{5}}", numbering);
  TemplatePiece piece;
  ASSERT_TRUE(parser.next(piece));
  EXPECT_EQ(piece.index, 5);
  EXPECT_THROW(parser.next(piece), FormatError);

  // Nested specs share the numbering; a third level is too deep.
  FieldNumbering n2;
  TemplateParser outer("{:{}}{}", n2);
  ASSERT_TRUE(outer.next(piece));
  EXPECT_EQ(piece.index, 0);
  std::string spec = piece.spec;
  TemplateParser inner = outer.nested(spec);
  TemplatePiece nested_piece;
  ASSERT_TRUE(inner.next(nested_piece));
  EXPECT_EQ(nested_piece.index, 1);
  EXPECT_FALSE(inner.next(nested_piece));
  EXPECT_THROW(inner.nested(""), FormatError);
  ASSERT_TRUE(outer.next(piece));
  EXPECT_EQ(piece.index, 2);
  EXPECT_FALSE(outer.next(piece));
}

TEST(ParseIntTest, MatchesCPython) {
  struct Case {
    std::string_view text;
    int base;
    bool valid;
    bool overflow;
    int64_t value;
  };
  // int(text, base) in CPython; overflow marks a valid literal outside int64.
  const Case cases[] = {
      {" 42 "sv, 10, true, false, 42},  // 42
      {"-42"sv, 10, true, false, -42},  // -42
      {"+42"sv, 10, true, false, 42},  // 42
      {"1_000"sv, 10, true, false, 1000},  // 1000
      {"1__000"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '1__000'
      {"_1"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '_1'
      {"1_"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '1_'
      {"0x_ff"sv, 0, true, false, 255},  // 255
      {"0x_ff"sv, 16, true, false, 255},  // 255
      {"0xff"sv, 16, true, false, 255},  // 255
      {"0XFF"sv, 0, true, false, 255},  // 255
      {"0o17"sv, 0, true, false, 15},  // 15
      {"0b101"sv, 0, true, false, 5},  // 5
      {"0b101"sv, 16, true, false, 45313},  // 45313
      {"010"sv, 0, false, false, 0},  // invalid literal for int() with base 0: '010'
      {"010"sv, 10, true, false, 10},  // 10
      {"00"sv, 0, true, false, 0},  // 0
      {"0_0"sv, 0, true, false, 0},  // 0
      {"0_7"sv, 0, false, false, 0},  // invalid literal for int() with base 0: '0_7'
      {"-0"sv, 0, true, false, 0},  // 0
      {"0x"sv, 0, false, false, 0},  // invalid literal for int() with base 0: '0x'
      {"0x"sv, 16, false, false, 0},  // invalid literal for int() with base 16: '0x'
      {"z"sv, 36, true, false, 35},  // 35
      {"Zz"sv, 36, true, false, 1295},  // 1295
      {"12"sv, 2, false, false, 0},  // invalid literal for int() with base 2: '12'
      {"777"sv, 8, true, false, 511},  // 511
      {"abc"sv, 10, false, false, 0},  // invalid literal for int() with base 10: 'abc'
      {""sv, 10, false, false, 0},  // invalid literal for int() with base 10: ''
      {"   "sv, 10, false, false, 0},  // invalid literal for int() with base 10: '   '
      {"+ 1"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '+ 1'
      {"- 1"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '- 1'
      {"1 2"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '1 2'
      {"9223372036854775807"sv, 10, true, false, INT64_MAX},  // 9223372036854775807
      {"9223372036854775808"sv, 10, true, true, 0},  // 9223372036854775808
      {"-9223372036854775808"sv, 10, true, false, INT64_MIN},  // -9223372036854775808
      {"-9223372036854775809"sv, 10, true, true, 0},  // -9223372036854775809
      {"99999999999999999999999999"sv, 10, true, true, 0},  // 99999999999999999999999999
      {"7fffffffffffffff"sv, 16, true, false, INT64_MAX},  // 9223372036854775807
      {"-8000000000000000"sv, 16, true, false, INT64_MIN},  // -9223372036854775808
      {"8000000000000000"sv, 16, true, true, 0},  // 9223372036854775808
      {"\302\2405\343\200\200"sv, 10, true, false, 5},  // 5
      {"\331\245\331\240"sv, 10, true, false, 50},  // 50
      {"\331\245x"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '٥x'
      {"\0345"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '\x1c5'
      {"5\000"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '5\x00'
      {"\011\01242\015\013\014"sv, 10, true, false, 42},  // 42
      {"1e5"sv, 10, false, false, 0},  // invalid literal for int() with base 10: '1e5'
      {"0_x1"sv, 0, false, false, 0},  // invalid literal for int() with base 0: '0_x1'
      {"0b"sv, 0, false, false, 0},  // invalid literal for int() with base 0: '0b'
      {"ff"sv, 15, false, false, 0},  // invalid literal for int() with base 15: 'ff'
      {"ee"sv, 15, true, false, 224},  // 224
      {"0o8"sv, 0, false, false, 0},  // invalid literal for int() with base 0: '0o8'
      {"0O_7"sv, 0, true, false, 7},  // 7
      {"1_2_3"sv, 0, true, false, 123},  // 123
  };
  for (const Case& c : cases) {
    bool overflow = true;
    std::optional<int64_t> v = parse_int(c.text, c.base, &overflow);
    if (c.valid && !c.overflow) {
      ASSERT_TRUE(v.has_value()) << c.text;
      EXPECT_EQ(*v, c.value) << c.text;
      EXPECT_FALSE(overflow) << c.text;
    } else {
      EXPECT_FALSE(v.has_value()) << c.text;
      EXPECT_EQ(overflow, c.overflow) << c.text;
    }
  }
  EXPECT_EQ(parse_int("123"), 123);
  EXPECT_EQ(parse_int("77", 8, nullptr), 63);
  // int("5", 1) and int("5", 37) -> ValueError: int() base must be >= 2 and <= 36, or 0
  try {
    parse_int("5", 1);
    ADD_FAILURE() << "no error";
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), "int() base must be >= 2 and <= 36, or 0"sv);
  }
  EXPECT_THROW(parse_int("5", 37), FormatError);
}

TEST(ParseFloatTest, MatchesCPython) {
  struct Case {
    std::string_view text;
    bool valid;
    double value;
  };
  // float(text) in CPython.
  const Case cases[] = {
      {"1.5"sv, true, 1.5},
      {" 1.5 "sv, true, 1.5},
      {"-1.5"sv, true, -1.5},
      {"+1.5"sv, true, 1.5},
      {"1_0.5"sv, true, 10.5},
      {"1_.5"sv, false, 0},
      {"1._5"sv, false, 0},
      {"1e1_0"sv, true, 10000000000.0},
      {"1_e5"sv, false, 0},
      {"inf"sv, true, kInf},
      {"-Infinity"sv, true, -kInf},
      {"INF"sv, true, kInf},
      {"infinit"sv, false, 0},
      {"nan"sv, true, kNaN},
      {"-nan"sv, true, -kNaN},
      {"+nAn"sv, true, kNaN},
      {"in_f"sv, false, 0},
      {"."sv, false, 0},
      {".5"sv, true, 0.5},
      {"5."sv, true, 5.0},
      {"1.e5"sv, true, 100000.0},
      {"1e"sv, false, 0},
      {"1e+"sv, false, 0},
      {"1e-3"sv, true, 0.001},
      {"1E3"sv, true, 1000.0},
      {"0x10"sv, false, 0},
      {"1e999"sv, true, kInf},
      {"-1e999"sv, true, -kInf},
      {"1e-999"sv, true, 0.0},
      {"-1e-999"sv, true, -0.0},
      {"\331\241.\331\245"sv, true, 1.5},
      {"1.5\000"sv, false, 0},
      {"1,5"sv, false, 0},
      {"++1"sv, false, 0},
      {"i"sv, false, 0},
      {""sv, false, 0},
      {" "sv, false, 0},
      {"0.1"sv, true, 0.1},
      {"1e23"sv, true, 1e+23},
      {"2.4703282292062328e-324"sv, true, 5e-324},
      {"2.4703282292062327e-324"sv, true, 0.0},
      {"1.7976931348623157e308"sv, true, 1.7976931348623157e+308},
      {"1.7976931348623159e308"sv, true, kInf},
      {"0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001e400"sv, true, 0.1},
      {"1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111e-400"sv, true, 0.1111111111111111},
      {"-0"sv, true, -0.0},
      {"-0.0e5"sv, true, -0.0},
      {"\302\240\342\200\2002.5\342\200\250"sv, true, 2.5},
      {"1__0"sv, false, 0},
      {"_1"sv, false, 0},
      {"1_"sv, false, 0},
      {"12_345.678_9"sv, true, 12345.6789},
      {"9007199254740993"sv, true, 9007199254740992.0},
      {"0e999999999999999999999"sv, true, 0.0},
      {"1e99999999999999999999"sv, true, kInf},
      {"1 2"sv, false, 0},
  };
  for (const Case& c : cases) {
    std::optional<double> v = parse_float(c.text);
    if (c.valid) {
      ASSERT_TRUE(v.has_value()) << c.text;
      EXPECT_TRUE(same_float(*v, c.value)) << c.text << " -> " << float_repr(*v);
    } else {
      EXPECT_FALSE(v.has_value()) << c.text;
    }
  }
}

TEST(RoundTest, FloatMatchesCPython) {
  struct Case {
    double value;
    int64_t ndigits;
    double expected;
  };
  // round(value, ndigits) in CPython.
  const Case cases[] = {
      {2.675, 2, 2.67},
      {0.5, 0, 0.0},
      {1.5, 0, 2.0},
      {2.5, 0, 2.0},
      {-0.5, 0, -0.0},
      {-1.5, 0, -2.0},
      {-0.4, 0, -0.0},
      {1234.5678, -2, 1200.0},
      {1234.5678, 2, 1234.57},
      {1234.5678, -3, 1000.0},
      {854.0, -3, 1000.0},
      {149.5, -2, 100.0},
      {150.0, -2, 200.0},
      {250.0, -2, 200.0},
      {-250.0, -2, -200.0},
      {0.125, 2, 0.12},
      {0.375, 2, 0.38},
      {1e+23, -23, 1e+23},
      {5e+22, -23, 0.0},
      {5e-324, 323, 0.0},
      {5e-324, 324, 5e-324},
      {1e+300, -400, 0.0},
      {-1e+300, -400, -0.0},
      {1e+300, -300, 1e+300},
      {kInf, 2, kInf},
      {kNaN, 0, kNaN},
      {-kInf, -2, -kInf},
      {2.5, 1000, 2.5},
      {0.1, 1, 0.1},
      {0.15, 1, 0.1},
      {0.25, 1, 0.2},
      {0.35, 1, 0.3},
      {1.0000000000000002, 15, 1.0},
      {123456789.12345679, 5, 123456789.12346},
      {-0.0, 2, -0.0},
      {4500000000000000.5, 0, 4500000000000000.0},
      {9.5, 0, 10.0},
      {1e+16, -16, 1e+16},
      {5000000000000000.0, -16, 0.0},
      {-7.45, 1, -7.5},
      {1.2e+308, -307, 1.2e+308},
      {1.7976931348623157e+308, -292, 1.7976931348623157e+308},
  };
  for (const Case& c : cases) {
    double r = round_half_even(c.value, c.ndigits);
    EXPECT_TRUE(same_float(r, c.expected))
        << "round(" << float_repr(c.value) << ", " << c.ndigits << ") -> " << float_repr(r);
  }
  // round(x) (no ndigits) has the value of round(x, 0).
  EXPECT_EQ(round_half_even(0.5, 0), 0);  // round(0.5) == 0
  EXPECT_EQ(round_half_even(1.5, 0), 2);  // round(1.5) == 2
  EXPECT_EQ(round_half_even(2.5, 0), 2);  // round(2.5) == 2
  EXPECT_EQ(round_half_even(-0.5, 0), 0);  // round(-0.5) == 0
  EXPECT_EQ(round_half_even(-2.5, 0), -2);  // round(-2.5) == -2
  EXPECT_EQ(round_half_even(3.7, 0), 4);  // round(3.7) == 4
  // round(1.7976931348623157e+308, -308) -> OverflowError: rounded value too large to represent
  try {
    round_half_even(1.7976931348623157e+308, -308);
    ADD_FAILURE() << "no error";
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), "rounded value too large to represent"sv);
    EXPECT_EQ(e.kind(), FormatError::Kind::kOverflowError);
  }
}

TEST(RoundTest, IntMatchesCPython) {
  struct Case {
    int64_t value;
    int64_t ndigits;
    bool overflow;
    int64_t expected;
  };
  // round(value, ndigits) in CPython; overflow marks results outside int64.
  const Case cases[] = {
      {1250, -2, false, 1200},
      {1350, -2, false, 1400},
      {-1250, -2, false, -1200},
      {-1350, -2, false, -1400},
      {150, -2, false, 200},
      {250, -2, false, 200},
      {149, -2, false, 100},
      {123, 5, false, 123},
      {123, 0, false, 123},
      {5000000000000000000, -19, false, 0},
      {-5000000000000000000, -19, false, 0},
      {9000000000000000000, -19, true, 0},  // 10000000000000000000
      {INT64_MAX, -1, true, 0},  // 9223372036854775810
      {INT64_MIN, -1, true, 0},  // -9223372036854775810
      {INT64_MAX, -20, false, 0},
      {INT64_MIN, -18, false, -9000000000000000000},
      {15, -1, false, 20},
      {25, -1, false, 20},
      {-15, -1, false, -20},
      {-25, -1, false, -20},
      {0, -5, false, 0},
  };
  for (const Case& c : cases) {
    bool overflow = !c.overflow;
    int64_t r = round_int(c.value, c.ndigits, &overflow);
    EXPECT_EQ(overflow, c.overflow) << c.value << ", " << c.ndigits;
    if (!c.overflow) {
      EXPECT_EQ(r, c.expected) << c.value << ", " << c.ndigits;
    }
  }
}

TEST(DivisionTest, FloatMatchesCPython) {
  struct Case {
    double a, b;
    double floordiv, mod;
  };
  // a // b and a % b in CPython (divmod(a, b) gives the same pair).
  const Case cases[] = {
      {7.0, 2.0, 3.0, 1.0},
      {-7.0, 2.0, -4.0, 1.0},
      {7.0, -2.0, -4.0, -1.0},
      {-7.0, -2.0, 3.0, -1.0},
      {0.0, 5.0, 0.0, 0.0},
      {-0.0, 5.0, -0.0, 0.0},
      {0.0, -5.0, -0.0, -0.0},
      {5.0, kInf, 0.0, 5.0},
      {-5.0, kInf, -1.0, kInf},
      {5.0, -kInf, -1.0, -kInf},
      {-5.0, -kInf, 0.0, -5.0},
      {1.0, 0.1, 9.0, 0.09999999999999995},
      {0.5, 0.25, 2.0, 0.0},
      {-0.5, 0.25, -2.0, 0.0},
      {1e+308, 1e-308, kInf, 3.498445546245627e-309},
      {kInf, 2.0, -kNaN, -kNaN},
      {kNaN, 2.0, kNaN, kNaN},
      {3.5, 1.0, 3.0, 0.5},
      {-3.5, 1.0, -4.0, 0.5},
      {6.0, 3.0, 2.0, 0.0},
      {-6.0, 3.0, -2.0, 0.0},
      {1e-300, -1e+300, -1.0, -1e+300},
      {-1e-300, 1e+300, -1.0, 1e+300},
  };
  for (const Case& c : cases) {
    std::string what = float_repr(c.a) + ", " + float_repr(c.b);
    EXPECT_TRUE(same_float(float_floordiv(c.a, c.b), c.floordiv))
        << what << " // -> " << float_repr(float_floordiv(c.a, c.b));
    EXPECT_TRUE(same_float(float_mod(c.a, c.b), c.mod))
        << what << " % -> " << float_repr(float_mod(c.a, c.b));
    FloatDivMod dm = float_divmod(c.a, c.b);
    EXPECT_TRUE(same_float(dm.quotient, c.floordiv)) << what;
    EXPECT_TRUE(same_float(dm.remainder, c.mod)) << what;
  }
}

TEST(DivisionTest, IntMatchesCPython) {
  struct Case {
    int64_t a, b, floordiv, mod;
  };
  // a // b and a % b in CPython.
  const Case cases[] = {
      {7, 2, 3, 1},
      {-7, 2, -4, 1},
      {7, -2, -4, -1},
      {-7, -2, 3, -1},
      {0, 3, 0, 0},
      {6, 3, 2, 0},
      {-6, 3, -2, 0},
      {-1, 10, -1, 9},
      {1, -10, -1, -9},
      {INT64_MIN, 1, INT64_MIN, 0},
      {INT64_MIN, 2, -4611686018427387904, 0},
      {INT64_MIN, -2, 4611686018427387904, 0},
      {INT64_MAX, -1, -9223372036854775807, 0},
      {-9223372036854775807, -1, INT64_MAX, 0},
      {INT64_MAX, INT64_MAX, 1, 0},
      {INT64_MIN, INT64_MAX, -2, 9223372036854775806},
      {5, INT64_MIN, -1, -9223372036854775803},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(int_floordiv(c.a, c.b), c.floordiv) << c.a << " // " << c.b;
    EXPECT_EQ(int_mod(c.a, c.b), c.mod) << c.a << " % " << c.b;
  }
  EXPECT_EQ(int_mod(INT64_MIN, -1), 0);  // (-2**63) % -1 == 0
}

}  // namespace
}  // namespace gil::format
