/* Dense matrix helpers on row-major double arrays: multiply, transpose, trace, identity check. */
void mat_mul(const double *a, const double *b, double *c, int n) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
}

void transpose(double *m, int n) {
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) { double t = m[i * n + j]; m[i * n + j] = m[j * n + i]; m[j * n + i] = t; }
}

double trace(const double *m, int n) { double t = 0; for (int i = 0; i < n; i++) t += m[i * n + i]; return t; }

int is_identity(const double *m, int n) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (m[i * n + j] != (i == j ? 1.0 : 0.0)) return 0;
    return 1;
}

void mat_vec_i(const int *m, const int *v, long *out, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
        long s = 0;
        for (int c = 0; c < cols; c++) s += (long)m[r * cols + c] * v[c];
        out[r] = s;
    }
}
