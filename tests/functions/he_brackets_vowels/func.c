/* HumanEval/56 correct_bracketing "<>", HumanEval/61 correct_bracketing "()", HumanEval/64 vowels_count,
 * HumanEval/65 circular_shift (malloc'd string via sprintf), HumanEval/66 digitSum. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool correct_bracketing_angle(const char *brackets) {
    int level = 0;
    for (int i = 0; brackets[i]; i++) {
        if (brackets[i] == '<') level++;
        if (brackets[i] == '>') level--;
        if (level < 0) return false;
    }
    return level == 0;
}

bool correct_bracketing_paren(const char *brackets) {
    int depth = 0;
    size_t n = strlen(brackets);
    for (size_t i = 0; i < n; i++) {
        depth += brackets[i] == '(' ? 1 : -1;
        if (depth < 0) return false;
    }
    return depth == 0;
}

int vowels_count(const char *s) {
    const char *vowels = "aeiouAEIOU";
    int count = 0;
    int n = (int)strlen(s);
    for (int i = 0; i < n; i++)
        if (strchr(vowels, s[i])) count++;
    if (n > 0 && (s[n - 1] == 'y' || s[n - 1] == 'Y')) count++;
    return count;
}

char *circular_shift(int x, int shift) {
    char xs[16];
    sprintf(xs, "%d", x);
    int n = (int)strlen(xs);
    char *out = malloc(n + 1);
    if (n < shift) {
        for (int i = 0; i < n; i++) out[i] = xs[n - 1 - i];
        out[n] = '\0';
    } else {
        shift %= n;
        memcpy(out, xs + n - shift, shift);
        memcpy(out + shift, xs, n - shift);
        out[n] = '\0';
    }
    return out;
}

int digitSum(const char *s) {
    int sum = 0;
    for (; *s; s++)
        if (isupper((unsigned char)*s)) sum += *s;
    return sum;
}
