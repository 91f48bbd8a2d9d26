#include "gil/runtime/object.h"

#include "gil/runtime/chunk.h"

namespace gil {

Value make_str(std::string s) { return make<ObjStr>(std::move(s)); }

Value make_bytes(std::string data) { return make<ObjBytes>(std::move(data)); }

Value make_list(std::vector<Value> items) {
  auto* l = new ObjList();
  l->items = std::move(items);
  return Value::adopt(l);
}

Value make_tuple(std::vector<Value> items) {
  auto* t = new ObjTuple();
  t->items = std::move(items);
  return Value::adopt(t);
}

int64_t ObjRange::length() const {
  if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
  if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
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
  for (auto& [n, v] : attrs)
    if (n == attr) return &v;
  return nullptr;
}

}  // namespace gil
