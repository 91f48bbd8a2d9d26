// Test support: runs a MiniPy program in-process and captures what it wrote.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "gil/runtime/interpreter.h"

namespace gil::testing {

// What a program printed and how it ended.
struct Captured {
  std::string out;
  std::string err;
  int exit_code = 0;
};

// A FILE* writing into memory; text() returns what was written so far.
class MemoryFile {
 public:
  MemoryFile() : file_(open_memstream(&buffer_, &size_)) {}
  ~MemoryFile() {
    std::fclose(file_);
    std::free(buffer_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::FILE* get() { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  size_t size_ = 0;
  std::FILE* file_;
};

// Runs [source] as "test.py" with [args] in sys.argv[1:].
inline Captured run(const std::string& source, const std::vector<std::string>& args = {}) {
  MemoryFile out, err;
  Captured c;
  c.exit_code = run_program(source, "test.py", args, out.get(), err.get());
  c.out = out.text();
  c.err = err.text();
  return c;
}

// The last line of [text], without its newline.
inline std::string last_line(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}

}  // namespace gil::testing
