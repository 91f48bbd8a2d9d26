// Tests of the UTF-8 check of source text: what is refused, and the byte
// and line the error names, as CPython's tokenizer reports them.

#include <gtest/gtest.h>

#include <string>

#include "gil/language/source_text.h"

namespace gil {
namespace {

// The message for [source], or "" when it is accepted.
std::string error_of(const std::string& source) {
  auto error = check_utf8(source, "f.py");
  return error ? error->what() : "";
}

std::string expected(const char* byte, int line) {
  return std::string("Non-UTF-8 code starting with '\\x") + byte + "' in file f.py on line " + std::to_string(line) +
         ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
}

TEST(SourceText, AcceptsUtf8) {
  EXPECT_EQ(error_of(""), "");
  EXPECT_EQ(error_of("print('caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xed\x9f\xbf \xf4\x8f\xbf\xbf')\n"), "");
  EXPECT_EQ(error_of("\xef\xbb\xbfprint(1)\n"), "");  // a byte-order mark
}

TEST(SourceText, RefusesWhatCPythonRefuses) {
  EXPECT_EQ(error_of("s = '\xff'\n"), expected("ff", 1));
  EXPECT_EQ(error_of("s = '\x80'\n"), expected("80", 1));           // a stray continuation byte
  EXPECT_EQ(error_of("s = '\xc0\x80'\n"), expected("c0", 1));       // overlong
  EXPECT_EQ(error_of("s = '\xc1\xbf'\n"), expected("c1", 1));       // overlong
  EXPECT_EQ(error_of("s = '\xe0\x80\x80'\n"), expected("e0", 1));   // overlong
  EXPECT_EQ(error_of("s = '\xed\xa0\x80'\n"), expected("ed", 1));   // a surrogate
  EXPECT_EQ(error_of("s = '\xf4\x90\x80\x80'\n"), expected("f4", 1));  // past U+10FFFF
  EXPECT_EQ(error_of("s = '\xf5\x80\x80\x80'\n"), expected("f5", 1));
  // The first byte of a sequence cut short, not the byte after it.
  EXPECT_EQ(error_of("s = '\xc3\xa9\xe2\x82'\n"), expected("e2", 1));
  EXPECT_EQ(error_of("s = '\xe2\x82"), expected("e2", 1));  // cut short by the end of the file
}

TEST(SourceText, NamesTheLineOfTheBadByte) {
  EXPECT_EQ(error_of("x = 1\n# caf\xc3\n"), expected("c3", 2));  // in a comment
  EXPECT_EQ(error_of("x = = 1\ny = 2\n'\xff'\n"), expected("ff", 3));  // after a syntax error
  EXPECT_EQ(error_of("x = 1\r\ny = '\xff'\n"), expected("ff", 2));
  EXPECT_EQ(error_of("x = 1\ry = '\xff'\n"), expected("ff", 2));
  EXPECT_EQ(error_of("x = '''\n\n\xff'''\n"), expected("ff", 3));
  auto error = check_utf8("x = 1\ny = '\xff'\n", "f.py");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->line, 2);
  EXPECT_EQ(error->col, 6);
}

}  // namespace
}  // namespace gil
