#include "../check.h"

double mix4(int a, double b, long c, float d);
double sum_doubles10(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j);
double interleaved(int i1, double d1, int i2, double d2, int i3, double d3, int i4, double d4, int i5, double d5,
                   int i6, double d6, int i7, double d7, int i8, double d8, int i9, double d9);
float floats12(float a, float b, float c, float d, float e, float f, float g, float h, float i, float j, float k, float l);
long float_to_long_sum(float a, double b, float c, double d);

int main(void) {
    CHECK_NEAR(mix4(3, 1.5, 10, 4.0f), 7.0, 0);
    CHECK_NEAR(mix4(-2, 0.25, 1L << 40, 1024.0f), -0.5 + (double)(1L << 30), 0);
    CHECK_NEAR(sum_doubles10(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 55.0, 0);
    CHECK_NEAR(sum_doubles10(0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.25), 7.0, 0);
    CHECK_NEAR(interleaved(1, 1.0, 2, 2.0, 3, 3.0, 4, 4.0, 5, 5.0, 6, 6.0, 7, 7.0, 8, 8.0, 9, 9.5), 289.5, 0);
    CHECK_NEAR(floats12(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.5f), -6.5, 0);
    CHECK_INT(float_to_long_sum(1.9f, -2.9, 1e9f, 1e15), 1 - 2 + 1000000000L + 1000000000000000L);
    END_CHECKS();
}
