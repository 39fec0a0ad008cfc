"""A stand-in for crt-cc, used to test the difftest machinery itself.

It "translates" by assembling the x86 .s for the host, so with the target C
compiler set to gcc and no qemu the "target" binary runs natively and every
form passes, unless told to misbehave:

  FAKE_CRT_REJECT=REGEX         a snippet line matching REGEX is rejected with
                                "FILE:LINE: error: unsupported instruction ..."
  FAKE_CRT_REJECT_NOLINE=REGEX  the same, with no line number in the message
  FAKE_CRT_REPLACE=OLD=>NEW     textual substitution in snippets (a wrong translation)

usage: python fake_crt_cc.py [--target=T] -c FILE.s -o FILE.o
"""

from __future__ import annotations

import os
import re
import subprocess
import sys


def main(argv: list[str]) -> int:
    src = argv[argv.index("-c") + 1]
    out = argv[argv.index("-o") + 1]
    lines = open(src).read().split("\n")
    reject = os.environ.get("FAKE_CRT_REJECT")
    reject_noline = os.environ.get("FAKE_CRT_REJECT_NOLINE")
    replace = os.environ.get("FAKE_CRT_REPLACE")
    in_body = False
    for i, ln in enumerate(lines):
        if ln.startswith("# ---- end"):
            in_body = False
        elif ln.startswith("# ---- "):
            in_body = True
        elif in_body:
            insn = ln.strip()
            if reject and re.search(reject, insn):
                print(f"{src}:{i + 1}: error: unsupported instruction '{insn}'", file=sys.stderr)
                return 1
            if reject_noline and re.search(reject_noline, insn):
                print("crt-cc: error: unsupported instruction", file=sys.stderr)
                return 1
            if replace:
                old, new = replace.split("=>")
                lines[i] = ln.replace(old, new)
    tmp = out + ".fake.s"
    with open(tmp, "w") as fh:
        fh.write("\n".join(lines))
    return subprocess.call(["gcc", "-c", "-o", out, tmp])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
