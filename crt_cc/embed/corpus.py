"""The training/evaluation corpus: Debian C source packages built with Debian's cross compilers.

Why generated here: the embedder has to learn that one source function compiled for five ISAs
at four optimisation levels is "the same thing", and the only way to get such aligned
variants is to compile the same C for every ISA ourselves.  Packages are fetched with
``apt-get source --download-only`` and only their upstream (``.orig``) tarball is unpacked, so
no Debian build machinery (configure, debhelper) runs; each recipe lists the C files, include
directories and defines that make them compile stand-alone.  Files that fail to compile for
some ISA are skipped (the function simply has fewer variants).

Layout: ``ROOT/src/<pkg>/`` sources, ``ROOT/obj/<pkg>/<isa>-O<n>/<file>.o`` objects, where
``<file>`` is the source path with ``/`` replaced by ``__`` (identical across ISAs, which is how
evaluation pairs a query object with its pool object).
"""

from __future__ import annotations

import fnmatch
import glob
import os
import shutil
import subprocess
import sys
import tarfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

COMPILERS = {
    "x86_64": "x86_64-linux-gnu-gcc",
    "i386": "i686-linux-gnu-gcc",
    "aarch64": "aarch64-linux-gnu-gcc",
    "arm": "arm-linux-gnueabi-gcc",
    "riscv64": "riscv64-linux-gnu-gcc",
}
ISAS = tuple(COMPILERS)
OPT_LEVELS = ("O0", "O1", "O2", "O3")


@dataclass(frozen=True)
class Recipe:
    """How to compile the C files of one Debian source package stand-alone."""

    package: str
    sources: tuple[str, ...]                 # globs relative to the unpacked tree
    includes: tuple[str, ...] = (".",)
    defines: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    files: dict[str, str] = field(default_factory=dict, hash=False)   # generated headers


RECIPES: dict[str, Recipe] = {r.package: r for r in [
    # --- training packages -------------------------------------------------------------
    Recipe("lua5.4", ("src/*.c",), ("src",), ("-DLUA_USE_POSIX",)),
    Recipe("zlib", ("*.c",), (".",), ("-D_LARGEFILE64_SOURCE=1", "-DHAVE_UNISTD_H")),
    Recipe("bzip2", ("blocksort.c", "huffman.c", "crctable.c", "randtable.c", "compress.c",
                     "decompress.c", "bzlib.c", "bzip2.c", "bzip2recover.c"), (".",),
           ("-D_FILE_OFFSET_BITS=64",)),
    Recipe("lz4", ("lib/*.c", "programs/*.c"), ("lib", "programs")),
    Recipe("libdeflate", ("lib/*.c", "lib/*/*.c", "programs/*.c"), (".", "lib", "programs")),
    Recipe("lmdb", ("libraries/liblmdb/mdb.c", "libraries/liblmdb/midl.c",
                    "libraries/liblmdb/mdb_*.c"), ("libraries/liblmdb",)),
    Recipe("libtommath", ("bn_*.c",), (".",)),
    Recipe("cjson", ("cJSON.c", "cJSON_Utils.c"), (".",)),
    Recipe("libyaml", ("src/*.c",), ("include", "src"),
           ("-DYAML_VERSION_MAJOR=0", "-DYAML_VERSION_MINOR=2", "-DYAML_VERSION_PATCH=5",
            '-DYAML_VERSION_STRING="0.2.5"')),
    Recipe("mujs", ("js*.c", "regexp.c", "utf.c", "pp.c", "main.c"), (".",)),
    Recipe("utf8proc", ("utf8proc.c",), (".",)),
    Recipe("libzstd", ("lib/common/*.c", "lib/compress/*.c", "lib/decompress/*.c",
                       "lib/dictBuilder/*.c", "programs/*.c"),
           ("lib", "lib/common", "programs"), ("-DZSTD_DISABLE_ASM", "-DXXH_NAMESPACE=ZSTD_")),
    # --- held-out packages (never trained on) -------------------------------------------
    Recipe("mbedtls", ("library/*.c",), ("include", "library")),
    Recipe("libtomcrypt", ("src/*/*.c", "src/*/*/*.c", "src/*/*/*/*.c"), ("src/headers",),
           ("-DLTC_SOURCE",)),
    Recipe("libuv1", ("src/*.c", "src/unix/async.c", "src/unix/core.c", "src/unix/dl.c",
                      "src/unix/fs.c", "src/unix/getaddrinfo.c", "src/unix/getnameinfo.c",
                      "src/unix/loop-watcher.c", "src/unix/loop.c", "src/unix/pipe.c",
                      "src/unix/poll.c", "src/unix/process.c", "src/unix/random-devurandom.c",
                      "src/unix/signal.c", "src/unix/stream.c", "src/unix/tcp.c",
                      "src/unix/thread.c", "src/unix/tty.c", "src/unix/udp.c",
                      "src/unix/linux-core.c", "src/unix/linux-inotify.c",
                      "src/unix/linux-syscalls.c", "src/unix/procfs-exepath.c",
                      "src/unix/proctitle.c", "src/unix/random-getrandom.c",
                      "src/unix/random-sysctl-linux.c", "src/unix/epoll.c"),
           ("include", "src"), ("-D_GNU_SOURCE", "-D_FILE_OFFSET_BITS=64")),
    Recipe("duktape", ("src/duktape.c",), ("src",)),
]}

TRAIN_PACKAGES = ("lua5.4", "zlib", "bzip2", "lz4", "libdeflate", "lmdb", "cjson", "libyaml", "mujs",
                  "utf8proc", "libzstd")
HELDOUT_PACKAGES = ("mbedtls", "libtomcrypt", "libuv1", "duktape")


def default_root() -> Path:
    """``build/embed`` of the repository (or ``$CRT_EMBED_CORPUS``)."""
    env = os.environ.get("CRT_EMBED_CORPUS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "build" / "embed"


def log(msg: str) -> None:
    print(f"crt-embed: {msg}", file=sys.stderr, flush=True)


def fetch(package: str, root: Path) -> Path:
    """Unpacked upstream sources of ``package`` (downloaded once with apt-get source -d)."""
    dest = root / "src" / package
    if (dest / ".complete").exists():
        return dest
    dl = root / "downloads"
    dl.mkdir(parents=True, exist_ok=True)
    tarballs = sorted(dl.glob(f"{package}_*.orig.tar.*"))
    tarballs = [t for t in tarballs if not t.name.endswith(".asc")]
    if not tarballs:
        log(f"apt-get source --download-only {package}")
        subprocess.run(["apt-get", "source", "--download-only", "-qq", package], cwd=dl,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        tarballs = [t for t in sorted(dl.glob(f"{package}_*.orig.tar.*"))
                    if not t.name.endswith(".asc")]
    if not tarballs:
        raise RuntimeError(f"could not download the source of {package} "
                           "(is there a deb-src entry? run toolchain/setup.sh)")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    with tarfile.open(tarballs[0]) as tf:
        members = []
        for m in tf.getmembers():
            parts = m.name.split("/", 1)
            if len(parts) < 2 or not parts[1] or m.issym() or m.islnk():
                continue
            m.name = parts[1]
            members.append(m)
        tf.extractall(dest, members=members, filter="data")
    (dest / ".complete").write_text(tarballs[0].name + "\n")
    return dest


def source_files(recipe: Recipe, src: Path) -> list[str]:
    """Relative paths of the C files a recipe compiles."""
    out: list[str] = []
    for pattern in recipe.sources:
        for p in sorted(glob.glob(str(src / pattern))):
            rel = os.path.relpath(p, src)
            if rel not in out and not any(fnmatch.fnmatch(rel, x) for x in recipe.exclude):
                out.append(rel)
    return out


def object_dir(root: Path, package: str, isa: str, opt: str) -> Path:
    return root / "obj" / package / f"{isa}-{opt}"


def _compile_one(args: tuple[str, list[str], Path, Path]) -> bool:
    cc, flags, src_file, out = args
    if out.exists():
        return True
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.o")
    r = subprocess.run(["nice", "-n", "10", cc, *flags, "-c", str(src_file), "-o", str(tmp)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    if r.returncode != 0:
        tmp.unlink(missing_ok=True)
        out.with_suffix(".failed").touch()
        return False
    tmp.rename(out)
    return True


def build(packages: list[str], isas: list[str], opts: list[str], root: Path | None = None,
          jobs: int = 2) -> dict[str, list[Path]]:
    """Compile every file of every package for every (isa, opt); returns objects per package."""
    root = root or default_root()
    work: list[tuple[str, list[str], Path, Path]] = []
    for pkg in packages:
        recipe = RECIPES[pkg]
        src = fetch(pkg, root)
        for rel, text in recipe.files.items():
            (src / rel).write_text(text)
        files = source_files(recipe, src)
        for isa in isas:
            if shutil.which(COMPILERS[isa]) is None:
                raise RuntimeError(f"{COMPILERS[isa]} not found (run toolchain/setup.sh)")
            for opt in opts:
                flags = [f"-{opt}", "-w", "-fno-common",
                         *[f"-I{src / i}" for i in recipe.includes], *recipe.defines]
                for rel in files:
                    out = object_dir(root, pkg, isa, opt) / (rel.replace("/", "__")[:-2] + ".o")
                    if out.with_suffix(".failed").exists():
                        continue
                    work.append((COMPILERS[isa], flags, src / rel, out))
    todo = [w for w in work if not w[3].exists()]
    if todo:
        log(f"compiling {len(todo)} objects ({len(work) - len(todo)} already built), {jobs} jobs")
        with ThreadPoolExecutor(max_workers=jobs) as ex:
            list(ex.map(_compile_one, todo))
    out: dict[str, list[Path]] = {}
    for pkg in packages:
        out[pkg] = sorted((root / "obj" / pkg).glob("*/*.o"))
    return out


def objects(root: Path, package: str, isa: str, opt: str) -> list[Path]:
    """Built objects of one package for one ISA and optimisation level."""
    return sorted(object_dir(root, package, isa, opt).glob("*.o"))
