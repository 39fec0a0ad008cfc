#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

int hex_key(const char *num);
char *decimal_to_binary(int decimal);
bool is_happy(const char *s);
bool prime_length(const char *str);
int starts_one_ends(int n);
char *solve(int N);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_INT(hex_key("AB"), 1);
    CHECK_INT(hex_key("1077E"), 2);
    CHECK_INT(hex_key("ABED1A33"), 4);
    CHECK_INT(hex_key("2020"), 2);
    CHECK_INT(hex_key("123456789ABCDEF0"), 6);
    CHECK_INT(hex_key("112233445566778899AABBCCDDEEFF00"), 12);
    CHECK_INT(hex_key(""), 0);
    CHECK_FREE(decimal_to_binary(0), "db0db");
    CHECK_FREE(decimal_to_binary(32), "db100000db");
    CHECK_FREE(decimal_to_binary(103), "db1100111db");
    CHECK_FREE(decimal_to_binary(15), "db1111db");
    CHECK_FREE(decimal_to_binary(2147483647), "db1111111111111111111111111111111db");
    CHECK_INT(is_happy("a"), 0);
    CHECK_INT(is_happy("aa"), 0);
    CHECK_INT(is_happy("abcd"), 1);
    CHECK_INT(is_happy("aabb"), 0);
    CHECK_INT(is_happy("adb"), 1);
    CHECK_INT(is_happy("xyy"), 0);
    CHECK_INT(is_happy("iopaxpoi"), 1);
    CHECK_INT(is_happy("iopaxioi"), 0);
    CHECK_INT(prime_length("Hello"), 1);
    CHECK_INT(prime_length("abcdcba"), 1);
    CHECK_INT(prime_length("kittens"), 1);
    CHECK_INT(prime_length("orange"), 0);
    CHECK_INT(prime_length("wow"), 1);
    CHECK_INT(prime_length("world"), 1);
    CHECK_INT(prime_length("MadaM"), 1);
    CHECK_INT(prime_length("Wow"), 1);
    CHECK_INT(prime_length(""), 0);
    CHECK_INT(prime_length("HI"), 1);
    CHECK_INT(prime_length("go"), 1);
    CHECK_INT(prime_length("gogo"), 0);
    CHECK_INT(prime_length("aaaaaaaaaaaaaaa"), 0);
    CHECK_INT(prime_length("Madam"), 1);
    CHECK_INT(prime_length("M"), 0);
    CHECK_INT(prime_length("0"), 0);
    CHECK_INT(starts_one_ends(1), 1);
    CHECK_INT(starts_one_ends(2), 18);
    CHECK_INT(starts_one_ends(3), 180);
    CHECK_INT(starts_one_ends(4), 1800);
    CHECK_INT(starts_one_ends(5), 18000);
    CHECK_INT(starts_one_ends(0), 0);
    CHECK_FREE(solve(1000), "1");
    CHECK_FREE(solve(150), "110");
    CHECK_FREE(solve(147), "1100");
    CHECK_FREE(solve(333), "1001");
    CHECK_FREE(solve(963), "10010");
    CHECK_FREE(solve(0), "0");
    END_CHECKS();
}
