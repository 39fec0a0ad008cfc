"""Lifter: decoded x86 functions -> LLVM IR (textual), one module per object."""
