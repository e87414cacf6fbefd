#!/usr/bin/env bash
# Run the checker on the targets of targets.sh, for the composite action (see action.yml).
#
# Reads (environment): LIST, DIFF (from targets.sh), INPUT_ARCHIVE, INPUT_FAIL_ON,
# INPUT_BASELINE, INPUT_FACTS, INPUT_CONFIG, INPUT_EXCLUDE, INPUT_ARGS (extra arguments,
# separated by blanks or newlines), INPUT_SARIF ("true": also write SARIF), INPUT_ANNOTATE
# ("changed": annotate only findings on changed lines; "all"), LINK_BASE, RUNNER_TEMP,
# GITHUB_OUTPUT.
# Writes the Markdown report (every finding) and, when asked, the SARIF log; prints GitHub
# annotations; outputs report, sarif and exit-code. Exits 2 on a usage error, else 0: the
# action's last step applies fail-on.
set -euo pipefail

mapfile -t targets < "$LIST"
report="$RUNNER_TEMP/checker-report.md"
echo "report=$report" >> "$GITHUB_OUTPUT"

options=()
[ -z "${INPUT_ARCHIVE:-}" ] || options+=(--against "$INPUT_ARCHIVE")
[ -z "${INPUT_BASELINE:-}" ] || options+=(--baseline "$INPUT_BASELINE")
[ -z "${INPUT_FACTS:-}" ] || options+=(--facts "$INPUT_FACTS")
[ -z "${INPUT_CONFIG:-}" ] || options+=(--config "$INPUT_CONFIG")
while IFS= read -r pattern; do
  [ -z "$pattern" ] || options+=(--exclude "$pattern")
done < <(printf '%s\n' "${INPUT_EXCLUDE:-}" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')
read -r -d '' -a extra < <(printf '%s\0' "${INPUT_ARGS:-}") || true
options+=("${extra[@]}")

# The Markdown report lists every finding and never fails the step by itself
# (--fail-on never); a usage error (exit 2) does.
checker check "${targets[@]}" "${options[@]}" --format markdown --output "$report" \
  --fail-on never --link-base "${LINK_BASE:-}"

if [ "${INPUT_SARIF:-false}" = "true" ]; then
  sarif="$RUNNER_TEMP/checker.sarif"
  checker check "${targets[@]}" "${options[@]}" --format sarif --output "$sarif" --fail-on never
  echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
fi

# Annotations on the pull request's diff; this run's exit code applies fail-on.
only=()
if [ "${INPUT_ANNOTATE:-changed}" = "changed" ] && [ -s "${DIFF:-}" ]; then
  only=(--only-changed "$DIFF")
fi
set +e
checker check "${targets[@]}" "${options[@]}" "${only[@]}" --format github \
  --fail-on "${INPUT_FAIL_ON:-error}"
status=$?
set -e
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
if [ "$status" -eq 2 ]; then exit 2; fi
