#!/usr/bin/env bash
# Measures each performance lever of issue 6 with bench/run.sh and prints one Markdown table of
# medians: publish mode (Native AOT, JIT, ReadyToRun, trimmed self-contained), the slim builder,
# source-generated JSON, log level, GC mode and where socket completions run. Levers that are
# code choices are measured on a copy of app/ with that one choice reverted; the work tree is
# never touched. About 35 minutes with the defaults.
#
# Usage: bash bench/levers.sh [--rounds N] [lever ...]   (default: every lever, 3 rounds)
set -euo pipefail
# shellcheck source=bench/lib.sh # the path from the repository root, where tests/lint.sh runs shellcheck -x
source "$(dirname "$0")/lib.sh"

rounds=3 selected=()
while (($#)); do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    *) selected+=("$1"); shift ;;
  esac
done
[[ "$rounds" =~ ^[1-9]$ ]] || die "--rounds must be 1-9, got '$rounds'"

# name | publish mode | source variant | service environment
readonly LEVERS=(
  "aot|aot|shipped|"
  "jit|jit|shipped|"
  "r2r|r2r|shipped|"
  "trim|trim|shipped|"
  "aot-full-builder|aot|full-builder|"
  "jit-reflection-json|jit|reflection-json|"
  "aot-log-debug|aot|shipped|APP_LOG_LEVEL=Debug"
  "aot-log-none|aot|shipped|APP_LOG_LEVEL=None"
  "aot-workstation-gc|aot|shipped|DOTNET_gcServer=0"
  "aot-workstation-nonconcurrent-gc|aot|shipped|DOTNET_gcServer=0 DOTNET_gcConcurrent=0"
  "aot-inline-socket-completions|aot|shipped|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1"
)
readonly FIGURES=(published_output_mb startup_median_ms idle_rss_mib health_requests_per_second health_p99_ms
  health_server_cpu_us_per_request root_requests_per_second root_p99_ms root_server_cpu_us_per_request rss_load_end_mib)

# source_variant NAME: a tree to publish, with one code choice of app/ reverted.
source_variant() {
  local name="$1" tree="$BENCH_OUT/src-$1"
  [[ "$name" == shipped ]] && { echo "$BENCH_ROOT"; return; }
  rm -rf "$tree" && mkdir -p "$tree"
  cp "$BENCH_ROOT"/Directory.Build.props "$BENCH_ROOT"/Directory.Packages.props "$tree/"
  (cd "$BENCH_ROOT" && tar --exclude=bin --exclude=obj -cf - app) | tar -C "$tree" -xf -
  case "$name" in
    full-builder)
      # The full builder adds HTTPS, regex route constraints and more; its AOT warnings are expected.
      sed -i 's/WebApplication.CreateSlimBuilder(/WebApplication.CreateBuilder(/' "$tree/app/Program.cs"
      printf '%s\n' '<Project><PropertyGroup><TreatWarningsAsErrors>false</TreatWarningsAsErrors></PropertyGroup></Project>' \
        >"$tree/Directory.Build.targets"
      grep -q 'WebApplication.CreateBuilder(' "$tree/app/Program.cs" ;;
    reflection-json)
      # Without the source-generated resolver, System.Text.Json falls back to reflection (JIT only).
      sed -i '/TypeInfoResolverChain.Insert(0, AppJsonContext.Default)/d' "$tree/app/Program.cs"
      ! grep -q 'TypeInfoResolverChain' "$tree/app/Program.cs" ;;
    *) die "unknown source variant '$name'" ;;
  esac || die "app/Program.cs no longer has the line the '$name' variant changes; update bench/levers.sh"
  echo "$tree"
}

# run_lever NAME MODE VARIANT ENVIRONMENT OUT [run.sh options...]
run_lever() {
  local name="$1" mode="$2" variant="$3" environment="$4" out="$5" tree
  shift 5
  tree="$(source_variant "$variant")"
  # shellcheck disable=SC2086 # the environment column holds separate VAR=VALUE words
  SOURCE_ROOT="$tree" bash "$(dirname "$0")/run.sh" --name "$name" --mode "$mode" "$@" $environment >"$out" 2>&1 \
    || { tail -5 "$out" >&2; die "lever $name failed, output: $out"; }
}

chosen=()
for lever in "${LEVERS[@]}"; do
  if ((${#selected[@]} == 0)) || [[ " ${selected[*]} " == *" ${lever%%|*} "* ]]; then chosen+=("$lever"); fi
done
((${#chosen[@]})) || die "no lever named ${selected[*]}; levers: $(printf '%s ' "${LEVERS[@]%%|*}")"

mkdir -p "$BENCH_OUT"
echo "machine_load_before $(machine_load)"
for lever in "${chosen[@]}"; do
  IFS='|' read -r name mode variant environment <<<"$lever"
  rm -f "$BENCH_OUT"/lever-"$name"-round*.txt
  run_lever "$name" "$mode" "$variant" "$environment" "$BENCH_OUT/lever-$name-publish.txt" --publish-only
done

# Rounds, each measuring every lever once: load from other work on a shared machine then
# spreads over all levers instead of falling on whichever ran at a busy moment.
for round in $(seq "$rounds"); do
  for lever in "${chosen[@]}"; do
    IFS='|' read -r name mode variant environment <<<"$lever"
    run_lever "$name" "$mode" "$variant" "$environment" "$BENCH_OUT/lever-$name-round$round.txt" \
      --skip-publish --runs 1 --load-seconds 20
  done
  echo "round $round done, machine load $(machine_load)"
done

header="${FIGURES[*]}"
printf '| lever | %s |\n' "${header// / | }"
printf '|---%s|\n' "$(printf '|---%.0s' "${FIGURES[@]}")"
for lever in "${chosen[@]}"; do
  name="${lever%%|*}"
  row="| $name |"
  for figure in "${FIGURES[@]}"; do
    row+=" $(awk -v k="$figure" '$1 == k {print $2}' "$BENCH_OUT"/lever-"$name"-round*.txt | median) |"
  done
  echo "$row"
done
echo "machine_load_after $(machine_load)"
