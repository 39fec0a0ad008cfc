/* bool/char/short/unsigned char/signed char parameters and results, as HumanEval ports write them:
 * is_vowel(char), next_letter(char), digit_value(char) -> signed char, checksums over unsigned char,
 * short arithmetic wrap-around, bool arrays, char-returning helpers. */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

bool is_vowel(char c) {
    c = (char)tolower((unsigned char)c);
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

char next_letter(char c) {
    if (c == 'z') return 'a';
    if (c == 'Z') return 'A';
    return (char)(c + 1);
}

signed char digit_value(char c) {
    if (c >= '0' && c <= '9') return (signed char)(c - '0');
    if (c >= 'a' && c <= 'f') return (signed char)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (signed char)(c - 'A' + 10);
    return -1;
}

unsigned char xor_checksum(const unsigned char *p, size_t n) {
    unsigned char x = 0;
    for (size_t i = 0; i < n; i++) x ^= p[i];
    return x;
}

uint8_t sum_bytes_wrap(const uint8_t *p, int n) {
    uint8_t s = 0;
    for (int i = 0; i < n; i++) s = (uint8_t)(s + p[i]);
    return s;
}

short add_short(short a, short b) { return (short)(a + b); }
unsigned short mul_ushort(unsigned short a, unsigned short b) { return (unsigned short)(a * b); }
int widen_sum(signed char a, unsigned char b, short c, unsigned short d) { return a + b + c + d; }

bool all_true(const bool *flags, int n) {
    for (int i = 0; i < n; i++)
        if (!flags[i]) return false;
    return true;
}

int count_true(const bool *flags, int n) {
    int c = 0;
    for (int i = 0; i < n; i++) c += flags[i];
    return c;
}

char most_common_char(const char *s) {
    int counts[256] = {0};
    unsigned char best = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        counts[*p]++;
        if (counts[*p] > counts[best] || (counts[*p] == counts[best] && *p < best)) best = *p;
    }
    return (char)best;
}

bool bool_not(bool b) { return !b; }
bool bool_xor(bool a, bool b) { return a != b; }

int16_t clamp_to_i16(int x) {
    if (x > INT16_MAX) return INT16_MAX;
    if (x < INT16_MIN) return INT16_MIN;
    return (int16_t)x;
}

char to_hex_digit(unsigned v) { return "0123456789abcdef"[v & 15]; }

void caesar(char *s, signed char shift) {
    for (; *s; s++) {
        if (islower((unsigned char)*s)) *s = (char)('a' + ((*s - 'a' + shift) % 26 + 26) % 26);
        else if (isupper((unsigned char)*s)) *s = (char)('A' + ((*s - 'A' + shift) % 26 + 26) % 26);
    }
}
