#!/usr/bin/env bash
# Times `llmspell run examples/hello.lua` (and .js, .tengo) as whole processes: what a user waits for,
# start-up included. Uses hyperfine when installed, else a plain loop. Usage: bench/hello-process.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
dotnet build src/Cli --configuration Release --nologo -v quiet
root=$(pwd)
cli="dotnet $root/src/Cli/bin/Release/net10.0/llmspell.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for spell in hello.lua hello.js hello.tengo; do
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs "$runs" --style basic "$cli run $root/examples/$spell"
  else
    $cli run "$root/examples/$spell" >/dev/null 2>&1   # warm-up
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do $cli run "$root/examples/$spell" >/dev/null 2>&1; done
    end=$(date +%s%N)
    echo "$spell: $(( (end - start) / runs / 1000000 )) ms per run (mean of $runs)"
  fi
done
