/* qsort with comparators on ints, strings and structs; bsearch; stable ordering via tiebreakers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char name[16]; int age; double salary; } emp;

static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
static int cmp_emp(const void *a, const void *b) {
    const emp *x = a, *y = b;
    if (x->age != y->age) return x->age - y->age;
    if (x->salary != y->salary) return x->salary < y->salary ? 1 : -1;
    return strcmp(x->name, y->name);
}
static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
static int cmp_len(const void *a, const void *b) {
    size_t x = strlen(*(const char *const *)a), y = strlen(*(const char *const *)b);
    return x != y ? (x < y ? -1 : 1) : cmp_str(a, b);
}

int main(void) {
    int a[40];
    for (int i = 0; i < 40; i++) a[i] = (i * 7919 + 13) % 97 - 40;
    qsort(a, 40, sizeof *a, cmp_int);
    for (int i = 0; i < 40; i++) printf("%d ", a[i]);
    printf("\n");
    int keys[] = {-40, 0, 5, 56, 57, 100};
    for (int i = 0; i < 6; i++) {
        int *p = bsearch(&keys[i], a, 40, sizeof *a, cmp_int);
        printf("bsearch %d -> %s\n", keys[i], p ? "found" : "missing");
    }
    qsort(a, 40, sizeof *a, cmp_int_desc);
    printf("desc first=%d last=%d\n", a[0], a[39]);
    const char *words[] = {"delta", "alpha", "charlie", "bravo", "echo", "foxtrot", "golf", "hotel", "india", "a"};
    qsort(words, 10, sizeof *words, cmp_str);
    for (int i = 0; i < 10; i++) printf("%s ", words[i]);
    printf("\n");
    qsort(words, 10, sizeof *words, cmp_len);
    for (int i = 0; i < 10; i++) printf("%s ", words[i]);
    printf("\n");
    const char *key = "echo";
    const char *sorted[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"};
    const char **hit = bsearch(&key, sorted, 6, sizeof *sorted, cmp_str);
    printf("bsearch echo idx=%ld\n", hit ? (long)(hit - sorted) : -1L);
    emp staff[] = {{"zoe", 30, 5000}, {"adam", 25, 4000}, {"bob", 30, 6000}, {"cat", 25, 4000}, {"dan", 40, 3000},
                   {"eve", 30, 5000}};
    qsort(staff, 6, sizeof *staff, cmp_emp);
    for (int i = 0; i < 6; i++) printf("%s/%d/%.0f ", staff[i].name, staff[i].age, staff[i].salary);
    printf("\n");
    double d[] = {3.5, -1.25, 1e9, 0.0, -1e-9, 2.75};
    qsort(d, 6, sizeof *d, cmp_double);
    for (int i = 0; i < 6; i++) printf("%g ", d[i]);
    printf("\n");
    return a[0] & 0x7f;
}
