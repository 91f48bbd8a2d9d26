#include "gil/language/source_text.h"

#include <fmt/format.h>

namespace gil {
namespace {

bool continuation(unsigned char c) { return c >= 0x80 && c <= 0xBF; }

// The length of the well-formed UTF-8 sequence at [at] (the Unicode
// standard's table 3-7), or 0 when there is none.
size_t sequence_length(std::string_view s, size_t at) {
  auto byte = [&](size_t i) { return at + i < s.size() ? static_cast<unsigned char>(s[at + i]) : 0; };
  unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  // The range the second byte must fall in narrows for the leads whose
  // sequences could otherwise be overlong, surrogates or past U+10FFFF.
  unsigned char lo = 0x80, hi = 0xBF;
  size_t length;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  else return 0;
  if (lead == 0xE0) lo = 0xA0;
  if (lead == 0xED) hi = 0x9F;
  if (lead == 0xF0) lo = 0x90;
  if (lead == 0xF4) hi = 0x8F;
  if (byte(1) < lo || byte(1) > hi) return 0;
  for (size_t i = 2; i < length; ++i)
    if (!continuation(byte(i))) return 0;
  return length;
}

}  // namespace

std::optional<SourceEncodingError> check_utf8(std::string_view source, const std::string& filename) {
  int line = 1;
  size_t line_start = 0;
  for (size_t at = 0; at < source.size();) {
    char c = source[at];
    if (c == '\n' || (c == '\r' && (at + 1 == source.size() || source[at + 1] != '\n'))) {
      ++line;
      line_start = at + 1;
    }
    size_t length = sequence_length(source, at);
    if (length == 0) {
      auto bad = static_cast<unsigned char>(c);
      return SourceEncodingError(fmt::format("Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no "
                                             "encoding declared; see https://peps.python.org/pep-0263/ for details",
                                             bad, filename, line),
                                 line, static_cast<int>(at - line_start) + 1);
    }
    at += length;
  }
  return std::nullopt;
}

}  // namespace gil
