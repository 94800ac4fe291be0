#!/usr/bin/env python3
"""Rebuilds the committed seed corpora in fuzz/corpus/<target>/ from the rule
fixtures, testdata/ and a fixed sample of ../shared/corpus (when present).
Deterministic: the same inputs give the same seeds. Keeps the total under
5 MB by taking only small files."""

import hashlib
import json
import random
import re
import shutil
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = 300  # files drawn from the shared corpus per target
MAX_JSON = 16 * 1024
MAX_TF = 8 * 1024
MAX_EXPR = 512
EXPRS = 600
MAX_BICEP = 8 * 1024
BICEP_SAMPLE = 200  # shared-corpus .bicep files for bicep
TF_EVAL_SAMPLE = 150  # shared-corpus files for tf_eval (the rest of its seeds are small)

# Terraform expressions for tf_eval, over what harness.rs TF_BASE declares.
TF_EXPRS = [
    'replace(replace(local.twice, "x", local.twice), "x", local.twice)',
    'split("x", replace(local.twice, "x", "x,x"))',
    'join(",", [for w in local.words : upper(w)])',
    'format("%s-%d-%v-%q", var.name, var.n, true, local.text)',
    'concat(local.words, var.list, [for o in local.objs : o.w])',
    'flatten([local.nested, [local.words]])',
    'distinct(concat(local.words, var.list))',
    'merge(local.tags, { for o in local.objs : o.w => o.i })',
    '{ for o in local.objs : o.w => o.i... }',
    'lookup(var.map, "c", {}).d',
    'zipmap(local.words, [1, 2, 3, 4])',
    'contains(var.list, "a") ? keys(var.map) : values(local.tags)',
    'jsondecode(file("policy.json")).b.c',
    'jsonencode({ a = local.words, b = var.secret })',
    'templatefile("t.tpl", { v = local.text })',
    'fileexists("x") && fileexists("missing")',
    'filebase64("plain.txt")',
    'base64decode(base64encode(local.read))',
    '"%{ for i, w in local.words }${i}=${w}%{ if i < 2 },%{ endif }%{ endfor }"',
    'try(local.nope, coalesce("", null, local.text))',
    'substr(local.text, -3, 2)',
    'element(local.words, var.n * 7)',
    'length(distinct(split("", local.twice)))',
    '[for k, v in var.map : "${k}:${try(tostring(v), "x")}" if k != "B"]',
    'compact([for w in local.words : w == "x" ? "" : w])',
    'one([module.child.out])',
    'min(var.n, length(local.objs), 2.5) + max(1, -var.n)',
    'azurerm_container_registry.acr.identity[0].principal_id',
    'sensitive(data.azurerm_key_vault_secret.s.value)',
    'setproduct(local.words, var.list)',
]


TARGETS = ("jsonc", "arm_expr", "hcl", "tf_eval", "bicep")


def small(paths, limit):
    return [p for p in paths if p.is_file() and not p.is_symlink() and p.stat().st_size <= limit]


def sample(paths, n, seed):
    paths = sorted(paths)
    random.Random(seed).shuffle(paths)
    return paths[:n]


def write(target, data: bytes):
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    (FUZZ / "corpus" / target / name).write_bytes(data)


def expressions(text):
    """ARM expressions in a template: JSON strings of the form "[...]"."""
    try:
        doc = json.loads(re.sub(r"^\ufeff", "", text))
    except Exception:
        return []
    out = []

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str) and v.startswith("[") and v.endswith("]") and not v.startswith("[["):
            out.append(v[1:-1])

    walk(doc)
    return out


def main():
    for t in TARGETS:
        d = FUZZ / "corpus" / t
        if d.exists():
            for f in d.glob("seed-*"):
                f.unlink()
        d.mkdir(parents=True, exist_ok=True)

    local_json = small(list(ROOT.glob("rules/*/arm/**/*.json")) + list(ROOT.glob("testdata/[!f]*/**/*.json"))
                       + list(ROOT.glob("examples/**/*.json")), MAX_JSON)
    local_tf = small([p for ext in ("tf", "tfvars", "tf.json", "tfvars.json")
                      for p in list(ROOT.glob(f"rules/*/terraform/**/*.{ext}"))
                      + list(ROOT.glob(f"testdata/[!f]*/**/*.{ext}")) + list(ROOT.glob(f"examples/**/*.{ext}"))], MAX_TF)
    corpus_json, corpus_tf, corpus_bicep = [], [], []
    if CORPUS.is_dir():
        corpus_bicep = sample(small([p for ext in ("bicep", "bicepparam") for p in CORPUS.rglob(f"*.{ext}")],
                                    MAX_BICEP), BICEP_SAMPLE, 4)
        corpus_json = sample(small(CORPUS.rglob("*.json"), MAX_JSON), SAMPLE, 1)
        corpus_tf = sample(small([p for ext in ("tf", "tfvars") for p in CORPUS.rglob(f"*.{ext}")], MAX_TF),
                           SAMPLE, 2)
    else:
        print(f"note: {CORPUS} not found; seeding from this repository only", file=sys.stderr)

    for p in local_json + corpus_json:
        write("jsonc", p.read_bytes())
    for p in local_tf + corpus_tf:
        write("hcl", p.read_bytes())
    for p in [p for p in local_tf if p.suffix == ".tf"] + [p for p in corpus_tf if p.suffix == ".tf"][:TF_EVAL_SAMPLE]:
        write("tf_eval", p.read_bytes())
    for e in TF_EXPRS:
        write("tf_eval", e.encode())
    for p in corpus_bicep:
        write("bicep", p.read_bytes())
    # Regression inputs of crashes and hangs found: the fuzzers start next to them.
    for t in TARGETS:
        for p in sorted((ROOT / "testdata" / "fuzz" / t).glob("*")):
            write(t, p.read_bytes())

    exprs = set()
    for p in local_json + (small(CORPUS.rglob("*.json"), 256 * 1024) if CORPUS.is_dir() else []):
        for e in expressions(p.read_text(encoding="utf-8", errors="replace")):
            if len(e.encode()) <= MAX_EXPR:
                exprs.add(e)
    for e in sample(list(exprs), EXPRS, 3):
        write("arm_expr", e.encode())

    total = sum(f.stat().st_size for f in (FUZZ / "corpus").rglob("seed-*"))
    counts = {t: len(list((FUZZ / "corpus" / t).glob("seed-*"))) for t in TARGETS}
    print(f"seeds: {counts}, {total / 1e6:.2f} MB")
    if total > 5_000_000:
        sys.exit("seed corpus over 5 MB")


if __name__ == "__main__":
    main()
