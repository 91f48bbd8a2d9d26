// Running a whole MiniPy program: parse, compile, run, and report errors the
// way `python3` does (a traceback and exit code 1, SystemExit's code, a
// SyntaxError with the offending line and a caret).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "gil/language/syntax_error.h"
#include "gil/runtime/runtime.h"

namespace gil {

struct ObjException;

// The status run_source returns when KeyboardInterrupt ended the program
// (128 + SIGINT, as a shell reports a process killed by SIGINT).
inline constexpr int kExitKeyboardInterrupt = 130;

// Runs [source] as the file [filename] on a fresh Runtime whose sys.argv is
// [filename] followed by [args], carrying [extensions]. Program output goes to [out], tracebacks and
// syntax errors to [err]. Returns the process exit code python3 would give:
// 0, 1 for an uncaught exception or a syntax error, or SystemExit's code.
int run_program(std::string_view source, const std::string& filename, const std::vector<std::string>& args,
                std::FILE* out, std::FILE* err, std::vector<RuntimeExtension> extensions = {});

// Runs [source] on an existing [rt] in a new ThreadState, with the same
// error reporting as run_program, and `__name__` set to [module_name].
// Returns the exit code after every non-daemon thread finished; daemon
// threads still running are counted in rt.live_daemon_threads. (The CLI then
// exits at once, as CPython does; in-process, the Runtime's destructor waits
// for them.)
int run_source(Runtime& rt, std::string_view source, const std::string& filename,
               const std::string& module_name = "__main__");

// The exit status of an uncaught SystemExit [e], as python3 gives it: 0 for
// none, its int code (mod 256), or 1 after printing any other argument to
// [err].
int system_exit_status(ThreadState& ts, ObjException* e, std::FILE* err);

// Compiles [source] and returns its module code object; throws SyntaxError.
// Its global names are slots of [globals] (null: __main__'s).
Value compile_source(Runtime& rt, std::string_view source, const std::string& filename,
                     GlobalTable* globals = nullptr);

// Prints a SyntaxError as `FILE:LINE:COL: SyntaxError: message`, then the
// offending line and a caret under the column.
void print_syntax_error(std::FILE* err, const std::string& filename, std::string_view source, int line, int col,
                        const std::string& message);

// The same for [e]: a SourceEncodingError (source that is not UTF-8) as
// CPython prints it, `SyntaxError: message` alone; any other as above.
void print_syntax_error(std::FILE* err, const std::string& filename, std::string_view source, const SyntaxError& e);

// Reads a whole file; false (with [error] set) when it cannot be read.
bool read_file(const std::string& path, std::string& contents, std::string& error);

// While alive, SIGINT sets [rt]'s eval breaker, so the running program gets
// KeyboardInterrupt at its next check, as in CPython. One per process.
class SigintHandler {
 public:
  explicit SigintHandler(Runtime& rt);
  ~SigintHandler();
  SigintHandler(const SigintHandler&) = delete;
  SigintHandler& operator=(const SigintHandler&) = delete;
};

}  // namespace gil
