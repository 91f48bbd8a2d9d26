// The tokens the scanner hands to the parser.
//
// Token kinds are listed once, in X-macros, so the enum, the keyword table
// and the printable names can never drift apart. Like CPython's tokenizer,
// the scanner turns indentation into INDENT/DEDENT tokens and ends every
// logical line with NEWLINE, so the parser never looks at whitespace.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gil {

// Tokens that carry structure or a literal value; the second column is the
// name used in messages and tests.
#define GIL_STRUCTURAL_TOKENS(X) \
  X(EndMarker, "end of input")   \
  X(Newline, "newline")          \
  X(Indent, "indent")            \
  X(Dedent, "dedent")            \
  X(Name, "name")                \
  X(Int, "integer")              \
  X(Float, "float")              \
  X(String, "string")            \
  X(Bytes, "bytes")              \
  X(FString, "f-string")

// Python's hard keywords, spelled as in source. MiniPy rejects several of
// them (class, yield...) in the parser, so the scanner must know them all.
#define GIL_KEYWORD_TOKENS(X) \
  X(False, "False")           \
  X(None, "None")             \
  X(True, "True")             \
  X(And, "and")               \
  X(As, "as")                 \
  X(Assert, "assert")         \
  X(Async, "async")           \
  X(Await, "await")           \
  X(Break, "break")           \
  X(Class, "class")           \
  X(Continue, "continue")     \
  X(Def, "def")               \
  X(Del, "del")               \
  X(Elif, "elif")             \
  X(Else, "else")             \
  X(Except, "except")         \
  X(Finally, "finally")       \
  X(For, "for")               \
  X(From, "from")             \
  X(Global, "global")         \
  X(If, "if")                 \
  X(Import, "import")         \
  X(In, "in")                 \
  X(Is, "is")                 \
  X(Lambda, "lambda")         \
  X(Nonlocal, "nonlocal")     \
  X(Not, "not")               \
  X(Or, "or")                 \
  X(Pass, "pass")             \
  X(Raise, "raise")           \
  X(Return, "return")         \
  X(Try, "try")               \
  X(While, "while")           \
  X(With, "with")             \
  X(Yield, "yield")

// The operators and delimiters MiniPy supports, with their spelling.
#define GIL_OPERATOR_TOKENS(X)  \
  X(Plus, "+")                  \
  X(Minus, "-")                 \
  X(Star, "*")                  \
  X(Slash, "/")                 \
  X(DoubleSlash, "//")          \
  X(Percent, "%")               \
  X(DoubleStar, "**")           \
  X(Equal, "=")                 \
  X(PlusEqual, "+=")            \
  X(MinusEqual, "-=")           \
  X(StarEqual, "*=")            \
  X(SlashEqual, "/=")           \
  X(DoubleSlashEqual, "//=")    \
  X(PercentEqual, "%=")         \
  X(DoubleStarEqual, "**=")     \
  X(EqEqual, "==")              \
  X(NotEqual, "!=")             \
  X(Less, "<")                  \
  X(LessEqual, "<=")            \
  X(Greater, ">")               \
  X(GreaterEqual, ">=")         \
  X(LParen, "(")                \
  X(RParen, ")")                \
  X(LBracket, "[")              \
  X(RBracket, "]")              \
  X(LBrace, "{")                \
  X(RBrace, "}")                \
  X(Comma, ",")                 \
  X(Colon, ":")                 \
  X(Dot, ".")                   \
  X(Semicolon, ";")             \
  X(Arrow, "->")

// Operators of Python that MiniPy does not support. They are still scanned
// so the parser can name them in its error instead of saying "invalid syntax".
#define GIL_RESERVED_OPERATOR_TOKENS(X) \
  X(At, "@")                            \
  X(AtEqual, "@=")                      \
  X(Amper, "&")                         \
  X(AmperEqual, "&=")                   \
  X(VBar, "|")                          \
  X(VBarEqual, "|=")                    \
  X(Circumflex, "^")                    \
  X(CircumflexEqual, "^=")              \
  X(Tilde, "~")                         \
  X(LeftShift, "<<")                    \
  X(LeftShiftEqual, "<<=")              \
  X(RightShift, ">>")                   \
  X(RightShiftEqual, ">>=")             \
  X(ColonEqual, ":=")                   \
  X(Ellipsis, "...")

// Every kind of token, in the order of the lists above.
enum class TokenKind {
#define GIL_TOKEN_ENUM(kind, spelling) kind,
  GIL_STRUCTURAL_TOKENS(GIL_TOKEN_ENUM)
  GIL_KEYWORD_TOKENS(GIL_TOKEN_ENUM)
  GIL_OPERATOR_TOKENS(GIL_TOKEN_ENUM)
  GIL_RESERVED_OPERATOR_TOKENS(GIL_TOKEN_ENUM)
#undef GIL_TOKEN_ENUM
};

// Returns how a kind is written: the keyword or operator itself, or a short
// description ("name", "newline") for the structural kinds.
constexpr std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
#define GIL_TOKEN_NAME(kind, spelling) \
  case TokenKind::kind:                \
    return spelling;
    GIL_STRUCTURAL_TOKENS(GIL_TOKEN_NAME)
    GIL_KEYWORD_TOKENS(GIL_TOKEN_NAME)
    GIL_OPERATOR_TOKENS(GIL_TOKEN_NAME)
    GIL_RESERVED_OPERATOR_TOKENS(GIL_TOKEN_NAME)
#undef GIL_TOKEN_NAME
  }
  return "?";
}

// Returns true for the operators Python has but MiniPy rejects (see
// GIL_RESERVED_OPERATOR_TOKENS), so the parser can report them by name.
constexpr bool is_reserved_operator(TokenKind kind) {
  switch (kind) {
#define GIL_TOKEN_RESERVED(kind, spelling) case TokenKind::kind:
    GIL_RESERVED_OPERATOR_TOKENS(GIL_TOKEN_RESERVED)
#undef GIL_TOKEN_RESERVED
    return true;
    default:
      return false;
  }
}

// One piece of an f-string, as the scanner splits it. Splitting happens in
// the scanner because it is lexical work (quotes, braces, escapes); parsing
// a field's expression is left to the parser, which rescans `text`.
struct FStringPiece {
  // True for a `{...}` replacement field, false for literal text.
  bool is_field = false;
  // Literal text with escapes decoded and `{{`/`}}` unescaped, or, for a
  // field, the source text of its expression.
  std::string text;
  // Where `text` starts in the source, 1-based.
  int line = 1;
  int col = 1;
  // The conversion of a field: 'r' for `!r`, 's' for `!s`, 'a' for `!a`,
  // 0 for none.
  // A self-documenting `{x=}` field gets 'r' here when it has no conversion
  // and no spec, as in CPython.
  char conversion = 0;
  // The format spec after ':' with escapes decoded; empty when absent.
  std::string spec;
  // A spec with replacement fields of its own (`{x:{width}.{prec}}`): its
  // literal and field pieces, evaluated at run time; then [spec] is unused.
  // Empty when the spec is plain text.
  std::vector<FStringPiece> spec_pieces;
};

// A token: its kind, its text, where it starts, and its decoded value.
struct Token {
  TokenKind kind = TokenKind::EndMarker;
  // The identifier, keyword or operator as written; for a String, the
  // decoded value (UTF-8 bytes); for Bytes, the decoded bytes; for an
  // FString, the raw text between quotes.
  std::string text;
  // Where the token starts, 1-based. Tokens made at the end of input
  // (the final Dedents and EndMarker) sit where the last line ended, so an
  // error reported "at end of input" points at visible text, as CPython does.
  int line = 1;
  int col = 1;
  // The value of an Int. It may be 2**63 exactly, so that the parser can
  // fold `-9223372036854775808` into one int64 constant.
  uint64_t int_value = 0;
  // True when the Int is past 2**63: int_value is then meaningless and the
  // parser reads the digits from [text].
  bool int_past_64_bits = false;
  // The value of a Float.
  double float_value = 0.0;
  // The pieces of an FString, in source order.
  std::vector<FStringPiece> pieces;
};

}  // namespace gil
