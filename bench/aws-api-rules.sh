#!/usr/bin/env bash
# Figures of the AWS API check (tools/checks/awsApi/): the rules it can apply per resource type, what it applies to
# the reviewed dev and prod plans, and its run time per stack from a cold start (models read from disk again),
# the median of --runs runs; then the whole `npm run plan -- dev`, the median of --runs runs.
# Prints one "name value" line per figure. A benchmark, not a test: nothing here runs in CI.
#
# Usage: bash bench/aws-api-rules.sh [--runs N]
set -euo pipefail

runs=3
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    *) echo "error: unknown argument '$1'; usage: bash bench/aws-api-rules.sh [--runs N]" >&2; exit 1 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]?$ ]] || { echo "error: --runs must be 1-99, got '$runs'" >&2; exit 1; }

cd "$(dirname "$0")/.."
npx tsc -p tsconfig.json
node -e 'require("./build/tools/checks/awsApi/figures").printFigures(process.cwd(), Number(process.argv[1]))' "$runs"

npm run --silent plan -- dev > /dev/null
for ((run = 0; run < runs; run++)); do
  start=$(date +%s.%N)
  node build/tools/plan/cli/cli.js dev > /dev/null
  end=$(date +%s.%N)
  awk -v start="$start" -v end="$end" 'BEGIN { printf "%.3f\n", end - start }'
done | sort -n | awk '{ v[NR] = $1 } END { printf "plan_dev_seconds_median %s runs %d\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, NR }'
