// Lookups in the character database (unicode_db.h), after CPython's
// Objects/unicodectype.c.
#include "gil/runtime/unicode.h"

#include "gil/runtime/utf8.h"

#include "unicode_db.h"

namespace gil {
namespace {

using namespace unicode_db;

const Record& record(char32_t cp) {
  if (cp > 0x10FFFF) return kRecords[0];
  return kRecords[kBlocks[kBlockOf[cp >> kShift]][cp & ((1u << kShift) - 1)]];
}

bool has(char32_t cp, uint32_t flag) { return (record(cp).flags & flag) != 0; }

void append_mapping(std::string& out, char32_t cp, int32_t Record::*field, uint32_t extended_flag) {
  const Record& r = record(cp);
  int32_t value = r.*field;
  if (!(r.flags & extended_flag)) {
    utf8::append(out, static_cast<char32_t>(static_cast<int32_t>(cp) + value));
    return;
  }
  const char32_t* run = &kExtended[value];
  for (char32_t k = 1; k <= run[0]; ++k) utf8::append(out, run[k]);
}

}  // namespace

bool is_printable(char32_t cp) { return has(cp, kPrintable); }

namespace unicode {

bool is_alpha(char32_t cp) { return has(cp, kAlpha); }
bool is_decimal(char32_t cp) { return has(cp, kDecimal); }
bool is_digit(char32_t cp) { return has(cp, kDigit); }
bool is_numeric(char32_t cp) { return has(cp, kNumeric); }
bool is_lower(char32_t cp) { return has(cp, kLower); }
bool is_upper(char32_t cp) { return has(cp, kUpper); }
bool is_title(char32_t cp) { return has(cp, kTitle); }
bool is_cased(char32_t cp) { return has(cp, kCased); }
bool is_case_ignorable(char32_t cp) { return has(cp, kCaseIgnorable); }
bool is_xid_start(char32_t cp) { return has(cp, kXidStart); }
bool is_xid_continue(char32_t cp) { return has(cp, kXidContinue); }

void append_lower(std::string& out, char32_t cp) { append_mapping(out, cp, &Record::lower, kLowerExtended); }
void append_upper(std::string& out, char32_t cp) { append_mapping(out, cp, &Record::upper, kUpperExtended); }
void append_title(std::string& out, char32_t cp) { append_mapping(out, cp, &Record::title, kTitleExtended); }
void append_fold(std::string& out, char32_t cp) { append_mapping(out, cp, &Record::fold, kFoldExtended); }

}  // namespace unicode
}  // namespace gil
