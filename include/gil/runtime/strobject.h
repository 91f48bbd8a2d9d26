// `str` as a sequence of code points (src/runtime/strobject.cc).
//
// A str keeps its text as UTF-8 (ObjStr::text), the form it is printed,
// hashed, compared and searched in: byte order is code point order, and a
// substring found in valid UTF-8 starts and ends on code point boundaries.
// What a program counts, though, is code points, as in CPython: len(),
// indexes, slices, iteration, and the positions find() takes and returns.
// The functions below translate between the two. ASCII text, the common
// case, is recognised once (ObjStr::length equals the byte count) and then
// indexes bytes directly; other text walks its UTF-8 from the start, so
// s[i] on a non-ASCII str costs O(i). CPython's PEP 393 stores fixed-width
// code units instead; UTF-8 keeps the str and bytes lesson visible
// ('café'.encode() is the same bytes the str holds) at that price.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gil/runtime/object.h"

namespace gil {

struct ThreadState;

// The number of code points in [s], counted on first use and cached.
int64_t str_length(ObjStr* s);

// True when every code point of [s] is ASCII, so that code point indexes
// are byte offsets.
inline bool str_is_ascii(ObjStr* s) { return str_length(s) == static_cast<int64_t>(s->text.size()); }

// The byte offset where code point [index] starts (0 <= index <= length;
// index == length gives the byte size).
size_t str_offset(ObjStr* s, int64_t index);

// The number of code points before byte [offset] (a code point boundary).
int64_t str_index_at(ObjStr* s, size_t offset);

// A one-character str for [cp]: the runtime's cached one for cp < 256, as
// CPython caches the Latin-1 characters.
Value str_from_code_point(ThreadState& ts, char32_t cp);

}  // namespace gil
