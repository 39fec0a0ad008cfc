/* printf with mixed argument types and width/precision/flags. */
#include <stdio.h>

int main(void) {
    int i = -42; unsigned u = 3000000000u; long l = -1234567890123L; unsigned long ul = 18000000000000000000UL;
    long long ll = -9000000000000000000LL; char c = 'x'; short s = -1234; unsigned char uc = 200;
    float f = 3.14159f; double d = -2.718281828459045; const char *str = "mixed";
    printf("%d %u %ld %lu %lld %c %hd %u %.5f %.10f %s\n", i, u, l, ul, ll, c, s, uc, (double)f, d, str);
    printf("[%5.2f] [%-10s] [%10s] [%x] [%X] [%#o] [%lld] [%c] [%%]\n", 3.14159, "left", "right", 48879, 48879, 8, ll, 'q');
    printf("[%08.3f] [%+.2e] [%-8d] [%08d] [% d] [%.0f] [%#.0f] [%g] [%G]\n", -3.5, 12345.6789, 7, -7, 42, 2.5, 3.0, 1e-5, 1e20);
    printf("[%.3s] [%-5c] [%5c] [%hhx] [%hx] [%lx] [%zx]\n", "abcdef", 'L', 'R', (unsigned char)0xab, (unsigned short)0xbeef,
           0xdeadbeefcafeUL, (size_t)4096);
    for (int k = 0; k < 6; k++) printf("row %2d: %-6s|%6.1f|%4x|%c\n", k, (k % 2) ? "odd" : "even", k * 1.25, k * 255, 'A' + k);
    printf("%s=%d, %s=%.2f, %s=%c, %s=%lu\n", "int", 1, "dbl", 2.0, "chr", 'c', "size", sizeof(double));
    printf("%5s|%-5s|%.1s|%s\n", "", "", "", "");
    printf("%d%%\n", 100);
    int n = printf("count me\n");
    printf("n=%d\n", n);
    printf("%f %f %f\n", 1e15, 1.0 / 3, -0.0);
    printf("%e %e\n", 0.0, 6.02214076e23);
    printf("%a\n", 1.0);
    fputs("fputs line\n", stdout);
    putchar('!'); putchar('\n');
    puts("puts line");
    fprintf(stdout, "fprintf %d\n", 99);
    return n;
}
