/* HumanEval/20 find_closest_elements (float pair through an out param), HumanEval/21 rescale_to_unit,
 * HumanEval/4 mean_absolute_deviation on floats, HumanEval/0 has_close_elements on floats. */
#include <math.h>
#include <stdbool.h>

void find_closest_elements(const float *numbers, int n, float out[2]) {
    float best = -1;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (i != j) {
                float d = fabsf(numbers[i] - numbers[j]);
                if (best < 0 || d < best) {
                    best = d;
                    float a = numbers[i], b = numbers[j];
                    out[0] = a < b ? a : b;
                    out[1] = a < b ? b : a;
                }
            }
}

void rescale_to_unit(float *numbers, int n) {
    float min = 100000, max = -100000;
    for (int i = 0; i < n; i++) {
        if (numbers[i] < min) min = numbers[i];
        if (numbers[i] > max) max = numbers[i];
    }
    for (int i = 0; i < n; i++) numbers[i] = (numbers[i] - min) / (max - min);
}

float mean_absolute_deviation(const float *numbers, int n) {
    float sum = 0;
    for (int i = 0; i < n; i++) sum += numbers[i];
    float avg = sum / n;
    float msum = 0;
    for (int i = 0; i < n; i++) msum += fabsf(numbers[i] - avg);
    return msum / n;
}

bool has_close_elements(const float *numbers, int n, float threshold) {
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (fabs(numbers[i] - numbers[j]) < threshold) return true;
    return false;
}
