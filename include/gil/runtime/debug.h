// The disassembler: code objects as text, for `gil-demo dis`.
#pragma once

#include <string>

#include "gil/runtime/chunk.h"
#include "gil/runtime/runtime.h"

namespace gil {

// Returns the listing of [code] and, after it, of every function nested in
// it: one line per instruction with its source line (where it changes), its
// index, its opcode name, its operand, and what the operand refers to.
std::string disassemble(ThreadState& ts, const ObjCode* code);

}  // namespace gil
