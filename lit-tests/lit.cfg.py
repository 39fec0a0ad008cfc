# ruff: noqa: F821  (config and lit_config are globals provided by lit)
# lit configuration for crt-cc.  Run with:  .venv/bin/lit -sv lit-tests   (or: make lit)
#
# Substitutions:
#   %crt-cc, %crt-as, %crt-run   the repository's .venv/bin tools (else the ones on PATH;
#                                CRT_CC / CRT_AS / CRT_RUN override)
#   FileCheck, %FileCheck        the 'filecheck' command of the PyPI filecheck package
#   %target-triple               aarch64-linux-gnu (override: lit -DTARGET=riscv64-linux-gnu)
#   not                          lit's builtin 'not'
# Features: qemu-<arch> when that qemu-user binary exists; host-x86_64.
# Test outputs (%t) go under build/lit-tests/, not the source tree.

import os
import platform
import shutil
import sys

import lit.formats

# 'config' and 'lit_config' are provided by lit.
config.name = "crt-cc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".s", ".c", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "README.md"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(config.test_source_root)
config.test_exec_root = os.path.join(repo, "build", "lit-tests")
venv_bin = os.path.join(repo, ".venv", "bin")


def tool(name, env_var=None):
    if env_var and os.environ.get(env_var):
        return os.environ[env_var]
    for d in (venv_bin, os.path.dirname(os.path.abspath(sys.executable))):
        path = os.path.join(d, name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return shutil.which(name) or name


target = lit_config.params.get("TARGET", os.environ.get("CRT_LIT_TARGET", "aarch64-linux-gnu"))
filecheck = tool("filecheck", "FILECHECK")

# lit applies these in order, as regular expressions, before its own %s/%t.
config.substitutions.append(("%crt-cc", tool("crt-cc", "CRT_CC")))
config.substitutions.append(("%crt-as", tool("crt-as", "CRT_AS")))
config.substitutions.append(("%crt-run", tool("crt-run", "CRT_RUN")))
config.substitutions.append(("%target-triple", target))
config.substitutions.append(("%FileCheck", filecheck))
config.substitutions.append((r"\bFileCheck\b", filecheck))

# Environment: our tools first on PATH; pass through crt-cc / qemu settings.
path = os.environ.get("PATH", "")
config.environment["PATH"] = os.pathsep.join([venv_bin, path]) if os.path.isdir(venv_bin) else path
for var in os.environ:
    if var.startswith(("CRT_", "QEMU_")):
        config.environment[var] = os.environ[var]

for qemu in ("qemu-aarch64", "qemu-riscv64", "qemu-arm"):
    if shutil.which(qemu):
        config.available_features.add(qemu)
if platform.machine() in ("x86_64", "AMD64"):
    config.available_features.add("host-x86_64")
config.available_features.add("target-" + target.split("-")[0])
