"""RISC-V64 (RV64GC) as a source ISA: a RISC-V object lifted to LLVM IR for the target.

* :mod:`.analysis`  control flow, the CFG, and a forward data-flow of what each register holds
  (a frame address, a constant, a data address, an untouched argument or call result);
* :mod:`.function`  register file (x1-x31, f0-f31 as allocas, promoted by mem2reg), operands,
  memory addressing through the recovered frame, control flow;
* :mod:`.semantics` one small module per instruction family (I, M, A, F/D, control, system);
* :mod:`.calls`     calls: between translated functions, to native code with the target ABI,
  printf-family calls typed from constant formats, libgcc's binary128 helpers;
* :mod:`.prototypes` exact entry points from C declarations (``--crt-prototypes``);
* :mod:`.syscalls`  ``ecall`` -> Linux system calls of the target;
* :mod:`.module`    data sections, relocations, jump tables, entry points, the IR module.
"""
