// `code`, after CPython's Objects/codeobject.c: what a generator's gi_code
// gives. A code object (ObjCode, chunk.h) is the compiler's output, immutable
// once made; programs see its repr and the attributes that name it. The
// bytecode itself is MiniPy's own, so co_code and the tables stay hidden.
#include <string>

#include "gil/runtime/builtins.h"
#include "gil/runtime/chunk.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

ObjCode* code_of(const Value& self) { return static_cast<ObjCode*>(self.as_obj()); }

Value code_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  ObjCode* code = code_of(self);
  if (name->text == "co_name") return make_str(code->name);
  if (name->text == "co_qualname") return make_str(code->qualname);
  if (name->text == "co_filename") return make_str(code->filename);
  if (name->text == "co_firstlineno") return Value::integer(code->first_line);
  return Value();
}

// The attributes are members in CPython, whose error for a store is terse.
void code_setattr(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  if (!code_attribute(ts, self, name).is_empty()) raise(ts, ts.rt.types.AttributeError, "readonly attribute");
  builtin_setattr(ts, self, name, value);
}

// <code object f at 0x..., file "prog.py", line 3>, as CPython prints it.
void code_repr(ThreadState& ts, const Value& self, std::string& out) {
  ObjCode* code = code_of(self);
  out += "<code object " + code->name + " at " + address_of(code) + ", file \"" + code->filename + "\", line " +
         std::to_string(code->first_line) + ">";
}

}  // namespace

void init_code_type(Runtime& rt) {
  ObjType* t = rt.types.code;
  t->tp_repr = code_repr;
  t->tp_hash = address_hash_slot;
  t->tp_richcompare = identity_richcompare;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = code_setattr;
  t->get_attribute = code_attribute;
  t->is_final = true;
}

}  // namespace gil
