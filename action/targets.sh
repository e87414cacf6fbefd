#!/usr/bin/env bash
# Which articles a pull request changes, for the composite action (see action.yml).
#
# Reads (environment): INPUT_PATHS (explicit targets, one per line; skips the diff),
# INPUT_ROOTS (folders that hold articles, one per line; default: INPUT_ARCHIVE, else "."),
# INPUT_EXCLUDE (file-name patterns that are never articles, one per line), BASE_REF (the pull
# request's base branch), RUNNER_TEMP, GITHUB_OUTPUT.
# Writes: $RUNNER_TEMP/checker-paths.txt (one target per line: the folder of each changed
# article, or the article itself when it lies directly in a root) and
# $RUNNER_TEMP/checker-changes.diff (the pull request's diff, for --only-changed); outputs
# list, diff and count.
set -euo pipefail

list="$RUNNER_TEMP/checker-paths.txt"
diff="$RUNNER_TEMP/checker-changes.diff"
: > "$list"
: > "$diff"

nonblank() { sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d'; }

if [ -n "${INPUT_PATHS:-}" ]; then
  printf '%s\n' "$INPUT_PATHS" | nonblank > "$list"
elif [ -n "${BASE_REF:-}" ]; then
  # On pull_request, HEAD is the merge commit, so its tree against the base branch's tip is
  # exactly what the pull request changes.
  git fetch --quiet --no-tags --depth=1 origin "+refs/heads/$BASE_REF:refs/remotes/origin/$BASE_REF"
  git diff --unified=0 --no-color --no-ext-diff "origin/$BASE_REF" HEAD > "$diff"

  roots="${INPUT_ROOTS:-}"
  [ -n "$(printf '%s' "$roots" | nonblank)" ] || roots="${INPUT_ARCHIVE:-.}"
  mapfile -t root_list < <(printf '%s\n' "$roots" | nonblank | sed -e 's#/*$##' -e 's#^\./##')
  mapfile -t excludes < <(printf '%s\n' "${INPUT_EXCLUDE:-}" | nonblank)

  git diff --name-only -z --diff-filter=d "origin/$BASE_REF" HEAD \
    | while IFS= read -r -d '' file; do
        case "${file,,}" in
          *.md | *.markdown | *.txt | *.html | *.htm) ;;
          *) continue ;;
        esac
        name="${file##*/}"
        skip=""
        for pattern in "${excludes[@]}"; do
          # shellcheck disable=SC2053  # a glob, on purpose
          if [[ "$name" == $pattern || "$file" == $pattern ]]; then skip=1; fi
        done
        [ -z "$skip" ] || continue
        folder="$(dirname -- "$file")"
        for root in "${root_list[@]}"; do
          if [ "$root" = "." ] || [ -z "$root" ]; then
            inside="$file"
          else
            case "$file" in
              "$root"/*) inside="${file#"$root"/}" ;;
              *) continue ;;
            esac
          fi
          # A file directly in a root is checked by itself; otherwise its whole folder.
          if [ "$inside" = "$name" ]; then echo "$file"; else echo "$folder"; fi
          break
        done
      done \
    | sort -u > "$list"
else
  echo "::error::not a pull request: give the action 'paths'"
  exit 2
fi

{
  echo "list=$list"
  echo "diff=$diff"
  echo "count=$(wc -l < "$list" | tr -d ' ')"
} >> "$GITHUB_OUTPUT"
