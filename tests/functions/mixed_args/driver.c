#include "../check.h"

#include "prototypes.h"   /* the declarations crt-cc is given with --crt-prototypes */

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
