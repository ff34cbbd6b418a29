#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them.
#
#   Tests/Fuzz/run.sh [draft|form|pattern|keys|all] [SECONDS]
#
# SECONDS (default 60) is the time for each target; 0 only builds the targets and replays
# the saved inputs (seeds and regressions) once. Everything built or found goes to
# Tests/Fuzz/work/ (git-ignored); a crash is also copied to Tests/Fuzz/regressions/<target>/
# (committed), where `swift test` replays it. Exits 1 when a target crashed.
#
# Environment: FUZZ_JOBS (parallel fuzzing processes per target, default 1),
# FUZZ_ARGS (extra libFuzzer options), FUZZ_REBUILD=1 (rebuild even if nothing changed).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/work"
SCRATCH="$ROOT/.build-fuzz"   # SwiftPM's scratch folder: Yams' sources, and swift-crypto built there
ALL_TARGETS=(draft form pattern keys)

WHICH=${1:-all}
SECONDS_EACH=${2:-60}
case "$WHICH" in
    all) TARGETS=("${ALL_TARGETS[@]}") ;;
    draft|form|pattern|keys) TARGETS=("$WHICH") ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "usage: $0 [draft|form|pattern|keys|all] [SECONDS]" >&2; exit 2 ;;
esac
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number" >&2; exit 2; }

# Swift's own crash reporter (swift-backtrace) can hang for minutes after libFuzzer's crash
# handler has run; libFuzzer and ASan print the stack already.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}

SWIFTC=${SWIFTC:-swiftc}
CLANG=${CLANG:-$(dirname "$(command -v "$SWIFTC")")/clang}
SAN=(-sanitize=fuzzer,address)
SWIFT_FLAGS=(-O -g -parse-as-library -use-ld=lld)

log() { printf '== %s\n' "$*" >&2; }

# --- Sources ------------------------------------------------------------------------------

yams_source() {
    local dir="$SCRATCH/checkouts/Yams"
    if [[ ! -d "$dir/Sources/CYaml" ]]; then
        log "resolving packages into $SCRATCH (for Yams' sources)"
        (cd "$ROOT" && swift package --scratch-path "$SCRATCH" resolve >&2)
    fi
    [[ -d "$dir/Sources/CYaml" ]] || { echo "Yams' sources not found in $dir" >&2; exit 1; }
    echo "$dir"
}

YAMS=$(yams_source)

# swift-crypto (SHA-256 in FeedbackModel) is built by SwiftPM, without fuzzing
# instrumentation: only our own code is fuzzed. Its module and objects are linked in.
crypto_build() {
    local modules="$SCRATCH/release/Modules"
    if [[ "${FUZZ_REBUILD:-0}" == 1 || ! -f "$modules/Crypto.swiftmodule" ]]; then
        log "building swift-crypto with SwiftPM into $SCRATCH"
        (cd "$ROOT" && swift build --scratch-path "$SCRATCH" -c release --target Crypto >&2)
    fi
    [[ -f "$modules/Crypto.swiftmodule" ]] || { echo "Crypto.swiftmodule not found in $modules" >&2; exit 1; }
    echo "$modules"
}
CRYPTO_MODULES=$(crypto_build)
mapfile -t CRYPTO_OBJECTS < <(find "$SCRATCH/release/Crypto.build" "$SCRATCH/release/CryptoBoringWrapper.build" \
    "$SCRATCH/release/CCryptoBoringSSL.build" "$SCRATCH/release/CCryptoBoringSSLShims.build" -name '*.o' | sort)
mapfile -t CYAML_C < <(ls "$YAMS"/Sources/CYaml/src/*.c)
mapfile -t YAMS_SWIFT < <(ls "$YAMS"/Sources/Yams/*.swift)
mapfile -t MODEL_SWIFT < <(find "$ROOT/Sources/FeedbackModel" -name '*.swift' | sort)
mapfile -t INTERFACE_SWIFT < <(find "$ROOT/Sources/FeedbackInterface" -name '*.swift' | sort)

# --- Build --------------------------------------------------------------------------------
# Each library is its own module (the sources `import Yams` / `import FeedbackModel`), built
# once into an object file with coverage and ASan; each target links what it needs.

OBJ="$WORK/obj"
MOD="$WORK/modules"
mkdir -p "$OBJ" "$MOD" "$WORK/bin"

# Rebuilds $1 (a stamp name) when the hash of its inputs and command changed.
up_to_date() {
    local name=$1; shift
    local hash
    hash=$( { printf '%s\n' "$@"; cat "$@" 2>/dev/null; "$SWIFTC" --version 2>&1; } | sha256sum | cut -d' ' -f1)
    local stamp="$WORK/stamps/$name"
    mkdir -p "$WORK/stamps"
    if [[ "${FUZZ_REBUILD:-0}" != 1 && -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then return 0; fi
    echo "$hash" > "$stamp.new"
    return 1
}
built() { mv "$WORK/stamps/$1.new" "$WORK/stamps/$1"; }

build_cyaml() {
    up_to_date cyaml "${CYAML_C[@]}" && return
    log "building CYaml"
    rm -f "$OBJ"/cyaml-*.o
    for c in "${CYAML_C[@]}"; do
        "$CLANG" -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC \
            -I "$YAMS/Sources/CYaml/include" "$c" -o "$OBJ/cyaml-$(basename "$c" .c).o"
    done
    built cyaml
}

# swift_module NAME SOURCES...: one object file and a .swiftmodule.
swift_module() {
    local name=$1; shift
    # Depends on the modules built before it (their objects change when they do).
    up_to_date "$name" "$@" "$OBJ"/cyaml-*.o "${DEPS[@]}" && [[ -f "$OBJ/$name.o" ]] && return
    log "building $name ($# files)"
    "$SWIFTC" "${SAN[@]}" "${SWIFT_FLAGS[@]}" -wmo -num-threads 0 -module-name "$name" \
        -D SWIFT_PACKAGE -Xcc -DYAML_DECLARE_STATIC -I "$YAMS/Sources/CYaml/include" -I "$MOD" -I "$CRYPTO_MODULES" \
        -emit-module -emit-module-path "$MOD/$name.swiftmodule" \
        -c "$@" -o "$OBJ/$name.o"
    built "$name"
}

# fuzzer TARGET: links Tests/Fuzz/Targets/Fuzz<Target>.swift with the libraries.
fuzzer() {
    local target=$1
    local source="$HERE/Targets/Fuzz${target^}.swift"
    local objects=("$OBJ"/cyaml-*.o "$OBJ/Yams.o" "$OBJ/FeedbackModel.o" "${CRYPTO_OBJECTS[@]}")
    [[ $target == keys ]] && objects+=("$OBJ/FeedbackInterface.o")
    up_to_date "bin-$target" "$source" "${objects[@]}" && [[ -x "$WORK/bin/$target" ]] && return
    log "linking the $target fuzzer"
    "$SWIFTC" "${SAN[@]}" "${SWIFT_FLAGS[@]}" -module-name "Fuzz${target^}" -I "$MOD" -I "$CRYPTO_MODULES" -lstdc++ \
        -Xcc -DYAML_DECLARE_STATIC -I "$YAMS/Sources/CYaml/include" \
        "$source" "${objects[@]}" -o "$WORK/bin/$target" 2> >(grep -v 'Cannot export local symbol' >&2)
    built "bin-$target"
}

build_cyaml
DEPS=()
swift_module Yams "${YAMS_SWIFT[@]}"
DEPS=("$OBJ/Yams.o")
swift_module FeedbackModel "${MODEL_SWIFT[@]}"
DEPS=("$OBJ/Yams.o" "$OBJ/FeedbackModel.o")
for t in "${TARGETS[@]}"; do
    if [[ $t == keys ]]; then swift_module FeedbackInterface "${INTERFACE_SWIFT[@]}"; fi
    fuzzer "$t"
done

# --- Seeds --------------------------------------------------------------------------------

seed_folder() {
    case $1 in
        draft) echo "$ROOT/Tests/FeedbackModelTests/Fixtures" ;;
        form) echo "$ROOT/Forms" ;;
        pattern) echo "$HERE/seeds/pattern" ;;
        keys) echo "$HERE/seeds/keys" ;;
    esac
}
seed_files() {
    case $1 in
        draft) ls "$ROOT"/Tests/FeedbackModelTests/Fixtures/*.json 2>/dev/null || true ;;
        form) ls "$ROOT"/Forms/*.yaml 2>/dev/null || true ;;
        pattern) ls "$HERE"/seeds/pattern/* 2>/dev/null || true ;;
        keys) ls "$HERE"/seeds/keys/* 2>/dev/null || true ;;
    esac
}

# --- Run ----------------------------------------------------------------------------------

status=0
summary=()
for t in "${TARGETS[@]}"; do
    corpus="$WORK/corpus/$t"
    artifacts="$WORK/artifacts/$t"
    regressions="$HERE/regressions/$t"
    mkdir -p "$corpus" "$artifacts" "$regressions"
    while read -r f; do [[ -n $f ]] && cp -n "$f" "$corpus/" ; done < <(seed_files "$t")
    # The regressions are seeds too: they are inputs that once mattered.
    cp -n "$regressions"/* "$corpus/" 2>/dev/null || true

    logfile="$WORK/$t.log"
    opts=(-dict="$HERE/$t.dict" -artifact_prefix="$artifacts/" -print_final_stats=1
          -max_len=65536 -timeout=25 -rss_limit_mb=4096 -malloc_limit_mb=4096)
    # shellcheck disable=SC2206
    extra=(${FUZZ_ARGS:-})
    set +e
    if [[ $SECONDS_EACH == 0 ]]; then
        log "$t: replaying the corpus once"
        "$WORK/bin/$t" "${opts[@]}" "${extra[@]}" -runs=0 "$corpus" > "$logfile" 2>&1
    else
        # Fork mode: a crash, hang or out-of-memory is saved and fuzzing goes on until the time is up.
        log "$t: fuzzing for $SECONDS_EACH s with ${FUZZ_JOBS:-1} job(s) (log: ${logfile#"$ROOT"/})"
        "$WORK/bin/$t" "${opts[@]}" "${extra[@]}" -max_total_time="$SECONDS_EACH" \
            -fork="${FUZZ_JOBS:-1}" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 "$corpus" > "$logfile" 2>&1
    fi
    rc=$?
    set -e
    # Crashes (and leaks) go to regressions/<target>/, which `swift test` replays; hangs and
    # out-of-memory inputs go to known-bugs/<target>/ (replaying them would hang the tests).
    found=0
    for a in "$artifacts"/*; do
        [[ -f $a ]] || continue
        base=$(basename "$a")
        kind=${base%%-*}
        case $kind in
            crash|leak|deadly) dest_dir=$regressions ;;
            *) dest_dir="$HERE/known-bugs/$t" ;;
        esac
        mkdir -p "$dest_dir"
        sum=$(sha1sum "$a" | cut -c1-12)
        if ! ls "$regressions" "$HERE/known-bugs/$t" 2>/dev/null | grep -q -- "$sum"; then
            dest="$dest_dir/fuzz-$kind-$sum.bin"
            cp "$a" "$dest"
            log "$t: $kind input saved as ${dest#"$ROOT"/}"
            found=$((found + 1))
        fi
    done
    line=$(grep -E '^#[0-9]+' "$logfile" | tail -1 | sed -E 's/[[:space:]]+/ /g' || true)
    crashes=$(grep -cE '^==[0-9]+== ERROR|deadly signal|Fatal error|ERROR: libFuzzer' "$logfile" || true)
    if [[ $found -gt 0 || ( $SECONDS_EACH == 0 && $rc -ne 0 ) ]]; then
        status=1
        summary+=("$t: FOUND $found new input(s) (exit $rc) - see ${logfile#"$ROOT"/}; last: $line")
        grep -E 'ERROR: |Fatal error|SUMMARY' "$logfile" | sort | uniq -c | head -8 >&2 || true
    else
        summary+=("$t: ok (exit $rc, $crashes error report(s)) $line")
    fi
done

printf '%s\n' "${summary[@]}"
exit $status
