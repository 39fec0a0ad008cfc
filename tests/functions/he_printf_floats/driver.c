#include <stdlib.h>
#include "../check.h"

char *format_money(double amount);
char *format_list(const float *a, int n);
int format_record(char *buf, size_t size, const char *name, int age, double height, float score);
double average_of(const char *s);
int parse_point(const char *s, float *x, double *y);
double sum_atof(const char **items, int n);
char *many_doubles(double a, double b, double c, double d, double e, double f, double g, double h, int k);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_FREE(format_money(3.14159), "$3.14");
    CHECK_FREE(format_money(-0.005), "$-0.01");
    CHECK_FREE(format_money(1e6), "$1000000.00");
    CHECK_FREE(format_list((float[]){1, 2.5f, -3.125f}, 3), "[1.00, 2.50, -3.12]");
    CHECK_FREE(format_list(NULL, 0), "[]");
    char buf[128];
    int n = format_record(buf, sizeof buf, "Ann", 42, 1.675, 97.5f);
    CHECK_STR(buf, "Ann (42): 1.675 m, score 97.5, 1.675000e+03");
    CHECK_INT(n, (int)strlen(buf));
    n = format_record(buf, 8, "Bob", 7, 2.0, 1.0f);
    CHECK_STR(buf, "Bob (7)");
    CHECK_INT(n, 39);
    CHECK_NEAR(average_of("1, 2, 3, 4"), 2.5, 1e-12);
    CHECK_NEAR(average_of("-1.5e2 50"), -50, 1e-12);
    CHECK_NEAR(average_of(""), 0, 0);
    float x;
    double y;
    CHECK_INT(parse_point("(1.5, -2.25)", &x, &y), 2);
    CHECK_NEAR(x, 1.5, 0); CHECK_NEAR(y, -2.25, 0);
    CHECK_INT(parse_point("nope", &x, &y), 0);
    const char *items[] = {"1.25", "2", "-0.5", "1e1"};
    CHECK_NEAR(sum_atof(items, 4), 12.75, 1e-12);
    CHECK_FREE(many_doubles(1, 2, 3, 4, 5, 6, 7, 8, 9), "9:1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0");
    END_CHECKS();
}
