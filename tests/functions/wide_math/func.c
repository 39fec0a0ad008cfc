/* 64-bit and 128-bit integer arithmetic: multiply-high, checked multiply, division of negatives, mulmod. */
#include <stdint.h>
#include <stdbool.h>

uint64_t mulhi_u64(uint64_t a, uint64_t b) { return (uint64_t)(((unsigned __int128)a * b) >> 64); }
int64_t mulhi_s64(int64_t a, int64_t b) { return (int64_t)(((__int128)a * b) >> 64); }
bool checked_mul(int64_t a, int64_t b, int64_t *out) { return __builtin_mul_overflow(a, b, out); }
uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) { return (uint64_t)((unsigned __int128)a * b % m); }
int64_t floor_div(int64_t a, int64_t b) { int64_t q = a / b; if ((a % b != 0) && ((a < 0) != (b < 0))) q--; return q; }
int64_t trunc_mod(int64_t a, int64_t b) { return a % b; }
uint32_t udiv_const(uint32_t x) { return x / 7; }
int32_t sdiv_const(int32_t x) { return x / -9; }
