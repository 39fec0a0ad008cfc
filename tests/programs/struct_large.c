/* Large structs (>16 bytes) by value, arrays of structs, nested structs, struct assignment. */
#include <stdio.h>
#include <string.h>

typedef struct { double m[3][3]; } mat3;
typedef struct { char name[24]; int age; double score; } person;
typedef struct { int x, y; } point;
typedef struct { point tl, br; char label[8]; } rect;
typedef struct { long a, b, c; } triple;

__attribute__((noinline)) static mat3 mat_mul(mat3 a, mat3 b) {
    mat3 r;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int k = 0; k < 3; k++) s += a.m[i][k] * b.m[k][j];
            r.m[i][j] = s;
        }
    return r;
}
__attribute__((noinline)) static person birthday(person p) { p.age++; p.score += 0.5; strcat(p.name, "!"); return p; }
__attribute__((noinline)) static int area(rect r) { return (r.br.x - r.tl.x) * (r.br.y - r.tl.y); }
__attribute__((noinline)) static rect grow(rect r, int d) {
    r.tl.x -= d; r.tl.y -= d; r.br.x += d; r.br.y += d; r.label[0] = 'G'; return r;
}
__attribute__((noinline)) static triple tri_add(triple a, triple b, triple c) {
    triple r = {a.a + b.a + c.a, a.b + b.b + c.b, a.c + b.c + c.c}; return r;
}
__attribute__((noinline)) static long tri_sum(int pad1, int pad2, int pad3, int pad4, int pad5, int pad6, triple t) {
    return pad1 + pad2 + pad3 + pad4 + pad5 + pad6 + t.a + t.b + t.c;
}

int main(void) {
    mat3 a = {{{1, 2, 3}, {4, 5, 6}, {7, 8, 10}}}, id = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
    mat3 r = mat_mul(a, id);
    r = mat_mul(r, a);
    for (int i = 0; i < 3; i++) printf("%g %g %g\n", r.m[i][0], r.m[i][1], r.m[i][2]);
    person people[4] = {{"alice", 30, 88.5}, {"bob", 25, 72.0}, {"carol", 41, 95.25}, {"dave", 19, 60.0}};
    for (int i = 0; i < 4; i++) {
        person older = birthday(people[i]);
        printf("%-8s %3d %6.2f -> %-8s %3d %6.2f\n", people[i].name, people[i].age, people[i].score, older.name,
               older.age, older.score);
    }
    person best = people[0];
    for (int i = 1; i < 4; i++) if (people[i].score > best.score) best = people[i];
    printf("best=%s\n", best.name);
    rect rc = {{1, 2}, {11, 7}, "box"};
    rect g = grow(rc, 3);
    printf("area %d grown %d label %s/%s tl=(%d,%d)\n", area(rc), area(g), rc.label, g.label, g.tl.x, g.tl.y);
    triple t = tri_add((triple){1, 2, 3}, (triple){10, 20, 30}, (triple){100, 200, 300});
    printf("triple %ld %ld %ld sum=%ld\n", t.a, t.b, t.c, tri_sum(1, 2, 3, 4, 5, 6, t));
    rect rects[5];
    for (int i = 0; i < 5; i++) rects[i] = (rect){{i, i}, {i * 3 + 1, i * 2 + 2}, "r"};
    int total = 0;
    for (int i = 0; i < 5; i++) total += area(rects[i]);
    printf("total area %d\n", total);
    return total;
}
