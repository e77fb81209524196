#!/usr/bin/env bash
# Time of `oncall swap` (and `undo`, `history`) in a repository with a long
# history: 10,000 commits that each changed the schedule directory.
#
#   bash bench/history.sh            # COMMITS=10000 RUNS=10 by default
#
# Builds the history with `git fast-import` (seconds), then times the
# release binary with hyperfine, resetting the branch before each run.
set -euo pipefail
cd "$(dirname "$0")/.."

COMMITS="${COMMITS:-10000}"
RUNS="${RUNS:-10}"
cargo build --release --quiet --bin oncall
BIN="$PWD/target/release/oncall"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/oncall-history.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 ONCALL_NOW=2026-12-03T17:00:00Z TZ=Europe/Prague NO_COLOR=1
mkdir -p "$HOME" "$WORK/repo"
git config --global user.name Bench
git config --global user.email bench@example.com
cd "$WORK/repo"
git init -q -b main

people='[alice]
name = "Alice"
email = "alice@example.com"

[bob]
name = "Bob"
email = "bob@example.com"

[carol]
name = "Carol"
email = "carol@example.com"
'
team() {
  printf '# revision %s\nname = "Team"\ntimezone = "Europe/Prague"\n\n[[layers]]\nname = "weekly"\nstart = 2026-11-30T09:00:00\nrotation = "1w"\nmembers = ["alice", "bob", "carol"]\n' "$1"
}

echo "== building a history of $COMMITS commits"
{
  for ((i = 1; i <= COMMITS; i++)); do
    t=$(team "$i")
    echo "commit refs/heads/main"
    echo "committer Bench <bench@example.com> $((1700000000 + i)) +0000"
    echo "data 12"
    printf 'revision %5d' "$i" | head -c 12
    echo
    if [ "$i" -eq 1 ]; then
      echo "M 100644 inline people.toml"
      echo "data ${#people}"
      printf '%s\n' "$people"
    fi
    echo "M 100644 inline team.toml"
    echo "data ${#t}"
    printf '%s\n' "$t"
  done
} | git fast-import --quiet
git reset -q --hard main
git rev-list --count HEAD
BASE=$(git rev-parse HEAD)

SWAP="$BIN swap team --as bob --mine 2026-12-08 --theirs 2026-12-15"
if command -v hyperfine >/dev/null; then
  hyperfine -N --runs "$RUNS" --prepare "git reset -q --hard $BASE" "$SWAP" \
    --export-markdown "$WORK/swap.md" >/dev/null
  git reset -q --hard "$BASE"; $SWAP >/dev/null
  hyperfine -N --runs "$RUNS" --prepare "git reset -q --hard $(git rev-parse HEAD)" "$BIN undo" \
    --export-markdown "$WORK/undo.md" >/dev/null
  hyperfine -N --runs "$RUNS" "$BIN history --limit 20" --export-markdown "$WORK/history.md" >/dev/null
  cat "$WORK/swap.md"; tail -n 1 "$WORK/undo.md"; tail -n 1 "$WORK/history.md"
else
  for cmd in "$SWAP"; do
    start=$(date +%s%N)
    for ((r = 0; r < RUNS; r++)); do git reset -q --hard "$BASE"; $cmd >/dev/null; done
    echo "$cmd: $(( ($(date +%s%N) - start) / RUNS / 1000000 )) ms per run (including git reset)"
  done
fi
