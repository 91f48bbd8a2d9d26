// The parser: tokens to the abstract syntax tree of ast.h.
//
// One function per grammar rule, in the order of Python's own grammar, from
// statements down to atoms. The parser pulls tokens lazily from the Scanner
// and keeps a small lookahead queue (at most two tokens are ever needed).
//
// Everything outside MiniPy's subset is rejected here with a message naming
// the construct, so that the compiler only ever sees supported trees. Error
// wording and positions follow CPython 3.11 where it has a rule for them.
#include "gil/language/parser.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

#include "gil/language/scanner.h"
#include "gil/language/token.h"

namespace gil {
namespace {

using TK = TokenKind;

// Marks a rule that must not be inlined into its caller. The parser recurses
// through atoms and blocks; inlined, every kind of bracket or statement
// would add its locals to each level of that recursion, and deep but legal
// nesting would need several times more stack (especially under ASan).
#define GIL_OUT_OF_LINE [[gnu::noinline]]

// The deepest tree the parser builds, counting nested expressions, operator
// chains, blocks and elif clauses. Bounding it bounds the recursion of the
// parser itself, of the tree's destructor, and of the compiler's walk.
constexpr int kMaxDepth = 1000;

// An elif chain may use only part of that depth, so that the expressions
// inside its last clause still have room, and so that an overlong chain is
// reported as such.
constexpr int kMaxStatementDepth = kMaxDepth / 2;

// CPython's hint for two elements in a row inside brackets; such an error
// defers to an unclosed bracket (see Parser::parse_module).
constexpr const char* kForgotComma = "invalid syntax. Perhaps you forgot a comma?";

// The magnitude of INT64_MIN, which only exists as a negated literal.
constexpr uint64_t kMinIntMagnitude = uint64_t{1} << 63;
// CPython's sys.int_info.default_max_str_digits, which decimal literals obey.
constexpr size_t kMaxLiteralDigits = 4300;

// A source position, 1-based.
struct Pos {
  int line;
  int col;
};

Pos pos_of(const Token& token) { return {token.line, token.col}; }
Pos pos_of(const ast::Expr& expr) { return {expr.line, expr.col}; }

[[noreturn]] void fail_at(Pos at, std::string message) {
  throw SyntaxError(std::move(message), at.line, at.col);
}

template <class Node>
ast::ExprPtr make_expr(Pos at, Node node) {
  auto expr = std::make_unique<ast::Expr>();
  expr->line = at.line;
  expr->col = at.col;
  expr->node.emplace<Node>(std::move(node));
  return expr;
}

template <class Node>
ast::StmtPtr make_stmt(Pos at, Node node) {
  auto stmt = std::make_unique<ast::Stmt>();
  stmt->line = at.line;
  stmt->col = at.col;
  stmt->node.emplace<Node>(std::move(node));
  return stmt;
}

ast::ExprPtr make_constant(Pos at, ast::Constant constant) {
  return make_expr(at, std::move(constant));
}

template <class Node>
bool is(const ast::Expr& expr) {
  return std::holds_alternative<Node>(expr.node);
}

// Python's name for a kind of expression in "cannot assign to ..." messages
// (CPython's _PyPegen_get_expr_name).
std::string expr_kind_name(const ast::Expr& expr) {
  if (const auto* constant = std::get_if<ast::Constant>(&expr.node)) {
    if (std::holds_alternative<std::monostate>(constant->value)) return "None";
    if (const bool* flag = std::get_if<bool>(&constant->value)) return *flag ? "True" : "False";
    return "literal";
  }
  if (is<ast::Name>(expr)) return "name";
  if (is<ast::JoinedStr>(expr) || is<ast::FormattedValue>(expr)) return "f-string expression";
  if (is<ast::Compare>(expr)) return "comparison";
  if (is<ast::IfExp>(expr)) return "conditional expression";
  if (is<ast::Lambda>(expr)) return "lambda";
  if (is<ast::Call>(expr)) return "function call";
  if (is<ast::Attribute>(expr)) return "attribute";
  if (is<ast::Subscript>(expr)) return "subscript";
  if (is<ast::Slice>(expr)) return "slice";
  if (is<ast::List>(expr)) return "list";
  if (is<ast::Tuple>(expr)) return "tuple";
  if (is<ast::Dict>(expr)) return "dict literal";
  if (is<ast::ListComp>(expr)) return "list comprehension";
  if (is<ast::DictComp>(expr)) return "dict comprehension";
  if (is<ast::Set>(expr)) return "set display";
  if (is<ast::SetComp>(expr)) return "set comprehension";
  if (is<ast::Starred>(expr)) return "starred";
  return "expression";  // BinOp, UnaryOpExpr, BoolOp.
}

// True for the invalid targets after which CPython suggests '==' ("cannot
// assign to literal here. Maybe you meant '==' instead of '='?"): those that
// parse as a bitwise-or level expression and are not displays or keywords.
bool suggests_equality(const ast::Expr& expr) {
  if (const auto* constant = std::get_if<ast::Constant>(&expr.node)) {
    return !std::holds_alternative<std::monostate>(constant->value) &&
           !std::holds_alternative<bool>(constant->value);
  }
  if (const auto* unary = std::get_if<ast::UnaryOpExpr>(&expr.node)) {
    return unary->op != ast::UnaryOp::Not;
  }
  return is<ast::JoinedStr>(expr) || is<ast::Call>(expr) || is<ast::BinOp>(expr) ||
         is<ast::Dict>(expr) || is<ast::ListComp>(expr) || is<ast::DictComp>(expr) ||
         is<ast::Set>(expr) || is<ast::SetComp>(expr);
}

// The message for a token that cannot appear where it was found, naming the
// unsupported Python feature it belongs to when there is one.
std::string unexpected_message(TK kind, std::string_view fallback) {
  switch (kind) {
    case TK::Await: return "'await' is not supported by MiniPy";
    case TK::Async: return "'async' is not supported by MiniPy";
    case TK::Indent: return "unexpected indent";
    default: break;
  }
  return std::string(fallback);
}

// True when a token can begin an expression; used to tell a trailing comma
// from a comma followed by another element.
bool starts_expression(TK kind) {
  switch (kind) {
    case TK::Name: case TK::Int: case TK::Float: case TK::String: case TK::Bytes: case TK::FString:
    case TK::True: case TK::False: case TK::None: case TK::LParen: case TK::LBracket:
    case TK::LBrace: case TK::Minus: case TK::Plus: case TK::Not: case TK::Lambda:
    case TK::Tilde: case TK::Star: case TK::Yield: case TK::Await: case TK::Ellipsis:
      return true;
    default:
      return false;
  }
}

// True when a token after a complete element most likely starts the next
// one, i.e. a comma is missing: `[1 2]`.
bool starts_missing_comma_element(TK kind) {
  switch (kind) {
    case TK::Name: case TK::Int: case TK::Float: case TK::String: case TK::Bytes: case TK::FString:
    case TK::True: case TK::False: case TK::None: case TK::LBrace: case TK::Lambda:
      return true;
    default:
      return false;
  }
}

std::optional<BinaryOp> augmented_op(TK kind) {
  switch (kind) {
    case TK::PlusEqual: return BinaryOp::Add;
    case TK::MinusEqual: return BinaryOp::Sub;
    case TK::StarEqual: return BinaryOp::Mul;
    case TK::SlashEqual: return BinaryOp::Div;
    case TK::DoubleSlashEqual: return BinaryOp::FloorDiv;
    case TK::PercentEqual: return BinaryOp::Mod;
    case TK::DoubleStarEqual: return BinaryOp::Pow;
    case TK::AtEqual: return BinaryOp::MatMul;
    case TK::LeftShiftEqual: return BinaryOp::LShift;
    case TK::RightShiftEqual: return BinaryOp::RShift;
    case TK::AmperEqual: return BinaryOp::And;
    case TK::CircumflexEqual: return BinaryOp::Xor;
    case TK::VBarEqual: return BinaryOp::Or;
    default: return std::nullopt;
  }
}

std::optional<BinaryOp> additive_op(TK kind) {
  if (kind == TK::Plus) return BinaryOp::Add;
  if (kind == TK::Minus) return BinaryOp::Sub;
  return std::nullopt;
}

std::optional<BinaryOp> multiplicative_op(TK kind) {
  switch (kind) {
    case TK::Star: return BinaryOp::Mul;
    case TK::At: return BinaryOp::MatMul;
    case TK::Slash: return BinaryOp::Div;
    case TK::DoubleSlash: return BinaryOp::FloorDiv;
    case TK::Percent: return BinaryOp::Mod;
    default: return std::nullopt;
  }
}

std::optional<BinaryOp> shift_op(TK kind) {
  if (kind == TK::LeftShift) return BinaryOp::LShift;
  if (kind == TK::RightShift) return BinaryOp::RShift;
  return std::nullopt;
}

std::optional<BinaryOp> and_op(TK kind) { return kind == TK::Amper ? std::optional(BinaryOp::And) : std::nullopt; }
std::optional<BinaryOp> xor_op(TK kind) { return kind == TK::Circumflex ? std::optional(BinaryOp::Xor) : std::nullopt; }
std::optional<BinaryOp> or_op(TK kind) { return kind == TK::VBar ? std::optional(BinaryOp::Or) : std::nullopt; }

// Whether a target is being assigned (=, for, with, comprehension) or deleted.
enum class TargetUse { Assign, Delete };

class Parser {
 public:
  // Parses the tokens of [scanner]; [depth] is the tree depth already used
  // by an enclosing parser (for an f-string field), 0 for a file.
  Parser(Scanner scanner, int depth) : scanner_(std::move(scanner)), depth_(depth) {}

  // file: statement* ENDMARKER
  // On a parse error, a lexical error further on takes precedence, as in
  // CPython (see Scanner::scan_rest_for_error). A missing comma is often
  // really a missing closing bracket, so then an unclosed bracket wins too.
  ast::Module parse_module() {
    try {
      ast::Module module;
      while (!check(TK::EndMarker)) parse_statement(module.body);
      return module;
    } catch (const SyntaxError& error) {
      // CPython reports a stray indent before looking any further.
      if (scanner_failed_ || std::string_view(error.what()) == "unexpected indent") throw;
      bool forgot_comma = std::string_view(error.what()) == kForgotComma;
      if (auto lexical = scanner_.scan_rest_for_error(error.line, forgot_comma)) throw *lexical;
      throw;
    }
  }

  // The expression of an f-string field: star_expressions ENDMARKER. The
  // field reads as if parenthesized, so a missing comma is diagnosed too.
  ast::ExprPtr parse_field_expression() {
    ast::ExprPtr value = parse_star_expressions();
    if (is<ast::Starred>(*value)) fail_at(pos_of(*value), "cannot use starred expression here");
    if (!check(TK::EndMarker)) {
      check_missing_comma(*value);
      fail_unexpected("invalid syntax");
    }
    return value;
  }

 private:
  // Counts tree depth while alive and fails beyond kMaxDepth. One guard can
  // be deepened several times, e.g. once per operator of a left-leaning chain.
  class DepthGuard {
   public:
    explicit DepthGuard(Parser& parser) : parser_(parser) {}
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    ~DepthGuard() { parser_.depth_ -= levels_; }

    void deepen(Pos at, const char* message = "expression is too deeply nested",
                int limit = kMaxDepth) {
      ++levels_;
      if (++parser_.depth_ > limit) fail_at(at, message);
    }

   private:
    Parser& parser_;
    int levels_ = 0;
  };

  // ---- Token plumbing ----

  const Token& peek(size_t ahead = 0) {
    while (ahead_.size() <= ahead) {
      try {
        ahead_.push_back(scanner_.next());
      } catch (const SyntaxError&) {
        scanner_failed_ = true;
        throw;
      }
    }
    return ahead_[ahead];
  }

  // Where the current token is.
  Pos here() { return pos_of(peek()); }

  bool check(TK kind, size_t ahead = 0) { return peek(ahead).kind == kind; }

  // Hands out the current token and steps over it. The recursive
  // expression rules avoid this (and any Token local), which keeps their
  // stack frames small; see consume() and take_name().
  Token advance() {
    peek();
    Token token = std::move(ahead_.front());
    ahead_.pop_front();
    return token;
  }

  // Steps over the current token.
  void skip() {
    peek();
    ahead_.pop_front();
  }

  // Steps over the current token and returns where it was.
  Pos consume() {
    Pos at = here();
    skip();
    return at;
  }

  bool match(TK kind) {
    if (!check(kind)) return false;
    skip();
    return true;
  }

  void expect(TK kind, std::string_view message) {
    if (!check(kind)) fail_unexpected(message);
    skip();
  }

  // Expects a name and returns its text.
  std::string take_name() {
    if (!check(TK::Name)) fail_unexpected("invalid syntax");
    std::string name = std::move(ahead_.front().text);
    skip();
    return name;
  }

  // Fails at the current token, with [fallback] unless the token belongs
  // to a construct MiniPy rejects by name.
  [[noreturn]] void fail_unexpected(std::string_view fallback) {
    fail_at(here(), unexpected_message(peek().kind, fallback));
  }

  // ---- Statements ----

  // statement: compound_stmt | simple_stmts
  void parse_statement(ast::Body& out) {
    switch (peek().kind) {
      case TK::If: out.push_back(parse_if()); return;
      case TK::While: out.push_back(parse_while()); return;
      case TK::For: out.push_back(parse_for()); return;
      case TK::Def: out.push_back(parse_def()); return;
      case TK::Class: out.push_back(parse_class()); return;
      case TK::Try: out.push_back(parse_try()); return;
      case TK::With: out.push_back(parse_with()); return;
      case TK::At: out.push_back(parse_decorated()); return;
      case TK::Indent:  // CPython points at the last character of the indentation.
        fail_at({peek().line, std::max(1, peek().col - 1)}, "unexpected indent");
      default: parse_simple_statements(out);
    }
  }

  // simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
  GIL_OUT_OF_LINE void parse_simple_statements(ast::Body& out) {
    while (true) {
      out.push_back(parse_simple_statement());
      if (!match(TK::Semicolon) || check(TK::Newline)) break;
    }
    expect(TK::Newline, "invalid syntax");
  }

  bool at_statement_end() { return check(TK::Newline) || check(TK::Semicolon); }

  ast::StmtPtr parse_simple_statement() {
    Pos at = here();
    switch (peek().kind) {
      case TK::Pass: skip(); return make_stmt(at, ast::Pass{});
      case TK::Break: skip(); return make_stmt(at, ast::Break{});
      case TK::Continue: skip(); return make_stmt(at, ast::Continue{});
      case TK::Return: return parse_return();
      case TK::Global: return parse_global();
      case TK::Nonlocal: return parse_nonlocal();
      case TK::Assert: return parse_assert();
      case TK::Del: return parse_del();
      case TK::Raise: return parse_raise();
      case TK::Import: return parse_import();
      case TK::From: return parse_from_import();
      default: return parse_expression_statement();
    }
  }

  // An expression statement, an assignment or an augmented assignment.
  ast::StmtPtr parse_expression_statement() {
    Pos at = here();
    ast::ExprPtr first = parse_yield_or_star_expressions();
    if (check(TK::Equal)) return parse_assignment(at, std::move(first));
    if (auto op = augmented_op(peek().kind)) {
      check_augmented_target(*first);
      skip();
      ast::AugAssign node;
      node.target = std::move(first);
      node.op = *op;
      node.value = parse_yield_or_star_expressions();
      return make_stmt(at, std::move(node));
    }
    if (check(TK::Colon)) return parse_annotated_assignment(at, std::move(first));
    check_print_statement(*first);
    return make_stmt(at, ast::ExprStmt{std::move(first)});
  }

  // annotated_rhs: target ':' expression ['=' (yield_expr | star_expressions)]
  ast::StmtPtr parse_annotated_assignment(Pos at, ast::ExprPtr target) {
    if (is<ast::Tuple>(*target)) fail_at(pos_of(*target), "only single target (not tuple) can be annotated");
    if (is<ast::List>(*target)) fail_at(pos_of(*target), "only single target (not list) can be annotated");
    if (!is<ast::Name>(*target) && !is<ast::Attribute>(*target) && !is<ast::Subscript>(*target))
      fail_at(pos_of(*target), "illegal target for annotation");
    skip();  // ':'
    ast::AnnAssign node;
    node.simple = is<ast::Name>(*target) && !parenthesized_.count(target.get());
    node.target = std::move(target);
    node.annotation = parse_expression();
    if (match(TK::Equal)) node.value = parse_yield_or_star_expressions();
    return make_stmt(at, std::move(node));
  }

  // assignment: (star_targets '=')+ star_expressions
  ast::StmtPtr parse_assignment(Pos at, ast::ExprPtr first) {
    ast::Assign node;
    node.targets.push_back(std::move(first));
    while (match(TK::Equal)) {
      ast::ExprPtr rhs = parse_yield_or_star_expressions();
      if (check(TK::Equal)) {
        node.targets.push_back(std::move(rhs));
      } else {
        node.value = std::move(rhs);
      }
    }
    bool single = node.targets.size() == 1;
    for (const ast::ExprPtr& target : node.targets) {
      check_target(*target, TargetUse::Assign, single);
    }
    return make_stmt(at, std::move(node));
  }

  // Python 2's `print x` gets CPython's helpful message.
  void check_print_statement(const ast::Expr& expr) {
    const auto* name = std::get_if<ast::Name>(&expr.node);
    if (name == nullptr || name->id != "print") return;
    TK next = peek().kind;
    if (next == TK::Name || next == TK::Int || next == TK::Float || next == TK::String ||
        next == TK::Bytes || next == TK::FString) {
      fail_at(pos_of(expr), "Missing parentheses in call to 'print'. Did you mean print(...)?");
    }
  }

  ast::StmtPtr parse_return() {
    Pos keyword = consume();
    ast::Return node;
    if (!at_statement_end()) node.value = parse_star_expressions();
    return make_stmt(keyword, std::move(node));
  }

  ast::StmtPtr parse_global() {
    Pos keyword = consume();
    ast::Global node;
    do {
      node.names.push_back(take_name());
    } while (match(TK::Comma));
    return make_stmt(keyword, std::move(node));
  }

  ast::StmtPtr parse_nonlocal() {
    Pos keyword = consume();
    ast::Nonlocal node;
    do {
      node.names.push_back(take_name());
    } while (match(TK::Comma));
    return make_stmt(keyword, std::move(node));
  }

  ast::StmtPtr parse_assert() {
    Pos keyword = consume();
    ast::Assert node;
    node.test = parse_expression();
    if (match(TK::Comma)) node.msg = parse_expression();
    return make_stmt(keyword, std::move(node));
  }

  // del_stmt: 'del' del_target (',' del_target)* [',']
  ast::StmtPtr parse_del() {
    Pos keyword = consume();
    ast::Delete node;
    do {
      if (check(TK::Star)) fail_at(here(), "cannot delete starred");
      ast::ExprPtr target = parse_bitor();
      check_target(*target, TargetUse::Delete, false);
      node.targets.push_back(std::move(target));
    } while (match(TK::Comma) && !at_statement_end());
    return make_stmt(keyword, std::move(node));
  }

  ast::StmtPtr parse_raise() {
    Pos keyword = consume();
    ast::Raise node;
    if (!at_statement_end()) {
      node.exc = parse_expression();
      if (match(TK::From)) node.cause = parse_expression();
    }
    return make_stmt(keyword, std::move(node));
  }

  // import_name: 'import' dotted_name ['as' NAME] (',' dotted_name ['as' NAME])*
  ast::StmtPtr parse_import() {
    Pos keyword = consume();
    ast::Import node;
    do {
      ast::Alias alias;
      alias.name = parse_dotted_name();
      if (match(TK::As)) alias.asname = take_name();
      node.names.push_back(std::move(alias));
    } while (match(TK::Comma));
    return make_stmt(keyword, std::move(node));
  }

  // dotted_name: NAME ('.' NAME)*
  std::string parse_dotted_name() {
    std::string name = take_name();
    while (match(TK::Dot)) name += "." + take_name();
    return name;
  }

  // import_from: 'from' ('.' | '...')* dotted_name 'import' targets
  //            | 'from' ('.' | '...')+ 'import' targets
  // targets: '*' | '(' aliases [','] ')' | aliases
  // A relative module keeps its leading dots in the name (import.cc
  // resolves them).
  ast::StmtPtr parse_from_import() {
    Pos keyword = consume();
    ast::ImportFrom node;
    while (check(TK::Dot) || check(TK::Ellipsis)) node.module += check(TK::Dot) ? "." : "...", consume();
    if (node.module.empty() || !check(TK::Import)) node.module += parse_dotted_name();
    expect(TK::Import, "invalid syntax");
    if (match(TK::Star)) {
      node.names.push_back(ast::Alias{"*", ""});
      return make_stmt(keyword, std::move(node));
    }
    bool parenthesized = match(TK::LParen);
    while (true) {
      ast::Alias alias;
      alias.name = take_name();
      if (match(TK::As)) alias.asname = take_name();
      node.names.push_back(std::move(alias));
      if (!match(TK::Comma)) break;
      if (parenthesized && check(TK::RParen)) break;
      if (!parenthesized && at_statement_end()) {
        fail_at(here(), "trailing comma not allowed without surrounding parentheses");
      }
    }
    if (parenthesized) expect(TK::RParen, "invalid syntax");
    return make_stmt(keyword, std::move(node));
  }

  // ---- Compound statements ----

  void expect_block_colon() { expect(TK::Colon, "expected ':'"); }

  // block: NEWLINE INDENT statement+ DEDENT | simple_stmts
  // [what] names the header for CPython's "expected an indented block after
  // 'if' statement on line 3".
  ast::Body parse_block(std::string_view what, int header_line) {
    DepthGuard guard(*this);
    guard.deepen(here(), "too many nested blocks");
    ast::Body body;
    if (!match(TK::Newline)) {
      parse_simple_statements(body);
      return body;
    }
    if (!check(TK::Indent)) {
      fail_at(here(), "expected an indented block after " + std::string(what) + " on line " +
                          std::to_string(header_line));
    }
    skip();
    while (!match(TK::Dedent)) parse_statement(body);
    return body;
  }

  // 'else' ':' block, for if, while, for and try.
  ast::Body parse_else_block() {
    Pos keyword = consume();
    expect_block_colon();
    return parse_block("'else' statement", keyword.line);
  }

  // The test of if, elif and while, where `=` is a likely typo for `==`.
  ast::ExprPtr parse_condition() {
    ast::ExprPtr test = parse_named_expression();
    if (check(TK::Equal)) {
      if (is<ast::Name>(*test)) {
        fail_at(pos_of(*test), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      if (suggests_equality(*test) || is<ast::Attribute>(*test) || is<ast::Subscript>(*test)) {
        fail_at(pos_of(*test), "cannot assign to " + expr_kind_name(*test) +
                                   " here. Maybe you meant '==' instead of '='?");
      }
    }
    return test;
  }

  // if_stmt: 'if' test ':' block ('elif' test ':' block)* ['else' ':' block]
  // Each elif becomes an If alone in the previous clause's orelse; the chain
  // is built in a loop, so only the depth guard limits its length.
  GIL_OUT_OF_LINE ast::StmtPtr parse_if() {
    Pos keyword = consume();
    ast::If node;
    node.test = parse_condition();
    expect_block_colon();
    node.body = parse_block("'if' statement", keyword.line);
    ast::StmtPtr root = make_stmt(keyword, std::move(node));
    ast::If* tail = &std::get<ast::If>(root->node);
    DepthGuard guard(*this);
    while (check(TK::Elif)) {
      Pos elif = consume();
      guard.deepen(elif, "too many 'elif' clauses", kMaxStatementDepth);
      ast::If clause;
      clause.test = parse_condition();
      expect_block_colon();
      clause.body = parse_block("'elif' statement", elif.line);
      tail->orelse.push_back(make_stmt(elif, std::move(clause)));
      tail = &std::get<ast::If>(tail->orelse.back()->node);
    }
    if (check(TK::Else)) tail->orelse = parse_else_block();
    return root;
  }

  GIL_OUT_OF_LINE ast::StmtPtr parse_while() {
    Pos keyword = consume();
    ast::While node;
    node.test = parse_condition();
    expect_block_colon();
    node.body = parse_block("'while' statement", keyword.line);
    if (check(TK::Else)) node.orelse = parse_else_block();
    return make_stmt(keyword, std::move(node));
  }

  // for_stmt: 'for' targets 'in' star_expressions ':' block ['else' ':' block]
  GIL_OUT_OF_LINE ast::StmtPtr parse_for() {
    Pos keyword = consume();
    ast::For node;
    node.target = parse_target_list();
    check_target(*node.target, TargetUse::Assign, false);
    expect(TK::In, "invalid syntax");
    node.iter = parse_star_expressions();
    expect_block_colon();
    node.body = parse_block("'for' statement", keyword.line);
    if (check(TK::Else)) node.orelse = parse_else_block();
    return make_stmt(keyword, std::move(node));
  }

  // decorators: ('@' named_expression NEWLINE)+, then a def or a class.
  GIL_OUT_OF_LINE ast::StmtPtr parse_decorated() {
    ast::ExprList decorators;
    while (match(TK::At)) {
      decorators.push_back(parse_expression());
      expect(TK::Newline, "invalid syntax");
    }
    if (check(TK::Class)) return parse_class(std::move(decorators));
    if (!check(TK::Def)) fail_unexpected("invalid syntax");
    return parse_def(std::move(decorators));
  }

  // function_def: 'def' NAME '(' [params] ')' ':' block
  GIL_OUT_OF_LINE ast::StmtPtr parse_def(ast::ExprList decorators = {}) {
    Pos keyword = consume();
    ast::FunctionDef node;
    node.decorators = std::move(decorators);
    node.name = take_name();
    expect(TK::LParen, "expected '('");
    node.params = parse_parameters(TK::RParen);
    expect(TK::RParen, "invalid syntax");
    if (match(TK::Arrow)) node.returns = parse_expression();
    expect_block_colon();
    node.body = parse_block("function definition", keyword.line);
    return make_stmt(keyword, std::move(node));
  }

  // class_def: 'class' NAME ['(' [expression (',' expression)* [',']] ')'] ':' block
  GIL_OUT_OF_LINE ast::StmtPtr parse_class(ast::ExprList decorators = {}) {
    Pos keyword = consume();
    ast::ClassDef node;
    node.decorators = std::move(decorators);
    node.name = take_name();
    if (check(TK::LParen)) {
      consume();
      while (!check(TK::RParen)) {
        if (check(TK::Name) && check(TK::Equal, 1))
          fail_at(here(), "class keyword arguments (metaclass=...) are not supported by MiniPy");
        if (check(TK::Star) || check(TK::DoubleStar)) fail_at(here(), "unpacking in a class's bases is not supported by MiniPy");
        node.bases.push_back(parse_expression());
        if (!check(TK::RParen)) expect(TK::Comma, "invalid syntax");
      }
      expect(TK::RParen, "invalid syntax");
    }
    expect_block_colon();
    node.body = parse_block("class definition", keyword.line);
    return make_stmt(keyword, std::move(node));
  }

  // params: the parameter list of a def (closed by ')') or a lambda (closed
  // by ':'), with CPython's grammar and errors:
  //   [posonly ',' '/' ','] [plain] [',' '*' [NAME] (',' kwonly)*] [',' '**' NAME] [',']
  ast::Parameters parse_parameters(TK closer) {
    ParameterParser p{*this, closer};
    while (!check(closer)) {
      p.parse_one();
      if (!match(TK::Comma)) break;
    }
    p.finish();
    return std::move(p.params);
  }

  // The state of one parameter list while it is parsed: which section the
  // next name belongs to and what was seen already.
  struct ParameterParser {
    Parser& parser;
    TK closer;
    ast::Parameters params{};
    std::unordered_set<std::string> seen{};
    bool after_star = false;    // a '*' or '*args' was seen: names are keyword-only
    bool after_kwarg = false;   // '**kwargs' was seen: nothing may follow
    bool slash_seen = false;
    std::optional<Pos> bare_star{};  // a bare '*' still waiting for a named parameter

    void parse_one() {
      Pos at = parser.here();
      if (after_kwarg) fail_at(at, "arguments cannot follow var-keyword argument");
      TK kind = parser.peek().kind;
      if (kind == TK::Slash) return parse_slash(at);
      if (kind == TK::Star) return parse_star(at);
      if (kind == TK::DoubleStar) return parse_double_star(at);
      std::string name = take_param_name(at);
      ast::ExprPtr default_value;
      if (parser.match(TK::Equal)) default_value = parser.parse_expression();
      if (after_star) {
        bare_star.reset();
        params.kwonly.push_back(std::move(name));
        params.kw_defaults.push_back(std::move(default_value));
        return;
      }
      if (default_value) {
        params.defaults.push_back(std::move(default_value));
      } else if (!params.defaults.empty()) {
        fail_at(at, "non-default argument follows default argument");
      }
      params.names.push_back(std::move(name));
    }

    void parse_slash(Pos at) {
      if (slash_seen) fail_at(at, "/ may appear only once");
      if (after_star) fail_at(at, "/ must be ahead of *");
      if (params.names.empty()) fail_at(at, "at least one argument must precede /");
      parser.skip();
      slash_seen = true;
      params.posonly_count = params.names.size();
    }

    void parse_star(Pos at) {
      if (after_star) fail_at(at, "* argument may appear only once");
      parser.skip();
      after_star = true;
      if (parser.check(TK::Comma) || parser.check(closer)) {
        bare_star = at;
        if (parser.check(closer) || parser.check(TK::DoubleStar, 1))
          fail_at(at, "named arguments must follow bare *");
        return;
      }
      params.vararg = take_param_name(parser.here());
      if (parser.check(TK::Equal)) fail_at(parser.here(), "var-positional argument cannot have default value");
    }

    void parse_double_star(Pos at) {
      parser.skip();
      params.kwarg = take_param_name(parser.here());
      if (parser.check(TK::Equal)) fail_at(parser.here(), "var-keyword argument cannot have default value");
      after_kwarg = true;
      (void)at;
    }

    std::string take_param_name(Pos at) {
      std::string name = parser.take_name();
      if (!seen.insert(name).second) fail_at(at, "duplicate argument '" + name + "' in function definition");
      // A def's parameters may be annotated; a lambda's colon ends them.
      if (closer == TK::RParen && parser.match(TK::Colon))
        params.annotations.emplace_back(name, parser.parse_expression());
      return name;
    }

    void finish() {
      if (bare_star) fail_at(*bare_star, "named arguments must follow bare *");
    }
  };

  // try_stmt: 'try' ':' block except_block* ['else' ':' block] ['finally' ':' block]
  GIL_OUT_OF_LINE ast::StmtPtr parse_try() {
    Pos keyword = consume();
    expect_block_colon();
    ast::Try node;
    node.body = parse_block("'try' statement", keyword.line);
    std::optional<Pos> bare_except;
    while (check(TK::Except)) {
      Pos except = consume();
      if (bare_except) fail_at(*bare_except, "default 'except:' must be last");
      if (check(TK::Colon)) bare_except = except;
      node.handlers.push_back(parse_except_clause(except));
    }
    if (check(TK::Else)) {
      if (node.handlers.empty()) fail_at(here(), "expected 'except' or 'finally' block");
      node.orelse = parse_else_block();
    }
    if (check(TK::Finally)) {
      Pos finally = consume();
      expect_block_colon();
      node.finalbody = parse_block("'finally' statement", finally.line);
    } else if (node.handlers.empty()) {
      fail_at(here(), "expected 'except' or 'finally' block");
    }
    return make_stmt(keyword, std::move(node));
  }

  // except_block: 'except' [expression ['as' NAME]] ':' block
  ast::ExceptHandler parse_except_clause(Pos keyword) {
    if (check(TK::Star)) fail_at(here(), "'except*' is not supported by MiniPy");
    ast::ExceptHandler handler;
    handler.line = keyword.line;
    if (!check(TK::Colon)) {
      handler.type = parse_expression();
      if (check(TK::Comma)) {
        fail_at(pos_of(*handler.type), "multiple exception types must be parenthesized");
      }
      if (match(TK::As)) handler.name = take_name();
    }
    expect_block_colon();
    handler.body = parse_block("'except' statement", keyword.line);
    return handler;
  }

  // with_stmt: 'with' with_item (',' with_item)* ':' block
  //          | 'with' '(' with_item (',' with_item)* [','] ')' ':' block
  GIL_OUT_OF_LINE ast::StmtPtr parse_with() {
    Pos keyword = consume();
    ast::With node;
    if (starts_parenthesized_with_items()) {
      skip();  // '('
      do {
        if (check(TK::RParen)) break;
        node.items.push_back(parse_with_item());
      } while (match(TK::Comma));
      expect(TK::RParen, "invalid syntax");
    } else {
      do {
        node.items.push_back(parse_with_item());
      } while (match(TK::Comma));
    }
    expect_block_colon();
    node.body = parse_block("'with' statement", keyword.line);
    return make_stmt(keyword, std::move(node));
  }

  // with_item: expression ['as' target]
  ast::WithItem parse_with_item() {
    ast::WithItem item;
    item.context = parse_expression();
    if (match(TK::As)) {
      item.target = parse_bitor();
      check_target(*item.target, TargetUse::Assign, false);
    }
    return item;
  }

  // True when `with` is followed by a parenthesized item list, as in
  // `with (open(a) as f, lock):`. Like CPython, a '(' whose match is followed
  // by ':' is read that way; `with (a) as b:` remains an expression.
  bool starts_parenthesized_with_items() {
    if (!check(TK::LParen) || check(TK::RParen, 1)) return false;
    int depth = 0;
    for (size_t ahead = 0;; ++ahead) {
      TK kind = peek(ahead).kind;
      if (kind == TK::LParen || kind == TK::LBracket || kind == TK::LBrace) {
        ++depth;
      } else if (kind == TK::RParen || kind == TK::RBracket || kind == TK::RBrace) {
        if (--depth == 0) return check(TK::Colon, ahead + 1);
      } else if (kind == TK::Newline || kind == TK::EndMarker) {
        return false;
      }
    }
  }

  // ---- Targets ----

  // Checks that [target] can be assigned or deleted; [suggest_equality]
  // asks for CPython's "here. Maybe you meant '=='" hint, given only when
  // the target is the whole left side of a single `=`.
  void check_target(const ast::Expr& target, TargetUse use, bool suggest_equality) {
    if (is<ast::Name>(target) || is<ast::Attribute>(target) || is<ast::Subscript>(target)) return;
    const ast::ExprList* elements = nullptr;
    if (const auto* tuple = std::get_if<ast::Tuple>(&target.node)) elements = &tuple->elts;
    if (const auto* list = std::get_if<ast::List>(&target.node)) elements = &list->elts;
    if (elements != nullptr) {
      for (const ast::ExprPtr& element : *elements) check_target(*element, use, false);
      return;
    }
    if (const auto* starred = std::get_if<ast::Starred>(&target.node)) {
      if (use == TargetUse::Delete) fail_at(pos_of(target), "cannot delete starred");
      check_target(*starred->value, use, false);
      return;
    }
    std::string message = (use == TargetUse::Delete ? "cannot delete " : "cannot assign to ") +
                          expr_kind_name(target);
    if (suggest_equality && suggests_equality(target)) {
      message += " here. Maybe you meant '==' instead of '='?";
    }
    fail_at(pos_of(target), message);
  }

  void check_augmented_target(const ast::Expr& target) {
    if (is<ast::Name>(target) || is<ast::Attribute>(target) || is<ast::Subscript>(target)) return;
    fail_at(pos_of(target),
            "'" + expr_kind_name(target) + "' is an illegal expression for augmented assignment");
  }

  // The targets of `for` and of a comprehension: a comma list of sum-level
  // expressions, so that the `in` that follows is not read as a comparison.
  ast::ExprPtr parse_target_list() {
    ast::ExprPtr first = parse_target();
    if (!check(TK::Comma)) return first;
    Pos at = pos_of(*first);
    ast::Tuple tuple;
    tuple.elts.push_back(std::move(first));
    while (match(TK::Comma) && starts_expression(peek().kind)) {
      tuple.elts.push_back(parse_target());
    }
    return make_expr(at, std::move(tuple));
  }

  // One element of a target list: a sum-level expression or '*' target.
  ast::ExprPtr parse_target() {
    if (check(TK::Star)) return parse_starred(&Parser::parse_bitor);
    return parse_bitor();
  }

  // ---- Expressions ----

  // yield_expr | star_expressions: what an expression statement, the right
  // side of an assignment and a parenthesized group may be.
  ast::ExprPtr parse_yield_or_star_expressions() {
    if (check(TK::Yield)) return parse_yield();
    return parse_star_expressions();
  }

  // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
  GIL_OUT_OF_LINE ast::ExprPtr parse_yield() {
    Pos keyword = consume();
    if (match(TK::From)) return make_expr(keyword, ast::YieldFrom{parse_expression()});
    ast::Yield node;
    if (starts_expression(peek().kind)) node.value = parse_star_expressions();
    return make_expr(keyword, std::move(node));
  }

  // star_expressions: expression (',' expression)* [','] -- a tuple display
  // without parentheses, as in `return a, b` and `x = 1, 2`.
  ast::ExprPtr parse_star_expressions() {
    ast::ExprPtr first = parse_star_expression();
    if (!check(TK::Comma)) return first;
    Pos at = pos_of(*first);
    ast::Tuple tuple;
    tuple.elts.push_back(std::move(first));
    while (match(TK::Comma) && starts_expression(peek().kind)) {
      tuple.elts.push_back(parse_star_expression());
    }
    return make_expr(at, std::move(tuple));
  }

  // star_expression: '*' bitwise_or | expression. A Starred outside a
  // display or a target is rejected by the compiler, as in CPython.
  ast::ExprPtr parse_star_expression() {
    if (!check(TK::Star)) return parse_expression();
    return parse_starred(&Parser::parse_bitor);
  }

  // '*' followed by [operand]: a Starred.
  ast::ExprPtr parse_starred(ast::ExprPtr (Parser::*operand)()) {
    Pos at = consume();
    DepthGuard guard(*this);
    guard.deepen(at);
    ast::Starred node;
    node.value = (this->*operand)();
    return make_expr(at, std::move(node));
  }

  // named_expression: NAME ':=' expression | expression
  ast::ExprPtr parse_named_expression() {
    if (!check(TK::Name) || !check(TK::ColonEqual, 1)) return parse_expression();
    Pos at = here();
    ast::NamedExpr node;
    node.target = take_name();
    skip();  // ':='
    node.value = parse_expression();
    return make_expr(at, std::move(node));
  }

  // star_named_expression: '*' bitwise_or | named_expression -- an element
  // of a display, where an unparenthesised walrus is allowed.
  ast::ExprPtr parse_star_named_expression() {
    if (!check(TK::Star)) return parse_named_expression();
    return parse_starred(&Parser::parse_bitor);
  }

  // expression: disjunction ['if' disjunction 'else' expression] | lambdef
  ast::ExprPtr parse_expression() {
    DepthGuard guard(*this);
    guard.deepen(here());
    if (check(TK::Lambda)) return parse_lambda();
    ast::ExprPtr body = parse_disjunction();
    if (!match(TK::If)) return body;
    Pos at = pos_of(*body);
    ast::IfExp node;
    node.body = std::move(body);
    node.test = parse_disjunction();
    if (!match(TK::Else)) fail_at(at, "expected 'else' after 'if' expression");
    node.orelse = parse_expression();
    return make_expr(at, std::move(node));
  }

  // lambdef: 'lambda' [params] ':' expression
  GIL_OUT_OF_LINE ast::ExprPtr parse_lambda() {
    Pos keyword = consume();
    ast::Lambda node;
    node.params = parse_parameters(TK::Colon);
    expect(TK::Colon, "expected ':'");
    node.body = parse_expression();
    return make_expr(keyword, std::move(node));
  }

  // disjunction: conjunction ('or' conjunction)*
  ast::ExprPtr parse_disjunction() { return parse_bool_chain(TK::Or); }

  // conjunction: inversion ('and' inversion)*
  ast::ExprPtr parse_conjunction() { return parse_bool_chain(TK::And); }

  ast::ExprPtr parse_bool_chain(TK op) {
    bool is_and = op == TK::And;
    ast::ExprPtr first = is_and ? parse_inversion() : parse_conjunction();
    if (!check(op)) return first;
    Pos at = pos_of(*first);
    ast::BoolOp node;
    node.is_and = is_and;
    node.values.push_back(std::move(first));
    while (match(op)) node.values.push_back(is_and ? parse_inversion() : parse_conjunction());
    return make_expr(at, std::move(node));
  }

  // inversion: 'not' inversion | comparison
  ast::ExprPtr parse_inversion() {
    if (!check(TK::Not)) return parse_comparison();
    Pos keyword = consume();
    DepthGuard guard(*this);
    guard.deepen(keyword);
    ast::UnaryOpExpr node;
    node.op = ast::UnaryOp::Not;
    node.operand = parse_inversion();
    return make_expr(keyword, std::move(node));
  }

  // comparison: sum (compare_op sum)* -- chains stay one flat Compare.
  ast::ExprPtr parse_comparison() {
    ast::ExprPtr left = parse_bitor();
    ast::Compare node;
    while (auto op = match_comparison_operator()) {
      node.ops.push_back(*op);
      node.comparators.push_back(parse_bitor());
    }
    if (node.ops.empty()) return left;
    Pos at = pos_of(*left);
    node.left = std::move(left);
    return make_expr(at, std::move(node));
  }

  std::optional<CompareOp> match_comparison_operator() {
    using Op = CompareOp;
    std::optional<Op> op;
    switch (peek().kind) {
      case TK::EqEqual: op = Op::Eq; break;
      case TK::NotEqual: op = Op::NotEq; break;
      case TK::Less: op = Op::Lt; break;
      case TK::LessEqual: op = Op::LtE; break;
      case TK::Greater: op = Op::Gt; break;
      case TK::GreaterEqual: op = Op::GtE; break;
      case TK::In: op = Op::In; break;
      case TK::Is:
        skip();
        return match(TK::Not) ? Op::IsNot : Op::Is;
      case TK::Not:
        if (!check(TK::In, 1)) return std::nullopt;
        skip();
        op = Op::NotIn;
        break;
      default: return std::nullopt;
    }
    skip();
    return op;
  }

  // bitwise_or: bitwise_xor ('|' bitwise_xor)*, and below it xor, and,
  // shift: CPython's precedence, loosest first.
  ast::ExprPtr parse_bitor() { return parse_binary_chain(or_op, &Parser::parse_bitxor); }
  ast::ExprPtr parse_bitxor() { return parse_binary_chain(xor_op, &Parser::parse_bitand); }
  ast::ExprPtr parse_bitand() { return parse_binary_chain(and_op, &Parser::parse_shift); }
  ast::ExprPtr parse_shift() { return parse_binary_chain(shift_op, &Parser::parse_sum); }

  // sum: term (('+' | '-') term)*
  ast::ExprPtr parse_sum() {
    return parse_binary_chain(additive_op, &Parser::parse_term);
  }

  // term: factor (('*' | '/' | '//' | '%' | '@') factor)*
  ast::ExprPtr parse_term() {
    return parse_binary_chain(multiplicative_op, &Parser::parse_factor);
  }

  // A left-associative chain; each operator deepens the tree by one.
  ast::ExprPtr parse_binary_chain(std::optional<BinaryOp> (*op_of)(TK),
                                  ast::ExprPtr (Parser::*operand)()) {
    DepthGuard guard(*this);
    ast::ExprPtr left = (this->*operand)();
    while (auto op = op_of(peek().kind)) {
      guard.deepen(here());
      skip();
      Pos at = pos_of(*left);
      ast::BinOp node;
      node.op = *op;
      node.left = std::move(left);
      node.right = (this->*operand)();
      left = make_expr(at, std::move(node));
    }
    return left;
  }

  // factor: ('+' | '-' | '~') factor | power
  ast::ExprPtr parse_factor() {
    TK kind = peek().kind;
    if (kind != TK::Minus && kind != TK::Plus && kind != TK::Tilde) return parse_power();
    Pos sign = consume();
    if (kind == TK::Minus && is_negated_min_int()) {
      skip();
      return make_constant(sign, ast::Constant{std::numeric_limits<int64_t>::min()});
    }
    DepthGuard guard(*this);
    guard.deepen(sign);
    ast::UnaryOpExpr node;
    node.op = kind == TK::Minus ? ast::UnaryOp::Neg : kind == TK::Plus ? ast::UnaryOp::Pos : ast::UnaryOp::Invert;
    node.operand = parse_factor();
    return make_expr(sign, std::move(node));
  }

  // True when a '-' just consumed applies to the literal 9223372036854775808
  // itself (not to a power or a trailer of it): that is INT64_MIN, which has
  // no positive literal in 64 bits.
  bool is_negated_min_int() {
    if (!check(TK::Int) || peek().int_past_64_bits || peek().int_value != kMinIntMagnitude) return false;
    TK next = peek(1).kind;
    return next != TK::DoubleStar && next != TK::Dot && next != TK::LParen &&
           next != TK::LBracket;
  }

  // power: primary ['**' factor] -- right-associative, and tighter than a
  // unary minus on its left: -2**2 is -(2**2).
  ast::ExprPtr parse_power() {
    ast::ExprPtr base = parse_primary();
    if (!check(TK::DoubleStar)) return base;
    DepthGuard guard(*this);
    guard.deepen(here());
    skip();
    Pos at = pos_of(*base);
    ast::BinOp node;
    node.op = BinaryOp::Pow;
    node.left = std::move(base);
    node.right = parse_factor();
    return make_expr(at, std::move(node));
  }

  // primary: atom ('.' NAME | '(' arguments ')' | '[' slices ']')*
  ast::ExprPtr parse_primary() {
    DepthGuard guard(*this);
    ast::ExprPtr expr = parse_atom();
    while (true) {
      TK kind = peek().kind;
      if (kind != TK::Dot && kind != TK::LParen && kind != TK::LBracket) return expr;
      guard.deepen(here());
      if (kind == TK::LParen) {
        expr = parse_call(std::move(expr));
      } else if (kind == TK::LBracket) {
        expr = parse_subscript(std::move(expr));
      } else {
        skip();
        Pos at = pos_of(*expr);
        ast::Attribute node;
        node.value = std::move(expr);
        node.attr = take_name();
        expr = make_expr(at, std::move(node));
      }
    }
  }

  // arguments: (expression | '*' expression)* then (NAME '=' expression |
  // '*' expression | '**' expression)*, with CPython's ordering errors.
  GIL_OUT_OF_LINE ast::ExprPtr parse_call(ast::ExprPtr func) {
    Pos at = pos_of(*func);
    skip();  // '('
    ast::Call call;
    call.func = std::move(func);
    std::unordered_set<std::string> seen;
    bool double_star_seen = false;
    while (!check(TK::RParen)) {
      Pos arg_at = here();
      TK kind = peek().kind;
      if (kind == TK::DoubleStar) {
        skip();
        ast::Keyword keyword;
        keyword.value = parse_expression();
        check_missing_comma(*keyword.value);
        call.keywords.push_back(std::move(keyword));
        double_star_seen = true;
      } else if (kind == TK::Star) {
        if (double_star_seen) fail_at(arg_at, "iterable argument unpacking follows keyword argument unpacking");
        skip();
        ast::Starred starred;
        starred.value = parse_expression();
        check_missing_comma(*starred.value);
        call.args.push_back(make_expr(arg_at, std::move(starred)));
      } else if (kind == TK::Name && check(TK::Equal, 1)) {
        parse_keyword_argument(call, seen);
      } else {
        parse_positional_argument(call, arg_at, double_star_seen);
      }
      if (!match(TK::Comma)) break;
    }
    expect(TK::RParen, "invalid syntax");
    return make_expr(at, std::move(call));
  }

  void parse_keyword_argument(ast::Call& call, std::unordered_set<std::string>& seen) {
    Pos at = here();
    std::string name = take_name();
    skip();  // '='
    if (!seen.insert(name).second) fail_at(at, "keyword argument repeated: " + name);
    ast::Keyword keyword;
    keyword.name = std::move(name);
    keyword.value = parse_expression();
    check_missing_comma(*keyword.value);
    call.keywords.push_back(std::move(keyword));
  }

  void parse_positional_argument(ast::Call& call, Pos at, bool double_star_seen) {
    ast::ExprPtr arg = parse_named_expression();
    if (check(TK::For)) {
      // f(x for x in xs): the call's parentheses serve the generator
      // expression, which must then be the only argument.
      ast::GeneratorExp gen;
      gen.elt = std::move(arg);
      gen.generators = parse_generators_open();
      if (!call.args.empty() || !call.keywords.empty() || !check(TK::RParen))
        fail_at(at, "Generator expression must be parenthesized");
      arg = make_expr(at, std::move(gen));
    }
    if (check(TK::Equal)) {
      fail_at(at, "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
    if (double_star_seen) fail_at(at, "positional argument follows keyword argument unpacking");
    if (!call.keywords.empty()) fail_at(at, "positional argument follows keyword argument");
    check_missing_comma(*arg);
    call.args.push_back(std::move(arg));
  }

  // subscript: primary '[' slice (',' slice)* [','] ']'; several slices
  // make a Tuple index, as in `a[i, j]`.
  GIL_OUT_OF_LINE ast::ExprPtr parse_subscript(ast::ExprPtr value) {
    Pos at = pos_of(*value);
    skip();  // '['
    ast::ExprPtr index = parse_slice_item();
    if (check(TK::Comma)) {
      Pos tuple_at = pos_of(*index);
      ast::Tuple tuple;
      tuple.elts.push_back(std::move(index));
      while (match(TK::Comma) && !check(TK::RBracket)) tuple.elts.push_back(parse_slice_item());
      index = make_expr(tuple_at, std::move(tuple));
    }
    expect(TK::RBracket, "invalid syntax");
    ast::Subscript node;
    node.value = std::move(value);
    node.index = std::move(index);
    return make_expr(at, std::move(node));
  }

  bool at_slice_part_end() {
    return check(TK::Colon) || check(TK::RBracket) || check(TK::Comma);
  }

  // slice: [expression] ':' [expression] [':' [expression]] | expression
  ast::ExprPtr parse_slice_item() {
    Pos at = here();
    ast::ExprPtr lower;
    if (!check(TK::Colon)) {
      lower = parse_expression();
      if (!check(TK::Colon)) return lower;
    }
    skip();  // ':'
    ast::Slice slice;
    slice.lower = std::move(lower);
    if (!at_slice_part_end()) slice.upper = parse_expression();
    if (match(TK::Colon) && !at_slice_part_end()) slice.step = parse_expression();
    return make_expr(at, std::move(slice));
  }

  // atom: NAME | NUMBER | STRING+ | True | False | None | tuple | group | list | dict
  ast::ExprPtr parse_atom() {
    Pos at = here();
    switch (peek().kind) {
      case TK::Name: return make_expr(at, ast::Name{take_name()});
      case TK::Int: return parse_int();
      case TK::Float: return parse_float();
      case TK::String:
      case TK::Bytes:
      case TK::FString: return parse_strings();
      case TK::True: skip(); return make_constant(at, ast::Constant{true});
      case TK::False: skip(); return make_constant(at, ast::Constant{false});
      case TK::None: skip(); return make_constant(at, ast::Constant{std::monostate{}});
      case TK::Ellipsis: skip(); return make_constant(at, ast::Constant{ast::EllipsisValue{}});
      case TK::LParen: return parse_paren();
      case TK::LBracket: return parse_list();
      case TK::LBrace: return parse_dict();
      default: fail_unexpected("invalid syntax");
    }
  }

  ast::ExprPtr parse_int() {
    uint64_t value = peek().int_value;
    bool big = peek().int_past_64_bits || value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    std::string text = peek().text;
    Pos at = consume();
    if (!big) return make_constant(at, ast::Constant{static_cast<int64_t>(value)});
    return make_constant(at, ast::Constant{big_int_literal(at, text)});
  }

  // The digits of an int literal past int64, as the compiler wants them.
  // Decimal literals obey CPython's limit on int string conversion.
  ast::BigIntValue big_int_literal(Pos at, std::string_view text) {
    ast::BigIntValue big;
    char prefix = text.size() > 1 ? static_cast<char>(text[1] | 0x20) : '\0';
    if (text[0] == '0' && (prefix == 'x' || prefix == 'o' || prefix == 'b')) {
      big.base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
      text.remove_prefix(2);
    }
    for (char c : text)
      if (c != '_') big.digits += c;
    if (big.base == 10 && big.digits.size() > kMaxLiteralDigits) {
      fail_at(at, "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                      std::to_string(big.digits.size()) +
                      " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal "
                      "for huge integer literals to avoid decimal conversion limits.");
    }
    return big;
  }

  ast::ExprPtr parse_float() {
    double value = peek().float_value;
    return make_constant(consume(), ast::Constant{value});
  }

  // group or tuple: '(' ')' | '(' expression ')' | '(' expression ',' ... ')'
  GIL_OUT_OF_LINE ast::ExprPtr parse_paren() {
    Pos open = consume();
    if (match(TK::RParen)) return make_expr(open, ast::Tuple{});
    if (check(TK::Yield)) {
      ast::ExprPtr value = parse_yield();
      expect(TK::RParen, "invalid syntax");
      return value;
    }
    ast::ExprPtr first = parse_star_named_expression();
    if (check(TK::For)) {
      check_not_starred_in_comprehension(*first);
      ast::GeneratorExp gen;
      gen.elt = std::move(first);
      gen.generators = parse_generators(TK::RParen);
      return make_expr(open, std::move(gen));
    }
    if (!check(TK::Comma)) {
      if (is<ast::Starred>(*first)) fail_at(pos_of(*first), "cannot use starred expression here");
      check_missing_comma(*first);
      expect(TK::RParen, "invalid syntax");
      parenthesized_.insert(first.get());
      return first;
    }
    ast::Tuple tuple;
    tuple.elts.push_back(std::move(first));
    parse_display_rest(tuple.elts, TK::RParen);
    return make_expr(open, std::move(tuple));
  }

  // list: '[' [expression (',' expression)* [',']] ']' | listcomp
  GIL_OUT_OF_LINE ast::ExprPtr parse_list() {
    Pos open = consume();
    if (match(TK::RBracket)) return make_expr(open, ast::List{});
    ast::ExprPtr first = parse_star_named_expression();
    if (check(TK::For)) {
      check_not_starred_in_comprehension(*first);
      ast::ListComp comp;
      comp.elt = std::move(first);
      comp.generators = parse_generators(TK::RBracket);
      return make_expr(open, std::move(comp));
    }
    ast::List list;
    list.elts.push_back(std::move(first));
    parse_display_rest(list.elts, TK::RBracket);
    return make_expr(open, std::move(list));
  }

  // The elements after the first of a tuple or list display, and its closer.
  void parse_display_rest(ast::ExprList& elts, TK closer) {
    while (true) {
      check_missing_comma(*elts.back());
      if (!match(TK::Comma) || check(closer)) break;
      elts.push_back(parse_star_named_expression());
    }
    expect(closer, "invalid syntax");
  }

  void check_not_starred_in_comprehension(const ast::Expr& element) {
    if (is<ast::Starred>(element)) fail_at(pos_of(element), "iterable unpacking cannot be used in comprehension");
  }

  // dict: '{' [kvpair (',' kvpair)* [',']] '}' | dictcomp, where a kvpair
  // is expression ':' expression or '**' bitwise_or.
  // set: '{' star_expression (',' star_expression)* [','] '}' | setcomp.
  GIL_OUT_OF_LINE ast::ExprPtr parse_dict() {
    Pos open = consume();
    if (match(TK::RBrace)) return make_expr(open, ast::Dict{});
    if (check(TK::DoubleStar)) return parse_dict_display(open, nullptr);
    ast::ExprPtr first = parse_star_expression();
    if (!is<ast::Starred>(*first) && check(TK::Colon)) return parse_dict_display(open, std::move(first));
    return parse_set_display(open, std::move(first));
  }

  // The rest of a dict display or comprehension whose first key (null for a
  // '**' entry) is parsed.
  ast::ExprPtr parse_dict_display(Pos open, ast::ExprPtr first_key) {
    ast::Dict dict;
    parse_dict_entry(dict, std::move(first_key));
    if (check(TK::For)) {
      if (!dict.keys.front()) {
        fail_at(pos_of(*dict.values.front()), "dict unpacking cannot be used in dict comprehension");
      }
      ast::DictComp comp;
      comp.key = std::move(dict.keys.front());
      comp.value = std::move(dict.values.front());
      comp.generators = parse_generators(TK::RBrace);
      return make_expr(open, std::move(comp));
    }
    while (true) {
      check_missing_comma(*dict.values.back());
      if (!match(TK::Comma) || check(TK::RBrace)) break;
      parse_dict_entry(dict, nullptr);
    }
    expect(TK::RBrace, "invalid syntax");
    return make_expr(open, std::move(dict));
  }

  // One `key: value` or `**mapping` entry; [key] when already parsed.
  void parse_dict_entry(ast::Dict& dict, ast::ExprPtr key) {
    if (!key) {
      if (match(TK::DoubleStar)) {
        dict.keys.push_back(nullptr);
        dict.values.push_back(parse_bitor());
        return;
      }
      key = parse_expression();
    }
    if (!check(TK::Colon)) {
      check_missing_comma(*key);
      fail_at(pos_of(*key), "':' expected after dictionary key");
    }
    skip();  // ':'
    dict.keys.push_back(std::move(key));
    dict.values.push_back(parse_expression());
  }

  // The rest of a set display or comprehension whose first element is parsed.
  ast::ExprPtr parse_set_display(Pos open, ast::ExprPtr first) {
    if (check(TK::For)) {
      check_not_starred_in_comprehension(*first);
      ast::SetComp comp;
      comp.elt = std::move(first);
      comp.generators = parse_generators(TK::RBrace);
      return make_expr(open, std::move(comp));
    }
    ast::Set set;
    set.elts.push_back(std::move(first));
    parse_display_rest(set.elts, TK::RBrace);
    return make_expr(open, std::move(set));
  }

  // comprehension tail: ('for' targets 'in' disjunction ('if' disjunction)*)+ closer.
  ast::Generators parse_generators(TK closer) {
    ast::Generators generators = parse_generators_open();
    expect(closer, "invalid syntax");
    return generators;
  }

  // The clauses of a generator expression that is a call's argument; the
  // call consumes the closing parenthesis.
  ast::Generators parse_generators_open() {
    ast::Generators generators;
    DepthGuard guard(*this);
    while (check(TK::For)) {
      guard.deepen(here());
      skip();  // 'for'
      ast::Comprehension clause;
      clause.target = parse_target_list();
      check_target(*clause.target, TargetUse::Assign, false);
      expect(TK::In, "invalid syntax");
      clause.iter = parse_disjunction();
      while (match(TK::If)) clause.ifs.push_back(parse_disjunction());
      generators.push_back(std::move(clause));
    }
    return generators;
  }

  // CPython's "Perhaps you forgot a comma?" inside brackets, when another
  // element starts right after [element]. A name before a string is left
  // out, as CPython does (it is more likely a Python 2 print).
  void check_missing_comma(const ast::Expr& element) {
    TK next = peek().kind;
    if (!starts_missing_comma_element(next)) return;
    bool string_next = next == TK::String || next == TK::Bytes || next == TK::FString;
    if (is<ast::Name>(element) && string_next) return;
    fail_at(pos_of(element), kForgotComma);
  }

  // ---- Strings ----

  // STRING+: adjacent literals concatenate. Plain strings only make a str
  // Constant; any f-string among them makes one JoinedStr whose adjacent
  // literal parts are merged and whose empty literal parts are dropped.
  // Bytes literals concatenate only with each other; a mix is reported at
  // the token after the last literal, where CPython reports it.
  GIL_OUT_OF_LINE ast::ExprPtr parse_strings() {
    Pos at = here();
    std::vector<Token> literals;
    bool any_fstring = false;
    size_t bytes_count = 0;
    while (check(TK::String) || check(TK::Bytes) || check(TK::FString)) {
      literals.push_back(advance());
      any_fstring = any_fstring || literals.back().kind == TK::FString;
      bytes_count += literals.back().kind == TK::Bytes;
    }
    if (bytes_count > 0 && bytes_count < literals.size()) {
      fail_at(here(), "cannot mix bytes and nonbytes literals");
    }
    if (bytes_count > 0) {
      std::string data;
      for (const Token& literal : literals) data += literal.text;
      return make_constant(at, ast::Constant{ast::BytesValue{std::move(data)}});
    }
    if (!any_fstring) {
      std::string value;
      for (const Token& literal : literals) value += literal.text;
      return make_constant(at, ast::Constant{std::move(value)});
    }
    JoinedStrBuilder builder;
    for (const Token& literal : literals) {
      if (literal.kind == TK::String) {
        builder.add_text(literal.text, pos_of(literal));
        continue;
      }
      for (const FStringPiece& piece : literal.pieces) {
        if (piece.is_field) {
          builder.add_field(parse_field(piece));
        } else {
          builder.add_text(piece.text, {piece.line, piece.col});
        }
      }
    }
    return make_expr(at, builder.finish());
  }

  // Collects the parts of a JoinedStr, merging adjacent literal text.
  class JoinedStrBuilder {
   public:
    void add_text(const std::string& text, Pos at) {
      if (text.empty()) return;
      if (pending_.empty()) pending_at_ = at;
      pending_ += text;
    }
    void add_field(ast::ExprPtr field) {
      flush();
      joined_.parts.push_back(std::move(field));
    }
    ast::JoinedStr finish() {
      flush();
      return std::move(joined_);
    }

   private:
    void flush() {
      if (pending_.empty()) return;
      joined_.parts.push_back(make_constant(pending_at_, ast::Constant{std::move(pending_)}));
      pending_.clear();
    }

    ast::JoinedStr joined_;
    std::string pending_;
    Pos pending_at_{0, 0};
  };

  // Parses one `{expr!c:spec}` field by scanning its text again, with
  // positions pointing into the file. A `!r`/`!s` conversion becomes a call
  // of `repr`/`str`, so the compiler never sees conversions. Errors inside
  // the field are prefixed with "f-string: ", as in CPython.
  ast::ExprPtr parse_field(const FStringPiece& piece) {
    Parser inner(Scanner::for_fstring_field(piece.text, piece.line, piece.col), depth_ + 1);
    ast::ExprPtr value;
    try {
      value = inner.parse_field_expression();
    } catch (const SyntaxError& error) {
      std::string_view message = error.what();
      if (message.rfind("f-string", 0) == 0) throw;
      throw SyntaxError("f-string: " + std::string(message), error.line, error.col);
    }
    Pos at = pos_of(*value);
    if (piece.conversion != 0) {
      ast::Call call;
      const char* fn = piece.conversion == 'r' ? "repr" : piece.conversion == 'a' ? "ascii" : "str";
      call.func = make_expr(at, ast::Name{fn});
      call.args.push_back(std::move(value));
      value = make_expr(at, std::move(call));
    }
    // A spec with fields of its own is built at run time and applied by a
    // call of `format` (what FORMAT_VALUE with a spec on the stack does in
    // CPython); the field then formats the resulting str as it is.
    if (!piece.spec_pieces.empty()) {
      JoinedStrBuilder spec;
      for (const FStringPiece& part : piece.spec_pieces) {
        if (part.is_field)
          spec.add_field(parse_field(part));
        else
          spec.add_text(part.text, {part.line, part.col});
      }
      ast::Call call;
      call.func = make_expr(at, ast::Name{"format"});
      call.args.push_back(std::move(value));
      call.args.push_back(make_expr(at, spec.finish()));
      value = make_expr(at, std::move(call));
    }
    ast::FormattedValue field;
    field.value = std::move(value);
    field.spec = piece.spec_pieces.empty() ? piece.spec : std::string();
    return make_expr(at, std::move(field));
  }

  Scanner scanner_;
  std::deque<Token> ahead_;
  int depth_;
  // True once the scanner has thrown: its error is final.
  bool scanner_failed_ = false;
  // Expressions written inside parentheses that are not a tuple: `(x): int`
  // annotates no name.
  std::unordered_set<const ast::Expr*> parenthesized_;
};

}  // namespace

ast::Module parse(std::string_view source) {
  Parser parser(Scanner(source), 0);
  return parser.parse_module();
}

}  // namespace gil
