#!/usr/bin/env bash
# Creates the stacks once, in the Pulumi backend you are logged in to, before the first deploy:
#   bootstrap/init-stacks.sh [--secrets-provider PROVIDER] [STACK...]      (STACK: dev prod by default)
# The deploy workflow never creates a stack (a passphrase stack's encryptionsalt, which `pulumi stack init`
# writes into Pulumi.<stack>.yaml, would be lost with the runner); it stops and points here instead.
# A stack that exists already is left alone. When stack init wrote secrets settings into Pulumi.<stack>.yaml
# (encryptionsalt, or a KMS provider's key), commit that file.
# Needs the Pulumi CLI logged in (`pulumi login` or `pulumi login s3://BUCKET`) and, for a passphrase stack,
# PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE): the one the environment's deploys will use.
set -euo pipefail

fail() {
  echo "init-stacks.sh: $*" >&2
  exit 1
}

secrets_provider=""
stacks=()
while (($# > 0)); do
  case "$1" in
    --secrets-provider)
      (($# > 1)) || fail "--secrets-provider needs a value: passphrase, awskms://..., or another pulumi stack init provider"
      secrets_provider="$2"
      shift 2
      ;;
    -h | --help)
      sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*) fail "unknown option $1; allowed: --secrets-provider PROVIDER, then stack names" ;;
    *)
      stacks+=("$1")
      shift
      ;;
  esac
done
((${#stacks[@]} > 0)) || stacks=(dev prod)

project_dir="$(cd "$(dirname "$0")/.." && pwd)"
cd "$project_dir"

command -v pulumi > /dev/null || fail "the Pulumi CLI is not on PATH; install it: https://www.pulumi.com/docs/iac/download-install/"
backend_url="$(pulumi whoami --json --non-interactive 2> /dev/null | sed -n 's/.*"url": *"\([^"]*\)".*/\1/p')" ||
  true
[[ -n "$backend_url" ]] || fail "not logged in to a Pulumi backend; run pulumi login (Pulumi Cloud) or pulumi login s3://BUCKET"

for stack in "${stacks[@]}"; do
  [[ "$stack" =~ ^[a-z0-9][a-z0-9-]*$ ]] || fail "stack name $stack; allowed: lowercase letters, digits and dashes"
  [[ -f "Pulumi.$stack.yaml" ]] || fail "stack $stack has no Pulumi.$stack.yaml in $project_dir; allowed: the stacks of this repository"
done

# The DIY backends default to the passphrase provider, which needs the passphrase now and in every deploy.
uses_passphrase() {
  [[ "$secrets_provider" == passphrase ]] || { [[ -z "$secrets_provider" ]] && [[ ! "$backend_url" =~ ^https:// ]]; }
}

created=()
for stack in "${stacks[@]}"; do
  if pulumi stack select --non-interactive "$stack" > /dev/null 2>&1; then
    echo "Stack $stack exists in $backend_url: left as it is."
    continue
  fi
  if uses_passphrase && [[ -z "${PULUMI_CONFIG_PASSPHRASE:-}" && -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]]; then
    fail "stack $stack would be encrypted with a passphrase; set PULUMI_CONFIG_PASSPHRASE (the one its deploys use)"
  fi
  echo "Creating stack $stack in $backend_url..."
  pulumi stack init --non-interactive "$stack" ${secrets_provider:+--secrets-provider "$secrets_provider"}
  created+=("$stack")
done

to_commit=()
for stack in "${created[@]}"; do
  if grep -qE '^(encryptionsalt|encryptedkey|secretsprovider):' "Pulumi.$stack.yaml"; then
    to_commit+=("Pulumi.$stack.yaml")
  fi
done
if ((${#to_commit[@]} > 0)); then
  echo "Commit ${to_commit[*]}: the deploys need the secrets settings stack init wrote there."
fi
echo "Stacks ready: ${stacks[*]}."
