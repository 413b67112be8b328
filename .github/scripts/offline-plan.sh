#!/usr/bin/env bash
# Writes the pull-request comment that shows, for each stack, what the change
# alters in the offline plan (`npm run plan -- <stack> --diff`): the change in
# monthly cost first, then any change to what is public or to IAM, then the
# changed resources and a line per check, with the unchanged cost table and
# security posture folded away. What the plan is, is said once, here. The full
# plan of each stack (diagram, resources, every section) is written beside the
# comment as plan-<stack>.md, for the workflow to upload.
#
# Usage: offline-plan.sh BASE_DIR HEAD_DIR OUT_DIR
#   BASE_DIR, HEAD_DIR  checkouts of the base branch and of the pull request
#   OUT_DIR             receives comment.md, plan-<stack>.md and the plan files
# Optional environment: BASE_SHA, HEAD_SHA (named in the comment), BASE_REF
# (the base branch's name: the plans call the base "<BASE_REF> @ <sha>").
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
if [[ -n ${BASE_SHA:-} ]]; then
  base_label="${BASE_REF:-base} @ ${BASE_SHA:0:12}"
else
  base_label="${BASE_REF:-the base branch}"
fi

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
if install_dependencies "$base_dir"; then
  base_ready=true
fi
install_dependencies "$head_dir"

failed=0
{
  echo "## Offline plan"
  echo
  echo "What the Pulumi program declares for each stack, run offline under the same mocks as the unit tests," \
    "for \`${HEAD_SHA:-the pull request}\` against \`$base_label\`." \
    "This is not a cloud diff: it needs no credentials and knows nothing of the deployed state;" \
    "IDs, ARNs and digests come from the mocks. Monthly costs are on-demand list prices from the" \
    "repository's price table with the documented usage assumptions (docs/cost.md), both sides priced alike." \
    "Replacements and new deployments are flagged from a table that approximates the providers'" \
    "(tools/plan/diff/replacements.ts); the provider decides in a real preview." \
    "The full plans (diagram, resources and every section) are the \`plan-<stack>.md\` files of the run's" \
    "\`offline-plan-full\` artifact."
} > "$comment"

for stack in "${stacks[@]}"; do
  diff_args=()
  if [[ $base_ready == true ]]; then
    if (cd "$base_dir" && npm run --silent plan -- "$stack" --json "$out_dir/base-$stack.json") > "$out_dir/base-$stack.log" 2>&1; then
      diff_args=(--diff "$out_dir/base-$stack.json" --base-label "$base_label")
    else
      cat "$out_dir/base-$stack.log" >&2
    fi
  fi

  status=0
  (cd "$head_dir" && npm run --silent plan -- "$stack" "${diff_args[@]}" --markdown "$out_dir/$stack.md") \
    > "$out_dir/$stack.out" 2> "$out_dir/$stack.err" || status=$?
  # The job log keeps the full text that the comment may cut.
  cat "$out_dir/$stack.out" "$out_dir/$stack.err"
  # The whole plan, for the reviewer who wants the context the comment leaves out (uploaded beside it).
  (cd "$head_dir" && npm run --silent plan -- "$stack" --markdown "$out_dir/plan-$stack.md") > /dev/null 2>&1 || true

  {
    echo
    case "$status:${#diff_args[@]}" in
      0:0) echo "### \`$stack\`: full plan (the plan of \`$base_label\` failed: its log is in the job log)" ;;
      0:* | 2:*) ;; # The Markdown part names the stack and the base in its own heading.
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
    # Cutting the Markdown could leave a <details> block open and swallow the rest of the comment, so a
    # part too long for its share falls back to the plain list of changes.
    if [[ ($status == 0 || $status == 2 || $status == 3) && -s "$out_dir/$stack.md" ]]; then
      if (($(wc -c < "$out_dir/$stack.md") <= max_block_chars)); then
        cat "$out_dir/$stack.md"
      else
        echo "### \`$stack\`: too long for its share of one comment; the job log holds what the plan prints"
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
