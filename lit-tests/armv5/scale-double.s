# i386 cdecl -> AAPCS32 soft-float: `double scale(int k, double x)` reads its double with fldl at
# 8(%esp), so the native entry takes it in the aligned pair r2:r3 (r1 unused) and returns the
# double in r0:r1; the x87 arithmetic becomes soft-float double calls.
# RUN: %crt-cc --target=arm-linux-gnueabi -m32 -S %s -o - | FileCheck %s

# CHECK-LABEL: scale:
# CHECK-DAG: mov{{\s+}}[[HI:r[0-9]+]], r3
# CHECK-DAG: mov{{\s+}}[[LO:r[0-9]+]], r2
# CHECK: bl{{\s+}}__aeabi_i2d
# CHECK-DAG: mov{{\s+}}r2, [[LO]]
# CHECK-DAG: mov{{\s+}}r3, [[HI]]
# CHECK: bl{{\s+}}__aeabi_dmul

        .text
        .globl  scale
        .type   scale, @function
scale:
        fildl   4(%esp)
        fmull   8(%esp)
        ret
        .size   scale, .-scale
        .section .note.GNU-stack,"",@progbits
