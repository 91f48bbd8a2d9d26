#include "gil/runtime/runtime.h"


#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/utf8.h"

namespace gil {

InternTable::~InternTable() {
  for (auto& [text, s] : table_) delete s;
}

ObjStr* InternTable::intern(std::string_view text) {
  auto it = table_.find(text);
  if (it != table_.end()) return it->second;
  auto* s = new ObjStr(std::string(text));
  make_immortal(s);
  s->interned = true;
  table_.emplace(std::string_view(s->text), s);
  return s;
}

Runtime::Runtime(RuntimeConfig cfg) : config(std::move(cfg)) {
  empty_str = Value::borrow(intern(""));
  empty_tuple = make_tuple(*this);
  make_immortal(empty_tuple.as_obj());
  // The Latin-1 characters, one code point each (UTF-8: two bytes from 0x80).
  for (int c = 0; c < 256; ++c) {
    std::string ch;
    utf8::append(ch, static_cast<char32_t>(c));
    single_chars[c] = Value::borrow(intern(ch));
  }
  name_enter = intern("__enter__");
  name_new = intern("__new__");
  name_init = intern("__init__");
  name_class = intern("__class__");
  name_exit = intern("__exit__");
  name_module = intern("__name__");
  gil = std::make_unique<Gil>(eval_breaker, config.gil);
  objects.runtime = this;
  objects.eval_breaker = &eval_breaker;
  install_types(*this);
  install_builtin_functions(*this);
  install_attribute_builtins(*this);
  install_str_methods(*this);
  install_bytes_methods(*this);
  install_builtin_modules(*this);
  install_container_methods(*this);
  // Last: the wrappers fill only the dunders no installer defined.
  install_slot_wrappers(*this);
  for (const RuntimeExtension& e : config.extensions)
    if (e.install) e.install(*this);
}

Runtime::~Runtime() {
  // Daemon threads may still run: they must finish before anything they use
  // goes away.
  for (const RuntimeExtension& e : config.extensions)
    if (e.at_destroy) e.at_destroy(*this);
  // Globals and modules may refer to each other; drop them before the types
  // and interned strings they point to.
  globals.values.clear();
  globals.builtins.clear();
  for (auto& table : module_globals) {
    table->values.clear();
    table->builtins.clear();
  }
  modules = Value();
  builtins.clear();
  threading.reset();
  // Children still running are killed and reaped; queues flush what this
  // process put.
  multiprocessing.reset();
  not_implemented = Value();
  ellipsis = Value();
  empty_tuple = Value();
  collector.garbage = Value();
  collector.callbacks = Value();
  // What is still registered is a cycle or a leak: clear it all, which frees
  // the cycles (gc.h). Type namespaces are among them.
  objects.clear_all(types);
  // Types refer to each other through their namespaces: empty them all
  // before freeing any.
  for (ObjType* t : owned_types) dict_clear(as<ObjDict>(t->dict));
  for (ObjType* t : owned_types) delete t;
}

void Runtime::run_at_exit(ThreadState& ts, bool abnormal) {
  for (const RuntimeExtension& e : config.extensions)
    if (e.at_exit) e.at_exit(ts, abnormal);
}

uint32_t Runtime::global_slot(GlobalTable& table, ObjStr* name) {
  auto it = table.slots.find(name);
  if (it != table.slots.end()) return it->second;
  auto slot = static_cast<uint32_t>(table.values.size());
  table.slots.emplace(name, slot);
  table.names.push_back(name);
  table.values.emplace_back();
  auto b = builtins.find(name);
  table.builtins.push_back(b == builtins.end() ? Value() : b->second);
  return slot;
}

GlobalTable* Runtime::new_global_table() {
  module_globals.push_back(std::make_unique<GlobalTable>());
  return module_globals.back().get();
}

ObjStr* Runtime::remember_literal(const char* literal) {
  if ((literal_names_used + 1) * 2 > literal_names.size()) {
    std::vector<LiteralName> old(literal_names.size() * 2, LiteralName{nullptr, nullptr});
    old.swap(literal_names);
    size_t mask = literal_names.size() - 1;
    for (const LiteralName& e : old) {
      if (!e.literal) continue;
      size_t i = literal_slot(e.literal, mask);
      while (literal_names[i].literal) i = (i + 1) & mask;
      literal_names[i] = e;
    }
  }
  ObjStr* interned = intern(literal);
  size_t mask = literal_names.size() - 1;
  size_t i = literal_slot(literal, mask);
  while (literal_names[i].literal) i = (i + 1) & mask;
  literal_names[i] = {literal, interned};
  ++literal_names_used;
  return interned;
}

void Runtime::define_builtin(std::string_view name, Value value) {
  ObjStr* key = intern(name);
  builtins[key] = value;
  auto it = globals.slots.find(key);
  if (it != globals.slots.end()) globals.builtins[it->second] = value;
  for (auto& table : module_globals)
    if (auto m = table->slots.find(key); m != table->slots.end()) table->builtins[m->second] = value;
}

void ThreadState::UnmapStack::operator()(Value* v) const { unmap_lazy(v, bytes); }

ThreadState::ThreadState(Runtime& runtime, size_t stack_slots)
    : GilThread(*runtime.gil),
      rt(runtime),
      stack(static_cast<Value*>(map_lazy_zeroed(stack_slots * sizeof(Value))), UnmapStack{stack_slots * sizeof(Value)}),
      stack_end(stack.get() + stack_slots) {
  static_assert(static_cast<int>(Tag::Empty) == 0, "a zeroed Value must be Empty");
  // Native frames (a call from C++ into Python) may add a few past the
  // limit before the check stops them.
  frames.reserve(RuntimeConfig::kMaxRecursionLimit + 64);
}

}  // namespace gil

