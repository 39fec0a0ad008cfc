/* Differential-test harness, compiled unchanged for the x86 reference (gcc,
 * or i686-linux-gnu-gcc) and for the target (aarch64-linux-gnu-gcc ...).
 *
 * With -DCRT_DIFF_I386 the test functions are i386 code (or its translation):
 * they load and store the low 32 bits of gpr[0..7] and xmm0-7 only, so only
 * those are printed (as eax ... edi, 8 hex digits).  The records and the
 * state layout are the same for both ISAs.
 *
 * Linked with one family's test functions: on the host the x86 .s itself,
 * on the target the object crt-cc translated from the same .s.  The
 * generated header "crt_diff_funcs.h" lists the functions:
 *     #define CRT_DIFF_NFORMS n
 *     #define CRT_DIFF_FORMS(X) X(0, name0) X(1, name1) ...
 * and each function is  void crt_diff_run_<name>(struct crt_diff_state *).
 *
 * usage: harness INPUT.bin
 * INPUT.bin is a sequence of struct crt_diff_input records (tests/difftest/
 * cases.py writes them).  For every record the harness loads the state,
 * calls the form's function and prints the resulting state:
 *     > FORM CASE            (before the call, flushed: names a crash)
 *     @ FORM CASE            (after the call)
 *     rax 0123456789abcdef   (a value within the memory block prints as M+off)
 *     ...                    (all GPRs but rsp/esp)
 *     rflags 0000000000000845  (masked by the record's flag mask)
 *     xmm0 <128-bit value as 32 hex digits>
 *     mem00 <32 bytes as hex, memory order>  ... mem e0
 * and "# end" after the last record.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct crt_diff_state {
    uint64_t gpr[16];          /* rax rcx rdx rbx rsp rbp rsi rdi r8..r15; rsp ignored */
    uint64_t rflags;           /* arithmetic flags only (mask 0x8d5), DF = 0 */
    uint64_t pad0;
    uint8_t xmm[16][16];
    uint8_t pad1[48];
    uint8_t mem[256] __attribute__((aligned(64)));
};

/* offsets the generated assembly uses (tests/difftest/core.py) */
_Static_assert(offsetof(struct crt_diff_state, rflags) == 128, "rflags offset");
_Static_assert(offsetof(struct crt_diff_state, xmm) == 144, "xmm offset");
_Static_assert(offsetof(struct crt_diff_state, mem) == 448, "mem offset");

struct crt_diff_input {
    uint64_t form, ccase, flagmask, ptrmask;
    uint64_t gpr[16];          /* for a pointer register (ptrmask bit): offset into mem */
    uint64_t rflags;
    uint8_t xmm[16][16];
    uint8_t mem[256];
};
_Static_assert(sizeof(struct crt_diff_input) == 680, "record size");

#include "crt_diff_funcs.h"

#define CRT_DIFF_DECL(i, name) extern void crt_diff_run_##name(struct crt_diff_state *);
CRT_DIFF_FORMS(CRT_DIFF_DECL)
#define CRT_DIFF_REF(i, name) [i] = crt_diff_run_##name,
static void (*const funcs[CRT_DIFF_NFORMS + 1])(struct crt_diff_state *) = {CRT_DIFF_FORMS(CRT_DIFF_REF)};

static struct crt_diff_state S __attribute__((aligned(64)));

#ifdef CRT_DIFF_I386
#define NGPR 8
#define NXMM 8
typedef int32_t sgpr_t;
typedef uint32_t gpr_t;
#define GPR_FMT "%s %08llx\n"
static const char *const gpr_names[NGPR] = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
#else
#define NGPR 16
#define NXMM 16
typedef int64_t sgpr_t;
typedef uint64_t gpr_t;
#define GPR_FMT "%s %016llx\n"
static const char *const gpr_names[NGPR] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                            "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};
#endif

static void print_state(uint64_t flagmask) {
    gpr_t base = (gpr_t)(uintptr_t)S.mem;
    for (int i = 0; i < NGPR; i++) {
        if (i == 4)
            continue;
        gpr_t v = (gpr_t)S.gpr[i];     /* i386: the low word, which is all the code stored */
        sgpr_t off = (sgpr_t)(v - base);
        if (off >= -4096 && off <= 4096 + 256)
            printf("%s M%+lld\n", gpr_names[i], (long long)off);
        else
            printf(GPR_FMT, gpr_names[i], (unsigned long long)v);
    }
    printf("rflags %016llx\n", (unsigned long long)(S.rflags & flagmask & 0x8d5));
    for (int i = 0; i < NXMM; i++) {
        uint64_t lo, hi;
        memcpy(&lo, &S.xmm[i][0], 8);
        memcpy(&hi, &S.xmm[i][8], 8);
        printf("xmm%d %016llx%016llx\n", i, (unsigned long long)hi, (unsigned long long)lo);
    }
    for (int off = 0; off < 256; off += 32) {
        char hex[65];
        for (int j = 0; j < 32; j++)
            snprintf(hex + 2 * j, 3, "%02x", S.mem[off + j]);
        printf("mem%02x %s\n", off, hex);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s INPUT.bin\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    struct crt_diff_input in;
    while (fread(&in, sizeof in, 1, f) == 1) {
        if (in.form > CRT_DIFF_NFORMS || !funcs[in.form]) {
            printf("! %llu %llu no such form\n", (unsigned long long)in.form, (unsigned long long)in.ccase);
            continue;
        }
        memset(&S, 0, sizeof S);
        memcpy(S.gpr, in.gpr, sizeof S.gpr);
        memcpy(S.xmm, in.xmm, sizeof S.xmm);
        memcpy(S.mem, in.mem, sizeof S.mem);
        S.rflags = (in.rflags & 0x8d5) | 2;
        for (int i = 0; i < 16; i++)
            if (in.ptrmask >> i & 1)
                S.gpr[i] = (uint64_t)(uintptr_t)S.mem + in.gpr[i];
        S.gpr[4] = 0;
        printf("> %llu %llu\n", (unsigned long long)in.form, (unsigned long long)in.ccase);
        fflush(stdout);
        funcs[in.form](&S);
        printf("@ %llu %llu\n", (unsigned long long)in.form, (unsigned long long)in.ccase);
        print_state(in.flagmask);
    }
    fclose(f);
    printf("# end\n");
    return 0;
}
