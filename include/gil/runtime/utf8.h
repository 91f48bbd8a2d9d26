// UTF-8, the representation of a MiniPy str: one encoder and one lenient
// decoder for the runtime (formatting, the str methods, the codecs), so that
// the copies that had grown in format.cc and codecs.cc cannot drift apart.
// The strict decoder that reports CPython's UnicodeDecodeError positions
// stays in codecs.cc, and the scanner's source check in
// language/source_text.cc (a lower layer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gil::utf8 {

// A code point decoded from UTF-8 and the number of bytes it took.
struct Decoded {
  char32_t cp;
  size_t len;
};

// Decodes the code point at s[i] (i < s.size()). Malformed input decodes as
// the single byte's value, so that every byte belongs to some code point.
inline Decoded decode(std::string_view s, size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  size_t len;
  char32_t cp;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return {b0, 1};
  }
  if (i + len > s.size()) return {b0, 1};
  for (size_t k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {b0, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

// Appends the UTF-8 encoding of [cp] (at most 0x10FFFF) to [out].
inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

inline bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The number of code points in UTF-8 text: the bytes that are not
// continuation bytes.
inline int64_t count_code_points(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += !is_continuation(c);
  return n;
}

// Py_UNICODE_ISSPACE: str.isspace() for one code point, what str.split()
// and str.strip() treat as whitespace.
inline bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Py_UNICODE_ISLINEBREAK: the boundaries str.splitlines() splits at.
inline bool is_line_break(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || (cp >= 0x1C && cp <= 0x1E) || cp == 0x85 ||
         cp == 0x2028 || cp == 0x2029;
}

}  // namespace gil::utf8
