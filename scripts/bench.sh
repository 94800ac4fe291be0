#!/usr/bin/env bash
# Corpus benchmark: files/s and MB/s of a full `idlint check`, median of N
# runs, for the whole corpus and its ARM and Terraform halves, plus the
# single-file latency a pre-commit hook sees. Usage: scripts/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
corpus="${IDLINT_CORPUS:-../shared/corpus}"
cargo build --release --quiet
bin=target/release/idlint

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

bench() {
  local label="$1"; shift
  local walls=() files="" mb=""
  for _ in $(seq "$runs"); do
    local stats
    stats=$("$bin" check "$@" --format json --output /dev/null --stats 2>&1 >/dev/null || true)
    walls+=("$(echo "$stats" | sed -n 's/^wall: \([0-9.]*\)s.*/\1/p')")
    files=$(echo "$stats" | sed -n 's/^files: \([0-9]*\) scanned.*/\1/p')
    mb=$(echo "$stats" | sed -n 's/^bytes: \([0-9.]*\) MB/\1/p')
  done
  local wall
  wall=$(printf '%s\n' "${walls[@]}" | median)
  awk -v l="$label" -v f="$files" -v m="$mb" -v w="$wall" \
    'BEGIN { printf "%-10s %6d files %7.1f MB  %6.3fs  %7.0f files/s  %6.1f MB/s\n", l, f, m, w, f/w, m/w }'
}

echo "machine: $(nproc) cores, $(uname -m); runs: $runs (median)"
bench all "$corpus"
bench arm "$corpus/quickstart-templates-2021" "$corpus/azurestack-quickstart" "$corpus/bicep-registry-modules" "$corpus/resourcemodules-carml"
bench terraform "$corpus/terraform-azurerm-caf" "$corpus/azurerm-provider-examples" "$corpus/azure-terraform-samples"

one="$corpus/bicep-registry-modules/avm/res/container-registry/registry/main.json"
times=()
for _ in $(seq 20); do
  s=$(date +%s%N); "$bin" check "$one" --format concise >/dev/null 2>&1 || true; e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
echo "single file (pre-commit, $(basename "$(dirname "$one")")/main.json): median $(printf '%s\n' "${times[@]}" | median) µs over 20 runs"
