#!/usr/bin/env bash
# Scans ../shared/corpus (or $IDLINT_CORPUS) with the release binary and checks
# that it finishes without a panic, and that the only files with errors are the
# ones listed, with a reason, in testdata/corpus-known-invalid.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${IDLINT_CORPUS:-}"
if [ -z "$corpus" ]; then
  for c in ../shared/corpus "$(git rev-parse --show-toplevel 2>/dev/null)/../shared/corpus" /work/shared/corpus; do
    if [ -d "$c" ]; then corpus="$c"; break; fi
  done
fi
if [ -z "$corpus" ] || [ ! -d "$corpus" ]; then
  echo "WARNING: corpus not found (tried \$IDLINT_CORPUS, ../shared/corpus, /work/shared/corpus); corpus scan SKIPPED" >&2
  exit 0
fi
echo "corpus: $corpus"
bin=target/release/idlint
out=$(mktemp)
trap 'rm -f "$out"' EXIT
set +e
"$bin" check "$corpus" --format json --output "$out" --stats
code=$?
set -e
if [ "$code" -ne 0 ] && [ "$code" -ne 1 ] && [ "$code" -ne 2 ]; then
  echo "idlint exited with $code (crash?)" >&2
  exit 1
fi
python3 - "$out" "$corpus" testdata/corpus-known-invalid.txt <<'PY'
import json, os, sys
report = json.load(open(sys.argv[1]))
corpus = os.path.normpath(sys.argv[2])
known = {}
for line in open(sys.argv[3]):
    line = line.strip()
    if line and not line.startswith("#"):
        path, _, why = line.partition(" ")
        known[path] = why.strip()
def rel(f):
    return os.path.relpath(os.path.normpath(f), corpus).replace(os.sep, "/")
errored = sorted({rel(e["file"]) for e in report["errors"]})
s = report["summary"]
print(f"corpus: {s['discovered']} discovered, {s['files']} scanned, {s['skipped']} skipped, "
      f"{s['errors']} with errors, {s['findings']} findings")
assert s["discovered"] == s["files"] + s["skipped"] + s["failed"], "counts do not add up"
unexpected = [f for f in errored if f not in known]
stale = [f for f in known if f not in errored]
for f in unexpected:
    msgs = [e for e in report["errors"] if rel(e["file"]) == f]
    print(f"unexpected error in {f}: {msgs[0]}")
for f in stale:
    print(f"listed as invalid but loads cleanly now: {f}")
sys.exit(1 if unexpected or stale else 0)
PY

# Precision: every SEC finding has a hand-review verdict, and no reviewed
# finding vanished unnoticed (scripts/sec-review.py says how to update).
# Bicep sources are scanned by default; the JSON compiled from them is
# reviewed too (a second scan), so the review covers both.
compiled=$(mktemp)
"$bin" check "$corpus" --format json --output "$compiled" --bicep compiled --fail-on never > /dev/null
python3 scripts/sec-review.py "$out" "$compiled" "$corpus"
rm -f "$compiled"

# Bicep: the compiler as oracle. Each `.bicep` with the JSON `bicep build`
# wrote beside it gives the same resources and findings (>= 99% of pairs).
python3 scripts/bicep-oracle.py "$corpus" --bin "$bin" --show 20

# Determinism: one thread and eight give the same bytes, on a subset that
# has ARM, Bicep modules and Terraform module trees.
a=$(mktemp); b=$(mktemp)
subset=("$corpus/bicep-registry-modules/avm/res" "$corpus/terraform-azurerm-caf/modules" "$corpus/quickstart-templates-2021")
"$bin" check "${subset[@]}" --format json --threads 1 --output "$a" || true
"$bin" check "${subset[@]}" --format json --threads 8 --output "$b" || true
if ! cmp -s "$a" "$b"; then
  echo "determinism: --threads 1 and --threads 8 differ" >&2
  diff <(head -c 20000 "$a") <(head -c 20000 "$b") | head -20 >&2
  rm -f "$a" "$b"
  exit 1
fi
echo "determinism: --threads 1 and --threads 8 are byte-identical ($(wc -c < "$a") bytes)"
rm -f "$a" "$b"

# Fingerprints are unique per finding (a baseline entry hides exactly one),
# and four shards merged equal the one scan: sorted findings byte for byte,
# and the same summary.
sdir=$(mktemp -d)
for k in 1 2 3 4; do
  "$bin" check "$corpus" --format json --shard "$k/4" --output "$sdir/$k.json" --fail-on never
done
"$bin" merge "$sdir"/1.json "$sdir"/2.json "$sdir"/3.json "$sdir"/4.json --output "$sdir/merged.json"
python3 - "$out" "$sdir" <<'PY'
import collections, json, sys
full = json.load(open(sys.argv[1]))
shared = [fp for fp, n in collections.Counter(f["fingerprint"] for f in full["findings"]).items() if n > 1]
for fp in shared[:10]:
    print("fingerprint shared:", [f"{f['rule_id']} {f['file']}:{f['line']}" for f in full["findings"] if f["fingerprint"] == fp])
print(f"fingerprints: {len(full['findings'])} findings, {len(shared)} fingerprints shared")
lines = lambda r: sorted(json.dumps(f, sort_keys=True) for f in r["findings"])
parts = [json.load(open(f"{sys.argv[2]}/{k}.json")) for k in range(1, 5)]
merged = json.load(open(f"{sys.argv[2]}/merged.json"))
whole = lines(full)
unmerged = sorted(l for p in parts for l in lines(p))
ok = lines(merged) == whole and unmerged == whole and merged["summary"] == full["summary"]
print(f"shards: {[len(p['findings']) for p in parts]} findings in 4 shards, {len(merged['findings'])} merged, "
      f"{len(full['findings'])} in one scan: {'equal' if ok else 'DIFFERENT'}")
if not ok:
    a, b = collections.Counter(whole), collections.Counter(lines(merged))
    for l in list((a - b).elements())[:5]: print("  only in the scan:", l[:300])
    for l in list((b - a).elements())[:5]: print("  only in the shards:", l[:300])
    for k in full["summary"]:
        if merged["summary"].get(k) != full["summary"][k]:
            print(f"  summary {k}: scan {full['summary'][k]}, shards {merged['summary'].get(k)}")
sys.exit(1 if shared or not ok else 0)
PY
rm -rf "$sdir"

# Offline: the scan needs no network at all (run in a namespace without
# interfaces when the system allows it), and no networking crate is linked.
if unshare -n true 2>/dev/null; then
  unshare -n "$bin" check "$corpus" --format json --output /dev/null && rc=0 || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] && [ "$rc" -ne 2 ]; then
    echo "offline: the scan failed without a network (exit $rc)" >&2
    exit 1
  fi
  echo "offline: full corpus scanned in a network namespace with no interfaces (exit $rc)"
else
  echo "offline: unshare -n is not permitted here; network-namespace run skipped" >&2
fi
net=$(cargo tree -e normal --prefix none --format '{p}' 2>/dev/null | grep -iE '^(reqwest|hyper|ureq|curl|tokio|rustls|native-tls|openssl|h2|isahc|surf) ' || true)
if [ -n "$net" ]; then
  echo "offline: networking crates in the dependency tree:" >&2
  echo "$net" >&2
  exit 1
fi
echo "offline: no networking crate in the dependency tree"

# No silent drops: every ARM template an independent reader finds produced a
# model, with as many top-level resources as that reader counts.
units=$(mktemp)
"$bin" inspect "$corpus" --counts --bicep both > "$units" 2>/dev/null || true
python3 - "$units" "$corpus" testdata/corpus-known-invalid.txt <<'PY'
import json, os, re, sys
units = json.load(open(sys.argv[1]))
corpus = os.path.normpath(sys.argv[2])
known = {l.split(" ", 1)[0] for l in open(sys.argv[3]) if l.strip() and not l.startswith("#")}
def rel(f):
    return os.path.relpath(os.path.normpath(f), corpus).replace(os.sep, "/")
declared = {}
for u in units:
    declared.setdefault(rel(u["file"]), u["declarations"])
def loads(text):
    try:
        return json.loads(text)
    except ValueError:
        # ARM accepts comments and trailing commas; strip them for Python.
        out, i, n, in_str = [], 0, len(text), False
        while i < n:
            c = text[i]
            if in_str:
                out.append(c)
                if c == "\\":
                    out.append(text[i + 1:i + 2]); i += 1
                elif c == '"':
                    in_str = False
            elif c == '"':
                in_str = True; out.append(c)
            elif text.startswith("//", i):
                j = text.find("\n", i); i = n if j < 0 else j; continue
            elif text.startswith("/*", i):
                j = text.find("*/", i + 2); i = n if j < 0 else j + 2; continue
            else:
                out.append(c)
            i += 1
        return json.loads(re.sub(r",(\s*[}\]])", r"\1", "".join(out)))
templates = mismatched = missing = 0
for root, _, files in os.walk(corpus):
    for f in files:
        if not f.lower().endswith((".json", ".jsonc")):
            continue
        p = os.path.join(root, f)
        r = rel(p)
        try:
            doc = loads(open(p, encoding="utf-8-sig").read())
        except Exception:
            continue
        schema = doc.get("$schema", "") if isinstance(doc, dict) else ""
        if "deploymenttemplate.json" not in str(schema).lower() or "schema.management.azure.com" not in str(schema).lower():
            continue
        templates += 1
        res = doc.get("resources", [])
        count = len(res) if isinstance(res, (list, dict)) else 0
        if r not in declared:
            if r not in known:
                missing += 1
                print(f"no model for template {r}")
        elif declared[r] != count:
            mismatched += 1
            print(f"{r}: idlint counts {declared[r]} top-level resources, an independent count {count}")
# Bicep: every `resource` and `module` declaration, nested children too.
decl = re.compile(r"^[ \t]*(?:resource|module)[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]+'", re.M)
bicep_files = 0
for root, _, files in os.walk(corpus):
    for f in files:
        if not f.lower().endswith(".bicep"):
            continue
        p = os.path.join(root, f)
        r = rel(p)
        bicep_files += 1
        text = open(p, encoding="utf-8-sig", errors="replace").read()
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        count = len(decl.findall(text))
        if r not in declared:
            if r not in known:
                missing += 1
                print(f"no model for Bicep file {r}")
        elif declared[r] != count:
            mismatched += 1
            print(f"{r}: idlint counts {declared[r]} declarations, an independent count {count}")
print(f"no silent drops: {templates} ARM templates and {bicep_files} Bicep files, {missing} without a model, {mismatched} with a different resource count")
sys.exit(1 if missing or mismatched else 0)
PY
rm -f "$units"

# `idlint access` lists every role-assignment declaration: per file, as many
# rows as an independent count of the JSON and HCL finds.
rows=$(mktemp)
set +e
"$bin" access "$corpus" --format json --output "$rows" 2>/dev/null
set -e
python3 - "$rows" "$corpus" <<'PY'
import collections, json, os, subprocess, sys
rows = json.load(open(sys.argv[1]))
ours = collections.Counter(os.path.normpath(r["file"]) for r in rows)
listed = subprocess.run(
    [sys.executable, "scripts/count-role-assignments.py", sys.argv[2], "--list"],
    capture_output=True, text=True, check=True,
).stdout.splitlines()[:-1]
theirs = collections.Counter(os.path.normpath(l.rsplit(":", 1)[0]) for l in listed)
diff = {f: (theirs[f], ours[f]) for f in set(ours) | set(theirs) if ours[f] != theirs[f]}
for f, (t, o) in sorted(diff.items()):
    print(f"{f}: {t} role-assignment declarations, idlint access lists {o}")
deployed = sum(1 for r in rows if r["deployed"])
print(f"idlint access: {len(rows)} role assignments ({deployed} deployed), an independent count {sum(theirs.values())}")
sys.exit(1 if diff else 0)
PY
rm -f "$rows"
