// `module`, after CPython's Objects/moduleobject.c.
//
// A module (ObjModule) is its name and its attributes: a short vector of
// (interned name, value) pairs for a module made in C++ (read far more often
// than written, and few), or the GlobalTable its code runs in for a module
// written in Python, so that its functions' LOAD_GLOBAL and `module.name`
// read the same slot. Attribute lookup reads those alone (a module's type
// contributes no methods); get_attr (ops.cc) words the AttributeError for a
// missing one. A module compares and hashes by identity.
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

ObjModule* as_module(const Value& v) { return static_cast<ObjModule*>(v.as_obj()); }

void module_repr(ThreadState& ts, const Value& self, std::string& out) {
  ObjModule* m = as_module(self);
  if (!m->file.empty())
    out += "<module '" + m->name + "' from '" + m->file + "'>";
  else if (m->globals)
    out += "<module '" + m->name + "' (frozen)>";
  else
    out += "<module '" + m->name + "' (built-in)>";
}

Value module_getattro(ThreadState& ts, const Value& self, ObjStr* name) {
  if (const Value* v = as_module(self)->find(name)) return *v;
  return Value();
}

// `module.name = value` rebinds the module's global (CPython's module
// __dict__); `del module.name` unbinds it.
void module_setattro(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  ObjModule* m = as_module(self);
  if (!m->globals) {
    for (auto& [n, v] : m->attrs)
      if (n == name) {
        if (value.is_empty()) {
          Value dead = std::move(v);  // released once attrs is consistent
          std::erase_if(m->attrs, [&](const auto& p) { return p.first == name; });
          return;
        }
        v = value;
        return;
      }
    if (value.is_empty())
      raise(ts, ts.rt.types.AttributeError, "module '" + m->name + "' has no attribute '" + name->text + "'");
    m->attrs.emplace_back(name, value);
    return;
  }
  Value& slot = m->globals->values[ts.rt.global_slot(*m->globals, name)];
  if (value.is_empty() && slot.is_empty())
    raise(ts, ts.rt.types.AttributeError, "module '" + m->name + "' has no attribute '" + name->text + "'");
  slot = value;
}

// ---- Collection (gc.h) ------------------------------------------------------------

void module_traverse(Obj* self, VisitFn visit, void* arg) {
  for (const auto& [name, v] : static_cast<ObjModule*>(self)->attrs) visit_one(v, visit, arg);
}
void module_clear(Obj* self) { clear_all(static_cast<ObjModule*>(self)->attrs); }

}  // namespace

void init_module_type(Runtime& rt) {
  ObjType* t = rt.types.module;
  t->tp_traverse = module_traverse;
  t->tp_clear = module_clear;
  t->tp_repr = module_repr;
  t->tp_hash = address_hash_slot;
  t->tp_richcompare = identity_richcompare;
  t->tp_getattro = module_getattro;
  t->tp_setattro = module_setattro;
}

}  // namespace gil
