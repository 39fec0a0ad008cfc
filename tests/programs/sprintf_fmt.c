/* sprintf/snprintf formatting into buffers, truncation and return values. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[256];
    int n = sprintf(buf, "%d|%5d|%-5d|%05d|%+d|%x|%X|%o|%#x|%u", 42, 42, 42, 42, 42, 255, 255, 8, 255, 3000000000u);
    printf("[%s] n=%d\n", buf, n);
    n = sprintf(buf, "%ld|%lld|%lu|%hd|%hhd|%hhu|%zu", -1234567890123L, 9223372036854775807LL, 18446744073709551615UL,
                (short)-2, (signed char)-3, (unsigned char)250, sizeof(int));
    printf("[%s] n=%d\n", buf, n);
    n = sprintf(buf, "%f|%.2f|%10.3f|%-10.1f|%e|%.3E|%g|%g|%g", 3.14159, 2.71828, -1.5, 0.25, 12345.678, 0.000123,
                100000.0, 1000000.0, 0.0001);
    printf("[%s] n=%d\n", buf, n);
    n = sprintf(buf, "%s|%10s|%-10s|%.3s|%c|%%|%5c", "str", "right", "left", "truncate", 'Z', 'q');
    printf("[%s] n=%d\n", buf, n);
    char small[10];
    const char *volatile longer = "this is longer than ten";
    n = snprintf(small, sizeof small, "%s", longer);
    printf("[%s] n=%d\n", small, n);
    n = snprintf(NULL, 0, "%d-%d-%d", 2024, 1, 15);
    printf("needed=%d\n", n);
    n = snprintf(small, sizeof small, "%08.3f", -3.14159);
    printf("[%s] n=%d\n", small, n);
    /* build a table */
    char table[1024] = "";
    size_t off = 0;
    for (int i = 1; i <= 8; i++)
        off += (size_t)snprintf(table + off, sizeof table - off, "%2d^2=%-4d%s", i, i * i, i % 4 == 0 ? "\n" : " ");
    fputs(table, stdout);
    printf("off=%zu\n", off);
    n = sprintf(buf, "%*d|%-*d|%.*f", 6, 7, 4, 8, 3, 1.0 / 3);
    printf("[%s] n=%d\n", buf, n);
    return (int)off % 100;
}
