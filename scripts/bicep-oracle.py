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
import re
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
                symbolic = str(doc.get("languageVersion", "")).startswith("2")
                out.append((os.path.join(d, f), os.path.join(d, j), symbolic))
    return sorted(out)


MODULE = re.compile(r"^\s*module\s+\S+\s+'([^']+)'", re.M)


def differ(bicep, compiled):
    """What each side has that the other has not. A template the compiler
    wrote in languageVersion 1.0 (a whole file, or a module's nested
    template) names resources by their name expression (`[format(...)]`)
    where Bicep has a symbolic name: such an entry matches any left over of
    the same type on the other side."""
    only_b, only_j = bicep - compiled, compiled - bicep
    for key in list(only_j.elements()):
        if not key[2].startswith("["):
            continue
        match = next((k for k in only_b if k[0] == key[0] and k[1] == key[1] and only_b[k] > 0), None)
        if match is not None:
            only_b[match] -= 1
            only_j[key] -= 1
    return +only_b, +only_j


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
        report = os.path.join(tmp, "r.json")
        common = ["--root", a.corpus, "--bicep", "both"]
        run(a.bin, ["check", a.corpus, "--format", "json", "--output", report,
                    "--fail-on", "never", "--isolated"] + common)
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

    def resources(path, named):
        # Symbolic names where the compiled JSON has them (languageVersion
        # 2.0); a 1.0 template names resources by expression, so there the
        # types are compared, each declaration once.
        c = collections.Counter()
        for u in by_unit.get(path, []):
            for r in u["resources"]:
                c[("", r["type"].lower(), r["name"] if named else "")] += 1
        return c

    def module_tree(path):
        """What the module calls of `path` reach, through local `.bicep`
        modules: the local module files (that exist), whether one is not
        on disk, whether a registry module is called."""
        files, missing, registry = set(), False, False
        pending, seen = [path], {path}
        while pending:
            p = pending.pop()
            try:
                text = open(p, encoding="utf-8-sig").read()
            except OSError:
                missing = True
                continue
            for m in MODULE.finditer(text):
                target = m.group(1)
                if re.match(r"(br|ts)[:/]", target):
                    registry = True
                    continue
                child = os.path.normpath(os.path.join(os.path.dirname(p), target))
                if not os.path.isfile(child):
                    missing = True
                elif child not in seen:
                    seen.add(child)
                    files.add(child)
                    if child.endswith(".bicep"):
                        pending.append(child)
        return {f for f in files if f.endswith(".bicep")}, missing, registry

    def modules_absent(path):
        return module_tree(path)[1]

    def registry_modules(path):
        return module_tree(path)[2]

    def local_modules(path):
        return module_tree(path)[0]

    def rel(p):
        return os.path.relpath(p, a.corpus)

    def folder(p):
        return rel(p).split(os.sep)[0]

    # `.bicep` files another `.bicep` file calls: idlint judges them through
    # their callers (with the callers' values), where the compiled JSON of
    # the module alone is judged with its own defaults.
    called = set()
    for d, _, files in os.walk(a.corpus):
        for f in files:
            if f.endswith(".bicep"):
                p = os.path.join(d, f)
                for m in MODULE.finditer(open(p, encoding="utf-8-sig", errors="replace").read()):
                    called.add(os.path.normpath(os.path.join(d, m.group(1))))
    through_caller = collections.Counter()
    agree = collections.Counter()
    total = collections.Counter()
    absent = collections.Counter()
    parse_failures = []
    shown = 0
    registry = collections.Counter()
    for b, j, symbolic in ps:
        b, j = norm(b), norm(j)
        fol = folder(b)
        problems = []
        if modules_absent(b):
            # The corpus keeps `main.bicep` and `main.json` but not always the
            # module files `main.bicep` calls; `main.json` has them inline.
            absent[fol] += 1
            continue
        if registry_modules(b):
            # The compiled JSON holds what the registry gave the compiler;
            # idlint does not read registries.
            registry[fol] += 1
            continue
        if b not in by_unit:
            e = (errors.get(b) or [{"message": "no unit", "line": None, "column": None}])[0]
            parse_failures.append((b, e))
            problems.append(f"does not load: {e['message']}")
        ob, oj = differ(resources(b, symbolic), resources(j, symbolic))
        if ob or oj:
            problems.append(f"resources differ: only bicep {dict(ob)} only json {dict(oj)}")
        fb = findings.get(b, collections.Counter())
        fj = findings.get(j, collections.Counter())
        ob, oj = differ(fb, fj)
        if (ob or oj) and b in called and not problems:
            # Same resources; findings differ because the callers' values
            # apply to the module (see above).
            through_caller[fol] += 1
            print(f"CALLED {rel(b)}: judged through its callers; findings: only bicep {list(ob)[:3]} only json {list(oj)[:3]}")
            continue
        # A finding in a module file in another directory is reported there,
        # by that directory's job (one reporter per finding); the compiled
        # JSON has it inline. Such a finding matches one of the same rule and
        # type in a module file the pair calls.
        elsewhere = collections.Counter()
        for child in local_modules(b):
            if os.path.dirname(child) != os.path.dirname(b):
                for k, n in findings.get(child, collections.Counter()).items():
                    elsewhere[(k[0], k[1])] += n
        for key in list(oj.elements()):
            if elsewhere[(key[0], key[1])] > 0:
                elsewhere[(key[0], key[1])] -= 1
                oj[key] -= 1
        oj = +oj
        if ob or oj:
            problems.append(f"findings differ: only bicep {list(ob)[:3]} only json {list(oj)[:3]}")
        total[fol] += 1
        if problems:
            if shown < a.show:
                print(f"DIFF {rel(b)}: " + "; ".join(p[:600] for p in problems))
                shown += 1
        else:
            agree[fol] += 1
    print()
    print(f"{'folder':28} {'pairs':>6} {'identical':>9} {'agreement':>9}  not compared: module files not in the corpus, registry modules; judged through callers")
    low = False
    for fol in sorted(total):
        r = agree[fol] / total[fol]
        low |= r < a.min
        print(f"{fol:28} {total[fol]:6} {agree[fol]:9} {r:9.1%}  {absent[fol]}, {registry[fol]}; {through_caller[fol]}")
    print(f"{'all':28} {sum(total.values()):6} {sum(agree.values()):9} {sum(agree.values()) / sum(total.values()):9.1%}")
    print(f"bicep files of pairs that fail to load: {len(parse_failures)}")
    for b, e in parse_failures[: a.show]:
        print(f"  {rel(b)}:{e.get('line')}:{e.get('column')}: {e['message']}")
    if low or parse_failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
