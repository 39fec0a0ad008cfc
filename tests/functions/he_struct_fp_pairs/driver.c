#include "../check.h"

#include "prototypes.h"   /* the declarations crt-cc is given with --crt-prototypes */

int main(void) {
    FloatPair p = find_closest_pair((float[]){1.0f, 2.0f, 3.9f, 4.0f, 5.0f, 2.2f}, 6);
    CHECK_NEAR(p.first, 3.9f, 0); CHECK_NEAR(p.second, 4.0f, 0);
    p = find_closest_pair((float[]){1.0f, 2.0f, 5.9f, 4.0f, 5.0f}, 5);
    CHECK_NEAR(p.first, 5.0f, 0); CHECK_NEAR(p.second, 5.9f, 0);
    CHECK_NEAR(pair_gap((FloatPair){1.5f, 4.0f}), 2.5, 0);
    p = min_max_f((float[]){3, -1.5f, 8, 2}, 4);
    CHECK_NEAR(p.first, -1.5, 0); CHECK_NEAR(p.second, 8, 0);
    Vec3f c = cross((Vec3f){1, 0, 0}, (Vec3f){0, 1, 0});
    CHECK_NEAR(c.x, 0, 0); CHECK_NEAR(c.y, 0, 0); CHECK_NEAR(c.z, 1, 0);
    c = cross((Vec3f){1, 2, 3}, (Vec3f){4, 5, 6});
    CHECK_NEAR(c.x, -3, 0); CHECK_NEAR(c.y, 6, 0); CHECK_NEAR(c.z, -3, 0);
    MaxResult m = max_with_index((double[]){1.5, 9.25, -3, 9.0}, 4);
    CHECK_NEAR(m.value, 9.25, 0); CHECK_INT(m.index, 1);
    END_CHECKS();
}
