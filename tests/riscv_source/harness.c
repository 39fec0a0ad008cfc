/* Per-instruction differential tests for RISC-V64 sources (tests/riscv_source/difftest.py).
 *
 * Built twice from the same sources: natively for RISC-V64 (the reference, run under qemu-riscv64)
 * and natively for AArch64 linked with the translated forms.  Reads the input states from stdin,
 * calls every form on each, prints the resulting state.  Registers holding the marker MEM+off are
 * pointed into the memory block first, and values inside it are printed as M+off, so that the
 * two runs compare equal although their addresses differ. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct rv_state {
    uint64_t x[32];
    uint64_t f[32];
    uint8_t mem[256] __attribute__((aligned(64)));
};

struct rv_form {
    const char *name;
    void (*fn)(struct rv_state *);
};

extern const struct rv_form rv_forms[];
extern const int rv_nforms;

#define MEM_MARK 0x4d454d0000000000ull

static struct rv_state st __attribute__((aligned(64)));

static void print_reg(const char *name, uint64_t v) {
    uint64_t base = (uint64_t)(uintptr_t)st.mem;
    if (v >= base && v < base + sizeof st.mem)
        printf(" %s=M+%llx", name, (unsigned long long)(v - base));
    else
        printf(" %s=%016llx", name, (unsigned long long)v);
}

int main(void) {
    uint32_t ncases;
    if (fread(&ncases, sizeof ncases, 1, stdin) != 1) return 2;
    for (int i = 0; i < rv_nforms; i++) {
        for (uint32_t c = 0; c < ncases; c++) {
            if (fread(&st, sizeof st, 1, stdin) != 1) return 3;
            for (int r = 1; r < 32; r++)
                if ((st.x[r] & 0xffffff0000000000ull) == MEM_MARK)
                    st.x[r] = (uint64_t)(uintptr_t)st.mem + (st.x[r] & 0xff);
            printf("> %s %u\n", rv_forms[i].name, c);
            fflush(stdout);
            rv_forms[i].fn(&st);
            printf("%s %u", rv_forms[i].name, c);
            char name[8];
            for (int r = 1; r < 32; r++) {
                if (r == 2 || r == 3 || r == 4) continue;       /* sp, gp, tp are not part of the state */
                snprintf(name, sizeof name, "x%d", r);
                print_reg(name, st.x[r]);
            }
            for (int r = 0; r < 32; r++) printf(" f%d=%016llx", r, (unsigned long long)st.f[r]);
            printf(" mem=");
            for (unsigned k = 0; k < sizeof st.mem; k++) printf("%02x", st.mem[k]);
            printf("\n");
        }
    }
    return 0;
}
