#!/usr/bin/env bash
# Corpus benchmark of `idlint check`. Usage: scripts/bench.sh [runs]
#
# Sections (all by default; choose with BENCH_ONLY="corpus latency scaling memory"):
#   corpus   the whole corpus and its ARM and Terraform halves: files/s, MB/s,
#            wall time and peak RSS of a full check, and the per-phase thread
#            time that `--stats` prints for that same run (idlint has no flag
#            to stop after parsing or after the model, so the phases are the
#            full run's own breakdown, not separate runs);
#   latency  the single-file latency a pre-commit hook sees (process start to
#            exit, median of 20) for a small Terraform file and two AVM main.json;
#   scaling  the same full check over corpora of 1x/4x/16x the files, made by
#            scripts/gen-corpus.py (cached in $BENCH_GEN_DIR), with the growth
#            of time and peak RSS and the 200 MiB RSS budget at >= 50,000 files;
#   memory   at the largest scale, what the peak RSS depends on: report format
#            (json vs human), rule selection (all vs MID004), threads, and the
#            ARM and Terraform parts alone.
#
# Wall time and peak RSS come from `/usr/bin/time -v` ("Maximum resident set
# size"); files and MB from `--stats`. Each number is the median of the runs
# (peak RSS: the maximum). Before every run the script waits until no other
# process uses the CPU (sampled from /proc/stat), and after it compares the
# machine's busy CPU time with idlint's own: a run disturbed by another process
# is discarded and repeated. Rows are printed as Markdown tables.
#
# Environment: IDLINT_CORPUS (default ../shared/corpus), IDLINT_BIN (use this
# binary instead of building target/release/idlint), BENCH_SCALES ("1 4 16"),
# BENCH_SCALE_RUNS (3), BENCH_GEN_DIR (target/bench-corpus), BENCH_IDLE_LOAD
# (0.3: load average to wait for before starting), BENCH_IDLE_MAX_WAIT (1800 s
# at most for that), BENCH_NO_WAIT=1 (measure
# even on a busy machine; the numbers are then not comparable).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
corpus="${IDLINT_CORPUS:-../shared/corpus}"
only="${BENCH_ONLY:-corpus latency scaling memory}"
scales="${BENCH_SCALES-1 4 16}"
scale_runs="${BENCH_SCALE_RUNS:-3}"
gen_dir="${BENCH_GEN_DIR:-target/bench-corpus}"
idle_load="${BENCH_IDLE_LOAD:-0.3}"
no_wait="${BENCH_NO_WAIT:-0}"
if [ -n "${IDLINT_BIN:-}" ]; then
  bin="$IDLINT_BIN"
else
  cargo build --release --quiet
  bin=target/release/idlint
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hz=$(getconf CLK_TCK)
ncpu=$(nproc)

has() { case " $only " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
maxof() { sort -g | tail -1; }
# Busy and total jiffies of all CPUs.
cpu_jiffies() { awk '/^cpu /{b=$2+$3+$4+$7+$8+$9; print b, b+$5+$6}' /proc/stat; }
# Percent of all CPUs busy over $1 seconds.
cpu_busy_pct() {
  local b1 t1 b2 t2
  read -r b1 t1 < <(cpu_jiffies); sleep "$1"; read -r b2 t2 < <(cpu_jiffies)
  echo $(( 100 * (b2 - b1) / ((t2 - t1) > 0 ? (t2 - t1) : 1) ))
}
top_procs() { ps -eo pcpu,pid,comm --sort=-pcpu --no-headers | head -3 | awk '{printf "%s%s(%s) %s%%", (NR>1?", ":""), $3, $2, $1}'; }
# Waits for the 1-minute load average to fall below $idle_load, for at most
# $BENCH_IDLE_MAX_WAIT seconds; after that only the per-run checks guard the
# numbers (each run still starts on a quiet CPU and is repeated if disturbed).
wait_idle_load() {
  [ "$no_wait" = 1 ] && return 0
  local said=0 waited=0 max="${BENCH_IDLE_MAX_WAIT:-1800}"
  while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v m="$idle_load" 'BEGIN{exit !(l>=m)}'; do
    if [ "$said" = 0 ]; then echo "waiting for load average < $idle_load (now: $(cut -d' ' -f1-3 /proc/loadavg); top: $(top_procs))" >&2; said=1; fi
    if [ "$waited" -ge "$max" ]; then
      echo "- load average still $(cut -d' ' -f1-3 /proc/loadavg) after ${max}s (top: $(top_procs)): going on with the per-run quiet-CPU checks only"
      return 0
    fi
    sleep 15; waited=$((waited + 15))
  done
  echo "- load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%SZ) before the first run"
}
# Waits until other processes use less than 3% of the CPUs over 2 s.
wait_quiet() {
  [ "$no_wait" = 1 ] && return 0
  local said=0 b
  while b=$(cpu_busy_pct 2); [ "$b" -ge 3 ]; do
    if [ "$said" = 0 ]; then echo "waiting: CPU ${b}% busy (top: $(top_procs))" >&2; said=1; fi
    sleep 5
  done
}
secs() { awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }

# One measured run: sets r_wall r_rss_kb r_user r_sys r_other r_files r_mb r_read r_parse r_model r_rules r_exit
run_once() {
  local b1 t1 b2 t2
  wait_quiet
  read -r b1 t1 < <(cpu_jiffies)
  set +e
  /usr/bin/time -v -o "$tmp/time" "$bin" check "$@" --stats >/dev/null 2>"$tmp/err"
  set -e
  read -r b2 t2 < <(cpu_jiffies)
  r_exit=$(sed -n 's/^\s*Exit status: //p' "$tmp/time")
  r_wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time" | secs)
  r_rss_kb=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$tmp/time")
  r_user=$(sed -n 's/^\s*User time (seconds): //p' "$tmp/time")
  r_sys=$(sed -n 's/^\s*System time (seconds): //p' "$tmp/time")
  r_other=$(awk -v b=$((b2 - b1)) -v hz="$hz" -v u="$r_user" -v s="$r_sys" 'BEGIN{o=b/hz-u-s; printf "%.2f", (o<0?0:o)}')
  r_files=$(sed -n 's/^files: \([0-9]*\) scanned.*/\1/p' "$tmp/err")
  r_mb=$(sed -n 's/^bytes: \([0-9.]*\) MB/\1/p' "$tmp/err")
  read -r r_read r_parse r_model r_rules < <(sed -n 's/^cpu by phase: read \([0-9.]*\)s, parse \([0-9.]*\)s, model \([0-9.]*\)s, rules+report \([0-9.]*\)s/\1 \2 \3 \4/p' "$tmp/err")
  if [ -z "$r_files" ] || { [ "$r_exit" != 0 ] && [ "$r_exit" != 1 ] && [ "$r_exit" != 2 ]; }; then
    echo "idlint check $* failed (exit $r_exit):" >&2; tail -5 "$tmp/err" >&2; exit 1
  fi
}

table_head() {
  echo
  echo "| $1 | files | MB | wall s | files/s | MB/s | peak RSS MiB | user+sys s | read | parse | model | rules+report |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
}
# bench LABEL RUNS ARGS...: a table row; leaves m_wall m_rss_mib m_files m_mb.
bench() {
  local label="$1" n="$2"; shift 2
  local walls=() rsss=() cpus=() rd=() pa=() mo=() ru=() i tries
  for i in $(seq "$n"); do
    tries=0
    while :; do
      run_once "$@"
      # Another process used more than 0.25 s + 3% of the machine: do it again.
      if [ "$no_wait" = 1 ] || awk -v o="$r_other" -v w="$r_wall" -v c="$ncpu" 'BEGIN{exit !(o <= 0.25 + 0.03*w*c)}'; then break; fi
      tries=$((tries + 1))
      echo "  run disturbed ($r_other s of other CPU time during a ${r_wall}s run; top: $(top_procs)); repeating" >&2
      [ "$tries" -lt 5 ] || { echo "  giving up on a quiet run; keeping it" >&2; break; }
    done
    walls+=("$r_wall"); rsss+=("$r_rss_kb"); cpus+=("$(awk -v u="$r_user" -v s="$r_sys" 'BEGIN{print u+s}')")
    rd+=("$r_read"); pa+=("$r_parse"); mo+=("$r_model"); ru+=("$r_rules")
  done
  m_wall=$(printf '%s\n' "${walls[@]}" | median)
  m_rss_mib=$(printf '%s\n' "${rsss[@]}" | maxof | awk '{printf "%.1f", $1/1024}')
  m_files="$r_files"; m_mb="$r_mb"
  awk -v l="$label" -v f="$r_files" -v m="$r_mb" -v w="$m_wall" -v r="$m_rss_mib" \
    -v c="$(printf '%s\n' "${cpus[@]}" | median)" \
    -v a="$(printf '%s\n' "${rd[@]}" | median)" -v b="$(printf '%s\n' "${pa[@]}" | median)" \
    -v d="$(printf '%s\n' "${mo[@]}" | median)" -v e="$(printf '%s\n' "${ru[@]}" | median)" \
    'BEGIN { printf "| %s | %d | %.1f | %.2f | %.0f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", l, f, m, w, f/w, m/w, r, c, a, b, d, e }'
}

json=(--format json --output /dev/null)
arm_dirs=(quickstart-templates-2021 azurestack-quickstart bicep-registry-modules resourcemodules-carml)
tf_dirs=(terraform-azurerm-caf azurerm-provider-examples azure-terraform-samples)
bicep_dirs=(bicep-registry-modules resourcemodules-carml)

echo "# idlint benchmark"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); binary: $bin, built $(date -u -r "$bin" +%Y-%m-%dT%H:%MZ); work tree now at $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -n "$(git status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null)" ] && echo ' + uncommitted changes in src/')"
echo "- machine: $ncpu cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr); $(rustc --version 2>/dev/null || echo 'rustc ?')"
echo "- runs: $runs per corpus row and $scale_runs per scaling row (wall and phases: median; peak RSS: maximum); output: \`--format json --output /dev/null\` unless said"
echo "- phases (read, parse, model, rules+report) are thread-seconds summed over the worker threads, from \`--stats\` of the same full runs"
wait_idle_load

if has corpus; then
  table_head "corpus ($corpus)"
  bench all "$runs" "$corpus" "${json[@]}"
  bench ARM "$runs" "${arm_dirs[@]/#/$corpus/}" "${json[@]}"
  bench Terraform "$runs" "${tf_dirs[@]/#/$corpus/}" "${json[@]}"
  # The Bicep modules as source, and the same modules as the JSON Bicep
  # compiled from them: what reading Bicep costs against reading its output.
  bench "Bicep source" "$runs" "${bicep_dirs[@]/#/$corpus/}" "${json[@]}" --bicep source
  bench "Bicep, compiled JSON" "$runs" "${bicep_dirs[@]/#/$corpus/}" "${json[@]}" --bicep compiled
fi

if has latency; then
  echo
  echo "| single file (pre-commit: \`idlint check FILE --format concise\`) | bytes | median ms (20 runs) | min ms | max ms | peak RSS MiB |"
  echo "|---|---:|---:|---:|---:|---:|"
  for one in \
    "$corpus/azurerm-provider-examples/examples/web/static-site/main.tf" \
    "$corpus/bicep-registry-modules/avm/res/container-registry/registry/main.json" \
    "$corpus/bicep-registry-modules/avm/res/container-registry/registry/main.bicep" \
    "$corpus/bicep-registry-modules/avm/ptn/aca-lza/hosting-environment/main.json"; do
    [ -f "$one" ] || { echo "| ${one#"$corpus"/} (missing) | | | | | |"; continue; }
    "$bin" check "$one" --format concise >/dev/null 2>&1 || true   # warm the page cache
    times=()
    wait_quiet
    for _ in $(seq 20); do
      s=$EPOCHREALTIME; "$bin" check "$one" --format concise >/dev/null 2>&1 || true; e=$EPOCHREALTIME
      times+=("$(awk -v s="$s" -v e="$e" 'BEGIN{printf "%.2f", (e-s)*1000}')")
    done
    /usr/bin/time -v -o "$tmp/time" "$bin" check "$one" --format concise >/dev/null 2>&1 || true
    rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$tmp/time" | awk '{printf "%.1f", $1/1024}')
    printf '| %s | %d | %s | %s | %s | %s |\n' "${one#"$corpus"/}" "$(wc -c < "$one")" \
      "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${times[@]}" | sort -g | head -1)" \
      "$(printf '%s\n' "${times[@]}" | maxof)" "$rss"
  done
fi

# Generated corpora: made once, reused while the stamp (source, copies, seed) matches.
gen() {
  local n="$1" dir="$gen_dir/x$1" stamp
  stamp="$(cd "$corpus" && pwd) copies=$n seed=20240601"
  if [ ! -d "$dir" ] || [ "$(cat "$dir.stamp" 2>/dev/null)" != "$stamp" ]; then
    python3 scripts/gen-corpus.py "$dir" --copies "$n" --source "$corpus" --force >&2
    echo "$stamp" > "$dir.stamp"
  fi
  echo "$dir"
}

largest=""
if has scaling && [ -n "$scales" ]; then
  table_head "generated corpus (scripts/gen-corpus.py)"
  base_w="" base_r="" base_f=""
  declare -A sw sr sf
  for n in $scales; do
    dir=$(gen "$n")
    bench "${n}x" "$scale_runs" "$dir" "${json[@]}"
    sw[$n]=$m_wall; sr[$n]=$m_rss_mib; sf[$n]=$m_files
    [ -z "$base_w" ] && { base_w=$m_wall; base_r=$m_rss_mib; base_f=$m_files; base_n=$n; }
    largest=$n
  done
  echo
  echo "| scale | files | files vs ${base_n}x | wall vs ${base_n}x | wall per 1000 files s | peak RSS MiB | RSS vs ${base_n}x | RSS growth per extra 1000 files MiB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for n in $scales; do
    awk -v n="$n" -v f="${sf[$n]}" -v w="${sw[$n]}" -v r="${sr[$n]}" -v bf="$base_f" -v bw="$base_w" -v br="$base_r" \
      'BEGIN { g = (f > bf) ? sprintf("%.2f", (r-br)/((f-bf)/1000)) : "-";
               printf "| %sx | %d | %.2f | %.2f | %.3f | %.1f | %.2f | %s |\n", n, f, f/bf, w/bw, w/f*1000, r, r/br, g }'
  done
  echo
  f="${sf[$largest]}" r="${sr[$largest]}"
  if [ "$f" -ge 50000 ]; then
    awk -v f="$f" -v r="$r" 'BEGIN { if (r < 200) printf "RSS budget: PASS, %.1f MiB < 200 MiB on %d files\n", r, f;
                                     else printf "RSS budget: FAIL, %.1f MiB on %d files, %.1f MiB (%.0f%%) over 200 MiB\n", r, f, r-200, (r-200)/2 }'
  else
    echo "RSS budget: not checked (largest corpus has $f < 50,000 files)"
  fi
fi

if has memory && [ -n "$largest" ]; then
  dir="$gen_dir/x$largest"
  table_head "what peak RSS depends on (${largest}x, 1 run each)"
  bench "json, all rules (as above)" 1 "$dir" "${json[@]}"
  bench "human, all rules" 1 "$dir" --format human --output /dev/null
  bench "json, --select MID004" 1 "$dir" "${json[@]}" --select MID004
  bench "human, --select MID004" 1 "$dir" --format human --output /dev/null --select MID004
  bench "json, all rules, --threads 1" 1 "$dir" "${json[@]}" --threads 1
  shopt -s nullglob
  arm_paths=() tf_paths=()
  for d in "${arm_dirs[@]}"; do arm_paths+=("$dir"/copy-*/*-"$d"); done
  for d in "${tf_dirs[@]}"; do tf_paths+=("$dir"/copy-*/*-"$d"); done
  bench "json, all rules, ARM part" 1 "${arm_paths[@]}" "${json[@]}"
  bench "json, all rules, Terraform part" 1 "${tf_paths[@]}" "${json[@]}"
  "$bin" check "$dir" --format json --output "$tmp/report.json" >/dev/null 2>&1 || true
  python3 - "$tmp/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
files = {f["file"] for f in r["findings"]} | {e["file"] for e in r["errors"]}
print(f"\nreport at this scale: {s['findings']} findings in {len({f['file'] for f in r['findings']})} files, "
      f"{s['errors']} errors, {len(files)} distinct files referenced by findings or errors")
PY
fi
