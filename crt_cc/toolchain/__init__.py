"""Discovery of the host and target toolchains (binutils, gcc, qemu-user, sysroots)."""
