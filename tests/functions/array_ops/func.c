/* Loops the x86 -O3 vectorizer turns into SSE code: add, scale, dot, reverse, abs, prefix sums. */
void vector_add(float *r, const float *a, const float *b, int n) { for (int i = 0; i < n; i++) r[i] = a[i] + b[i]; }
void scale_d(double *a, int n, double k) { for (int i = 0; i < n; i++) a[i] *= k; }
long dot_i(const int *a, const int *b, int n) { long s = 0; for (int i = 0; i < n; i++) s += (long)a[i] * b[i]; return s; }
void reverse_in_place(int *a, int n) { for (int i = 0, j = n - 1; i < j; i++, j--) { int t = a[i]; a[i] = a[j]; a[j] = t; } }
void abs_all(short *a, int n) { for (int i = 0; i < n; i++) a[i] = (short)(a[i] < 0 ? -a[i] : a[i]); }
void prefix_sum(long *a, int n) { for (int i = 1; i < n; i++) a[i] += a[i - 1]; }
int count_equal(const unsigned char *a, int n, unsigned char v) { int c = 0; for (int i = 0; i < n; i++) c += a[i] == v; return c; }
unsigned sum_u8(const unsigned char *a, int n) { unsigned s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
