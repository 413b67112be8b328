#!/usr/bin/env bash
# The repository's one test command, on a fresh machine as in CI: installs what each suite
# needs, runs every suite even when an earlier one fails, and ends with one summary line.
set -uo pipefail
# No -e: a failing suite must not stop the others, so a failed cd has to stop the run itself.
cd "$(dirname "$0")/.." || exit 1

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
passed=0
failed=0
failed_suites=()

# run_suite NAME COUNTER COMMAND...: runs COMMAND, shows its output, adds its test counts.
run_suite() {
  local name=$1 counter=$2
  shift 2
  printf '\n=== %s\n' "$name"
  local started=$SECONDS status
  "$@" 2>&1 | tee "$logs/$name.log"
  status=${PIPESTATUS[0]}
  local counts
  counts=$("$counter" "$logs/$name.log")
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
  if ((status != 0)); then
    failed_suites+=("$name (exit $status)")
  fi
  printf '=== %s: exit %d after %d s\n' "$name" "$status" $((SECONDS - started))
}

# Each counter prints "PASSED FAILED" read from its runner's own summary lines.
count_dotnet() {
  awk '/^(Passed|Failed)! +- +Failed: /{gsub(",", ""); f += $4; p += $6} END {print p + 0, f + 0}' "$1"
}
count_node() {
  awk '/^# pass /{p += $3} /^# fail /{f += $3} END {print p + 0, f + 0}' "$1"
}
# The container smoke test ends with "[smoke.sh] PASS: ..." or "[smoke.sh] FAIL: ...";
# bench checks print "..._check PASS" or "..._check FAIL".
count_checks() {
  awk '/^(\[[a-z.-]+\] )?PASS: |_check PASS$/{p++} /^(\[[a-z.-]+\] )?FAIL: |_check FAIL$/{f++} END {print p + 0, f + 0}' "$1"
}

# apt_install PACKAGE...: installs the Debian packages that are missing (through sudo when not root).
apt_install() {
  local package missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "installing: ${missing[*]}"
  local as_root=()
  [[ $(id -u) -eq 0 ]] || as_root=(sudo)
  "${as_root[@]}" apt-get update -q &&
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 \
      "${missing[@]}"
}

# Native AOT links with clang against zlib; the load check drives the service with wrk.
install_native_toolchain() {
  apt_install clang zlib1g-dev wrk curl python3
}

# A working Docker engine serves the smoke test as it is; otherwise podman (with runc) and
# debootstrap for the stand-in base images.
install_container_engine() {
  command -v docker > /dev/null && timeout 20 docker info > /dev/null 2>&1 && return 0
  apt_install podman runc debootstrap curl
}

# The deploy check's recorded DescribeServices answers are checked against AWS's own API model, botocore's.
install_api_models() {
  python3 -c 'import botocore' 2> /dev/null && return 0
  apt_install python3-botocore
}

run_suite "native-toolchain" count_checks install_native_toolchain
run_suite "csharp" count_dotnet dotnet test Stack.sln --configuration Release
run_suite "npm-install" count_node npm ci --no-audit --no-fund
run_suite "lint" count_checks bash tests/lint.sh
run_suite "api-models" count_checks install_api_models
run_suite "infra" count_node npm run test:infra
run_suite "workflows" count_node bash tests/workflows/check.sh
run_suite "sustained-load" count_checks bash bench/sustained-load.sh
run_suite "container-engine" count_checks install_container_engine
run_suite "container-smoke" count_checks bash tests/container/smoke.sh

printf '\n'
if ((${#failed_suites[@]} > 0)); then
  printf 'Failed suites: %s\n' "${failed_suites[*]}"
fi
printf 'tests: %d passed, %d failed\n' "$passed" "$failed"
((${#failed_suites[@]} == 0 && failed == 0))
