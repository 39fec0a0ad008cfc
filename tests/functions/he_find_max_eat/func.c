/* HumanEval/157 right_angle_triangle (float), HumanEval/158 find_max (unique characters),
 * HumanEval/159 eat (result through an int[2]), HumanEval/160 do_algebra (operators incl. "**", "//"),
 * HumanEval/161 solve (swap case or reverse), HumanEval/163 generate_integers. */
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

bool right_angle_triangle(float a, float b, float c) {
    if (fabsf(a * a + b * b - c * c) < 1e-4f) return true;
    if (fabsf(a * a + c * c - b * b) < 1e-4f) return true;
    if (fabsf(b * b + c * c - a * a) < 1e-4f) return true;
    return false;
}

const char *find_max(const char **words, int n) {
    const char *best = "";
    int maxu = 0;
    for (int i = 0; i < n; i++) {
        bool seen[256] = {false};
        int u = 0;
        for (const unsigned char *p = (const unsigned char *)words[i]; *p; p++)
            if (!seen[*p]) {
                seen[*p] = true;
                u++;
            }
        if (u > maxu || (u == maxu && strcmp(words[i], best) < 0)) {
            best = words[i];
            maxu = u;
        }
    }
    return best;
}

void eat(int number, int need, int remaining, int out[2]) {
    if (need > remaining) {
        out[0] = number + remaining;
        out[1] = 0;
    } else {
        out[0] = number + need;
        out[1] = remaining - need;
    }
}

static long ipow(long b, long e) {
    long r = 1;
    while (e-- > 0) r *= b;
    return r;
}

static long floordiv(long a, long b) {
    long q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

long do_algebra(const char **ops, int nops, const long *operand) {
    long *num = malloc(sizeof(long) * (nops + 1));
    int *pos = malloc(sizeof(int) * (nops + 1));
    for (int i = 0; i <= nops; i++) {
        num[i] = operand[i];
        pos[i] = i;
    }
    for (int i = 0; i < nops; i++)
        if (strcmp(ops[i], "**") == 0) {
            while (pos[pos[i]] != pos[i]) pos[i] = pos[pos[i]];
            while (pos[pos[i + 1]] != pos[i + 1]) pos[i + 1] = pos[pos[i + 1]];
            num[pos[i]] = ipow(num[pos[i]], num[pos[i + 1]]);
            pos[i + 1] = pos[i];
        }
    for (int i = 0; i < nops; i++)
        if (strcmp(ops[i], "*") == 0 || strcmp(ops[i], "//") == 0) {
            while (pos[pos[i]] != pos[i]) pos[i] = pos[pos[i]];
            while (pos[pos[i + 1]] != pos[i + 1]) pos[i + 1] = pos[pos[i + 1]];
            if (ops[i][0] == '*') num[pos[i]] = num[pos[i]] * num[pos[i + 1]];
            else num[pos[i]] = floordiv(num[pos[i]], num[pos[i + 1]]);
            pos[i + 1] = pos[i];
        }
    for (int i = 0; i < nops; i++)
        if (strcmp(ops[i], "+") == 0 || strcmp(ops[i], "-") == 0) {
            while (pos[pos[i]] != pos[i]) pos[i] = pos[pos[i]];
            while (pos[pos[i + 1]] != pos[i + 1]) pos[i + 1] = pos[pos[i + 1]];
            if (ops[i][0] == '+') num[pos[i]] = num[pos[i]] + num[pos[i + 1]];
            else num[pos[i]] = num[pos[i]] - num[pos[i + 1]];
            pos[i + 1] = pos[i];
        }
    long r = num[0];
    free(num);
    free(pos);
    return r;
}

char *solve_string(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    int nletter = 0;
    for (size_t i = 0; i < n; i++) {
        char w = s[i];
        if (isalpha((unsigned char)w)) {
            w = islower((unsigned char)w) ? (char)toupper((unsigned char)w) : (char)tolower((unsigned char)w);
            nletter++;
        }
        out[i] = w;
    }
    out[n] = '\0';
    if (nletter == 0)
        for (size_t i = 0; i < n / 2; i++) {
            char t = out[i];
            out[i] = out[n - 1 - i];
            out[n - 1 - i] = t;
        }
    return out;
}

int generate_integers(int a, int b, int *out) {
    int lo = a < b ? a : b, hi = a < b ? b : a;
    if (lo < 2) lo = 2;
    if (hi > 8) hi = 8;
    int k = 0;
    for (int i = lo; i <= hi; i++)
        if (i % 2 == 0) out[k++] = i;
    return k;
}
