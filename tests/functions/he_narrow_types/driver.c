#include <stdbool.h>
#include <stdint.h>
#include "../check.h"

bool is_vowel(char c);
char next_letter(char c);
signed char digit_value(char c);
unsigned char xor_checksum(const unsigned char *p, size_t n);
uint8_t sum_bytes_wrap(const uint8_t *p, int n);
short add_short(short a, short b);
unsigned short mul_ushort(unsigned short a, unsigned short b);
int widen_sum(signed char a, unsigned char b, short c, unsigned short d);
bool all_true(const bool *flags, int n);
int count_true(const bool *flags, int n);
char most_common_char(const char *s);
bool bool_not(bool b);
bool bool_xor(bool a, bool b);
int16_t clamp_to_i16(int x);
char to_hex_digit(unsigned v);
void caesar(char *s, signed char shift);

int main(void) {
    CHECK_INT(is_vowel('a'), 1);
    CHECK_INT(is_vowel('E'), 1);
    CHECK_INT(is_vowel('y'), 0);
    CHECK_INT(is_vowel('\xe9'), 0);
    CHECK_INT(next_letter('a'), 'b');
    CHECK_INT(next_letter('z'), 'a');
    CHECK_INT(next_letter('Z'), 'A');
    CHECK_INT(digit_value('7'), 7);
    CHECK_INT(digit_value('f'), 15);
    CHECK_INT(digit_value('B'), 11);
    CHECK_INT(digit_value('g'), -1);
    CHECK_INT(digit_value('\x80'), -1);
    unsigned char bytes[] = {0x12, 0x34, 0xff, 0x80};
    CHECK_INT(xor_checksum(bytes, 4), 0x12 ^ 0x34 ^ 0xff ^ 0x80);
    CHECK_INT(xor_checksum(bytes, 0), 0);
    CHECK_INT(sum_bytes_wrap(bytes, 4), (0x12 + 0x34 + 0xff + 0x80) & 0xff);
    CHECK_INT(add_short(32767, 1), -32768);
    CHECK_INT(add_short(-100, 50), -50);
    CHECK_INT(mul_ushort(300, 300), (300 * 300) & 0xffff);
    CHECK_INT(widen_sum(-128, 255, -32768, 65535), -128 + 255 - 32768 + 65535);
    bool f1[] = {true, true, true}, f2[] = {true, false, true, false, true};
    CHECK_INT(all_true(f1, 3), 1);
    CHECK_INT(all_true(f2, 5), 0);
    CHECK_INT(all_true(f2, 0), 1);
    CHECK_INT(count_true(f2, 5), 3);
    CHECK_INT(most_common_char("abracadabra"), 'a');
    CHECK_INT(most_common_char("zzyy"), 'y');
    CHECK_INT(most_common_char("\xff\xff" "a"), '\xff');
    CHECK_INT(bool_not(true), 0);
    CHECK_INT(bool_not(false), 1);
    CHECK_INT(bool_xor(true, false), 1);
    CHECK_INT(bool_xor(true, true), 0);
    CHECK_INT(clamp_to_i16(40000), 32767);
    CHECK_INT(clamp_to_i16(-40000), -32768);
    CHECK_INT(clamp_to_i16(-5), -5);
    CHECK_INT(to_hex_digit(10), 'a');
    CHECK_INT(to_hex_digit(0x1f), 'f');
    char s[] = "Hello, World xyz";
    caesar(s, 3);
    CHECK_STR(s, "Khoor, Zruog abc");
    caesar(s, -3);
    CHECK_STR(s, "Hello, World xyz");
    caesar(s, -55);
    CHECK_STR(s, "Ebiil, Tloia uvw");
    END_CHECKS();
}
