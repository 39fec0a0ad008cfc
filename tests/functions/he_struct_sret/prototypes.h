#include <stddef.h>
typedef struct { int *data; size_t size; size_t cap; } Vector;
typedef struct { int min, max; long sum; int count; double mean; } Stats;
typedef struct { char name[32]; int score; } Entry;
Vector vector_range(int lo, int hi);
long vector_sum(Vector v);
Stats compute_stats(const int *a, int n);
Entry best_entry(const char **names, const int *scores, int n);
int entry_len(Entry e);
