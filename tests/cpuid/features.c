/* What a program learns from cpuid, and a run-time dispatch on it (tests/test_cpuid.py).
 *
 * Prints the leaves crt_cc/lift/semantics/cpuid.py defines, then, as libraries such as zstd do,
 * picks SSE3/SSSE3 and SSE4.1 kernels when cpuid reports the extensions and checks them against
 * plain C: the kernels run only when the translation's cpuid says so. */
#include <cpuid.h>
#include <math.h>
#include <pmmintrin.h>
#include <smmintrin.h>
#include <stdio.h>
#include <string.h>
#include <tmmintrin.h>

static void leaf(unsigned n, unsigned sub) {
    unsigned a = 0, b = 0, c = 0, d = 0;
    int ok = __get_cpuid_count(n, sub, &a, &b, &c, &d);
    printf("leaf %08x.%u: %d %08x %08x %08x %08x\n", n, sub, ok, a, b, c, d);
}

#define N 64
static short in16[N], out_c[N], out_v[N];
static unsigned char in8[N];
static signed char s8[N];
static float f32[N], fout_c[N], fout_v[N];

static void kernel_c(void) {
    for (int i = 0; i < N; i += 8) {
        for (int j = 0; j < 4; j++) {
            out_c[i + j] = (short)(in16[i + 2 * j] + in16[i + 2 * j + 1]);          /* phaddw, low half */
            int p = in8[i + 2 * j] * s8[i + 2 * j] + in8[i + 2 * j + 1] * s8[i + 2 * j + 1];
            out_c[i + 4 + j] = (short)(p > 32767 ? 32767 : p < -32768 ? -32768 : p);  /* pmaddubsw */
        }
    }
    for (int i = 0; i < N; i += 4) {
        fout_c[i] = f32[i] + f32[i + 1];                                               /* haddps */
        fout_c[i + 1] = f32[i + 2] + f32[i + 3];
        fout_c[i + 2] = f32[i] - f32[i + 1];                                           /* hsubps */
        fout_c[i + 3] = f32[i + 2] - f32[i + 3];
    }
}

__attribute__((target("ssse3"))) static void kernel_ssse3(void) {
    for (int i = 0; i < N; i += 8) {
        __m128i v = _mm_loadu_si128((const __m128i *)&in16[i]);
        __m128i h = _mm_hadd_epi16(v, v);
        __m128i u = _mm_loadu_si128((const __m128i *)&in8[i]);
        __m128i s = _mm_loadu_si128((const __m128i *)&s8[i]);
        __m128i m = _mm_maddubs_epi16(u, s);
        _mm_storel_epi64((__m128i *)&out_v[i], h);
        _mm_storel_epi64((__m128i *)&out_v[i + 4], m);
    }
    for (int i = 0; i < N; i += 4) {
        __m128 v = _mm_loadu_ps(&f32[i]);
        __m128 r = _mm_shuffle_ps(_mm_hadd_ps(v, v), _mm_hsub_ps(v, v), 0x44);
        _mm_storeu_ps(&fout_v[i], r);
    }
}

static double d64[N], dfl_c[N], dfl_v[N];
static unsigned char bl_c[N], bl_v[N];
static float dot_c[N / 4], dot_v[N / 4];

static void kernel41_c(void) {
    for (int i = 0; i < N; i++) {
        dfl_c[i] = floor(d64[i]) + ceil(d64[i]);
        bl_c[i] = (s8[i] < 0) ? in8[i] : (unsigned char)in16[i];
    }
    for (int i = 0; i < N; i += 4)
        dot_c[i / 4] = (f32[i] * f32[i] + f32[i + 1] * f32[i + 1]) + (f32[i + 2] * f32[i + 2] + f32[i + 3] * f32[i + 3]);
}

__attribute__((target("sse4.1"))) static void kernel41_v(void) {
    for (int i = 0; i < N; i += 2) {
        __m128d v = _mm_loadu_pd(&d64[i]);
        _mm_storeu_pd(&dfl_v[i], _mm_add_pd(_mm_floor_pd(v), _mm_ceil_pd(v)));
    }
    for (int i = 0; i < N; i += 16) {
        __m128i w = _mm_packus_epi16(_mm_and_si128(_mm_loadu_si128((const __m128i *)&in16[i]), _mm_set1_epi16(0xff)),
                                     _mm_and_si128(_mm_loadu_si128((const __m128i *)&in16[i + 8]), _mm_set1_epi16(0xff)));
        __m128i r = _mm_blendv_epi8(w, _mm_loadu_si128((const __m128i *)&in8[i]),
                                    _mm_loadu_si128((const __m128i *)&s8[i]));
        _mm_storeu_si128((__m128i *)&bl_v[i], r);
    }
    for (int i = 0; i < N; i += 4) {
        __m128 v = _mm_loadu_ps(&f32[i]);
        dot_v[i / 4] = _mm_cvtss_f32(_mm_dp_ps(v, v, 0xF1));
    }
}

int main(void) {
    leaf(0, 0);
    leaf(1, 0);
    leaf(7, 0);
    leaf(7, 1);
    leaf(4, 0);
    leaf(0x80000000, 0);
    leaf(0x80000001, 0);
    unsigned seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        in16[i] = (short)(seed >> 9);
        in8[i] = (unsigned char)(seed >> 3);
        s8[i] = (signed char)(seed >> 17);
        f32[i] = (float)(int)(seed >> 24) / 4.0f - 32.0f;   /* sums exact: x87 (i386 C) agrees */
        d64[i] = (double)(int)(seed >> 8) / 1024.0 - 4096.0;
    }
    in8[0] = 255; s8[0] = 127; in8[1] = 255; s8[1] = 127;          /* saturates to 32767 */
    kernel_c();
    unsigned a, b, c, d;
    if (__get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) && (c & bit_SSE3)) {
        kernel_ssse3();
        int same = !memcmp(out_c, out_v, sizeof out_c) && !memcmp(fout_c, fout_v, sizeof fout_c);
        printf("ssse3 kernel: %s\n", same ? "same as C" : "DIFFERENT");
        if (!same)
            return 1;
    } else {
        printf("ssse3 kernel: not used\n");
    }
    kernel41_c();
    if (__get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_1)) {
        kernel41_v();
        int same = !memcmp(dfl_c, dfl_v, sizeof dfl_c) && !memcmp(bl_c, bl_v, sizeof bl_c)
                   && !memcmp(dot_c, dot_v, sizeof dot_c);
        printf("sse4.1 kernel: %s\n", same ? "same as C" : "DIFFERENT");
        return !same;
    }
    printf("sse4.1 kernel: not used\n");
    return 0;
}
