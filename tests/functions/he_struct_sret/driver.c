#include <stdlib.h>
#include "../check.h"

typedef struct { int *data; size_t size; size_t cap; } Vector;
typedef struct { int min, max; long sum; int count; double mean; } Stats;
typedef struct { char name[32]; int score; } Entry;
Vector vector_range(int lo, int hi);
long vector_sum(Vector v);
Stats compute_stats(const int *a, int n);
Entry best_entry(const char **names, const int *scores, int n);
int entry_len(Entry e);

int main(void) {
    Vector v = vector_range(3, 10);
    CHECK_INT(v.size, 7); CHECK_INT(v.cap, 7); CHECK_INT(v.data[0], 3); CHECK_INT(v.data[6], 9);
    CHECK_INT(vector_sum(v), 42);
    free(v.data);
    v = vector_range(5, 5);
    CHECK_INT(v.size, 0); CHECK(v.data == NULL);
    Stats s = compute_stats((int[]){4, -2, 9, 1}, 4);
    CHECK_INT(s.min, -2); CHECK_INT(s.max, 9); CHECK_INT(s.sum, 12); CHECK_INT(s.count, 4);
    CHECK_NEAR(s.mean, 3.0, 0);
    s = compute_stats(NULL, 0);
    CHECK_INT(s.count, 0);
    const char *names[] = {"ann", "bob", "cyd"};
    Entry e = best_entry(names, (int[]){5, 9, 7}, 3);
    CHECK_STR(e.name, "bob"); CHECK_INT(e.score, 9);
    CHECK_INT(entry_len(e), 12);
    END_CHECKS();
}
