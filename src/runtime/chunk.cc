#include "gil/runtime/chunk.h"

namespace gil {

uint32_t ObjCode::emit(Op op, uint32_t arg, int line) {
  code.push_back(encode(op, arg));
  lines.push_back(line);
  return static_cast<uint32_t>(code.size() - 1);
}

void ObjCode::patch_jump(uint32_t at, uint32_t target) {
  code[at] = encode(opcode_of(code[at]), target);
}

const char* opcode_name(Op op) {
  static const char* const names[] = {
#define GIL_OPCODE_NAME(name, effect, comment) #name,
      GIL_OPCODES(GIL_OPCODE_NAME)
#undef GIL_OPCODE_NAME
  };
  auto index = static_cast<size_t>(op);
  return index < sizeof names / sizeof names[0] ? names[index] : "?";
}

int stack_effect(Op op, uint32_t arg) {
  const int n = static_cast<int>(arg);
  switch (op) {
    case Op::BUILD_LIST:
    case Op::BUILD_TUPLE:
    case Op::BUILD_STRING:
    case Op::BUILD_SLICE:
      return 1 - n;
    case Op::BUILD_DICT:
      return 1 - 2 * n;
    case Op::FORMAT_VALUE:
      return -n;
    case Op::CALL:
      return -n;
    case Op::CALL_KW:
      return -n - 1;
    case Op::CALL_METHOD:
      return -n - 1;
    case Op::CALL_METHOD_KW:
      return -n - 2;
    case Op::BUILD_SET:
      return 1 - n;
    case Op::MAKE_FUNCTION:
      return -__builtin_popcount(arg);
    case Op::CALL_FUNCTION_EX:
      return -1 - n;
    case Op::UNPACK_EX:
      return static_cast<int>((arg & kUnpackExMax) + (arg >> kUnpackExShift));
    case Op::UNPACK_SEQUENCE:
      return n - 1;
    case Op::RAISE:
      return -n;
    case Op::BINARY_SLICE:
      return -n;
    case Op::STORE_SLICE:
      return -n - 2;
    default:
      break;
  }
  static const int fixed[] = {
#define GIL_OPCODE_EFFECT(name, effect, comment) effect,
      GIL_OPCODES(GIL_OPCODE_EFFECT)
#undef GIL_OPCODE_EFFECT
  };
  return fixed[static_cast<size_t>(op)];
}

}  // namespace gil
