/* Structs with float members returned/passed by value, as a C port of HumanEval/20 (closest pair),
 * HumanEval/8 (sum/product) or min/max helpers might write them: {float,float}, {float x3}, {double,int}. */
#include <math.h>

typedef struct { float first; float second; } FloatPair;
typedef struct { float x, y, z; } Vec3f;
typedef struct { double value; int index; } MaxResult;

FloatPair find_closest_pair(const float *numbers, int n) {
    FloatPair best = {0, 0};
    float dist = INFINITY;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            float d = fabsf(numbers[i] - numbers[j]);
            if (d < dist) {
                dist = d;
                best.first = fminf(numbers[i], numbers[j]);
                best.second = fmaxf(numbers[i], numbers[j]);
            }
        }
    return best;
}

float pair_gap(FloatPair p) { return p.second - p.first; }

FloatPair min_max_f(const float *a, int n) {
    FloatPair r = {a[0], a[0]};
    for (int i = 1; i < n; i++) {
        if (a[i] < r.first) r.first = a[i];
        if (a[i] > r.second) r.second = a[i];
    }
    return r;
}

Vec3f cross(Vec3f a, Vec3f b) {
    Vec3f r = {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
    return r;
}

MaxResult max_with_index(const double *a, int n) {
    MaxResult r = {a[0], 0};
    for (int i = 1; i < n; i++)
        if (a[i] > r.value) {
            r.value = a[i];
            r.index = i;
        }
    return r;
}
