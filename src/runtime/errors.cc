#include "gil/runtime/errors.h"

#include <fstream>
#include <sstream>

#include "gil/runtime/chunk.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/ops.h"

namespace gil {

Value new_exception(ThreadState& ts, ObjType* type, std::string_view message) {
  auto* e = new_object<ObjException>(ts, type);
  e->args = message.empty() ? make_tuple(ts) : make_tuple(ts, {make_str(std::string(message))});
  return Value::adopt(e);
}

[[noreturn]] void raise_value(Value exception) { throw PyException{std::move(exception)}; }

[[noreturn]] void raise(ThreadState& ts, ObjType* type, std::string_view message) {
  raise_value(new_exception(ts, type, message));
}

[[noreturn]] void raise_operand_error(ThreadState& ts, std::string_view op, const Value& a, const Value& b) {
  raise(ts, ts.rt.types.TypeError,
        "unsupported operand type(s) for " + std::string(op) + ": '" + std::string(type_name(ts, a)) + "' and '" +
            std::string(type_name(ts, b)) + "'");
}

[[noreturn]] void raise_int_overflow(ThreadState& ts) {
  raise(ts, ts.rt.types.OverflowError, "integer overflow: MiniPy ints are 64-bit");
}

std::string exception_message(ThreadState& ts, const ObjException* e) {
  auto& args = as<ObjTuple>(e->args)->items;
  if (args.empty()) return "";
  // The codecs' errors carry five args and compose their message from them.
  if (args.size() == 5 && e->type->is_subtype_of(ts.rt.types.UnicodeError))
    if (auto message = unicode_error_message(ts, e)) return *message;
  if (args.size() == 1) {
    // KeyError shows the key as repr, so that KeyError('') is not blank.
    if (e->type->is_subtype_of(ts.rt.types.KeyError)) return repr(ts, args[0]);
    return str(ts, args[0]);
  }
  return repr(ts, e->args);
}

Value traceback_object(ThreadState& ts, const Value& exception) {
  auto* e = as<ObjException>(exception);
  Value dict = make<ObjDict>(ts);
  int line = e->traceback.empty() ? 0 : e->traceback.front().line;
  dict_set(ts, as<ObjDict>(dict), Value::borrow(ts.rt.intern("tb_lineno")), Value::integer(line));
  return make<ObjInstance>(ts, ts.rt.types.traceback, std::move(dict));
}

Value exception_chain_attribute(const ObjException* e, std::string_view name) {
  if (name == "__cause__") return e->cause.is_empty() ? Value::none() : e->cause;
  if (name == "__context__") return e->context.is_empty() ? Value::none() : e->context;
  if (name == "__suppress_context__") return Value::boolean(e->suppress_context);
  return Value();
}

bool set_exception_chain_attribute(ThreadState& ts, ObjException* e, std::string_view name, const Value& value) {
  bool cause = name == "__cause__";
  if (cause || name == "__context__") {
    if (!value.is_none() && !is_kind(value, ObjKind::Exception))
      raise(ts, ts.rt.types.TypeError,
            std::string("exception ") + (cause ? "cause" : "context") + " must be None or derive from BaseException");
    (cause ? e->cause : e->context) = value.is_none() ? Value() : value;
    // As CPython's PyException_SetCause: setting a cause hides the context.
    if (cause) e->suppress_context = true;
    return true;
  }
  if (name == "__suppress_context__") {
    if (!value.is_bool()) raise(ts, ts.rt.types.TypeError, "attribute value type must be bool");
    e->suppress_context = value.as_bool();
    return true;
  }
  return false;
}

namespace {

// The text of line [line] of [filename], stripped, or "" when unavailable.
std::string source_line(ThreadState& ts, const std::string& filename, int line) {
  auto it = ts.rt.sources.find(filename);
  if (it == ts.rt.sources.end()) return "";
  std::istringstream in(it->second);
  std::string text;
  for (int i = 1; std::getline(in, text); ++i)
    if (i == line) break;
  if (line < 1) return "";
  size_t b = text.find_first_not_of(" \t");
  size_t e = text.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : text.substr(b, e - b + 1);
}

void print_frames(ThreadState& ts, const ObjException* e, std::FILE* out) {
  std::fputs("Traceback (most recent call last):\n", out);
  const std::string* last_file = nullptr;
  int last_line = -1;
  const std::string* last_name = nullptr;
  int repeats = 0;
  auto flush_repeats = [&] {
    if (repeats > 3)
      std::fprintf(out, "  [Previous line repeated %d more time%s]\n", repeats - 3, repeats - 3 == 1 ? "" : "s");
    repeats = 0;
  };
  for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
    const TracebackEntry& entry = *it;
    auto* code = as<ObjCode>(entry.code);
    bool same = last_file && *last_file == code->filename && last_line == entry.line && *last_name == code->name;
    if (same) {
      if (++repeats > 3) continue;
    } else {
      flush_repeats();
    }
    last_file = &code->filename;
    last_line = entry.line;
    last_name = &code->name;
    std::fprintf(out, "  File \"%s\", line %d, in %s\n", code->filename.c_str(), entry.line, code->name.c_str());
    std::string text = source_line(ts, code->filename, entry.line);
    if (!text.empty()) std::fprintf(out, "    %s\n", text.c_str());
  }
  flush_repeats();
}

// The chain first, as CPython: an explicit cause (`raise ... from`) wins,
// and a context is shown only when no `from` suppressed it.
void print_one(ThreadState& ts, const ObjException* e, std::FILE* out) {
  if (!e->cause.is_empty()) {
    print_one(ts, as<ObjException>(e->cause), out);
    std::fputs("\nThe above exception was the direct cause of the following exception:\n\n", out);
  } else if (!e->context.is_empty() && !e->suppress_context) {
    print_one(ts, as<ObjException>(e->context), out);
    std::fputs("\nDuring handling of the above exception, another exception occurred:\n\n", out);
  }
  if (!e->traceback.empty()) print_frames(ts, e, out);
  // str(e), which a class may override; CPython prints a placeholder when
  // that raises.
  std::string message;
  try {
    message = str(ts, Value::borrow(const_cast<ObjException*>(e)));
  } catch (PyException&) {
    message = "<exception str() failed>";
  }
  // Classes outside __main__ and builtins print their module first.
  std::string name = e->type->qualname;
  if (e->type->module_name != "__main__" && e->type->module_name != "builtins")
    name = e->type->module_name + "." + name;
  if (message.empty())
    std::fprintf(out, "%s\n", name.c_str());
  else
    std::fprintf(out, "%s: %s\n", name.c_str(), message.c_str());
}

}  // namespace

void print_traceback(ThreadState& ts, const Value& exception, std::FILE* out) {
  print_one(ts, as<ObjException>(exception), out);
  std::fflush(out);
}

void print_unraisable(ThreadState& ts, const Value& exception, const std::string& where) {
  auto* e = as<ObjException>(exception);
  if (e->traceback.empty() && !ts.frames.empty()) {
    const Frame& frame = ts.frames.back();
    auto at = static_cast<uint32_t>(frame.ip - frame.code->code.data()) - 1;
    e->traceback.push_back({Value::borrow(frame.code), frame.code->line_at(at)});
  }
  std::fflush(stdout);
  std::fprintf(stderr, "Exception ignored in: %s\n", where.c_str());
  print_traceback(ts, exception, stderr);
}

}  // namespace gil
