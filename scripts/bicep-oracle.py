#!/usr/bin/env python3
"""The Bicep compiler as oracle for idlint's Bicep reader.

For every `X.bicep` with the `X.json` that `bicep build` wrote beside it
(`metadata._generator.name` is `bicep`) under CORPUS, compares what idlint
makes of each: the resources (type and name, loops not expanded: one per
declaration) and the findings (rule, resource, message). Prints agreement per
top-level folder and every disagreement with what differs.

  scripts/bicep-oracle.py CORPUS [--bin target/release/idlint] [--min 0.99]

Exits 1 when agreement in any folder with pairs is below --min, or when a
`.bicep` file of a pair fails to parse.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile


def pairs(corpus):
    out = []
    for d, _, files in os.walk(corpus):
        names = set(files)
        for f in sorted(files):
            if not f.endswith(".bicep"):
                continue
            j = f[: -len(".bicep")] + ".json"
            if j not in names:
                continue
            try:
                with open(os.path.join(d, j), encoding="utf-8-sig") as fh:
                    doc = json.load(fh)
            except (OSError, ValueError):
                continue
            gen = (doc.get("metadata") or {}).get("_generator") or {}
            if isinstance(gen, dict) and str(gen.get("name", "")).lower() == "bicep":
                out.append((os.path.join(d, f), os.path.join(d, j)))
    return sorted(out)


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, text=True)
    if p.returncode not in (0, 1, 2):
        sys.exit(f"idlint {' '.join(args[:2])} exited with {p.returncode}: {p.stderr[:2000]}")
    return p.stdout


def norm(path):
    return os.path.normpath(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--bin", default="target/release/idlint")
    ap.add_argument("--min", type=float, default=0.99)
    ap.add_argument("--show", type=int, default=40, help="disagreements to print")
    a = ap.parse_args()
    ps = pairs(a.corpus)
    if not ps:
        print("bicep oracle: no pairs found")
        return
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "both.yaml")
        with open(cfg, "w") as f:
            f.write("bicep: both\n")
        report = os.path.join(tmp, "r.json")
        common = ["--config", cfg, "--root", a.corpus]
        run(a.bin, ["check", a.corpus, "--format", "json", "--output", report, "--fail-on", "never"] + common)
        rep = json.load(open(report))
        units = json.loads(run(a.bin, ["inspect", a.corpus] + common) or "[]")

    by_unit = collections.defaultdict(list)
    for u in units:
        if not u.get("with"):
            by_unit[norm(u["file"])].append(u)
    errors = collections.defaultdict(list)
    for e in rep["errors"]:
        errors[norm(e["file"])].append(e)
    # A finding counts for its own file and, when reached through a module
    # call, for the caller's file too (its related locations name the call).
    findings = collections.defaultdict(collections.Counter)
    for f in rep["findings"]:
        res = f.get("resource") or {}
        key = (f["rule_id"], res.get("type", "").lower(), res.get("name", ""))
        files = {norm(f["file"])}
        files.update(norm(r["file"]) for r in f.get("related", []) if r.get("file"))
        for path in files:
            findings[path][key] += 1

    def resources(path):
        c = collections.Counter()
        for u in by_unit.get(path, []):
            for r in u["resources"]:
                c[(r["type"].lower(), r["name"])] += 1
        return c

    def rel(p):
        return os.path.relpath(p, a.corpus)

    def folder(p):
        return rel(p).split(os.sep)[0]

    agree = collections.Counter()
    total = collections.Counter()
    absent = collections.Counter()
    parse_failures = []
    shown = 0
    for b, j in ps:
        b, j = norm(b), norm(j)
        fol = folder(b)
        problems = []
        missing = [e for e in errors.get(b, []) if "no such file or directory" in e["message"]]
        if missing:
            # The corpus keeps `main.bicep` and `main.json` but not always the
            # module files `main.bicep` calls; `main.json` has them inline.
            absent[fol] += 1
            continue
        if b not in by_unit:
            e = (errors.get(b) or [{"message": "no unit", "line": None, "column": None}])[0]
            parse_failures.append((b, e))
            problems.append(f"does not load: {e['message']}")
        rb, rj = resources(b), resources(j)
        if rb != rj:
            problems.append(f"resources differ: only bicep {dict(rb - rj)} only json {dict(rj - rb)}")
        fb, fj = findings.get(b, collections.Counter()), findings.get(j, collections.Counter())
        # Findings in module files count for the file they are in; compare
        # the pair's own findings, which name resources by symbolic name.
        if fb != fj:
            problems.append(f"findings differ: only bicep {list((fb - fj).keys())[:3]} only json {list((fj - fb).keys())[:3]}")
        total[fol] += 1
        if problems:
            if shown < a.show:
                print(f"DIFF {rel(b)}: " + "; ".join(p[:600] for p in problems))
                shown += 1
        else:
            agree[fol] += 1
    print()
    print(f"{'folder':28} {'pairs':>6} {'identical':>9} {'agreement':>9}  (+ pairs whose module files are not in the corpus)")
    low = False
    for fol in sorted(total):
        r = agree[fol] / total[fol]
        low |= r < a.min
        print(f"{fol:28} {total[fol]:6} {agree[fol]:9} {r:9.1%}  (+{absent[fol]})")
    print(f"{'all':28} {sum(total.values()):6} {sum(agree.values()):9} {sum(agree.values()) / sum(total.values()):9.1%}")
    print(f"bicep files of pairs that fail to load: {len(parse_failures)}")
    for b, e in parse_failures[: a.show]:
        print(f"  {rel(b)}:{e.get('line')}:{e.get('column')}: {e['message']}")
    if low or parse_failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
