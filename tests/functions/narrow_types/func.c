/* Taking and returning bool, char, signed/unsigned char and short: callers and callees must agree on extension. */
#include <stdbool.h>

bool is_even(int x) { return x % 2 == 0; }
bool both_positive(bool a_pos, bool b_pos) { return a_pos && b_pos; }
char to_upper_c(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 32) : c; }
signed char neg_s8(signed char x) { return (signed char)-x; }
unsigned char sat_add_u8(unsigned char a, unsigned char b) { unsigned s = (unsigned)a + b; return s > 255 ? 255 : (unsigned char)s; }
short add_short(short a, short b) { return (short)(a + b); }
unsigned short swap_bytes16(unsigned short x) { return (unsigned short)((x << 8) | (x >> 8)); }
int widen_sum(signed char a, unsigned char b, short c, unsigned short d) { return a + b + c + d; }
long sext_byte(signed char c) { return c; }
unsigned long zext_short(unsigned short s) { return s; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
