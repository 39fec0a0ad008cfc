"""Calling conventions: the x86-64 SysV source ABI and one module per target ABI."""
