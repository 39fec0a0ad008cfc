#!/usr/bin/env bash
# Idempotent set-up of crt-cc on a Debian 12 (bookworm) machine.
#
#  1. Debian packages: host binutils/gcc/make/cmake, the cross compilers for every
#     target (plus gcc-i686-linux-gnu for i386 sources), qemu-user.  Checked with
#     dpkg-query first; apt-get runs only when something is missing.
#  2. A deb-src entry for bookworm (/etc/apt/sources.list.d/crt-cc-src.sources) so
#     that 'apt-get source PKG' works for the real-project tests.
#  3. .venv in the repository: torch==2.13.0 (the CPU build; see below), then
#     'pip install -e .[test,model,embed]' plus pytest-xdist, redone only when
#     pyproject.toml (or this script) changes; prefixed wrappers from wrappers/
#     are copied into .venv/bin.
#
# A warm run (everything present) takes a fraction of a second.
# Environment: CRT_SETUP_NO_APT=1 skips steps 1-2 (for machines without root);
#              PYTHON=/path/to/python3.11+ picks the interpreter for .venv.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$REPO/.venv"
STAMP="$VENV/.crt-setup-stamp"

log() { printf 'crt-cc setup: %s\n' "$*" >&2; }
die() { printf 'crt-cc setup: error: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run '$*' (no sudo); run as root or set CRT_SETUP_NO_APT=1"
    fi
}

# --- Python interpreter for .venv (3.11+) -----------------------------------
# Sets PY (absolute path) and PY_VERSION; one interpreter start on a warm run.
find_python() {
    local c v
    for c in ${PYTHON:-} python3 python3.13 python3.12 python3.11 /usr/bin/python3; do
        command -v "$c" >/dev/null 2>&1 || continue
        if v=$("$c" -c 'import sys; assert sys.version_info >= (3, 11); print(sys.version.split()[0])' 2>/dev/null); then
            PY=$(command -v "$c")
            PY_VERSION=$v
            return 0
        fi
    done
    PY=
    PY_VERSION=
    return 1
}

# --- 1. Debian packages -------------------------------------------------------
PACKAGES=(
    binutils gcc make cmake dpkg-dev
    gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu gcc-arm-linux-gnueabi gcc-i686-linux-gnu
    # The cross compilers only recommend their C libraries' headers and start files, and apt runs
    # with --no-install-recommends: without these, every native driver fails to compile.
    libc6-dev-arm64-cross libc6-dev-riscv64-cross libc6-dev-armel-cross libc6-dev-i386-cross
    qemu-user
)

missing_packages() {
    local want=("${PACKAGES[@]}")
    if [ -z "$PY" ]; then
        want+=(python3 python3-venv)
    elif [ ! -x "$VENV/bin/python" ] && ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
        want+=(python3-venv)   # Debian's python3 cannot create venvs without it
    fi
    # Prints the packages that are not fully installed ("install ok installed").
    local installed
    installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${want[@]}" 2>/dev/null \
        | awk '$NF == "installed" && $(NF-1) == "ok" { print $1 }') || true
    local p
    for p in "${want[@]}"; do
        grep -qx -- "$p" <<<"$installed" || echo "$p"
    done
}

# --- 2. deb-src entry -----------------------------------------------------------
SRC_FILE=/etc/apt/sources.list.d/crt-cc-src.sources

# deb822 stanzas with "Types: deb-src" mirroring the Debian "deb" stanzas.
deb_src_content() {
    local f=/etc/apt/sources.list.d/debian.sources
    if [ -r "$f" ]; then
        awk '
            function flush() {
                if (isdeb && uris != "") {
                    printf "%sTypes: deb-src\nURIs: %s\nSuites: %s\nComponents: %s\n", sep, uris, suites, comps
                    if (signed != "") printf "Signed-By: %s\n", signed
                    sep = "\n"
                }
                isdeb = 0; uris = suites = comps = signed = ""
            }
            /^[ \t]*#/ { next }
            /^[ \t]*$/ { flush(); next }
            /^Types:/      { for (i = 2; i <= NF; i++) if ($i == "deb") isdeb = 1; next }
            /^URIs:/       { sub(/^URIs:[ \t]*/, ""); uris = $0; next }
            /^Suites:/     { sub(/^Suites:[ \t]*/, ""); suites = $0; next }
            /^Components:/ { sub(/^Components:[ \t]*/, ""); comps = $0; next }
            /^Signed-By:/  { sub(/^Signed-By:[ \t]*/, ""); signed = $0; next }
            END { flush() }
        ' "$f"
    elif [ -r /etc/apt/sources.list ]; then
        # One-line format: "deb [opts] URI suite comp..." for the Debian archive.
        awk '$1 == "deb" && $0 ~ /debian/ {
                 o = ""; i = 2
                 if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                 c = $(i + 2); for (j = i + 3; j <= NF; j++) c = c " " $j
                 printf "%sTypes: deb-src\nURIs: %s\nSuites: %s\nComponents: %s\n", sep, $i, $(i + 1), c
                 sep = "\n"
             }' /etc/apt/sources.list
    fi
}

has_deb_src() {
    # Already configured by us or by the administrator?
    [ -f "$SRC_FILE" ] && return 0
    grep -rqsE --include='*.list' --include='*.sources' '^[[:space:]]*deb-src[[:space:]]|^Types:.*deb-src' \
        /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
}

# --- main -----------------------------------------------------------------------
find_python || true
need_update=0
if [ "${CRT_SETUP_NO_APT:-0}" != 1 ] && command -v dpkg-query >/dev/null 2>&1; then
    if ! has_deb_src; then
        content=$(deb_src_content)
        if [ -n "$content" ]; then
            log "adding deb-src entries ($SRC_FILE)"
            printf '# Added by crt-cc toolchain/setup.sh (for apt-get source).\n%s\n' "$content" \
                | as_root tee "$SRC_FILE" >/dev/null
            need_update=1
        else
            log "warning: no Debian deb entries found; not adding deb-src"
        fi
    fi
    mapfile -t missing < <(missing_packages)
    if [ "${#missing[@]}" -gt 0 ] || [ "$need_update" = 1 ]; then
        export DEBIAN_FRONTEND=noninteractive
        log "apt-get update"
        as_root apt-get update -qq
        if [ "${#missing[@]}" -gt 0 ]; then
            log "installing: ${missing[*]}"
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                "${missing[@]}"
        fi
    fi
fi

[ -n "$PY" ] || find_python || die "no Python 3.11+ found (install python3, or set PYTHON=)"

stamp_value() {
    {
        sha256sum "$REPO/pyproject.toml" "$REPO/toolchain/setup.sh" | awk '{ print $1 }'
        echo "$PY_VERSION"
    } | sha256sum | awk '{ print $1 }'
}

want_stamp=$(stamp_value)
if [ ! -x "$VENV/bin/python" ] || [ ! -x "$VENV/bin/crt-run" ] || [ ! -f "$STAMP" ] \
    || [ "$(cat "$STAMP")" != "$want_stamp" ]; then
    if [ ! -x "$VENV/bin/python" ]; then
        log "creating $VENV with $PY"
        "$PY" -m venv "$VENV"
    fi
    # The model engine (docs/model.md) needs torch: exactly this version, which resolves to the
    # CPU build provided on disk; any other spec pulls gigabytes of CUDA wheels. Installed first,
    # so that '.[model]' (torch>=2.1, transformers) finds it satisfied.
    log "installing torch==2.13.0 (CPU build) for the model engine"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "torch==2.13.0"
    # editable_mode=compat: the checkout goes on sys.path through a plain .pth line.  The default
    # editable mode installs an import finder that every Python start imports (pathlib and more:
    # about 15 ms), and each crt-cc command starts a Python to hand its work to the compile server.
    log "installing crt-cc into .venv (pip install -e '.[test,model,embed]' pytest-xdist)"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$REPO[test,model,embed]" \
        --config-settings editable_mode=compat pytest-xdist
    echo "$want_stamp" >"$STAMP"
fi

# Prefixed wrappers (aarch64-linux-gnu-crt-cc ...) next to crt-cc in .venv/bin.
for w in "$REPO"/wrappers/*-crt-*; do
    [ -f "$w" ] || continue
    dst="$VENV/bin/$(basename "$w")"
    if ! cmp -s "$w" "$dst"; then
        install -m 0755 "$w" "$dst"
    fi
done

# Byte code for crt-cc's modules, written now: where PYTHONDONTWRITEBYTECODE is set (as in many CI
# images) a cold command would otherwise compile the ~100 modules it imports from source at every
# start (about 0.2 s); reading the .pyc files is still allowed.  Up-to-date files are skipped.
"$VENV/bin/python" -m compileall -q "$REPO/crt_cc" >/dev/null || log "warning: could not byte-compile crt_cc"

exit 0
