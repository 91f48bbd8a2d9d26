// Tests of the parser: tree shapes (as S-expressions), positions, syntax
// errors with their messages and positions, and hostile inputs.

#include <gtest/gtest.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>
#include <variant>

#include "gil/language/parser.h"

namespace gil {
namespace {

// ---- Dumping trees as S-expressions -------------------------------------------

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

std::string dump(const ast::Expr& expr);
std::string dump(const ast::Stmt& stmt);

std::string dump_or_blank(const ast::ExprPtr& expr) { return expr ? dump(*expr) : "_"; }

std::string string_literal(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
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

std::string float_literal(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, result.ptr);
  if (text.find_first_of(".einf") == std::string::npos) text += ".0";
  return text;
}

std::string dump_constant(const ast::Constant& constant) {
  return std::visit(Overloaded{
                        [](std::monostate) -> std::string { return "None"; },
                        [](bool flag) -> std::string { return flag ? "True" : "False"; },
                        [](int64_t value) -> std::string { return std::to_string(value); },
                        [](double value) -> std::string { return float_literal(value); },
                        [](const std::string& text) -> std::string { return string_literal(text); },
                        [](const ast::BytesValue& bytes) -> std::string {
                          return "b" + string_literal(bytes.data);
                        },
                        [](const ast::BigIntValue& big) -> std::string {
                          return "(big base " + std::to_string(big.base) + " " + big.digits + ")";
                        },
                        [](const ast::EllipsisValue&) -> std::string { return "..."; },
                    },
                    constant.value);
}

const char* binary_op(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::FloorDiv: return "//";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Pow: return "**";
    case BinaryOp::MatMul: return "@";
    case BinaryOp::LShift: return "<<";
    case BinaryOp::RShift: return ">>";
    case BinaryOp::And: return "&";
    case BinaryOp::Xor: return "^";
    case BinaryOp::Or: return "|";
  }
  return "?";
}

const char* compare_op(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "==";
    case CompareOp::NotEq: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::LtE: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::GtE: return ">=";
    case CompareOp::Is: return "is";
    case CompareOp::IsNot: return "is-not";
    case CompareOp::In: return "in";
    case CompareOp::NotIn: return "not-in";
  }
  return "?";
}

std::string dump_list(const ast::ExprList& exprs) {
  std::string out;
  for (const ast::ExprPtr& expr : exprs) out += " " + dump(*expr);
  return out;
}

// (a b=1 / c *args k k2=2 **kw); a bare '*' shows as '*'.
std::string dump_params(const ast::Parameters& params) {
  std::vector<std::string> parts;
  size_t first_default = params.names.size() - params.defaults.size();
  for (size_t i = 0; i < params.names.size(); ++i) {
    std::string part = params.names[i];
    if (i >= first_default) part += "=" + dump(*params.defaults[i - first_default]);
    parts.push_back(part);
    if (params.posonly_count == i + 1) parts.push_back("/");
  }
  if (!params.vararg.empty()) parts.push_back("*" + params.vararg);
  if (params.vararg.empty() && !params.kwonly.empty()) parts.push_back("*");
  for (size_t i = 0; i < params.kwonly.size(); ++i)
    parts.push_back(params.kwonly[i] + (params.kw_defaults[i] ? "=" + dump(*params.kw_defaults[i]) : ""));
  if (!params.kwarg.empty()) parts.push_back("**" + params.kwarg);
  std::string out = "(";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? " " : "") + parts[i];
  return out + ")";
}

std::string dump_comprehension(const ast::Generators& generators) {
  std::string out;
  for (const ast::Comprehension& g : generators) {
    out += " for " + dump(*g.target) + " in " + dump(*g.iter);
    for (const ast::ExprPtr& cond : g.ifs) out += " if " + dump(*cond);
  }
  return out + ")";
}

std::string dump(const ast::Expr& expr) {
  return std::visit(
      Overloaded{
          [](const ast::Name& node) { return node.id; },
          [](const ast::Constant& node) { return dump_constant(node); },
          [](const ast::JoinedStr& node) { return "(f" + dump_list(node.parts) + ")"; },
          [](const ast::FormattedValue& node) {
            std::string out = "(fmt " + dump(*node.value);
            if (!node.spec.empty()) out += " " + string_literal(node.spec);
            return out + ")";
          },
          [](const ast::BinOp& node) {
            return std::string("(") + binary_op(node.op) + " " + dump(*node.left) + " " +
                   dump(*node.right) + ")";
          },
          [](const ast::UnaryOpExpr& node) {
            const char* op = node.op == ast::UnaryOp::Neg      ? "neg"
                             : node.op == ast::UnaryOp::Pos    ? "pos"
                             : node.op == ast::UnaryOp::Invert ? "~"
                                                               : "not";
            return std::string("(") + op + " " + dump(*node.operand) + ")";
          },
          [](const ast::BoolOp& node) {
            return std::string(node.is_and ? "(and" : "(or") + dump_list(node.values) + ")";
          },
          [](const ast::Compare& node) {
            std::string out = "(cmp " + dump(*node.left);
            for (size_t i = 0; i < node.ops.size(); ++i) {
              out += std::string(" ") + compare_op(node.ops[i]) + " " + dump(*node.comparators[i]);
            }
            return out + ")";
          },
          [](const ast::IfExp& node) {
            return "(ifexp " + dump(*node.test) + " " + dump(*node.body) + " " +
                   dump(*node.orelse) + ")";
          },
          [](const ast::Lambda& node) {
            return "(lambda " + dump_params(node.params) + " " + dump(*node.body) + ")";
          },
          [](const ast::Call& node) {
            std::string out = "(call " + dump(*node.func) + dump_list(node.args);
            for (const ast::Keyword& keyword : node.keywords) {
              out += " " + (keyword.name.empty() ? "**" : keyword.name + "=") + dump(*keyword.value);
            }
            return out + ")";
          },
          [](const ast::Attribute& node) { return "(. " + dump(*node.value) + " " + node.attr + ")"; },
          [](const ast::Subscript& node) {
            return "([] " + dump(*node.value) + " " + dump(*node.index) + ")";
          },
          [](const ast::Slice& node) {
            return "(slice " + dump_or_blank(node.lower) + " " + dump_or_blank(node.upper) + " " +
                   dump_or_blank(node.step) + ")";
          },
          [](const ast::List& node) { return "(list" + dump_list(node.elts) + ")"; },
          [](const ast::Tuple& node) { return "(tuple" + dump_list(node.elts) + ")"; },
          [](const ast::Dict& node) {
            std::string out = "(dict";
            for (size_t i = 0; i < node.keys.size(); ++i) {
              out += " " + (node.keys[i] ? dump(*node.keys[i]) + ":" : "**") + dump(*node.values[i]);
            }
            return out + ")";
          },
          [](const ast::ListComp& node) {
            return "(listcomp " + dump(*node.elt) + dump_comprehension(node.generators);
          },
          [](const ast::SetComp& node) {
            return "(setcomp " + dump(*node.elt) + dump_comprehension(node.generators);
          },
          [](const ast::DictComp& node) {
            return "(dictcomp " + dump(*node.key) + ":" + dump(*node.value) +
                   dump_comprehension(node.generators);
          },
          [](const ast::Set& node) { return "(set" + dump_list(node.elts) + ")"; },
          [](const ast::Starred& node) { return "(* " + dump(*node.value) + ")"; },
          [](const ast::GeneratorExp& node) {
            return "(genexp " + dump(*node.elt) + dump_comprehension(node.generators);
          },
          [](const ast::Yield& node) { return "(yield " + dump_or_blank(node.value) + ")"; },
          [](const ast::YieldFrom& node) { return "(yield-from " + dump(*node.value) + ")"; },
          [](const ast::NamedExpr& node) { return "(:= " + node.target + " " + dump(*node.value) + ")"; },
      },
      expr.node);
}

std::string dump_body(const ast::Body& body) {
  std::string out = "(";
  for (const ast::StmtPtr& stmt : body) {
    if (out.size() > 1) out += " ";
    out += dump(*stmt);
  }
  return out + ")";
}

std::string dump_else(const ast::Body& body) {
  return body.empty() ? "" : " (else " + dump_body(body) + ")";
}

std::string dump_aliases(const std::vector<ast::Alias>& aliases) {
  std::string out;
  for (const ast::Alias& alias : aliases) {
    out += alias.asname.empty() ? " " + alias.name : " (" + alias.name + " as " + alias.asname + ")";
  }
  return out;
}

std::string dump(const ast::Stmt& stmt) {
  return std::visit(
      Overloaded{
          [](const ast::ExprStmt& node) { return dump(*node.value); },
          [](const ast::Assign& node) {
            return "(=" + dump_list(node.targets) + " " + dump(*node.value) + ")";
          },
          [](const ast::AugAssign& node) {
            return std::string("(") + binary_op(node.op) + "= " + dump(*node.target) + " " +
                   dump(*node.value) + ")";
          },
          [](const ast::If& node) {
            return "(if " + dump(*node.test) + " " + dump_body(node.body) + dump_else(node.orelse) + ")";
          },
          [](const ast::While& node) {
            return "(while " + dump(*node.test) + " " + dump_body(node.body) + dump_else(node.orelse) +
                   ")";
          },
          [](const ast::For& node) {
            return "(for " + dump(*node.target) + " " + dump(*node.iter) + " " + dump_body(node.body) +
                   dump_else(node.orelse) + ")";
          },
          [](const ast::FunctionDef& node) {
            std::string decorators;
            for (const ast::ExprPtr& d : node.decorators) decorators += "@" + dump(*d) + " ";
            return "(def " + decorators + node.name + " " + dump_params(node.params) + " " +
                   dump_body(node.body) + ")";
          },
          [](const ast::ClassDef& node) {
            std::string bases;
            for (auto& b : node.bases) bases += " " + dump(*b);
            return "(class " + node.name + " (" + bases + ") " + dump_body(node.body) + ")";
          },
          [](const ast::Return& node) {
            return node.value ? "(return " + dump(*node.value) + ")" : std::string("(return)");
          },
          [](const ast::Global& node) {
            std::string out = "(global";
            for (const std::string& name : node.names) out += " " + name;
            return out + ")";
          },
          [](const ast::Nonlocal& node) {
            std::string out = "(nonlocal";
            for (const std::string& name : node.names) out += " " + name;
            return out + ")";
          },
          [](const ast::Pass&) { return std::string("pass"); },
          [](const ast::Break&) { return std::string("break"); },
          [](const ast::Continue&) { return std::string("continue"); },
          [](const ast::Assert& node) {
            return "(assert " + dump(*node.test) + (node.msg ? " " + dump(*node.msg) : "") + ")";
          },
          [](const ast::Delete& node) { return "(del" + dump_list(node.targets) + ")"; },
          [](const ast::Try& node) {
            std::string out = "(try " + dump_body(node.body);
            for (const ast::ExceptHandler& handler : node.handlers) {
              out += " (except";
              if (handler.type) out += " " + dump(*handler.type);
              if (!handler.name.empty()) out += " as " + handler.name;
              out += " " + dump_body(handler.body) + ")";
            }
            out += dump_else(node.orelse);
            if (!node.finalbody.empty()) out += " (finally " + dump_body(node.finalbody) + ")";
            return out + ")";
          },
          [](const ast::Raise& node) {
            if (!node.exc) return std::string("(raise)");
            return "(raise " + dump(*node.exc) + (node.cause ? " from " + dump(*node.cause) : "") + ")";
          },
          [](const ast::Import& node) { return "(import" + dump_aliases(node.names) + ")"; },
          [](const ast::AnnAssign& node) {
            return "(annassign " + dump(*node.target) + " " + dump(*node.annotation) +
                   (node.value ? " " + dump(*node.value) : "") + (node.simple ? "" : " complex") + ")";
          },
          [](const ast::ImportFrom& node) {
            return "(from " + node.module + dump_aliases(node.names) + ")";
          },
          [](const ast::With& node) {
            std::string out = "(with";
            for (const ast::WithItem& item : node.items) {
              out += item.target ? " (" + dump(*item.context) + " as " + dump(*item.target) + ")"
                                 : " " + dump(*item.context);
            }
            return out + " " + dump_body(node.body) + ")";
          },
      },
      stmt.node);
}

// The statements of [source], one line each.
std::string statements(std::string_view source) {
  ast::Module module = parse(source);
  std::string out;
  for (const ast::StmtPtr& stmt : module.body) {
    if (!out.empty()) out += "\n";
    out += dump(*stmt);
  }
  return out;
}

// The expression of a one-expression-statement source.
std::string expression(std::string_view source) {
  ast::Module module = parse(source);
  EXPECT_EQ(module.body.size(), 1u) << source;
  const auto* statement = std::get_if<ast::ExprStmt>(&module.body.at(0)->node);
  EXPECT_NE(statement, nullptr) << source;
  return statement ? dump(*statement->value) : "";
}

// The single statement of [source], kept alive with its module.
struct Parsed {
  ast::Module module;
  const ast::Stmt& stmt() const { return *module.body.at(0); }
  template <class Node>
  const Node& get() const {
    return std::get<Node>(stmt().node);
  }
  const ast::Expr& value() const { return *get<ast::ExprStmt>().value; }
};

Parsed parsed(std::string_view source) { return Parsed{parse(source)}; }

std::string where(const ast::Expr& expr) {
  return std::to_string(expr.line) + ":" + std::to_string(expr.col);
}

std::string where(const ast::Stmt& stmt) {
  return std::to_string(stmt.line) + ":" + std::to_string(stmt.col);
}

// ---- Expressions: precedence and associativity ---------------------------------

TEST(ParserPrecedenceTest, ArithmeticFollowsPython) {
  EXPECT_EQ(expression("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(expression("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  EXPECT_EQ(expression("a - b - c"), "(- (- a b) c)");
  EXPECT_EQ(expression("a / b // c % d * e"), "(* (% (// (/ a b) c) d) e)");
  EXPECT_EQ(expression("a + b - c"), "(- (+ a b) c)");
}

TEST(ParserPrecedenceTest, PowerIsRightAssociativeAndBindsTighterThanUnaryMinus) {
  EXPECT_EQ(expression("2 ** 3 ** 2"), "(** 2 (** 3 2))");
  EXPECT_EQ(expression("-2 ** 2"), "(neg (** 2 2))");
  EXPECT_EQ(expression("2 ** -1"), "(** 2 (neg 1))");
  EXPECT_EQ(expression("-a.b ** -c[0]"), "(neg (** (. a b) (neg ([] c 0))))");
  EXPECT_EQ(expression("--+x"), "(neg (neg (pos x)))");
  EXPECT_EQ(expression("-x * y"), "(* (neg x) y)");
}

TEST(ParserPrecedenceTest, BooleanOperatorsAndNot) {
  EXPECT_EQ(expression("a or b and not c"), "(or a (and b (not c)))");
  EXPECT_EQ(expression("a or b or c"), "(or a b c)");
  EXPECT_EQ(expression("a and b and c or d"), "(or (and a b c) d)");
  EXPECT_EQ(expression("not a == b"), "(not (cmp a == b))");
  EXPECT_EQ(expression("not not a"), "(not (not a))");
}

TEST(ParserPrecedenceTest, ComparisonsChainFlat) {
  EXPECT_EQ(expression("a < b <= c"), "(cmp a < b <= c)");
  EXPECT_EQ(expression("a == b != c > d >= e"), "(cmp a == b != c > d >= e)");
  EXPECT_EQ(expression("a is not b is c"), "(cmp a is-not b is c)");
  EXPECT_EQ(expression("a not in b in c"), "(cmp a not-in b in c)");
  EXPECT_EQ(expression("a + 1 < b * 2"), "(cmp (+ a 1) < (* b 2))");
}

TEST(ParserPrecedenceTest, ConditionalExpressionsNestToTheRight) {
  EXPECT_EQ(expression("a if c else b"), "(ifexp c a b)");
  EXPECT_EQ(expression("a if c else b if d else e"), "(ifexp c a (ifexp d b e))");
  EXPECT_EQ(expression("a or b if c and d else e"), "(ifexp (and c d) (or a b) e)");
}

TEST(ParserPrecedenceTest, LambdaTakesEverythingToItsRight) {
  EXPECT_EQ(expression("lambda: 0"), "(lambda () 0)");
  EXPECT_EQ(expression("lambda x, y=1: x + y"), "(lambda (x y=1) (+ x y))");
  EXPECT_EQ(expression("lambda x: a if x else b"), "(lambda (x) (ifexp x a b))");
  EXPECT_EQ(expression("lambda x: lambda y: x"), "(lambda (x) (lambda (y) x))");
  EXPECT_EQ(expression("f(lambda a,: a, 2)"), "(call f (lambda (a) a) 2)");
}

TEST(ParserPrecedenceTest, TrailersBindTightest) {
  EXPECT_EQ(expression("a.b.c"), "(. (. a b) c)");
  EXPECT_EQ(expression("f(x)(y)"), "(call (call f x) y)");
  EXPECT_EQ(expression("a[1][2]"), "([] ([] a 1) 2)");
  EXPECT_EQ(expression("a.b(c)[d].e"), "(. ([] (call (. a b) c) d) e)");
  EXPECT_EQ(expression("'x'.join(y)"), "(call (. \"x\" join) y)");
}

// ---- Expressions: atoms and displays ---------------------------------------------

TEST(ParserAnnotationTest, AnnotatedAssignmentsAndNamedExpressions) {
  EXPECT_EQ(statements("x: int = 1"), "(annassign x int 1)");
  EXPECT_EQ(statements("x: list[int]"), "(annassign x ([] list int))");
  EXPECT_EQ(statements("(x): int"), "(annassign x int complex)");
  EXPECT_EQ(statements("a.b: int = 2"), "(annassign (. a b) int 2 complex)");
  EXPECT_EQ(statements("x = (y := 3)"), "(= x (:= y 3))");
  EXPECT_EQ(statements("if (n := len(a)) > 3: pass"), "(if (cmp (:= n (call len a)) > 3) (pass))");
  EXPECT_EQ(statements("x = ..."), "(= x ...)");
}

TEST(ParserAtomTest, ConstantsHaveTheirTypes) {
  Parsed five = parsed("5");
  EXPECT_EQ(std::get<int64_t>(std::get<ast::Constant>(five.value().node).value), 5);
  Parsed half = parsed("0.5");
  EXPECT_EQ(std::get<double>(std::get<ast::Constant>(half.value().node).value), 0.5);
  Parsed text = parsed("'hi'");
  EXPECT_EQ(std::get<std::string>(std::get<ast::Constant>(text.value().node).value), "hi");
  Parsed yes = parsed("True");
  EXPECT_EQ(std::get<bool>(std::get<ast::Constant>(yes.value().node).value), true);
  Parsed none = parsed("None");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(std::get<ast::Constant>(none.value().node).value));
  EXPECT_EQ(expression("False"), "False");
  EXPECT_EQ(expression("1e3"), "1000.0");
  EXPECT_EQ(expression("0x10"), "16");
}

TEST(ParserAtomTest, SmallestIntIsANegatedLiteral) {
  Parsed min = parsed("-9223372036854775808");
  EXPECT_EQ(std::get<int64_t>(std::get<ast::Constant>(min.value().node).value),
            std::numeric_limits<int64_t>::min());
  EXPECT_EQ(expression("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(expression("-9223372036854775807"), "(neg 9223372036854775807)");
}

TEST(ParserAtomTest, IntLiteralsPastInt64KeepTheirDigits) {
  EXPECT_EQ(expression("9223372036854775808"), "(big base 10 9223372036854775808)");
  EXPECT_EQ(expression("-9223372036854775808 ** 2"), "(neg (** (big base 10 9223372036854775808) 2))");
  EXPECT_EQ(expression("18_446_744_073_709_551_616"), "(big base 10 18446744073709551616)");
  EXPECT_EQ(expression("0xFFFF_FFFF_FFFF_FFFF_F"), "(big base 16 FFFFFFFFFFFFFFFFF)");
  EXPECT_EQ(expression("0b1" + std::string(64, '0')), "(big base 2 1" + std::string(64, '0') + ")");
}

TEST(ParserAtomTest, AdjacentStringsConcatenate) {
  EXPECT_EQ(expression("'a' \"b\" '''c'''"), "\"abc\"");
  EXPECT_EQ(expression("('a'\n 'b')"), "\"ab\"");
}

TEST(ParserAtomTest, BytesLiteralsAreBytesConstants) {
  Parsed data = parsed("b'hi'");
  EXPECT_EQ(std::get<ast::BytesValue>(std::get<ast::Constant>(data.value().node).value).data, "hi");
  EXPECT_EQ(expression(R"(b'a' rb'\n' B'''c''')"), R"(b"a\\nc")");
  EXPECT_EQ(expression("(b'a'\n b'b')"), "b\"ab\"");
  EXPECT_EQ(expression("[b'x', 'x']"), "(list b\"x\" \"x\")");
  EXPECT_EQ(expression("b'x'.decode()"), "(call (. b\"x\" decode))");
}

TEST(ParserAtomTest, TuplesAndParentheses) {
  EXPECT_EQ(expression("()"), "(tuple)");
  EXPECT_EQ(expression("(a)"), "a");
  EXPECT_EQ(expression("(a,)"), "(tuple a)");
  EXPECT_EQ(expression("(a, b)"), "(tuple a b)");
  EXPECT_EQ(expression("(a, b,)"), "(tuple a b)");
  EXPECT_EQ(expression("((a, b), c)"), "(tuple (tuple a b) c)");
  EXPECT_EQ(expression("a, b"), "(tuple a b)");
  EXPECT_EQ(expression("a,"), "(tuple a)");
}

TEST(ParserAtomTest, Lists) {
  EXPECT_EQ(expression("[]"), "(list)");
  EXPECT_EQ(expression("[1]"), "(list 1)");
  EXPECT_EQ(expression("[1, [2, 3],]"), "(list 1 (list 2 3))");
}

TEST(ParserAtomTest, Dicts) {
  EXPECT_EQ(expression("{}"), "(dict)");
  EXPECT_EQ(expression("{'a': 1}"), "(dict \"a\":1)");
  EXPECT_EQ(expression("{'a': 1, b: c + 1,}"), "(dict \"a\":1 b:(+ c 1))");
  EXPECT_EQ(expression("{1: {2: 3}}"), "(dict 1:(dict 2:3))");
}

TEST(ParserAtomTest, Comprehensions) {
  EXPECT_EQ(expression("[x * x for x in xs]"), "(listcomp (* x x) for x in xs)");
  EXPECT_EQ(expression("[x for x in range(10) if x % 2]"),
            "(listcomp x for x in (call range 10) if (% x 2))");
  EXPECT_EQ(expression("[a + b for a, b in pairs]"),
            "(listcomp (+ a b) for (tuple a b) in pairs)");
  EXPECT_EQ(expression("[i for i, (x, y) in e]"),
            "(listcomp i for (tuple i (tuple x y)) in e)");
  EXPECT_EQ(expression("{k: v for k, v in d.items() if v}"),
            "(dictcomp k:v for (tuple k v) in (call (. d items)) if v)");
  EXPECT_EQ(expression("[x for x in a or b if not x]"),
            "(listcomp x for x in (or a b) if (not x))");
  EXPECT_EQ(expression("[(x, y) for x in a if x for y in b if y if x != y]"),
            "(listcomp (tuple x y) for x in a if x for y in b if y if (cmp x != y))");
  EXPECT_EQ(expression("{x for x in y}"), "(setcomp x for x in y)");
  EXPECT_EQ(expression("{k: v for k in a for v in k}"), "(dictcomp k:v for k in a for v in k)");
}

TEST(ParserAtomTest, SetsAndUnpackingDisplays) {
  EXPECT_EQ(expression("{1, 2}"), "(set 1 2)");
  EXPECT_EQ(expression("{1}"), "(set 1)");
  EXPECT_EQ(expression("{*a, 1}"), "(set (* a) 1)");
  EXPECT_EQ(expression("[*a, *b]"), "(list (* a) (* b))");
  EXPECT_EQ(expression("(*a,)"), "(tuple (* a))");
  EXPECT_EQ(expression("{**a, 'k': 1, **b}"), "(dict **a \"k\":1 **b)");
  EXPECT_EQ(expression("f(a, *b, c, k=1, *d, **e)"), "(call f a (* b) c (* d) k=1 **e)");
}

// ---- Expressions: calls and subscripts --------------------------------------------

TEST(ParserCallTest, PositionalThenKeywordArguments) {
  EXPECT_EQ(expression("f()"), "(call f)");
  EXPECT_EQ(expression("f(a, b=1)"), "(call f a b=1)");
  EXPECT_EQ(expression("f(a, b, c=x == y, d=2,)"), "(call f a b c=(cmp x == y) d=2)");
  EXPECT_EQ(expression("f(a == b)"), "(call f (cmp a == b))");
  EXPECT_EQ(expression("f(\n  a,\n  b,\n)"), "(call f a b)");
}

TEST(ParserCallTest, Slices) {
  EXPECT_EQ(expression("a[1:2]"), "([] a (slice 1 2 _))");
  EXPECT_EQ(expression("a[::-1]"), "([] a (slice _ _ (neg 1)))");
  EXPECT_EQ(expression("a[:]"), "([] a (slice _ _ _))");
  EXPECT_EQ(expression("a[1:]"), "([] a (slice 1 _ _))");
  EXPECT_EQ(expression("a[:2]"), "([] a (slice _ 2 _))");
  EXPECT_EQ(expression("a[::]"), "([] a (slice _ _ _))");
  EXPECT_EQ(expression("a[i:j:k]"), "([] a (slice i j k))");
  EXPECT_EQ(expression("a[x+1:]"), "([] a (slice (+ x 1) _ _))");
}

TEST(ParserCallTest, TupleIndexes) {
  EXPECT_EQ(expression("a[i, j]"), "([] a (tuple i j))");
  EXPECT_EQ(expression("a[i,]"), "([] a (tuple i))");
  EXPECT_EQ(expression("a[1:2, ::3]"), "([] a (tuple (slice 1 2 _) (slice _ _ 3)))");
}

// ---- F-strings --------------------------------------------------------------

TEST(ParserFStringTest, LiteralsAndFields) {
  EXPECT_EQ(expression("f'a{x}b'"), "(f \"a\" (fmt x) \"b\")");
  EXPECT_EQ(expression("f'{x}{y}'"), "(f (fmt x) (fmt y))");
}

TEST(ParserFStringTest, EmptyAndFieldlessFStrings) {
  EXPECT_EQ(expression("f''"), "(f)");
  EXPECT_EQ(expression("f'abc'"), "(f \"abc\")");
}

TEST(ParserFStringTest, SpecsAreRawText) {
  EXPECT_EQ(expression("f'{x:>10}'"), "(f (fmt x \">10\"))");
  EXPECT_EQ(expression("f'{x:.2f} {y:}'"), "(f (fmt x \".2f\") \" \" (fmt y))");
}

TEST(ParserFStringTest, ConversionsBecomeCallsOfReprAndStr) {
  EXPECT_EQ(expression("f'{x!r}'"), "(f (fmt (call repr x)))");
  EXPECT_EQ(expression("f'{x!s:^5}'"), "(f (fmt (call str x) \"^5\"))");
}

TEST(ParserFStringTest, SelfDocumentingFields) {
  EXPECT_EQ(expression("f'{x=}'"), "(f \"x=\" (fmt (call repr x)))");
  EXPECT_EQ(expression("f'a {x + 1 = }'"), "(f \"a x + 1 = \" (fmt (call repr (+ x 1))))");
  EXPECT_EQ(expression("f'{x=:>3}'"), "(f \"x=\" (fmt x \">3\"))");
}

TEST(ParserFStringTest, FieldsHoldFullExpressions) {
  EXPECT_EQ(expression("f'{a if b else c}'"), "(f (fmt (ifexp b a c)))");
  EXPECT_EQ(expression("f'{d[\"k\"]}'"), "(f (fmt ([] d \"k\")))");
  EXPECT_EQ(expression("f'{a, b}'"), "(f (fmt (tuple a b)))");
  EXPECT_EQ(expression("f'{(lambda: 1)()}'"), "(f (fmt (call (lambda () 1))))");
  EXPECT_EQ(expression("f'{a != b}'"), "(f (fmt (cmp a != b)))");
  EXPECT_EQ(expression("f\"{f'{x}'}\""), "(f (fmt (f (fmt x))))");
  EXPECT_EQ(expression("f'''{\n  x\n  +\n  y}'''"), "(f (fmt (+ x y)))");
}

TEST(ParserFStringTest, ConcatenationMixesPlainAndFStrings) {
  EXPECT_EQ(expression("'a' f'b{x}c' 'd'"), "(f \"ab\" (fmt x) \"cd\")");
  EXPECT_EQ(expression("f'{x}' '' f'{y}'"), "(f (fmt x) (fmt y))");
  EXPECT_EQ(expression("'' f''"), "(f)");
}

TEST(ParserFStringTest, DoubledBracesAndEscapes) {
  EXPECT_EQ(expression("f'{{x}} {x}\\n'"), "(f \"{x} \" (fmt x) \"\\n\")");
}

TEST(ParserFStringTest, FieldPositionsPointIntoTheSource) {
  Parsed result = parsed("y = f'ab{ x + 1}'");
  const auto& joined = std::get<ast::JoinedStr>(result.get<ast::Assign>().value->node);
  ASSERT_EQ(joined.parts.size(), 2u);
  EXPECT_EQ(where(*joined.parts[0]), "1:7");
  EXPECT_EQ(where(*joined.parts[1]), "1:11");
  const auto& field = std::get<ast::FormattedValue>(joined.parts[1]->node);
  const auto& sum = std::get<ast::BinOp>(field.value->node);
  EXPECT_EQ(where(*sum.left), "1:11");
  EXPECT_EQ(where(*sum.right), "1:15");
}

TEST(ParserFStringTest, FieldPositionsOnLaterLines) {
  ast::Module module = parse("x = 1\ns = f'''\n  {a}\n'''");
  const auto& assign = std::get<ast::Assign>(module.body.at(1)->node);
  const auto& joined = std::get<ast::JoinedStr>(assign.value->node);
  ASSERT_EQ(joined.parts.size(), 3u);
  EXPECT_EQ(where(*joined.parts[1]), "3:4");
}

// ---- Statements ------------------------------------------------------------

TEST(ParserStatementTest, ExpressionStatements) {
  EXPECT_EQ(statements("f(x)\n1\n"), "(call f x)\n1");
}

TEST(ParserStatementTest, Assignments) {
  EXPECT_EQ(statements("x = 1"), "(= x 1)");
  EXPECT_EQ(statements("a = b = 0"), "(= a b 0)");
  EXPECT_EQ(statements("a, b = b, a + b"), "(= (tuple a b) (tuple b (+ a b)))");
  EXPECT_EQ(statements("(a, b), c = x"), "(= (tuple (tuple a b) c) x)");
  EXPECT_EQ(statements("[a, b] = x"), "(= (list a b) x)");
  EXPECT_EQ(statements("a, = x"), "(= (tuple a) x)");
  EXPECT_EQ(statements("() = x"), "(= (tuple) x)");
  EXPECT_EQ(statements("x.y = z[0] = 1, 2"), "(= (. x y) ([] z 0) (tuple 1 2))");
  EXPECT_EQ(statements("x = yield_ = lambda: 0"), "(= x yield_ (lambda () 0))");
}

TEST(ParserStatementTest, AugmentedAssignments) {
  EXPECT_EQ(statements("x += 1\nx -= 1\nx *= 2\nx /= 2\nx //= 2\nx %= 2\nx **= 2"),
            "(+= x 1)\n(-= x 1)\n(*= x 2)\n(/= x 2)\n(//= x 2)\n(%= x 2)\n(**= x 2)");
  EXPECT_EQ(statements("a.b += 1"), "(+= (. a b) 1)");
  EXPECT_EQ(statements("a[i] **= 1, 2"), "(**= ([] a i) (tuple 1 2))");
}

TEST(ParserStatementTest, IfElifElseChains) {
  EXPECT_EQ(statements("if a:\n    x\n"), "(if a (x))");
  EXPECT_EQ(statements("if a:\n    x\nelse:\n    y\n"), "(if a (x) (else (y)))");
  // Each elif is an If alone in the orelse of the clause before it.
  EXPECT_EQ(statements("if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w\n"),
            "(if a (x) (else ((if b (y) (else ((if c (z) (else (w)))))))))");
}

TEST(ParserStatementTest, Loops) {
  EXPECT_EQ(statements("while x:\n    break\nelse:\n    continue\n"),
            "(while x (break) (else (continue)))");
  EXPECT_EQ(statements("for x in xs:\n    pass\n"), "(for x xs (pass))");
  EXPECT_EQ(statements("for i, (x, y) in e:\n    pass\nelse:\n    pass"),
            "(for (tuple i (tuple x y)) e (pass) (else (pass)))");
  EXPECT_EQ(statements("for x in 1, 2:\n    pass"), "(for x (tuple 1 2) (pass))");
  EXPECT_EQ(statements("for x, in y:\n    pass"), "(for (tuple x) y (pass))");
  EXPECT_EQ(statements("for a.b in c:\n    pass"), "(for (. a b) c (pass))");
  EXPECT_EQ(statements("for x in a if b else c:\n    pass"), "(for x (ifexp b a c) (pass))");
}

TEST(ParserStatementTest, FunctionDefinitions) {
  EXPECT_EQ(statements("def f():\n    return\n"), "(def f () ((return)))");
  EXPECT_EQ(statements("def f(a, b=1, c=2,):\n    return a, b\n"),
            "(def f (a b=1 c=2) ((return (tuple a b))))");
  EXPECT_EQ(statements("def f(x): return x"), "(def f (x) ((return x)))");
}

TEST(ParserExpressionTest, BitwiseOperatorsFollowCPythonsPrecedence) {
  EXPECT_EQ(expression("a | b ^ c & d << e + f"), "(| a (^ b (& c (<< d (+ e f)))))");
  EXPECT_EQ(expression("a @ b * c"), "(* (@ a b) c)");
  EXPECT_EQ(expression("~a ** b"), "(~ (** a b))");
  EXPECT_EQ(expression("a < b | c"), "(cmp a < (| b c))");
}

TEST(ParserStatementTest, ClassDefinitions) {
  EXPECT_EQ(statements("class A:\n    pass\n"), "(class A () (pass))");
  EXPECT_EQ(statements("class A(B, c.D,):\n    x = 1\n"), "(class A ( B (. c D)) ((= x 1)))");
  EXPECT_EQ(statements("class A(): pass"), "(class A () (pass))");
  EXPECT_EQ(statements("@d\nclass A: pass"), "(class A () (pass))");
}

TEST(ParserStatementTest, ParameterKinds) {
  EXPECT_EQ(statements("def f(a, /, b, *args, k, m=1, **kw): pass"),
            "(def f (a / b *args k m=1 **kw) (pass))");
  EXPECT_EQ(statements("def f(*, k=2, j): pass"), "(def f (* k=2 j) (pass))");
  EXPECT_EQ(statements("def f(a=1, /, b=2, *, c): pass"), "(def f (a=1 / b=2 * c) (pass))");
  EXPECT_EQ(statements("def f(**kw,): pass"), "(def f (**kw) (pass))");
  EXPECT_EQ(expression("lambda *a, k=0, **kw: a"), "(lambda (*a k=0 **kw) a)");
}

TEST(ParserStatementTest, DecoratorsNonlocalAndRaiseFrom) {
  EXPECT_EQ(statements("@d\n@e(1)\ndef f(): pass"), "(def @d @(call e 1) f () (pass))");
  EXPECT_EQ(statements("@a.b[0]\ndef f(): pass"), "(def @([] (. a b) 0) f () (pass))");
  EXPECT_EQ(statements("def f():\n    nonlocal a, b\n"), "(def f () ((nonlocal a b)))");
  EXPECT_EQ(statements("raise X from Y"), "(raise X from Y)");
  EXPECT_EQ(statements("raise X from None"), "(raise X from None)");
}

TEST(ParserStatementTest, StarredTargets) {
  EXPECT_EQ(statements("a, *b = c"), "(= (tuple a (* b)) c)");
  EXPECT_EQ(statements("[*a, (b, c)] = d"), "(= (list (* a) (tuple b c)) d)");
  EXPECT_EQ(statements("for x, *y in z: pass"), "(for (tuple x (* y)) z (pass))");
  EXPECT_EQ(statements("x = *a, 1"), "(= x (tuple (* a) 1))");
}

TEST(ParserStatementTest, SimpleStatements) {
  EXPECT_EQ(statements("pass"), "pass");
  EXPECT_EQ(statements("global a, b"), "(global a b)");
  EXPECT_EQ(statements("assert x"), "(assert x)");
  EXPECT_EQ(statements("assert x, 'message'"), "(assert x \"message\")");
  EXPECT_EQ(statements("del a, b[0], c.d"), "(del a ([] b 0) (. c d))");
  EXPECT_EQ(statements("del (a, b),"), "(del (tuple a b))");
  EXPECT_EQ(statements("raise"), "(raise)");
  EXPECT_EQ(statements("raise ValueError('x')"), "(raise (call ValueError \"x\"))");
  EXPECT_EQ(statements("return"), "(return)");
}

TEST(ParserStatementTest, Annotations) {
  EXPECT_EQ(statements("x: int = 1"), "(annassign x int 1)");
  EXPECT_EQ(statements("x: List[int]"), "(annassign x ([] List int))");
  EXPECT_EQ(statements("self.x: int = 0"), "(annassign (. self x) int 0 complex)");
  // Annotations of parameters and returns are parsed and dropped.
  EXPECT_EQ(statements("def f(a: int, *b: str, c: float = 1.0, **d: dict) -> None:\n    pass"),
            statements("def f(a, *b, c=1.0, **d):\n    pass"));
}

TEST(ParserStatementTest, Imports) {
  EXPECT_EQ(statements("import a"), "(import a)");
  EXPECT_EQ(statements("import a, b as c"), "(import a (b as c))");
  EXPECT_EQ(statements("from m import a"), "(from m a)");
  EXPECT_EQ(statements("from m import a, b as c"), "(from m a (b as c))");
  EXPECT_EQ(statements("from m import (a,\n  b as c,)"), "(from m a (b as c))");
  // Dotted and relative module names keep their dots; `*` is one alias.
  EXPECT_EQ(statements("import a.b.c, d.e as f"), "(import a.b.c (d.e as f))");
  EXPECT_EQ(statements("from a.b import c"), "(from a.b c)");
  EXPECT_EQ(statements("from . import x"), "(from . x)");
  EXPECT_EQ(statements("from ..m.n import x"), "(from ..m.n x)");
  EXPECT_EQ(statements("from ... import x"), "(from ... x)");
  EXPECT_EQ(statements("from a import *"), "(from a *)");
}

TEST(ParserStatementTest, TryStatements) {
  EXPECT_EQ(statements("try:\n    a\nexcept:\n    b\n"), "(try (a) (except (b)))");
  EXPECT_EQ(statements("try:\n    a\nexcept E as e:\n    b\nexcept (A, B):\n    c\n"
                       "else:\n    d\nfinally:\n    f\n"),
            "(try (a) (except E as e (b)) (except (tuple A B) (c)) (else (d)) (finally (f)))");
  EXPECT_EQ(statements("try:\n    a\nfinally:\n    b\n"), "(try (a) (finally (b)))");
  EXPECT_EQ(statements("try:\n    a\nexcept (A, B) as e:\n    b\n"),
            "(try (a) (except (tuple A B) as e (b)))");
}

TEST(ParserStatementTest, ExceptHandlersKnowTheirLine) {
  Parsed result = parsed("try:\n    a\nexcept E:\n    b\nexcept:\n    c\n");
  const auto& node = result.get<ast::Try>();
  ASSERT_EQ(node.handlers.size(), 2u);
  EXPECT_EQ(node.handlers[0].line, 3);
  EXPECT_EQ(node.handlers[1].line, 5);
  EXPECT_EQ(node.handlers[1].type, nullptr);
}

TEST(ParserStatementTest, WithStatements) {
  EXPECT_EQ(statements("with a:\n    pass"), "(with a (pass))");
  EXPECT_EQ(statements("with open(f) as g, lock:\n    pass"),
            "(with ((call open f) as g) lock (pass))");
  EXPECT_EQ(statements("with a as (b, c), d as e.f:\n    pass"),
            "(with (a as (tuple b c)) (d as (. e f)) (pass))");
}

TEST(ParserStatementTest, ParenthesizedWithItems) {
  EXPECT_EQ(statements("with (a as b, c as d,): pass"), "(with (a as b) (c as d) (pass))");
  EXPECT_EQ(statements("with (open(f) as g,\n      h):\n    pass"),
            "(with ((call open f) as g) h (pass))");
  EXPECT_EQ(statements("with (a, b): pass"), "(with a b (pass))");
  // A parenthesized expression followed by 'as' is still an expression.
  EXPECT_EQ(statements("with (a) as b: pass"), "(with (a as b) (pass))");
  EXPECT_EQ(statements("with (a, b) as c: pass"), "(with ((tuple a b) as c) (pass))");
  EXPECT_EQ(statements("with (): pass"), "(with (tuple) (pass))");
}

TEST(ParserStatementTest, SemicolonsAndOneLineBodies) {
  EXPECT_EQ(statements("a = 1; b = 2;"), "(= a 1)\n(= b 2)");
  EXPECT_EQ(statements("if x: y = 1; z = 2\nw"), "(if x ((= y 1) (= z 2)))\nw");
  EXPECT_EQ(statements("while x: pass\nelse: pass"), "(while x (pass) (else (pass)))");
}

TEST(ParserStatementTest, NestedBlocks) {
  EXPECT_EQ(statements("def f(n):\n"
                       "    for i in range(n):\n"
                       "        if i:\n"
                       "            return i\n"
                       "    return 0\n"
                       "print(f(3))\n"),
            "(def f (n) ((for i (call range n) ((if i ((return i))))) (return 0)))\n"
            "(call print (call f 3))");
}

TEST(ParserStatementTest, CommentsBlankLinesAndContinuations) {
  EXPECT_EQ(statements("# header\n\nx = [1,\n     2]  # list\n\ny = 1 + \\\n    2\n"),
            "(= x (list 1 2))\n(= y (+ 1 2))");
}

TEST(ParserStatementTest, EmptyModule) {
  EXPECT_TRUE(parse("").body.empty());
  EXPECT_TRUE(parse("\n# nothing\n").body.empty());
}

// ---- Positions --------------------------------------------------------------

TEST(ParserPositionTest, StatementsStartAtTheirFirstToken) {
  ast::Module module = parse("x = 1\nif y:\n    del z\n  \nfor a in b: pass\n");
  ASSERT_EQ(module.body.size(), 3u);
  EXPECT_EQ(where(*module.body[0]), "1:1");
  EXPECT_EQ(where(*module.body[1]), "2:1");
  EXPECT_EQ(where(*std::get<ast::If>(module.body[1]->node).body.at(0)), "3:5");
  EXPECT_EQ(where(*module.body[2]), "5:1");
}

TEST(ParserPositionTest, ExpressionsStartAtTheirFirstToken) {
  Parsed sum = parsed("x = a.b + f(c)[1]");
  const auto& binop = std::get<ast::BinOp>(sum.get<ast::Assign>().value->node);
  EXPECT_EQ(where(*sum.get<ast::Assign>().value), "1:5");
  EXPECT_EQ(where(*binop.right), "1:11");  // The call starts at its function.
}

TEST(ParserPositionTest, ElifClausesStartAtTheirKeyword) {
  Parsed result = parsed("if a:\n    pass\nelif b:\n    pass\n");
  const auto& clause = *result.get<ast::If>().orelse.at(0);
  EXPECT_EQ(where(clause), "3:1");
}

TEST(ParserPositionTest, TuplesWithoutParenthesesStartAtTheirFirstElement) {
  Parsed result = parsed("x =   a, b");
  EXPECT_EQ(where(*result.get<ast::Assign>().value), "1:7");
  Parsed paren = parsed("x = (a, b)");
  EXPECT_EQ(where(*paren.get<ast::Assign>().value), "1:5");
}

// ---- Syntax errors ----------------------------------------------------------

struct ErrorCase {
  const char* source;
  const char* message;
  int line;
  int col;
};

void PrintTo(const ErrorCase& error_case, std::ostream* out) { *out << error_case.source; }

class ParserErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(ParserErrorTest, ReportsMessageAndPosition) {
  const ErrorCase& expected = GetParam();
  try {
    parse(expected.source);
    ADD_FAILURE() << "no SyntaxError";
  } catch (const SyntaxError& error) {
    EXPECT_EQ(std::string(error.what()), expected.message);
    EXPECT_EQ(error.line, expected.line);
    EXPECT_EQ(error.col, expected.col);
  }
}

// Errors with CPython 3.11's wording and position.
INSTANTIATE_TEST_SUITE_P(
    General, ParserErrorTest,
    testing::Values(
        ErrorCase{"x = = 1", "invalid syntax", 1, 5},
        ErrorCase{"x = 1 +", "invalid syntax", 1, 8},
        ErrorCase{"x = 1 2", "invalid syntax", 1, 7},
        ErrorCase{"x = 1;; y = 2", "invalid syntax", 1, 7},
        ErrorCase{";", "invalid syntax", 1, 1},
        ErrorCase{"else: pass", "invalid syntax", 1, 1},
        ErrorCase{"if x: pass\nelse: pass\nelif y: pass", "invalid syntax", 3, 1},
        ErrorCase{"global", "invalid syntax", 1, 7},
        ErrorCase{"del", "invalid syntax", 1, 4},
        ErrorCase{"x = not", "invalid syntax", 1, 8},
        ErrorCase{"for x y: pass", "invalid syntax", 1, 7},
        ErrorCase{"x = 1 if y else", "invalid syntax", 1, 16},
        ErrorCase{"if x: if y: pass", "invalid syntax", 1, 7},
        ErrorCase{"f(a, b", "'(' was never closed", 1, 2},
        ErrorCase{"x if y", "expected 'else' after 'if' expression", 1, 1},
        ErrorCase{"a = 1 if 2", "expected 'else' after 'if' expression", 1, 5},
        ErrorCase{"if x\n  y", "expected ':'", 1, 5},
        ErrorCase{"while x\n    pass", "expected ':'", 1, 8},
        ErrorCase{"print 'hi'", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1,
                  1},
        ErrorCase{"from a import b,", "trailing comma not allowed without surrounding parentheses", 1,
                  17},
        // Reported at the token after the last literal, as CPython does.
        ErrorCase{"x = b'a' 'b'", "cannot mix bytes and nonbytes literals", 1, 13},
        ErrorCase{"x = 'a' b'b' + 1", "cannot mix bytes and nonbytes literals", 1, 14},
        ErrorCase{"x = f'{a}' b'b'", "cannot mix bytes and nonbytes literals", 1, 16},
        ErrorCase{"x = (b'a'\n  b'c' 'd')", "cannot mix bytes and nonbytes literals", 2, 11},
        ErrorCase{"print b'x'",
                  "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
        ErrorCase{"x = [a b'x']", "invalid syntax", 1, 8}));

INSTANTIATE_TEST_SUITE_P(
    Indentation, ParserErrorTest,
    testing::Values(
        ErrorCase{"  x = 1", "unexpected indent", 1, 2},
        ErrorCase{"x = 1\n  y = 2", "unexpected indent", 2, 2},
        ErrorCase{"if x:\n    pass\n      y\n", "unexpected indent", 3, 6},
        ErrorCase{"if x:\npass", "expected an indented block after 'if' statement on line 1", 2, 1},
        ErrorCase{"if x:", "expected an indented block after 'if' statement on line 1", 1, 6},
        ErrorCase{"def f():", "expected an indented block after function definition on line 1", 1, 9},
        ErrorCase{"for x in y:", "expected an indented block after 'for' statement on line 1", 1, 12},
        ErrorCase{"while x:", "expected an indented block after 'while' statement on line 1", 1, 9},
        ErrorCase{"with open(f) as g:", "expected an indented block after 'with' statement on line 1",
                  1, 19},
        ErrorCase{"if x:\n    pass\nelif y:",
                  "expected an indented block after 'elif' statement on line 3", 3, 8},
        ErrorCase{"if x:\n    pass\nelse:",
                  "expected an indented block after 'else' statement on line 3", 3, 6},
        ErrorCase{"try:\n    pass\nexcept E as e:",
                  "expected an indented block after 'except' statement on line 3", 3, 15},
        ErrorCase{"try:\n    pass\nfinally:",
                  "expected an indented block after 'finally' statement on line 3", 3, 9},
        ErrorCase{"try:\nx", "expected an indented block after 'try' statement on line 1", 2, 1},
        ErrorCase{"def f():\n    if y:\nx", "expected an indented block after 'if' statement on line 2",
                  3, 1},
        ErrorCase{"if x:\n        a\n    b", "unindent does not match any outer indentation level", 3,
                  6},
        ErrorCase{"if x:\n\ty\n        z", "inconsistent use of tabs and spaces in indentation", 3, 1}));

INSTANTIATE_TEST_SUITE_P(
    Targets, ParserErrorTest,
    testing::Values(
        ErrorCase{"1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
        ErrorCase{"f() = 1",
                  "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
        ErrorCase{"a + 1 = 2",
                  "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
        ErrorCase{"-x = 1", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1,
                  1},
        ErrorCase{"{} = 1", "cannot assign to dict literal here. Maybe you meant '==' instead of '='?",
                  1, 1},
        ErrorCase{"[x for x in y] = 1",
                  "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1,
                  1},
        ErrorCase{"f'{x}' = 1",
                  "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1,
                  1},
        ErrorCase{"x = 1 = 2", "cannot assign to literal", 1, 5},
        ErrorCase{"(a, 1) = x", "cannot assign to literal", 1, 5},
        ErrorCase{"[a, f()] = x", "cannot assign to function call", 1, 5},
        ErrorCase{"x = lambda: 1 = 2", "cannot assign to lambda", 1, 5},
        ErrorCase{"None = 1", "cannot assign to None", 1, 1},
        ErrorCase{"True = 1", "cannot assign to True", 1, 1},
        ErrorCase{"a if b else c = 1", "cannot assign to conditional expression", 1, 1},
        ErrorCase{"a < b = 1", "cannot assign to comparison", 1, 1},
        ErrorCase{"not x = 1", "cannot assign to expression", 1, 1},
        ErrorCase{"a and b = 1", "cannot assign to expression", 1, 1},
        ErrorCase{"for 1 in x: pass", "cannot assign to literal", 1, 5},
        ErrorCase{"for f() in x: pass", "cannot assign to function call", 1, 5},
        ErrorCase{"with a as 1: pass", "cannot assign to literal", 1, 11},
        ErrorCase{"[x for 1 in y]", "cannot assign to literal", 1, 8},
        ErrorCase{"del f()", "cannot delete function call", 1, 5},
        ErrorCase{"del x + 1", "cannot delete expression", 1, 5},
        ErrorCase{"del (a, 1)", "cannot delete literal", 1, 9},
        ErrorCase{"(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1},
        ErrorCase{"[a] += 1", "'list' is an illegal expression for augmented assignment", 1, 1},
        ErrorCase{"f() += 1", "'function call' is an illegal expression for augmented assignment", 1,
                  1},
        ErrorCase{"1 -= 1", "'literal' is an illegal expression for augmented assignment", 1, 1},
        ErrorCase{"if x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1,
                  4},
        ErrorCase{"while f() = 1: pass",
                  "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 7},
        ErrorCase{"if a.b = 1: pass",
                  "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4},
        ErrorCase{"elif_ = 0\nif x: pass\nelif a[0] = 1: pass",
                  "cannot assign to subscript here. Maybe you meant '==' instead of '='?", 3, 6}));

INSTANTIATE_TEST_SUITE_P(
    CallsAndDisplays, ParserErrorTest,
    testing::Values(
        ErrorCase{"f(a=1, b)", "positional argument follows keyword argument", 1, 8},
        ErrorCase{"f(a=1, a=2)", "keyword argument repeated: a", 1, 8},
        ErrorCase{"f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3},
        ErrorCase{"def f(a=1, b): pass", "non-default argument follows default argument", 1, 12},
        ErrorCase{"def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10},
        ErrorCase{"lambda a, a: 0", "duplicate argument 'a' in function definition", 1, 11},
        ErrorCase{"x = [1 2]", "invalid syntax. Perhaps you forgot a comma?", 1, 6},
        ErrorCase{"f(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 3},
        ErrorCase{"x = (a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 6},
        ErrorCase{"x = {1: 2 3: 4}", "invalid syntax. Perhaps you forgot a comma?", 1, 9},
        ErrorCase{"x = {1: 2, 3}", "':' expected after dictionary key", 1, 12},
        ErrorCase{"x = a[]", "invalid syntax", 1, 7},
        ErrorCase{"x = a.1", "invalid syntax", 1, 6},
        ErrorCase{"try:\n    pass\nexcept:\n    pass\nexcept A:\n    pass",
                  "default 'except:' must be last", 3, 1},
        ErrorCase{"try:\n    pass\nexcept A, B:\n    pass",
                  "multiple exception types must be parenthesized", 3, 8},
        ErrorCase{"try:\n    pass", "expected 'except' or 'finally' block", 2, 9},
        ErrorCase{"try:\n    pass\nelse:\n    pass", "expected 'except' or 'finally' block", 3, 1}));

// Parameter lists, calls and starred expressions, with CPython's wording.
INSTANTIATE_TEST_SUITE_P(
    Annotations, ParserErrorTest,
    testing::Values(
        ErrorCase{"x, y: int = 1, 2", "only single target (not tuple) can be annotated", 1, 1},
        ErrorCase{"[x]: int", "only single target (not list) can be annotated", 1, 1},
        ErrorCase{"f(): int", "illegal target for annotation", 1, 1},
        ErrorCase{"x := 1", "invalid syntax", 1, 3}));

INSTANTIATE_TEST_SUITE_P(
    ParametersAndStars, ParserErrorTest,
    testing::Values(
        ErrorCase{"def f(*): pass", "named arguments must follow bare *", 1, 7},
        ErrorCase{"def f(*, **k): pass", "named arguments must follow bare *", 1, 7},
        ErrorCase{"def f(**a, b): pass", "arguments cannot follow var-keyword argument", 1, 12},
        ErrorCase{"def f(a, *a): pass", "duplicate argument 'a' in function definition", 1, 11},
        ErrorCase{"def f(a, /, b, /): pass", "/ may appear only once", 1, 16},
        ErrorCase{"def f(/, a): pass", "at least one argument must precede /", 1, 7},
        ErrorCase{"def f(a=1, b): pass", "non-default argument follows default argument", 1, 12},
        ErrorCase{"f(**k, *a)", "iterable argument unpacking follows keyword argument unpacking", 1, 8},
        ErrorCase{"f(a=1, b)", "positional argument follows keyword argument", 1, 8},
        ErrorCase{"f(**k, b)", "positional argument follows keyword argument unpacking", 1, 8},
        ErrorCase{"x = (*a)", "cannot use starred expression here", 1, 6},
        ErrorCase{"[*a for a in b]", "iterable unpacking cannot be used in comprehension", 1, 2},
        ErrorCase{"{**a for a in b}", "dict unpacking cannot be used in dict comprehension", 1, 4},
        ErrorCase{"del *a, b", "cannot delete starred", 1, 5},
        ErrorCase{"del (*a,)", "cannot delete starred", 1, 6},
        ErrorCase{"@d\nx = 1", "invalid syntax", 2, 1}));

// Constructs outside MiniPy's subset, each named in its error.
INSTANTIATE_TEST_SUITE_P(
    Unsupported, ParserErrorTest,
    testing::Values(
        ErrorCase{"x = class", "invalid syntax", 1, 5},
        ErrorCase{"class A(metaclass=M): pass", "class keyword arguments (metaclass=...) are not supported by MiniPy", 1, 9},
        ErrorCase{"async def f(): pass", "'async' is not supported by MiniPy", 1, 1},
        ErrorCase{"x = await y", "'await' is not supported by MiniPy", 1, 5},
        ErrorCase{"f(x, y for y in z)", "Generator expression must be parenthesized", 1, 6},
        ErrorCase{"try:\n    pass\nexcept* E:\n    pass", "'except*' is not supported by MiniPy", 3,
                  7},
        ErrorCase{"x = 1j", "imaginary literals are not supported by MiniPy", 1, 5}));

INSTANTIATE_TEST_SUITE_P(
    FStrings, ParserErrorTest,
    testing::Values(
        ErrorCase{"x = f'{}'", "f-string: empty expression not allowed", 1, 7},
        ErrorCase{"x = f'{a +}'", "f-string: invalid syntax", 1, 11},
        ErrorCase{"x = f'{a b}'", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 8},
        ErrorCase{"x = f'{(a b)}'", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 9},
        ErrorCase{"x = f'ab{ (a, ]}'",
                  "f-string: closing parenthesis ']' does not match opening parenthesis '('", 1, 15},
        ErrorCase{"x = 1\ny = f'{a if}'", "f-string: invalid syntax", 2, 12},
        ErrorCase{"x = f'''\n{a + }'''", "f-string: invalid syntax", 2, 6},
        ErrorCase{"x = f'{a)}'", "f-string: unmatched ')'", 1, 9},
        ErrorCase{"x = f'{*a}'", "f-string: cannot use starred expression here", 1, 8},
        ErrorCase{"x = f'{f\"{a b}\"}'", "f-string: invalid syntax. Perhaps you forgot a comma?", 1,
                  11},
        ErrorCase{"x = f'{a:{b:{c}}}'", "f-string: expressions nested too deeply", 1, 13}));

// Which error wins when there are several, following CPython 3.11.
INSTANTIATE_TEST_SUITE_P(
    Precedence, ParserErrorTest,
    testing::Values(
        // An earlier parse error wins over a bracket left open at the end...
        ErrorCase{"x = = 1\nfoo(", "invalid syntax", 1, 5},
        ErrorCase{"foo(x = = 1", "invalid syntax", 1, 9},
        // ...unless the bracket was opened on an earlier line than the error,
        ErrorCase{"foo(\n  x = = 1", "'(' was never closed", 1, 4},
        // ...or the parse error is a missing comma.
        ErrorCase{"x = (a b", "'(' was never closed", 1, 5},
        ErrorCase{"x = [1, 2\ny = 3", "'[' was never closed", 1, 5},
        ErrorCase{"if x:\n    y = (1 2\nz = 3", "'(' was never closed", 2, 9},
        ErrorCase{"x = [1, 2\ny = 3\n]", "invalid syntax. Perhaps you forgot a comma?", 1, 9},
        // A lexical error anywhere later wins over a parse error...
        ErrorCase{"x = = 1\ny = \"abc", "unterminated string literal (detected at line 2)", 2, 5},
        ErrorCase{"x = 1 +\ny = 1e", "invalid decimal literal", 2, 5},
        ErrorCase{"x = (1 if 2)\ny = (", "expected 'else' after 'if' expression", 1, 6},
        // ...but not over an unexpected indent, nor does an indentation error
        // further on win over a parse error.
        ErrorCase{"x = 1\n  z\nw = \"abc", "unexpected indent", 2, 2},
        ErrorCase{"x = = 1\nif x:\n        a\n    b", "invalid syntax", 1, 5}));

// ---- Hostile input ----------------------------------------------------------

std::string error_of(const std::string& source) {
  try {
    parse(source);
  } catch (const SyntaxError& error) {
    return error.what();
  }
  return "no error";
}

std::string repeated(std::string_view part, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += part;
  return out;
}

TEST(ParserLimitTest, NestedBracketsUpToTheLimitParse) {
  std::string source = "x = " + repeated("(", 200) + "1" + repeated(")", 200);
  EXPECT_EQ(statements(source), "(= x 1)");
  std::string lists = "x = " + repeated("[", 200) + repeated("]", 200);
  EXPECT_NO_THROW(parse(lists));
  std::string calls = "x = " + repeated("f(", 199) + repeated(")", 199);
  EXPECT_NO_THROW(parse(calls));
}

TEST(ParserLimitTest, TooManyNestedBracketsIsAnError) {
  EXPECT_EQ(error_of("x = " + repeated("(", 1000) + "1" + repeated(")", 1000)),
            "too many nested parentheses");
  EXPECT_EQ(error_of(repeated("[", 100000)), "too many nested parentheses");
}

TEST(ParserLimitTest, LongUnaryAndPowerChainsAreErrorsNotCrashes) {
  EXPECT_EQ(error_of("x = " + repeated("-", 100000) + "1"), "expression is too deeply nested");
  EXPECT_EQ(error_of("x = " + repeated("not ", 100000) + "1"), "expression is too deeply nested");
  EXPECT_EQ(error_of("x = 2" + repeated(" ** 2", 100000)), "expression is too deeply nested");
  EXPECT_EQ(error_of("x = " + repeated("lambda: ", 100000) + "1"), "expression is too deeply nested");
  EXPECT_EQ(error_of("x = 1" + repeated(" if 1 else 1", 100000)), "expression is too deeply nested");
}

TEST(ParserLimitTest, LongLeftLeaningChainsAreBounded) {
  // The tree of a+a+...+a is as deep as it is long; its destructor and the
  // compiler recurse over it, so the length is bounded too.
  EXPECT_NO_THROW(parse("x = 1" + repeated(" + 1", 500)));
  EXPECT_EQ(error_of("x = 1" + repeated(" + 1", 100000)), "expression is too deeply nested");
  EXPECT_EQ(error_of("x = a" + repeated(".b", 100000)), "expression is too deeply nested");
  EXPECT_EQ(error_of("x = f" + repeated("()", 100000)), "expression is too deeply nested");
}

TEST(ParserLimitTest, FlatStructuresMayBeLong) {
  EXPECT_NO_THROW(parse("x = [" + repeated("1, ", 100000) + "]"));
  EXPECT_NO_THROW(parse("x = a" + repeated(" < a", 100000)));
  EXPECT_NO_THROW(parse("x = a" + repeated(" and a", 100000)));
  EXPECT_NO_THROW(parse("f(" + repeated("a, ", 100000) + ")"));
  EXPECT_NO_THROW(parse("x = " + repeated("'ab' ", 100000)));
}

TEST(ParserLimitTest, ElifChainsAreBounded) {
  std::string source = "if x:\n    pass\n" + repeated("elif x:\n    pass\n", 400);
  EXPECT_NO_THROW(parse(source));
  std::string hostile = "if x:\n    pass\n" + repeated("elif x:\n    pass\n", 100000);
  EXPECT_EQ(error_of(hostile), "too many 'elif' clauses");
}

TEST(ParserLimitTest, GarbageNeverCrashes) {
  const char* inputs[] = {
      "", "(", ")", "[", "]", "{", "}", ":", "\\", "'", "\"\"\"", "f'{", "f'}", "f'{!r}'",
      "f'{x!", "f'{x:", "def", "def f", "def f(", "def f(a=", "lambda", "lambda x", "if",
      "for", "for x", "for x in", "try", "with", "import", "from", "from a", "from a import",
      "x[", "x[1:", "x.", "x(", "a if", "a if b", "not", "-", "**", "*", "=", "+=", "@", "\t",
      "\f", "\r", "\r\n", "    \n  x", "x\n\ty\n  z", "#", "'\\", "r'\\", "0x", "1e", "1_",
      "0b2", "f'{a!r}}'", "f'{{}'", "f'{x=!r:^10}'", "global x,", "del x,", "assert x,",
      "return,", "raise x,", "x = y = ", "x, = ", "(a, b) = (",
  };
  for (const char* input : inputs) {
    try {
      parse(input);
    } catch (const SyntaxError& error) {
      EXPECT_GE(error.line, 1) << input;
      EXPECT_GE(error.col, 1) << input;
    }
  }
}

TEST(ParserLimitTest, LargeProgramParses) {
  std::string source;
  for (int i = 0; i < 1000; ++i) {
    std::string n = std::to_string(i);
    source += "def f" + n + "(a, b=" + n + "):\n"
              "    total = 0\n"
              "    for i in range(a):\n"
              "        if i % 2 == 0 and not b:\n"
              "            total += i * (b - 1) ** 2\n"
              "        elif i in [1, 2, 3]:\n"
              "            total -= {'k': i}['k']\n"
              "    return f'{total:>10} {a!r}'\n"
              "\n"
              "x" + n + " = f" + n + "(10)\n";
  }
  ast::Module module = parse(source);
  EXPECT_EQ(module.body.size(), 2000u);
}

}  // namespace
}  // namespace gil
