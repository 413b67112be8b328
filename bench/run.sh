#!/usr/bin/env bash
# The service benchmark (issue 6): publishes app/ the way app/Dockerfile does, starts it on
# 127.0.0.1 and prints one "name value" line per figure. A benchmark, not a test: nothing here
# runs in CI. Bounded: about 4 minutes with the defaults, plus the publish.
#
# Usage: bash bench/run.sh [--mode aot|jit|r2r|trim] [--runs N] [--load-seconds S] [VAR=VALUE ...]
#                           [--name NAME] [--publish-only | --skip-publish]
#   --mode          publish mode (default aot, what the image ships; see bench/lib.sh)
#   --runs          wrk runs of 10 s per endpoint; the median is printed (default 3)
#   --load-seconds  length of the sustained load for the memory figures (default 60; 0 skips it; else >= 15)
#   VAR=VALUE       extra environment for the service, e.g. APP_LOG_LEVEL=Warning or DOTNET_gcServer=0
#   --name          names the publish folder and result files (default: the mode); bench/levers.sh
#                   publishes every variant once (--publish-only), then measures them (--skip-publish)
set -euo pipefail
# shellcheck source=bench/lib.sh # the path from the repository root, where tests/lint.sh runs shellcheck -x
source "$(dirname "$0")/lib.sh"

mode=aot runs=3 load_seconds=60 service_env=() name="" publish=always
while (($#)); do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --publish-only) publish=only; shift ;;
    --skip-publish) publish=never; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --load-seconds) load_seconds="$2"; shift 2 ;;
    *=*) service_env+=("$1"); shift ;;
    *) die "unknown argument '$1'; usage: bench/run.sh [--mode aot|jit|r2r|trim] [--runs N] [--load-seconds S] [VAR=VALUE ...]" ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]?$ ]] || die "--runs must be 1-99, got '$runs'"
name="${name:-$mode}"
[[ "$name" =~ ^[a-z0-9-]+$ ]] || die "--name must be lower-case letters, digits and dashes, got '$name'"
if [[ ! "$load_seconds" =~ ^[0-9]{1,3}$ ]] || ((load_seconds > 0 && load_seconds < 15)); then
  die "--load-seconds must be 0 or 15-999, got '$load_seconds'"
fi
require_tools dotnet wrk curl python3 gzip
trap stop_started_processes EXIT

# Fixed by issue 6: 64 connections, 10 s per measured run, after a warm-up.
readonly CONNECTIONS=64 MEASURE_SECONDS=10 WARMUP_SECONDS=5
# Compressed size (MB = 10^6 bytes) of mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
# for linux/amd64, the runtime stage's base; the README's benchmark section shows where it comes from.
readonly BASE_IMAGE_COMPRESSED_MB=5.6

mkdir -p "$BENCH_OUT"
publish_dir="$BENCH_OUT/publish-$name"
echo "machine_load_before $(machine_load)"
echo "mode $mode"
echo "service_env ${IMAGE_ENV[*]} ${service_env[*]}"
echo "source $SOURCE_ROOT"

[[ "$publish" == never ]] || publish_app "$mode" "$publish_dir"
binary="$(app_binary "$publish_dir")"
[[ "$publish" == only ]] && exit 0

# What the image ships: app/Dockerfile copies the AOT binary alone (its .dbg symbols stay in the
# build stage); the JIT modes need the whole publish folder. A registry stores each layer gzipped.
if [[ "$mode" == aot ]]; then shipped=("$(basename "$binary")"); else shipped=(.); fi
shipped_bytes="$(tar -C "$publish_dir" --exclude='*.dbg' --exclude='*.pdb' -cf - "${shipped[@]}" | wc -c)"
layer_gzip_bytes="$(tar -C "$publish_dir" --exclude='*.dbg' --exclude='*.pdb' -cf - "${shipped[@]}" | gzip -6 | wc -c)"
echo "published_output_mb $(awk -v b="$shipped_bytes" 'BEGIN {printf "%.2f", b / 1e6}')"
echo "app_layer_compressed_mb $(awk -v b="$layer_gzip_bytes" 'BEGIN {printf "%.2f", b / 1e6}')"
if [[ "$mode" == aot ]]; then
  echo "expected_image_compressed_mb $(awk -v b="$layer_gzip_bytes" -v base="$BASE_IMAGE_COMPRESSED_MB" 'BEGIN {printf "%.1f", base + b / 1e6}')"
fi

python3 "$(dirname "$0")/startup_probe.py" "$binary" 5 "${IMAGE_ENV[@]}" "${service_env[@]}"

port="$(free_port)"
start_service "$binary" "$port" "$BENCH_OUT/service-$name.log" "${service_env[@]}"
sleep 2
echo "idle_rss_mib $(awk -v k="$(rss_kb "$SERVICE_PID")" 'BEGIN {printf "%.1f", k / 1024}')"

declare -A endpoint_paths=([health]=/health [root]=/)
rm -f "$BENCH_OUT"/wrk-"$name"-*
for endpoint in health root; do
  url="http://127.0.0.1:$port${endpoint_paths[$endpoint]}"
  run_wrk "$url" "$WARMUP_SECONDS" "$CONNECTIONS" "$BENCH_OUT/wrk-$name-$endpoint-warmup.txt"
  for run in $(seq "$runs"); do
    out="$BENCH_OUT/wrk-$name-$endpoint-$run.txt"
    ticks_before="$(cpu_ticks "$SERVICE_PID")"
    run_wrk "$url" "$MEASURE_SECONDS" "$CONNECTIONS" "$out"
    # Server CPU per request: unlike requests/s, barely moved by what else runs on the machine.
    awk -v t="$(($(cpu_ticks "$SERVICE_PID") - ticks_before))" -v hz="$CLOCK_TICKS_PER_SECOND" -v n="$(wrk_requests "$out")" \
      'BEGIN {printf "%.1f\n", t / hz * 1e6 / n}' >"$out.cpu"
    [[ "$(wrk_non_2xx "$out")" == 0 && "$(wrk_socket_errors "$out")" == 0 ]] \
      || die "errors during the $endpoint run, see $out"
  done
  files=("$BENCH_OUT"/wrk-"$name"-"$endpoint"-[0-9]*.txt)
  echo "${endpoint}_requests_per_second_each_run $(for f in "${files[@]}"; do wrk_requests_per_second "$f"; done | xargs)"
  echo "${endpoint}_requests_per_second $(for f in "${files[@]}"; do wrk_requests_per_second "$f"; done | median)"
  echo "${endpoint}_p50_ms $(for f in "${files[@]}"; do wrk_latency_ms "$f" 50; done | median)"
  echo "${endpoint}_p99_ms $(for f in "${files[@]}"; do wrk_latency_ms "$f" 99; done | median)"
  echo "${endpoint}_server_cpu_us_per_request $(cat "${files[@]/%/.cpu}" | median)"
done

if ((load_seconds > 0)); then
  bash "$(dirname "$0")/sustained-load.sh" --pid "$SERVICE_PID" --port "$port" --seconds "$load_seconds"
fi

stop_service "$SERVICE_PID"
echo "shutdown_exit_code $STOP_RESULT"
echo "machine_load_after $(machine_load)"
