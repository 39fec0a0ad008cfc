/* Mixed integer and floating-point arguments, including more than 8 doubles (stack-passed). */
double mix4(int a, double b, long c, float d) { return a * b + (double)c / d; }

double sum_doubles10(double a, double b, double c, double d, double e, double f, double g, double h, double i,
                     double j) {
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j;
}

double interleaved(int i1, double d1, int i2, double d2, int i3, double d3, int i4, double d4, int i5, double d5,
                   int i6, double d6, int i7, double d7, int i8, double d8, int i9, double d9) {
    return i1 * d1 + i2 * d2 + i3 * d3 + i4 * d4 + i5 * d5 + i6 * d6 + i7 * d7 + i8 * d8 + i9 * d9;
}

float floats12(float a, float b, float c, float d, float e, float f, float g, float h, float i, float j, float k,
               float l) {
    return a - b + c - d + e - f + g - h + i - j + k - l;
}

long float_to_long_sum(float a, double b, float c, double d) { return (long)a + (long)b + (long)c + (long)d; }
