#include <stdbool.h>
#include "../check.h"

bool is_even(int x);
bool both_positive(bool a_pos, bool b_pos);
char to_upper_c(char c);
signed char neg_s8(signed char x);
unsigned char sat_add_u8(unsigned char a, unsigned char b);
short add_short(short a, short b);
unsigned short swap_bytes16(unsigned short x);
int widen_sum(signed char a, unsigned char b, short c, unsigned short d);
long sext_byte(signed char c);
unsigned long zext_short(unsigned short s);
bool is_upper(char c);

/* call through volatile function pointers so the return value is used at full register width */
static long (*volatile p_sext)(signed char) = sext_byte;

int main(void) {
    CHECK_INT(is_even(4), 1);
    CHECK_INT(is_even(-3), 0);
    CHECK_INT(both_positive(true, true), 1);
    CHECK_INT(both_positive(true, false), 0);
    CHECK_INT(to_upper_c('q'), 'Q');
    CHECK_INT(to_upper_c('Q'), 'Q');
    CHECK_INT(to_upper_c('1'), '1');
    CHECK_INT(neg_s8(-128), -128);
    CHECK_INT(neg_s8(5), -5);
    CHECK_INT(neg_s8(-100), 100);
    CHECK_UINT(sat_add_u8(200, 100), 255);
    CHECK_UINT(sat_add_u8(20, 30), 50);
    CHECK_INT(add_short(30000, 10000), -25536);
    CHECK_INT(add_short(-5, 3), -2);
    CHECK_UINT(swap_bytes16(0x1234), 0x3412);
    CHECK_UINT(swap_bytes16(0xff00), 0x00ff);
    CHECK_INT(widen_sum(-1, 255, -1, 65535), 65788);
    CHECK_INT(widen_sum(-128, 0, -32768, 0), -32896);
    CHECK_INT(p_sext(-1), -1L);
    CHECK_INT(sext_byte(-128), -128L);
    CHECK_UINT(zext_short(0xffff), 0xffffUL);
    bool u = is_upper('M');
    int ui = u;
    CHECK_INT(ui, 1);
    CHECK_INT(is_upper('m'), 0);
    END_CHECKS();
}
