/* HumanEval/0: are any two numbers closer to each other than the threshold? */
#include <math.h>

int has_close_elements(const double *numbers, int n, double threshold) {
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (fabs(numbers[i] - numbers[j]) < threshold) return 1;
    return 0;
}

double closest_distance(const double *numbers, int n) {
    double best = INFINITY;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            double d = fabs(numbers[i] - numbers[j]);
            if (d < best) best = d;
        }
    return best;
}
