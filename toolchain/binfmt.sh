#!/usr/bin/env bash
# Run cross-built programs directly (./prog) through the kernel's binfmt_misc and qemu-user,
# the way Debian's qemu-user-binfmt does, with the target's Debian cross libc as sysroot.
#
#   toolchain/binfmt.sh register   [TARGET...]   register (root; mounts binfmt_misc if needed)
#   toolchain/binfmt.sh unregister [TARGET...]   remove exactly what 'register' added (root)
#   toolchain/binfmt.sh status     [TARGET...]   show the state; exit 0 if all registered, else 3
#   toolchain/binfmt.sh print      [TARGET...]   print the registration lines; changes nothing
#   toolchain/binfmt.sh run [TARGET...] -- CMD [ARG...]
#                                  run CMD with the targets registered privately, in a user
#                                  namespace of its own (no root, nothing global changes;
#                                  needs Linux 6.7+), or directly if 'register' already did it
#
# TARGET: aarch64-linux-gnu (aarch64, arm64), riscv64-linux-gnu (riscv64),
#         arm-linux-gnueabi (armv5, arm); default: all three.
#
# Each target gets a binfmt_misc entry 'crt-<triple>' matching the ELF header of its
# executables (class, byte order, type EXEC or DYN, e_machine; the same magic and mask as
# qemu-user-binfmt) with flag P (the program's own argv[0] is preserved).  Its interpreter is a
# small generated script, <libexec>/<triple>, that runs
#     qemu-<arch> -L /usr/<triple> -0 ARGV0 PROGRAM ARGS...
# so the dynamic loader and libraries come from the cross libc (QEMU_LD_PREFIX has no effect:
# -L wins).  Entries are tried newest first, so a 'register' takes precedence over entries
# registered before it (for example qemu-user-binfmt's qemu-aarch64); 'unregister' restores them.
#
# Environment:
#   CRT_BINFMT_DIR      binfmt_misc mount point (default /proc/sys/fs/binfmt_misc)
#   CRT_BINFMT_LIBEXEC  where 'register' writes the interpreter scripts
#                       (default /usr/local/libexec/crt-cc-binfmt; keep it root-owned: every
#                       user's foreign executables run through these scripts)
set -euo pipefail

PROG=binfmt.sh
BINFMT_DIR=${CRT_BINFMT_DIR:-/proc/sys/fs/binfmt_misc}
LIBEXEC=${CRT_BINFMT_LIBEXEC:-/usr/local/libexec/crt-cc-binfmt}
ALL_TARGETS=(aarch64-linux-gnu riscv64-linux-gnu arm-linux-gnueabi)
E_SETUP=125    # 'run': the private registration could not be set up

die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
die_usage() { printf '%s: error: %s\n' "$PROG" "$*" >&2; usage >&2; exit 2; }

usage() {
    cat <<'EOF'
usage: toolchain/binfmt.sh register|unregister|status|print [TARGET...]
       toolchain/binfmt.sh run [TARGET...] -- COMMAND [ARG...]
TARGET: aarch64-linux-gnu (aarch64, arm64), riscv64-linux-gnu (riscv64),
        arm-linux-gnueabi (armv5, arm); default: all three
EOF
}

canonical() {
    case $1 in
        aarch64-linux-gnu | aarch64 | arm64) echo aarch64-linux-gnu ;;
        riscv64-linux-gnu | riscv64) echo riscv64-linux-gnu ;;
        arm-linux-gnueabi | armv5 | arm | armel) echo arm-linux-gnueabi ;;
        *) return 1 ;;
    esac
}

# ELF e_ident class byte and little-endian e_machine for each target.
qemu_arch() { case $1 in aarch64-*) echo aarch64 ;; riscv64-*) echo riscv64 ;; arm-*) echo arm ;; esac; }
elf_class() { case $1 in arm-*) echo '\x01' ;; *) echo '\x02' ;; esac; }
elf_machine() { case $1 in aarch64-*) echo '\xb7\x00' ;; riscv64-*) echo '\xf3\x00' ;; arm-*) echo '\x28\x00' ;; esac; }
entry_name() { echo "crt-$1"; }

# The line written to <binfmt_misc>/register: :name:M:offset:magic:mask:interpreter:flags
registration() {   # triple interpreter
    local magic mask
    magic="\\x7fELF$(elf_class "$1")\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00$(elf_machine "$1")"
    mask='\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'
    printf ':%s:M::%s:%s:%s:P\n' "$(entry_name "$1")" "$magic" "$mask" "$2"
}

interpreter_script() {   # triple qemu sysroot
    cat <<EOF
#!/bin/sh
# binfmt_misc interpreter for $1 executables, written by crt-cc's toolchain/binfmt.sh.
# The kernel runs it (flag P) as: $1 PROGRAM-PATH ORIGINAL-ARGV0 ARGS...
if [ \$# -lt 2 ]; then
    echo "\$0: run by binfmt_misc for $1 executables, not meant to be run directly" >&2
    exit 127
fi
prog=\$1
argv0=\$2
shift 2
exec $2 -L $3 -0 "\$argv0" "\$prog" "\$@"
EOF
}

TARGETS=()
parse_targets() {
    TARGETS=()
    local t c
    for t in "$@"; do
        c=$(canonical "$t") || die_usage "unknown target '$t' (known: ${ALL_TARGETS[*]})"
        [[ " ${TARGETS[*]-} " == *" $c "* ]] || TARGETS+=("$c")
    done
    [ "${#TARGETS[@]}" -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")
}

need_root() {
    [ "$(id -u)" = 0 ] || die "'$1' changes the kernel's binfmt_misc table and needs root: run 'sudo $0 $1 ${TARGETS[*]}'" \
        "(or use '$0 run [TARGET...] -- COMMAND' for a private registration without root)"
}

mounted() { [ -e "$BINFMT_DIR/register" ]; }

ensure_mounted() {   # root only
    mounted && return 0
    [ -d "$BINFMT_DIR" ] || die "$BINFMT_DIR does not exist: this kernel has no binfmt_misc (CONFIG_BINFMT_MISC)"
    modprobe binfmt_misc >/dev/null 2>&1 || true
    mounted && return 0
    local err
    if ! err=$(mount -t binfmt_misc binfmt_misc "$BINFMT_DIR" 2>&1); then
        die "binfmt_misc is not mounted at $BINFMT_DIR and mounting it failed (${err:-no reason given}):" \
            "this kernel or container does not allow binfmt_misc"
    fi
    mounted || die "mounted binfmt_misc at $BINFMT_DIR but it has no 'register' file"
    MOUNTED_NOW=1
}

# Writes the interpreter script for $1 into $2 (a directory) and registers it.
register_one() {
    local t=$1 dir=$2 arch qemu sysroot name interp tmp
    arch=$(qemu_arch "$t")
    qemu=$(command -v "qemu-$arch") || die "qemu-$arch not found; install it with 'apt-get install qemu-user'"
    sysroot=/usr/$t
    [ -d "$sysroot" ] || die "$sysroot (the $t C library) not found; install it with 'apt-get install gcc-$t'"
    name=$(entry_name "$t")
    interp=$dir/$t
    mkdir -p "$dir"
    tmp=$(mktemp "$dir/.$t.XXXXXX")
    interpreter_script "$t" "$qemu" "$sysroot" >"$tmp"
    chmod 0755 "$tmp"
    mv -f "$tmp" "$interp"
    if [ -e "$BINFMT_DIR/$name" ]; then
        echo -1 >"$BINFMT_DIR/$name"    # ours from before: replace it
    fi
    if ! registration "$t" "$interp" >"$BINFMT_DIR/register" 2>/dev/null; then
        die "the kernel refused the binfmt_misc entry for $t: $(registration "$t" "$interp")"
    fi
    echo "registered $name: $t executables run as $qemu -L $sysroot"
}

other_entries() {   # names of other enabled entries with the same magic as target $1
    local t=$1 want f
    want=$(printf '%s' "$(registration "$t" x | cut -d: -f5)" | sed 's/\\x//g; s/ELF/454c46/')
    for f in "$BINFMT_DIR"/*; do
        case ${f##*/} in register | status | "$(entry_name "$t")") continue ;; esac
        [ -f "$f" ] || continue
        if grep -qx "magic $want" "$f" 2>/dev/null && grep -qx enabled "$f" 2>/dev/null; then
            printf '%s ' "${f##*/}"
        fi
    done
}

cmd_print() {
    local t
    for t in "${TARGETS[@]}"; do registration "$t" "$LIBEXEC/$t"; done
}

cmd_register() {
    need_root register
    MOUNTED_NOW=0
    ensure_mounted
    local t
    for t in "${TARGETS[@]}"; do
        register_one "$t" "$LIBEXEC"
        local others
        others=$(other_entries "$t")
        if [ -n "$others" ]; then
            echo "  (also registered for these executables: ${others% }; crt-$t, the newest, is tried first)"
        fi
    done
    if [ "$MOUNTED_NOW" = 1 ]; then
        touch "$LIBEXEC/.mounted-by-crt-cc"   # 'unregister' unmounts it again
        echo "mounted binfmt_misc at $BINFMT_DIR"
    fi
}

cmd_unregister() {
    need_root unregister
    local t name left
    if mounted; then
        for t in "${TARGETS[@]}"; do
            name=$(entry_name "$t")
            if [ -e "$BINFMT_DIR/$name" ]; then
                echo -1 >"$BINFMT_DIR/$name"
                echo "unregistered $name"
            else
                echo "$name was not registered"
            fi
        done
    else
        echo "binfmt_misc is not mounted at $BINFMT_DIR: nothing registered"
    fi
    for t in "${TARGETS[@]}"; do rm -f "$LIBEXEC/$t"; done
    [ -d "$LIBEXEC" ] || return 0
    # Last of ours gone: undo the mount if 'register' made it and nothing else is registered.
    if ! ls "$LIBEXEC" | grep -q .; then
        if [ -e "$LIBEXEC/.mounted-by-crt-cc" ] && mounted; then
            left=$(find "$BINFMT_DIR" -mindepth 1 -maxdepth 1 ! -name register ! -name status | head -1)
            if [ -z "$left" ] && umount "$BINFMT_DIR" 2>/dev/null; then
                echo "unmounted binfmt_misc from $BINFMT_DIR (mounted by 'register')"
            fi
        fi
        rm -f "$LIBEXEC/.mounted-by-crt-cc"
        rmdir "$LIBEXEC" 2>/dev/null || true
    fi
}

cmd_status() {
    local rc=0 t name f others state
    if ! mounted; then
        echo "binfmt_misc: not mounted at $BINFMT_DIR"
        for t in "${TARGETS[@]}"; do echo "$(entry_name "$t"): not registered"; done
        return 3
    fi
    state=$(cat "$BINFMT_DIR/status" 2>/dev/null || echo unknown)
    echo "binfmt_misc: mounted at $BINFMT_DIR, $state"
    [ "$state" = enabled ] || rc=3
    for t in "${TARGETS[@]}"; do
        name=$(entry_name "$t")
        f=$BINFMT_DIR/$name
        if [ -f "$f" ]; then
            echo "$name: registered, $(head -1 "$f"), $(grep '^interpreter' "$f" || true), $(grep '^flags' "$f" || true)"
            grep -qx enabled "$f" || rc=3
        else
            echo "$name: not registered"
            rc=3
        fi
        others=$(other_entries "$t")
        if [ -n "$others" ]; then echo "  other entries for $t executables: ${others% }"; fi
    done
    return $rc
}

# 'run': registered globally already -> exec; else a private binfmt_misc in a user namespace.
cmd_run() {
    local t all=1
    for t in "${TARGETS[@]}"; do
        [ -f "$BINFMT_DIR/$(entry_name "$t")" ] && grep -qx enabled "$BINFMT_DIR/$(entry_name "$t")" 2>/dev/null \
            && grep -qx enabled "$BINFMT_DIR/status" 2>/dev/null || all=0
    done
    if [ "$all" = 1 ]; then
        exec "$@"
    fi
    command -v unshare >/dev/null 2>&1 || { echo "$PROG: error: 'unshare' (util-linux) not found" >&2; exit $E_SETUP; }
    local dir rc=0
    dir=$(mktemp -d "${TMPDIR:-/tmp}/crt-binfmt.XXXXXX")
    chmod 0755 "$dir"
    # Map ourselves to root in a new user and mount namespace (to mount and register), then run
    # the command as our own uid again in a nested user namespace, which uses the same table.
    unshare --user --map-root-user --mount -- \
        env CRT_BINFMT_RUN_DIR="$dir" CRT_BINFMT_RUN_UID="$(id -u)" CRT_BINFMT_RUN_GID="$(id -g)" \
        bash "${BASH_SOURCE[0]}" __run-inside "${TARGETS[@]}" -- "$@" || rc=$?
    rm -rf "$dir"
    return $rc
}

cmd_run_inside() {
    local err t
    BINFMT_DIR=/proc/sys/fs/binfmt_misc
    if ! err=$(mount -t binfmt_misc binfmt_misc "$BINFMT_DIR" 2>&1); then
        echo "$PROG: error: cannot mount a private binfmt_misc in a user namespace (${err:-no reason given}):" \
             "that needs Linux 6.7 or later; as root, 'toolchain/binfmt.sh register' registers for the whole system" >&2
        exit $E_SETUP
    fi
    for t in "${TARGETS[@]}"; do
        ( register_one "$t" "$CRT_BINFMT_RUN_DIR" >/dev/null ) || exit $E_SETUP
    done
    if [ "$CRT_BINFMT_RUN_UID" != 0 ]; then
        exec unshare --user --map-user="$CRT_BINFMT_RUN_UID" --map-group="$CRT_BINFMT_RUN_GID" -- "$@"
    fi
    exec "$@"
}

main() {
    [ $# -gt 0 ] || die_usage "no command given"
    local cmd=$1
    shift
    case $cmd in
        -h | --help | help)
            usage
            return 0
            ;;
        print | register | unregister | status)
            parse_targets "$@"
            "cmd_$cmd"
            ;;
        run | __run-inside)
            local targets=()
            while [ $# -gt 0 ] && [ "$1" != -- ]; do
                targets+=("$1")
                shift
            done
            [ $# -gt 0 ] || die_usage "'$cmd' needs '--' before the command"
            shift
            [ $# -gt 0 ] || die_usage "'$cmd': no command after '--'"
            parse_targets ${targets[@]+"${targets[@]}"}
            if [ "$cmd" = run ]; then cmd_run "$@"; else cmd_run_inside "$@"; fi
            ;;
        *)
            die_usage "unknown command '$cmd'"
            ;;
    esac
}

main "$@"
