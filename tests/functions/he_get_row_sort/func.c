/* HumanEval/87 get_row (ragged 2D int** -> malloc'd coordinate pairs), HumanEval/116 sort_array by number of
 * ones (popcount comparator), HumanEval/88 sort_array asc/desc copy, HumanEval/89 encrypt. */
#include <stdlib.h>
#include <string.h>

typedef struct { int row, col; } coord;

coord *get_row(int **lst, int rows, const int *cols, int x, int *out_n) {
    int total = 0;
    for (int i = 0; i < rows; i++) total += cols[i];
    coord *out = malloc(sizeof(coord) * (total ? total : 1));
    int k = 0;
    for (int i = 0; i < rows; i++)
        for (int j = cols[i] - 1; j >= 0; j--)
            if (lst[i][j] == x) {
                out[k].row = i;
                out[k].col = j;
                k++;
            }
    *out_n = k;
    return out;
}

static int ones(unsigned x) {
    int c = 0;
    while (x) {
        c += x & 1;
        x >>= 1;
    }
    return c;
}

static int cmp_ones(const void *pa, const void *pb) {
    int a = *(const int *)pa, b = *(const int *)pb;
    int oa = ones((unsigned)abs(a)), ob = ones((unsigned)abs(b));
    if (oa != ob) return oa - ob;
    return (a > b) - (a < b);
}

void sort_by_ones(int *arr, int n) { qsort(arr, n, sizeof(int), cmp_ones); }

int *sort_array_copy(const int *array, int n) {
    int *out = malloc(sizeof(int) * (n ? n : 1));
    if (n == 0) return out;
    memcpy(out, array, sizeof(int) * n);
    int desc = (array[0] + array[n - 1]) % 2 == 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (desc ? out[j] > out[i] : out[j] < out[i]) {
                int t = out[i];
                out[i] = out[j];
                out[j] = t;
            }
    return out;
}

char *encrypt(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        int w = ((int)s[i] + 4 - 'a') % 26 + 'a';
        out[i] = (char)w;
    }
    out[n] = '\0';
    return out;
}
