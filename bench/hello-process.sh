#!/usr/bin/env bash
# Times `llmspell run examples/hello.{lua,js,tengo}` as whole processes — what a user waits for,
# start-up included — for the JIT build and the ReadyToRun publish side by side in one run
# (alternating, so machine noise hits both alike): median wall time and peak RSS of each, with the
# seed's start-up targets beside them. Needs GNU time (/usr/bin/time).
# Usage: bench/hello-process.sh [runs, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
root=$(pwd)
[ -x /usr/bin/time ] || { echo "bench/hello-process.sh needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/Cli --configuration Release --nologo -v quiet >/dev/null
dotnet publish src/Cli --configuration Release --nologo -v quiet \
  -o "$work/r2r" >/dev/null   # ReadyToRun: the project publishes so
declare -A build=([jit]="$root/src/Cli/bin/Release/net10.0/llmspell" [r2r]="$work/r2r/llmspell")
declare -A target=([hello.lua]="10 ms / 10 MB" [hello.js]="50 ms / 50 MB" [hello.tengo]="5 ms / 20 MB")

cd "$work"
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf '%-12s %-4s %10s %10s   %s\n' spell build "median ms" "peak MB" "seed target"
for spell in hello.lua hello.js hello.tengo; do
  for kind in jit r2r; do "${build[$kind]}" run "$root/examples/$spell" >/dev/null 2>&1; done   # warm the disk cache
  for kind in jit r2r; do : >"$work/$kind.$spell"; done
  for _ in $(seq "$runs"); do
    for kind in jit r2r; do
      /usr/bin/time -f '%e %M' -o "$work/t" "${build[$kind]}" run "$root/examples/$spell" >/dev/null 2>&1
      cat "$work/t" >>"$work/$kind.$spell"
    done
  done
  for kind in jit r2r; do
    ms=$(awk '{ print $1 * 1000 }' "$work/$kind.$spell" | median)
    mb=$(awk '{ if ($2 > m) m = $2 } END { printf "%.1f", m / 1024 }' "$work/$kind.$spell")
    printf '%-12s %-4s %10s %10s   %s\n' "$spell" "$kind" "$ms" "$mb" "${target[$spell]}"
  done
done
