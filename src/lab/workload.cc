#include "gil/lab/workload.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

#include "gil/language/syntax_error.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/interpreter.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"

namespace gil {
namespace {

// The global [name] of the loaded program, or Empty.
Value global(Runtime& rt, const char* name) {
  auto it = rt.globals.slots.find(rt.intern(name));
  return it == rt.globals.slots.end() ? Value() : rt.globals.values[it->second];
}

}  // namespace

Value load_workload(Runtime& rt, ThreadState& ts, const std::string& path, const char* module_name) {
  std::string source, error;
  if (!read_file(path, source, error)) throw WorkloadError(error);
  Value code;
  try {
    code = compile_source(rt, source, path);
  } catch (const SyntaxError& e) {
    throw WorkloadError(path + ":" + std::to_string(e.line) + ":" + std::to_string(e.col) +
                        ": SyntaxError: " + e.what());
  }
  rt.globals.values[rt.global_slot(rt.name_module)] = make_str(module_name);
  try {
    run_module(ts, code);
  } catch (PyException& pe) {
    std::fflush(rt.config.out);
    auto* e = as<ObjException>(pe.exception);
    if (e->type->is_subtype_of(rt.types.SystemExit)) {
      int status = system_exit_status(ts, e, rt.config.err);
      throw WorkloadExit(path + ": its top level called sys.exit(" + std::to_string(status) + ")", status);
    }
    print_traceback(ts, pe.exception, rt.config.err);
    throw WorkloadExit(path + ": its top level raised " + e->type->name + ": " + exception_message(ts, e), 1);
  }
  Value work = global(rt, "work");
  if (!is_kind(work, ObjKind::Function) || as<ObjFunction>(work)->code_obj()->param_count != 2)
    throw WorkloadError(path + " does not define the entry point work(worker, units)");
  return work;
}

int64_t workload_default_size(Runtime& rt) {
  Value dflt = global(rt, "DEFAULT_SIZE");
  return dflt.is_int() && dflt.as_int() > 0 ? dflt.as_int() : 100;
}

WorkOutcome call_work(ThreadState& ts, const Value& work, int worker, int64_t units) {
  WorkOutcome outcome;
  Value args[2] = {Value::integer(worker), Value::integer(units)};
  try {
    outcome.value = call(ts, work, args, 2);
    outcome.repr = repr(ts, outcome.value);
    outcome.ok = true;
  } catch (PyException& pe) {
    auto* e = as<ObjException>(pe.exception);
    std::fflush(ts.rt.config.out);
    std::fprintf(ts.rt.config.err, "Exception in worker %d:\n", worker);
    print_traceback(ts, pe.exception, ts.rt.config.err);
    outcome.value = Value();
    outcome.error = "worker " + std::to_string(worker) + " raised " + e->type->name + ": " + exception_message(ts, e);
  }
  return outcome;
}

int64_t current_rss_kib() {
  long pages_total = 0, pages_resident = 0;
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  int n = std::fscanf(f, "%ld %ld", &pages_total, &pages_resident);
  std::fclose(f);
  return n == 2 ? pages_resident * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

int64_t peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace gil
