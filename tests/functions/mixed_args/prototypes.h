double mix4(int a, double b, long c, float d);
double sum_doubles10(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j);
double interleaved(int i1, double d1, int i2, double d2, int i3, double d3, int i4, double d4, int i5, double d5,
                   int i6, double d6, int i7, double d7, int i8, double d8, int i9, double d9);
float floats12(float a, float b, float c, float d, float e, float f, float g, float h, float i, float j, float k, float l);
long float_to_long_sum(float a, double b, float c, double d);

