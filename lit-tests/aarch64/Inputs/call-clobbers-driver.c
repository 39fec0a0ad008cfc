/* Calls the functions of call-clobbers.s and prints what they return. */
#include <stdio.h>

long sum_kept(const long *p, long n);
long idioms(const char *s);
long twice(long x);

long ext_a(long x) { return x * 3; }
long ext_b(long x) { return x + 7; }

int main(void) {
    static const long v[] = {1, 20, 300, 4000};
    printf("sum_kept %ld\n", sum_kept(v, 4));
    printf("idioms %ld\n", idioms("hello"));
    printf("twice %ld\n", twice(5));
    return 0;
}
