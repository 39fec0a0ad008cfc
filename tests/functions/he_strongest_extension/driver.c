#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

char *Strongest_Extension(const char *class_name, const char **extensions, int n);
bool cycpattern_check(const char *a, const char *b);
typedef struct { int even; int odd; } eo_t;
eo_t even_odd_count(int num);
void even_odd_count_out(long num, int *even, int *odd);
char *int_to_mini_roman(int number);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    const char *e1[] = {"tEN", "niNE", "eIGHt8OKe"};
    CHECK_FREE(Strongest_Extension("Watashi", e1, 3), "Watashi.eIGHt8OKe");
    const char *e2[] = {"nani", "NazeDa", "YEs.WeCaNe", "32145tggg"};
    CHECK_FREE(Strongest_Extension("Boku123", e2, 4), "Boku123.YEs.WeCaNe");
    const char *e3[] = {"t", "eMptY", "nothing", "zeR00", "NuLl__", "123NoooneB321"};
    CHECK_FREE(Strongest_Extension("__YESIMHERE", e3, 6), "__YESIMHERE.NuLl__");
    const char *e4[] = {"Ta", "TAR", "t234An", "cosSo"};
    CHECK_FREE(Strongest_Extension("K", e4, 4), "K.TAR");
    const char *e5[] = {"Tab", "123", "781345", "-_-"};
    CHECK_FREE(Strongest_Extension("__HAHA", e5, 4), "__HAHA.123");
    const char *e6[] = {"HhAas", "okIWILL123", "WorkOut", "Fails", "-_-"};
    CHECK_FREE(Strongest_Extension("YameRore", e6, 5), "YameRore.okIWILL123");
    const char *e7[] = {"Die", "NowW", "Wow", "WoW"};
    CHECK_FREE(Strongest_Extension("finNNalLLly", e7, 4), "finNNalLLly.WoW");
    const char *e8[] = {"Bb", "91245"};
    CHECK_FREE(Strongest_Extension("_", e8, 2), "_.Bb");
    const char *e9[] = {"671235", "Bb"};
    CHECK_FREE(Strongest_Extension("Sp", e9, 2), "Sp.671235");
    CHECK_INT(cycpattern_check("xyzw", "xyw"), 0);
    CHECK_INT(cycpattern_check("yello", "ell"), 1);
    CHECK_INT(cycpattern_check("whattup", "ptut"), 0);
    CHECK_INT(cycpattern_check("efef", "fee"), 1);
    CHECK_INT(cycpattern_check("abab", "aabb"), 0);
    CHECK_INT(cycpattern_check("winemtt", "tinem"), 1);
    eo_t r = even_odd_count(7);
    CHECK_INT(r.even, 0); CHECK_INT(r.odd, 1);
    r = even_odd_count(-78);
    CHECK_INT(r.even, 1); CHECK_INT(r.odd, 1);
    r = even_odd_count(3452);
    CHECK_INT(r.even, 2); CHECK_INT(r.odd, 2);
    r = even_odd_count(346211);
    CHECK_INT(r.even, 3); CHECK_INT(r.odd, 3);
    r = even_odd_count(-345821);
    CHECK_INT(r.even, 3); CHECK_INT(r.odd, 3);
    r = even_odd_count(-2);
    CHECK_INT(r.even, 1); CHECK_INT(r.odd, 0);
    r = even_odd_count(-45347);
    CHECK_INT(r.even, 2); CHECK_INT(r.odd, 3);
    r = even_odd_count(0);
    CHECK_INT(r.even, 1); CHECK_INT(r.odd, 0);
    int ev, od;
    even_odd_count_out(-1234567890123L, &ev, &od);
    CHECK_INT(ev, 6); CHECK_INT(od, 7);
    even_odd_count_out(0, &ev, &od);
    CHECK_INT(ev, 1); CHECK_INT(od, 0);
    CHECK_FREE(int_to_mini_roman(19), "xix");
    CHECK_FREE(int_to_mini_roman(152), "clii");
    CHECK_FREE(int_to_mini_roman(251), "ccli");
    CHECK_FREE(int_to_mini_roman(426), "cdxxvi");
    CHECK_FREE(int_to_mini_roman(500), "d");
    CHECK_FREE(int_to_mini_roman(1), "i");
    CHECK_FREE(int_to_mini_roman(4), "iv");
    CHECK_FREE(int_to_mini_roman(43), "xliii");
    CHECK_FREE(int_to_mini_roman(90), "xc");
    CHECK_FREE(int_to_mini_roman(94), "xciv");
    CHECK_FREE(int_to_mini_roman(532), "dxxxii");
    CHECK_FREE(int_to_mini_roman(900), "cm");
    CHECK_FREE(int_to_mini_roman(994), "cmxciv");
    CHECK_FREE(int_to_mini_roman(1000), "m");
    END_CHECKS();
}
