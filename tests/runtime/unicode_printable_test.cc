// is_printable, the generated table behind repr() of a str: the counts and
// boundaries below are CPython 3.11's str.isprintable() (Unicode 14.0.0).
#include <gtest/gtest.h>

#include "gil/runtime/unicode.h"

namespace gil {
namespace {

TEST(UnicodePrintable, CountsMatchCPython) {
  // sum(not chr(c).isprintable() for c in range(N)) for N = 0x80, 0x10000, 0x110000
  auto count_below = [](char32_t n) {
    int non_printable = 0;
    for (char32_t cp = 0; cp < n; ++cp) non_printable += is_printable(cp) ? 0 : 1;
    return non_printable;
  };
  EXPECT_EQ(count_below(0x80), 33);
  EXPECT_EQ(count_below(0x10000), 10030);
  EXPECT_EQ(count_below(0x110000), 969596);
}

TEST(UnicodePrintable, BoundariesMatchCPython) {
  struct Case {
    char32_t cp;
    bool printable;
  };
  static const Case cases[] = {
      {0x00, false},   {0x1F, false},    {0x20, true},     {0x7E, true},     {0x7F, false},    {0x80, false},
      {0x9F, false},   {0xA0, false},    {0xA1, true},     {0xAC, true},     {0xAD, false},    {0xAE, true},
      {0xE9, true},    {0x377, true},    {0x378, false},   {0x37A, true},    {0x2027, true},   {0x2028, false},
      {0x202F, false}, {0x4E2D, true},   {0xD800, false},  {0xE000, false},  {0xFEFF, false},  {0xFFFD, true},
      {0xFFFF, false}, {0x1F600, true},  {0x1FFFE, false}, {0xE0000, false}, {0xE0100, true},  {0xE01EF, true},
      {0xE01F0, false}, {0x10FFFF, false},
  };
  for (const Case& c : cases) EXPECT_EQ(is_printable(c.cp), c.printable) << std::hex << "U+" << uint32_t(c.cp);
}

}  // namespace
}  // namespace gil
