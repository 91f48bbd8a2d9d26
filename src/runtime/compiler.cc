#include "gil/runtime/compiler.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <unordered_map>

#include "gil/runtime/chunk.h"
#include "gil/runtime/object.h"

namespace gil {
namespace {

using namespace ast;

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// ---- Scope scan -------------------------------------------------------------

// The names a function body assigns (its locals) and declares global.
struct ScopeNames {
  std::set<std::string> assigned;
  std::set<std::string> globals;
};

void scan_target(const Expr& target, ScopeNames& names) {
  if (auto* n = std::get_if<Name>(&target.node)) {
    names.assigned.insert(n->id);
  } else if (auto* t = std::get_if<Tuple>(&target.node)) {
    for (auto& e : t->elts) scan_target(*e, names);
  } else if (auto* l = std::get_if<List>(&target.node)) {
    for (auto& e : l->elts) scan_target(*e, names);
  }
}

void scan_body(const Body& body, ScopeNames& names);

void scan_stmt(const Stmt& stmt, ScopeNames& names) {
  std::visit(Overloaded{
                 [&](const Assign& s) { for (auto& t : s.targets) scan_target(*t, names); },
                 [&](const AugAssign& s) { scan_target(*s.target, names); },
                 [&](const If& s) { scan_body(s.body, names); scan_body(s.orelse, names); },
                 [&](const While& s) { scan_body(s.body, names); scan_body(s.orelse, names); },
                 [&](const For& s) {
                   scan_target(*s.target, names);
                   scan_body(s.body, names);
                   scan_body(s.orelse, names);
                 },
                 [&](const FunctionDef& s) { names.assigned.insert(s.name); },
                 [&](const Global& s) { names.globals.insert(s.names.begin(), s.names.end()); },
                 [&](const Delete& s) { for (auto& t : s.targets) scan_target(*t, names); },
                 [&](const Try& s) {
                   scan_body(s.body, names);
                   for (auto& h : s.handlers) {
                     if (!h.name.empty()) names.assigned.insert(h.name);
                     scan_body(h.body, names);
                   }
                   scan_body(s.orelse, names);
                   scan_body(s.finalbody, names);
                 },
                 [&](const Import& s) {
                   for (auto& a : s.names) names.assigned.insert(a.asname.empty() ? a.name : a.asname);
                 },
                 [&](const ImportFrom& s) {
                   for (auto& a : s.names) names.assigned.insert(a.asname.empty() ? a.name : a.asname);
                 },
                 [&](const With& s) {
                   for (auto& item : s.items)
                     if (item.target) scan_target(*item.target, names);
                   scan_body(s.body, names);
                 },
                 [&](const auto&) {},
             },
             stmt.node);
}

void scan_body(const Body& body, ScopeNames& names) {
  for (auto& s : body) scan_stmt(*s, names);
}

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

class FunctionCompiler {
 public:
  FunctionCompiler(Runtime& rt, const std::string& filename, FunctionCompiler* enclosing,
                   std::string name, int first_line)
      : rt_(rt), filename_(filename), enclosing_(enclosing) {
    code_ = new_object<ObjCode>(rt);
    code_value_ = Value::adopt(code_);
    code_->name = std::move(name);
    code_->filename = filename;
    code_->first_line = first_line;
  }

  bool is_module() const { return enclosing_ == nullptr; }

  Value compile_module(const Module& m) {
    compile_body(m.body);
    emit_return_none(last_line_);
    return finish();
  }

  Value compile_function(const Parameters& params, const Body* body, const Expr* lambda_body) {
    for (auto& p : params.names) {
      if (std::find(param_names_.begin(), param_names_.end(), p) != param_names_.end())
        throw SyntaxError("duplicate argument '" + p + "' in function definition", code_->first_line, 1);
      param_names_.push_back(p);
      add_local(p);
    }
    code_->param_count = static_cast<int>(params.names.size());
    ScopeNames names;
    if (body) scan_body(*body, names);
    globals_ = names.globals;
    for (auto& n : names.assigned)
      if (!globals_.count(n) && !locals_.count(n)) add_local(n);
    if (body) {
      compile_body(*body);
      emit_return_none(last_line_);
    } else {
      compile_expr(*lambda_body);
      emit(Op::RETURN_VALUE, 0, lambda_body->line);
    }
    return finish();
  }

 private:
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
        return "";
    }
  }

  uint32_t add_name(const std::string& name) {
    ObjStr* s = rt_.intern(name);
    for (size_t i = 0; i < code_->names.size(); ++i)
      if (code_->names[i].as_obj() == s) return static_cast<uint32_t>(i);
    code_->names.push_back(Value::borrow(s));
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
      if (fused == Op::NOP) continue;
      code[i] = encode(fused, operand_of(code[i]));
      ++i;  // the second half is not the start of another pair
    }
  }

  // ---- Names

  enum class Scope { Local, Global };
  struct Resolved {
    Scope scope;
    uint32_t index;
  };

  Resolved resolve(const std::string& name, int line, int col) {
    for (auto it = comprehension_vars_.rbegin(); it != comprehension_vars_.rend(); ++it) {
      auto found = it->find(name);
      if (found != it->end()) return {Scope::Local, static_cast<uint32_t>(found->second)};
    }
    if (!is_module() && !globals_.count(name)) {
      auto it = locals_.find(name);
      if (it != locals_.end()) return {Scope::Local, static_cast<uint32_t>(it->second)};
      check_not_closure(name, line, col);
    }
    return {Scope::Global, rt_.global_slot(rt_.intern(name))};
  }

  // A nested function may read globals but not its enclosing function's
  // locals: that would need a closure, which MiniPy does not support.
  void check_not_closure(const std::string& name, int line, int col) {
    for (FunctionCompiler* f = enclosing_; f && !f->is_module(); f = f->enclosing_) {
      bool comprehension_var = false;
      for (auto& vars : f->comprehension_vars_) comprehension_var |= vars.count(name) > 0;
      if ((f->locals_.count(name) && !f->globals_.count(name)) || comprehension_var)
        throw SyntaxError("closures are not supported by MiniPy: '" + name +
                              "' belongs to the enclosing function '" + f->code_->name + "'",
                          line, col);
    }
  }

  void emit_load_name(const std::string& name, int line, int col) {
    Resolved r = resolve(name, line, col);
    emit(r.scope == Scope::Local ? Op::LOAD_FAST : Op::LOAD_GLOBAL, r.index, line);
  }
  void emit_store_name(const std::string& name, int line, int col) {
    Resolved r = resolve(name, line, col);
    emit(r.scope == Scope::Local ? Op::STORE_FAST : Op::STORE_GLOBAL, r.index, line);
  }
  void emit_delete_name(const std::string& name, int line, int col) {
    Resolved r = resolve(name, line, col);
    emit(r.scope == Scope::Local ? Op::DELETE_FAST : Op::DELETE_GLOBAL, r.index, line);
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
                   [&](const If& st) { compile_if(st, line); },
                   [&](const While& st) { compile_while(st, line); },
                   [&](const For& st) { compile_for(st, line); },
                   [&](const FunctionDef& st) { compile_def(st, line, s.col); },
                   [&](const Return& st) { compile_return(st, line, s.col); },
                   [&](const Global&) {},
                   [&](const Pass&) {},
                   [&](const Break&) { compile_break(line, s.col); },
                   [&](const Continue&) { compile_continue(line, s.col); },
                   [&](const Assert& st) { compile_assert(st, line); },
                   [&](const Delete& st) {
                     for (auto& t : st.targets) compile_delete(*t);
                   },
                   [&](const Try& st) { compile_try(st, line); },
                   [&](const Raise& st) {
                     if (st.exc) compile_expr(*st.exc);
                     emit(Op::RAISE, st.exc ? 1 : 0, line);
                   },
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

  void compile_store(const Expr& target) {
    int line = target.line;
    std::visit(Overloaded{
                   [&](const Name& n) { emit_store_name(n.id, line, target.col); },
                   [&](const Subscript& sub) {
                     compile_expr(*sub.value);
                     compile_expr(*sub.index);
                     emit(Op::STORE_SUBSCR, 0, line);
                   },
                   [&](const Attribute& a) {
                     compile_expr(*a.value);
                     emit(Op::STORE_ATTR, add_name(a.attr), line);
                   },
                   [&](const Tuple& t) { compile_unpack(t.elts, line); },
                   [&](const List& l) { compile_unpack(l.elts, line); },
                   [&](const auto&) { throw SyntaxError("cannot assign to expression", line, target.col); },
               },
               target.node);
  }

  void compile_unpack(const ExprList& elts, int line) {
    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()), line);
    for (auto& e : elts) compile_store(*e);
  }

  void compile_delete(const Expr& target) {
    int line = target.line;
    std::visit(Overloaded{
                   [&](const Name& n) { emit_delete_name(n.id, line, target.col); },
                   [&](const Subscript& sub) {
                     compile_expr(*sub.value);
                     compile_expr(*sub.index);
                     emit(Op::DELETE_SUBSCR, 0, line);
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
      emit_load_name(n->id, line, target.col);
      compile_expr(*st.value);
      emit(Op::BINARY_OP, op, line);
      emit_store_name(n->id, line, target.col);
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

  void compile_def(const FunctionDef& st, int line, int col) {
    FunctionCompiler inner(rt_, filename_, this, st.name, line);
    Value code = inner.compile_function(st.params, &st.body, nullptr);
    emit_make_function(st.params, std::move(code), line);
    emit_store_name(st.name, line, col);
  }

  void emit_make_function(const Parameters& params, Value code, int line) {
    for (auto& d : params.defaults) compile_expr(*d);
    if (!params.defaults.empty())
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(params.defaults.size()), line);
    emit(Op::LOAD_CONST, add_constant(std::move(code)), line);
    emit(Op::MAKE_FUNCTION, params.defaults.empty() ? 0 : 1, line);
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

  void compile_import(const Import& st, int line, int col) {
    for (auto& alias : st.names) {
      emit(Op::IMPORT_NAME, add_name(alias.name), line);
      emit_store_name(alias.asname.empty() ? alias.name : alias.asname, line, col);
    }
  }

  void compile_import_from(const ImportFrom& st, int line, int col) {
    emit(Op::IMPORT_NAME, add_name(st.module), line);
    for (auto& alias : st.names) {
      emit(Op::DUP_TOP, 0, line);
      emit(Op::LOAD_ATTR, add_name(alias.name), line);
      emit_store_name(alias.asname.empty() ? alias.name : alias.asname, line, col);
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
      emit_store_name(h.name, h.line, 1);
    Block b{};
    b.kind = Block::HandlerBody;
    blocks_.push_back(b);
    compile_body(h.body);
    blocks_.pop_back();
    emit(Op::POP_EXCEPT, 0, last_line_);
    if (!h.name.empty()) {
      emit(Op::LOAD_CONST, add_constant(Value::none()), last_line_);
      emit_store_name(h.name, last_line_, 1);
      emit_delete_name(h.name, last_line_, 1);
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
    emit(Op::WITH_EXIT, 0, last_line_);
    uint32_t to_end = emit_jump(Op::JUMP, last_line_);
    uint32_t handler = here();
    commit_ranges(ranges, handler, depth);
    depth_ = depth + 1;  // [ctx, exc]
    emit(Op::ROT_TWO, 0, last_line_);
    emit(Op::WITH_EXIT, 0, last_line_);
    emit(Op::RERAISE, 0, last_line_);
    depth_ = depth - 1;
    patch_here(to_end);
  }

  // ---- Expressions

  void compile_expr(const Expr& e) {
    int line = e.line;
    std::visit(Overloaded{
                   [&](const Name& n) { emit_load_name(n.id, line, e.col); },
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
                   [&](const Lambda& l) {
                     FunctionCompiler inner(rt_, filename_, this, "<lambda>", line);
                     Value code = inner.compile_function(l.params, nullptr, l.body.get());
                     emit_make_function(l.params, std::move(code), line);
                   },
                   [&](const Call& c) { compile_call(c, line); },
                   [&](const Attribute& a) {
                     compile_expr(*a.value);
                     emit(Op::LOAD_ATTR, add_name(a.attr), line);
                   },
                   [&](const Subscript& s) {
                     compile_expr(*s.value);
                     compile_expr(*s.index);
                     emit(Op::BINARY_SUBSCR, 0, line);
                   },
                   [&](const Slice& s) { compile_slice(s, line); },
                   [&](const List& l) {
                     for (auto& x : l.elts) compile_expr(*x);
                     emit(Op::BUILD_LIST, static_cast<uint32_t>(l.elts.size()), line);
                   },
                   [&](const Tuple& t) { compile_tuple(t, line); },
                   [&](const Dict& d) {
                     for (size_t i = 0; i < d.keys.size(); ++i) {
                       compile_expr(*d.keys[i]);
                       compile_expr(*d.values[i]);
                     }
                     emit(Op::BUILD_DICT, static_cast<uint32_t>(d.keys.size()), line);
                   },
                   [&](const ListComp& c) { compile_comprehension(c.target, c.iter, c.cond, &c.elt, nullptr, nullptr, line); },
                   [&](const DictComp& c) {
                     compile_comprehension(c.target, c.iter, c.cond, nullptr, &c.key, &c.value, line);
                   },
               },
               e.node);
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
    for (auto& x : t.elts) compile_expr(*x);
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(t.elts.size()), line);
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
    Op op = u.op == UnaryOp::Neg ? Op::UNARY_NEGATIVE : u.op == UnaryOp::Pos ? Op::UNARY_POSITIVE : Op::UNARY_NOT;
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

  void compile_slice(const Slice& s, int line) {
    auto part = [&](const ExprPtr& p) {
      if (p)
        compile_expr(*p);
      else
        emit(Op::LOAD_CONST, add_constant(Value::none()), line);
    };
    part(s.lower);
    part(s.upper);
    if (s.step) {
      part(s.step);
      emit(Op::BUILD_SLICE, 3, line);
    } else {
      emit(Op::BUILD_SLICE, 2, line);
    }
  }

  void collect_names(const Expr& target, std::vector<std::string>& out) {
    if (auto* n = std::get_if<Name>(&target.node)) {
      out.push_back(n->id);
    } else if (auto* t = std::get_if<Tuple>(&target.node)) {
      for (auto& x : t->elts) collect_names(*x, out);
    } else if (auto* l = std::get_if<List>(&target.node)) {
      for (auto& x : l->elts) collect_names(*x, out);
    } else {
      throw SyntaxError("cannot assign to expression in a comprehension", target.line, target.col);
    }
  }

  void compile_comprehension(const ExprPtr& target, const ExprPtr& iter, const ExprPtr& cond, const ExprPtr* elt,
                             const ExprPtr* key, const ExprPtr* value, int line) {
    emit(elt ? Op::BUILD_LIST : Op::BUILD_DICT, 0, line);
    // The iterable is evaluated in the enclosing scope, as in Python.
    compile_expr(*iter);
    emit(Op::GET_ITER, 0, line);
    std::vector<std::string> names;
    collect_names(*target, names);
    std::unordered_map<std::string, int> vars;
    for (auto& n : names) vars[n] = add_hidden_local(n);
    comprehension_vars_.push_back(std::move(vars));
    uint32_t top = here();
    uint32_t exit = emit_jump(Op::FOR_ITER, line);
    compile_store(*target);
    uint32_t skip = 0;
    if (cond) {
      compile_expr(*cond);
      skip = emit_jump(Op::POP_JUMP_IF_FALSE, line);
    }
    if (elt) {
      compile_expr(**elt);
      emit(Op::LIST_APPEND, 2, line);
    } else {
      compile_expr(**key);
      compile_expr(**value);
      emit(Op::DICT_SET, 2, line);
    }
    if (cond) code_->patch_jump(skip, top);
    emit(Op::JUMP_BACKWARD, top, line);
    patch_here(exit);
    depth_ -= 1;
    comprehension_vars_.pop_back();
  }

  Runtime& rt_;
  const std::string& filename_;
  FunctionCompiler* enclosing_;
  ObjCode* code_;
  Value code_value_;
  std::unordered_map<std::string, int> locals_;
  std::set<std::string> globals_;
  std::vector<std::string> param_names_;
  std::vector<std::unordered_map<std::string, int>> comprehension_vars_;
  std::unordered_map<std::string, uint32_t> constant_index_;
  std::vector<Block> blocks_;
  int return_slot_ = -1;
  int depth_ = 0;
  int max_depth_ = 0;
  int last_line_ = 1;
};

}  // namespace

Value compile_module(Runtime& rt, const ast::Module& module, const std::string& filename) {
  FunctionCompiler compiler(rt, filename, nullptr, "<module>", 1);
  return compiler.compile_module(module);
}

}  // namespace gil
