// Text encodings: turning a str into bytes (str.encode, bytes(s, enc)) and
// bytes into a str (bytes.decode, str(b, enc)), with CPython's errors.
//
// A MiniPy str already is UTF-8, so the utf-8 codec copies the text when
// encoding and validates it when decoding. Decoding follows CPython's UTF-8
// decoder exactly (which byte ranges form one error, and their reasons),
// because the positions and reasons show in UnicodeDecodeError messages.
// MiniPy knows three codecs, under CPython's names and aliases: utf-8, ascii
// and latin-1; and four error handlers: strict, ignore, replace and
// backslashreplace, plus xmlcharrefreplace when encoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"

namespace gil {

// [text] encoded with [encoding] as a bytes value. LookupError for an
// unknown encoding, UnicodeEncodeError (strict) for a character the
// encoding cannot hold.
Value encode_text(ThreadState& ts, std::string_view text, std::string_view encoding, std::string_view errors);

// [data] decoded with [encoding] as a str value. LookupError for an unknown
// encoding, UnicodeDecodeError (strict) for malformed input.
Value decode_bytes(ThreadState& ts, std::string_view data, std::string_view encoding, std::string_view errors);

// str(e) for a UnicodeDecodeError or UnicodeEncodeError whose args are
// CPython's five (encoding, object, start, end, reason): "'utf-8' codec
// can't decode byte 0xff in position 0: invalid start byte". Nothing when
// the args have another shape, so that the usual rule applies.
std::optional<std::string> unicode_error_message(ThreadState& ts, const ObjException* e);

// The attributes encoding, object, start, end and reason of such an
// exception (ObjType::get_attribute), read from its args.
Value unicode_error_attribute(ThreadState& ts, const Value& self, ObjStr* name);

}  // namespace gil
