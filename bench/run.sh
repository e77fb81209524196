#!/usr/bin/env bash
# End-to-end timings of the release `oncall` binary on a large generated
# schedule directory (500 schedules x 3 layers x 8 members, 2,000 overrides,
# rotations started ten years before "now").
#
#   bash bench/run.sh                  # 20 runs of each command
#   RUNS=50 bash bench/run.sh
#   KEEP=1 bash bench/run.sh           # keep the generated directory
#   NO_INSTALL=1 bash bench/run.sh     # never apt-get install hyperfine
#
# Uses hyperfine when it is installed (or can be installed with apt-get, as
# root); otherwise a plain loop timed with `date +%s%N`. The time to read and
# parse the files alone is not a command of its own: see the `load` figure of
# `cargo bench --bench oncall` (bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-20}"
export ONCALL_NOW=2026-12-03T17:00:00Z
export NO_COLOR=1
export TZ=UTC

echo "== building (release): oncall, example gen_large"
cargo build --release --quiet --bin oncall --example gen_large
BIN="$PWD/target/release/oncall"
GEN="$PWD/target/release/examples/gen_large"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/oncall-bench.XXXXXX")"
if [ -z "${KEEP:-}" ]; then
  trap 'rm -rf "$WORK"' EXIT
fi
DIR="$WORK/large"
"$GEN" "$DIR"
echo "   $(find "$DIR" -name '*.toml' | wc -l) files, $(du -sh "$DIR" | cut -f1) on disk"

# Sanity: the directory loads without errors and every command works.
"$BIN" --repo "$DIR" validate --horizon 90d >/dev/null 2>&1 || {
  echo "validate failed on the generated directory:" >&2
  "$BIN" --repo "$DIR" validate --horizon 90d 2>&1 | grep -m5 -A5 '^error' >&2
  exit 1
}

# name|command; output goes to /dev/null (hyperfine does that too).
CMDS=(
  "startup (oncall --version)|$BIN --version"
  "who|$BIN --repo $DIR who"
  "who --json|$BIN --repo $DIR who --json"
  "shifts team00/svc000 --to +90d|$BIN --repo $DIR shifts team00/svc000 --to +90d"
  "validate --horizon 90d|$BIN --repo $DIR validate --horizon 90d"
)

if ! command -v hyperfine >/dev/null 2>&1 && [ -z "${NO_INSTALL:-}" ] \
  && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing hyperfine with apt-get"
  apt-get install -y -qq hyperfine >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1; } \
    || echo "   (could not install hyperfine; timing with a plain loop)"
fi

echo "== timing, $RUNS runs each (ONCALL_NOW=$ONCALL_NOW)"
if command -v hyperfine >/dev/null 2>&1; then
  args=()
  for c in "${CMDS[@]}"; do
    args+=(-n "${c%%|*}" "${c#*|}")
  done
  # -N: no intermediate shell; commands that exit non-zero (validate with
  # warnings only exits 0, but be safe) still count.
  hyperfine -N --style basic --warmup 3 --runs "$RUNS" -i \
    --export-markdown "$WORK/results.md" "${args[@]}" >"$WORK/hyperfine.log" 2>&1 || {
    cat "$WORK/hyperfine.log" >&2
    exit 1
  }
  echo
  cat "$WORK/results.md"
else
  echo
  printf '| %-32s | %12s |\n' "Command" "Mean [ms]"
  printf '|:%s|%s:|\n' "$(printf -- '-%.0s' {1..33})" "$(printf -- '-%.0s' {1..13})"
  for c in "${CMDS[@]}"; do
    name="${c%%|*}"
    read -r -a cmd <<<"${c#*|}"
    "${cmd[@]}" >/dev/null 2>&1 || true # warm-up
    total=0
    for _ in $(seq "$RUNS"); do
      t0=$(date +%s%N)
      "${cmd[@]}" >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      total=$((total + t1 - t0))
    done
    printf '| %-32s | %12s |\n' "$name" \
      "$(awk -v t="$total" -v n="$RUNS" 'BEGIN { printf "%.1f", t / n / 1e6 }')"
  done
fi
if [ -n "${KEEP:-}" ]; then
  echo
  echo "kept: $DIR"
fi
