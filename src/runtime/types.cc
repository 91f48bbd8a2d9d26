// The built-in types, their constructors, and the exception hierarchy.
#include <algorithm>
#include <cmath>

#include "gil/runtime/builtins.h"
#include "gil/runtime/bytes.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/format.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/set.h"
#include "gil/runtime/type.h"

#include "builtin_slots.h"
#include "builtin_types.h"

namespace gil {

// slice(stop), slice(start, stop[, step]).
Value construct_slice(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "slice", kwnames);
  if (argc == 0) raise(ts, ts.rt.types.TypeError, "slice expected at least 1 argument, got 0");
  if (argc > 3) raise(ts, ts.rt.types.TypeError, "slice expected at most 3 arguments, got " + std::to_string(argc));
  if (argc == 1) return make<ObjSlice>(ts, Value::none(), args[0], Value::none());
  return make<ObjSlice>(ts, args[0], args[1], argc == 3 ? args[2] : Value::none());
}

namespace {

// The slots of the first rounds' built-in types (builtin_slots.h).
void give_builtin_slots(ObjType* t) {
  t->tp_repr = builtin_repr;
  t->tp_str = builtin_str;
  t->tp_richcompare = builtin_richcompare;
  t->tp_hash = builtin_hash;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
}

// BaseException(args): the exception, with the type being made (a class
// deriving from an exception gets its own type).
Value exception_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  if (!type->is_heap_type) check_no_keywords(ts, type->name, kwnames);
  auto* e = new_object<ObjException>(ts, type);
  e->args = make_tuple(ts, std::vector<Value>(args, args + argc));
  return Value::adopt(e);
}

void exception_init(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  as<ObjException>(self)->args = make_tuple(ts, std::vector<Value>(args, args + argc));
}

Value exception_init_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc < 1 || !is_kind(args[0], ObjKind::Exception))
    raise(ts, ts.rt.types.TypeError, "descriptor '__init__' requires a 'BaseException' object");
  as<ObjException>(args[0])->args = make_tuple(ts, std::vector<Value>(args + 1, args + argc));
  return Value::none();
}

Value exception_str_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__str__", argc, 1, 1);
  std::string out;
  builtin_str(ts, args[0], out);
  return make_str(std::move(out));
}

Value exception_repr_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__repr__", argc, 1, 1);
  std::string out;
  builtin_repr(ts, args[0], out);
  return make_str(std::move(out));
}

}  // namespace

void install_types(Runtime& rt) {
  BuiltinTypes& t = rt.types;
  t.object = new_type(rt, "object", nullptr);
  t.type = new_type(rt, "type", t.object);
  t.none = new_type(rt, "NoneType", t.object);
  t.int_ = new_type(rt, "int", t.object);
  t.bool_ = new_type(rt, "bool", t.int_);
  t.float_ = new_type(rt, "float", t.object);
  t.str = new_type(rt, "str", t.object);
  t.bytes = new_type(rt, "bytes", t.object, construct_bytes);
  t.list = new_type(rt, "list", t.object);
  t.tuple = new_type(rt, "tuple", t.object);
  t.dict = new_type(rt, "dict", t.object);
  t.dict_keys = new_type(rt, "dict_keys", t.object);
  t.dict_values = new_type(rt, "dict_values", t.object);
  t.dict_items = new_type(rt, "dict_items", t.object);
  t.range = new_type(rt, "range", t.object);
  t.iterator = new_type(rt, "iterator", t.object);
  t.function = new_type(rt, "function", t.object);
  t.builtin_function = new_type(rt, "builtin_function_or_method", t.object);
  // Bound native methods; install_type_machinery makes `method`, for bound
  // Python functions, deriving its slots from this type.
  t.builtin_method = new_type(rt, "builtin_function_or_method", t.object);
  t.method = t.builtin_method;
  t.module = new_type(rt, "module", t.object);
  t.cell = new_type(rt, "cell", t.object);

  auto exc = [&](const char* name, ObjType* base) {
    ObjType* e = new_type(rt, name, base);
    e->is_exception = true;
    return e;
  };
  t.BaseException = exc("BaseException", t.object);
  t.Exception = exc("Exception", t.BaseException);
  t.ArithmeticError = exc("ArithmeticError", t.Exception);
  t.ZeroDivisionError = exc("ZeroDivisionError", t.ArithmeticError);
  t.OverflowError = exc("OverflowError", t.ArithmeticError);
  t.LookupError = exc("LookupError", t.Exception);
  t.IndexError = exc("IndexError", t.LookupError);
  t.KeyError = exc("KeyError", t.LookupError);
  t.ValueError = exc("ValueError", t.Exception);
  t.UnicodeError = exc("UnicodeError", t.ValueError);
  t.UnicodeDecodeError = exc("UnicodeDecodeError", t.UnicodeError);
  t.UnicodeEncodeError = exc("UnicodeEncodeError", t.UnicodeError);
  t.UnicodeDecodeError->get_attribute = unicode_error_attribute;
  t.UnicodeEncodeError->get_attribute = unicode_error_attribute;
  t.TypeError = exc("TypeError", t.Exception);
  t.NameError = exc("NameError", t.Exception);
  t.UnboundLocalError = exc("UnboundLocalError", t.NameError);
  t.AttributeError = exc("AttributeError", t.Exception);
  t.RuntimeError = exc("RuntimeError", t.Exception);
  t.RecursionError = exc("RecursionError", t.RuntimeError);
  t.NotImplementedError = exc("NotImplementedError", t.RuntimeError);
  t.AssertionError = exc("AssertionError", t.Exception);
  t.ImportError = exc("ImportError", t.Exception);
  t.ModuleNotFoundError = exc("ModuleNotFoundError", t.ImportError);
  t.StopIteration = exc("StopIteration", t.Exception);
  t.OSError = exc("OSError", t.Exception);
  t.TimeoutError = exc("TimeoutError", t.OSError);
  t.MemoryError = exc("MemoryError", t.Exception);
  t.EOFError = exc("EOFError", t.Exception);
  t.KeyboardInterrupt = exc("KeyboardInterrupt", t.BaseException);
  t.SystemExit = exc("SystemExit", t.BaseException);
  t.GeneratorExit = exc("GeneratorExit", t.BaseException);
  // The rest of CPython's hierarchy, for programs that catch or raise them.
  ObjType* connection = exc("ConnectionError", t.OSError);
  ObjType* syntax = exc("SyntaxError", t.Exception);
  ObjType* indentation = exc("IndentationError", syntax);
  ObjType* warning = exc("Warning", t.Exception);
  ObjType* more[] = {
      exc("StopAsyncIteration", t.Exception), exc("FloatingPointError", t.ArithmeticError),
      exc("BufferError", t.Exception), exc("ReferenceError", t.Exception), exc("SystemError", t.Exception),
      syntax, indentation, exc("TabError", indentation), exc("UnicodeTranslateError", t.UnicodeError),
      exc("FileNotFoundError", t.OSError), exc("FileExistsError", t.OSError), exc("PermissionError", t.OSError),
      exc("IsADirectoryError", t.OSError), exc("NotADirectoryError", t.OSError), exc("InterruptedError", t.OSError),
      exc("ChildProcessError", t.OSError), exc("BlockingIOError", t.OSError), exc("ProcessLookupError", t.OSError),
      connection, exc("BrokenPipeError", connection), exc("ConnectionAbortedError", connection),
      exc("ConnectionRefusedError", connection), exc("ConnectionResetError", connection), warning,
      exc("UserWarning", warning), exc("DeprecationWarning", warning), exc("PendingDeprecationWarning", warning),
      exc("SyntaxWarning", warning), exc("RuntimeWarning", warning), exc("FutureWarning", warning),
      exc("ImportWarning", warning), exc("UnicodeWarning", warning), exc("BytesWarning", warning),
      exc("ResourceWarning", warning), exc("EncodingWarning", warning)};
  for (ObjType* type : more) rt.define_builtin(type->name, Value::borrow(type));
  rt.define_builtin("EnvironmentError", Value::borrow(t.OSError));
  rt.define_builtin("IOError", Value::borrow(t.OSError));

  // The types in files of their own fill their slots.
  init_none_type(rt);
  init_int_type(rt);
  init_bool_type(rt);
  init_float_type(rt);
  init_str_type(rt);
  init_list_type(rt);
  init_tuple_type(rt);
  init_range_type(rt);
  init_module_type(rt);
  init_cell_type(rt);
  init_bytes_type(rt);
  init_dict_type(rt);
  init_dict_view_types(rt);
  init_iterator_type(rt);
  init_builtin_method_type(rt);
  ObjType* own_file[] = {t.none, t.int_, t.bool_, t.float_, t.str, t.bytes, t.list,
                         t.tuple, t.range, t.module, t.cell,
                         t.dict, t.dict_keys, t.dict_values, t.dict_items, t.iterator, t.builtin_method};

  ObjType* all[] = {t.object, t.type, t.none, t.int_, t.bool_, t.float_, t.str, t.list, t.tuple, t.dict,
                    t.dict_keys, t.dict_values, t.dict_items, t.range, t.iterator, t.function,
                    t.builtin_function, t.method, t.module, t.cell, t.BaseException, t.Exception,
                    t.ArithmeticError, t.ZeroDivisionError, t.OverflowError, t.LookupError, t.IndexError,
                    t.KeyError, t.ValueError, t.TypeError, t.NameError, t.UnboundLocalError, t.AttributeError,
                    t.RuntimeError, t.RecursionError, t.NotImplementedError, t.AssertionError, t.ImportError,
                    t.ModuleNotFoundError, t.StopIteration, t.OSError, t.TimeoutError, t.MemoryError, t.EOFError, t.KeyboardInterrupt,
                    t.SystemExit, t.GeneratorExit};
  for (ObjType* type : all)
    if (type->construct || type->is_exception || type == t.object || type == t.type)
      rt.define_builtin(type->name, Value::borrow(type));
  for (ObjType* type : {t.bytes, t.UnicodeError, t.UnicodeDecodeError, t.UnicodeEncodeError})
    rt.define_builtin(type->name, Value::borrow(type));

  // Every built-in type but object and type shares the first rounds'
  // slots; containers and numbers add theirs.
  for (ObjType* type : rt.owned_types) {
    if (type == t.object || type == t.type) continue;
    if (std::find(std::begin(own_file), std::end(own_file), type) != std::end(own_file)) continue;
    give_builtin_slots(type);
  }
  for (ObjType* type : {t.function, t.builtin_function}) type->tp_call = builtin_call;
  for (ObjType* type : {t.function, t.builtin_function})
    type->is_final = true;
  t.BaseException->tp_new = exception_new;
  t.BaseException->tp_init = exception_init;
  add_method(rt, t.BaseException, "__init__", exception_init_method);
  add_method(rt, t.BaseException, "__str__", exception_str_method);
  add_method(rt, t.BaseException, "__repr__", exception_repr_method);
  // Exception types made before their slots were set: inherit them now.
  for (ObjType* type : rt.owned_types)
    if (type->is_exception && type != t.BaseException) inherit_slots(type, t.BaseException);
  install_type_machinery(rt);
  init_method_type(rt);
  install_gc_slots(rt);
  // Types in files of their own, with their own slots: made after object
  // has its slots (tp_traverse/tp_clear among them), which new_type copies.
  install_set_types(rt);
  // A plain object with attributes: object's slots, registry ones included.
  t.traceback = new_type(rt, "traceback", t.object);
  t.traceback->is_final = true;
  index_builtin_types(rt);
}

Value construct_exception(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, type->name, kwnames);
  auto* e = new_object<ObjException>(ts, type);
  e->args = make_tuple(ts, std::vector<Value>(args, args + argc));
  return Value::adopt(e);
}

}  // namespace gil
