// str methods at their edges, each line checked against CPython 3.11
// (tests/programs/str_edge_cases.py sweeps the same ground more widely).
#include <gtest/gtest.h>

#include "../support/capture.h"

namespace gil {
namespace {

using testing::run;

std::string eval(const std::string& expr) { return run("print(" + expr + ")\n").out; }

TEST(StrMethods, SplitWithoutSeparatorKeepsTheRestAfterMaxsplit) {
  EXPECT_EQ(eval("'  a b  '.split(None, 1)"), "['a', 'b  ']\n");
  EXPECT_EQ(eval("'  a b  '.split(maxsplit=0)"), "['a b  ']\n");
  EXPECT_EQ(eval("'  a b  '.split(None, -1)"), "['a', 'b']\n");
  EXPECT_EQ(eval("'a  '.split(None, 1), '   '.split(None, 0), ''.split(None, 0)"), "['a'] [] []\n");
  EXPECT_EQ(eval("'a\\x1cb\\x1fc'.split(), '\\x1ca\\x1d'.strip(), '\\x1e'.isspace()"), "['a', 'b', 'c'] a True\n");
}

TEST(StrMethods, SearchBoundsPastTheEnd) {
  EXPECT_EQ(eval("'abc'.find('', 3), 'abc'.find('', 4), 'abc'.rfind('', 4), 'abc'.find('', -10)"), "3 -1 -1 0\n");
  EXPECT_EQ(eval("'abc'.count(''), 'abc'.count('', 3), 'abc'.count('', 10), 'abc'.count('', 1, 2)"), "4 1 0 2\n");
  EXPECT_EQ(eval("'abc'.startswith('', 3), 'abc'.startswith('', 4), 'abc'.endswith('', 5), 'abc'.endswith('', 2, 1)"),
            "True False False False\n");
  EXPECT_EQ(eval("'abcab'.startswith('ab', -2), 'abcab'.endswith('ab', 0, -2), 'abcab'.startswith('b', 1, 1)"),
            "True False False\n");
  EXPECT_EQ(testing::last_line(run("'abc'.index('', 4)\n").err), "ValueError: substring not found");
  EXPECT_EQ(testing::last_line(run("'abc'.find('a', 'x')\n").err),
            "TypeError: slice indices must be integers or None or have an __index__ method");
  EXPECT_EQ(testing::last_line(run("'abc'.startswith((1, 'a'))\n").err),
            "TypeError: tuple for startswith must only contain str, not int");
}

TEST(StrMethods, ReprEscapesNonPrintableCodePoints) {
  EXPECT_EQ(eval("repr('\\x00\\t\\n\\r\\x1f\\x7f')"), "'\\x00\\t\\n\\r\\x1f\\x7f'\n");
  EXPECT_EQ(eval("repr(chr(0x80) + chr(0x9f) + chr(0xa0) + chr(0xad))"), "'\\x80\\x9f\\xa0\\xad'\n");
  EXPECT_EQ(eval("repr(chr(0x200b) + chr(0xd800) + chr(0xe0001))"), "'\\u200b\\ud800\\U000e0001'\n");
  EXPECT_EQ(eval("repr('caf\\xe9 \\u4e2d')"), "'caf\xc3\xa9 \xe4\xb8\xad'\n");
  // Indexing counts code points: the character, not its first UTF-8 byte.
  EXPECT_EQ(eval("repr('\\xe9'[0])"), "'\xc3\xa9'\n");
}

}  // namespace
}  // namespace gil
