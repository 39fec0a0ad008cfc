#include <stdlib.h>
#include "../check.h"

typedef struct { int *data; int size; } IntVec;
typedef struct { long lo; long hi; } Range;
typedef struct { int x0, y0, x1, y1; } Box;
typedef struct { char s[8]; } Short;
typedef struct { double x, y; } PointD;
typedef struct { int counts[26]; int total; char most; } LetterStats;

IntVec even_numbers(const int *a, int n);
long vec_sum(IntVec v);
IntVec vec_reverse(IntVec v);
Range range_intersect(Range a, Range b);
long range_len(Range r);
Box bounding_box(const int *xs, const int *ys, int n);
int box_area(Box b);
Short short_upper(Short in);
PointD centroid(const PointD *pts, int n);
double dist2(PointD a, PointD b);
void letter_stats(const char *s, LetterStats *st);

int main(void) {
    IntVec v = even_numbers((int[]){1, 2, 3, 4, 5, 6, -8}, 7);
    CHECK_INT(v.size, 4);
    CHECK_INT(v.data[0], 2); CHECK_INT(v.data[3], -8);
    CHECK_INT(vec_sum(v), 4);
    IntVec r = vec_reverse(v);
    CHECK_INT(r.size, 4); CHECK_INT(r.data[0], -8); CHECK_INT(r.data[3], 2);
    free(r.data);
    free(v.data);
    v = even_numbers(NULL, 0);
    CHECK_INT(v.size, 0); CHECK_INT(vec_sum(v), 0);
    free(v.data);
    Range a = {-5, 10}, b = {3, 1L << 40};
    Range i = range_intersect(a, b);
    CHECK_INT(i.lo, 3); CHECK_INT(i.hi, 10); CHECK_INT(range_len(i), 7);
    i = range_intersect((Range){1L << 41, 1L << 42}, (Range){1L << 40, 3L << 40});
    CHECK_INT(i.lo, 1L << 41); CHECK_INT(i.hi, 3L << 40); CHECK_INT(range_len(i), 1L << 40);
    i = range_intersect((Range){0, 1}, (Range){5, 6});
    CHECK_INT(i.lo, 0); CHECK_INT(i.hi, 0);
    Box bx = bounding_box((int[]){3, -1, 4, 1}, (int[]){5, 9, -2, 6}, 4);
    CHECK_INT(bx.x0, -1); CHECK_INT(bx.y0, -2); CHECK_INT(bx.x1, 4); CHECK_INT(bx.y1, 9);
    CHECK_INT(box_area(bx), 55);
    CHECK_INT(box_area((Box){0, 0, 3, 7}), 21);
    Short s = {"hello"};
    Short u = short_upper(s);
    CHECK_STR(u.s, "HELLO");
    Short s2 = {{'a', 'B', 'c', 'd', 'e', 'f', 'g', 'h'}};
    u = short_upper(s2);
    CHECK(memcmp(u.s, "ABCDEFGH", 8) == 0);
    PointD pts[] = {{0, 0}, {4, 0}, {4, 3}, {0, 3}};
    PointD c = centroid(pts, 4);
    CHECK_NEAR(c.x, 2, 0); CHECK_NEAR(c.y, 1.5, 0);
    c = centroid(pts, 0);
    CHECK_NEAR(c.x, 0, 0);
    CHECK_NEAR(dist2(pts[0], pts[2]), 25, 0);
    CHECK_NEAR(dist2((PointD){1.5, -2}, (PointD){-1.5, 2}), 25, 0);
    LetterStats st;
    letter_stats("Hello World", &st);
    CHECK_INT(st.total, 10); CHECK_INT(st.counts['l' - 'a'], 3); CHECK_INT(st.most, 'l');
    letter_stats("", &st);
    CHECK_INT(st.total, 0); CHECK_INT(st.most, '-');
    letter_stats("bbaa", &st);
    CHECK_INT(st.most, 'a');
    END_CHECKS();
}
