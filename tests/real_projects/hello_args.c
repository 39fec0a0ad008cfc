/* Prints its argv on one line (tests/test_real_projects.py: binfmt_misc passes argv[0] and the
 * arguments through unchanged). */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("argv[0]=%s argc=%d", argv[0], argc);
    for (int i = 1; i < argc; i++) printf(" argv[%d]=%s", i, argv[i]);
    printf("\n");
    return 0;
}
