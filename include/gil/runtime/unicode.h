// Unicode character properties that MiniPy needs to match CPython's output.
#pragma once

namespace gil {

// str.isprintable() for the one code point [cp], as in CPython 3.11
// (Unicode 14.0.0): false for control, format, surrogate, private-use and
// unassigned code points and for separators other than the space. repr() of
// a str escapes exactly the non-printable code points. The table is
// generated: src/runtime/unicode_printable.cc, by
// scripts/gen_unicode_printable.py.
bool is_printable(char32_t cp);

}  // namespace gil
