// SHA-512 (FIPS 180-4), for Random.seed of a str or bytes (CPython's
// version 2 seeding hashes the seed with it). Not a hashlib: one function.
#pragma once

#include <string>
#include <string_view>

namespace gil {

// The 64-byte SHA-512 digest of [data].
std::string sha512_digest(std::string_view data);

}  // namespace gil
