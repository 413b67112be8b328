#!/usr/bin/env bash
# Writes the pull-request comment that shows, for each stack, what the change
# alters in the offline plan (`npm run plan -- <stack> --diff`) and the whole
# plan with its diagram (`--markdown`).
#
# Usage: offline-plan.sh BASE_DIR HEAD_DIR OUT_DIR
#   BASE_DIR, HEAD_DIR  checkouts of the base branch and of the pull request
#   OUT_DIR             receives comment.md and the plan files
# Optional environment: BASE_SHA, HEAD_SHA (named in the comment).
#
# Exits 1 when a plan of the pull request fails, or when the policy pack
# refuses it (plan exit status 3); comment.md is written first, so the error
# reaches the pull request too.
set -euo pipefail

readonly stacks=(dev prod)
# Two stacks with their headings fit in one 65,536-character comment.
readonly max_block_chars=30000

if [[ $# -ne 3 ]]; then
  echo "usage: offline-plan.sh BASE_DIR HEAD_DIR OUT_DIR" >&2
  exit 1
fi
base_dir=$1
head_dir=$2
out_dir=$3
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)
comment="$out_dir/comment.md"

# The base branch predates the plan command in the pull request that adds it.
has_plan_command() {
  [[ -f "$1/package.json" && -f "$1/package-lock.json" ]] &&
    node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.exit(p.scripts && p.scripts.plan ? 0 : 1)' "$1/package.json"
}

install_dependencies() {
  (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
}

# Prints at most max_block_chars of a file, saying when it cut.
clip() {
  local size
  size=$(wc -c < "$1")
  head -c "$max_block_chars" "$1"
  if ((size > max_block_chars)); then
    printf '\n[cut at %d of %d characters: the full text is in the job log]\n' "$max_block_chars" "$size"
  fi
}

# A fence that output containing ``` cannot close early.
fenced() {
  printf '~~~~%s\n' "$1"
  clip "$2"
  printf '\n~~~~\n'
}

base_ready=false
if has_plan_command "$base_dir" && install_dependencies "$base_dir"; then
  base_ready=true
fi
install_dependencies "$head_dir"

failed=0
{
  echo "## Offline plan"
  echo
  echo "What the Pulumi program declares for each stack, run offline under the same mocks as the unit tests" \
    "for \`${HEAD_SHA:-the pull request}\` against the base \`${BASE_SHA:-branch}\`." \
    "This is not a cloud diff: it needs no credentials and knows nothing of the deployed state."
} > "$comment"

for stack in "${stacks[@]}"; do
  diff_args=()
  if [[ $base_ready == true ]] &&
    (cd "$base_dir" && npm run --silent plan -- "$stack" --json "$out_dir/base-$stack.json") > "$out_dir/base-$stack.log" 2>&1; then
    diff_args=(--diff "$out_dir/base-$stack.json")
  fi

  status=0
  (cd "$head_dir" && npm run --silent plan -- "$stack" "${diff_args[@]}" --markdown "$out_dir/$stack.md") \
    > "$out_dir/$stack.out" 2> "$out_dir/$stack.err" || status=$?
  # The job log keeps the full text that the comment may cut.
  cat "$out_dir/$stack.out" "$out_dir/$stack.err"

  {
    echo
    case "$status:${#diff_args[@]}" in
      0:2) echo "### \`$stack\`: no change against the base branch" ;;
      2:*) echo "### \`$stack\`: changes against the base branch" ;;
      0:0) echo "### \`$stack\`: full plan (the base branch has no plan to compare with)" ;;
      3:*)
        echo "### \`$stack\`: the policy pack refuses this change"
        echo
        fenced text "$out_dir/$stack.err"
        ;;
      *)
        echo "### \`$stack\`: the plan failed (exit status $status)"
        echo
        fenced text "$out_dir/$stack.err"
        ;;
    esac
    # The Markdown plan already leads with the changes (--diff), so it is shown whole. Cutting it could
    # leave a <details> block open and swallow the rest of the comment, so a plan too long for its
    # share falls back to the plain list of changes.
    if [[ ($status == 0 || $status == 2 || $status == 3) && -s "$out_dir/$stack.md" ]]; then
      echo
      if (($(wc -c < "$out_dir/$stack.md") <= max_block_chars)); then
        cat "$out_dir/$stack.md"
      else
        echo "The plan of \`$stack\` is too long for its share of one comment; the job log holds what it prints."
        if [[ $status == 2 ]]; then
          echo
          fenced text "$out_dir/$stack.out"
        fi
      fi
    fi
  } >> "$comment"

  if [[ $status != 0 && $status != 2 ]]; then
    echo "::error title=Offline plan of $stack failed::npm run plan -- $stack exited with status $status" >&2
    failed=1
  fi
done

exit "$failed"
