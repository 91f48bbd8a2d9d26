// Tests of the scanner: token streams for layout, numbers, strings and
// f-strings, token positions, and lexical errors.

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "gil/language/scanner.h"

namespace gil {
namespace {

// Escapes a decoded string so that test expectations stay readable.
std::string escaped(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Escapes decoded bytes as escaped() does, and the bytes above 0x7F as \xhh.
std::string escaped_bytes(std::string_view data) {
  std::string out = "\"";
  for (char c : data) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
      out += buffer;
    } else {
      std::string one = escaped(std::string_view(&c, 1));
      out += one.substr(1, one.size() - 2);
    }
  }
  return out + "\"";
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::Name: return token.text;
    case TokenKind::Int: return "INT:" + std::to_string(token.int_value);
    case TokenKind::Float: {
      char buffer[64];
      auto result = std::to_chars(buffer, buffer + sizeof buffer, token.float_value);
      return "FLOAT:" + std::string(buffer, result.ptr);
    }
    case TokenKind::String: return "STR:" + escaped(token.text);
    case TokenKind::Bytes: return "BYTES:" + escaped_bytes(token.text);
    case TokenKind::FString: return "FSTR";
    case TokenKind::Newline: return "NL";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::EndMarker: return "END";
    default: return std::string(token_kind_name(token.kind));
  }
}

// The token stream of [source], one word per token.
std::string tokens(std::string_view source) {
  std::string out;
  for (const Token& token : scan(source)) {
    if (!out.empty()) out += ' ';
    out += describe(token);
  }
  return out;
}

// The tokens with their positions: "kind@line:col".
std::string positions(std::string_view source) {
  std::string out;
  for (const Token& token : scan(source)) {
    if (!out.empty()) out += ' ';
    out += describe(token) + "@" + std::to_string(token.line) + ":" + std::to_string(token.col);
  }
  return out;
}

// The single token of a one-token source.
Token only_token(std::string_view source) {
  std::vector<Token> all = scan(source);
  EXPECT_EQ(all.size(), 3u) << source;  // The token, NEWLINE, ENDMARKER.
  return all.front();
}

// The pieces of the f-string that is the whole of [source], one word each:
// "lit" for literal text, {text!c:spec} for a field.
std::string pieces(std::string_view source) {
  Token token = only_token(source);
  EXPECT_EQ(token.kind, TokenKind::FString) << source;
  std::string out;
  for (const FStringPiece& piece : token.pieces) {
    if (!out.empty()) out += ' ';
    if (!piece.is_field) {
      out += escaped(piece.text);
      continue;
    }
    out += "{" + piece.text;
    if (piece.conversion != 0) out += std::string("!") + piece.conversion;
    if (!piece.spec.empty()) out += ":" + piece.spec;
    out += "}";
  }
  return out;
}

struct ScanError {
  std::string message;
  int line = 0;
  int col = 0;
};

ScanError scan_error(std::string_view source) {
  try {
    scan(source);
  } catch (const SyntaxError& error) {
    return {error.what(), error.line, error.col};
  }
  ADD_FAILURE() << "no SyntaxError for: " << source;
  return {};
}

// ---- Layout ---------------------------------------------------------------

TEST(ScannerLayoutTest, EmptyAndBlankSourcesHaveOnlyTheEndMarker) {
  EXPECT_EQ(tokens(""), "END");
  EXPECT_EQ(tokens("\n\n"), "END");
  EXPECT_EQ(tokens("   \n\t\n"), "END");
  EXPECT_EQ(tokens("# just a comment\n   # another\n"), "END");
}

TEST(ScannerLayoutTest, EveryLogicalLineEndsWithNewlineEvenAtEndOfFile) {
  EXPECT_EQ(tokens("x = 1\n"), "x = INT:1 NL END");
  EXPECT_EQ(tokens("x = 1"), "x = INT:1 NL END");
  EXPECT_EQ(tokens("x\ny\n"), "x NL y NL END");
}

TEST(ScannerLayoutTest, IndentationProducesIndentAndDedent) {
  EXPECT_EQ(tokens("if x:\n    y\nz\n"), "if x : NL INDENT y NL DEDENT z NL END");
}

TEST(ScannerLayoutTest, SeveralDedentsAtOnce) {
  EXPECT_EQ(tokens("if a:\n  if b:\n    c\nd\n"),
            "if a : NL INDENT if b : NL INDENT c NL DEDENT DEDENT d NL END");
}

TEST(ScannerLayoutTest, OpenBlocksAreClosedAtEndOfFile) {
  EXPECT_EQ(tokens("if a:\n  if b:\n    c"),
            "if a : NL INDENT if b : NL INDENT c NL DEDENT DEDENT END");
}

TEST(ScannerLayoutTest, BlankAndCommentLinesDoNotAffectIndentation) {
  EXPECT_EQ(tokens("if x:\n\n    y\n  # odd comment\n\n        # deeper\n    z\n"),
            "if x : NL INDENT y NL z NL DEDENT END");
}

TEST(ScannerLayoutTest, TrailingCommentDoesNotHideTheNewline) {
  EXPECT_EQ(tokens("x = 1  # set x\ny"), "x = INT:1 NL y NL END");
}

TEST(ScannerLayoutTest, TabsAdvanceToTheNextMultipleOfEight) {
  // A tab then, on the next line, a tab: the same level.
  EXPECT_EQ(tokens("if x:\n\ty\n\tz\n"), "if x : NL INDENT y NL z NL DEDENT END");
  // Two tabs are deeper than one.
  EXPECT_EQ(tokens("if x:\n\tif y:\n\t\tz\n"),
            "if x : NL INDENT if y : NL INDENT z NL DEDENT DEDENT END");
}

TEST(ScannerLayoutTest, MixingTabsAndSpacesInconsistentlyIsATabError) {
  ScanError error = scan_error("if x:\n\ty\n        z\n");
  EXPECT_EQ(error.message, "inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(error.line, 3);
}

TEST(ScannerLayoutTest, BracketsJoinLinesAndSuspendIndentation) {
  EXPECT_EQ(tokens("x = (1,\n        2,\n  3)\ny\n"),
            "x = ( INT:1 , INT:2 , INT:3 ) NL y NL END");
  EXPECT_EQ(tokens("f([\n\n  {\n}])\n"), "f ( [ { } ] ) NL END");
}

TEST(ScannerLayoutTest, CommentsInsideBracketsAreSkipped) {
  EXPECT_EQ(tokens("x = [1,  # one\n     2]  # two\n"), "x = [ INT:1 , INT:2 ] NL END");
}

TEST(ScannerLayoutTest, BackslashJoinsLines) {
  EXPECT_EQ(tokens("x = 1 + \\\n    2\ny\n"), "x = INT:1 + INT:2 NL y NL END");
}

TEST(ScannerLayoutTest, WindowsAndOldMacLineEndings) {
  EXPECT_EQ(tokens("if x:\r\n    y\r\nz\r\n"), "if x : NL INDENT y NL DEDENT z NL END");
  EXPECT_EQ(tokens("a\rb\r"), "a NL b NL END");
  EXPECT_EQ(positions("a\r\nb"), "a@1:1 NL@1:2 b@2:1 NL@2:2 END@2:2");
}

TEST(ScannerLayoutTest, FormFeedResetsTheIndentationColumn) {
  EXPECT_EQ(tokens("if x:\n    y\n\f\n\fz\n"), "if x : NL INDENT y NL DEDENT z NL END");
}

TEST(ScannerLayoutTest, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(positions("\xEF\xBB\xBFx"), "x@1:1 NL@1:2 END@1:2");
}

TEST(ScannerLayoutTest, UnindentToAnUnknownLevelIsAnError) {
  ScanError error = scan_error("if x:\n        a\n    b\n");
  EXPECT_EQ(error.message, "unindent does not match any outer indentation level");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.col, 6);  // CPython points just past the end of the line.
}

TEST(ScannerLayoutTest, IndentationDepthIsLimited) {
  std::string source;
  for (int level = 0; level < 100; ++level) {
    source += std::string(static_cast<size_t>(level), ' ') + "if x:\n";
  }
  source += std::string(100, ' ') + "pass\n";
  EXPECT_EQ(scan_error(source).message, "too many levels of indentation");
}

// ---- Positions --------------------------------------------------------------

TEST(ScannerPositionTest, TokensCarryOneBasedLineAndColumn) {
  EXPECT_EQ(positions("x = f(1)\n  \nif y:\n    z"),
            "x@1:1 =@1:3 f@1:5 (@1:6 INT:1@1:7 )@1:8 NL@1:9 "
            "if@3:1 y@3:4 :@3:5 NL@3:6 INDENT@4:5 z@4:5 NL@4:6 DEDENT@4:6 END@4:6");
}

TEST(ScannerPositionTest, EndOfInputTokensSitAtTheEndOfTheLastLine) {
  EXPECT_EQ(positions("if x:\n    y\n\n\n"),
            "if@1:1 x@1:4 :@1:5 NL@1:6 INDENT@2:5 y@2:5 NL@2:6 DEDENT@2:6 END@2:6");
  EXPECT_EQ(positions(""), "END@1:1");
}

TEST(ScannerPositionTest, MultiLineStringStartsWhereItsQuoteIs) {
  EXPECT_EQ(positions("x = '''a\nb'''\ny"),
            "x@1:1 =@1:3 STR:\"a\\nb\"@1:5 NL@2:5 y@3:1 NL@3:2 END@3:2");
}

TEST(ScannerPositionTest, StringPrefixIsPartOfTheToken) {
  EXPECT_EQ(positions("x =  r'x'"), "x@1:1 =@1:3 STR:\"x\"@1:6 NL@1:10 END@1:10");
}

// ---- Names and keywords ---------------------------------------------------------

TEST(ScannerNameTest, KeywordsAreRecognisedAndNamesAreNot) {
  EXPECT_EQ(tokens("if iff _if If None none True_ lambda"),
            "if iff _if If None none True_ lambda NL END");
  EXPECT_EQ(only_token("while").kind, TokenKind::While);
  EXPECT_EQ(only_token("nonlocal").kind, TokenKind::Nonlocal);
  EXPECT_EQ(only_token("async").kind, TokenKind::Async);
  EXPECT_EQ(only_token("_x9").kind, TokenKind::Name);
}

TEST(ScannerNameTest, EveryKeywordScansToItsOwnKind) {
  for (std::string_view keyword :
       {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
        "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
        "raise", "return", "try", "while", "with", "yield"}) {
    Token token = only_token(keyword);
    EXPECT_NE(token.kind, TokenKind::Name) << keyword;
    EXPECT_EQ(token_kind_name(token.kind), keyword);
  }
}

// ---- Numbers ------------------------------------------------------------

TEST(ScannerNumberTest, DecimalIntegers) {
  EXPECT_EQ(tokens("0 7 42 1_000_000 00 0_0"),
            "INT:0 INT:7 INT:42 INT:1000000 INT:0 INT:0 NL END");
}

TEST(ScannerNumberTest, RadixIntegers) {
  EXPECT_EQ(tokens("0x1F 0XfF 0o17 0O7 0b101 0B1 0x_ff 0b1_0"),
            "INT:31 INT:255 INT:15 INT:7 INT:5 INT:1 INT:255 INT:2 NL END");
}

TEST(ScannerNumberTest, LargestIntegers) {
  EXPECT_EQ(only_token("9223372036854775807").int_value, 9223372036854775807u);
  // 2**63 itself is scanned, so that the parser can accept -2**63.
  EXPECT_EQ(only_token("9223372036854775808").int_value, 9223372036854775808u);
  EXPECT_EQ(only_token("0x8000000000000000").int_value, 9223372036854775808u);
  EXPECT_FALSE(only_token("0x8000000000000000").int_past_64_bits);
  // Past 2**63 the parser reads the digits from the token's text.
  EXPECT_TRUE(only_token("9223372036854775809").int_past_64_bits);
  EXPECT_TRUE(only_token("0xffff_ffff_ffff_ffff").int_past_64_bits);
  EXPECT_EQ(only_token("0xffff_ffff_ffff_ffff").text, "0xffff_ffff_ffff_ffff");
}

TEST(ScannerNumberTest, Floats) {
  EXPECT_EQ(tokens("1.5 .5 1. 1e10 1E10 1.5e-7 2e+3 1_0.2_5 0.0 1_0e1_0"),
            "FLOAT:1.5 FLOAT:0.5 FLOAT:1 FLOAT:1e+10 FLOAT:1e+10 FLOAT:1.5e-07 "
            "FLOAT:2000 FLOAT:10.25 FLOAT:0 FLOAT:1e+11 NL END");
  EXPECT_EQ(only_token("1.").kind, TokenKind::Float);
  EXPECT_EQ(only_token("1e5").kind, TokenKind::Float);
}

TEST(ScannerNumberTest, FloatsBeyondDoubleRange) {
  EXPECT_EQ(only_token("1e999").float_value, HUGE_VAL);
  EXPECT_EQ(only_token("1e-999").float_value, 0.0);
}

TEST(ScannerNumberTest, NumberFollowedByKeywordIsTwoTokens) {
  // CPython accepts these (with a warning); `0xfor` is 0xf or.
  EXPECT_EQ(tokens("1if x else 2"), "INT:1 if x else INT:2 NL END");
  EXPECT_EQ(tokens("0xfor"), "INT:15 or NL END");
  EXPECT_EQ(tokens("1.else"), "FLOAT:1 else NL END");
}

TEST(ScannerNumberTest, DotsAroundNumbers) {
  EXPECT_EQ(tokens("x.y 1 .real a[1:2]"), "x . y INT:1 . real a [ INT:1 : INT:2 ] NL END");
  EXPECT_EQ(tokens("..."), "... NL END");
}

struct ErrorCase {
  const char* source;
  const char* message;
  int line;
  int col;
};

void PrintTo(const ErrorCase& error_case, std::ostream* out) { *out << error_case.source; }

class ScannerErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(ScannerErrorTest, ReportsMessageAndPosition) {
  const ErrorCase& expected = GetParam();
  ScanError error = scan_error(expected.source);
  EXPECT_EQ(error.message, expected.message);
  EXPECT_EQ(error.line, expected.line);
  EXPECT_EQ(error.col, expected.col);
}

INSTANTIATE_TEST_SUITE_P(
    Numbers, ScannerErrorTest,
    testing::Values(
        ErrorCase{"x = 1e", "invalid decimal literal", 1, 5},
        ErrorCase{"x = 1e+", "invalid decimal literal", 1, 7},
        ErrorCase{"x = 1__0", "invalid decimal literal", 1, 6},
        ErrorCase{"x = 1_", "invalid decimal literal", 1, 6},
        ErrorCase{"x = 1abc", "invalid decimal literal", 1, 5},
        ErrorCase{"x = 0x", "invalid hexadecimal literal", 1, 6},
        ErrorCase{"x = 0xg", "invalid hexadecimal literal", 1, 6},
        ErrorCase{"x = 0xff_", "invalid hexadecimal literal", 1, 9},
        ErrorCase{"x = 0o8", "invalid digit '8' in octal literal", 1, 7},
        ErrorCase{"x = 0b102", "invalid digit '2' in binary literal", 1, 9},
        ErrorCase{"x = 01",
                  "leading zeros in decimal integer literals are not permitted; use an 0o "
                  "prefix for octal integers",
                  1, 5},
        ErrorCase{"x = 1j", "imaginary literals are not supported by MiniPy", 1, 5},
        ErrorCase{"x = 1.5J", "imaginary literals are not supported by MiniPy", 1, 5}));

INSTANTIATE_TEST_SUITE_P(
    Strings, ScannerErrorTest,
    testing::Values(
        ErrorCase{"x = 'abc", "unterminated string literal (detected at line 1)", 1, 5},
        ErrorCase{"x = 'abc\ny = 1", "unterminated string literal (detected at line 1)", 1, 5},
        ErrorCase{"x = 'a\\\nb", "unterminated string literal (detected at line 2)", 1, 5},
        ErrorCase{"x = \"\"\"abc\n", "unterminated triple-quoted string literal (detected at line 1)",
                  1, 5},
        ErrorCase{"x = '''abc\ndef\n\n",
                  "unterminated triple-quoted string literal (detected at line 3)", 1, 5},
        ErrorCase{"x = r'\\'", "unterminated string literal (detected at line 1)", 1, 5},
        ErrorCase{"x = b'caf\xC3\xA9'", "bytes can only contain ASCII literal characters", 1, 5},
        ErrorCase{"x = Rb'\xC3\xA9'", "bytes can only contain ASCII literal characters", 1, 5},
        ErrorCase{"x = b'''a\n\xC3\xA9'''", "bytes can only contain ASCII literal characters", 1,
                  5},
        ErrorCase{"x = b'a\\x4'", "(value error) invalid \\x escape at position 1", 1, 8},
        ErrorCase{"x = b'\\xg0'", "(value error) invalid \\x escape at position 0", 1, 7},
        ErrorCase{"x = b'abc", "unterminated string literal (detected at line 1)", 1, 5},
        ErrorCase{"x = 'a\\x1'",
                  "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: "
                  "truncated \\xXX escape",
                  1, 7},
        ErrorCase{"x = 'a\\u12'",
                  "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-4: "
                  "truncated \\uXXXX escape",
                  1, 7},
        ErrorCase{"x = '\\U00110000'",
                  "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: "
                  "illegal Unicode character",
                  1, 6},
        ErrorCase{"x = '\\N{DASH}'", "'\\N{...}' escapes are not supported by MiniPy", 1, 6},
        ErrorCase{"x = '\\ud800'", "surrogate code points in escapes are not supported by MiniPy",
                  1, 6}));

INSTANTIATE_TEST_SUITE_P(
    FStrings, ScannerErrorTest,
    testing::Values(
        ErrorCase{"f'{}'", "f-string: empty expression not allowed", 1, 3},
        ErrorCase{"f'{ }'", "f-string: empty expression not allowed", 1, 3},
        ErrorCase{"f'a}b'", "f-string: single '}' is not allowed", 1, 4},
        ErrorCase{"f'{a'", "f-string: expecting '}'", 1, 3},
        ErrorCase{"f'{a!r'", "f-string: expecting '}'", 1, 7},
        ErrorCase{"f'{a!rx}'", "f-string: expecting '}'", 1, 7},
        ErrorCase{"f'{a#}'", "f-string expression part cannot include '#'", 1, 5},
        ErrorCase{"f'{a\\n}'", "f-string expression part cannot include a backslash", 1, 5},
        ErrorCase{"f'{a!x}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                  1, 6},
        ErrorCase{"f'{a:{b:{c}}}'", "f-string: expressions nested too deeply", 1, 9},
        ErrorCase{"f'{a)}'", "f-string: unmatched ')'", 1, 5},
        ErrorCase{"f'{\"a}'", "f-string: unterminated string", 1, 4}));

INSTANTIATE_TEST_SUITE_P(
    Characters, ScannerErrorTest,
    testing::Values(
        ErrorCase{"x = $", "invalid syntax", 1, 5},
        ErrorCase{"x = a ? b", "invalid syntax", 1, 7},
        ErrorCase{"x = !a", "invalid syntax", 1, 5},
        ErrorCase{"x = `a`", "invalid syntax", 1, 5},
        ErrorCase{"x = \x01", "invalid non-printable character U+0001", 1, 5},
        ErrorCase{"x = 1 \xE2\x86\x92 2",
                  "invalid character '\xE2\x86\x92' (U+2192): MiniPy accepts non-ASCII text only "
                  "in strings and comments",
                  1, 7},
        ErrorCase{"caf\xC3\xA9 = 1",
                  "invalid character '\xC3\xA9' (U+00E9): MiniPy accepts non-ASCII text only in "
                  "strings and comments",
                  1, 4},
        ErrorCase{"x = \xFF", "invalid UTF-8 byte 0xff", 1, 5}));

INSTANTIATE_TEST_SUITE_P(
    Layout, ScannerErrorTest,
    testing::Values(
        ErrorCase{"x = 1 + \\ 2", "unexpected character after line continuation character", 1, 10},
        ErrorCase{"x = 1 + \\", "unexpected EOF while parsing", 1, 10},
        ErrorCase{"if x:\n    pass\n  y = 1",
                  "unindent does not match any outer indentation level", 3, 8}));

INSTANTIATE_TEST_SUITE_P(
    Brackets, ScannerErrorTest,
    testing::Values(
        ErrorCase{"foo(\nx", "'(' was never closed", 1, 4},
        ErrorCase{"x = [1,\n2", "'[' was never closed", 1, 5},
        ErrorCase{"foo(\n[", "'[' was never closed", 2, 1},
        ErrorCase{"foo)", "unmatched ')'", 1, 4},
        ErrorCase{"x = }", "unmatched '}'", 1, 5},
        ErrorCase{"foo(]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 5},
        ErrorCase{"x = (1,\n     2]",
                  "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 7}));

TEST(ScannerErrorTest, NullByteIsRejected) {
  std::string source("x = 1\ny = '\0'", 12);
  ScanError error = scan_error(source);
  EXPECT_EQ(error.message, "source code cannot contain null bytes");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.col, 6);
}

TEST(ScannerErrorTest, BracketNestingIsLimitedTo200) {
  EXPECT_NO_THROW(scan(std::string(200, '(') + std::string(200, ')')));
  ScanError error = scan_error(std::string(201, '[') + std::string(201, ']'));
  EXPECT_EQ(error.message, "too many nested parentheses");
  EXPECT_EQ(error.col, 201);
}

TEST(ScannerErrorTest, ScanningIsLazySoEarlierTokensComeFirst) {
  Scanner scanner("x = 1\ny = 'oops");
  EXPECT_EQ(scanner.next().kind, TokenKind::Name);
  EXPECT_EQ(scanner.next().kind, TokenKind::Equal);
  EXPECT_EQ(scanner.next().kind, TokenKind::Int);
  EXPECT_EQ(scanner.next().kind, TokenKind::Newline);
  EXPECT_EQ(scanner.next().kind, TokenKind::Name);
  EXPECT_EQ(scanner.next().kind, TokenKind::Equal);
  EXPECT_THROW(scanner.next(), SyntaxError);
}

TEST(ScannerErrorTest, EndMarkerRepeatsAfterTheEnd) {
  Scanner scanner("x");
  while (scanner.next().kind != TokenKind::EndMarker) {
  }
  EXPECT_EQ(scanner.next().kind, TokenKind::EndMarker);
  EXPECT_EQ(scanner.next().kind, TokenKind::EndMarker);
}

// ---- Strings --------------------------------------------------------------

TEST(ScannerStringTest, QuotesAndTripleQuotes) {
  EXPECT_EQ(tokens(R"('a' "b" '''c''' """d""" '' "")"),
            R"(STR:"a" STR:"b" STR:"c" STR:"d" STR:"" STR:"" NL END)");
  EXPECT_EQ(tokens("'''it's \"quoted\"\n'''"), R"(STR:"it's \"quoted\"\n" NL END)");
  EXPECT_EQ(tokens(R"("it's" 'say "hi"')"), R"(STR:"it's" STR:"say \"hi\"" NL END)");
}

TEST(ScannerStringTest, AdjacentLiteralsAreSeparateTokens) {
  EXPECT_EQ(tokens("'a' 'b'"), R"(STR:"a" STR:"b" NL END)");
}

TEST(ScannerStringTest, SimpleEscapes) {
  EXPECT_EQ(only_token(R"('\n\t\\\'\"\r\a\b\f\v')").text, "\n\t\\'\"\r\a\b\f\v");
}

TEST(ScannerStringTest, NumericEscapesBecomeUtf8) {
  EXPECT_EQ(only_token(R"('\x41\x7a')").text, "Az");
  EXPECT_EQ(only_token(R"('\xe9')").text, "\xC3\xA9");  // U+00E9 as UTF-8.
  EXPECT_EQ(only_token(R"('\u00e9\u20AC')").text, "\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(only_token(R"('\U0001F600')").text, "\xF0\x9F\x98\x80");
  EXPECT_EQ(only_token(R"('\101\60\0')").text, std::string("A0\0", 3));
  EXPECT_EQ(only_token(R"('\0')").text, std::string("\0", 1));
}

TEST(ScannerStringTest, UnknownEscapesKeepTheirBackslash) {
  EXPECT_EQ(only_token(R"('\d\q')").text, "\\d\\q");
}

TEST(ScannerStringTest, BackslashNewlineContinuesTheString) {
  EXPECT_EQ(tokens("x = 'ab\\\ncd'\ny"), R"(x = STR:"abcd" NL y NL END)");
  EXPECT_EQ(only_token("'''a\\\nb'''").text, "ab");
}

TEST(ScannerStringTest, RawStringsKeepBackslashes) {
  EXPECT_EQ(only_token(R"(r'\n\x41')").text, R"(\n\x41)");
  EXPECT_EQ(only_token(R"(R"a\"b")").text, R"(a\"b)");
  EXPECT_EQ(only_token("r'a\\\nb'").text, "a\\\nb");
}

TEST(ScannerStringTest, UnicodePrefixIsAccepted) {
  EXPECT_EQ(tokens("u'a' U\"b\""), R"(STR:"a" STR:"b" NL END)");
}

TEST(ScannerStringTest, LineEndsInsideTripleQuotesBecomeNewlines) {
  EXPECT_EQ(only_token("'''a\r\nb\rc'''").text, "a\nb\nc");
}

TEST(ScannerStringTest, NonAsciiBytesPassThrough) {
  EXPECT_EQ(only_token("'caf\xC3\xA9 \xF0\x9F\x98\x80'").text, "caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(tokens("x = 1  # \xC3\xA7" "a va\n"), "x = INT:1 NL END");
}

TEST(ScannerStringTest, NamesThatLookLikePrefixesAreNames) {
  EXPECT_EQ(tokens("r f b rb x"), "r f b rb x NL END");
  EXPECT_EQ(tokens("ur'x'"), R"(ur STR:"x" NL END)");
}

// ---- Bytes --------------------------------------------------------------------

TEST(ScannerBytesTest, EveryBytesPrefixMakesABytesToken) {
  EXPECT_EQ(tokens(R"(b'a' B"b" rb'\n' Br'c' bR'd' RB'e' b'''f''')"),
            R"(BYTES:"a" BYTES:"b" BYTES:"\\n" BYTES:"c" BYTES:"d" BYTES:"e" BYTES:"f" NL END)");
}

TEST(ScannerBytesTest, AdjacentBytesAndStrAreSeparateTokens) {
  EXPECT_EQ(tokens("b'a' 'b' b'c'"), R"(BYTES:"a" STR:"b" BYTES:"c" NL END)");
}

TEST(ScannerBytesTest, PrefixIsPartOfTheToken) {
  EXPECT_EQ(positions("x = rb'x'"), R"(x@1:1 =@1:3 BYTES:"x"@1:5 NL@1:10 END@1:10)");
}

TEST(ScannerBytesTest, EscapesMakeSingleBytes) {
  // \xff is one byte, not the two of U+00FF in UTF-8.
  EXPECT_EQ(only_token(R"(b'\x41\xff\x00')").text, std::string("A\xff\0", 3));
  EXPECT_EQ(only_token(R"(b'\n\t\\\'\"\r\a\b\f\v')").text, "\n\t\\'\"\r\a\b\f\v");
  EXPECT_EQ(only_token(R"(b'\101\60\0')").text, std::string("A0\0", 3));
  EXPECT_EQ(tokens(R"(b'\x80\xfe')"), R"(BYTES:"\x80\xfe" NL END)");
}

TEST(ScannerBytesTest, OctalEscapesAboveAByteWrapAround) {
  EXPECT_EQ(only_token(R"(b'\777\400')").text, std::string("\xff\0", 2));
}

TEST(ScannerBytesTest, CodePointEscapesKeepTheirBackslash) {
  EXPECT_EQ(only_token(R"(b'\u00e9\U0001F600\N{DASH}\q')").text, R"(\u00e9\U0001F600\N{DASH}\q)");
}

TEST(ScannerBytesTest, RawBytesKeepBackslashes) {
  EXPECT_EQ(only_token(R"(rb'\x41\n')").text, R"(\x41\n)");
}

TEST(ScannerBytesTest, BackslashNewlineAndLineEnds) {
  EXPECT_EQ(only_token("b'ab\\\ncd'").text, "abcd");
  EXPECT_EQ(only_token("b'''a\r\nb'''").text, "a\nb");
}

// ---- F-strings --------------------------------------------------------------

TEST(ScannerFStringTest, SplitsLiteralsAndFields) {
  EXPECT_EQ(pieces("f'a{x}b{y + 1}c'"), R"("a" {x} "b" {y + 1} "c")");
  EXPECT_EQ(pieces("f'{x}'"), "{x}");
  EXPECT_EQ(pieces("F''"), "");
}

TEST(ScannerFStringTest, DoubledBracesAreLiteral) {
  EXPECT_EQ(pieces("f'{{a}} {x} }}'"), R"("{a} " {x} " }")");
}

TEST(ScannerFStringTest, ConversionsAndSpecs) {
  EXPECT_EQ(pieces("f'{x!r} {y!s:>10} {z:.2f}'"), R"({x!r} " " {y!s:>10} " " {z:.2f})");
}

TEST(ScannerFStringTest, OperatorsThatLookLikeFieldEnds) {
  EXPECT_EQ(pieces("f'{a != b} {a == b} {a <= b} {a >= b} {a < b}'"),
            R"({a != b} " " {a == b} " " {a <= b} " " {a >= b} " " {a < b})");
  // A dict display needs a space after the '{', or it reads as '{{'.
  EXPECT_EQ(pieces("f'{d[\"k\"]} {f(x, y)} {[1, 2][0]} { {1: 2}[1]}'"),
            R"({d["k"]} " " {f(x, y)} " " {[1, 2][0]} " " { {1: 2}[1]})");
}

TEST(ScannerFStringTest, QuotesInsideFieldsAreSkipped) {
  EXPECT_EQ(pieces("f\"{'}' + ':'}\""), "{'}' + ':'}");
}

TEST(ScannerFStringTest, SelfDocumentingFieldsAddTheirText) {
  EXPECT_EQ(pieces("f'{x=}'"), R"("x=" {x!r})");
  EXPECT_EQ(pieces("f'{ x = }'"), R"(" x = " { x !r})");
  EXPECT_EQ(pieces("f'{x=!s}'"), R"("x=" {x!s})");
  EXPECT_EQ(pieces("f'{x=:>4}'"), R"("x=" {x:>4})");
}

TEST(ScannerFStringTest, EscapesInLiteralPartsAndSpecs) {
  EXPECT_EQ(pieces("f'a\\n{x}\\t'"), R"("a\n" {x} "\t")");
  EXPECT_EQ(pieces("f'{x:\\x3e5}'"), "{x:>5}");
}

TEST(ScannerFStringTest, RawFStringsKeepBackslashes) {
  EXPECT_EQ(pieces("rf'\\n{x}'"), R"("\\n" {x})");
  EXPECT_EQ(pieces("fR'\\d{x}'"), R"("\\d" {x})");
}

TEST(ScannerFStringTest, PiecesKnowWhereTheyStart) {
  Token token = scan("x = f'ab{ x }c'")[2];
  ASSERT_EQ(token.pieces.size(), 3u);
  EXPECT_EQ(token.pieces[0].col, 7);
  EXPECT_EQ(token.pieces[1].col, 10);  // Right after the '{'.
  EXPECT_EQ(token.pieces[2].col, 14);
}

TEST(ScannerFStringTest, TripleQuotedFieldsMaySpanLines) {
  Token token = only_token("f'''a\n{x +\n y}'''");
  ASSERT_EQ(token.pieces.size(), 2u);
  EXPECT_EQ(token.pieces[1].text, "x +\n y");
  EXPECT_EQ(token.pieces[1].line, 2);
  EXPECT_EQ(token.pieces[1].col, 2);
}

TEST(ScannerFStringTest, FieldModeScansAsIfInsideParentheses) {
  Scanner scanner = Scanner::for_fstring_field("a +\n  b", 3, 10);
  Token a = scanner.next();
  Token plus = scanner.next();
  Token b = scanner.next();
  Token end = scanner.next();
  EXPECT_EQ(a.kind, TokenKind::Name);
  EXPECT_EQ(a.line, 3);
  EXPECT_EQ(a.col, 10);
  EXPECT_EQ(plus.col, 12);
  EXPECT_EQ(b.line, 4);
  EXPECT_EQ(b.col, 3);
  EXPECT_EQ(end.kind, TokenKind::EndMarker);
}

// ---- Operators --------------------------------------------------------------

TEST(ScannerOperatorTest, LongestMatchWins) {
  EXPECT_EQ(tokens("a**=b//=c**d//e->f"), "a **= b //= c ** d // e -> f NL END");
  EXPECT_EQ(tokens("a<=b>=c==d!=e<f>g=h"), "a <= b >= c == d != e < f > g = h NL END");
  EXPECT_EQ(tokens("+ += - -= * *= / /= % %="), "+ += - -= * *= / /= % %= NL END");
  EXPECT_EQ(tokens("( ) [ ] { } , : . ;"), "( ) [ ] { } , : . ; NL END");
}

TEST(ScannerOperatorTest, ReservedOperatorsAreScannedSoTheParserCanNameThem) {
  EXPECT_EQ(tokens("@ @= & &= | |= ^ ^= ~ << <<= >> >>= := ..."),
            "@ @= & &= | |= ^ ^= ~ << <<= >> >>= := ... NL END");
  EXPECT_TRUE(is_reserved_operator(TokenKind::Amper));
  EXPECT_TRUE(is_reserved_operator(TokenKind::ColonEqual));
  EXPECT_FALSE(is_reserved_operator(TokenKind::Plus));
}

}  // namespace
}  // namespace gil
