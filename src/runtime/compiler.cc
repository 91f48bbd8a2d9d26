#include "gil/runtime/compiler.h"

#include <algorithm>
#include <initializer_list>
#include <cstring>
#include <set>
#include <unordered_map>

#include "gil/language/scopes.h"
#include "gil/runtime/chunk.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/object.h"

namespace gil {
namespace {

using namespace ast;
using scopes::Binding;
using scopes::SymbolTable;

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// ---- Code generation ------------------------------------------------------

// A construct the compiler must unwind when `break`, `continue` or `return`
// leaves it early.
struct Block {
  enum Kind { Loop, ForLoop, TryBody, FinallyBody, HandlerBody, FinallyHandler, WithBody };
  Kind kind;
  // Loops: where `continue` goes, and the jumps `break` left to patch.
  uint32_t continue_target = 0;
  std::vector<uint32_t> breaks;
  // Loops: stack depth inside the loop body (for ForLoop, with the iterator).
  int depth = 0;
  // Protected blocks: the open exception range and its handler.
  uint32_t range_start = 0;
  std::vector<ExceptionEntry>* ranges = nullptr;
  const Body* finalbody = nullptr;
};

// A comprehension being compiled inline: its scope and the hidden slots of
// the names it binds.
struct ActiveComprehension {
  const scopes::Scope* scope;
  std::unordered_map<std::string, int> slots;
};

class FunctionCompiler {
 public:
  FunctionCompiler(Runtime& rt, GlobalTable& globals, const std::string& filename, const SymbolTable& table,
                   const scopes::Scope& scope, FunctionCompiler* enclosing, int first_line)
      : rt_(rt), globals_(globals), filename_(filename), table_(table), scope_(scope), enclosing_(enclosing) {
    code_ = new_object<ObjCode>(rt);
    code_->globals = &globals;
    code_value_ = Value::adopt(code_);
    code_->name = scope.name;
    code_->qualname = scope.kind == scopes::ScopeKind::Module ? scope.name : scope.qualname;
    code_->filename = filename;
    code_->first_line = first_line;
  }

  bool is_module() const { return enclosing_ == nullptr; }

  Value compile_module(const Module& m) {
    emit_setup_annotations(m.body, 1);
    compile_body(m.body);
    emit_return_none(last_line_);
    return finish();
  }

  // A class body runs as a function whose locals become the class's
  // namespace: it starts by binding __module__ and __qualname__, and
  // returns its locals as a dict (LOAD_LOCALS). A name it reads before
  // binding falls back to the globals, as CPython's LOAD_NAME does.
  Value compile_class_body(const Body& body, int line) {
    is_class_ = true;
    Parameters none;
    lay_out_slots(none);
    emit_prologue(line);
    emit(Op::LOAD_GLOBAL, rt_.global_slot(globals_, rt_.name_module), line);
    emit_store_name("__module__", line);
    emit(Op::LOAD_CONST, add_constant(make_str(code_->qualname)), line);
    emit_store_name("__qualname__", line);
    emit_setup_annotations(body, line);
    compile_body(body);
    emit(Op::LOAD_LOCALS, 0, last_line_);
    emit(Op::RETURN_VALUE, 0, last_line_);
    return finish();
  }

  // The docstring of a body: its first statement when that is a string
  // literal (Empty otherwise).
  static Value docstring(const Body& body) {
    if (body.empty()) return Value();
    const auto* st = std::get_if<ExprStmt>(&body.front()->node);
    if (!st) return Value();
    const auto* c = std::get_if<Constant>(&st->value->node);
    if (!c) return Value();
    const auto* text = std::get_if<std::string>(&c->value);
    return text ? make_str(*text) : Value();
  }

  Value compile_function(const Parameters& params, const Body* body, const Expr* lambda_body) {
    lay_out_slots(params);
    emit_prologue(code_->first_line);
    if (scope_.is_generator) emit(Op::RETURN_GENERATOR, 0, code_->first_line);
    if (body) {
      code_->doc = docstring(*body);
      compile_body(*body);
      emit_return_none(last_line_);
    } else {
      compile_expr(*lambda_body);
      emit(Op::RETURN_VALUE, 0, lambda_body->line);
    }
    return finish();
  }

 private:
  // Local slots, as CPython's "fast locals": the parameters, then the free
  // variables (contiguous, for COPY_FREE_VARS), then every other local and
  // cell variable. Hidden slots (comprehension variables, a saved return
  // value) are added while compiling.
  void lay_out_slots(const Parameters& params) {
    for (auto& p : params.all_names()) add_local(p);
    code_->param_count = static_cast<int>(params.names.size());
    code_->posonly_count = static_cast<int>(params.posonly_count);
    code_->kwonly_count = static_cast<int>(params.kwonly.size());
    code_->has_varargs = !params.vararg.empty();
    code_->has_varkw = !params.kwarg.empty();
    bool simple = params.kwonly.empty() && params.vararg.empty() && params.kwarg.empty();
    code_->simple_argc = simple ? code_->param_count : -1;
    code_->free_start = code_->local_count();
    for (auto& name : scope_.freevars) add_local(name);
    code_->free_count = static_cast<int>(scope_.freevars.size());
    for (auto& [name, sym] : scope_.symbols)
      if ((sym.binding == Binding::Local || sym.binding == Binding::Cell) && !locals_.count(name)) add_local(name);
  }

  // Cell variables get their cells (a parameter's cell holds the argument)
  // and free variables their cells from the closure, before the body runs.
  void emit_prologue(int line) {
    for (auto& name : scope_.cellvars) emit(Op::MAKE_CELL, static_cast<uint32_t>(locals_.at(name)), line);
    if (code_->free_count > 0) emit(Op::COPY_FREE_VARS, static_cast<uint32_t>(code_->free_start), line);
  }

  // A generator expression's own function: its parameter ".0" is the first
  // iterable's iterator; the loops yield each element.
  Value compile_generator_expression(const GeneratorExp& g, int line) {
    Parameters params;
    params.names.push_back(".0");
    lay_out_slots(params);
    emit_prologue(line);
    emit(Op::RETURN_GENERATOR, 0, line);
    emit(Op::LOAD_FAST, static_cast<uint32_t>(locals_.at(".0")), line);
    compile_generator(g.generators, 0, Op::YIELD_VALUE, {g.elt.get()}, line);
    emit_return_none(line);
    return finish();
  }

  // ---- Emission helpers

  uint32_t emit(Op op, uint32_t arg, int line) {
    if (arg > kMaxOperand) throw SyntaxError("too many constants, names or instructions", line, 1);
    last_line_ = line;
    uint32_t at = code_->emit(op, arg, line);
    depth_ += stack_effect(op, arg);
    max_depth_ = std::max(max_depth_, depth_);
    return at;
  }
  uint32_t here() const { return static_cast<uint32_t>(code_->code.size()); }
  uint32_t emit_jump(Op op, int line) { return emit(op, 0, line); }
  void patch_here(uint32_t at) { code_->patch_jump(at, here()); }

  void emit_return_none(int line) {
    emit(Op::LOAD_CONST, add_constant(Value::none()), line);
    emit(Op::RETURN_VALUE, 0, line);
  }

  uint32_t add_constant(Value v) {
    std::string key = constant_key(v);
    if (!key.empty()) {
      auto it = constant_index_.find(key);
      if (it != constant_index_.end()) return it->second;
    }
    code_->constants.push_back(std::move(v));
    uint32_t index = static_cast<uint32_t>(code_->constants.size() - 1);
    if (!key.empty()) constant_index_[key] = index;
    return index;
  }

  static std::string constant_key(const Value& v) {
    switch (v.tag()) {
      case Tag::None: return "N";
      case Tag::Bool: return v.as_bool() ? "T" : "F";
      case Tag::Int: return "i" + std::to_string(v.as_int());
      case Tag::Float: {
        double d = v.as_float();
        std::string bits(sizeof d, '\0');
        std::memcpy(bits.data(), &d, sizeof d);
        return "f" + bits;
      }
      default:
        if (is_str(v)) return "s" + as<ObjStr>(v)->text;
        if (is_bytes(v)) return "b" + as<ObjBytes>(v)->data;
        if (is_long(v)) return "L" + long_constant_key(v);
        return "";
    }
  }

  uint32_t add_name(const std::string& name) {
    ObjStr* s = rt_.intern(name);
    for (size_t i = 0; i < code_->names.size(); ++i)
      if (code_->names[i].as_obj() == s) return static_cast<uint32_t>(i);
    code_->names.push_back(Value::borrow(s));
    code_->attr_caches.resize(code_->attr_caches.size() + kAttrCacheWays);
    return static_cast<uint32_t>(code_->names.size() - 1);
  }

  int add_local(const std::string& name) {
    int slot = code_->local_count();
    code_->local_names.push_back(Value::borrow(rt_.intern(name)));
    locals_[name] = slot;
    return slot;
  }

  int add_hidden_local(const std::string& name) {
    int slot = code_->local_count();
    code_->local_names.push_back(Value::borrow(rt_.intern(name)));
    return slot;
  }

  Value finish() {
    code_->max_stack = max_depth_ + 2;
    fuse_superinstructions();
    return std::move(code_value_);
  }

  // Rewrites the first of some adjacent pairs into a superinstruction. The
  // second stays where it is, so jumps to it and the line table are intact.
  // No pair straddles a statement (a statement never ends with a load), so
  // both halves always share one exception range.
  void fuse_superinstructions() {
    auto& code = code_->code;
    for (size_t i = 0; i + 1 < code.size(); ++i) {
      Op a = opcode_of(code[i]), b = opcode_of(code[i + 1]);
      Op fused = Op::NOP;
      if (a == Op::LOAD_FAST && b == Op::LOAD_FAST) fused = Op::LOAD_FAST_LOAD_FAST;
      if (a == Op::LOAD_FAST && b == Op::LOAD_CONST) fused = Op::LOAD_FAST_LOAD_CONST;
      if (a == Op::COMPARE_OP && b == Op::POP_JUMP_IF_FALSE) fused = Op::COMPARE_OP_POP_JUMP_IF_FALSE;
      if (a == Op::LOAD_FAST && b == Op::LOAD_ATTR) fused = Op::LOAD_FAST_LOAD_ATTR;
      if (a == Op::LOAD_FAST && b == Op::LOAD_METHOD) fused = Op::LOAD_FAST_LOAD_METHOD;
      if (fused == Op::NOP) continue;
      code[i] = encode(fused, operand_of(code[i]));
      ++i;  // the second half is not the start of another pair
    }
  }

  // The code object that a traceback line "in <listcomp>" names.
  Value traceback_stand_in(const std::string& name) {
    auto* code = new_object<ObjCode>(rt_);
    Value v = Value::adopt(code);
    code->name = name;
    code->qualname = name;
    code->filename = code_->filename;
    code->globals = &globals_;
    return v;
  }

  // ---- Names

  // How an instruction reaches a variable: a plain slot, the cell in a slot,
  // or a global slot of the Runtime.
  enum class Access { Fast, Deref, Global };
  struct Resolved {
    Access access;
    uint32_t index;
  };

  // Comprehensions being compiled inline bind their own names first; other
  // names resolve as the scope analysis decided for this function.
  Resolved resolve(const std::string& name) {
    for (auto it = comprehensions_.rbegin(); it != comprehensions_.rend(); ++it) {
      Binding b = it->scope->binding_of(name);
      if (b == Binding::Local) return {Access::Fast, static_cast<uint32_t>(it->slots.at(name))};
      if (b == Binding::Cell) return {Access::Deref, static_cast<uint32_t>(it->slots.at(name))};
    }
    // In CPython 3.11 a comprehension is a function, and a function in a
    // class body never sees the class's names: past its first iterable, a
    // comprehension there reads them as globals.
    if (is_class_ && !comprehensions_.empty() && scope_.binding_of(name) == Binding::Local)
      return {Access::Global, rt_.global_slot(globals_, rt_.intern(name))};
    switch (scope_.binding_of(name)) {
      case Binding::Local: return {Access::Fast, static_cast<uint32_t>(locals_.at(name))};
      case Binding::Cell:
      case Binding::Free: return {Access::Deref, static_cast<uint32_t>(locals_.at(name))};
      default: return {Access::Global, rt_.global_slot(globals_, rt_.intern(name))};
    }
  }

  void emit_load_name(const std::string& name, int line) {
    static constexpr Op ops[] = {Op::LOAD_FAST, Op::LOAD_DEREF, Op::LOAD_GLOBAL};
    Resolved r = resolve(name);
    if (is_class_ && r.access == Access::Fast && comprehensions_.empty()) {
      emit(Op::LOAD_LOCAL_OR_GLOBAL, r.index, line);
      return;
    }
    emit(ops[static_cast<int>(r.access)], r.index, line);
  }
  void emit_store_name(const std::string& name, int line) {
    static constexpr Op ops[] = {Op::STORE_FAST, Op::STORE_DEREF, Op::STORE_GLOBAL};
    Resolved r = resolve(name);
    emit(ops[static_cast<int>(r.access)], r.index, line);
  }
  void emit_delete_name(const std::string& name, int line) {
    static constexpr Op ops[] = {Op::DELETE_FAST, Op::DELETE_DEREF, Op::DELETE_GLOBAL};
    Resolved r = resolve(name);
    emit(ops[static_cast<int>(r.access)], r.index, line);
  }

  // Pushes the cell of [name], for the closure of a nested function.
  void emit_load_closure(const std::string& name, int line) {
    Resolved r = resolve(name);
    if (r.access != Access::Deref) throw SyntaxError("internal error: '" + name + "' is not a cell", line, 1);
    emit(Op::LOAD_CLOSURE, r.index, line);
  }

  // ---- Statements

  void compile_body(const Body& body) {
    for (auto& s : body) compile_stmt(*s);
  }

  void compile_stmt(const Stmt& s) {
    int line = s.line;
    std::visit(Overloaded{
                   [&](const ExprStmt& st) {
                     compile_expr(*st.value);
                     emit(Op::POP_TOP, 0, line);
                   },
                   [&](const Assign& st) { compile_assign(st, line); },
                   [&](const AugAssign& st) { compile_augassign(st, line); },
                   [&](const AnnAssign& st) { compile_annotated_assignment(st, line); },
                   [&](const If& st) { compile_if(st, line); },
                   [&](const While& st) { compile_while(st, line); },
                   [&](const For& st) { compile_for(st, line); },
                   [&](const FunctionDef& st) { compile_def(st, line); },
                   [&](const ClassDef& st) { compile_class(st, line); },
                   [&](const Return& st) { compile_return(st, line, s.col); },
                   [&](const Global&) {},
                   [&](const Nonlocal&) {},
                   [&](const Pass&) {},
                   [&](const Break&) { compile_break(line, s.col); },
                   [&](const Continue&) { compile_continue(line, s.col); },
                   [&](const Assert& st) { compile_assert(st, line); },
                   [&](const Delete& st) {
                     for (auto& t : st.targets) compile_delete(*t);
                   },
                   [&](const Try& st) { compile_try(st, line); },
                   [&](const Raise& st) { compile_raise(st, line); },
                   [&](const Import& st) { compile_import(st, line, s.col); },
                   [&](const ImportFrom& st) { compile_import_from(st, line, s.col); },
                   [&](const With& st) { compile_with(st, 0, line); },
               },
               s.node);
  }

  void compile_assign(const Assign& st, int line) {
    compile_expr(*st.value);
    for (size_t i = 0; i < st.targets.size(); ++i) {
      if (i + 1 < st.targets.size()) emit(Op::DUP_TOP, 0, line);
      compile_store(*st.targets[i]);
    }
  }

  // A module or class body that annotates a name starts with
  // `__annotations__ = {}` (CPython's SETUP_ANNOTATIONS).
  void emit_setup_annotations(const Body& body, int line) {
    if (!annotates_a_name(body)) return;
    emit(Op::BUILD_DICT, 0, line);
    emit_store_name("__annotations__", line);
  }

  // Whether [body] (its compound statements included, not the functions
  // and classes it defines) holds a simple annotated assignment.
  static bool annotates_a_name(const Body& body) {
    for (auto& s : body) {
      bool found = std::visit(Overloaded{
                                  [](const AnnAssign& st) { return st.simple; },
                                  [](const If& st) { return annotates_a_name(st.body) || annotates_a_name(st.orelse); },
                                  [](const While& st) { return annotates_a_name(st.body) || annotates_a_name(st.orelse); },
                                  [](const For& st) { return annotates_a_name(st.body) || annotates_a_name(st.orelse); },
                                  [](const With& st) { return annotates_a_name(st.body); },
                                  [](const Try& st) {
                                    if (annotates_a_name(st.body) || annotates_a_name(st.orelse) ||
                                        annotates_a_name(st.finalbody))
                                      return true;
                                    for (auto& h : st.handlers)
                                      if (annotates_a_name(h.body)) return true;
                                    return false;
                                  },
                                  [](const auto&) { return false; },
                              },
                              s->node);
      if (found) return true;
    }
    return false;
  }

  // `target: annotation [= value]`: the value is stored first; a module or
  // class then evaluates the annotation and records a bare name's in
  // __annotations__. A function evaluates no annotation of its locals.
  void compile_annotated_assignment(const AnnAssign& st, int line) {
    if (st.value) {
      compile_expr(*st.value);
      compile_store(*st.target);
    }
    if (!is_module() && !is_class_) return;
    if (!st.simple) {
      compile_expr(*st.annotation);
      emit(Op::POP_TOP, 0, line);
      return;
    }
    compile_expr(*st.annotation);
    emit_load_name("__annotations__", line);
    const std::string& name = std::get<Name>(st.target->node).id;
    emit(Op::LOAD_CONST, add_constant(Value::borrow(rt_.intern(name))), line);
    emit(Op::STORE_SUBSCR, 0, line);
  }

  void compile_store(const Expr& target) {
    int line = target.line;
    std::visit(Overloaded{
                   [&](const Name& n) { emit_store_name(n.id, line); },
                   [&](const Subscript& sub) {
                     compile_expr(*sub.value);
                     if (auto* s = std::get_if<Slice>(&sub.index->node)) {
                       emit(Op::STORE_SLICE, compile_slice_bounds(*s, line), line);
                       return;
                     }
                     compile_expr(*sub.index);
                     emit(Op::STORE_SUBSCR, 0, line);
                   },
                   [&](const Attribute& a) {
                     compile_expr(*a.value);
                     emit(Op::STORE_ATTR, add_name(a.attr), line);
                   },
                   [&](const Tuple& t) { compile_unpack(t.elts, line, target.col); },
                   [&](const List& l) { compile_unpack(l.elts, line, target.col); },
                   [&](const Starred&) {
                     throw SyntaxError("starred assignment target must be in a list or tuple", line, target.col);
                   },
                   [&](const auto&) { throw SyntaxError("cannot assign to expression", line, target.col); },
               },
               target.node);
  }

  // `a, b = seq` (UNPACK_SEQUENCE) or `a, *b, c = seq` (UNPACK_EX).
  void compile_unpack(const ExprList& elts, int line, int col) {
    size_t star = elts.size();
    for (size_t i = 0; i < elts.size(); ++i) {
      if (!std::holds_alternative<Starred>(elts[i]->node)) continue;
      if (star != elts.size()) throw SyntaxError("multiple starred expressions in assignment", line, col);
      star = i;
    }
    if (star == elts.size()) {
      emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()), line);
      for (auto& e : elts) compile_store(*e);
      return;
    }
    size_t after = elts.size() - star - 1;
    if (star > kUnpackExMax || after > kUnpackExMax)
      throw SyntaxError("too many expressions in star-unpacking assignment", line, col);
    emit(Op::UNPACK_EX, static_cast<uint32_t>(star | (after << kUnpackExShift)), line);
    for (auto& e : elts) {
      if (auto* st = std::get_if<Starred>(&e->node))
        compile_store(*st->value);
      else
        compile_store(*e);
    }
  }

  void compile_delete(const Expr& target) {
    int line = target.line;
    std::visit(Overloaded{
                   [&](const Name& n) { emit_delete_name(n.id, line); },
                   [&](const Subscript& sub) {
                     compile_expr(*sub.value);
                     compile_expr(*sub.index);
                     emit(Op::DELETE_SUBSCR, 0, line);
                   },
                   [&](const Attribute& a) {
                     compile_expr(*a.value);
                     emit(Op::DELETE_ATTR, add_name(a.attr), line);
                   },
                   [&](const Tuple& t) { for (auto& e : t.elts) compile_delete(*e); },
                   [&](const List& l) { for (auto& e : l.elts) compile_delete(*e); },
                   [&](const auto&) { throw SyntaxError("cannot delete expression", line, target.col); },
               },
               target.node);
  }

  void compile_augassign(const AugAssign& st, int line) {
    uint32_t op = static_cast<uint32_t>(st.op) | kInPlace;
    const Expr& target = *st.target;
    if (auto* n = std::get_if<Name>(&target.node)) {
      emit_load_name(n->id, line);
      compile_expr(*st.value);
      emit(Op::BINARY_OP, op, line);
      emit_store_name(n->id, line);
    } else if (auto* sub = std::get_if<Subscript>(&target.node)) {
      compile_expr(*sub->value);
      compile_expr(*sub->index);
      emit(Op::DUP_TOP_TWO, 0, line);
      emit(Op::BINARY_SUBSCR, 0, line);
      compile_expr(*st.value);
      emit(Op::BINARY_OP, op, line);
      emit(Op::ROT_THREE, 0, line);
      emit(Op::STORE_SUBSCR, 0, line);
    } else if (auto* a = std::get_if<Attribute>(&target.node)) {
      compile_expr(*a->value);
      emit(Op::DUP_TOP, 0, line);
      emit(Op::LOAD_ATTR, add_name(a->attr), line);
      compile_expr(*st.value);
      emit(Op::BINARY_OP, op, line);
      emit(Op::ROT_TWO, 0, line);
      emit(Op::STORE_ATTR, add_name(a->attr), line);
    } else {
      throw SyntaxError("'" + std::string("expression") + "' is an illegal expression for augmented assignment",
                        line, target.col);
    }
  }

  void compile_if(const If& st, int line) {
    compile_expr(*st.test);
    uint32_t to_else = emit_jump(Op::POP_JUMP_IF_FALSE, line);
    compile_body(st.body);
    if (st.orelse.empty()) {
      patch_here(to_else);
      return;
    }
    uint32_t to_end = emit_jump(Op::JUMP, last_line_);
    patch_here(to_else);
    compile_body(st.orelse);
    patch_here(to_end);
  }

  static bool is_true_constant(const Expr& e) {
    auto* c = std::get_if<Constant>(&e.node);
    if (!c) return false;
    if (auto* b = std::get_if<bool>(&c->value)) return *b;
    if (auto* i = std::get_if<int64_t>(&c->value)) return *i != 0;
    return false;
  }

  void compile_while(const While& st, int line) {
    uint32_t top = here();
    bool forever = is_true_constant(*st.test);
    uint32_t to_else = 0;
    if (!forever) {
      compile_expr(*st.test);
      to_else = emit_jump(Op::POP_JUMP_IF_FALSE, line);
    }
    blocks_.push_back(Block{Block::Loop, top, {}, depth_});
    compile_body(st.body);
    emit(Op::JUMP_BACKWARD, top, last_line_);
    Block loop = std::move(blocks_.back());
    blocks_.pop_back();
    if (!forever) patch_here(to_else);
    compile_body(st.orelse);
    for (uint32_t b : loop.breaks) patch_here(b);
  }

  void compile_for(const For& st, int line) {
    compile_expr(*st.iter);
    emit(Op::GET_ITER, 0, line);
    uint32_t top = here();
    uint32_t exit = emit_jump(Op::FOR_ITER, line);
    blocks_.push_back(Block{Block::ForLoop, top, {}, depth_ - 1});
    compile_store(*st.target);
    compile_body(st.body);
    emit(Op::JUMP_BACKWARD, top, last_line_);
    Block loop = std::move(blocks_.back());
    blocks_.pop_back();
    patch_here(exit);
    depth_ = loop.depth - 1;  // FOR_ITER popped the iterator on exhaustion.
    compile_body(st.orelse);
    for (uint32_t b : loop.breaks) patch_here(b);
  }

  Block* innermost_loop() {
    for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it)
      if (it->kind == Block::Loop || it->kind == Block::ForLoop) return &*it;
    return nullptr;
  }

  void compile_break(int line, int col) {
    if (!innermost_loop()) throw SyntaxError("'break' outside loop", line, col);
    int saved = depth_;
    size_t loop_index = unwind_to_loop(line);
    Block& loop = blocks_[loop_index];
    if (loop.kind == Block::ForLoop) emit(Op::POP_TOP, 0, line);
    loop.breaks.push_back(emit_jump(Op::JUMP, line));
    resume_ranges(loop_index + 1);
    depth_ = saved;
  }

  void compile_continue(int line, int col) {
    if (!innermost_loop()) throw SyntaxError("'continue' not properly in loop", line, col);
    int saved = depth_;
    size_t loop_index = unwind_to_loop(line);
    emit(Op::JUMP_BACKWARD, blocks_[loop_index].continue_target, line);
    resume_ranges(loop_index + 1);
    depth_ = saved;
  }

  // Emits the clean-up of every block inside the innermost loop, and returns
  // that loop's index.
  size_t unwind_to_loop(int line) {
    size_t i = blocks_.size();
    while (i > 0) {
      Block& b = blocks_[i - 1];
      if (b.kind == Block::Loop || b.kind == Block::ForLoop) return i - 1;
      unwind_block(i - 1, line);
      --i;
    }
    return 0;
  }

  // Emits what leaving blocks_[index] early needs, outside its protection.
  void unwind_block(size_t index, int line) {
    suspend_range(blocks_[index]);
    Block b = blocks_[index];
    switch (b.kind) {
      case Block::Loop:
        break;
      case Block::ForLoop:
        emit(Op::POP_TOP, 0, line);
        break;
      case Block::TryBody:
        break;
      case Block::FinallyBody: {
        // The finally body runs here with the blocks outside it in force.
        std::vector<Block> inner(blocks_.begin() + static_cast<long>(index), blocks_.end());
        blocks_.resize(index);
        compile_body(*b.finalbody);
        blocks_.insert(blocks_.end(), inner.begin(), inner.end());
        break;
      }
      case Block::HandlerBody:
        emit(Op::POP_EXCEPT, 0, line);
        break;
      case Block::FinallyHandler:
        emit(Op::POP_TOP, 0, line);
        break;
      case Block::WithBody:
        emit(Op::WITH_EXIT, 0, line);
        break;
    }
  }

  void suspend_range(Block& b) {
    if (!b.ranges) return;
    if (here() > b.range_start) b.ranges->push_back({b.range_start, here(), 0, 0});
    b.range_start = here();
  }

  void resume_ranges(size_t from) {
    for (size_t i = from; i < blocks_.size(); ++i)
      if (blocks_[i].ranges) blocks_[i].range_start = here();
  }

  void compile_return(const Return& st, int line, int col) {
    if (is_module()) throw SyntaxError("'return' outside function", line, col);
    if (st.value)
      compile_expr(*st.value);
    else
      emit(Op::LOAD_CONST, add_constant(Value::none()), line);
    bool needs_unwind = std::any_of(blocks_.begin(), blocks_.end(), [](const Block& b) {
      return b.kind != Block::Loop && b.kind != Block::ForLoop && b.kind != Block::TryBody;
    });
    if (!needs_unwind) {
      emit(Op::RETURN_VALUE, 0, line);
      return;
    }
    int saved = depth_;
    if (return_slot_ < 0) return_slot_ = add_hidden_local("<return>");
    emit(Op::STORE_FAST, static_cast<uint32_t>(return_slot_), line);
    for (size_t i = blocks_.size(); i > 0; --i) unwind_block(i - 1, line);
    emit(Op::LOAD_FAST, static_cast<uint32_t>(return_slot_), line);
    emit(Op::RETURN_VALUE, 0, line);
    resume_ranges(0);
    depth_ = saved - 1;
  }

  // `@d1 @d2 def f(): ...` is `f = d1(d2(f))`, with d1 and d2 evaluated
  // before the function is made.
  void compile_def(const FunctionDef& st, int line) {
    for (auto& d : st.decorators) compile_expr(*d);
    const scopes::Scope& scope = table_.scope_of(&st);
    FunctionCompiler inner(rt_, globals_, filename_, table_, scope, this, line);
    Value code = inner.compile_function(st.params, &st.body, nullptr);
    emit_make_function(st.params, scope, std::move(code), line);
    emit_function_annotations(st, line);
    for (size_t i = st.decorators.size(); i-- > 0;) emit(Op::CALL, 1, st.decorators[i]->line);
    emit_store_name(st.name, line);
  }

  // f.__annotations__ = {param: annotation, ..., 'return': annotation},
  // evaluated after the defaults, before the decorators, as CPython does.
  void emit_function_annotations(const FunctionDef& st, int line) {
    if (st.params.annotations.empty() && !st.returns) return;
    emit(Op::DUP_TOP, 0, line);
    auto add = [&](const std::string& name, const Expr& annotation) {
      emit(Op::LOAD_CONST, add_constant(Value::borrow(rt_.intern(name))), line);
      compile_expr(annotation);
    };
    for (auto& [name, annotation] : st.params.annotations) add(name, *annotation);
    if (st.returns) add("return", *st.returns);
    emit(Op::BUILD_DICT, static_cast<uint32_t>(st.params.annotations.size() + (st.returns ? 1 : 0)), line);
    emit(Op::ROT_TWO, 0, line);
    emit(Op::STORE_ATTR, add_name("__annotations__"), line);
  }

  // class C(bases): body  ->  the decorators, the bases, the body run as a
  // function (with the closure it needs), then BUILD_CLASS; the decorators
  // are applied last, innermost first.
  void compile_class(const ClassDef& st, int line) {
    for (auto& d : st.decorators) compile_expr(*d);
    for (auto& b : st.bases) compile_expr(*b);
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(st.bases.size()), line);
    const scopes::Scope& scope = table_.scope_of(&st);
    FunctionCompiler inner(rt_, globals_, filename_, table_, scope, this, line);
    Value code = inner.compile_class_body(st.body, line);
    Parameters none;
    emit_make_function(none, scope, std::move(code), line);
    emit(Op::CALL, 0, line);
    emit(Op::BUILD_CLASS, add_name(st.name), line);
    for (size_t i = st.decorators.size(); i-- > 0;) emit(Op::CALL, 1, st.decorators[i]->line);
    emit_store_name(st.name, line);
  }

  void compile_lambda(const Lambda& l, int line) {
    const scopes::Scope& scope = table_.scope_of(&l);
    FunctionCompiler inner(rt_, globals_, filename_, table_, scope, this, line);
    Value code = inner.compile_function(l.params, nullptr, l.body.get());
    emit_make_function(l.params, scope, std::move(code), line);
  }

  // Pushes what MAKE_FUNCTION takes: the defaults tuple, the keyword-only
  // defaults dict and the closure tuple (each only when there is one), and
  // the code.
  void emit_make_function(const Parameters& params, const scopes::Scope& scope, Value code, int line) {
    uint32_t flags = 0;
    if (!params.defaults.empty()) {
      for (auto& d : params.defaults) compile_expr(*d);
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(params.defaults.size()), line);
      flags |= kMakeFunctionDefaults;
    }
    if (params.has_kw_defaults()) {
      uint32_t n = 0;
      for (size_t i = 0; i < params.kwonly.size(); ++i) {
        if (!params.kw_defaults[i]) continue;
        emit(Op::LOAD_CONST, add_constant(Value::borrow(rt_.intern(params.kwonly[i]))), line);
        compile_expr(*params.kw_defaults[i]);
        ++n;
      }
      emit(Op::BUILD_DICT, n, line);
      flags |= kMakeFunctionKwDefaults;
    }
    if (!scope.freevars.empty()) {
      for (auto& name : scope.freevars) emit_load_closure(name, line);
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(scope.freevars.size()), line);
      flags |= kMakeFunctionClosure;
    }
    emit(Op::LOAD_CONST, add_constant(std::move(code)), line);
    emit(Op::MAKE_FUNCTION, flags, line);
  }

  // `raise exc from cause` is RAISE 2.
  void compile_raise(const Raise& st, int line) {
    if (!st.exc) {
      emit(Op::RAISE, 0, line);
      return;
    }
    compile_expr(*st.exc);
    if (st.cause) compile_expr(*st.cause);
    emit(Op::RAISE, st.cause ? 2 : 1, line);
  }

  void compile_assert(const Assert& st, int line) {
    compile_expr(*st.test);
    uint32_t ok = emit_jump(Op::POP_JUMP_IF_TRUE, line);
    emit(Op::LOAD_ASSERTION_ERROR, 0, line);
    if (st.msg) {
      compile_expr(*st.msg);
      emit(Op::CALL, 1, line);
    }
    emit(Op::RAISE, 1, line);
    patch_here(ok);
  }

  // `import a.b.c` imports a, a.b and a.b.c and binds a (imported again,
  // from sys.modules); `import a.b.c as x` binds the submodule.
  void compile_import(const Import& st, int line, int col) {
    for (auto& alias : st.names) {
      emit(Op::IMPORT_NAME, add_name(alias.name), line);
      size_t dot = alias.name.find('.');
      if (alias.asname.empty() && dot != std::string::npos) {
        emit(Op::POP_TOP, 0, line);
        emit(Op::IMPORT_NAME, add_name(alias.name.substr(0, dot)), line);
      }
      emit_store_name(alias.asname.empty() ? alias.name.substr(0, dot) : alias.asname, line);
    }
  }

  void compile_import_from(const ImportFrom& st, int line, int col) {
    emit(Op::IMPORT_NAME, add_name(st.module), line);
    if (st.names.size() == 1 && st.names[0].name == "*") {
      if (!is_module()) throw SyntaxError("import * only allowed at module level", line, col);
      emit(Op::IMPORT_STAR, 0, line);
      return;
    }
    for (auto& alias : st.names) {
      emit(Op::IMPORT_FROM, add_name(alias.name), line);
      emit_store_name(alias.asname.empty() ? alias.name : alias.asname, line);
    }
    emit(Op::POP_TOP, 0, line);
  }

  // ---- try / except / finally / with

  // Opens a protected region; the returned ranges collect its intervals.
  void open_protected(Block::Kind kind, std::vector<ExceptionEntry>& ranges, const Body* finalbody = nullptr) {
    Block b{};
    b.kind = kind;
    b.range_start = here();
    b.ranges = &ranges;
    b.finalbody = finalbody;
    b.depth = depth_;
    blocks_.push_back(b);
  }

  // Closes the innermost protected region; its intervals stay in the vector
  // it was opened with, for commit_ranges.
  void close_protected() {
    suspend_range(blocks_.back());
    blocks_.pop_back();
  }

  // Enters the intervals of a closed region in the exception table, with
  // [handler] and the stack [depth] to unwind to.
  void commit_ranges(std::vector<ExceptionEntry>& ranges, uint32_t handler, int depth) {
    for (auto& r : ranges) {
      r.handler = handler;
      r.depth = static_cast<uint32_t>(depth);
      code_->exception_table.push_back(r);
    }
  }

  void compile_try(const Try& st, int line) {
    if (st.finalbody.empty()) {
      compile_try_except(st, line);
      return;
    }
    int depth = depth_;
    std::vector<ExceptionEntry> ranges;
    open_protected(Block::FinallyBody, ranges, &st.finalbody);
    if (st.handlers.empty())
      compile_try_else(st, line);
    else
      compile_try_except(st, line);
    close_protected();
    compile_body(st.finalbody);
    uint32_t to_end = emit_jump(Op::JUMP, last_line_);
    // The exceptional path: the exception is on the stack.
    uint32_t handler = here();
    commit_ranges(ranges, handler, depth);
    depth_ = depth + 1;
    Block fh{};
    fh.kind = Block::FinallyHandler;
    blocks_.push_back(fh);
    compile_body(st.finalbody);
    blocks_.pop_back();
    emit(Op::RERAISE, 0, last_line_);
    depth_ = depth;
    patch_here(to_end);
  }

  void compile_try_else(const Try& st, int line) {
    compile_body(st.body);
    compile_body(st.orelse);
  }

  void compile_try_except(const Try& st, int line) {
    int depth = depth_;
    std::vector<ExceptionEntry> body_ranges;
    open_protected(Block::TryBody, body_ranges);
    compile_body(st.body);
    close_protected();
    compile_body(st.orelse);
    uint32_t to_end = emit_jump(Op::JUMP, last_line_);
    std::vector<uint32_t> ends{to_end};

    // Handler entry: [exc]. PUSH_EXC_INFO makes it [previous, exc].
    uint32_t handler = here();
    commit_ranges(body_ranges, handler, depth);
    depth_ = depth + 1;
    emit(Op::PUSH_EXC_INFO, 0, st.handlers.front().line);
    std::vector<ExceptionEntry> cleanup_ranges;
    open_protected(Block::TryBody, cleanup_ranges);
    for (auto& h : st.handlers) {
      uint32_t next = 0;
      if (h.type) {
        // [previous, exc] type -> [previous, exc, matches] -> [previous, exc]
        compile_expr(*h.type);
        emit(Op::CHECK_EXC_MATCH, 0, h.line);
        next = emit_jump(Op::POP_JUMP_IF_FALSE, h.line);
      }
      compile_handler_body(h, depth);
      ends.push_back(emit_jump(Op::JUMP, last_line_));
      if (h.type) {
        patch_here(next);
        depth_ = depth + 2;
      }
    }
    // No clause matched: [previous, exc].
    emit(Op::RERAISE, 0, last_line_);
    close_protected();
    // Cleanup: an exception inside a handler: [previous, exc2].
    uint32_t cleanup = here();
    commit_ranges(cleanup_ranges, cleanup, depth + 1);
    depth_ = depth + 2;
    emit(Op::ROT_TWO, 0, last_line_);
    emit(Op::POP_EXCEPT, 0, last_line_);
    emit(Op::RERAISE, 0, last_line_);
    depth_ = depth;
    for (uint32_t e : ends) patch_here(e);
  }

  // Compiles one except clause's body. On entry the stack is [previous, exc]
  // minus what the match test consumed; on exit it is back at [depth].
  void compile_handler_body(const ExceptHandler& h, int depth) {
    // Entry stack: [previous, exc].
    depth_ = depth + 2;
    if (h.name.empty())
      emit(Op::POP_TOP, 0, h.line);
    else
      emit_store_name(h.name, h.line);
    Block b{};
    b.kind = Block::HandlerBody;
    blocks_.push_back(b);
    compile_body(h.body);
    blocks_.pop_back();
    emit(Op::POP_EXCEPT, 0, last_line_);
    if (!h.name.empty()) {
      emit(Op::LOAD_CONST, add_constant(Value::none()), last_line_);
      emit_store_name(h.name, last_line_);
      emit_delete_name(h.name, last_line_);
    }
  }

  void compile_with(const With& st, size_t item, int line) {
    const WithItem& w = st.items[item];
    compile_expr(*w.context);
    emit(Op::WITH_ENTER, 0, line);
    int depth = depth_ - 1;  // [ctx] remains below the entered value
    if (w.target)
      compile_store(*w.target);
    else
      emit(Op::POP_TOP, 0, line);
    std::vector<ExceptionEntry> ranges;
    open_protected(Block::WithBody, ranges);
    if (item + 1 < st.items.size())
      compile_with(st, item + 1, line);
    else
      compile_body(st.body);
    close_protected();
    emit(Op::WITH_EXIT, 0, line);
    uint32_t to_end = emit_jump(Op::JUMP, line);
    uint32_t handler = here();
    commit_ranges(ranges, handler, depth);
    depth_ = depth + 1;  // [ctx, exc]
    emit(Op::ROT_TWO, 0, line);
    emit(Op::WITH_EXIT_EXC, 0, line);  // [exc, suppress]
    uint32_t suppressed = emit_jump(Op::POP_JUMP_IF_TRUE, line);
    emit(Op::RERAISE, 0, line);
    depth_ = depth;  // [exc]: __exit__ returned true
    patch_here(suppressed);
    emit(Op::POP_TOP, 0, line);
    depth_ = depth - 1;
    patch_here(to_end);
  }

  // ---- Expressions

  void compile_expr(const Expr& e) {
    int line = e.line;
    std::visit(Overloaded{
                   [&](const Name& n) { emit_load_name(n.id, line); },
                   [&](const Constant& c) { emit(Op::LOAD_CONST, add_constant(constant_value(c)), line); },
                   [&](const JoinedStr& j) { compile_joined(j, line); },
                   [&](const FormattedValue& f) { compile_formatted(f, line); },
                   [&](const BinOp& b) {
                     compile_expr(*b.left);
                     compile_expr(*b.right);
                     emit(Op::BINARY_OP, static_cast<uint32_t>(b.op), line);
                   },
                   [&](const UnaryOpExpr& u) { compile_unary(u, line); },
                   [&](const BoolOp& b) { compile_boolop(b, line); },
                   [&](const Compare& c) { compile_compare(c, line); },
                   [&](const IfExp& i) {
                     compile_expr(*i.test);
                     uint32_t to_else = emit_jump(Op::POP_JUMP_IF_FALSE, line);
                     compile_expr(*i.body);
                     uint32_t to_end = emit_jump(Op::JUMP, line);
                     depth_ -= 1;
                     patch_here(to_else);
                     compile_expr(*i.orelse);
                     patch_here(to_end);
                   },
                   [&](const Lambda& l) { compile_lambda(l, line); },
                   [&](const Call& c) { compile_call(c, line); },
                   [&](const Attribute& a) {
                     compile_expr(*a.value);
                     emit(Op::LOAD_ATTR, add_name(a.attr), line);
                   },
                   [&](const Subscript& s) {
                     compile_expr(*s.value);
                     if (auto* slice = std::get_if<Slice>(&s.index->node)) {
                       emit(Op::BINARY_SLICE, compile_slice_bounds(*slice, line), line);
                       return;
                     }
                     compile_expr(*s.index);
                     emit(Op::BINARY_SUBSCR, 0, line);
                   },
                   [&](const Slice& s) { compile_slice(s, line); },
                   [&](const List& l) { compile_sequence_display(l.elts, Op::BUILD_LIST, line); },
                   [&](const Tuple& t) { compile_tuple(t, line); },
                   [&](const Set& st) { compile_sequence_display(st.elts, Op::BUILD_SET, line); },
                   [&](const Dict& d) { compile_dict(d, line); },
                   [&](const Starred&) { throw SyntaxError("can't use starred expression here", line, e.col); },
                   [&](const ListComp& c) {
                     compile_comprehension(&c, c.generators, Op::BUILD_LIST, {c.elt.get()}, line);
                   },
                   [&](const SetComp& c) {
                     compile_comprehension(&c, c.generators, Op::BUILD_SET, {c.elt.get()}, line);
                   },
                   [&](const DictComp& c) {
                     compile_comprehension(&c, c.generators, Op::BUILD_DICT, {c.key.get(), c.value.get()}, line);
                   },
                   [&](const GeneratorExp& g) { compile_generator_expression_call(g, line); },
                   [&](const Yield& y) {
                     check_yield_allowed(line, e.col);
                     if (y.value)
                       compile_expr(*y.value);
                     else
                       emit(Op::LOAD_CONST, add_constant(Value::none()), line);
                     emit(Op::YIELD_VALUE, 0, line);
                   },
                   [&](const YieldFrom& y) { compile_yield_from(y, line, e.col); },
                   [&](const NamedExpr& n) {
                     compile_expr(*n.value);
                     emit(Op::DUP_TOP, 0, line);
                     emit_store_name(n.target, line);
                   },
               },
               e.node);
  }

  // `yield` belongs in a function; CPython's messages elsewhere.
  void check_yield_allowed(int line, int col) {
    if (!comprehensions_.empty())
      throw SyntaxError("'yield' inside " + comprehension_kind(comprehensions_.back().scope->name), line, col);
    // A generator expression's own function (its outermost iterable is
    // compiled in the enclosing scope, where a yield is allowed).
    if (code_->name == "<genexpr>") throw SyntaxError("'yield' inside generator expression", line, col);
    if (is_module() || is_class_) throw SyntaxError("'yield' outside function", line, col);
  }

  static std::string comprehension_kind(const std::string& name) {
    if (name == "<listcomp>") return "list comprehension";
    if (name == "<setcomp>") return "set comprehension";
    return "dict comprehension";
  }

  // `yield from it`: the loop of CPython 3.11. SEND resumes the iterator
  // with what the last yield received (None first); what it yields this
  // frame yields (YIELD_VALUE 1 marks the yield as delegating, for throw()
  // and close()); its return value is the expression's.
  void compile_yield_from(const YieldFrom& y, int line, int col) {
    check_yield_allowed(line, col);
    compile_expr(*y.value);
    emit(Op::GET_YIELD_FROM_ITER, 0, line);
    emit(Op::LOAD_CONST, add_constant(Value::none()), line);
    uint32_t send = emit_jump(Op::SEND, line);
    emit(Op::YIELD_VALUE, 1, line);
    emit(Op::JUMP_BACKWARD, send, line);
    patch_here(send);
    depth_ -= 1;
  }

  // (elt for x in xs): the generator function made and called on iter(xs),
  // xs evaluated here, as CPython does.
  void compile_generator_expression_call(const GeneratorExp& g, int line) {
    const scopes::Scope& scope = table_.scope_of(&g);
    FunctionCompiler inner(rt_, globals_, filename_, table_, scope, this, line);
    Value code = inner.compile_generator_expression(g, line);
    Parameters none;
    emit_make_function(none, scope, std::move(code), line);
    compile_expr(*g.generators.front().iter);
    emit(Op::GET_ITER, 0, line);
    emit(Op::CALL, 1, line);
  }

  Value constant_value(const Constant& c) {
    return std::visit(Overloaded{
                          [](std::monostate) { return Value::none(); },
                          [](bool b) { return Value::boolean(b); },
                          [](int64_t i) { return Value::integer(i); },
                          [](double d) { return Value::number(d); },
                          [&](const std::string& s) {
                            return s.size() <= 32 ? Value::borrow(rt_.intern(s)) : make_str(s);
                          },
                          [](const BytesValue& b) { return make_bytes(b.data); },
                          [&](const BigIntValue& b) { return int_from_literal(rt_, b.digits, b.base); },
                          [&](const EllipsisValue&) { return rt_.ellipsis; },
                      },
                      c.value);
  }

  void compile_tuple(const Tuple& t, int line) {
    bool all_constant = !t.elts.empty() && std::all_of(t.elts.begin(), t.elts.end(), [](const ExprPtr& x) {
      return std::holds_alternative<Constant>(x->node);
    });
    if (all_constant) {
      std::vector<Value> items;
      for (auto& x : t.elts) items.push_back(constant_value(std::get<Constant>(x->node)));
      emit(Op::LOAD_CONST, add_constant(make_tuple(rt_, std::move(items))), line);
      return;
    }
    if (has_starred(t.elts)) {
      compile_sequence_display(t.elts, Op::BUILD_LIST, line);
      emit(Op::LIST_TO_TUPLE, 0, line);
      return;
    }
    for (auto& x : t.elts) compile_expr(*x);
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(t.elts.size()), line);
  }

  static bool has_starred(const ExprList& elts) {
    return std::any_of(elts.begin(), elts.end(),
                       [](const ExprPtr& x) { return std::holds_alternative<Starred>(x->node); });
  }

  // A list or set display (a tuple's with a star goes through a list): the
  // elements before the first star are built at once, the rest added one
  // by one or spread.
  void compile_sequence_display(const ExprList& elts, Op build, int line) {
    size_t prefix = 0;
    while (prefix < elts.size() && !std::holds_alternative<Starred>(elts[prefix]->node)) ++prefix;
    for (size_t i = 0; i < prefix; ++i) compile_expr(*elts[i]);
    emit(build, static_cast<uint32_t>(prefix), line);
    bool set = build == Op::BUILD_SET;
    for (size_t i = prefix; i < elts.size(); ++i) {
      if (auto* st = std::get_if<Starred>(&elts[i]->node)) {
        compile_expr(*st->value);
        emit(set ? Op::SET_UPDATE : Op::LIST_EXTEND, 1, line);
      } else {
        compile_expr(*elts[i]);
        emit(set ? Op::SET_ADD : Op::LIST_APPEND, 1, line);
      }
    }
  }

  // A dict display; the pairs before the first `**` are built at once.
  void compile_dict(const Dict& d, int line) {
    size_t prefix = 0;
    while (prefix < d.keys.size() && d.keys[prefix]) ++prefix;
    for (size_t i = 0; i < prefix; ++i) {
      compile_expr(*d.keys[i]);
      compile_expr(*d.values[i]);
    }
    emit(Op::BUILD_DICT, static_cast<uint32_t>(prefix), line);
    for (size_t i = prefix; i < d.keys.size(); ++i) {
      if (!d.keys[i]) {
        compile_expr(*d.values[i]);
        emit(Op::DICT_UPDATE, 1, line);
      } else {
        compile_expr(*d.keys[i]);
        compile_expr(*d.values[i]);
        emit(Op::DICT_SET, 1, line);
      }
    }
  }

  void compile_joined(const JoinedStr& j, int line) {
    for (auto& part : j.parts) compile_expr(*part);
    emit(Op::BUILD_STRING, static_cast<uint32_t>(j.parts.size()), line);
  }

  void compile_formatted(const FormattedValue& f, int line) {
    compile_expr(*f.value);
    if (!f.spec.empty()) emit(Op::LOAD_CONST, add_constant(Value::borrow(rt_.intern(f.spec))), line);
    emit(Op::FORMAT_VALUE, f.spec.empty() ? 0 : 1, line);
  }

  void compile_unary(const UnaryOpExpr& u, int line) {
    // Fold negative literals so that -5 is one constant.
    if (u.op == UnaryOp::Neg) {
      if (auto* c = std::get_if<Constant>(&u.operand->node)) {
        if (auto* i = std::get_if<int64_t>(&c->value); i && *i != INT64_MIN) {
          emit(Op::LOAD_CONST, add_constant(Value::integer(-*i)), line);
          return;
        }
        if (auto* d = std::get_if<double>(&c->value)) {
          emit(Op::LOAD_CONST, add_constant(Value::number(-*d)), line);
          return;
        }
      }
    }
    compile_expr(*u.operand);
    static constexpr Op ops[] = {Op::UNARY_NEGATIVE, Op::UNARY_POSITIVE, Op::UNARY_NOT, Op::UNARY_INVERT};
    Op op = ops[static_cast<int>(u.op)];
    emit(op, 0, line);
  }

  void compile_boolop(const BoolOp& b, int line) {
    std::vector<uint32_t> jumps;
    Op op = b.is_and ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
    for (size_t i = 0; i < b.values.size(); ++i) {
      compile_expr(*b.values[i]);
      if (i + 1 < b.values.size()) jumps.push_back(emit_jump(op, line));
    }
    for (uint32_t j : jumps) patch_here(j);
  }

  void compile_compare(const Compare& c, int line) {
    compile_expr(*c.left);
    if (c.ops.size() == 1) {
      compile_expr(*c.comparators[0]);
      emit(Op::COMPARE_OP, static_cast<uint32_t>(c.ops[0]), line);
      return;
    }
    std::vector<uint32_t> cleanups;
    for (size_t i = 0; i < c.ops.size(); ++i) {
      compile_expr(*c.comparators[i]);
      if (i + 1 < c.ops.size()) {
        emit(Op::DUP_TOP, 0, line);
        emit(Op::ROT_THREE, 0, line);
        emit(Op::COMPARE_OP, static_cast<uint32_t>(c.ops[i]), line);
        cleanups.push_back(emit_jump(Op::JUMP_IF_FALSE_OR_POP, line));
      } else {
        emit(Op::COMPARE_OP, static_cast<uint32_t>(c.ops[i]), line);
      }
    }
    uint32_t to_end = emit_jump(Op::JUMP, line);
    // A comparison failed: [middle, False] -> [False].
    depth_ += 1;
    for (uint32_t j : cleanups) patch_here(j);
    emit(Op::ROT_TWO, 0, line);
    emit(Op::POP_TOP, 0, line);
    patch_here(to_end);
  }

  void compile_call(const Call& c, int line) {
    if (needs_call_ex(c)) {
      compile_call_ex(c, line);
      return;
    }
    const Expr& f = *c.func;
    bool method = std::holds_alternative<Attribute>(f.node);
    if (method) {
      auto& a = std::get<Attribute>(f.node);
      compile_expr(*a.value);
      emit(Op::LOAD_METHOD, add_name(a.attr), line);
    } else {
      compile_expr(f);
    }
    for (auto& arg : c.args) compile_expr(*arg);
    for (auto& kw : c.keywords) compile_expr(*kw.value);
    uint32_t argc = static_cast<uint32_t>(c.args.size() + c.keywords.size());
    if (c.keywords.empty()) {
      emit(method ? Op::CALL_METHOD : Op::CALL, argc, line);
      return;
    }
    std::vector<Value> names;
    for (auto& kw : c.keywords) names.push_back(Value::borrow(rt_.intern(kw.name)));
    emit(Op::LOAD_CONST, add_constant(make_tuple(rt_, std::move(names))), line);
    emit(method ? Op::CALL_METHOD_KW : Op::CALL_KW, argc, line);
  }

  static bool needs_call_ex(const Call& c) {
    if (has_starred(c.args)) return true;
    return std::any_of(c.keywords.begin(), c.keywords.end(), [](const Keyword& k) { return k.name.empty(); });
  }

  // A call with `*` or `**` arguments, as CPython's CALL_FUNCTION_EX: the
  // positional arguments become one tuple, the keywords one fresh dict.
  void compile_call_ex(const Call& c, int line) {
    compile_expr(*c.func);
    compile_call_ex_positional(c.args, line);
    if (c.keywords.empty()) {
      emit(Op::CALL_FUNCTION_EX, 0, line);
      return;
    }
    compile_call_ex_keywords(c.keywords, line);
    emit(Op::CALL_FUNCTION_EX, 1, line);
  }

  // `f(*xs)` passes xs as it is (CALL_FUNCTION_EX makes the tuple and names
  // the function when xs is not iterable); anything else builds a list.
  void compile_call_ex_positional(const ExprList& args, int line) {
    if (args.size() == 1 && std::holds_alternative<Starred>(args[0]->node)) {
      compile_expr(*std::get<Starred>(args[0]->node).value);
      return;
    }
    if (!has_starred(args)) {
      for (auto& a : args) compile_expr(*a);
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(args.size()), line);
      return;
    }
    compile_sequence_display(args, Op::BUILD_LIST, line);
    emit(Op::LIST_TO_TUPLE, 0, line);
  }

  // Runs of `name=value` become a dict each, merged with every `**m` into
  // the first dict, so that a duplicate name is an error.
  void compile_call_ex_keywords(const std::vector<Keyword>& keywords, int line) {
    bool have_dict = false;
    size_t i = 0;
    while (i < keywords.size()) {
      if (keywords[i].name.empty()) {
        if (!have_dict) emit(Op::BUILD_DICT, 0, line);
        have_dict = true;
        compile_expr(*keywords[i].value);
        emit(Op::DICT_MERGE, 1, line);
        ++i;
        continue;
      }
      uint32_t n = 0;
      for (; i < keywords.size() && !keywords[i].name.empty(); ++i, ++n) {
        emit(Op::LOAD_CONST, add_constant(Value::borrow(rt_.intern(keywords[i].name))), line);
        compile_expr(*keywords[i].value);
      }
      emit(Op::BUILD_DICT, n, line);
      if (have_dict) emit(Op::DICT_MERGE, 1, line);
      have_dict = true;
    }
  }

  void compile_slice(const Slice& s, int line) { emit(Op::BUILD_SLICE, compile_slice_bounds(s, line), line); }

  // Pushes the bounds of [s] (None for an absent one), the step only when
  // written; returns how many it pushed.
  uint32_t compile_slice_bounds(const Slice& s, int line) {
    auto part = [&](const ExprPtr& p) {
      if (p)
        compile_expr(*p);
      else
        emit(Op::LOAD_CONST, add_constant(Value::none()), line);
    };
    part(s.lower);
    part(s.upper);
    if (!s.step) return 2;
    part(s.step);
    return 3;
  }

  // A comprehension, compiled inline: the result, the first iterable
  // (evaluated outside the comprehension's scope), then the nested loops.
  // The names it binds get hidden slots; a captured one gets a new cell
  // each time the comprehension runs, as the call of CPython 3.11's
  // comprehension function would make.
  void compile_comprehension(const void* node, const Generators& generators, Op build,
                             std::initializer_list<const Expr*> elements, int line) {
    emit(build, 0, line);
    compile_expr(*generators.front().iter);
    emit(Op::GET_ITER, 0, line);
    const scopes::Scope& scope = table_.scope_of(node);
    ActiveComprehension active{&scope, {}};
    for (auto& [name, sym] : scope.symbols) {
      if (sym.binding != Binding::Local && sym.binding != Binding::Cell) continue;
      int slot = add_hidden_local(name);
      active.slots[name] = slot;
      if (sym.binding == Binding::Cell) emit(Op::NEW_CELL, static_cast<uint32_t>(slot), line);
    }
    comprehensions_.push_back(std::move(active));
    uint32_t start = here();
    compile_generator(generators, 0, build, elements, line);
    comprehensions_.pop_back();
    code_->comprehensions.push_back({start, here(), line, traceback_stand_in(scope.name)});
  }

  // The loop of generators[index], with its iterator on the stack, and the
  // loops inside it; the innermost adds the element to the result, which
  // lies below one iterator per loop.
  void compile_generator(const Generators& generators, size_t index, Op build,
                         std::initializer_list<const Expr*> elements, int line) {
    const Comprehension& g = generators[index];
    if (index > 0) {
      compile_expr(*g.iter);
      emit(Op::GET_ITER, 0, line);
    }
    uint32_t top = here();
    uint32_t exit = emit_jump(Op::FOR_ITER, line);
    compile_store(*g.target);
    for (auto& cond : g.ifs) {
      compile_expr(*cond);
      uint32_t skip = emit_jump(Op::POP_JUMP_IF_FALSE, line);
      code_->patch_jump(skip, top);
    }
    if (index + 1 < generators.size()) {
      compile_generator(generators, index + 1, build, elements, line);
    } else {
      auto distance = static_cast<uint32_t>(generators.size() + 1);
      for (const Expr* e : elements) compile_expr(*e);
      if (build == Op::YIELD_VALUE) {
        // A generator expression: yield the element, drop what send() gave.
        emit(Op::YIELD_VALUE, 0, line);
        emit(Op::POP_TOP, 0, line);
        emit(Op::JUMP_BACKWARD, top, line);
        patch_here(exit);
        depth_ -= 1;
        return;
      }
      Op add = build == Op::BUILD_LIST ? Op::LIST_APPEND : build == Op::BUILD_SET ? Op::SET_ADD : Op::DICT_SET;
      emit(add, distance, line);
    }
    emit(Op::JUMP_BACKWARD, top, line);
    patch_here(exit);
    depth_ -= 1;
  }

  Runtime& rt_;
  GlobalTable& globals_;
  const std::string& filename_;
  const SymbolTable& table_;
  const scopes::Scope& scope_;
  FunctionCompiler* enclosing_;
  ObjCode* code_;
  Value code_value_;
  // The slot of every parameter, free variable, local and cell variable.
  std::unordered_map<std::string, int> locals_;
  // The comprehensions being compiled, innermost last.
  std::vector<ActiveComprehension> comprehensions_;
  std::unordered_map<std::string, uint32_t> constant_index_;
  std::vector<Block> blocks_;
  int return_slot_ = -1;
  // True for a class body (compile_class_body).
  bool is_class_ = false;
  int depth_ = 0;
  int max_depth_ = 0;
  int last_line_ = 1;
};

}  // namespace

Value compile_module(Runtime& rt, const ast::Module& module, const std::string& filename, GlobalTable* globals) {
  SymbolTable table = SymbolTable::build(module);
  FunctionCompiler compiler(rt, globals ? *globals : rt.globals, filename, table, table.module(), nullptr, 1);
  return compiler.compile_module(module);
}

}  // namespace gil
