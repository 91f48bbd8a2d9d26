#include "gil/modules/sha512.h"

#include <gtest/gtest.h>

#include <string>

namespace gil {
namespace {

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

// Digests from CPython's hashlib.sha512, around the padding boundaries:
// 111 bytes fit one block with the length, 112 need a second.
TEST(Sha512, MatchesHashlib) {
  EXPECT_EQ(hex(sha512_digest("")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
            "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
  EXPECT_EQ(hex(sha512_digest("abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  EXPECT_EQ(hex(sha512_digest(std::string(111, 'a'))),
            "fa9121c7b32b9e01733d034cfc78cbf67f926c7ed83e82200ef86818196921760"
            "b4beff48404df811b953828274461673c68d04e297b0eb7b2b4d60fc6b566a2");
  EXPECT_EQ(hex(sha512_digest(std::string(112, 'a'))),
            "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32"
            "bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca");
  EXPECT_EQ(hex(sha512_digest(std::string(1000, 'a'))),
            "67ba5535a46e3f86dbfbed8cbbaf0125c76ed549ff8b0b9e03e0c88cf90fa634"
            "fa7b12b47d77b694de488ace8d9a65967dc96df599727d3292a8d9d447709c97");
}

}  // namespace
}  // namespace gil
