/* Other libc calls from translated code: div/ldiv/lldiv (struct results), labs/llabs, strtoul/strtoll with
 * bases, atol, snprintf(NULL, 0, ...) sizing, strtok, memchr, memset with a pattern, qsort of an array of
 * structs by two keys, toupper over a word list. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int digit_sum_div(int n) {
    int s = 0;
    n = abs(n);
    while (n) {
        div_t d = div(n, 10);
        s += d.rem;
        n = d.quot;
    }
    return s;
}

long ldiv_combo(long a, long b) {
    ldiv_t d = ldiv(a, b);
    return d.quot * 1000 + d.rem;
}

long long lldiv_combo(long long a, long long b) {
    lldiv_t d = lldiv(a, b);
    return d.quot * 1000 + d.rem;
}

long long abs_sum(const long *a, const long long *b, int n) {
    long long s = 0;
    for (int i = 0; i < n; i++) s += labs(a[i]) + llabs(b[i]);
    return s;
}

unsigned long parse_hex(const char *s) { return strtoul(s, NULL, 16); }
long long parse_base(const char *s, int base, int *consumed) {
    char *end;
    long long v = strtoll(s, &end, base);
    *consumed = (int)(end - s);
    return v;
}
long parse_atol(const char *s) { return atol(s); }

char *format_exact(const char *name, int value, double ratio) {
    int need = snprintf(NULL, 0, "%s=%d (%.3f)", name, value, ratio);
    char *out = malloc((size_t)need + 1);
    snprintf(out, (size_t)need + 1, "%s=%d (%.3f)", name, value, ratio);
    return out;
}

int count_fields(const char *line) {
    char buf[256];
    strncpy(buf, line, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    int n = 0;
    for (char *t = strtok(buf, ",;"); t; t = strtok(NULL, ",;")) n++;
    return n;
}

int first_index_of(const char *buf, int n, char c) {
    const char *p = memchr(buf, c, (size_t)n);
    return p ? (int)(p - buf) : -1;
}

void fill_pattern(unsigned char *buf, int n, unsigned char v) { memset(buf, v, (size_t)n); }

typedef struct {
    char name[16];
    int age;
} Person;

static int by_age_name(const void *a, const void *b) {
    const Person *x = a, *y = b;
    if (x->age != y->age) return x->age - y->age;
    return strcmp(x->name, y->name);
}

void sort_people(Person *p, int n) { qsort(p, (size_t)n, sizeof *p, by_age_name); }

void upper_all(char **words, int n) {
    for (int i = 0; i < n; i++)
        for (char *c = words[i]; *c; c++) *c = (char)toupper((unsigned char)*c);
}
