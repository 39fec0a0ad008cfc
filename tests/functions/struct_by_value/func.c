/* Structs passed and returned by value across the boundary: small int pairs, HFAs, mixed, and large (>16 bytes). */
struct point { int x, y; };
struct cplx { double re, im; };
struct vec2f { float x, y; };
struct vec3f { float x, y, z; };
struct rec { long id; double score; };
struct big { long a, b, c, d; char tag[8]; };
struct tiny { char c; short s; };

struct point add_points(struct point a, struct point b) { struct point r = {a.x + b.x, a.y + b.y}; return r; }
struct cplx cmul(struct cplx a, struct cplx b) {
    struct cplx r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}
struct vec2f scale2(struct vec2f v, float k) { struct vec2f r = {v.x * k, v.y * k}; return r; }
float dot3(struct vec3f a, struct vec3f b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
struct rec bump(struct rec r, long by) { r.id += by; r.score *= 2; return r; }
struct big make_big(long base) {
    struct big b = {base, base * 2, base * 3, base * 4, "big"};
    b.tag[3] = (char)('0' + base % 10);
    return b;
}
long big_sum(struct big b) { return b.a + b.b + b.c + b.d + b.tag[0]; }
struct tiny make_tiny(char c, short s) { struct tiny t = {c, s}; return t; }
int tiny_val(struct tiny t) { return t.c * 1000 + t.s; }
