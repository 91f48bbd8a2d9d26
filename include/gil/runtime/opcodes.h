// The bytecode instruction set, defined once.
//
// Each instruction is one 32-bit word: the opcode in the low 8 bits and one
// operand in the high 24 bits. The X-macro below is the only list of opcodes:
// it generates the enum, the names the disassembler prints, the stack effects
// the compiler uses to size each frame, and the VM's dispatch table.
//
// OPCODE(name, stack effect, comment). The stack effect is the net change in
// stack depth when the instruction falls through; "n" is the operand. Jumps
// note what they leave on the stack when taken.
#pragma once

#include <cstdint>

#include "gil/language/operators.h"

namespace gil {

#define GIL_OPCODES(OPCODE)                                                      \
  OPCODE(NOP, 0, "does nothing")                                                 \
  OPCODE(LOAD_CONST, 1, "push constants[n]")                                     \
  OPCODE(LOAD_FAST, 1, "push local slot n; UnboundLocalError if unbound")        \
  OPCODE(STORE_FAST, -1, "pop into local slot n")                                \
  OPCODE(DELETE_FAST, 0, "unbind local slot n")                                  \
  OPCODE(LOAD_GLOBAL, 1, "push global slot n, else the builtin; NameError")      \
  OPCODE(STORE_GLOBAL, -1, "pop into global slot n")                             \
  OPCODE(DELETE_GLOBAL, 0, "unbind global slot n")                               \
  OPCODE(MAKE_CELL, 0, "wrap local slot n (a cell variable) in a new cell")      \
  OPCODE(NEW_CELL, 0, "put a new empty cell in local slot n (comprehension)")   \
  OPCODE(COPY_FREE_VARS, 0, "copy the closure's cells into slots n, n+1, ...")  \
  OPCODE(LOAD_CLOSURE, 1, "push the cell in local slot n")                       \
  OPCODE(LOAD_DEREF, 1, "push the value of the cell in slot n; error if empty") \
  OPCODE(STORE_DEREF, -1, "pop into the cell in slot n")                         \
  OPCODE(DELETE_DEREF, 0, "empty the cell in slot n; error if empty")           \
  OPCODE(POP_TOP, -1, "discard the top of the stack")                            \
  OPCODE(DUP_TOP, 1, "a -> a a")                                                 \
  OPCODE(DUP_TOP_TWO, 2, "a b -> a b a b")                                       \
  OPCODE(ROT_TWO, 0, "a b -> b a")                                               \
  OPCODE(ROT_THREE, 0, "a b c -> c a b")                                         \
  OPCODE(BINARY_OP, -1, "a b -> a op b; n is a BinaryOp, +16 in-place")      \
  OPCODE(UNARY_NEGATIVE, 0, "a -> -a")                                           \
  OPCODE(UNARY_POSITIVE, 0, "a -> +a")                                           \
  OPCODE(UNARY_NOT, 0, "a -> not a")                                             \
  OPCODE(UNARY_INVERT, 0, "a -> ~a")                                             \
  OPCODE(COMPARE_OP, -1, "a b -> a cmp b; n is a CompareOp")                     \
  OPCODE(JUMP, 0, "jump forward to n")                                           \
  OPCODE(JUMP_BACKWARD, 0, "jump back to n; checks the eval breaker")            \
  OPCODE(POP_JUMP_IF_FALSE, -1, "pop a; jump to n if a is falsy")                \
  OPCODE(POP_JUMP_IF_TRUE, -1, "pop a; jump to n if a is truthy")                \
  OPCODE(JUMP_IF_FALSE_OR_POP, -1, "a -> (jump to n keeping a if falsy)")        \
  OPCODE(JUMP_IF_TRUE_OR_POP, -1, "a -> (jump to n keeping a if truthy)")        \
  OPCODE(GET_ITER, 0, "iterable -> iterator")                                    \
  OPCODE(FOR_ITER, 1, "it -> it next; when exhausted pop it and jump to n")      \
  OPCODE(BUILD_LIST, 1, "n items -> list (effect 1-n)")                          \
  OPCODE(BUILD_TUPLE, 1, "n items -> tuple (effect 1-n)")                        \
  OPCODE(BUILD_DICT, 1, "n key/value pairs -> dict (effect 1-2n)")               \
  OPCODE(BUILD_SLICE, 1, "n (2 or 3) bounds -> slice tuple (effect 1-n)")        \
  OPCODE(BUILD_STRING, 1, "n strs -> their concatenation (effect 1-n)")          \
  OPCODE(FORMAT_VALUE, 0, "v [spec] -> format(v, spec); n=1 when a spec is on top") \
  OPCODE(LIST_APPEND, -1, "v -> (append v to the list n below the top)")         \
  OPCODE(DICT_SET, -2, "k v -> (set k: v in the dict n below the top)")          \
  OPCODE(LIST_EXTEND, -1, "it -> (extend the list n below the top with it)")     \
  OPCODE(LIST_TO_TUPLE, 0, "list -> tuple(list)")                                \
  OPCODE(DICT_UPDATE, -1, "m -> (update the dict n below the top with m)")       \
  OPCODE(DICT_MERGE, -1, "m -> (merge into the kwargs dict n below; call errors)") \
  OPCODE(BUILD_SET, 1, "n items -> set (effect 1-n)")                            \
  OPCODE(SET_ADD, -1, "v -> (add v to the set n below the top)")                 \
  OPCODE(SET_UPDATE, -1, "it -> (add its items to the set n below the top)")     \
  OPCODE(BINARY_SUBSCR, -1, "container index -> container[index]")              \
  OPCODE(BINARY_SLICE, -1, "container start stop [step] -> container[start:stop:step]; n=2|3 (effect -n)") \
  OPCODE(STORE_SLICE, -3, "value container start stop [step] -> (container[...] = value) (effect -n-2)") \
  OPCODE(STORE_SUBSCR, -3, "value container index -> (container[index]=value)")  \
  OPCODE(DELETE_SUBSCR, -2, "container index -> (del container[index])")         \
  OPCODE(LOAD_ATTR, 0, "obj -> obj.names[n]")                                    \
  OPCODE(STORE_ATTR, -2, "value obj -> (obj.names[n] = value)")                  \
  OPCODE(LOAD_METHOD, 1, "obj -> method self, or attr Empty")                    \
  OPCODE(CALL_METHOD, -1, "method self n args -> result (effect -n-1)")          \
  OPCODE(CALL, 0, "f n args -> f(args) (effect -n)")                             \
  OPCODE(CALL_KW, -1, "f n args kwnames -> result; last args are keywords")      \
  OPCODE(CALL_METHOD_KW, -2, "method self n args kwnames -> result")             \
  OPCODE(CALL_FUNCTION_EX, -1, "f args [kwargs] -> f(*args, **kwargs); n=1: kwargs") \
  OPCODE(MAKE_FUNCTION, 0, "[defaults] [kwdefaults] [closure] code -> function; n: flags 1, 2, 4") \
  OPCODE(RETURN_VALUE, -1, "return the top of the stack to the caller")          \
  OPCODE(UNPACK_SEQUENCE, -1, "seq -> its n items, first on top (effect n-1)")   \
  OPCODE(UNPACK_EX, 0, "seq -> n&0xFFF items, list, n>>12 items; first on top")  \
  OPCODE(RAISE, -1, "n=1: raise exc; n=2: exc cause -> raise exc from cause; n=0: re-raise") \
  OPCODE(LOAD_ASSERTION_ERROR, 1, "push the AssertionError type")                \
  OPCODE(PUSH_EXC_INFO, 1, "exc -> previous exc: enter an except handler")       \
  OPCODE(CHECK_EXC_MATCH, 0, "exc type -> exc matches")                          \
  OPCODE(POP_EXCEPT, -1, "previous -> (restore the handled exception)")          \
  OPCODE(RERAISE, -1, "exc -> (raise exc again, keeping its traceback)")         \
  OPCODE(IMPORT_NAME, 1, "push the module names[n] (leading dots: relative)")   \
  OPCODE(IMPORT_FROM, 1, "module -> module module.names[n] (or the submodule)")  \
  OPCODE(IMPORT_STAR, -1, "module -> (bind its public names as globals)")        \
  OPCODE(WITH_ENTER, 1, "ctx -> ctx ctx.__enter__()")                            \
  OPCODE(WITH_EXIT, -1, "ctx -> (ctx.__exit__())")                              \
  OPCODE(WITH_EXIT_EXC, 0, "exc ctx -> exc suppress: ctx.__exit__(type(exc), exc, None)") \
  OPCODE(DELETE_ATTR, -1, "obj -> (del obj.names[n])")                            \
  OPCODE(LOAD_LOCAL_OR_GLOBAL, 1, "class body: push local n, else the global or builtin of its name") \
  OPCODE(LOAD_LOCALS, 1, "class body: push a dict of its bound locals by name")  \
  OPCODE(BUILD_CLASS, -1, "bases namespace -> class named names[n]")            \
  /* Generators (genobject.h): a generator function's code starts with */   \
  /* RETURN_GENERATOR; its frame then lives in the generator between runs. */ \
  OPCODE(RETURN_GENERATOR, 0, "move this frame into a new generator and return that to the caller") \
  OPCODE(YIELD_VALUE, 0, "v -> sent: suspend, handing v to the resumer; n=1 inside `yield from`") \
  OPCODE(GET_YIELD_FROM_ITER, 0, "iterable -> iterator (a generator is its own)") \
  OPCODE(SEND, 0, "receiver v -> receiver r (what the receiver yielded); when it returns: -> its value, jump to n") \
  /* Superinstructions: the peephole pass turns the first of two adjacent */  \
  /* instructions into one of these, which also executes the second (left */  \
  /* in place, so a jump to it still works) and skips it. */                  \
  OPCODE(LOAD_FAST_LOAD_FAST, 2, "LOAD_FAST n; LOAD_FAST m (m in the next word)") \
  OPCODE(LOAD_FAST_LOAD_CONST, 2, "LOAD_FAST n; LOAD_CONST m")                \
  OPCODE(COMPARE_OP_POP_JUMP_IF_FALSE, -2, "COMPARE_OP n; POP_JUMP_IF_FALSE m") \
  OPCODE(LOAD_FAST_LOAD_ATTR, 1, "LOAD_FAST n; LOAD_ATTR m: reads self.x without counting self") \
  OPCODE(LOAD_FAST_LOAD_METHOD, 2, "LOAD_FAST n; LOAD_METHOD m")

enum class Op : uint8_t {
#define GIL_OPCODE_ENUM(name, effect, comment) name,
  GIL_OPCODES(GIL_OPCODE_ENUM)
#undef GIL_OPCODE_ENUM
};

// The number of opcodes.
inline constexpr int kOpcodeCount = 0
#define GIL_OPCODE_COUNT(name, effect, comment) +1
    GIL_OPCODES(GIL_OPCODE_COUNT)
#undef GIL_OPCODE_COUNT
    ;

// The opcode's name as the disassembler prints it.
const char* opcode_name(Op op);

// The net stack effect of [op] with operand [arg] when it falls through.
int stack_effect(Op op, uint32_t arg);

// MAKE_FUNCTION's operand: which optional values are on the stack, deepest first.
inline constexpr uint32_t kMakeFunctionDefaults = 1;
inline constexpr uint32_t kMakeFunctionKwDefaults = 2;
inline constexpr uint32_t kMakeFunctionClosure = 4;

// UNPACK_EX's operand: the targets before the starred one, and after it.
inline constexpr uint32_t kUnpackExShift = 12;
inline constexpr uint32_t kUnpackExMax = (1u << kUnpackExShift) - 1;

// Flag added to a BinaryOp operand for the in-place form (`x += y`).
inline constexpr uint32_t kInPlace = 16;
static_assert(kBinaryOpCount <= static_cast<int>(kInPlace), "a BinaryOp must fit below the in-place flag");

// The largest operand a word can carry.
inline constexpr uint32_t kMaxOperand = (1u << 24) - 1;

inline uint32_t encode(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
inline Op opcode_of(uint32_t word) { return static_cast<Op>(word & 0xFF); }
inline uint32_t operand_of(uint32_t word) { return word >> 8; }

}  // namespace gil
