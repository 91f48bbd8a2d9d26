// `module`, after CPython's Objects/moduleobject.c.
//
// A module (ObjModule) is its name and its attributes, a short vector of
// (interned name, value) pairs: module attributes are read far more often
// than written, and a module has few. Attribute lookup reads that vector
// alone (a module's type contributes no methods); get_attr (ops.cc) words
// the AttributeError for a missing one. Assignment replaces or appends. A module compares and hashes by
// identity.
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
  out += "<module '" + as_module(self)->name + "' (built-in)>";
}

Value module_getattro(ThreadState& ts, const Value& self, ObjStr* name) {
  if (const Value* v = as_module(self)->find(name)) return *v;
  return Value();
}

// `module.name = value` (threading.excepthook = hook) replaces or adds the
// attribute; an empty [value] deletes it.
void module_setattro(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  auto& attrs = as_module(self)->attrs;
  for (auto it = attrs.begin(); it != attrs.end(); ++it) {
    if (it->first != name) continue;
    if (value.is_empty()) {
      Value old = std::move(it->second);
      attrs.erase(it);
    } else {
      Value old = std::move(it->second);
      it->second = value;
    }
    return;
  }
  if (value.is_empty()) raise(ts, ts.rt.types.AttributeError, "module '" + as_module(self)->name + "' has no attribute '" + name->text + "'");
  attrs.emplace_back(name, value);
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
