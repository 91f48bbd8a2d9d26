// gil-demo's command line: subcommands over the interpreter and the runners.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "gil/debug.h"
#include "gil/errors.h"
#include "gil/interpreter.h"
#include "gil/syntax_error.h"

namespace {

constexpr const char* kExamples = R"(
Examples:
  gil-demo run demos/programs/fib.py          run a MiniPy program
  gil-demo run script.py a b                  sys.argv[1:] == ['a', 'b']
  gil-demo dis demos/programs/fib.py          show its bytecode
)";

// Exit code for bad command-line input, as argparse uses.
constexpr int kUsageError = 2;

int usage_error(const std::string& message) {
  std::fprintf(stderr, "gil-demo: error: %s\n", message.c_str());
  return kUsageError;
}

bool load(const std::string& path, std::string& source) {
  std::string error;
  if (gil::read_file(path, source, error)) return true;
  std::fprintf(stderr, "gil-demo: error: %s\n", error.c_str());
  return false;
}

int run_command(const std::vector<std::string>& words) {
  if (words.empty()) return usage_error("run: a program file is required (gil-demo run FILE.py [ARGS...])");
  std::string source;
  if (!load(words[0], source)) return kUsageError;
  gil::RuntimeConfig config;
  config.argv = words;
  gil::Runtime rt(std::move(config));
  gil::SigintHandler sigint(rt);
  return gil::run_source(rt, source, words[0]);
}

int dis_command(const std::string& path) {
  std::string source;
  if (!load(path, source)) return kUsageError;
  gil::Runtime rt(gil::RuntimeConfig{});
  gil::Value code;
  try {
    code = gil::compile_source(rt, source, path);
  } catch (const gil::SyntaxError& e) {
    gil::print_syntax_error(stderr, path, source, e.line, e.col, e.what());
    return 1;
  }
  gil::ThreadState ts(rt);
  std::string listing = gil::disassemble(ts, gil::as<gil::ObjCode>(code));
  std::fwrite(listing.data(), 1, listing.size(), stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"gil-demo: a laboratory that makes Python's GIL visible and measurable"};
  app.footer(kExamples);
  app.require_subcommand(1);

  CLI::App* run = app.add_subcommand("run", "Run a MiniPy program; arguments after FILE land in sys.argv[1:]");
  run->prefix_command();
  run->footer("Usage: gil-demo run FILE.py [ARGS...]");

  std::string dis_file;
  CLI::App* dis = app.add_subcommand("dis", "Print a program's bytecode, function by function, with line numbers");
  dis->add_option("file", dis_file, "The MiniPy source file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what());
  }
  if (*run) return run_command(run->remaining());
  if (*dis) return dis_command(dis_file);
  return 0;
}
