// Writes the seed corpora of the wire and worker_task targets into the
// directory given as its argument (one subdirectory per target), encoding
// MiniPy values with the encoders the program itself uses, so the seeds
// follow the format as it is, not as a copy of it once was. The fuzz tests
// run it first (the ctest fixture fuzz.seeds); the front end's seeds are
// tests/programs/*.py as they are.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../src/ipc/mp_internal.h"
#include "fixture.h"
#include "gil/ipc/wire.h"
#include "gil/runtime/errors.h"

namespace {

namespace fs = std::filesystem;

// Values of every tag, nested, of the prelude's classes, and a function.
const char* const kValues[] = {
    "None", "True", "False", "0", "-1", "2**62", "-9223372036854775807 - 1", "0.5", "-0.0", "float('inf')",
    "float('nan')", "''", "'h\\u00e9llo \\U0001f600'", "b''", "b'\\x00\\xff'", "[]", "()", "{}", "set()",
    "frozenset()", "[1, 'a', (2.5, None), {'k': [True]}]", "{(1, 2): 'pair', 'x': {3: (4,)}, 5: []}",
    "set([3, 1, 2])", "frozenset([(1, 2), 5])", "[set([frozenset([1]), 2.5]), frozenset('a')]", "[[[[[[1]]]]]]",
    "Point(1, 2)", "[Point('a', [Point(None, 0)])]", "Tagged([1, 2])", "Failure('boom', 3)", "ValueError('bad')",
    "[2**64, -2**70, (1 << 200) - 1, {2**63: -2**63 - 1}]",
    "square", "len", "('result', 3, 42, 'repr', 1, 2, (1, 2, 3, 4, 5, 6, [7]), [(1, 'running', -1)], 9, 10)",
};

// Task messages as the parent sends them, and shapes it never sends.
const char* const kTasks[] = {
    "('task', 0, 0, 100)", "('task', 9223372036854775807, 2147483647, 9223372036854775807)", "('task', 1, 2)",
    "('task', -1, 0, 1)", "('stop', 1, 0, 1)", "('task', '1', 0, 1)", "['task', 1, 0, 1]", "('task', 1, 0, [1])",
    "()", "7",
};

gil::Value eval(gil::fuzz::Fixture& f, const std::string& expr) {
  try {
    gil::run_module(f.ts, gil::compile_source(f.rt, "result = " + expr + "\n", "seed.py"));
  } catch (gil::PyException& e) {
    std::fprintf(stderr, "make_seeds: %s raised:\n", expr.c_str());
    gil::print_traceback(f.ts, e.exception, stderr);
    std::exit(1);
  }
  return f.rt.globals.values[f.rt.global_slot(f.rt.intern("result"))];
}

void write(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_seeds OUT_DIR\n");
    return 2;
  }
  fs::path out = argv[1];
  fs::create_directories(out / "wire");
  fs::create_directories(out / "worker_task");
  gil::fuzz::Fixture f;
  int n = 0;
  for (const char* expr : kValues) {
    std::string payload = gil::mp::encode_message(f.ts, eval(f, expr));
    write(out / "wire" / ("value" + std::to_string(n)), payload);
    write(out / "wire" / ("frame" + std::to_string(n)), gil::wire::frame(payload));
    ++n;
  }
  n = 0;
  for (const char* expr : kTasks) {
    std::string payload;
    gil::wire::encode(f.ts, eval(f, expr), payload);
    write(out / "worker_task" / ("task" + std::to_string(n++)), payload);
  }
  return 0;
}
