#include <stdio.h>
#include <stdlib.h>

long add3(long a, long b, long c);
long scale(long x);

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s A B C\n", argv[0]);
        return 2;
    }
    long s = add3(atol(argv[1]), atol(argv[2]), atol(argv[3]));
    printf("add3=%ld scale=%ld\n", s, scale(s));
    return 0;
}
