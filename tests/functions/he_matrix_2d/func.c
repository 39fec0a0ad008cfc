/* 2D data in the shapes C ports of HumanEval use: fixed-width int[][N] parameters, int** ragged rows built
 * with malloc (Pascal's triangle), double matrices flattened row-major, spiral order, in-place rotation,
 * transpose into a new allocation, diagonal sums, matrix product. */
#include <stdlib.h>

#define N 4

int trace4(const int m[][N]) {
    int t = 0;
    for (int i = 0; i < N; i++) t += m[i][i];
    return t;
}

int diagonal_difference(const int m[][N]) {
    int a = 0, b = 0;
    for (int i = 0; i < N; i++) {
        a += m[i][i];
        b += m[i][N - 1 - i];
    }
    return abs(a - b);
}

void rotate90(int m[][N]) {
    for (int layer = 0; layer < N / 2; layer++) {
        int first = layer, last = N - 1 - layer;
        for (int i = first; i < last; i++) {
            int off = i - first;
            int top = m[first][i];
            m[first][i] = m[last - off][first];
            m[last - off][first] = m[last][last - off];
            m[last][last - off] = m[i][last];
            m[i][last] = top;
        }
    }
}

int **pascal_triangle(int rows) {
    int **t = malloc(sizeof(int *) * (rows ? rows : 1));
    for (int r = 0; r < rows; r++) {
        t[r] = malloc(sizeof(int) * (r + 1));
        t[r][0] = t[r][r] = 1;
        for (int c = 1; c < r; c++) t[r][c] = t[r - 1][c - 1] + t[r - 1][c];
    }
    return t;
}

int *spiral_order(const int *m, int rows, int cols) {
    int *out = malloc(sizeof(int) * (rows * cols > 0 ? rows * cols : 1));
    int k = 0, top = 0, bottom = rows - 1, left = 0, right = cols - 1;
    while (top <= bottom && left <= right) {
        for (int c = left; c <= right; c++) out[k++] = m[top * cols + c];
        top++;
        for (int r = top; r <= bottom; r++) out[k++] = m[r * cols + right];
        right--;
        if (top <= bottom) {
            for (int c = right; c >= left; c--) out[k++] = m[bottom * cols + c];
            bottom--;
        }
        if (left <= right) {
            for (int r = bottom; r >= top; r--) out[k++] = m[r * cols + left];
            left++;
        }
    }
    return out;
}

double *transpose(const double *m, int rows, int cols) {
    double *t = malloc(sizeof(double) * rows * cols);
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c];
    return t;
}

void matmul(const double *a, const double *b, double *c, int n, int k, int m) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int x = 0; x < k; x++) s += a[i * k + x] * b[x * m + j];
            c[i * m + j] = s;
        }
}

int max_row_sum(int **rows, const int *lens, int nrows, int *which) {
    int best = 0;
    *which = -1;
    for (int r = 0; r < nrows; r++) {
        int s = 0;
        for (int c = 0; c < lens[r]; c++) s += rows[r][c];
        if (*which < 0 || s > best) {
            best = s;
            *which = r;
        }
    }
    return best;
}

int count_in_grid(const char grid[][8], int rows, char ch) {
    int n = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < 8 && grid[r][c]; c++) n += grid[r][c] == ch;
    return n;
}
