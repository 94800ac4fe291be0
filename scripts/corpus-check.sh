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
