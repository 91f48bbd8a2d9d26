// The operators a program can write, shared by the parser that reads them,
// the compiler that encodes them in instructions and the runtime that
// applies them. Their numbering is part of the bytecode: BINARY_OP's and
// COMPARE_OP's operands are these values.
#pragma once

namespace gil {

// The binary arithmetic operators, also used by augmented assignment.
enum class BinaryOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow };

// The comparison operators of a (possibly chained) comparison.
enum class CompareOp { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

}  // namespace gil
