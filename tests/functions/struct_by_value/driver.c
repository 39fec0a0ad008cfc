#include "../check.h"

#include "prototypes.h"   /* the declarations crt-cc is given with --crt-prototypes */

int main(void) {
    struct point p = add_points((struct point){1, -2}, (struct point){40, 50});
    CHECK_INT(p.x, 41);
    CHECK_INT(p.y, 48);
    struct cplx c = cmul((struct cplx){1, 2}, (struct cplx){3, -4});
    CHECK_NEAR(c.re, 11, 0);
    CHECK_NEAR(c.im, 2, 0);
    struct vec2f v = scale2((struct vec2f){1.5f, -2.0f}, 4.0f);
    CHECK_NEAR(v.x, 6.0, 0);
    CHECK_NEAR(v.y, -8.0, 0);
    CHECK_NEAR(dot3((struct vec3f){1, 2, 3}, (struct vec3f){4, -5, 6}), 12.0, 0);
    struct rec r = bump((struct rec){1L << 40, 1.25}, 7);
    CHECK_INT(r.id, (1L << 40) + 7);
    CHECK_NEAR(r.score, 2.5, 0);
    struct big b = make_big(7);
    CHECK_INT(b.a, 7);
    CHECK_INT(b.d, 28);
    CHECK_STR(b.tag, "big7");
    CHECK_INT(big_sum(b), 70 + 'b');
    struct tiny t = make_tiny('A', -300);
    CHECK_INT(t.c, 'A');
    CHECK_INT(t.s, -300);
    CHECK_INT(tiny_val(t), 65 * 1000 - 300);
    END_CHECKS();
}
