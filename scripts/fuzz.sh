#!/usr/bin/env bash
# scripts/fuzz.sh TARGET SECONDS [libFuzzer option]...
#
# Builds a fuzz target (fuzz-org, fuzz-csv or fuzz-export; see docs/fuzzing.md) with
# libFuzzer and AddressSanitizer, runs it for SECONDS on a scratch copy of its seed corpus
# (Fuzz/Corpus/TARGET), and prints one summary line:
#
#   fuzz: fuzz-org: 123456 executions in 60 s (2057/s), cov: 2345 ft: 8901 corp: 412/1.1Mb, new inputs: 380, crashes: 0
#
# Exits 1 if the target crashed, timed out, ran out of memory or failed one of its checks;
# the input that did it is left in Fuzz/Crashes/TARGET/ (git-ignored). Replay it with
#   .build-fuzz/release/TARGET Fuzz/Crashes/TARGET/crash-…         (libFuzzer build)
#   swift run TARGET Fuzz/Crashes/TARGET/crash-…                     (plain build, readable)
# and make it a regression test (docs/fuzzing.md).
#
# Builds in .build-fuzz (git-ignored) so it never fights with the normal .build.
# Extra arguments go to libFuzzer (e.g. -jobs=2, -seed=1).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/fuzz.sh fuzz-org|fuzz-csv|fuzz-export SECONDS [libFuzzer option]..." >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$1
seconds=$2
shift 2
case "$target" in
    org | csv | export) target="fuzz-$target" ;;
esac
case "$target" in
    fuzz-org) max_len=40000 ;;   # the largest preset is 33 KB
    fuzz-csv) max_len=8192 ;;
    fuzz-export) max_len=4096 ;;
    *) usage ;;
esac
case "$seconds" in
    '' | *[!0-9]*) usage ;;
esac

scratch=${FUZZ_SCRATCH:-.build-fuzz}
# The build line of shared/design/PITFALLS.md: release, --sanitize=address and
# --sanitize=fuzzer as SwiftPM options (SwiftPM then links libFuzzer and compiles the
# target as a library, so libFuzzer's main is the one that runs). But SwiftPM passes them
# to swiftc as two -sanitize= flags in an order that changes from run to run (it keeps
# them in a Set), and the swift driver keeps only the LAST -sanitize= flag: a build gets
# either AddressSanitizer or coverage, never both. -Xswiftc -sanitize=address,fuzzer comes
# after SwiftPM's own flags, so it is the one kept, every time (checked below).
# -DFUZZING leaves out the replay main, since libFuzzer brings its own.
mkdir -p "$scratch"
echo "fuzz: building $target (release, --sanitize=address --sanitize=fuzzer -Xswiftc -sanitize=address,fuzzer)"
if ! swift build -c release --product "$target" --sanitize=address --sanitize=fuzzer \
    -Xswiftc -sanitize=address,fuzzer -Xswiftc -DFUZZING --scratch-path "$scratch" >"$scratch/fuzz-build.log" 2>&1; then
    cat "$scratch/fuzz-build.log" >&2
    echo "fuzz: $target: the build failed" >&2
    exit 1
fi
binary="$scratch/release/$target"
# Both instrumentations must be in OrgKit, the code under test: ASan checks and
# libFuzzer's coverage counters.
symbols=$(nm "$scratch"/release/OrgKit.build/*.o 2>/dev/null || true)
if ! grep -q '__asan_report' <<<"$symbols" || ! grep -q '__sanitizer_cov' <<<"$symbols"; then
    echo "fuzz: $target: OrgKit was built without AddressSanitizer or without coverage; rebuild with rm -rf $scratch" >&2
    exit 1
fi

run="$scratch/run/$target"
rm -rf "$run"
mkdir -p "$run/corpus"
cp Fuzz/Corpus/"$target"/* "$run/corpus/"
seeds=$(ls "$run/corpus" | wc -l)
crashes="Fuzz/Crashes/$target"
mkdir -p "$crashes"
dict=()
[ -f "Fuzz/Dictionaries/$target.dict" ] && dict=(-dict="Fuzz/Dictionaries/$target.dict")

echo "fuzz: running $target for $seconds s on $seeds seed inputs (log: $run/log)"
status=0
# Swift's backtracer would catch the crash signal before libFuzzer reports it.
SWIFT_BACKTRACE=enable=no "$binary" "$run/corpus" \
    -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "${dict[@]}" "$@" \
    >"$run/log" 2>&1 || status=$?

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$run/log" | tail -n 1)
per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$run/log" | tail -n 1)
new_units=$(sed -n 's/^stat::new_units_added: *//p' "$run/log" | tail -n 1)
# The last status line: "#123456	DONE   cov: 2345 ft: 8901 corp: 412/1123Kb …".
coverage=$(grep -E '^#[0-9]+' "$run/log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' || true)
found=$(grep -oE "Test unit written to [^ ]+" "$run/log" | sed 's/Test unit written to //' || true)
count=0
[ -n "$found" ] && count=$(printf '%s\n' "$found" | wc -l)

echo "fuzz: $target: ${executions:-0} executions in $seconds s (${per_second:-0}/s), ${coverage:-no coverage line}, new inputs: ${new_units:-0}, crashes: $count"
if [ "$status" -ne 0 ] || [ "$count" -ne 0 ]; then
    grep -E -A 12 'ERROR: libFuzzer|ERROR: AddressSanitizer|fuzz check failed|Fatal error|ERROR: LeakSanitizer' "$run/log" | head -n 40 >&2 || tail -n 40 "$run/log" >&2
    echo "fuzz: $target FAILED (libFuzzer exit $status); input kept in: ${found:-$crashes/}" >&2
    exit 1
fi
if [ -z "$executions" ] || [ "$executions" -eq 0 ] || [ -z "$coverage" ]; then
    tail -n 20 "$run/log" >&2
    echo "fuzz: $target ran nothing (is it built with --sanitize=fuzzer?)" >&2
    exit 1
fi
