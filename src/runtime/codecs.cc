// The text codecs: utf-8, ascii and latin-1, with CPython's error handlers
// and its UnicodeDecodeError / UnicodeEncodeError. See codecs.h.
#include "gil/runtime/codecs.h"

#include <cstdio>

#include "gil/runtime/bytes.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/utf8.h"

namespace gil {
namespace {

enum class Codec { Utf8, Ascii, Latin1 };

// The codec an encoding name stands for, after CPython's normalisation
// (case folded, runs of punctuation and spaces turned into one '_', the
// ends trimmed), so that 'UTF8', 'utf_8' and ' utf-8 ' all mean utf-8.
std::optional<Codec> find_codec(std::string_view name) {
  std::string key;
  bool pending_sep = false;
  for (char c : name) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum) {
      pending_sep = !key.empty();
      continue;
    }
    if (pending_sep) key += '_';
    pending_sep = false;
    key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  static constexpr std::string_view utf8[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"};
  static constexpr std::string_view ascii[] = {
      "ascii",    "646",    "us_ascii",   "us",       "ansi_x3_4_1968", "ansi_x3_4_1986",   "ansi_x3_4",
      "cp367",    "csascii", "ibm367",    "iso646_us", "iso_646_irv_1991", "iso_ir_6"};
  static constexpr std::string_view latin1[] = {
      "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819",
      "iso_ir_100", "ibm819", "csisolatin1", "iso_8859_1_1987"};
  for (auto n : utf8)
    if (key == n) return Codec::Utf8;
  for (auto n : ascii)
    if (key == n) return Codec::Ascii;
  for (auto n : latin1)
    if (key == n) return Codec::Latin1;
  return std::nullopt;
}

Codec expect_codec(ThreadState& ts, std::string_view encoding) {
  auto codec = find_codec(encoding);
  if (!codec) raise(ts, ts.rt.types.LookupError, "unknown encoding: " + std::string(encoding));
  return *codec;
}

// The name CPython's messages give a codec, whatever alias was asked for.
const char* codec_name(Codec c) { return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1"; }

enum class Handler { Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace };

// The error handler named [errors]. Looked up only when an error happens,
// as CPython does, so that a bad name passes unnoticed on clean input.
Handler expect_handler(ThreadState& ts, std::string_view errors, bool decoding) {
  if (errors == "strict") return Handler::Strict;
  if (errors == "ignore") return Handler::Ignore;
  if (errors == "replace") return Handler::Replace;
  if (errors == "backslashreplace") return Handler::BackslashReplace;
  if (errors == "xmlcharrefreplace" || errors == "namereplace") {
    if (decoding)
      raise(ts, ts.rt.types.TypeError, "don't know how to handle UnicodeDecodeError in error callback");
    if (errors == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
    raise(ts, ts.rt.types.LookupError, "the 'namereplace' error handler is not supported by MiniPy");
  }
  // These two only ever rescue lone surrogates, which a MiniPy str cannot
  // hold; for anything else CPython raises the codec's own error, as strict
  // does. (Decoding b'\xed\xa0\x80' with surrogatepass would succeed there.)
  if (errors == "surrogatepass" || (errors == "surrogateescape" && !decoding)) return Handler::Strict;
  if (errors == "surrogateescape")
    raise(ts, ts.rt.types.LookupError, "the 'surrogateescape' error handler is not supported by MiniPy");
  raise(ts, ts.rt.types.LookupError, "unknown error handler name '" + std::string(errors) + "'");
}

void append_utf8(std::string& out, uint32_t cp) { utf8::append(out, cp); }

// One code point read from a MiniPy str and the bytes it took. A str is
// valid UTF-8 unless something outside the language built it; a stray byte
// then reads as the code point of its value, so encoding never loops.
struct CodePoint {
  uint32_t cp;
  size_t length;
};

CodePoint read_code_point(std::string_view s, size_t i) {
  utf8::Decoded d = utf8::decode(s, i);
  return {static_cast<uint32_t>(d.cp), d.len};
}

// "\xe9", "\u20ac" or "\U0001f600": how CPython writes a code point in
// backslashreplace output and in UnicodeEncodeError messages.
std::string escaped_code_point(uint32_t cp) {
  char buffer[16];
  if (cp <= 0xFF)
    std::snprintf(buffer, sizeof buffer, "\\x%02x", cp);
  else if (cp <= 0xFFFF)
    std::snprintf(buffer, sizeof buffer, "\\u%04x", cp);
  else
    std::snprintf(buffer, sizeof buffer, "\\U%08x", cp);
  return buffer;
}

[[noreturn]] void raise_unicode_error(ThreadState& ts, ObjType* type, std::string_view encoding, Value object, int64_t start,
                                      int64_t end, std::string_view reason) {
  Value exc = make<ObjException>(ts, type);
  as<ObjException>(exc)->args = make_tuple(ts, {make_str(std::string(encoding)), std::move(object), Value::integer(start),
                                            Value::integer(end), make_str(std::string(reason))});
  raise_value(std::move(exc));
}

// ---- Encoding ----------------------------------------------------------------

// ascii and latin-1: every code point below [limit] is one byte. A run of
// code points that do not fit is one error, as in CPython's encoder, so a
// strict error names the whole run ("characters in position 1-2").
Value encode_narrow(ThreadState& ts, std::string_view text, Codec codec, uint32_t limit, std::string_view errors) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  int64_t index = 0;  // in code points, as Python counts positions in a str
  while (i < text.size()) {
    CodePoint c = read_code_point(text, i);
    if (c.cp < limit) {
      out += static_cast<char>(c.cp);
      i += c.length;
      ++index;
      continue;
    }
    size_t run_end = i;
    int64_t end_index = index;
    while (run_end < text.size()) {
      CodePoint d = read_code_point(text, run_end);
      if (d.cp < limit) break;
      run_end += d.length;
      ++end_index;
    }
    Handler handler = expect_handler(ts, errors, false);
    switch (handler) {
      case Handler::Strict:
        raise_unicode_error(ts, ts.rt.types.UnicodeEncodeError, codec_name(codec), make_str(std::string(text)), index,
                            end_index, limit == 128 ? "ordinal not in range(128)" : "ordinal not in range(256)");
      case Handler::Ignore: break;
      case Handler::Replace: out.append(static_cast<size_t>(end_index - index), '?'); break;
      case Handler::BackslashReplace:
      case Handler::XmlCharRefReplace:
        for (size_t k = i; k < run_end;) {
          CodePoint d = read_code_point(text, k);
          out += handler == Handler::BackslashReplace ? escaped_code_point(d.cp) : "&#" + std::to_string(d.cp) + ";";
          k += d.length;
        }
        break;
    }
    i = run_end;
    index = end_index;
  }
  return make_bytes(std::move(out));
}

// ---- Decoding ----------------------------------------------------------------

// Where the UTF-8 sequence starting at data[i] ends: the index after it when
// it is well formed, or the error CPython's decoder reports for it (the
// bytes [i, end) and a reason). Mirrors Objects/stringlib/codecs.h: a
// sequence cut short by the end of the data is "unexpected end of data"
// only when every byte present could still begin a valid one.
struct Utf8Step {
  size_t end;
  const char* reason;  // null when well formed
};

Utf8Step utf8_step(std::string_view data, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(data[k]); };
  auto is_cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  size_t left = data.size() - i;
  unsigned char ch = at(i);
  if (ch < 0x80) return {i + 1, nullptr};
  if (ch < 0xC2 || ch > 0xF4) return {i + 1, "invalid start byte"};
  const Utf8Step truncated{data.size(), "unexpected end of data"};
  auto invalid = [&](size_t valid_bytes) { return Utf8Step{i + valid_bytes, "invalid continuation byte"}; };
  if (ch < 0xE0) {
    if (left < 2) return truncated;
    if (!is_cont(at(i + 1))) return invalid(1);
    return {i + 2, nullptr};
  }
  if (ch < 0xF0) {
    // E0 must be followed by A0-BF (no overlong forms), ED by 80-9F (no
    // surrogates).
    auto bad_second = [&](unsigned char c2) {
      return !is_cont(c2) || (ch == 0xE0 && c2 < 0xA0) || (ch == 0xED && c2 >= 0xA0);
    };
    if (left < 2) return truncated;
    if (bad_second(at(i + 1))) return invalid(1);
    if (left < 3) return truncated;
    if (!is_cont(at(i + 2))) return invalid(2);
    return {i + 3, nullptr};
  }
  // F0 must be followed by 90-BF (no overlong forms), F4 by 80-8F (nothing
  // above U+10FFFF).
  auto bad_second = [&](unsigned char c2) {
    return !is_cont(c2) || (ch == 0xF0 && c2 < 0x90) || (ch == 0xF4 && c2 >= 0x90);
  };
  if (left < 2) return truncated;
  if (bad_second(at(i + 1))) return invalid(1);
  if (left < 3) return truncated;
  if (!is_cont(at(i + 2))) return invalid(2);
  if (left < 4) return truncated;
  if (!is_cont(at(i + 3))) return invalid(3);
  return {i + 4, nullptr};
}

// Applies the error handler to the malformed bytes [start, end) of [data].
void decode_error(ThreadState& ts, std::string_view data, Codec codec, size_t start, size_t end, const char* reason,
                  std::string_view errors, std::string& out) {
  switch (expect_handler(ts, errors, true)) {
    case Handler::Strict:
      raise_unicode_error(ts, ts.rt.types.UnicodeDecodeError, codec_name(codec), make_bytes(std::string(data)),
                          static_cast<int64_t>(start), static_cast<int64_t>(end), reason);
    case Handler::Ignore: return;
    case Handler::Replace: out += "\xEF\xBF\xBD"; return;  // U+FFFD
    case Handler::BackslashReplace:
      for (size_t k = start; k < end; ++k) out += escaped_code_point(static_cast<unsigned char>(data[k]));
      return;
    case Handler::XmlCharRefReplace: return;  // refused by expect_handler when decoding
  }
}

}  // namespace

Value encode_text(ThreadState& ts, std::string_view text, std::string_view encoding, std::string_view errors) {
  switch (expect_codec(ts, encoding)) {
    case Codec::Utf8: return make_bytes(std::string(text));
    case Codec::Ascii: return encode_narrow(ts, text, Codec::Ascii, 0x80, errors);
    case Codec::Latin1: return encode_narrow(ts, text, Codec::Latin1, 0x100, errors);
  }
  return Value::none();
}

Value decode_bytes(ThreadState& ts, std::string_view data, std::string_view encoding, std::string_view errors) {
  Codec codec = expect_codec(ts, encoding);
  std::string out;
  out.reserve(data.size());
  size_t i = 0;
  while (i < data.size()) {
    auto byte = static_cast<unsigned char>(data[i]);
    if (codec == Codec::Latin1) {
      append_utf8(out, byte);
      ++i;
    } else if (byte < 0x80) {
      out += static_cast<char>(byte);
      ++i;
    } else if (codec == Codec::Ascii) {
      decode_error(ts, data, codec, i, i + 1, "ordinal not in range(128)", errors, out);
      ++i;
    } else {
      Utf8Step step = utf8_step(data, i);
      if (step.reason)
        decode_error(ts, data, codec, i, step.end, step.reason, errors, out);
      else
        out.append(data, i, step.end - i);
      i = step.end;
    }
  }
  return make_str(std::move(out));
}

std::optional<std::string> unicode_error_message(ThreadState& ts, const ObjException* e) {
  auto& args = as<ObjTuple>(e->args)->items;
  bool decoding = e->type->is_subtype_of(ts.rt.types.UnicodeDecodeError);
  bool encoding = e->type->is_subtype_of(ts.rt.types.UnicodeEncodeError);
  if (args.size() != 5 || !(decoding || encoding) || !is_str(args[0]) || !args[2].is_intlike() ||
      !args[3].is_intlike() || !is_str(args[4]) || !(decoding ? is_bytes(args[1]) : is_str(args[1])))
    return std::nullopt;
  const std::string& codec = as<ObjStr>(args[0])->text;
  const std::string& reason = as<ObjStr>(args[4])->text;
  int64_t start = args[2].as_int(), end = args[3].as_int();
  std::string range = "s in position " + std::to_string(start) + "-" + std::to_string(end - 1) + ": " + reason;
  if (decoding) {
    const std::string& data = as<ObjBytes>(args[1])->data;
    if (start >= 0 && start < static_cast<int64_t>(data.size()) && end == start + 1) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(data[static_cast<size_t>(start)]));
      return "'" + codec + "' codec can't decode byte " + byte + " in position " + std::to_string(start) + ": " +
             reason;
    }
    return "'" + codec + "' codec can't decode byte" + range;
  }
  const std::string& text = as<ObjStr>(args[1])->text;
  if (start >= 0 && end == start + 1) {
    size_t i = 0;
    for (int64_t index = 0; i < text.size() && index < start; ++index) i += read_code_point(text, i).length;
    if (i < text.size())
      return "'" + codec + "' codec can't encode character '" + escaped_code_point(read_code_point(text, i).cp) +
             "' in position " + std::to_string(start) + ": " + reason;
  }
  return "'" + codec + "' codec can't encode character" + range;
}

Value unicode_error_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  static constexpr std::string_view names[] = {"encoding", "object", "start", "end", "reason"};
  auto& args = as<ObjTuple>(as<ObjException>(self)->args)->items;
  if (args.size() != 5) return Value();
  for (size_t k = 0; k < 5; ++k)
    if (name->text == names[k]) return args[k];
  return Value();
}

}  // namespace gil
