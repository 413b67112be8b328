# shellcheck shell=bash
# Shared helpers for the benchmark and load scripts in bench/. Sourced, not run.
# Everything here talks to 127.0.0.1 only and is bounded in time.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Outside the work tree: build/ belongs to the infra build, which clears it.
# shellcheck disable=SC2034 # read by the scripts that source this file
BENCH_OUT="${BENCH_WORK_DIR:-/tmp/fargate-service-bench}"
# Processes this script started; stop_started_processes ends exactly these.
STARTED_PIDS=()

die() { echo "error: $*" >&2; exit 1; }

require_tools() {
  local tool missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  die "missing tool(s): ${missing[*]}; install with: apt-get install -y wrk clang zlib1g-dev curl python3"
}

# The tree to publish: this repository, or a variant copy of it made by bench/levers.sh.
SOURCE_ROOT="${SOURCE_ROOT:-$BENCH_ROOT}"

app_project() {
  local projects=("$SOURCE_ROOT"/app/*.csproj)
  [[ -f "${projects[0]}" && ${#projects[@]} -eq 1 ]] || die "expected exactly one project in app/, found: ${projects[*]}"
  echo "${projects[0]}"
}

# publish_app MODE DIR: the publish modes the benchmark compares.
#   aot  Native AOT, linux-x64, Release: what app/Dockerfile ships.
#   jit  framework-dependent IL, JIT-compiled at run time (needs the shared runtime).
#   r2r  framework-dependent, ReadyToRun-precompiled IL (JIT still tiers up hot code).
#   trim self-contained and trimmed IL, JIT-compiled (runs on runtime-deps like aot).
publish_app() {
  local mode="$1" dir="$2" project
  project="$(app_project)"
  local -a args=(publish "$project" -c Release -r linux-x64 -o "$dir" --nologo -v quiet)
  case "$mode" in
    aot) args+=(-p:PublishAot=true) ;;
    jit) args+=(-p:PublishAot=false --self-contained false) ;;
    r2r) args+=(-p:PublishAot=false --self-contained false -p:PublishReadyToRun=true) ;;
    trim) args+=(-p:PublishAot=false --self-contained true -p:PublishTrimmed=true) ;;
    *) die "--mode must be aot, jit, r2r or trim, got '$mode'" ;;
  esac
  rm -rf "$dir"
  timeout 900 dotnet "${args[@]}" >"$dir.publish.log" 2>&1 \
    || { tail -30 "$dir.publish.log" >&2; die "dotnet publish ($mode) failed, log: $dir.publish.log"; }
}

app_binary() {
  local dir="$1" name
  name="$(basename "$(app_project)" .csproj)"
  [[ -x "$dir/$name" ]] || die "no executable '$name' in $dir"
  echo "$dir/$name"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# What app/Dockerfile sets in the image, so the benchmark runs the service as the task does.
IMAGE_ENV=(DOTNET_EnableDiagnostics=0)

# start_service BINARY PORT LOG [VAR=VALUE...]: starts the service bound to loopback; sets SERVICE_PID.
start_service() {
  local binary="$1" port="$2" log="$3"; shift 3
  env "${IMAGE_ENV[@]}" APP_LISTEN_ADDRESS=127.0.0.1 APP_PORT="$port" "$@" "$binary" >"$log" 2>&1 &
  SERVICE_PID=$!
  STARTED_PIDS+=("$SERVICE_PID")
  wait_for_health "$port" 20 || { tail -20 "$log" >&2; die "service did not answer 200 on /health within 20 s"; }
}

wait_for_health() {
  local port="$1" seconds="$2" deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/health")" == 200 ]] && return 0
    sleep 0.05
  done
  return 1
}

# stop_service PID: SIGTERM, then waits up to 15 s; sets STOP_RESULT to the exit code or "killed".
# Not for $(...): only the shell that started the process can wait for its exit code.
stop_service() {
  local pid="$1" status=0 killed=""
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 150); do is_running "$pid" || break; sleep 0.1; done
  if is_running "$pid"; then kill -KILL "$pid" 2>/dev/null || true; killed=killed; fi
  wait "$pid" || status=$?
  # shellcheck disable=SC2034 # read by the scripts that source this file
  STOP_RESULT="${killed:-$status}"
}

# An exited child stays a zombie until bash reaps it, and kill -0 still finds it; bash reaps it at
# any moment, so /proc/PID may vanish between two reads: one read decides.
is_running() {
  local state
  state="$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null)" || true
  [[ -n "$state" && "$state" != Z ]]
}

stop_started_processes() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do is_running "$pid" && kill -TERM "$pid" 2>/dev/null; done
  return 0
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# CPU time the process has used, user + system, in clock ticks (fields 14 and 15 of
# /proc/PID/stat, counted after the ")" that ends the command name).
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
# shellcheck disable=SC2034 # read by the scripts that source this file
CLOCK_TICKS_PER_SECOND="$(getconf CLK_TCK)"

# run_wrk URL SECONDS CONNECTIONS OUTFILE: one bounded wrk run with the latency histogram.
run_wrk() {
  local url="$1" seconds="$2" connections="$3" out="$4"
  timeout $((seconds + 30)) wrk -t "${WRK_THREADS:-2}" -c "$connections" -d "${seconds}s" --latency "$url" >"$out" 2>&1 \
    || die "wrk failed on $url, output: $out"
}

# wrk prints latencies as 812.00us, 1.21ms or 1.02s; these print milliseconds.
wrk_latency_ms() {
  awk -v p="$2%" '$1 == p { v=$2; u=v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1; printf "%.2f\n", v * f }' "$1"
}
wrk_requests_per_second() { awk '/^Requests\/sec:/ {printf "%.0f\n", $2}' "$1"; }
wrk_requests() { awk '/requests in/ {print $1}' "$1"; }
# Responses wrk counts as errors: status outside 2xx/3xx, and connect/read/write/timeout failures.
wrk_non_2xx() { awk '/Non-2xx or 3xx responses:/ {print $NF; found=1} END {if (!found) print 0}' "$1"; }
wrk_socket_errors() {
  awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10; found=1} END {if (!found) print 0}' "$1"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2] + a[NR/2+1]) / 2}'; }

machine_load() { awk '{print $1" "$2" "$3}' /proc/loadavg; }
