#!/usr/bin/env bash
# Times the Tengo workloads in bench/tengo as whole processes: `llmspell run` beside the Go
# reference's `tengo` binary when one is on PATH (or named by $TENGO), in the same run, so the two
# figures are comparable. Reports the best of N runs, wall and CPU (user + system) seconds.
# Usage: bench/tengo-process.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet build src/Cli --configuration Release --nologo -v quiet
root=$(pwd)
llmspell=(dotnet "$root/src/Cli/bin/Release/net10.0/llmspell.dll" run --max-instructions 100_000_000_000 --memory 1024 --timeout 600)
tengo=${TENGO:-$(command -v tengo || true)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Best wall and CPU seconds of $runs runs of the command; its output must match the first run's.
best() {
  local best_wall="" best_cpu="" expected="" out
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f '%e %U %S' "$@" >"$work/out" 2>/dev/null
    out=$(tail -1 "$work/time")
    [[ -z $expected ]] && expected=$(cat "$work/out")
    [[ $(cat "$work/out") == "$expected" ]] || { echo "output changed between runs: $*" >&2; exit 1; }
    read -r wall user sys <<<"$out"
    cpu=$(printf "%.2f" "$(echo "$user + $sys" | bc)")
    if [[ -z $best_wall ]] || (( $(echo "$wall < $best_wall" | bc) )); then best_wall=$wall; best_cpu=$cpu; fi
  done
  printf '%8s s wall %8s s cpu   %s' "$best_wall" "$best_cpu" "$(head -c 40 "$work/out" | tr '\n' ' ')"
}

for script in "$root"/bench/tengo/*.tengo; do
  name=$(basename "$script" .tengo)
  echo "$name"
  echo "  llmspell: $(best "${llmspell[@]}" "$script")"
  if [[ -n $tengo ]]; then
    echo "  go tengo: $(best "$tengo" "$script")"
  fi
done
[[ -n $tengo ]] || echo "(no 'tengo' binary on PATH and \$TENGO unset: the Go reference was not timed)"
