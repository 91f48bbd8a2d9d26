// The operators a program can write, shared by the parser that reads them,
// the compiler that encodes them in instructions and the runtime that
// applies them. Their numbering is part of the bytecode: BINARY_OP's and
// COMPARE_OP's operands are these values.
#pragma once

namespace gil {

// The binary operators, also used by augmented assignment. Each has a
// number slot (type.h) and a pair of dunder methods (__add__, __radd__).
enum class BinaryOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, MatMul, LShift, RShift, And, Xor, Or };
inline constexpr int kBinaryOpCount = 13;

// The comparison operators of a (possibly chained) comparison.
enum class CompareOp { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// [op] with its operands swapped (a < b is b > a): what the reflected
// rich comparison is asked.
constexpr CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::LtE: return CompareOp::GtE;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::GtE: return CompareOp::LtE;
    default: return op;
  }
}

}  // namespace gil
