#include <stdlib.h>
#include "../check.h"

int digit_sum_div(int n);
long ldiv_combo(long a, long b);
long long lldiv_combo(long long a, long long b);
long long abs_sum(const long *a, const long long *b, int n);
unsigned long parse_hex(const char *s);
long long parse_base(const char *s, int base, int *consumed);
long parse_atol(const char *s);
char *format_exact(const char *name, int value, double ratio);
int count_fields(const char *line);
int first_index_of(const char *buf, int n, char c);
void fill_pattern(unsigned char *buf, int n, unsigned char v);
typedef struct { char name[16]; int age; } Person;
void sort_people(Person *p, int n);
void upper_all(char **words, int n);

int main(void) {
    CHECK_INT(digit_sum_div(12345), 15);
    CHECK_INT(digit_sum_div(-909), 18);
    CHECK_INT(digit_sum_div(0), 0);
    CHECK_INT(ldiv_combo(123456789012L, 1000000L), 123456000L + 789012L);
    CHECK_INT(ldiv_combo(-7, 2), -3000 - 1);
    CHECK_INT(lldiv_combo(-9000000000LL, 7), -1285714285000LL - 5);
    CHECK_INT(abs_sum((long[]){-1, 2, -3}, (long long[]){-4, 5, -6000000000LL}, 3), 6000000015LL);
    CHECK_UINT(parse_hex("ff"), 255);
    CHECK_UINT(parse_hex("0xDEADBEEFcafe"), 0xDEADBEEFCAFEUL);
    int used;
    CHECK_INT(parse_base("1011xyz", 2, &used), 11); CHECK_INT(used, 4);
    CHECK_INT(parse_base("  -zz", 36, &used), -1295); CHECK_INT(used, 5);
    CHECK_INT(parse_base("0777", 0, &used), 511); CHECK_INT(used, 4);
    CHECK_INT(parse_atol("  -9876543210abc"), -9876543210L);
    char *s = format_exact("ratio", -42, 2.0 / 3);
    CHECK_STR(s, "ratio=-42 (0.667)");
    free(s);
    CHECK_INT(count_fields("a,b;c,,d"), 4);
    CHECK_INT(count_fields(""), 0);
    CHECK_INT(count_fields(",;,"), 0);
    CHECK_INT(first_index_of("hello\0world", 11, 'w'), 6);
    CHECK_INT(first_index_of("hello", 5, 'z'), -1);
    unsigned char b[37];
    fill_pattern(b, 37, 0xa5);
    int ok = 1;
    for (int i = 0; i < 37; i++) ok &= b[i] == 0xa5;
    CHECK(ok);
    Person p[] = {{"zed", 30}, {"amy", 25}, {"bob", 30}, {"cat", 19}, {"al", 25}};
    sort_people(p, 5);
    CHECK_STR(p[0].name, "cat"); CHECK_STR(p[1].name, "al"); CHECK_STR(p[2].name, "amy");
    CHECK_STR(p[3].name, "bob"); CHECK_STR(p[4].name, "zed");
    char w1[] = "hello", w2[] = "World!", w3[] = "";
    char *words[] = {w1, w2, w3};
    upper_all(words, 3);
    CHECK_STR(w1, "HELLO"); CHECK_STR(w2, "WORLD!"); CHECK_STR(w3, "");
    END_CHECKS();
}
