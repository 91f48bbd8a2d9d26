// The built-in type objects and the exception hierarchy. Each type's own
// file (builtin_types.h) fills its slots and methods; install_types makes
// the types first, so that the files can refer to one another's.
#include "gil/runtime/builtins.h"
#include "gil/runtime/bytes.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/set.h"
#include "gil/runtime/type.h"

#include "gil/runtime/genobject.h"

#include "builtin_types.h"

namespace gil {

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
  t.code = new_type(rt, "code", t.object);
  t.generator = new_type(rt, "generator", t.object);

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

  // Each type's file fills its slots.
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
  init_code_type(rt);
  init_generator_type(rt);
  init_bytes_type(rt);
  init_dict_type(rt);
  init_dict_view_types(rt);
  init_iterator_type(rt);
  init_builtin_method_type(rt);
  init_function_type(rt);
  init_native_function_type(rt);
  init_exception_types(rt);

  ObjType* all[] = {t.object, t.type, t.none, t.int_, t.bool_, t.float_, t.str, t.list, t.tuple, t.dict,
                    t.dict_keys, t.dict_values, t.dict_items, t.range, t.iterator, t.function,
                    t.builtin_function, t.method, t.module, t.cell, t.code, t.BaseException, t.Exception,
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

  install_type_machinery(rt);
  init_method_type(rt);
  init_slice_type(rt);
  install_gc_slots(rt);
  // Types in files of their own, with their own slots: made after object
  // has its slots (tp_traverse/tp_clear among them), which new_type copies.
  install_set_types(rt);
  init_generic_alias_types(rt);
  // A plain object with attributes: object's slots, registry ones included.
  t.traceback = new_type(rt, "traceback", t.object);
  t.traceback->is_final = true;
  index_builtin_types(rt);
}

}  // namespace gil
