// `cell`, after CPython's Objects/cellobject.c.
//
// A cell (ObjCell) holds one variable shared between a function and the
// functions nested in it; LOAD_DEREF and STORE_DEREF (vm.cc) read and write
// its value inline. A cell compares and hashes by identity; its one
// attribute is cell_contents.
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

// c.cell_contents; ValueError while the variable is unbound.
Value cell_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  if (name->text != "cell_contents") return Value();
  const Value& v = static_cast<ObjCell*>(self.as_obj())->value;
  if (v.is_empty()) raise(ts, ts.rt.types.ValueError, "Cell is empty");
  return v;
}

void cell_traverse(Obj* self, VisitFn visit, void* arg) { visit_one(static_cast<ObjCell*>(self)->value, visit, arg); }
void cell_clear(Obj* self) { clear_one(static_cast<ObjCell*>(self)->value); }

}  // namespace

void init_cell_type(Runtime& rt) {
  ObjType* t = rt.types.cell;
  t->tp_traverse = cell_traverse;
  t->tp_clear = cell_clear;
  t->tp_repr = address_repr;
  t->tp_hash = address_hash_slot;
  t->tp_richcompare = identity_richcompare;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->get_attribute = cell_attribute;
  t->is_final = true;
}

}  // namespace gil
