/* Character classification loops: upper/lower counts, all-digits, hex validation, HumanEval/66 digitSum. */
#include <stdbool.h>
#include <ctype.h>

int count_upper(const char *s) { int n = 0; for (; *s; s++) n += *s >= 'A' && *s <= 'Z'; return n; }
bool all_digits(const char *s) { if (!*s) return false; for (; *s; s++) if (!isdigit((unsigned char)*s)) return false; return true; }
bool is_hex(const char *s) {
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2;
    if (!*s) return false;
    for (; *s; s++) if (!isxdigit((unsigned char)*s)) return false;
    return true;
}
int digit_sum_upper(const char *s) { int n = 0; for (; *s; s++) if (isupper((unsigned char)*s)) n += *s; return n; }
int count_nonascii(const char *s) { int n = 0; for (; *s; s++) n += (unsigned char)*s >= 0x80; return n; }
