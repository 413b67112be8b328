#!/usr/bin/env bash
# Benchmark of the offline plan (issue 4): how long `npm run plan -- <stack>` takes in a fresh copy of the
# repository after `npm ci`, on its first run (which compiles with tsc) and on later runs (build/ up to date).
# Prints one "name value" line per figure, medians over --runs runs. A benchmark, not a test: nothing here runs in CI.
# Touches no network but the npm registry (npm ci, with a warm cache usually) and nothing outside a temporary copy.
#
# Usage: bash bench/plan.sh [--runs N] [--stack STACK]
set -euo pipefail

runs=5 stack=dev
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --stack) stack="$2"; shift 2 ;;
    *) echo "error: unknown argument '$1'; usage: bash bench/plan.sh [--runs N] [--stack STACK]" >&2; exit 1 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]?$ ]] || { echo "error: --runs must be 1-99, got '$runs'" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
copy=$(mktemp -d /tmp/plan-bench.XXXXXX)
trap 'rm -rf "$copy"' EXIT

# A fresh checkout: the files git would hand out (tracked, and new ones not ignored), so no node_modules or build/.
(cd "$root" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' file; do
  [[ -f "$file" ]] && printf '%s\0' "$file"
done) | (cd "$root" && xargs -0 cp --parents -t "$copy")

# Seconds (3 decimals) and peak memory (KiB) of one command, run in the copy; its output is discarded.
measure() {
  local start end
  start=$(date +%s.%N)
  (cd "$copy" && /usr/bin/time -f "%M" -o "$copy/.rss" "$@" > /dev/null)
  end=$(date +%s.%N)
  awk -v start="$start" -v end="$end" -v rss="$(cat "$copy/.rss")" 'BEGIN { printf "%.3f %s\n", end - start, rss }'
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

read -r ci_seconds _ < <(measure npm ci --no-audit --no-fund --loglevel=error)
echo "npm_ci_seconds $ci_seconds"

first=() warm=() direct=() rss=()
for ((i = 0; i < runs; i++)); do
  rm -rf "$copy/build"
  read -r seconds _ < <(measure npm run --silent plan -- "$stack")
  first+=("$seconds")
done
for ((i = 0; i < runs; i++)); do
  read -r seconds _ < <(measure npm run --silent plan -- "$stack")
  warm+=("$seconds")
  read -r seconds kib < <(measure node build/tools/plan/cli/cli.js "$stack")
  direct+=("$seconds") rss+=("$kib")
done

echo "plan_first_run_seconds_median $(printf '%s\n' "${first[@]}" | median)   # npm run plan, build/ absent: tsc -b transpiles first (runs: ${first[*]})"
echo "plan_seconds_median $(printf '%s\n' "${warm[@]}" | median)   # npm run plan, build/ up to date (runs: ${warm[*]})"
echo "plan_node_only_seconds_median $(printf '%s\n' "${direct[@]}" | median)   # node build/tools/plan/cli/cli.js, no npm, no tsc (runs: ${direct[*]})"
echo "plan_peak_rss_kib_median $(printf '%s\n' "${rss[@]}" | median)   # of the node process"
