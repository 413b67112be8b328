#!/usr/bin/env bash
# The repository's one lint command: the formatters and linters of every language, over the
# whole work tree. Each check shows what it found, then one "PASS: <check>" or "FAIL: <check>"
# line (tests/run-all.sh counts those); the script exits 1 when any check fails. A missing
# linter is installed first (shellcheck from Debian).
#
# Usage: bash tests/lint.sh
set -uo pipefail
# No -e: every check runs even when an earlier one fails.
cd "$(dirname "$0")/.." || exit 1

failed_checks=()

# check NAME COMMAND...: runs one check and reports it.
check() {
  local name=$1
  shift
  printf '\n=== %s\n' "$name"
  if "$@"; then
    echo "PASS: $name"
  else
    echo "FAIL: $name"
    failed_checks+=("$name")
  fi
}

# Through sudo when not root, as tests/workflows/check.sh installs it.
install_shellcheck() {
  command -v shellcheck > /dev/null && return 0
  local as_root=()
  [[ $(id -u) -eq 0 ]] || as_root=(sudo)
  echo "installing shellcheck"
  "${as_root[@]}" apt-get update -qq &&
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck > /dev/null
}

# Prints, NUL-separated, every file git tracks or would add that is a shell script: named *.sh
# or *.bash (the sourced libraries have no shebang), or starting with a sh or bash shebang
# (.ci/run). A new script is covered before it is committed.
shell_scripts() {
  local file first_line shebang='^#!.*[/ ](ba)?sh([[:space:]]|$)'
  while IFS= read -r -d '' file; do
    [[ -f $file ]] || continue
    if [[ $file == *.sh || $file == *.bash ]] ||
      { IFS= read -r first_line < "$file" && [[ $first_line =~ $shebang ]]; }; then
      printf '%s\0' "$file"
    fi
  done < <(git ls-files -z --cached --others --exclude-standard)
}

# From the repository root, where the scripts' `# shellcheck source=` paths resolve.
shellcheck_scripts() {
  local scripts=()
  mapfile -d '' scripts < <(shell_scripts)
  echo "${#scripts[@]} scripts: ${scripts[*]}"
  install_shellcheck && shellcheck --external-sources "${scripts[@]}"
}

# The checks, one line each. The TypeScript checks need `npm ci` to have run (tests/run-all.sh runs it first).
check "dotnet format" dotnet format Stack.sln --verify-no-changes
check "shellcheck" shellcheck_scripts
check "prettier" npx --no-install prettier --check "**/*.{ts,cjs,mjs}"
check "eslint" npx --no-install eslint .

printf '\n'
if ((${#failed_checks[@]} > 0)); then
  echo "lint failed: ${failed_checks[*]}"
  exit 1
fi
echo "lint passed"
