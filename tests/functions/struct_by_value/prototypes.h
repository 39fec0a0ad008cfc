struct point { int x, y; };
struct cplx { double re, im; };
struct vec2f { float x, y; };
struct vec3f { float x, y, z; };
struct rec { long id; double score; };
struct big { long a, b, c, d; char tag[8]; };
struct tiny { char c; short s; };

struct point add_points(struct point a, struct point b);
struct cplx cmul(struct cplx a, struct cplx b);
struct vec2f scale2(struct vec2f v, float k);
float dot3(struct vec3f a, struct vec3f b);
struct rec bump(struct rec r, long by);
struct big make_big(long base);
long big_sum(struct big b);
struct tiny make_tiny(char c, short s);
int tiny_val(struct tiny t);
