#include <stdbool.h>
#include "../check.h"

void find_closest_elements(const float *numbers, int n, float out[2]);
void rescale_to_unit(float *numbers, int n);
float mean_absolute_deviation(const float *numbers, int n);
bool has_close_elements(const float *numbers, int n, float threshold);

int main(void) {
    float out[2];
    find_closest_elements((float[]){1.0f, 2.0f, 3.9f, 4.0f, 5.0f, 2.2f}, 6, out);
    CHECK_NEAR(out[0], 3.9f, 0); CHECK_NEAR(out[1], 4.0f, 0);
    find_closest_elements((float[]){1.0f, 2.0f, 5.9f, 4.0f, 5.0f}, 5, out);
    CHECK_NEAR(out[0], 5.0f, 0); CHECK_NEAR(out[1], 5.9f, 0);
    find_closest_elements((float[]){1.0f, 2.0f, 3.0f, 4.0f, 5.0f, 2.2f}, 6, out);
    CHECK_NEAR(out[0], 2.0f, 0); CHECK_NEAR(out[1], 2.2f, 0);
    find_closest_elements((float[]){1.0f, 2.0f, 3.0f, 4.0f, 5.0f, 2.0f}, 6, out);
    CHECK_NEAR(out[0], 2.0f, 0); CHECK_NEAR(out[1], 2.0f, 0);
    find_closest_elements((float[]){1.1f, 2.2f, 3.1f, 4.1f, 5.1f}, 5, out);
    CHECK_NEAR(out[0], 2.2f, 0); CHECK_NEAR(out[1], 3.1f, 0);

    float a[] = {2.0f, 49.9f};
    rescale_to_unit(a, 2);
    CHECK_NEAR(a[0], 0, 1e-6); CHECK_NEAR(a[1], 1, 1e-6);
    float b[] = {1, 2, 3, 4, 5};
    rescale_to_unit(b, 5);
    for (int i = 0; i < 5; i++) CHECK_NEAR(b[i], i * 0.25, 1e-6);
    float c[] = {12, 11, 15, 13, 14};
    rescale_to_unit(c, 5);
    CHECK_NEAR(c[0], 0.25, 1e-6); CHECK_NEAR(c[1], 0, 1e-6); CHECK_NEAR(c[2], 1, 1e-6);
    float d[19];
    for (int i = 0; i < 19; i++) d[i] = (float)(i * i) - 40;
    rescale_to_unit(d, 19);
    CHECK_NEAR(d[0], 0, 1e-6); CHECK_NEAR(d[18], 1, 1e-6); CHECK_NEAR(d[9], 81.0 / 324, 1e-6);

    CHECK_NEAR(mean_absolute_deviation((float[]){1, 2, 3}, 3), 2.0 / 3, 1e-5);
    CHECK_NEAR(mean_absolute_deviation((float[]){1, 2, 3, 4}, 4), 1.0, 1e-5);
    CHECK_NEAR(mean_absolute_deviation((float[]){1, 2, 3, 4, 5}, 5), 6.0 / 5, 1e-5);

    float h[] = {1.0f, 2.0f, 3.9f, 4.0f, 5.0f, 2.2f};
    CHECK_INT(has_close_elements(h, 6, 0.3f), 1);
    CHECK_INT(has_close_elements(h, 6, 0.05f), 0);
    CHECK_INT(has_close_elements(h, 0, 1.0f), 0);
    CHECK_INT(has_close_elements((float[]){1.0f, 2.0f, 5.9f, 4.0f, 5.0f}, 5, 0.95f), 1);
    CHECK_INT(has_close_elements((float[]){1.0f, 2.0f, 5.9f, 4.0f, 5.0f}, 5, 0.8f), 0);
    END_CHECKS();
}
