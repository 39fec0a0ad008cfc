/* Integer-class structs by value as C translations of HumanEval use them: a {int *data; int size;} "vector"
 * returned and passed by value, {long,long} ranges, {int x4} boxes, {char[8]} short strings,
 * {double,double} points, struct pointers with arrays inside. */
#include <stdlib.h>
#include <string.h>

typedef struct { int *data; int size; } IntVec;
typedef struct { long lo; long hi; } Range;
typedef struct { int x0, y0, x1, y1; } Box;
typedef struct { char s[8]; } Short;
typedef struct { double x, y; } PointD;
typedef struct { int counts[26]; int total; char most; } LetterStats;

IntVec even_numbers(const int *a, int n) {
    IntVec v;
    v.data = malloc(sizeof(int) * (n ? n : 1));
    v.size = 0;
    for (int i = 0; i < n; i++)
        if (a[i] % 2 == 0) v.data[v.size++] = a[i];
    return v;
}

long vec_sum(IntVec v) {
    long s = 0;
    for (int i = 0; i < v.size; i++) s += v.data[i];
    return s;
}

IntVec vec_reverse(IntVec v) {
    IntVec r;
    r.size = v.size;
    r.data = malloc(sizeof(int) * (v.size ? v.size : 1));
    for (int i = 0; i < v.size; i++) r.data[i] = v.data[v.size - 1 - i];
    return r;
}

Range range_intersect(Range a, Range b) {
    Range r;
    r.lo = a.lo > b.lo ? a.lo : b.lo;
    r.hi = a.hi < b.hi ? a.hi : b.hi;
    if (r.hi < r.lo) r.lo = r.hi = 0;
    return r;
}

long range_len(Range r) { return r.hi - r.lo; }

Box bounding_box(const int *xs, const int *ys, int n) {
    Box b = {xs[0], ys[0], xs[0], ys[0]};
    for (int i = 1; i < n; i++) {
        if (xs[i] < b.x0) b.x0 = xs[i];
        if (xs[i] > b.x1) b.x1 = xs[i];
        if (ys[i] < b.y0) b.y0 = ys[i];
        if (ys[i] > b.y1) b.y1 = ys[i];
    }
    return b;
}

int box_area(Box b) { return (b.x1 - b.x0) * (b.y1 - b.y0); }

Short short_upper(Short in) {
    Short r = in;
    for (int i = 0; i < 8 && r.s[i]; i++)
        if (r.s[i] >= 'a' && r.s[i] <= 'z') r.s[i] = (char)(r.s[i] - 32);
    return r;
}

PointD centroid(const PointD *pts, int n) {
    PointD c = {0, 0};
    for (int i = 0; i < n; i++) {
        c.x += pts[i].x;
        c.y += pts[i].y;
    }
    if (n) {
        c.x /= n;
        c.y /= n;
    }
    return c;
}

double dist2(PointD a, PointD b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

void letter_stats(const char *s, LetterStats *st) {
    memset(st, 0, sizeof *st);
    int best = 0;
    st->most = '-';
    for (; *s; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c >= 'a' && c <= 'z') {
            int k = ++st->counts[c - 'a'];
            st->total++;
            if (k > best || (k == best && c < st->most)) {
                best = k;
                st->most = c;
            }
        }
    }
}
