#!/usr/bin/env bash
# End-to-end check of the REPL as a person meets it: starts ramp in a detached tmux session,
# types a definition, a derivative, a plot, a mistake and :quit, and checks the screen after each.
#
#   scripts/e2e/repl.sh             # runs ./ramp (which builds the jar when sources changed)
#   RAMP_CMD='java -cp ... dev.ramp.cli.Main' scripts/e2e/repl.sh   # any other way to start ramp
#
# Exits 0 when every check passes, or (with a message) when tmux is not installed; 1 on a failed
# check, after printing the screen. History goes to a temporary file, never to ~/.ramp_history.
set -euo pipefail

if ! command -v tmux >/dev/null 2>&1; then
  echo "skipped: tmux not available"
  exit 0
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cmd="${RAMP_CMD:-$root/ramp}"
session="ramp-e2e-$$"
work="$(mktemp -d)"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ -z "${RAMP_CMD:-}" ]; then
  "$root/ramp" --version >/dev/null  # build outside tmux, so the waits below time the REPL only
fi

screen() { tmux capture-pane -p -J -t "$session" -S -200; }

fail() {
  echo "e2e: FAILED: $1" >&2
  echo "----- screen -----" >&2
  screen >&2 || true
  echo "------------------" >&2
  exit 1
}

# Waits (up to $2 seconds, default 10) until the screen contains the fixed string $1.
expect() {
  local deadline=$((SECONDS + ${2:-10}))
  until screen | grep -qF -- "$1"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "expected to see: $1"
    sleep 0.1
  done
}

# Types a line as keystrokes (literally), then Enter.
type_line() {
  tmux send-keys -t "$session" -l -- "$1"
  tmux send-keys -t "$session" Enter
}

tmux new-session -d -s "$session" -x 110 -y 60 \
  "cd '$work' && RAMP_HISTORY='$work/history' $cmd; echo '[ramp exited with' \$? ']'; sleep 30"

expect "ramp> " 30

type_line "f(x; a = 2) = x * sigmoid(a * x)"
expect "defined f(x; a = 2)"

type_line ":d f"
expect "sigmoid(a * x) + a * x * sigmoid(a * x) * (1 - sigmoid(a * x))"

type_line ":plot f -3 3 --order 0,1 --out f.svg"
expect "wrote f.svg"
screen | grep -qF "f'(x)" || fail "the plot's legend names f'(x)"
screen | grep -F '│' | grep -qF -e '⣀' -e '⠉' -e '⠒' || fail "the plot is drawn with braille dots"
screen | grep -qF -- "-3" || fail "the x axis has tick labels"
grep -q '<path' "$work/f.svg" || fail "f.svg has the curves as paths"

type_line "g(x) = x * tanhh(x)"
expect "unknown function 'tanhh'"
expect "hint: did you mean 'tanh'?"

type_line "f(1)"
expect "0.8807970779778"   # the session survived the mistake: 1 * sigmoid(2)

type_line ":quit"
expect "[ramp exited with 0 ]"
[ -s "$work/history" ] || fail "the history file was written"
grep -qF ":d f" "$work/history" || fail "the history holds what was typed"

echo "e2e: REPL ok (definition, :d, :plot, error recovery, :quit, history)"
