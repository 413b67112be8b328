#!/usr/bin/env bash
# Sustained load check (issue 6): S seconds at the benchmark's rate (64 connections, unthrottled,
# 32 on /health and 32 on / at the same time), sampling the service's resident memory every 5 s.
# Passes only with zero non-2xx responses, zero socket errors and flat memory (the last sample at
# most 10 % above the sample taken a third of the way in, once the heap has sized itself).
# Exits 1 on failure. Loopback only; bounded to S + 40 s.
#
# Usage: bash bench/sustained-load.sh [--seconds S]              publishes (aot) and starts the service
#        bash bench/sustained-load.sh --pid PID --port PORT [--seconds S]   uses a running one
set -euo pipefail
# shellcheck source=bench/lib.sh # the path from the repository root, where tests/lint.sh runs shellcheck -x
source "$(dirname "$0")/lib.sh"

seconds=60 pid="" port=""
while (($#)); do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --pid) pid="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) die "unknown argument '$1'; usage: bench/sustained-load.sh [--pid PID --port PORT] [--seconds S]" ;;
  esac
done
[[ "$seconds" =~ ^[0-9]{1,3}$ && "$seconds" -ge 15 ]] || die "--seconds must be 15-999, got '$seconds'"
require_tools wrk curl python3
trap stop_started_processes EXIT
readonly SAMPLE_SECONDS=5 MAX_GROWTH_PERCENT=10
mkdir -p "$BENCH_OUT"

if [[ -z "$pid" ]]; then
  require_tools dotnet
  publish_app aot "$BENCH_OUT/publish-aot"
  port="$(free_port)"
  start_service "$(app_binary "$BENCH_OUT/publish-aot")" "$port" "$BENCH_OUT/service-sustained.log"
  pid="$SERVICE_PID"
fi
[[ -r "/proc/$pid/status" ]] || die "--pid $pid is not a running process"

health_out="$BENCH_OUT/sustained-health.txt" root_out="$BENCH_OUT/sustained-root.txt"
WRK_THREADS=1 run_wrk "http://127.0.0.1:$port/health" "$seconds" 32 "$health_out" &
health_wrk=$!
WRK_THREADS=1 run_wrk "http://127.0.0.1:$port/" "$seconds" 32 "$root_out" &
root_wrk=$!

samples=()
for _ in $(seq $((seconds / SAMPLE_SECONDS))); do
  sleep "$SAMPLE_SECONDS"
  samples+=("$(awk -v k="$(rss_kb "$pid")" 'BEGIN {printf "%.1f", k / 1024}')")
done
wait "$health_wrk" "$root_wrk"

requests=$(($(wrk_requests "$health_out") + $(wrk_requests "$root_out")))
non_2xx=$(($(wrk_non_2xx "$health_out") + $(wrk_non_2xx "$root_out")))
socket_errors=$(($(wrk_socket_errors "$health_out") + $(wrk_socket_errors "$root_out")))
settled="${samples[$((${#samples[@]} / 3))]}" end="${samples[-1]}"
growth="$(awk -v a="$settled" -v b="$end" 'BEGIN {printf "%.1f", (b - a) * 100 / a}')"

echo "load_seconds $seconds"
echo "load_requests $requests"
echo "load_requests_per_second $((requests / seconds))"
echo "load_non_2xx $non_2xx"
echo "load_socket_errors $socket_errors"
echo "rss_load_samples_mib ${samples[*]}"
echo "rss_load_start_mib ${samples[0]}"
echo "rss_load_end_mib $end"
echo "rss_growth_after_settling_percent $growth"

verdict=PASS
[[ "$non_2xx" == 0 && "$socket_errors" == 0 ]] || verdict=FAIL
awk -v g="$growth" -v m="$MAX_GROWTH_PERCENT" 'BEGIN {exit !(g <= m)}' || verdict=FAIL
echo "sustained_load_check $verdict"
[[ "$verdict" == PASS ]]
