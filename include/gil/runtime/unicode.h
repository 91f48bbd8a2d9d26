// Unicode character properties, as CPython 3.11 (Unicode 14.0.0) has them:
// what str's case mappings and predicates need. The database is generated
// from that interpreter (src/runtime/unicode_db.cc, by
// scripts/gen_unicode_db.py); this is the interface CPython's
// Objects/unicodectype.c gives.
#pragma once

#include <string>

namespace gil {

// str.isprintable() for one code point: false for control, format,
// surrogate, private-use and unassigned code points and for separators
// other than the space. repr() of a str escapes exactly these.
bool is_printable(char32_t cp);

namespace unicode {

bool is_alpha(char32_t cp);
bool is_decimal(char32_t cp);
bool is_digit(char32_t cp);
bool is_numeric(char32_t cp);
bool is_lower(char32_t cp);
bool is_upper(char32_t cp);
// Titlecase letters (Lt), such as U+01C5 'ǅ'.
bool is_title(char32_t cp);
// Cased (Lowercase, Uppercase or Lt) and Case_Ignorable, the two
// properties the final-sigma rule and title() look at.
bool is_cased(char32_t cp);
bool is_case_ignorable(char32_t cp);
// XID_Start and XID_Continue: what isidentifier() accepts, first and after.
bool is_xid_start(char32_t cp);
bool is_xid_continue(char32_t cp);

// The full case mappings (SpecialCasing included: 'ß' upper-cases to "SS",
// 'İ' lower-cases to "i̇"), appended to [out] as UTF-8. Capital sigma's
// final form is the caller's business (str.lower()).
void append_lower(std::string& out, char32_t cp);
void append_upper(std::string& out, char32_t cp);
void append_title(std::string& out, char32_t cp);
void append_fold(std::string& out, char32_t cp);

}  // namespace unicode
}  // namespace gil
