#include "gil/runtime/object.h"

#include "gil/runtime/chunk.h"
#include "gil/runtime/runtime.h"

namespace gil {

// Strings and bytes hold no references: they are allocated without a
// registry (gc.h).
Value make_str(std::string s) { return Value::adopt(new ObjStr(std::move(s))); }

Value make_bytes(std::string data) { return Value::adopt(new ObjBytes(std::move(data))); }

Value make_list(Runtime& rt, std::vector<Value> items) {
  Value l = make<ObjList>(rt);
  as<ObjList>(l)->items = std::move(items);
  return l;
}

Value make_tuple(Runtime& rt, std::vector<Value> items) {
  Value t = make<ObjTuple>(rt);
  as<ObjTuple>(t)->items = std::move(items);
  return t;
}

Value make_list(ThreadState& ts, std::vector<Value> items) { return make_list(ts.rt, std::move(items)); }

Value make_tuple(ThreadState& ts, std::vector<Value> items) { return make_tuple(ts.rt, std::move(items)); }

// In unsigned arithmetic, where stop - start and -step cannot overflow.
uint64_t ObjRange::length() const {
  auto u = [](int64_t v) { return static_cast<uint64_t>(v); };
  if (step > 0 && start < stop) return (u(stop) - u(start) - 1) / u(step) + 1;
  if (step < 0 && start > stop) return (u(start) - u(stop) - 1) / (0 - u(step)) + 1;
  return 0;
}

ObjCode* ObjFunction::code_obj() const { return static_cast<ObjCode*>(code.as_obj()); }

const std::string& ObjFunction::name_text() const {
  return name.is_empty() ? code_obj()->name : static_cast<ObjStr*>(name.as_obj())->text;
}

const std::string& ObjFunction::qualname_text() const {
  return qualname.is_empty() ? code_obj()->qualname : static_cast<ObjStr*>(qualname.as_obj())->text;
}

const Value* ObjModule::find(ObjStr* attr) const {
  if (globals) return globals->find(attr);
  for (auto& [n, v] : attrs)
    if (n == attr) return &v;
  return nullptr;
}

}  // namespace gil
