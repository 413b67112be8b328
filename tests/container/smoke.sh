#!/usr/bin/env bash
# Container smoke test: builds the service image from app/Dockerfile exactly as the Pulumi stack
# builds it (context = repository root, linux/amd64, COMMIT_SHA build argument) and runs it the way
# the ECS task definition runs it (read-only root filesystem with a writable /tmp, the image's own
# non-root user, container port 8080, the stack's environment variables), published on loopback only. Then:
# /health answers, / reports the commit it was built from, SIGTERM stops it cleanly well inside
# ECS's grace period, and the image is not root and not bloated. Then the same Dockerfile is built for
# linux/arm64 on this linux/amd64 machine without emulation, and its aarch64 binary is run under
# qemu-aarch64-static on loopback (arm64-steps.sh).
#
# Usage: tests/container/smoke.sh [--keep-images]
#   --keep-images  leave the built image and any stand-in bases for inspection (and reuse those
#                  stand-ins next time); by default both are removed, so nothing carries over.
# CONTAINER_ENGINE=docker|podman picks the engine (default: Docker when its daemon answers).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
readonly SCRIPT_DIR REPO_ROOT
# shellcheck source=tests/container/common.sh # the path from the repository root, where tests/lint.sh runs shellcheck -x
source "$SCRIPT_DIR/common.sh"
# shellcheck source=tests/container/arm64-steps.sh
source "$SCRIPT_DIR/arm64-steps.sh"

readonly DOCKERFILE=app/Dockerfile
readonly PLATFORM=linux/amd64
readonly IMAGE_REPOSITORY=localhost/fargate-service-smoke
readonly CONTAINER_PORT=8080
# Stands in for the commit when the repository has none yet; any 40-hex value proves the plumbing.
readonly FALLBACK_COMMIT_SHA=0123456789abcdef0123456789abcdef01234567
# The container definition of the stack (infra/container.ts): its environment, a read-only root
# filesystem with a writable /tmp volume, the stop timeout. APP_VERSION, which the stack also
# sets to the same commit, is left out: here the version must come from the image's build argument.
# The environment differs from the app's default (`local`), so GET / proves the variables arrive.
readonly SERVICE_NAME=fargate-service
readonly ENVIRONMENT_NAME=dev
readonly APP_SHUTDOWN_SECONDS=10
readonly CONTAINER_ENVIRONMENT=(
  "APP_ENVIRONMENT=$ENVIRONMENT_NAME"
  APP_LOG_LEVEL=Information
  "APP_PORT=$CONTAINER_PORT"
  "APP_SERVICE_NAME=$SERVICE_NAME"
  "APP_SHUTDOWN_TIMEOUT_SECONDS=$APP_SHUTDOWN_SECONDS"
)
readonly HEALTH_DEADLINE_SECONDS=10
# ECS sends SIGTERM, waits the container's stopTimeout (the app's shutdown timeout + 5 s), then
# sends SIGKILL.
readonly STOP_GRACE_SECONDS=$((APP_SHUTDOWN_SECONDS + 5))
# "Well inside" the grace period: a third of it. An idle app has nothing to drain; measured
# 389 ms on 2026-11-23.
readonly STOP_LIMIT_SECONDS=$((STOP_GRACE_SECONDS / 3))
# The layers the project adds to the runtime base: the Native AOT binary. Measured 13,041,152
# bytes on 2026-11-23 (app/Dockerfile at the time, .NET SDK 10.0.401). The budget, about 1.5 times
# that, leaves room for growth yet catches a publish that drags in the .NET runtime, debug symbols
# or the build tree.
readonly APP_LAYERS_BUDGET_BYTES=20000000

ENGINE=()
BUILDKIT_ARG_FLAGS=()
CONTAINER=""
IMAGE=""
KEEP_IMAGES=false
WORK_DIR=""

cleanup() {
  arm64_cleanup
  if [[ -n $WORK_DIR ]]; then rm -rf "$WORK_DIR"; fi
  ((${#ENGINE[@]} > 0)) || return 0
  if [[ -n $CONTAINER ]]; then "${ENGINE[@]}" rm --force "$CONTAINER" >/dev/null 2>&1 || true; fi
  if [[ $KEEP_IMAGES == false ]]; then
    if [[ -n $IMAGE ]]; then "${ENGINE[@]}" rmi --force "$IMAGE" >/dev/null 2>&1 || true; fi
    local standins
    standins=$("${ENGINE[@]}" images --quiet --filter "label=$STANDIN_LABEL" 2>/dev/null | sort -u) || true
    if [[ -n $standins ]]; then
      # shellcheck disable=SC2086 # one image id per word
      "${ENGINE[@]}" rmi --force $standins >/dev/null 2>&1 || true
    fi
  fi
}

main() {
  while (($# > 0)); do
    case "$1" in
      --keep-images) KEEP_IMAGES=true ;;
      *) fail "unknown argument '$1'; allowed: --keep-images" ;;
    esac
    shift
  done
  trap cleanup EXIT
  WORK_DIR=$(mktemp -d /tmp/container-smoke.XXXXXX)
  cd "$REPO_ROOT"
  [[ -f $DOCKERFILE ]] || fail "$DOCKERFILE does not exist"
  command -v curl >/dev/null || fail "curl is needed to query the container: apt-get install -y curl"
  select_container_engine
  set_buildkit_arg_flags
  say "engine: ${ENGINE[*]}"

  local commit_sha
  commit_sha=$(git rev-parse --verify --quiet HEAD 2>/dev/null) || commit_sha=$FALLBACK_COMMIT_SHA
  IMAGE=$IMAGE_REPOSITORY:$commit_sha

  step_base_images
  step_build "$commit_sha"
  step_check_image_config
  step_run
  step_check_health
  step_check_version "$commit_sha"
  step_stop
  step_check_logs
  step_check_bad_setting
  step_sizes
  say "PASS: the image builds, runs read-only as a non-root user, answers and stops cleanly"
  arm64_smoke "$commit_sha"
}

step_base_images() {
  say "1/10 base images: official ones pulled, or stand-ins built where they cannot be"
  local -a reuse=()
  if [[ $KEEP_IMAGES == true ]]; then reuse=(--reuse); fi
  CONTAINER_ENGINE=${ENGINE[0]} "$SCRIPT_DIR/make-standin-bases.sh" "${reuse[@]}" "$DOCKERFILE" \
    || fail "the base images of $DOCKERFILE are not available (see the line above)"
}

step_build() {
  local commit_sha=$1 started=$SECONDS
  say "2/10 building $IMAGE from $DOCKERFILE (context: repository root, $PLATFORM, COMMIT_SHA=$commit_sha)"
  local -a layer_flags=()
  # Podman keeps every intermediate layer as an image by default; a clean machine has none.
  if [[ ${ENGINE[0]} == podman ]]; then layer_flags=(--layers=false); fi
  # An image kept by an earlier --keep-images run would otherwise linger untagged.
  "${ENGINE[@]}" rmi --force "$IMAGE" >/dev/null 2>&1 || true
  if ! "${ENGINE[@]}" build "${LIMIT_FLAGS[@]}" "${layer_flags[@]}" "${BUILDKIT_ARG_FLAGS[@]}" --platform "$PLATFORM" \
    --file "$DOCKERFILE" --build-arg "COMMIT_SHA=$commit_sha" --tag "$IMAGE" . >"$WORK_DIR/build.log" 2>&1; then
    tail -n 40 "$WORK_DIR/build.log" >&2
    fail "the image build failed (its last 40 lines are above)"
  fi
  say "    built in $((SECONDS - started)) s"
}

step_check_image_config() {
  local user architecture entrypoint
  user=$("${ENGINE[@]}" image inspect --format '{{.Config.User}}' "$IMAGE")
  architecture=$("${ENGINE[@]}" image inspect --format '{{.Os}}/{{.Architecture}}' "$IMAGE")
  entrypoint=$("${ENGINE[@]}" image inspect --format '{{json .Config.Entrypoint}}' "$IMAGE")
  say "3/10 the image: user '$user', platform $architecture, entrypoint $entrypoint"
  case "${user%%:*}" in
    "" | root | 0) fail "the image runs as root (USER is '$user'); ECS would run it as root: set USER \$APP_UID in the runtime stage" ;;
  esac
  [[ $architecture == "$PLATFORM" ]] \
    || fail "the image is $architecture, not $PLATFORM like the Fargate task: it would fail there with 'exec format error'"
}

step_run() {
  local -a env_flags=()
  local variable
  for variable in "${CONTAINER_ENVIRONMENT[@]}"; do env_flags+=(--env "$variable"); done
  CONTAINER=fargate-service-smoke-$$
  say "4/10 running it as ECS does: read-only root, writable /tmp, its own user, port $CONTAINER_PORT published on 127.0.0.1 only, ${CONTAINER_ENVIRONMENT[*]}"
  "${ENGINE[@]}" run --detach --name "$CONTAINER" "${LIMIT_FLAGS[@]}" "${READ_ONLY_FLAGS[@]}" --tmpfs /tmp \
    "${env_flags[@]}" --publish "127.0.0.1::$CONTAINER_PORT" "$IMAGE" >/dev/null \
    || fail "the container did not start"
  RUN_STARTED=$(date +%s%N)
  HOST_PORT=$("${ENGINE[@]}" port "$CONTAINER" "$CONTAINER_PORT/tcp" 2>/dev/null | head -n 1) || fail_if_exited
  fail_if_exited
  HOST_PORT=${HOST_PORT##*:}
  [[ $HOST_PORT =~ ^[0-9]+$ ]] || fail "the engine published no host port for container port $CONTAINER_PORT"
  say "    container $CONTAINER on 127.0.0.1:$HOST_PORT"
}

fail_if_exited() {
  if [[ $("${ENGINE[@]}" inspect --format '{{.State.Running}}' "$CONTAINER") != true ]]; then
    "${ENGINE[@]}" logs "$CONTAINER" 2>&1 | tail -n 20 >&2
    fail "the container exited with code $(exit_code) before answering /health (its last log lines are above)"
  fi
}

# GET PATH on the container; sets STATUS and BODY.
http_get() {
  STATUS=$(curl --silent --max-time 2 --output "$WORK_DIR/body" --write-out '%{http_code}' \
    "http://127.0.0.1:$HOST_PORT$1") || STATUS=000
  BODY=$(cat "$WORK_DIR/body" 2>/dev/null || true)
}

step_check_health() {
  say "5/10 GET /health must answer 200 {\"status\":\"healthy\"} within $HEALTH_DEADLINE_SECONDS s"
  local deadline=$((SECONDS + HEALTH_DEADLINE_SECONDS))
  while :; do
    http_get /health
    [[ $STATUS == 000 ]] || break
    fail_if_exited
    ((SECONDS < deadline)) || fail "GET /health got no answer within $HEALTH_DEADLINE_SECONDS s"
    sleep 0.1
  done
  local ready_ms=$((($(date +%s%N) - RUN_STARTED) / 1000000))
  [[ $STATUS == 200 ]] || fail "GET /health answered $STATUS, expected 200; body: $BODY"
  [[ $BODY == '{"status":"healthy"}' ]] || fail "GET /health body is '$BODY', expected {\"status\":\"healthy\"}"
  say "    healthy ${ready_ms} ms after the container started"
  check_process_user
}

# The image's user as the kernel sees it: the UID of the container's first process.
check_process_user() {
  local pid uid
  pid=$("${ENGINE[@]}" inspect --format '{{.State.Pid}}' "$CONTAINER")
  if [[ ! -r /proc/$pid/status ]]; then
    say "    (the engine's processes are not visible from here: the configured user stands for the running one)"
    return
  fi
  uid=$(awk '/^Uid:/ { print $3 }' "/proc/$pid/status")
  [[ $uid != 0 ]] || fail "the app runs as UID 0 (root) inside the container"
  say "    the app runs as UID $uid"
}

step_check_version() {
  local commit_sha=$1 version
  say "6/10 GET / must report version $commit_sha and the environment the stack passed"
  http_get /
  [[ $STATUS == 200 ]] || fail "GET / answered $STATUS, expected 200; body: $BODY"
  version=$(json_string_field version)
  [[ $version == "$commit_sha" ]] || fail "GET / reports version '$version', expected the build's COMMIT_SHA $commit_sha; body: $BODY"
  local field expected
  for field in service environment; do
    expected=$SERVICE_NAME
    [[ $field == environment ]] && expected=$ENVIRONMENT_NAME
    [[ $(json_string_field "$field") == "$expected" ]] \
      || fail "GET / reports $field '$(json_string_field "$field")', expected '$expected' from the container's environment; body: $BODY"
  done
  say "    $BODY"
}

# The string value of top-level FIELD in BODY (the service's flat JSON objects).
json_string_field() {
  if [[ $BODY =~ \"$1\"[[:space:]]*:[[:space:]]*\"([^\"]*)\" ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  fi
}

exit_code() {
  "${ENGINE[@]}" inspect --format '{{.State.ExitCode}}' "$CONTAINER"
}

step_stop() {
  say "7/10 stopping it as ECS does: SIGTERM, SIGKILL after $STOP_GRACE_SECONDS s; it must exit 0 within $STOP_LIMIT_SECONDS s"
  local started stopped_ms code
  started=$(date +%s%N)
  "${ENGINE[@]}" stop -t "$STOP_GRACE_SECONDS" "$CONTAINER" >/dev/null 2>&1 || fail "the engine could not stop the container"
  stopped_ms=$((($(date +%s%N) - started) / 1000000))
  code=$(exit_code)
  [[ $code == 0 ]] || fail "the app exited with code $code after SIGTERM, expected 0 (137 means it was killed)"
  ((stopped_ms < STOP_LIMIT_SECONDS * 1000)) \
    || fail "the app took ${stopped_ms} ms to exit after SIGTERM, more than $STOP_LIMIT_SECONDS s"
  say "    exited 0, ${stopped_ms} ms after SIGTERM"
}

step_check_logs() {
  say "8/10 every log line must be one JSON object (what the awslogs driver ships to CloudWatch)"
  local lines not_json
  "${ENGINE[@]}" logs "$CONTAINER" >"$WORK_DIR/app.log" 2>&1
  lines=$(grep -c . "$WORK_DIR/app.log" || true)
  ((lines > 0)) || fail "the app wrote no log line at all"
  grep -v -E '^\{.*\}$' "$WORK_DIR/app.log" | grep . >"$WORK_DIR/not-json.log" || true
  not_json=$(wc -l <"$WORK_DIR/not-json.log")
  if ((not_json > 0)); then
    head -n 5 "$WORK_DIR/not-json.log" >&2
    fail "$not_json of $lines log lines are not JSON objects (the first are above)"
  fi
  say "    $lines log lines, all JSON objects"
}

# A task with a wrong setting must stop at once and say why in one line, not serve or crash.
step_check_bad_setting() {
  local bad_setting=APP_PORT=not-a-port code
  say "9/10 started with $bad_setting it must exit non-zero at once, naming the variable, without a stack trace"
  "${ENGINE[@]}" rm "$CONTAINER" >/dev/null
  CONTAINER=fargate-service-smoke-bad-setting-$$
  code=0
  timeout 20 "${ENGINE[@]}" run --name "$CONTAINER" "${LIMIT_FLAGS[@]}" "${READ_ONLY_FLAGS[@]}" --tmpfs /tmp \
    --env "$bad_setting" "$IMAGE" >"$WORK_DIR/bad-setting.log" 2>&1 || code=$?
  ((code != 124)) || fail "with $bad_setting the app was still running after 20 s instead of refusing the setting"
  ((code != 0)) || fail "with $bad_setting the app exited 0 instead of refusing the setting"
  grep -q APP_PORT "$WORK_DIR/bad-setting.log" \
    || fail "with $bad_setting the app exited $code without naming APP_PORT; it said: $(head -c 300 "$WORK_DIR/bad-setting.log")"
  if grep -q -E '^[[:space:]]+at ' "$WORK_DIR/bad-setting.log"; then
    fail "with $bad_setting the app printed a stack trace"
  fi
  say "    exit code $code: $(head -n 1 "$WORK_DIR/bad-setting.log")"
}

step_sizes() {
  say "10/10 sizes"
  local base image_size base_layers image_layers added added_bytes
  base=$(dockerfile_final_base_image "$DOCKERFILE")
  image_size=$("${ENGINE[@]}" image inspect --format '{{.Size}}' "$IMAGE")
  mapfile -t image_layers < <(layer_sizes "$IMAGE")
  mapfile -t base_layers < <(layer_sizes "$base")
  added=$((${#image_layers[@]} - ${#base_layers[@]}))
  ((added >= 0)) || fail "the image has fewer history entries than its base $base"
  added_bytes=0
  local size
  for size in "${image_layers[@]:0:added}"; do added_bytes=$((added_bytes + size)); done
  say "    image $IMAGE: $(megabytes "$image_size") MB ($image_size bytes)"
  say "    runtime base $base: $(megabytes "$((image_size - added_bytes))") MB"
  say "    layers the project adds: $(megabytes "$added_bytes") MB ($added_bytes bytes; budget $(megabytes "$APP_LAYERS_BUDGET_BYTES") MB)"
  if is_standin "$base"; then
    say "    NOTE: $base is a local STAND-IN, not the official image: the image and base sizes above are NOT"
    say "    NOTE: what the official base gives; the project's own layers are measured for real."
  fi
  ((added_bytes <= APP_LAYERS_BUDGET_BYTES)) \
    || fail "the project's layers are $added_bytes bytes, over the budget of $APP_LAYERS_BUDGET_BYTES bytes"
}

# The size in bytes of each history entry of IMAGE, newest first.
layer_sizes() {
  if [[ ${ENGINE[0]} == podman ]]; then
    # Podman's templates print sizes rounded for humans; its JSON has the bytes.
    "${ENGINE[@]}" history --format json "$1" | grep -oE '"size":[0-9]+' | cut -d: -f2
  else
    "${ENGINE[@]}" history --human=false --format '{{.Size}}' "$1"
  fi
}

megabytes() {
  awk -v bytes="$1" 'BEGIN { printf "%.1f", bytes / 1000000 }'
}

main "$@"
