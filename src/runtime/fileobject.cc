#include "gil/runtime/fileobject.h"

#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "gil/runtime/builtins.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"
#include "gil/runtime/utf8.h"
#include "gil/threads/gil.h"

namespace gil {
namespace {

// An open file. Guarded by the GIL; reads from the process's stdin release
// it around the wait.
struct FileObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  ~FileObj() override {
    if (fp && owned) std::fclose(fp);
  }
  std::FILE* fp = nullptr;
  // Whether close() closes [fp] (not for the standard streams).
  bool owned = true;
  bool binary = false, readable = false, writable = false, closed = false;
  // newline=None: "\r\n" and "\r" read as "\n". newline="": lines end at
  // any of them, untranslated. newline="\n": lines end at "\n" only.
  bool translate = true, any_line_end = true;
  std::string name, mode;
  // What the encoding attribute says: CPython's locale default is "UTF-8";
  // an encoding passed to open() is reported as passed.
  std::string encoding = "UTF-8";
  bool is_stdin() const { return fp == stdin; }
};

bool file_iternext(ThreadState& ts, const Value& self, Value& out);

bool is_file(const Value& v) {
  return is_kind(v, ObjKind::Opaque) && v.as_obj()->type && v.as_obj()->type->tp_iternext == file_iternext;
}

FileObj* self_of(ThreadState& ts, const Value& v) {
  if (!is_file(v)) raise(ts, ts.rt.types.TypeError, "descriptor requires an '_io' file object");
  return as<FileObj>(v);
}

// The file type named [name] (made by install_file_builtins).
ObjType* file_type(Runtime& rt, std::string_view name) {
  for (ObjType* t : rt.owned_types)
    if (t->tp_iternext == file_iternext && t->name == name) return t;
  return nullptr;
}

// The builtin exception class [name].
ObjType* builtin_type(Runtime& rt, std::string_view name) {
  auto it = rt.builtins.find(rt.intern(name));
  return as<ObjType>(it->second);
}

// CPython's OSError for a failed call on [filename]: the subclass errno
// selects, "[Errno N] message: 'filename'".
[[noreturn]] void raise_os_error(ThreadState& ts, int err, const std::string& filename) {
  const char* cls = "OSError";
  switch (err) {
    case ENOENT: cls = "FileNotFoundError"; break;
    case EEXIST: cls = "FileExistsError"; break;
    case EACCES:
    case EPERM: cls = "PermissionError"; break;
    case EISDIR: cls = "IsADirectoryError"; break;
    case ENOTDIR: cls = "NotADirectoryError"; break;
  }
  raise(ts, builtin_type(ts.rt, cls),
        "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": " + repr(ts, make_str(filename)));
}

// The ValueError for a closed file: text files say "I/O operation on
// closed file.", binary ones name the operation ([op]) when it reads.
void check_open(ThreadState& ts, FileObj* f, const char* op = nullptr) {
  if (!f->closed) return;
  if (!f->binary) raise(ts, ts.rt.types.ValueError, "I/O operation on closed file.");
  raise(ts, ts.rt.types.ValueError, op ? std::string(op) + " of closed file" : "I/O operation on closed file");
}

// CPython raises io.UnsupportedOperation, an OSError (and ValueError)
// that MiniPy does not have: a plain OSError with the same message.
[[noreturn]] void unsupported(ThreadState& ts, const char* message) { raise(ts, ts.rt.types.OSError, message); }

void check_readable(ThreadState& ts, FileObj* f, const char* op) {
  check_open(ts, f, op);
  if (!f->readable) unsupported(ts, "not readable");
}

void check_writable(ThreadState& ts, FileObj* f) {
  check_open(ts, f);
  if (!f->writable) unsupported(ts, "not writable");
}

// Runs [read] on [f]'s FILE*, without the GIL when it is the process's
// stdin (which may block on a terminal or a pipe).
template <typename Read>
void blocking(ThreadState& ts, FileObj* f, Read read) {
  if (f->is_stdin()) {
    std::fflush(ts.rt.config.out);  // as CPython flushes stdout before reading stdin
    ReleaseGil unlocked(ts);
    read();
  } else {
    read();
  }
}

// How lines end in a stream (FileObj's fields of the same names).
struct LineEnds {
  bool binary, translate, any_line_end;
};

// One line's bytes from [fp], its ending included (translated to "\n" under
// universal newlines), at most [limit] characters when not negative.
std::string read_line_bytes(std::FILE* fp, LineEnds ends, int64_t limit) {
  const LineEnds* f = &ends;
  std::string line;
  int64_t chars = 0;
  int c;
  while ((limit < 0 || chars < limit) && (c = std::getc(fp)) != EOF) {
    if (!f->binary && !utf8::is_continuation(static_cast<char>(c))) ++chars;
    if (c == '\r' && !f->binary && f->any_line_end) {
      int next = std::getc(fp);
      bool crlf = next == '\n';
      if (!crlf && next != EOF) std::ungetc(next, fp);
      if (f->translate) {
        line += '\n';
      } else {
        line += '\r';
        if (crlf) line += '\n';
      }
      break;
    }
    line += static_cast<char>(c);
    if (c == '\n') break;
  }
  // A character cut by the limit is completed: limits count characters.
  while (!f->binary && (c = std::getc(fp)) != EOF) {
    if (!utf8::is_continuation(static_cast<char>(c))) {
      std::ungetc(c, fp);
      break;
    }
    line += static_cast<char>(c);
  }
  return line;
}

std::string read_line_bytes(FileObj* f, int64_t limit) {
  return read_line_bytes(f->fp, {f->binary, f->translate, f->any_line_end}, limit);
}

Value as_result(ThreadState& ts, FileObj* f, const std::string& data) {
  if (f->binary) return make_bytes(data);
  return decode_bytes(ts, data, "utf-8", "strict");
}

int64_t size_arg(ThreadState& ts, Value* args, int argc, int i) {
  if (argc <= i || args[i].is_none()) return -1;
  return expect_int(ts, args[i], "size");
}

// ---- Methods ---------------------------------------------------------------------

Value file_read(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "read", argc - 1, 0, 1);
  FileObj* f = self_of(ts, args[0]);
  check_readable(ts, f, "read");
  int64_t size = size_arg(ts, args, argc, 1);
  std::string data;
  blocking(ts, f, [&] {
    if (size < 0 && (f->binary || !f->any_line_end)) {
      char buf[65536];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f->fp)) > 0) data.append(buf, n);
      return;
    }
    if (f->binary) {
      data.resize(static_cast<size_t>(size));
      data.resize(std::fread(data.data(), 1, data.size(), f->fp));
      return;
    }
    // Text: line by line, which translates the line endings and counts
    // characters.
    for (int64_t left = size; left != 0;) {
      std::string line = read_line_bytes(f, left);
      if (line.empty()) break;
      if (left > 0) left -= utf8::count_code_points(line);
      data += line;
    }
  });
  return as_result(ts, f, data);
}

Value file_readline(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "readline", argc - 1, 0, 1);
  FileObj* f = self_of(ts, args[0]);
  check_readable(ts, f, "readline");
  int64_t size = size_arg(ts, args, argc, 1);
  std::string line;
  blocking(ts, f, [&] { line = read_line_bytes(f, size); });
  return as_result(ts, f, line);
}

Value file_readlines(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "readlines", argc - 1, 0, 1);
  FileObj* f = self_of(ts, args[0]);
  check_readable(ts, f, "readline");
  std::vector<std::string> lines;
  blocking(ts, f, [&] {
    for (std::string line; !(line = read_line_bytes(f, -1)).empty();) lines.push_back(std::move(line));
  });
  std::vector<Value> out;
  for (auto& line : lines) out.push_back(as_result(ts, f, line));
  return make_list(ts, std::move(out));
}

bool file_iternext(ThreadState& ts, const Value& self, Value& out) {
  FileObj* f = as<FileObj>(self);
  check_readable(ts, f, "readline");
  std::string line;
  blocking(ts, f, [&] { line = read_line_bytes(f, -1); });
  if (line.empty()) return false;
  out = as_result(ts, f, line);
  return true;
}

Value file_iter(ThreadState& ts, const Value& self) {
  check_open(ts, as<FileObj>(self));
  return self;
}

// Writes [v] (str in text mode, bytes in binary mode); returns its length.
int64_t write_value(ThreadState& ts, FileObj* f, const Value& v) {
  check_writable(ts, f);
  if (f->binary) {
    if (!is_bytes(v))
      raise(ts, ts.rt.types.TypeError, "a bytes-like object is required, not '" + std::string(type_name(ts, v)) + "'");
    const std::string& data = as<ObjBytes>(v)->data;
    std::fwrite(data.data(), 1, data.size(), f->fp);
    return static_cast<int64_t>(data.size());
  }
  if (!is_str(v))
    raise(ts, ts.rt.types.TypeError, "write() argument must be str, not " + std::string(type_name(ts, v)));
  const std::string& text = as<ObjStr>(v)->text;
  std::fwrite(text.data(), 1, text.size(), f->fp);
  return utf8::count_code_points(text);
}

Value file_write(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "write", argc - 1, 1, 1);
  return Value::integer(write_value(ts, self_of(ts, args[0]), args[1]));
}

Value file_writelines(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "writelines", argc - 1, 1, 1);
  FileObj* f = self_of(ts, args[0]);
  check_open(ts, f);
  Value it = get_iter(ts, args[1]);
  Value item;
  while (next_item(ts, it, item)) write_value(ts, f, item);
  return Value::none();
}

Value file_tell(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "tell", argc - 1, 0, 0);
  FileObj* f = self_of(ts, args[0]);
  check_open(ts, f);
  long pos = std::ftell(f->fp);
  if (pos < 0) raise(ts, ts.rt.types.OSError, "[Errno " + std::to_string(errno) + "] " + std::strerror(errno));
  return Value::integer(pos);
}

Value file_seek(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "seek", argc - 1, 1, 2);
  FileObj* f = self_of(ts, args[0]);
  check_open(ts, f);
  int64_t offset = expect_int(ts, args[1], "seek");
  int64_t whence = argc > 2 ? expect_int(ts, args[2], "seek") : 0;
  if (whence < 0 || whence > 2)
    raise(ts, ts.rt.types.ValueError, "invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
  if (!f->binary && whence != 0 && offset != 0)
    unsupported(ts, whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
  if (!f->binary && offset < 0) raise(ts, ts.rt.types.ValueError, "negative seek position " + std::to_string(offset));
  int how = whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END;
  if (std::fseek(f->fp, offset, how) != 0)
    raise(ts, ts.rt.types.OSError, "[Errno " + std::to_string(errno) + "] " + std::strerror(errno));
  return Value::integer(std::ftell(f->fp));
}

Value file_flush(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "flush", argc - 1, 0, 0);
  FileObj* f = self_of(ts, args[0]);
  check_open(ts, f);
  std::fflush(f->fp);
  return Value::none();
}

Value file_close(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  FileObj* f = self_of(ts, args[0]);
  if (f->closed) return Value::none();
  f->closed = true;
  if (f->owned) {
    std::fclose(f->fp);
    f->fp = nullptr;
  } else {
    std::fflush(f->fp);
  }
  return Value::none();
}

Value file_enter(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_open(ts, self_of(ts, args[0]));
  return args[0];
}

Value file_readable(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  FileObj* f = self_of(ts, args[0]);
  check_open(ts, f);
  return Value::boolean(f->readable);
}

Value file_writable(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  FileObj* f = self_of(ts, args[0]);
  check_open(ts, f);
  return Value::boolean(f->writable);
}

Value file_seekable(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  FileObj* f = self_of(ts, args[0]);
  check_open(ts, f);
  return Value::boolean(f->owned);
}

Value file_fileno(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  FileObj* f = self_of(ts, args[0]);
  check_open(ts, f);
  return Value::integer(fileno(f->fp));
}

Value file_get_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* f = as<FileObj>(self);
  if (name->text == "closed") return Value::boolean(f->closed);
  if (name->text == "name") return make_str(f->name);
  if (name->text == "mode") return make_str(f->mode);
  if (name->text == "encoding" && !f->binary) return make_str(f->encoding);
  return Value();
}

void file_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* f = as<FileObj>(self);
  out += "<_io." + self.as_obj()->type->name;
  out += " name=" + repr(ts, make_str(f->name));
  if (!f->binary) out += " mode=" + repr(ts, make_str(f->mode)) + " encoding=" + repr(ts, make_str(f->encoding));
  out += ">";
}

// ---- open() and input() ---------------------------------------------------------------

Value builtin_open(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[8];
  bind_arguments(ts, "open", args, argc, kwnames,
                 {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, a);
  if (!a[0]) raise(ts, ts.rt.types.TypeError, "open() missing required argument 'file' (pos 1)");
  if (!is_str(*a[0])) raise(ts, ts.rt.types.TypeError, "MiniPy's open() takes a path (str)");
  std::string path = as<ObjStr>(*a[0])->text;
  std::string mode = a[1] ? expect_str(ts, *a[1], "open() argument 'mode'")->text : "r";
  int kinds = 0;
  bool binary = false, text = false, plus = false;
  char kind = 'r';
  for (char c : mode) {
    if (std::strchr("rwax", c)) {
      ++kinds;
      kind = c;
    } else if (c == 'b' && !binary) {
      binary = true;
    } else if (c == 't' && !text) {
      text = true;
    } else if (c == '+' && !plus) {
      plus = true;
    } else {
      raise(ts, ts.rt.types.ValueError, "invalid mode: '" + mode + "'");
    }
  }
  if (binary && text) raise(ts, ts.rt.types.ValueError, "can't have text and binary mode at once");
  if (kinds != 1)
    raise(ts, ts.rt.types.ValueError, "must have exactly one of create/read/write/append mode");
  if (binary && a[3] && !a[3]->is_none())
    raise(ts, ts.rt.types.ValueError, "binary mode doesn't take an encoding argument");
  if (binary && a[5] && !a[5]->is_none())
    raise(ts, ts.rt.types.ValueError, "binary mode doesn't take a newline argument");
  if (a[3] && !a[3]->is_none()) {
    std::string enc = expect_str(ts, *a[3], "open() argument 'encoding'")->text;
    for (char& c : enc) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (enc != "utf-8" && enc != "utf8" && enc != "utf_8" && enc != "ascii")
      raise(ts, ts.rt.types.ValueError, "MiniPy's open() reads and writes UTF-8 only, not '" + enc + "'");
  }
  std::string encoding = "UTF-8";
  if (a[3] && !a[3]->is_none()) encoding = as<ObjStr>(*a[3])->text;
  std::string newline = "none";
  if (a[5] && !a[5]->is_none()) {
    newline = expect_str(ts, *a[5], "open() argument 'newline'")->text;
    if (newline != "" && newline != "\n") raise(ts, ts.rt.types.ValueError, "MiniPy's open() takes newline None, '' or '\\n'");
  }
  std::string cmode = std::string(1, kind == 'x' ? 'w' : kind) + (plus ? "+" : "") + (kind == 'x' ? "x" : "");
  std::FILE* fp = std::fopen(path.c_str(), cmode.c_str());
  if (!fp) raise_os_error(ts, errno, path);
  struct stat st;
  if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
    std::fclose(fp);
    raise_os_error(ts, EISDIR, path);
  }
  if (kind == 'a') std::fseek(fp, 0, SEEK_END);
  const char* type_name = !binary ? "TextIOWrapper" : plus ? "BufferedRandom" : kind == 'r' ? "BufferedReader" : "BufferedWriter";
  Value file = make<FileObj>(ts, file_type(ts.rt, type_name));
  auto* f = as<FileObj>(file);
  f->fp = fp;
  f->binary = binary;
  f->readable = kind == 'r' || plus;
  f->writable = kind != 'r' || plus;
  f->translate = newline == "none";
  f->any_line_end = newline != "\n";
  f->name = path;
  f->mode = mode;
  f->encoding = encoding;
  return file;
}

Value builtin_input(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "input", kwnames);
  check_args(ts, "input", argc, 0, 1);
  std::FILE* out = ts.rt.config.out;
  if (argc == 1) {
    std::string prompt = str(ts, args[0]);
    std::fwrite(prompt.data(), 1, prompt.size(), out);
  }
  std::fflush(out);
  std::string line;
  {
    ReleaseGil unlocked(ts);
    line = read_line_bytes(stdin, {false, true, true}, -1);
  }
  if (line.empty()) raise(ts, ts.rt.types.EOFError, "EOF when reading a line");
  if (line.back() == '\n') line.pop_back();
  return decode_bytes(ts, line, "utf-8", "strict");
}

}  // namespace

void install_file_builtins(Runtime& rt) {
  for (const char* name : {"TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRandom"}) {
    ObjType* t = new_type(rt, name, rt.types.object);
    t->tp_iter = file_iter;
    t->tp_iternext = file_iternext;
    t->tp_traverse = opaque_traverse;
    t->tp_clear = opaque_clear;
    t->tp_repr = file_repr;
    t->get_attribute = file_get_attribute;
    add_method(rt, t, "read", file_read);
    add_method(rt, t, "readline", file_readline);
    add_method(rt, t, "readlines", file_readlines);
    add_method(rt, t, "write", file_write);
    add_method(rt, t, "writelines", file_writelines);
    add_method(rt, t, "seek", file_seek);
    add_method(rt, t, "tell", file_tell);
    add_method(rt, t, "flush", file_flush);
    add_method(rt, t, "close", file_close);
    add_method(rt, t, "readable", file_readable);
    add_method(rt, t, "writable", file_writable);
    add_method(rt, t, "seekable", file_seekable);
    add_method(rt, t, "fileno", file_fileno);
    add_method(rt, t, "__enter__", file_enter);
    add_method(rt, t, "__exit__", file_close, "*");
  }
  rt.define_builtin("open", make_native("open", builtin_open,
                                        "file mode buffering encoding errors newline closefd opener"));
  rt.define_builtin("input", make_native("input", builtin_input));
}

Value make_std_stream(ThreadState& ts, int which) {
  Value file = make<FileObj>(ts, file_type(ts.rt, "TextIOWrapper"));
  auto* f = as<FileObj>(file);
  f->owned = false;
  f->encoding = "utf-8";
  if (which == 0) {
    f->fp = stdin;
    f->readable = true;
    f->name = "<stdin>";
    f->mode = "r";
  } else {
    f->fp = which == 1 ? ts.rt.config.out : ts.rt.config.err;
    f->writable = true;
    f->name = which == 1 ? "<stdout>" : "<stderr>";
    f->mode = "w";
  }
  return file;
}

std::FILE* text_stream_of(const Value& v) {
  if (!is_file(v)) return nullptr;
  auto* f = as<FileObj>(v);
  if (f->closed || f->binary || !f->writable) return nullptr;
  return f->fp;
}

}  // namespace gil
