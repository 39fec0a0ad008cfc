#!/usr/bin/env bash
# Idempotent set-up for `make bench` (not part of `make setup` / `make test`).
#
#  1. qemu-plugin.h: taken from Debian's qemu source package matching the installed
#     qemu-user (`apt-get source --download-only`), extracted alone from the orig
#     tarball into build/bench/include/ and cached there (the 23 MB tarball is
#     deleted).  Third-party code is never committed to this repository.
#  2. build/bench/libinsn.so: our instruction-counting plugin bench/insn_count.c,
#     compiled with the host gcc against that header (rebuilt when either changes).
#  3. Optional real program: zlib's sources (Debian source package 'zlib') in
#     build/bench/zlib/, for the minigzip benchmarks (never committed either).
#  4. Optional chart: matplotlib in .venv (skipped with BENCH_NO_CHART=1).
#
# A step that cannot be done prints a clear message and is skipped; the runner
# (python -m crt_cc.bench) then leaves that column/program out.  Exit status:
# 0 when the plugin is ready, 2 when it is not (everything else is optional).
# Environment: BENCH_NO_APT=1 never calls apt-get (uses only what is cached);
#              BENCH_WORK=DIR caches into DIR instead of build/bench (the runner's --work).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK="${BENCH_WORK:-$REPO/build/bench}"
INC="$WORK/include"
PLUGIN="$WORK/libinsn.so"
ZLIB="$WORK/zlib"
# the Python that runs the bench draws the chart (the runner passes it; a clean clone has no venv)
PY="${BENCH_PYTHON:-$REPO/.venv/bin/python}"

log() { printf 'bench setup: %s\n' "$*" >&2; }

mkdir -p "$WORK"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else return 1
    fi
}

# apt-get source --download-only PKG[=VER] into DIR; one 'apt-get update' retry
# (the deb-src entry may have been added without an update yet).
fetch_source() {
    local spec=$1 dir=$2
    [ "${BENCH_NO_APT:-0}" = 1 ] && return 1
    command -v apt-get >/dev/null 2>&1 || return 1
    mkdir -p "$dir"
    (cd "$dir" && apt-get source -qq --download-only "$spec" >/dev/null 2>&1) && return 0
    log "apt-get source $spec failed; running apt-get update once and retrying"
    as_root apt-get update -qq >/dev/null 2>&1 || return 1
    (cd "$dir" && apt-get source -qq --download-only "$spec" >/dev/null 2>&1)
}

# --- 1. qemu-plugin.h ---------------------------------------------------------
# The source version of the installed qemu-user, e.g. 1:7.2+dfsg-7+deb12u18.
QEMU_SRC_VERSION=$(dpkg-query -W -f='${source:Version}' qemu-user 2>/dev/null || true)
HDR="$INC/qemu-plugin.h"
HDR_STAMP="$INC/SOURCE-VERSION"

get_header() {
    if [ -f "$HDR" ] && [ "$(cat "$HDR_STAMP" 2>/dev/null)" = "$QEMU_SRC_VERSION" ]; then
        return 0
    fi
    local dl="$WORK/qemu-src"
    rm -rf "$dl"
    log "downloading Debian's qemu source package ($QEMU_SRC_VERSION) for qemu-plugin.h"
    # The exact source version first (the header must match the installed QEMU),
    # then whatever version the archive has now.
    if ! { [ -n "$QEMU_SRC_VERSION" ] && fetch_source "qemu=$QEMU_SRC_VERSION" "$dl"; } \
        && ! fetch_source qemu "$dl"; then
        log "cannot download the qemu source package (needs a deb-src entry: run 'make setup' as root)"
        rm -rf "$dl"
        return 1
    fi
    local orig
    orig=$(ls "$dl"/qemu_*.orig.tar.* 2>/dev/null | head -n 1)
    if [ -z "$orig" ]; then
        log "no qemu orig tarball in $dl"
        rm -rf "$dl"
        return 1
    fi
    mkdir -p "$INC"
    local tmp="$WORK/qemu-hdr.tmp"
    rm -rf "$tmp" && mkdir -p "$tmp"
    if ! tar -xf "$orig" -C "$tmp" --wildcards '*/include/qemu/qemu-plugin.h' 2>/dev/null; then
        log "include/qemu/qemu-plugin.h not found in $(basename "$orig")"
        rm -rf "$tmp" "$dl"
        return 1
    fi
    find "$tmp" -name qemu-plugin.h -exec cp {} "$HDR" \;
    echo "$QEMU_SRC_VERSION" >"$HDR_STAMP"
    rm -rf "$tmp" "$dl"
    log "cached $HDR"
}

# --- 2. the plugin --------------------------------------------------------------
build_plugin() {
    if ! qemu-aarch64 --help 2>/dev/null | grep -q -- '-plugin'; then
        log "the installed qemu-aarch64 has no -plugin support; no instruction counts"
        return 1
    fi
    get_header || return 1
    local src="$REPO/bench/insn_count.c"
    if [ -f "$PLUGIN" ] && [ "$PLUGIN" -nt "$src" ] && [ "$PLUGIN" -nt "$HDR" ]; then
        return 0
    fi
    local cflags=()
    if grep -q '#include <glib.h>' "$HDR"; then
        # Newer QEMUs' header needs glib; install its -dev package only here.
        if ! pkg-config --exists glib-2.0 2>/dev/null; then
            [ "${BENCH_NO_APT:-0}" = 1 ] || as_root env DEBIAN_FRONTEND=noninteractive \
                apt-get install -y -qq --no-install-recommends libglib2.0-dev pkg-config >/dev/null 2>&1
        fi
        # shellcheck disable=SC2207
        cflags=($(pkg-config --cflags glib-2.0 2>/dev/null)) || true
    fi
    if gcc -O2 -Wall -Wextra -std=gnu11 -shared -fPIC -I "$INC" "${cflags[@]}" "$src" -o "$PLUGIN.tmp"; then
        mv "$PLUGIN.tmp" "$PLUGIN"
        log "built $PLUGIN"
    else
        rm -f "$PLUGIN.tmp"
        log "compiling bench/insn_count.c failed; no instruction counts"
        return 1
    fi
}

# --- 3. zlib (optional) -------------------------------------------------------------
get_zlib() {
    [ -f "$ZLIB/zlib.h" ] && [ -f "$ZLIB/test/minigzip.c" ] && return 0
    local dl="$WORK/zlib-src"
    rm -rf "$dl"
    if ! fetch_source zlib "$dl"; then
        log "optional: cannot download Debian's zlib source package; skipping the minigzip benchmarks"
        rm -rf "$dl"
        return 1
    fi
    local orig
    orig=$(ls "$dl"/zlib_*.orig.tar.* 2>/dev/null | head -n 1)
    rm -rf "$ZLIB" && mkdir -p "$ZLIB"
    if [ -z "$orig" ] || ! tar -xf "$orig" -C "$ZLIB" --strip-components=1; then
        log "optional: cannot unpack the zlib source; skipping the minigzip benchmarks"
        rm -rf "$ZLIB" "$dl"
        return 1
    fi
    rm -rf "$dl"
    log "unpacked $(basename "$orig") into $ZLIB"
}

# --- 4. matplotlib (optional) -------------------------------------------------------
get_matplotlib() {
    [ "${BENCH_NO_CHART:-0}" = 1 ] && return 0
    [ -x "$PY" ] || return 0
    "$PY" -c 'import matplotlib' 2>/dev/null && return 0
    log "installing matplotlib into $PY's environment for the chart (optional; BENCH_NO_CHART=1 skips)"
    "$PY" -m pip install -q --disable-pip-version-check matplotlib >/dev/null 2>&1 \
        || log "optional: matplotlib could not be installed; no PNG chart"
}

rc=0
build_plugin || rc=2
get_zlib || true
get_matplotlib || true
exit "$rc"
