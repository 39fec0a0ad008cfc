#include <stdlib.h>
#include "../check.h"

int fizz_buzz_sevens(int n);
char *fizzbuzz(int n);

int main(void) {
    CHECK_INT(fizz_buzz_sevens(50), 0);
    CHECK_INT(fizz_buzz_sevens(78), 2);
    CHECK_INT(fizz_buzz_sevens(79), 3);
    CHECK_INT(fizz_buzz_sevens(100), 3);
    CHECK_INT(fizz_buzz_sevens(4000), 192);
    CHECK_INT(fizz_buzz_sevens(10000), 639);
    char *s = fizzbuzz(15);
    CHECK_STR(s, "1 2 Fizz 4 Buzz Fizz 7 8 Fizz Buzz 11 Fizz 13 14 FizzBuzz");
    free(s);
    s = fizzbuzz(0);
    CHECK_STR(s, "");
    free(s);
    s = fizzbuzz(1000);
    CHECK_INT(strlen(s), 4672);
    free(s);
    END_CHECKS();
}
