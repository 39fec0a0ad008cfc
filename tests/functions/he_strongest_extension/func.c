/* HumanEval/153 Strongest_Extension (snprintf "Class.Ext" into malloc), HumanEval/154 cycpattern_check,
 * HumanEval/155 even_odd_count (struct by value and out params), HumanEval/156 int_to_mini_roman. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *Strongest_Extension(const char *class_name, const char **extensions, int n) {
    const char *strongest = "";
    int max = -1000;
    for (int i = 0; i < n; i++) {
        int strength = 0;
        for (const char *p = extensions[i]; *p; p++) {
            if (isupper((unsigned char)*p)) strength++;
            if (islower((unsigned char)*p)) strength--;
        }
        if (strength > max) {
            max = strength;
            strongest = extensions[i];
        }
    }
    size_t len = strlen(class_name) + strlen(strongest) + 2;
    char *out = malloc(len);
    snprintf(out, len, "%s.%s", class_name, strongest);
    return out;
}

bool cycpattern_check(const char *a, const char *b) {
    int lb = (int)strlen(b);
    char *rot = malloc(lb + 1);
    bool found = false;
    for (int i = 0; i < lb && !found; i++) {
        memcpy(rot, b + i, lb - i);
        memcpy(rot + lb - i, b, i);
        rot[lb] = '\0';
        if (strstr(a, rot)) found = true;
    }
    free(rot);
    return found;
}

typedef struct { int even; int odd; } eo_t;

eo_t even_odd_count(int num) {
    eo_t r = {0, 0};
    char w[16];
    sprintf(w, "%d", abs(num));
    for (int i = 0; w[i]; i++) {
        if ((w[i] - '0') % 2 == 1) r.odd++;
        else r.even++;
    }
    return r;
}

void even_odd_count_out(long num, int *even, int *odd) {
    *even = *odd = 0;
    if (num < 0) num = -num;
    do {
        if (num % 10 % 2) (*odd)++;
        else (*even)++;
        num /= 10;
    } while (num);
}

char *int_to_mini_roman(int number) {
    static const char *rep[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
    static const int num[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    char buf[64] = "";
    int pos = 0;
    while (number > 0) {
        while (number >= num[pos]) {
            strcat(buf, rep[pos]);
            number -= num[pos];
        }
        if (number > 0) pos++;
    }
    char *out = malloc(strlen(buf) + 1);
    strcpy(out, buf);
    return out;
}
