// libFuzzer target: the front end on arbitrary bytes, as `gil-demo run FILE`
// meets them. The whole path a program's text takes before it runs: the
// UTF-8 check, the scanner on its own (scan() reads to the end, where the
// parser stops at its first error), then compile_source (check, parse,
// compile), the disassembler on what it made, and the SyntaxError report.
//
// The contract under test: every input is compiled or refused with a
// SyntaxError. Any other exception escapes, and libFuzzer reports it as a
// crash, as it does a sanitizer finding. Nothing runs: a program may loop.
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "gil/language/scanner.h"
#include "gil/runtime/debug.h"
#include "gil/runtime/interpreter.h"
#include "gil/runtime/object.h"

namespace {

// One runtime for every input: making one per input would cost more than
// compiling most inputs. What compiling leaves in it (interned names, global
// slots) stays reachable, so LeakSanitizer still sees real leaks.
struct Fixture {
  gil::Runtime rt{gil::RuntimeConfig{}};
  gil::ThreadState ts{rt};
  std::FILE* sink = std::fopen("/dev/null", "w");
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture* f = new Fixture;
  std::string_view source(reinterpret_cast<const char*>(data), size);
  try {
    gil::scan(source);
  } catch (const gil::SyntaxError&) {
  }
  try {
    gil::Value code = gil::compile_source(f->rt, source, "fuzz.py");
    gil::disassemble(f->ts, gil::as<gil::ObjCode>(code));
  } catch (const gil::SyntaxError& e) {
    gil::print_syntax_error(f->sink, "fuzz.py", source, e);
  }
  return 0;
}
