// The import system, after CPython's importlib._bootstrap, reduced to what
// MiniPy has: sys.modules (a dict, Runtime::modules), modules made in C++
// (register_module), modules written in Python and frozen into the binary
// (lib/, frozen.h), and NAME.py or NAME/__init__.py files in the directories
// of sys.path (the main script's directory, as CPython's sys.path[0]).
//
// A dotted name imports each parent first and binds the child as an
// attribute of its parent. A module is entered in sys.modules before its
// code runs, so a circular import sees the partly initialised module, and
// removed again when its code raises. When one name has both a C++ maker and
// a frozen source, the C++ module is made first and the source then runs in
// its namespace: a module written in Python can complete a C++ one.
#include <climits>
#include <cstdlib>
#include <sys/stat.h>

#include "gil/language/syntax_error.h"
#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/frozen.h"
#include "gil/runtime/interpreter.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"

namespace gil {
namespace {

// Where frozen modules claim to come from: CPython's own library
// directory, so that __file__, module reprs and ImportError messages read
// as CPython's.
constexpr std::string_view kFrozenLibDir = "/usr/lib/python3.11/";

bool is_file(const std::string& path) {
  struct stat info{};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace

ObjDict* modules_dict(ThreadState& ts) {
  Runtime& rt = ts.rt;
  if (rt.modules.is_empty()) {
    rt.modules = make<ObjDict>(ts);
    // __main__ is a module too: its namespace is the runtime's globals.
    auto* main = new_object<ObjModule>(ts, "__main__");
    main->globals = &rt.globals;
    dict_set_str(as<ObjDict>(rt.modules), rt.intern("__main__"), Value::adopt(main));
  }
  return as<ObjDict>(rt.modules);
}

namespace {

Value find_module(ThreadState& ts, std::string_view name) {
  Value* v = dict_find_str(modules_dict(ts), ts.rt.intern(name));
  return v ? *v : Value();
}

// The directories a top-level module is searched in: sys.path when sys was
// imported (a program may change it), else the main script's directory.
std::vector<std::string> search_path(ThreadState& ts) {
  std::vector<std::string> dirs;
  Value sys = find_module(ts, "sys");
  if (!sys.is_empty()) {
    if (const Value* path = as<ObjModule>(sys)->find(ts.rt.intern("path")); path && is_kind(*path, ObjKind::List)) {
      for (const Value& d : as<ObjList>(*path)->items)
        if (is_str(d)) dirs.push_back(as<ObjStr>(d)->text);
      return dirs;
    }
  }
  dirs.push_back(script_directory(ts.rt));
  return dirs;
}

// The directory of package [module] (its __path__[0]), or empty.
std::string package_directory(ThreadState& ts, const Value& module) {
  const Value* path = as<ObjModule>(module)->find(ts.rt.intern("__path__"));
  if (!path || !is_kind(*path, ObjKind::List) || as<ObjList>(*path)->items.empty()) return "";
  const Value& d = as<ObjList>(*path)->items[0];
  return is_str(d) ? as<ObjStr>(d)->text : "";
}

bool is_package(ThreadState& ts, const Value& module) {
  return as<ObjModule>(module)->find(ts.rt.intern("__path__")) != nullptr;
}

void set_global(ThreadState& ts, GlobalTable& g, std::string_view name, Value v) {
  g.values[ts.rt.global_slot(g, ts.rt.intern(name))] = std::move(v);
}

// Gives [m] a namespace of its own, moving the attributes a C++ maker gave
// it there.
GlobalTable& namespace_of(ThreadState& ts, ObjModule* m) {
  if (!m->globals) {
    m->globals = ts.rt.new_global_table();
    for (auto& [n, v] : m->attrs) m->globals->values[ts.rt.global_slot(*m->globals, n)] = std::move(v);
    m->attrs.clear();
  }
  return *m->globals;
}

// Runs [source] (the file [filename]) as the code of module [m].
void exec_module(ThreadState& ts, ObjModule* m, std::string_view source, const std::string& filename) {
  GlobalTable& g = namespace_of(ts, m);
  Value code;
  try {
    code = compile_source(ts.rt, source, filename, &g);
  } catch (const SyntaxError& e) {
    auto it = ts.rt.builtins.find(ts.rt.intern("SyntaxError"));
    ObjType* type = it != ts.rt.builtins.end() ? as<ObjType>(it->second) : ts.rt.types.ImportError;
    raise(ts, type, std::string(e.what()) + " (" + filename + ", line " + std::to_string(e.line) + ")");
  }
  run_module(ts, code);
}

// Makes and runs the module [name], entered in sys.modules; Empty when
// nothing provides it. [parent] is its package (Empty for a top-level name).
Value load_module(ThreadState& ts, const std::string& name, const Value& parent) {
  Runtime& rt = ts.rt;
  ModuleMaker maker = nullptr;
  if (auto it = rt.module_makers.find(name); it != rt.module_makers.end()) maker = it->second;
  const FrozenModule* frozen = find_frozen_module(name);
  std::string file, package_dir;
  std::string source;
  if (!maker && !frozen) {
    std::string last = name.substr(name.rfind('.') + 1);
    std::vector<std::string> dirs;
    if (parent.is_empty())
      dirs = search_path(ts);
    else if (std::string d = package_directory(ts, parent); !d.empty())
      dirs.push_back(d);
    for (const std::string& dir : dirs) {
      std::string base = dir.empty() ? last : dir + "/" + last;
      if (is_file(base + "/__init__.py")) {
        file = base + "/__init__.py";
        package_dir = base;
        break;
      }
      if (is_file(base + ".py")) {
        file = base + ".py";
        break;
      }
    }
    if (file.empty()) return Value();
    std::string error;
    if (!read_file(file, source, error)) raise(ts, rt.types.ImportError, error);
  }

  Value module = maker ? maker(ts) : make<ObjModule>(ts, name);
  auto* m = as<ObjModule>(module);
  if (frozen || !file.empty()) {
    GlobalTable& g = namespace_of(ts, m);
    set_global(ts, g, "__name__", make_str(name));
    if (frozen) {
      file = std::string(kFrozenLibDir) + std::string(frozen->path);
      if (frozen->is_package) package_dir = file.substr(0, file.rfind('/'));
    }
    m->file = file;
    set_global(ts, g, "__file__", make_str(file));
    bool package = frozen ? frozen->is_package : !package_dir.empty();
    if (package) set_global(ts, g, "__path__", make_list(ts, {make_str(package_dir)}));
    std::string package_name = package ? name : (parent.is_empty() ? "" : name.substr(0, name.rfind('.')));
    set_global(ts, g, "__package__", make_str(package_name));
  }
  ObjDict* modules = modules_dict(ts);
  ObjStr* key = rt.intern(name);
  dict_set_str(modules, key, module);
  if (frozen || !file.empty()) {
    m->initializing = true;
    try {
      exec_module(ts, m, frozen ? frozen->source : std::string_view(source), file);
    } catch (PyException&) {
      m->initializing = false;
      dict_remove(ts, modules, Value::borrow(key));
      throw;
    }
    m->initializing = false;
    // The module's code may have replaced its own sys.modules entry.
    if (Value* entry = dict_find_str(modules, key)) module = *entry;
  }
  if (!parent.is_empty()) set_attr(ts, parent, rt.intern(name.substr(name.rfind('.') + 1)), module);
  return module;
}

}  // namespace

std::string script_directory(const Runtime& rt) {
  if (rt.config.argv.empty() || rt.config.argv[0].empty()) return "";
  const std::string& script = rt.config.argv[0];
  // CPython's sys.path[0]: the script's directory, symbolic links resolved.
  char resolved[PATH_MAX];
  std::string path = ::realpath(script.c_str(), resolved) ? std::string(resolved) : script;
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : slash == 0 ? "/" : path.substr(0, slash);
}

Value import_module(ThreadState& ts, ObjStr* name) {
  Value found = find_module(ts, name->text);
  if (!found.is_empty()) return found;
  const std::string& full = name->text;
  Value parent;
  size_t dot = full.rfind('.');
  if (dot != std::string::npos) {
    parent = import_module(ts, ts.rt.intern(std::string_view(full).substr(0, dot)));
    // Importing the parent may have imported this module.
    found = find_module(ts, full);
    if (!found.is_empty()) return found;
    if (!is_package(ts, parent))
      raise(ts, ts.rt.types.ModuleNotFoundError,
            "No module named '" + full + "'; '" + full.substr(0, dot) + "' is not a package");
  }
  Value module = load_module(ts, full, parent);
  if (module.is_empty()) raise(ts, ts.rt.types.ModuleNotFoundError, "No module named '" + full + "'");
  return module;
}

std::string resolve_relative_import(ThreadState& ts, const GlobalTable& globals, std::string_view name) {
  size_t level = 0;
  while (level < name.size() && name[level] == '.') ++level;
  if (level == 0) return std::string(name);
  const Value* package = globals.find(ts.rt.intern("__package__"));
  if (!package || !is_str(*package) || as<ObjStr>(*package)->text.empty())
    raise(ts, ts.rt.types.ImportError, "attempted relative import with no known parent package");
  std::string base = as<ObjStr>(*package)->text;
  for (size_t i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) raise(ts, ts.rt.types.ImportError, "attempted relative import beyond top-level package");
    base.resize(dot);
  }
  std::string_view rest = name.substr(level);
  return rest.empty() ? base : base + "." + std::string(rest);
}

Value import_from(ThreadState& ts, const Value& module, ObjStr* name) {
  if (Value v = try_get_attr(ts, module, name); !v.is_empty()) return v;
  auto* m = as<ObjModule>(module);
  std::string full = m->name + "." + name->text;
  if (Value sub = find_module(ts, full); !sub.is_empty()) return sub;
  if (is_package(ts, module)) {
    try {
      return import_module(ts, ts.rt.intern(full));
    } catch (PyException& pe) {
      auto* e = as<ObjException>(pe.exception);
      if (!e->type->is_subtype_of(ts.rt.types.ModuleNotFoundError)) throw;
    }
  }
  std::string where = m->file.empty() ? "unknown location" : m->file;
  if (m->initializing)
    raise(ts, ts.rt.types.ImportError,
          "cannot import name '" + name->text + "' from partially initialized module '" + m->name +
              "' (most likely due to a circular import) (" + where + ")");
  raise(ts, ts.rt.types.ImportError, "cannot import name '" + name->text + "' from '" + m->name + "' (" + where + ")");
}

void import_star(ThreadState& ts, const Value& module, GlobalTable& into) {
  auto* m = as<ObjModule>(module);
  Runtime& rt = ts.rt;
  if (const Value* all = m->find(rt.intern("__all__"))) {
    for (const Value& n : collect(ts, *all)) {
      if (!is_str(n))
        raise(ts, rt.types.TypeError,
              "Item in " + m->name + ".__all__ must be str, not " + std::string(type_name(ts, n)));
      ObjStr* key = rt.intern(as<ObjStr>(n)->text);
      Value v = get_attr(ts, module, key);
      into.values[rt.global_slot(into, key)] = std::move(v);
    }
    return;
  }
  std::vector<std::pair<ObjStr*, Value>> public_names;
  if (m->globals) {
    for (size_t i = 0; i < m->globals->values.size(); ++i)
      if (!m->globals->values[i].is_empty() && m->globals->names[i]->text[0] != '_')
        public_names.emplace_back(m->globals->names[i], m->globals->values[i]);
  } else {
    for (auto& [n, v] : m->attrs)
      if (n->text[0] != '_') public_names.emplace_back(n, v);
  }
  for (auto& [n, v] : public_names) into.values[rt.global_slot(into, n)] = std::move(v);
}

}  // namespace gil
