#include "gil/runtime/interpreter.h"

#include <sys/stat.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>

#include "gil/language/parser.h"
#include "gil/language/source_text.h"
#include "gil/runtime/collector.h"
#include "gil/runtime/compiler.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"

namespace gil {

Value compile_source(Runtime& rt, std::string_view source, const std::string& filename, GlobalTable* globals) {
  if (auto error = check_utf8(source, filename)) throw *error;
  ast::Module module = parse(source);
  rt.sources[filename] = std::string(source);
  return compile_module(rt, module, filename, globals);
}

void print_syntax_error(std::FILE* err, const std::string& filename, std::string_view source, int line, int col,
                        const std::string& message) {
  std::fprintf(err, "%s:%d:%d: SyntaxError: %s\n", filename.c_str(), line, col, message.c_str());
  std::istringstream in{std::string(source)};
  std::string text;
  for (int i = 1; std::getline(in, text) && i < line; ++i) {
  }
  if (line >= 1 && !text.empty()) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    std::fprintf(err, "    %s\n    %*s^\n", text.c_str(), std::max(col - 1, 0), "");
  }
  std::fflush(err);
}

void print_syntax_error(std::FILE* err, const std::string& filename, std::string_view source, const SyntaxError& e) {
  if (dynamic_cast<const SourceEncodingError*>(&e)) {
    std::fprintf(err, "SyntaxError: %s\n", e.what());
    std::fflush(err);
    return;
  }
  print_syntax_error(err, filename, source, e.line, e.col, e.what());
}

int system_exit_status(ThreadState& ts, ObjException* e, std::FILE* err) {
  auto& args = as<ObjTuple>(e->args)->items;
  if (args.empty() || args[0].is_none()) return 0;
  if (args[0].is_intlike()) return static_cast<int>(args[0].as_int() & 0xFF);
  std::string text = str(ts, args[0]);
  std::fprintf(err, "%s\n", text.c_str());
  return 1;
}

namespace {

// CPython's finalize_modules, for __main__: a collection frees the garbage
// cycles, then the module's namespace goes, one variable after the other in
// the order of their slots (the order CPython's dict frees its entries in),
// then a last collection frees the cycles those held. All with the GIL
// held, so that __del__ methods and generators' finally blocks run and
// print as they do under CPython; nothing runs once the GIL is released.
void finalize_main(ThreadState& ts) {
  Runtime& rt = ts.rt;
  gc_collect_at_exit(ts);
  for (size_t i = 0; i < rt.globals.values.size(); ++i) {
    Value dropped = std::move(rt.globals.values[i]);
  }
  gc_collect_at_exit(ts);
  std::fflush(rt.config.out);
}

}  // namespace

int run_source(Runtime& rt, std::string_view source, const std::string& filename, const std::string& module_name) {
  Value code;
  try {
    code = compile_source(rt, source, filename);
  } catch (const SyntaxError& e) {
    std::fflush(rt.config.out);
    print_syntax_error(rt.config.err, filename, source, e);
    return 1;
  }
  ThreadState ts(rt);
  ts.trace_id = rt.config.main_thread_trace_id;
  if (rt.config.live) ts.live = rt.config.live->add_row("MainThread");
  rt.gil->acquire(ts);
  rt.globals.values[rt.global_slot(rt.name_module)] = make_str(module_name);
  int status = 0;
  try {
    run_module(ts, code);
  } catch (PyException& pe) {
    std::fflush(rt.config.out);
    auto* e = as<ObjException>(pe.exception);
    if (e->type->is_subtype_of(rt.types.SystemExit)) {
      status = system_exit_status(ts, e, rt.config.err);
    } else {
      print_traceback(ts, pe.exception, rt.config.err);
      // CPython ends an uncaught KeyboardInterrupt by dying of SIGINT, which
      // shells report as 130; the CLI re-raises the signal for that code.
      status = e->type->is_subtype_of(rt.types.KeyboardInterrupt) ? kExitKeyboardInterrupt : 1;
    }
  }
  // Like CPython's finalisation: wait for the non-daemon threads.
  rt.run_at_exit(ts, status == kExitKeyboardInterrupt);
  if (rt.config.finalize_main && rt.live_daemon_threads == 0) finalize_main(ts);
  std::fflush(rt.config.out);
  if (rt.config.at_program_end) rt.config.at_program_end(ts);
  rt.gil->release(ts);
  return status;
}

int run_program(std::string_view source, const std::string& filename, const std::vector<std::string>& args,
                std::FILE* out, std::FILE* err, std::vector<RuntimeExtension> extensions) {
  RuntimeConfig config;
  config.extensions = std::move(extensions);
  config.argv.push_back(filename);
  config.argv.insert(config.argv.end(), args.begin(), args.end());
  config.out = out;
  config.err = err;
  config.finalize_main = true;
  Runtime rt(std::move(config));
  return run_source(rt, source, filename);
}

bool read_file(const std::string& path, std::string& contents, std::string& error) {
  // A directory opens as a stream that reads nothing, which would run as an
  // empty program.
  struct stat info{};
  if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
    error = "can't open file '" + path + "': " + std::strerror(EISDIR);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "can't open file '" + path + "': " + std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  contents = buffer.str();
  return true;
}

// ---- SIGINT -------------------------------------------------------------------

namespace {

// The runtime that SIGINT interrupts. A signal handler can reach nothing but
// process-wide state, so this is the one global of the interpreter.
std::atomic<Runtime*> sigint_target{nullptr};

extern "C" void on_sigint(int) {
  Runtime* rt = sigint_target.load();
  if (!rt) return;
  rt->sigint_pending.store(true);
  rt->eval_breaker.fetch_or(kSignalPending);
}

}  // namespace

SigintHandler::SigintHandler(Runtime& rt) {
  sigint_target.store(&rt);
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking sleep must wake up
  sigaction(SIGINT, &action, nullptr);
}

SigintHandler::~SigintHandler() {
  std::signal(SIGINT, SIG_DFL);
  sigint_target.store(nullptr);
}

}  // namespace gil
