// The algorithms str and bytes share, after CPython's Objects/stringlib/:
// searching within [start, end), splitting (by a separator or by runs of
// whitespace, from either end), partitioning, stripping, replacing and the
// affix tests. A MiniPy str is UTF-8, and every one of these works on UTF-8
// bytes unchanged, because a valid UTF-8 needle can only match at a code
// point boundary; so one copy, on std::string_view, serves both types. What
// differs between them is passed in: which characters are whitespace (a
// predicate that reads the character at a position and says how many bytes
// it spans), and the Python-level wrapping (make_str or make_bytes), which
// stays with the callers in str_methods.cc and bytes_methods.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gil::stringlib {

// The first (or, [from_right], last) position of [sub] in s[start, end), or
// -1. [start] may lie past the end (then nothing is found, not even the
// empty string), [end] is already clamped to s.size(), as CPython's
// ADJUST_INDICES leaves them.
inline int64_t find(std::string_view s, std::string_view sub, int64_t start, int64_t end, bool from_right) {
  if (end - start < static_cast<int64_t>(sub.size())) return -1;
  std::string_view window = s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  size_t at = from_right ? window.rfind(sub) : window.find(sub);
  return at == std::string_view::npos ? -1 : static_cast<int64_t>(at) + start;
}

// Non-overlapping occurrences of [sub] in s[start, end); the empty needle
// occurs once per position, end included.
inline int64_t count(std::string_view s, std::string_view sub, int64_t start, int64_t end) {
  if (end - start < static_cast<int64_t>(sub.size())) return 0;
  std::string_view window = s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  if (sub.empty()) return static_cast<int64_t>(window.size()) + 1;
  int64_t n = 0;
  for (size_t at = window.find(sub); at != std::string_view::npos; at = window.find(sub, at + sub.size())) ++n;
  return n;
}

// split(sep, maxsplit) with a non-empty [sep]: at most [maxsplit] splits
// from the left (all when negative).
inline std::vector<std::string_view> split(std::string_view s, std::string_view sep, int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, start)) {
    if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) break;
    parts.push_back(s.substr(start, at - start));
    start = at + sep.size();
  }
  parts.push_back(s.substr(start));
  return parts;
}

// rsplit(sep, maxsplit): the splits are made from the right; the parts come
// back in their left-to-right order.
inline std::vector<std::string_view> rsplit(std::string_view s, std::string_view sep, int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t end = s.size();
  while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
    if (end < sep.size()) break;
    size_t at = s.substr(0, end).rfind(sep);
    if (at == std::string_view::npos) break;
    parts.push_back(s.substr(at + sep.size(), end - at - sep.size()));
    end = at;
  }
  parts.push_back(s.substr(0, end));
  return {parts.rbegin(), parts.rend()};
}

// split() without a separator (CPython's split_whitespace): runs of
// whitespace separate the parts and none is empty; once [maxsplit] splits
// are made, the rest is the last part, its leading whitespace skipped and
// its trailing whitespace kept ('  a b  '.split(None, 1) == ['a', 'b  ']).
// [space](s, i) is the length of the whitespace character at s[i], 0 when
// it is none.
template <class Space>
std::vector<std::string_view> split_whitespace(std::string_view s, int64_t maxsplit, Space space) {
  std::vector<std::string_view> parts;
  size_t i = 0, n = s.size();
  while (true) {
    while (i < n && space(s, i)) i += space(s, i);
    if (i >= n) break;
    if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
      parts.push_back(s.substr(i));
      break;
    }
    size_t j = i;
    while (j < n && !space(s, j)) ++j;
    parts.push_back(s.substr(i, j - i));
    i = j;
  }
  return parts;
}

// The start of the character that ends just before s[end]: [step_back]
// skips UTF-8 continuation bytes (str); bytes steps one byte.
inline size_t char_start_before(std::string_view s, size_t end, bool utf8) {
  size_t i = end - 1;
  if (utf8)
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// rsplit() without a separator: split_whitespace mirrored.
template <class Space>
std::vector<std::string_view> rsplit_whitespace(std::string_view s, int64_t maxsplit, Space space, bool utf8) {
  std::vector<std::string_view> parts;
  size_t e = s.size();
  auto space_before = [&](size_t end) {
    size_t at = char_start_before(s, end, utf8);
    return space(s, at) ? at : std::string_view::npos;
  };
  while (true) {
    for (size_t at; e > 0 && (at = space_before(e)) != std::string_view::npos;) e = at;
    if (e == 0) break;
    if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
      parts.push_back(s.substr(0, e));
      break;
    }
    size_t b = e;
    while (b > 0 && space_before(b) == std::string_view::npos) b = char_start_before(s, b, utf8);
    parts.push_back(s.substr(b, e - b));
    e = b;
  }
  return {parts.rbegin(), parts.rend()};
}

// partition / rpartition with a non-empty [sep]: (before, sep, after), or
// when sep is absent (s, '', '') from the left and ('', '', s) from the right.
struct Partition {
  std::string_view before, sep, after;
};

inline Partition partition(std::string_view s, std::string_view sep, bool from_right) {
  size_t at = from_right ? s.rfind(sep) : s.find(sep);
  if (at == std::string_view::npos)
    return from_right ? Partition{{}, {}, s} : Partition{s, {}, {}};
  return {s.substr(0, at), s.substr(at, sep.size()), s.substr(at + sep.size())};
}

// strip / lstrip / rstrip: [strip_at](s, i) is the length of the strippable
// character at s[i] (0 when it stays); stripping from the right steps back
// whole characters.
template <class Strippable>
std::string_view strip(std::string_view s, bool left, bool right, Strippable strip_at, bool utf8) {
  size_t b = 0, e = s.size();
  if (left)
    while (b < e && strip_at(s, b)) b += strip_at(s, b);
  if (right)
    while (e > b) {
      size_t at = char_start_before(s, e, utf8);
      if (!strip_at(s, at)) break;
      e = at;
    }
  return s.substr(b, e - b);
}

// replace(old, new, count): an empty [from] inserts [to] before every
// character and at the end, at most [count] times. [next_char](s, i) is the
// length of the character at s[i] (1 for bytes, its UTF-8 length for str).
template <class CharLen>
std::string replace(std::string_view s, std::string_view from, std::string_view to, int64_t count, CharLen next_char) {
  std::string out;
  int64_t done = 0;
  if (from.empty()) {
    size_t i = 0;
    while (true) {
      if (count < 0 || done < count) {
        out += to;
        ++done;
      }
      if (i >= s.size()) break;
      size_t len = next_char(s, i);
      out.append(s.substr(i, len));
      i += len;
    }
    return out;
  }
  size_t start = 0;
  for (size_t at = s.find(from); at != std::string_view::npos && (count < 0 || done < count); at = s.find(from, start)) {
    out.append(s.substr(start, at - start));
    out += to;
    start = at + from.size();
    ++done;
  }
  out.append(s.substr(start));
  return out;
}

// startswith / endswith on s[start, end) (CPython's tailmatch): the affix
// must fit in the window, and a start past the end matches nothing.
inline bool tailmatch(std::string_view s, std::string_view affix, int64_t start, int64_t end, bool prefix) {
  if (start > static_cast<int64_t>(s.size())) return false;
  if (end - start < static_cast<int64_t>(affix.size())) return false;
  std::string_view window = s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  return prefix ? window.substr(0, affix.size()) == affix : window.substr(window.size() - affix.size()) == affix;
}

// removeprefix / removesuffix.
inline std::string_view remove_affix(std::string_view s, std::string_view affix, bool prefix) {
  if (affix.empty() || s.size() < affix.size()) return s;
  if (prefix) return s.substr(0, affix.size()) == affix ? s.substr(affix.size()) : s;
  return s.substr(s.size() - affix.size()) == affix ? s.substr(0, s.size() - affix.size()) : s;
}

// expandtabs(tabsize): each tab becomes spaces up to the next multiple of
// [tabsize] columns (none when tabsize <= 0); '\n' and '\r' reset the
// column. [utf8]: a column is a code point, not a byte.
inline std::string expandtabs(std::string_view s, int64_t tabsize, bool utf8) {
  std::string out;
  int64_t column = 0;
  for (char c : s) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t pad = tabsize - column % tabsize;
        out.append(static_cast<size_t>(pad), ' ');
        column += pad;
      }
      continue;
    }
    out += c;
    if (c == '\n' || c == '\r')
      column = 0;
    else if (!utf8 || (static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++column;
  }
  return out;
}

// splitlines(keepends): [line_break](s, i) is the length of the line
// boundary at s[i], 0 when there is none; "\r\n" counts as one boundary.
template <class LineBreak>
std::vector<std::string_view> splitlines(std::string_view s, bool keepends, LineBreak line_break) {
  std::vector<std::string_view> parts;
  size_t start = 0, i = 0;
  while (i < s.size()) {
    size_t len = line_break(s, i);
    if (!len) {
      ++i;
      continue;
    }
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') len = 2;
    parts.push_back(s.substr(start, (keepends ? i + len : i) - start));
    i += len;
    start = i;
  }
  if (start < s.size()) parts.push_back(s.substr(start));
  return parts;
}

// center / ljust / rjust: [where] < 0 pads on the right, > 0 on the left, 0
// on both sides, the extra one on the left when the padding and [width] are
// both odd (CPython's pad()). [length] is the width s already takes.
inline std::string pad(std::string_view s, int64_t length, int64_t width, std::string_view fill, int where) {
  auto total = static_cast<size_t>(width - length);
  size_t left = where < 0 ? 0 : where > 0 ? total : (total / 2 + (total & static_cast<size_t>(width) & 1));
  std::string out;
  for (size_t k = 0; k < left; ++k) out += fill;
  out += s;
  for (size_t k = left; k < total; ++k) out += fill;
  return out;
}

// zfill(width): zeros after a leading sign.
inline std::string zfill(std::string_view s, int64_t length, int64_t width) {
  std::string out(s);
  size_t sign = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  out.insert(sign, static_cast<size_t>(width - length), '0');
  return out;
}

// ASCII case, which is all the case bytes has (and, for now, all str has):
// title() upper-cases a letter that follows an uncased character and
// lower-cases the others; istitle() checks that shape.
inline bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline char to_upper(char c) { return ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
inline char to_lower(char c) { return ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string swapcase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c) ? to_upper(c) : to_lower(c);
  return out;
}

inline std::string capitalize(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) out[i] = i == 0 ? to_upper(out[i]) : to_lower(out[i]);
  return out;
}

inline std::string title(std::string_view s) {
  std::string out(s);
  bool prev_cased = false;
  for (char& c : out) {
    bool cased = ascii_lower(c) || ascii_upper(c);
    c = prev_cased ? to_lower(c) : to_upper(c);
    prev_cased = cased;
  }
  return out;
}

inline bool istitle(std::string_view s) {
  bool cased = false, prev_cased = false;
  for (char c : s) {
    if (ascii_upper(c)) {
      if (prev_cased) return false;
      prev_cased = cased = true;
    } else if (ascii_lower(c)) {
      if (!prev_cased) return false;
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return cased;
}

inline bool isascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace gil::stringlib
