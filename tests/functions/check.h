/* Shared checking helpers for the function-level boundary drivers (tests/functions/NAME/driver.c).
 * A driver is compiled natively for the target; it calls functions from func.c, which is compiled for
 * x86-64 and translated. Every check prints one PASS or FAIL line; END_CHECKS returns 0 only if all passed. */
#ifndef CRT_CHECK_H
#define CRT_CHECK_H
#include <math.h>
#include <stdio.h>
#include <string.h>

static int crt_checks, crt_failures;

static void crt_result(int ok, int line, const char *expr, const char *detail) {
    crt_checks++;
    if (ok) {
        printf("PASS %d: %s\n", line, expr);
    } else {
        crt_failures++;
        printf("FAIL %d: %s%s%s\n", line, expr, detail[0] ? " -- " : "", detail);
    }
}

#define CHECK(cond) crt_result(!!(cond), __LINE__, #cond, "")

#define CHECK_INT(actual, expected)                                                                \
    do {                                                                                           \
        long long a_ = (long long)(actual), e_ = (long long)(expected);                            \
        char d_[96];                                                                               \
        snprintf(d_, sizeof d_, "got %lld, expected %lld", a_, e_);                                \
        crt_result(a_ == e_, __LINE__, #actual " == " #expected, d_);                              \
    } while (0)

#define CHECK_UINT(actual, expected)                                                               \
    do {                                                                                           \
        unsigned long long a_ = (unsigned long long)(actual), e_ = (unsigned long long)(expected); \
        char d_[96];                                                                               \
        snprintf(d_, sizeof d_, "got %llu (0x%llx), expected %llu (0x%llx)", a_, a_, e_, e_);      \
        crt_result(a_ == e_, __LINE__, #actual " == " #expected, d_);                              \
    } while (0)

#define CHECK_NEAR(actual, expected, tol)                                                          \
    do {                                                                                           \
        double a_ = (double)(actual), e_ = (double)(expected);                                     \
        char d_[128];                                                                              \
        snprintf(d_, sizeof d_, "got %.17g, expected %.17g", a_, e_);                              \
        crt_result(fabs(a_ - e_) <= (tol), __LINE__, #actual " ~= " #expected, d_);                \
    } while (0)

#define CHECK_STR(actual, expected)                                                                \
    do {                                                                                           \
        const char *a_ = (actual), *e_ = (expected);                                               \
        char d_[256];                                                                              \
        snprintf(d_, sizeof d_, "got \"%.100s\", expected \"%.100s\"", a_ ? a_ : "(null)", e_);    \
        crt_result(a_ && strcmp(a_, e_) == 0, __LINE__, #actual " == " #expected, d_);             \
    } while (0)

#define END_CHECKS()                                                                               \
    do {                                                                                           \
        printf("%s: %d checks, %d failed\n", crt_failures ? "FAILED" : "ALL PASSED", crt_checks,   \
               crt_failures);                                                                      \
        return crt_failures ? 1 : 0;                                                               \
    } while (0)

#endif
