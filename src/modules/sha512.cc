#include "gil/modules/sha512.h"

#include <gmp.h>

#include <array>
#include <cstdint>

namespace gil {
namespace {

// The first 64 bits of the fractional part of the [k]-th root of each of
// the first [N] primes: SHA-512's round constants (cube roots) and initial
// hash (square roots), computed exactly with GMP rather than transcribed.
template <size_t N>
std::array<uint64_t, N> root_fractions(unsigned long k) {
  std::array<uint64_t, N> out{};
  mpz_t x;
  mpz_init(x);
  size_t found = 0;
  for (unsigned long p = 2; found < N; ++p) {
    bool prime = true;
    for (unsigned long d = 2; d * d <= p; ++d) prime &= p % d != 0;
    if (!prime) continue;
    // floor(root(p * 2**(64k))) = floor(root(p) * 2**64); its low 64 bits
    // are the fraction's.
    mpz_set_ui(x, p);
    mpz_mul_2exp(x, x, 64 * k);
    mpz_root(x, x, k);
    mpz_tdiv_r_2exp(x, x, 64);
    uint64_t low = 0;
    mpz_export(&low, nullptr, -1, sizeof low, 0, 0, x);
    out[found++] = low;
  }
  mpz_clear(x);
  return out;
}

uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

}  // namespace

std::string sha512_digest(std::string_view data) {
  static const auto K = root_fractions<80>(3);
  static const auto H0 = root_fractions<8>(2);
  std::array<uint64_t, 8> h = H0;
  // The message, a 1 bit, zeros, and its length in bits as 128 bits.
  std::string m(data);
  m += static_cast<char>(0x80);
  while (m.size() % 128 != 112) m += '\0';
  uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  m.append(8, '\0');
  for (int i = 7; i >= 0; --i) m += static_cast<char>((bits >> (8 * i)) & 0xff);
  uint64_t w[80];
  for (size_t block = 0; block < m.size(); block += 128) {
    for (int t = 0; t < 16; ++t) {
      w[t] = 0;
      for (int b = 0; b < 8; ++b) w[t] = (w[t] << 8) | static_cast<unsigned char>(m[block + 8 * t + b]);
    }
    for (int t = 16; t < 80; ++t) {
      uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
      uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; ++t) {
      uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
      uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }
  std::string digest;
  for (uint64_t v : h)
    for (int i = 7; i >= 0; --i) digest += static_cast<char>((v >> (8 * i)) & 0xff);
  return digest;
}

}  // namespace gil
