typedef struct { float first; float second; } FloatPair;
typedef struct { float x, y, z; } Vec3f;
typedef struct { double value; int index; } MaxResult;

FloatPair find_closest_pair(const float *numbers, int n);
float pair_gap(FloatPair p);
FloatPair min_max_f(const float *a, int n);
Vec3f cross(Vec3f a, Vec3f b);
MaxResult max_with_index(const double *a, int n);
