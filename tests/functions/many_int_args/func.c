/* Functions with 7-10 integer arguments: the ones past the sixth are passed on the stack on x86-64. */
long sum7(int a, int b, int c, int d, int e, int f, int g) {
    return a + b + c + d + e + f + (long)g;
}

long weighted10(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j) {
    return a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10;
}

int last_of_nine(char a, short b, int c, long d, unsigned char e, unsigned short f, unsigned g, signed char h, int i) {
    (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)g;
    return h * 1000 + i;
}

unsigned long mix8(unsigned char a, unsigned short b, unsigned c, unsigned long d, signed char e, short f, int g,
                   long h) {
    return a + b + c + d + (unsigned long)(long)e + (unsigned long)(long)f + (unsigned long)(long)g + (unsigned long)h;
}

void fill8(int *o1, int *o2, int *o3, int *o4, int *o5, int *o6, int *o7, int *o8) {
    *o1 = 1; *o2 = 2; *o3 = 3; *o4 = 4; *o5 = 5; *o6 = 6; *o7 = 7; *o8 = 8;
}
