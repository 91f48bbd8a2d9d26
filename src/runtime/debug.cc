#include "gil/runtime/debug.h"

#include <fmt/format.h>

#include "gil/language/ast.h"
#include "gil/runtime/ops.h"

namespace gil {
namespace {

const char* const kBinaryOps[] = {"+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "^", "|"};
const char* const kCompareOps[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};

// What an operand refers to, shown in parentheses after it.
std::string operand_detail(ThreadState& ts, const ObjCode* code, Op op, uint32_t arg) {
  switch (op) {
    case Op::LOAD_CONST: {
      const Value& c = code->constants[arg];
      if (is_kind(c, ObjKind::Code)) return "<code " + as<ObjCode>(c)->name + ">";
      return repr(ts, c);
    }
    case Op::LOAD_FAST_LOAD_FAST:
    case Op::LOAD_FAST_LOAD_CONST:
    case Op::LOAD_FAST_LOAD_ATTR:
    case Op::LOAD_FAST_LOAD_METHOD:
    case Op::LOAD_FAST:
    case Op::STORE_FAST:
    case Op::DELETE_FAST:
    case Op::MAKE_CELL:
    case Op::NEW_CELL:
    case Op::LOAD_CLOSURE:
    case Op::LOAD_DEREF:
    case Op::STORE_DEREF:
    case Op::DELETE_DEREF: return as<ObjStr>(code->local_names[arg])->text;
    case Op::LOAD_GLOBAL:
    case Op::STORE_GLOBAL:
    case Op::DELETE_GLOBAL: return code->globals->names[arg]->text;
    case Op::LOAD_ATTR:
    case Op::STORE_ATTR:
    case Op::DELETE_ATTR:
    case Op::BUILD_CLASS:
    case Op::LOAD_METHOD:
    case Op::IMPORT_NAME:
    case Op::IMPORT_FROM: return as<ObjStr>(code->names[arg])->text;
    case Op::UNPACK_EX: return fmt::format("{} *, {}", arg & kUnpackExMax, arg >> kUnpackExShift);
    case Op::BINARY_OP:
      return std::string(kBinaryOps[arg & (kInPlace - 1)]) + ((arg & kInPlace) ? "=" : "");
    case Op::COMPARE_OP:
    case Op::COMPARE_OP_POP_JUMP_IF_FALSE: return kCompareOps[arg];
    case Op::JUMP:
    case Op::JUMP_BACKWARD:
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE:
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP:
    case Op::FOR_ITER: return fmt::format("to {}", arg);
    default: return "";
  }
}

void disassemble_one(ThreadState& ts, const ObjCode* code, std::string& out) {
  out += fmt::format("Disassembly of {} ({}, line {}):\n", code->name, code->filename, code->first_line);
  int last_line = -1;
  for (size_t i = 0; i < code->code.size(); ++i) {
    uint32_t word = code->code[i];
    Op op = opcode_of(word);
    uint32_t arg = operand_of(word);
    int line = code->lines[i];
    std::string line_col = line != last_line ? fmt::format("{:>4}", line) : "    ";
    last_line = line;
    std::string detail = operand_detail(ts, code, op, arg);
    out += fmt::format("{} {:>6} {:<22}{:>4}{}\n", line_col, i, opcode_name(op), arg,
                       detail.empty() ? "" : " (" + detail + ")");
  }
  for (auto& e : code->exception_table)
    out += fmt::format("  exception range {} to {} -> {} [depth {}]\n", e.start, e.end, e.handler, e.depth);
  out += '\n';
  for (auto& c : code->constants)
    if (is_kind(c, ObjKind::Code)) disassemble_one(ts, as<ObjCode>(c), out);
}

}  // namespace

std::string disassemble(ThreadState& ts, const ObjCode* code) {
  std::string out;
  disassemble_one(ts, code, out);
  return out;
}

}  // namespace gil
