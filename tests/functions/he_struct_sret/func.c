/* Structs larger than 16 bytes returned by value (sret) and passed by value, as C ports that emulate
 * std::vector / tuples write them: {int *data; size_t size; size_t cap}, {int min, max, sum, count; double mean},
 * {char name[32]; int score}. */
#include <stdlib.h>
#include <string.h>

typedef struct { int *data; size_t size; size_t cap; } Vector;
typedef struct { int min, max; long sum; int count; double mean; } Stats;
typedef struct { char name[32]; int score; } Entry;

Vector vector_range(int lo, int hi) {
    Vector v = {NULL, 0, 0};
    if (hi <= lo) return v;
    v.cap = (size_t)(hi - lo);
    v.data = malloc(sizeof(int) * v.cap);
    for (int i = lo; i < hi; i++) v.data[v.size++] = i;
    return v;
}

long vector_sum(Vector v) {
    long s = 0;
    for (size_t i = 0; i < v.size; i++) s += v.data[i];
    return s;
}

Stats compute_stats(const int *a, int n) {
    Stats s = {0, 0, 0, n, 0.0};
    if (n == 0) return s;
    s.min = s.max = a[0];
    for (int i = 0; i < n; i++) {
        if (a[i] < s.min) s.min = a[i];
        if (a[i] > s.max) s.max = a[i];
        s.sum += a[i];
    }
    s.mean = (double)s.sum / n;
    return s;
}

Entry best_entry(const char **names, const int *scores, int n) {
    Entry e;
    memset(&e, 0, sizeof e);
    e.score = -1;
    for (int i = 0; i < n; i++)
        if (scores[i] > e.score) {
            e.score = scores[i];
            strncpy(e.name, names[i], sizeof e.name - 1);
        }
    return e;
}

int entry_len(Entry e) { return (int)strlen(e.name) + e.score; }
