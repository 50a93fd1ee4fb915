#!/usr/bin/env bash
# Benchmarks/compare.sh [RUNS]
#
# hats side by side with the tools a user would otherwise reach for, in one go, on the
# same generated orgs (hats-bench generate N --seed 1):
#
#   Graphviz:  dot -Tsvg ORG.dot          vs  hats export ORG.json --format svg
#              (ORG.dot is hats export ORG.json --format dot), at 1,000 and 10,000 people
#   Python:    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' ORG.json
#                                         vs  hats check ORG.json, at 10,000 and 100,000 people;
#              prints "check ÷ Python: R" (R ≤ 1.00: hats checks faster than Python parses)
#              and hats check's peak memory (with /usr/bin/time)
#
# Each command runs RUNS times (default 3); the median wall time is compared, min–max shown.
# Builds hats and hats-bench in release first. Needs dot (graphviz) and python3.
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
case "$runs" in '' | *[!0-9]* | 0) echo "usage: Benchmarks/compare.sh [RUNS]" >&2; exit 2 ;; esac
for tool in dot python3; do
    command -v "$tool" >/dev/null || { echo "compare: $tool is not installed" >&2; exit 2; }
done

echo "compare: building hats and hats-bench (release)" >&2
swift build -c release --product hats >/dev/null
swift build -c release --product hats-bench >/dev/null
bin=$PWD/.build/release

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 1000 10000 100000; do
    "$bin/hats-bench" generate "$n" --seed 1 >"$work/org-$n.json"
done

# median, min and max wall seconds of RUNS runs of a command: "median min max"
timed() {
    local times=() start end status
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        status=0
        "$@" >/dev/null 2>&1 || status=$?
        end=$(date +%s%N)
        # hats check exits 1 when it has findings; anything above that is a failure.
        if [ "$status" -gt 1 ]; then
            echo "compare: failed (exit $status): $*" >&2
            exit 1
        fi
        times+=("$(( (end - start) / 1000 ))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '
        { t[NR] = $1 / 1e6 }
        END {
            m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%.3f %.3f %.3f\n", m, t[1], t[NR]
        }'
}

show() { # label median min max
    printf '  %-34s %8.3f s  (%.3f–%.3f)\n' "$1" "$2" "$3" "$4"
}

echo "hats export --format svg vs dot -Tsvg (median of $runs runs; target: hats ≥ 100× faster at 10,000 people)"
for n in 1000 10000; do
    "$bin/hats" export "$work/org-$n.json" --format dot -o "$work/org-$n.dot" >/dev/null
    read -r dm dmin dmax < <(timed dot -Tsvg "$work/org-$n.dot" -o "$work/dot-$n.svg")
    read -r hm hmin hmax < <(timed "$bin/hats" export "$work/org-$n.json" --format svg -o "$work/hats-$n.svg" --force)
    echo "$n people:"
    show "dot -Tsvg" "$dm" "$dmin" "$dmax"
    show "hats export --format svg" "$hm" "$hmin" "$hmax"
    awk -v d="$dm" -v h="$hm" 'BEGIN { printf "  hats is %.1f× faster than dot\n", d / h }'
done

echo
echo "hats check vs python3 json.load (median of $runs runs; target at 100,000 people: check ÷ Python ≤ 1.00, peak memory ≤ 200 MB)"
for n in 10000 100000; do
    read -r pm pmin pmax < <(timed python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/org-$n.json")
    read -r hm hmin hmax < <(timed "$bin/hats" check "$work/org-$n.json")
    echo "$n people ($(( $(stat -c %s "$work/org-$n.json") / 1024 / 1024 )) MB):"
    show "python3 json.load" "$pm" "$pmin" "$pmax"
    show "hats check" "$hm" "$hmin" "$hmax"
    awk -v p="$pm" -v h="$hm" 'BEGIN { printf "  check ÷ Python: %.2f (median hats check ÷ median json.load; ≤ 1.00 is faster than Python)\n", h / p }'
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' -o "$work/peak" "$bin/hats" check "$work/org-$n.json" >/dev/null 2>&1 || true
        awk -v k="$(tail -1 "$work/peak")" 'BEGIN { printf "  hats check peak memory: %.0f MB\n", k / 1024 }'
    fi
done
