#!/usr/bin/env python3
"""Keeps the hand review of SEC findings on the corpus in step with idlint.

testdata/corpus-review/sec.tsv holds one row per SEC finding on the shared
corpus: file (relative to the corpus root), line, column, rule, verdict
(`true` or `false`) and the reviewer's reason. This script compares it with a
JSON report and prints the precision per rule computed from the verdicts.

It fails when a finding has no row (new: review it by hand and add the row)
or a row has no finding (vanished: a fixed false positive is removed; a lost
true finding is a recall regression to fix, not a row to delete).

  scripts/sec-review.py REPORT.json [REPORT.json ...] CORPUS [--update]

Several reports (a scan of the Bicep sources and one of the JSON compiled
from them) are checked as one: a row must match a finding of any of them.

--update rewrites the file: vanished rows are dropped, new findings are added
with verdict `unreviewed` (which still fails the check until judged).
"""
import json
import os
import sys
from collections import Counter, defaultdict

REVIEW = os.path.join(os.path.dirname(__file__), "..", "testdata", "corpus-review", "sec.tsv")
HEADER = ["file", "line", "column", "rule", "verdict", "reason"]
# Precision is promised for rules with at least this many findings.
MIN_FINDINGS = 10
TARGET = 0.98


def load_review(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != HEADER:
            sys.exit(f"{path}: header must be {HEADER}, found {header}")
        for n, line in enumerate(f, start=2):
            line = line.rstrip("\n")
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) != len(HEADER):
                sys.exit(f"{path}:{n}: {len(cols)} columns, expected {len(HEADER)}")
            key = (cols[0], int(cols[1]), int(cols[2]), cols[3])
            if key in rows:
                sys.exit(f"{path}:{n}: duplicate row for {key}")
            if cols[4] not in ("true", "false", "unreviewed"):
                sys.exit(f"{path}:{n}: verdict must be true, false or unreviewed")
            rows[key] = (cols[4], cols[5])
    return rows


def findings(report_path, corpus):
    report = json.load(open(report_path, encoding="utf-8"))
    corpus = os.path.normpath(corpus)
    out = {}
    for f in report["findings"]:
        if not f["rule_id"].startswith("SEC"):
            continue
        rel = os.path.relpath(os.path.normpath(f["file"]), corpus).replace(os.sep, "/")
        out[(rel, f["line"], f["column"], f["rule_id"])] = f["message"]
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    update = "--update" in sys.argv
    if len(args) < 2:
        sys.exit(__doc__)
    found = {}
    for report in args[:-1]:
        found.update(findings(report, args[-1]))
    review = load_review(REVIEW)
    new = sorted(k for k in found if k not in review)
    vanished = sorted(k for k in review if k not in found)
    unreviewed = sorted(k for k, v in review.items() if v[0] == "unreviewed" and k in found)

    verdicts = defaultdict(Counter)
    for k in found:
        if k in review:
            verdicts[k[3]][review[k][0]] += 1
    print(f"{'rule':8} {'findings':>8} {'true':>5} {'false':>5} {'precision':>9}")
    low = []
    for rule in sorted(verdicts):
        c = verdicts[rule]
        judged = c["true"] + c["false"]
        p = c["true"] / judged if judged else 1.0
        total = sum(c.values())
        mark = ""
        if total >= MIN_FINDINGS and p < TARGET:
            mark = "  < target"
            low.append(rule)
        print(f"{rule:8} {total:8} {c['true']:5} {c['false']:5} {p:9.1%}{mark}")
    t = sum(c["true"] for c in verdicts.values())
    fl = sum(c["false"] for c in verdicts.values())
    print(f"{'all':8} {t + fl:8} {t:5} {fl:5} {t / max(t + fl, 1):9.1%}")

    for k in new:
        print(f"new, not reviewed: {k[0]}:{k[1]}:{k[2]} {k[3]} {found[k]}")
    for k in vanished:
        verdict = review[k][0]
        what = "recall lost" if verdict == "true" else "fixed false positive, drop the row"
        print(f"vanished ({what}): {k[0]}:{k[1]}:{k[2]} {k[3]} ({review[k][1]})")
    for k in unreviewed:
        print(f"unreviewed: {k[0]}:{k[1]}:{k[2]} {k[3]}")

    if update:
        rows = {k: v for k, v in review.items() if k in found}
        for k in new:
            rows[k] = ("unreviewed", "")
        with open(REVIEW, "w", encoding="utf-8") as f:
            f.write("\t".join(HEADER) + "\n")
            for k in sorted(rows):
                f.write(f"{k[0]}\t{k[1]}\t{k[2]}\t{k[3]}\t{rows[k][0]}\t{rows[k][1]}\n")
        print(f"rewrote {REVIEW}: {len(rows)} rows")
    if new or vanished or unreviewed:
        sys.exit(1)


if __name__ == "__main__":
    main()
