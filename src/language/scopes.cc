// Scope analysis (scopes.h). Two passes, as in CPython's symtable.c:
//   1. ScopeBuilder walks the tree in source order, opens a Scope for each
//      function, lambda and comprehension, and records per name whether it
//      is a parameter, bound, read, or declared global/nonlocal. The errors
//      that depend on order ("used prior to global declaration") come here.
//   2. analyze() walks the scopes top-down with the names the enclosing
//      functions bind, resolves every name, and bottom-up turns the locals
//      that nested functions capture into cells.
#include "gil/language/scopes.h"

#include <algorithm>
#include <initializer_list>
#include <set>

namespace gil::scopes {

Binding Scope::binding_of(const std::string& name) const {
  auto it = symbols.find(name);
  if (it != symbols.end()) return it->second.binding;
  return kind == ScopeKind::Comprehension ? Binding::Enclosing : Binding::GlobalImplicit;
}

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

using NameSet = std::set<std::string>;

[[noreturn]] void fail(const std::string& message, int line, int col) { throw SyntaxError(message, line, col); }

}  // namespace

// ---- Pass 1: collecting the names of each scope -------------------------------

class ScopeBuilder {
 public:
  explicit ScopeBuilder(SymbolTable& table) : table_(table) {}

  void build(const ast::Module& module) {
    table_.root_ = std::make_unique<Scope>();
    table_.root_->kind = ScopeKind::Module;
    table_.root_->name = "<module>";
    current_ = table_.root_.get();
    visit_body(module.body);
  }

 private:
  Symbol& symbol(const std::string& name) { return current_->symbols[name]; }
  void use(const std::string& name) { symbol(name).used = true; }
  void bind(const std::string& name) { symbol(name).assigned = true; }

  // Opens a scope for [node] nested in the current one; returns the previous.
  Scope* open(const void* node, ScopeKind kind, const std::string& name) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->name = name;
    scope->parent = current_;
    if (current_->kind == ScopeKind::Module)
      scope->qualname = name;
    else if (current_->kind == ScopeKind::Function)
      scope->qualname = current_->qualname + ".<locals>." + name;
    else  // comprehension or class
      scope->qualname = current_->qualname + "." + name;
    Scope* previous = current_;
    current_ = scope.get();
    table_.by_node_[node] = scope.get();
    previous->children.push_back(std::move(scope));
    return previous;
  }

  void visit_body(const ast::Body& body) {
    for (auto& s : body) visit_stmt(*s);
  }

  void visit_exprs(const ast::ExprList& exprs) {
    for (auto& e : exprs)
      if (e) visit_expr(*e);
  }

  void visit_stmt(const ast::Stmt& stmt) {
    std::visit(Overloaded{
                   [&](const ast::ExprStmt& s) { visit_expr(*s.value); },
                   [&](const ast::Assign& s) {
                     for (auto& t : s.targets) visit_target(*t);
                     visit_expr(*s.value);
                   },
                   [&](const ast::AugAssign& s) {
                     visit_target(*s.target);
                     visit_expr(*s.value);
                   },
                   [&](const ast::AnnAssign& s) { visit_annotated_assignment(s); },
                   [&](const ast::If& s) {
                     visit_expr(*s.test);
                     visit_body(s.body);
                     visit_body(s.orelse);
                   },
                   [&](const ast::While& s) {
                     visit_expr(*s.test);
                     visit_body(s.body);
                     visit_body(s.orelse);
                   },
                   [&](const ast::For& s) {
                     visit_target(*s.target);
                     visit_expr(*s.iter);
                     visit_body(s.body);
                     visit_body(s.orelse);
                   },
                   [&](const ast::FunctionDef& s) { visit_def(s); },
                   [&](const ast::ClassDef& s) { visit_class(s); },
                   [&](const ast::Return& s) {
                     if (s.value) visit_expr(*s.value);
                   },
                   [&](const ast::Global& s) { declare_global(s.names, stmt.line, stmt.col); },
                   [&](const ast::Nonlocal& s) { declare_nonlocal(s.names, stmt.line, stmt.col); },
                   [&](const ast::Assert& s) {
                     visit_expr(*s.test);
                     if (s.msg) visit_expr(*s.msg);
                   },
                   [&](const ast::Delete& s) {
                     for (auto& t : s.targets) visit_target(*t);
                   },
                   [&](const ast::Try& s) {
                     visit_body(s.body);
                     for (auto& h : s.handlers) {
                       if (h.type) visit_expr(*h.type);
                       if (!h.name.empty()) bind(h.name);
                       visit_body(h.body);
                     }
                     visit_body(s.orelse);
                     visit_body(s.finalbody);
                   },
                   [&](const ast::Raise& s) {
                     if (s.exc) visit_expr(*s.exc);
                     if (s.cause) visit_expr(*s.cause);
                   },
                   [&](const ast::Import& s) {
                     // `import a.b.c` binds a.
                     for (auto& a : s.names) bind(a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname);
                   },
                   [&](const ast::ImportFrom& s) {
                     for (auto& a : s.names)
                       if (a.name != "*") bind(a.asname.empty() ? a.name : a.asname);
                   },
                   [&](const ast::With& s) {
                     for (auto& item : s.items) {
                       visit_expr(*item.context);
                       if (item.target) visit_target(*item.target);
                     }
                     visit_body(s.body);
                   },
                   [&](const auto&) {},  // pass, break, continue
               },
               stmt.node);
  }

  // `global` and `nonlocal` must come before any use of the name in the
  // scope; CPython checks this while walking, so the message names the
  // first conflicting use.
  void check_declaration(const std::string& name, const char* what, int line, int col) {
    auto it = current_->symbols.find(name);
    if (it == current_->symbols.end()) return;
    const Symbol& s = it->second;
    std::string kind = what;
    if (s.param) fail("name '" + name + "' is parameter and " + kind, line, col);
    if (s.used) fail("name '" + name + "' is used prior to " + kind + " declaration", line, col);
    if (s.assigned) fail("name '" + name + "' is assigned to before " + kind + " declaration", line, col);
  }

  void declare_global(const std::vector<std::string>& names, int line, int col) {
    for (auto& name : names) {
      check_declaration(name, "global", line, col);
      Symbol& s = symbol(name);
      s.declared_global = true;
      if (!s.decl_line) {  // CPython reports the first declaration
        s.decl_line = line;
        s.decl_col = col;
      }
    }
  }

  void declare_nonlocal(const std::vector<std::string>& names, int line, int col) {
    if (current_->kind == ScopeKind::Module) fail("nonlocal declaration not allowed at module level", line, col);
    for (auto& name : names) {
      check_declaration(name, "nonlocal", line, col);
      Symbol& s = symbol(name);
      s.declared_nonlocal = true;
      if (!s.decl_line) {  // CPython reports the first declaration
        s.decl_line = line;
        s.decl_col = col;
      }
    }
  }

  // `x: T = v`: the name is bound (a bare one even without a value, which
  // makes it local to a function); the annotation is read only where it is
  // evaluated, outside functions; a module or class records it in
  // __annotations__.
  void visit_annotated_assignment(const ast::AnnAssign& s) {
    if (s.value) visit_expr(*s.value);
    if (s.value || !std::holds_alternative<ast::Name>(s.target->node))
      visit_target(*s.target);
    else
      bind(std::get<ast::Name>(s.target->node).id);
    if (current_->kind == ScopeKind::Function) return;
    visit_expr(*s.annotation);
    if (s.simple) bind("__annotations__");
  }

  // `(name := value)`: in a comprehension or generator expression the name
  // belongs to the first enclosing scope that is neither (PEP 572); the
  // generator expressions in between reach it as a nonlocal (or global).
  void visit_named_expression(const ast::NamedExpr& n, int line, int col) {
    visit_expr(*n.value);
    auto is_comprehension = [](const Scope* s) {
      return s->kind == ScopeKind::Comprehension || (s->kind == ScopeKind::Function && s->name == "<genexpr>");
    };
    Scope* owner = current_;
    while (is_comprehension(owner)) owner = owner->parent;
    if (owner == current_) {
      bind(n.target);
      return;
    }
    if (owner->kind == ScopeKind::Class)
      fail("assignment expression within a comprehension cannot be used in a class body", line, col);
    owner->symbols[n.target].assigned = true;
    for (Scope* s = current_; s != owner; s = s->parent) {
      if (s->kind == ScopeKind::Comprehension) continue;
      Symbol& sym = s->symbols[n.target];
      (owner->kind == ScopeKind::Module ? sym.declared_global : sym.declared_nonlocal) = true;
      sym.decl_line = line;
      sym.decl_col = col;
    }
  }

  // Decorators, defaults and annotations belong to the enclosing scope; the
  // name is bound there; the parameters and body to the new scope.
  void visit_def(const ast::FunctionDef& def) {
    visit_exprs(def.decorators);
    visit_defaults(def.params);
    for (auto& [name, annotation] : def.params.annotations) visit_expr(*annotation);
    if (def.returns) visit_expr(*def.returns);
    bind(def.name);
    Scope* previous = open(&def, ScopeKind::Function, def.name);
    bind_params(def.params);
    visit_body(def.body);
    current_ = previous;
  }

  // A class's decorators and bases belong to the enclosing scope; its body
  // is a scope whose names its methods do not see.
  void visit_class(const ast::ClassDef& cls) {
    visit_exprs(cls.decorators);
    visit_exprs(cls.bases);
    bind(cls.name);
    Scope* previous = open(&cls, ScopeKind::Class, cls.name);
    bind("__module__");
    bind("__qualname__");
    visit_body(cls.body);
    current_ = previous;
  }

  void visit_lambda(const ast::Lambda& lambda) {
    visit_defaults(lambda.params);
    Scope* previous = open(&lambda, ScopeKind::Function, "<lambda>");
    bind_params(lambda.params);
    visit_expr(*lambda.body);
    current_ = previous;
  }

  void visit_defaults(const ast::Parameters& params) {
    visit_exprs(params.defaults);
    visit_exprs(params.kw_defaults);
  }

  void bind_params(const ast::Parameters& params) {
    for (auto& name : params.all_names()) symbol(name).param = true;
  }

  // The first iterable is evaluated in the enclosing scope; the targets, the
  // other iterables, the conditions and the element in the comprehension's.
  void visit_comprehension(const void* node, const char* name, const ast::Generators& generators,
                           std::initializer_list<const ast::Expr*> elements) {
    visit_expr(*generators.front().iter);
    Scope* previous = open(node, ScopeKind::Comprehension, name);
    for (size_t i = 0; i < generators.size(); ++i) {
      const ast::Comprehension& g = generators[i];
      visit_target(*g.target);
      if (i > 0) visit_expr(*g.iter);
      visit_exprs(g.ifs);
    }
    for (const ast::Expr* e : elements) visit_expr(*e);
    current_ = previous;
  }

  // A generator expression is a generator function, as in CPython: its
  // names do not leak and a class body's names are not visible in it; its
  // one parameter, ".0", is the first iterable's iterator, which the
  // enclosing scope evaluates.
  void visit_generator_expression(const ast::GeneratorExp& g) {
    visit_expr(*g.generators.front().iter);
    Scope* previous = open(&g, ScopeKind::Function, "<genexpr>");
    current_->is_generator = true;
    symbol(".0").param = true;
    for (size_t i = 0; i < g.generators.size(); ++i) {
      const ast::Comprehension& c = g.generators[i];
      visit_target(*c.target);
      if (i > 0) visit_expr(*c.iter);
      visit_exprs(c.ifs);
    }
    visit_expr(*g.elt);
    current_ = previous;
  }

  void visit_target(const ast::Expr& target) {
    std::visit(Overloaded{
                   [&](const ast::Name& n) { bind(n.id); },
                   [&](const ast::Tuple& t) {
                     for (auto& e : t.elts) visit_target(*e);
                   },
                   [&](const ast::List& l) {
                     for (auto& e : l.elts) visit_target(*e);
                   },
                   [&](const ast::Starred& s) { visit_target(*s.value); },
                   [&](const auto&) { visit_expr(target); },  // attribute, subscript: reads
               },
               target.node);
  }

  void visit_expr(const ast::Expr& expr) {
    std::visit(Overloaded{
                   [&](const ast::Name& n) {
                     // Hook for classes: a `super` or `__class__` read in a
                     // method must also use "__class__", so that the class
                     // scope provides the implicit cell (needs_class_cell).
                     use(n.id);
                   },
                   [&](const ast::Constant&) {},
                   [&](const ast::JoinedStr& j) { visit_exprs(j.parts); },
                   [&](const ast::FormattedValue& f) { visit_expr(*f.value); },
                   [&](const ast::BinOp& b) {
                     visit_expr(*b.left);
                     visit_expr(*b.right);
                   },
                   [&](const ast::UnaryOpExpr& u) { visit_expr(*u.operand); },
                   [&](const ast::BoolOp& b) { visit_exprs(b.values); },
                   [&](const ast::Compare& c) {
                     visit_expr(*c.left);
                     visit_exprs(c.comparators);
                   },
                   [&](const ast::IfExp& i) {
                     visit_expr(*i.test);
                     visit_expr(*i.body);
                     visit_expr(*i.orelse);
                   },
                   [&](const ast::Lambda& l) { visit_lambda(l); },
                   [&](const ast::Call& c) {
                     visit_expr(*c.func);
                     visit_exprs(c.args);
                     for (auto& k : c.keywords) visit_expr(*k.value);
                   },
                   [&](const ast::Attribute& a) { visit_expr(*a.value); },
                   [&](const ast::Subscript& s) {
                     visit_expr(*s.value);
                     visit_expr(*s.index);
                   },
                   [&](const ast::Slice& s) {
                     if (s.lower) visit_expr(*s.lower);
                     if (s.upper) visit_expr(*s.upper);
                     if (s.step) visit_expr(*s.step);
                   },
                   [&](const ast::List& l) { visit_exprs(l.elts); },
                   [&](const ast::Tuple& t) { visit_exprs(t.elts); },
                   [&](const ast::Set& s) { visit_exprs(s.elts); },
                   [&](const ast::Dict& d) {
                     visit_exprs(d.keys);
                     visit_exprs(d.values);
                   },
                   [&](const ast::Starred& s) { visit_expr(*s.value); },
                   [&](const ast::ListComp& c) { visit_comprehension(&c, "<listcomp>", c.generators, {c.elt.get()}); },
                   [&](const ast::SetComp& c) { visit_comprehension(&c, "<setcomp>", c.generators, {c.elt.get()}); },
                   [&](const ast::DictComp& c) {
                     visit_comprehension(&c, "<dictcomp>", c.generators, {c.key.get(), c.value.get()});
                   },
                   [&](const ast::GeneratorExp& g) { visit_generator_expression(g); },
                   [&](const ast::Yield& y) {
                     current_->is_generator = true;
                     if (y.value) visit_expr(*y.value);
                   },
                   [&](const ast::YieldFrom& y) {
                     current_->is_generator = true;
                     visit_expr(*y.value);
                   },
                   [&](const ast::NamedExpr& n) { visit_named_expression(n, expr.line, expr.col); },
               },
               expr.node);
  }

  SymbolTable& table_;
  Scope* current_ = nullptr;
};

// ---- Pass 2: resolving names ----------------------------------------------------

namespace {

// A comprehension is compiled inline, so the names it reads without binding
// are read by the enclosing scope: they count as uses there (for nested
// comprehensions, as far out as the first scope that is not one).
void merge_comprehension_reads(Scope& scope) {
  for (auto& child : scope.children) {
    if (child->kind != ScopeKind::Comprehension) continue;
    merge_comprehension_reads(*child);
    for (auto& [name, sym] : child->symbols)
      if (!sym.is_bound_here()) scope.symbols[name].used = true;
  }
}

// Resolves the scope's own names; returns the locals (which nested functions
// may see) and adds the free variables to [free].
NameSet resolve_own(Scope& scope, const NameSet& bound, NameSet& free) {
  NameSet locals;
  for (auto& [name, sym] : scope.symbols) {
    if (sym.declared_global) {
      if (sym.declared_nonlocal) fail("name '" + name + "' is nonlocal and global", sym.decl_line, sym.decl_col);
      sym.binding = Binding::GlobalExplicit;
    } else if (sym.declared_nonlocal) {
      if (!bound.count(name)) fail("no binding for nonlocal '" + name + "' found", sym.decl_line, sym.decl_col);
      sym.binding = Binding::Free;
      free.insert(name);
    } else if (sym.is_bound_here()) {
      sym.binding = scope.kind == ScopeKind::Module ? Binding::GlobalImplicit : Binding::Local;
      if (scope.kind != ScopeKind::Module) locals.insert(name);
    } else if (scope.kind == ScopeKind::Comprehension) {
      sym.binding = Binding::Enclosing;
    } else if (scope.kind != ScopeKind::Module && bound.count(name)) {
      sym.binding = Binding::Free;
      free.insert(name);
    } else {
      sym.binding = Binding::GlobalImplicit;
    }
  }
  return locals;
}

// The function bindings that scopes nested in [scope] can see.
NameSet bound_for_children(const Scope& scope, const NameSet& bound, const NameSet& locals) {
  NameSet out;
  // Module names are globals, not bindings a closure captures. A class body's
  // names are invisible to its methods (they pass the outer bindings on).
  if (scope.kind != ScopeKind::Module) out = bound;
  if (scope.is_function_like()) out.insert(locals.begin(), locals.end());
  for (auto& [name, sym] : scope.symbols)
    if (sym.declared_global) out.erase(name);
  return out;
}

// A name a nested function needs from outside it: a local here becomes a
// cell; anything else passes through this scope as a free variable.
void capture(Scope& scope, const std::string& name, NameSet& free) {
  if (scope.kind == ScopeKind::Class && name == "__class__") {
    scope.needs_class_cell = true;  // hook: the class body makes this cell
    return;
  }
  auto it = scope.symbols.find(name);
  bool local = it != scope.symbols.end() && (it->second.binding == Binding::Local || it->second.binding == Binding::Cell);
  if (local && scope.kind != ScopeKind::Class) {
    it->second.binding = Binding::Cell;
    return;
  }
  // Free here too, so that this scope's closure carries the cell inward. A
  // comprehension keeps resolving it through its enclosing scope.
  Symbol& sym = scope.symbols[name];
  if (scope.kind != ScopeKind::Comprehension && !local) sym.binding = Binding::Free;
  if (scope.kind == ScopeKind::Comprehension) sym.binding = Binding::Enclosing;
  free.insert(name);
}

NameSet analyze(Scope& scope, const NameSet& bound) {
  if (scope.kind != ScopeKind::Comprehension) merge_comprehension_reads(scope);
  NameSet free;
  NameSet locals = resolve_own(scope, bound, free);
  NameSet child_bound = bound_for_children(scope, bound, locals);
  for (auto& child : scope.children)
    for (const std::string& name : analyze(*child, child_bound)) capture(scope, name, free);
  for (auto& [name, sym] : scope.symbols) {
    if (sym.binding == Binding::Cell) scope.cellvars.push_back(name);
    if (sym.binding == Binding::Free) scope.freevars.push_back(name);
  }
  return free;
}

}  // namespace

SymbolTable SymbolTable::build(const ast::Module& module) {
  SymbolTable table;
  ScopeBuilder(table).build(module);
  analyze(*table.root_, {});
  return table;
}

}  // namespace gil::scopes
