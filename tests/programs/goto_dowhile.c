/* goto (cleanup chains, breaking nested loops), do/while, comma operator, ternaries, compound literals. */
#include <stdio.h>
#include <stdlib.h>

struct pt { int x, y; };
static int sum_pts(const struct pt *p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i].x * p[i].y; return s; }
static int dist2(struct pt a, struct pt b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

static int process(int fail_at) {
    int rc = -1;
    char *a = NULL, *b = NULL, *c = NULL;
    if (fail_at == 1) goto out;
    a = malloc(16);
    if (fail_at == 2) goto free_a;
    b = malloc(32);
    if (fail_at == 3) goto free_b;
    c = malloc(64);
    rc = 0;
    free(c);
free_b:
    free(b);
free_a:
    free(a);
out:
    return rc * 10 + fail_at;
}
static int find_pair(int target, int *oi, int *oj) {
    for (int i = 0; i < 50; i++)
        for (int j = i; j < 50; j++)
            if (i * j == target && i + j > 20) { *oi = i; *oj = j; goto found; }
    return 0;
found:
    return 1;
}

int main(void) {
    for (int f = 0; f <= 3; f++) printf("process(%d)=%d\n", f, process(f));
    int i = 0, j = 0;
    int fp = find_pair(96, &i, &j);
    printf("find_pair %d %d %d\n", fp, i, j);
    int n = 0, x = 27;
    do { x = x % 2 ? 3 * x + 1 : x / 2; n++; } while (x != 1);
    printf("collatz(27) steps=%d\n", n);
    int k = 10;
    do k--; while (k > 100);
    printf("do-once k=%d\n", k);
    int a = (printf("comma "), 5), b = (a++, a * 2);
    printf("a=%d b=%d\n", a, b);
    for (int t = -2; t <= 2; t++) printf("%s ", t < 0 ? "neg" : t == 0 ? "zero" : t == 1 ? "one" : "many");
    printf("\n");
    int s = sum_pts((struct pt[]){{1, 2}, {3, 4}, {5, 6}}, 3);
    printf("compound sum=%d dist2=%d\n", s, dist2((struct pt){0, 0}, (struct pt){3, 4}));
    int *arr = (int[]){9, 8, 7, 6};
    arr[1] = 80;
    printf("arr %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3]);
    int count = 0;
loop:
    count++;
    if (count < 7) goto loop;
    printf("goto loop count=%d\n", count);
    return s;
}
