/* HumanEval/36-style digit counting and a malloc'd FizzBuzz string. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fizz_buzz_sevens(int n) {
    int count = 0;
    for (int i = 0; i < n; i++)
        if (i % 11 == 0 || i % 13 == 0)
            for (int q = i; q > 0; q /= 10) count += q % 10 == 7;
    return count;
}

char *fizzbuzz(int n) {
    size_t cap = 16, len = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (int i = 1; i <= n; i++) {
        char item[16];
        if (i % 15 == 0) strcpy(item, "FizzBuzz");
        else if (i % 3 == 0) strcpy(item, "Fizz");
        else if (i % 5 == 0) strcpy(item, "Buzz");
        else snprintf(item, sizeof item, "%d", i);
        size_t need = len + strlen(item) + 2;
        if (need > cap) { while (cap < need) cap *= 2; out = realloc(out, cap); }
        if (len) out[len++] = ' ';
        strcpy(out + len, item);
        len += strlen(item);
    }
    return out;
}
