// Files: what open() returns, and sys.stdin, sys.stdout and sys.stderr.
//
// One C++ object stands for CPython's whole io stack (FileIO, the buffered
// layer, TextIOWrapper): a stdio FILE*, read and written as bytes in binary
// mode, or as UTF-8 text with universal newlines in text mode ("\r\n" and
// "\r" read as "\n"; "\n" written as is, as on Linux). The type names are
// CPython's (TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom)
// so that type() and repr() look the same.
#pragma once

#include "gil/runtime/runtime.h"

namespace gil {

// Defines the built-ins open() and input() and the file types.
void install_file_builtins(Runtime& rt);

// sys.stdin, sys.stdout and sys.stderr: text files over [rt]'s streams
// (RuntimeConfig::out and err, and the process's stdin), never closed by
// the program.
Value make_std_stream(ThreadState& ts, int which);

// Whether [v] is a file made here, and the FILE* it writes to when it is
// open and writable in text mode (print's fast path), else null.
std::FILE* text_stream_of(const Value& v);

}  // namespace gil
