# shellcheck shell=bash
# The linux/arm64 half of the container smoke test (sourced by smoke.sh, which defines say, fail, ENGINE,
# LIMIT_FLAGS, BUILDKIT_ARG_FLAGS, WORK_DIR, http_get, json_string_field and the container's environment): the image for
# `architecture: arm64` is built on this linux/amd64 machine as the deploy runner builds it, the build stage
# cross-compiling on the machine's own platform and the runtime stage assembled without running anything, so
# no emulation is involved. Its binary must be an aarch64 ELF executable; it is then run, and only it, under
# qemu-aarch64-static (user-mode emulation of one process, no binfmt registration) on the image's own files,
# listening on 127.0.0.1 only, and must answer /health and / and stop cleanly on SIGTERM.

readonly ARM64_PLATFORM=linux/arm64
# Emulated, the binary starts and stops far slower than natively; these bound a broken one, not a slow one.
readonly ARM64_HEALTH_DEADLINE_SECONDS=60
readonly ARM64_STOP_LIMIT_SECONDS=20
ARM64_IMAGE=""
ARM64_PID=""

arm64_cleanup() {
  if [[ -n $ARM64_PID ]]; then kill -KILL "$ARM64_PID" 2>/dev/null || true; fi
  if [[ $KEEP_IMAGES == false && -n $ARM64_IMAGE ]]; then "${ENGINE[@]}" rmi --force "$ARM64_IMAGE" >/dev/null 2>&1 || true; fi
}

arm64_smoke() {
  local commit_sha=$1
  ARM64_IMAGE=$IMAGE-arm64
  arm64_step_base_images
  arm64_step_build "$commit_sha"
  arm64_step_check_binary
  arm64_step_run "$commit_sha"
  say "PASS: the linux/arm64 image cross-compiles here without emulation, and its aarch64 binary answers and stops cleanly"
}

arm64_step_base_images() {
  say "arm64 1/4 base images for a $ARM64_PLATFORM build: this machine's for the build stage, $ARM64_PLATFORM ones for the runtime stage"
  # --reuse: the build stage's stand-in is the one step 1/10 of this run just made (or, with --keep-images,
  # one kept on purpose); only the runtime base changes platform.
  CONTAINER_ENGINE=${ENGINE[0]} "$SCRIPT_DIR/make-standin-bases.sh" --reuse --platform "$ARM64_PLATFORM" "$DOCKERFILE" \
    || fail "the $ARM64_PLATFORM base images of $DOCKERFILE are not available (see the line above)"
}

arm64_step_build() {
  local commit_sha=$1 started=$SECONDS
  say "arm64 2/4 building $ARM64_IMAGE from $DOCKERFILE for $ARM64_PLATFORM on this $(uname -m) machine (COMMIT_SHA=$commit_sha)"
  local -a layer_flags=()
  if [[ ${ENGINE[0]} == podman ]]; then layer_flags=(--layers=false); fi
  "${ENGINE[@]}" rmi --force "$ARM64_IMAGE" >/dev/null 2>&1 || true
  if ! "${ENGINE[@]}" build "${LIMIT_FLAGS[@]}" "${layer_flags[@]}" "${BUILDKIT_ARG_FLAGS[@]}" --platform "$ARM64_PLATFORM" \
    --file "$DOCKERFILE" --build-arg "COMMIT_SHA=$commit_sha" --tag "$ARM64_IMAGE" . >"$WORK_DIR/build-arm64.log" 2>&1; then
    tail -n 40 "$WORK_DIR/build-arm64.log" >&2
    fail "the $ARM64_PLATFORM image build failed (its last 40 lines are above)"
  fi
  say "    built in $((SECONDS - started)) s"
}

arm64_step_check_binary() {
  local platform root=$WORK_DIR/arm64-root container header
  platform=$("${ENGINE[@]}" image inspect --format '{{.Os}}/{{.Architecture}}' "$ARM64_IMAGE")
  [[ $platform == "$ARM64_PLATFORM" ]] || fail "the arm64 build produced a $platform image, not $ARM64_PLATFORM"
  # The image's files as ECS would unpack them: created, never started, then exported.
  container=$("${ENGINE[@]}" create --platform "$ARM64_PLATFORM" "$ARM64_IMAGE" 2>/dev/null) \
    || fail "could not create a container from $ARM64_IMAGE to read its files"
  mkdir -p "$root"
  "${ENGINE[@]}" export "$container" | tar -x -C "$root" || fail "could not export the files of $ARM64_IMAGE"
  "${ENGINE[@]}" rm "$container" >/dev/null
  [[ -f $root/app/FargateService ]] || fail "$ARM64_IMAGE has no /app/FargateService"
  # ELF header: magic 7f 45 4c 46, class 02 (64-bit), data 01 (little-endian); e_type 02 00 (executable)
  # or 03 00 (position-independent); e_machine b7 00 (EM_AARCH64, 183).
  header=$(od -An -tx1 -N20 "$root/app/FargateService" | tr -s ' \n' ' ')
  [[ $header =~ ^\ 7f\ 45\ 4c\ 46\ 02\ 01\ .*\ 0[23]\ 00\ b7\ 00\ $ ]] \
    || fail "/app/FargateService of $ARM64_IMAGE is not a 64-bit little-endian aarch64 ELF executable; its header: $header"
  say "arm64 3/4 the image is $platform; /app/FargateService is an aarch64 ELF executable ($(file -b "$root/app/FargateService" 2>/dev/null | cut -d, -f1-3 || echo "ELF header $header"))"
}

arm64_step_run() {
  local commit_sha=$1 root=$WORK_DIR/arm64-root qemu port variable
  qemu=$(command -v qemu-aarch64-static) \
    || fail "running the aarch64 binary needs qemu-aarch64-static: apt-get install -y qemu-user-static"
  port=$(free_loopback_port)
  # The image's own environment (APP_VERSION from the build argument, DOTNET_EnableDiagnostics), then the
  # stack's, then the address: loopback only.
  local -a environment=()
  mapfile -t environment < <("${ENGINE[@]}" image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$ARM64_IMAGE" | grep .)
  for variable in "${CONTAINER_ENVIRONMENT[@]}"; do
    [[ $variable == APP_PORT=* ]] || environment+=("$variable")
  done
  environment+=("APP_PORT=$port" APP_LISTEN_ADDRESS=127.0.0.1)
  say "arm64 4/4 running the aarch64 binary alone under $qemu on the image's files, on 127.0.0.1:$port"
  env -i "${environment[@]}" "$qemu" -L "$root" "$root/app/FargateService" >"$WORK_DIR/arm64.log" 2>&1 &
  ARM64_PID=$!
  local started=$SECONDS
  # shellcheck disable=SC2034 # read by smoke.sh's http_get
  HOST_PORT=$port
  while :; do
    http_get /health
    [[ $STATUS == 000 ]] || break
    kill -0 "$ARM64_PID" 2>/dev/null || fail "the emulated service exited before answering; it said: $(tail -n 5 "$WORK_DIR/arm64.log")"
    ((SECONDS - started < ARM64_HEALTH_DEADLINE_SECONDS)) || fail "the emulated service did not answer /health within $ARM64_HEALTH_DEADLINE_SECONDS s"
    sleep 0.2
  done
  [[ $STATUS == 200 && $BODY == '{"status":"healthy"}' ]] || fail "GET /health answered $STATUS '$BODY', expected 200 {\"status\":\"healthy\"}"
  say "    healthy $((SECONDS - started)) s after the start (emulated)"
  http_get /
  [[ $STATUS == 200 && $(json_string_field version) == "$commit_sha" ]] \
    || fail "GET / answered $STATUS '$BODY', expected version $commit_sha from the image's build argument"
  say "    $BODY"
  local code=0
  kill -TERM "$ARM64_PID"
  local stop_started=$SECONDS
  while kill -0 "$ARM64_PID" 2>/dev/null && ((SECONDS - stop_started < ARM64_STOP_LIMIT_SECONDS)); do sleep 0.2; done
  kill -0 "$ARM64_PID" 2>/dev/null && fail "the emulated service was still running $ARM64_STOP_LIMIT_SECONDS s after SIGTERM"
  wait "$ARM64_PID" || code=$?
  ARM64_PID=""
  ((code == 0)) || fail "the emulated service exited with code $code after SIGTERM, expected 0"
  if grep -v -E '^\{.*\}$' "$WORK_DIR/arm64.log" | grep -q .; then
    fail "the emulated service wrote lines that are not JSON objects: $(grep -v -E '^\{.*\}$' "$WORK_DIR/arm64.log" | head -n 3)"
  fi
  say "    exited 0 after SIGTERM; $(grep -c . "$WORK_DIR/arm64.log") log lines, all JSON objects"
}

# A TCP port nothing listens on at 127.0.0.1, from the range Linux does not hand out to clients.
free_loopback_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s' "$port"
      return 0
    fi
  done
  fail "found no free port on 127.0.0.1"
}
