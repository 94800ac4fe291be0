#!/usr/bin/env python3
"""Builds an N-times corpus for scaling benchmarks from the real templates.

    scripts/gen-corpus.py OUT_DIR --copies N [--source DIR] [--seed S] [--force]

Every file of the source corpus (default ../shared/corpus, or $IDLINT_CORPUS)
is copied N times, to OUT_DIR/copy-<k>/<tag>-<top-level folder>/<same path>.
Only the top-level folder is renamed and everything below it keeps its
relative layout, so Terraform module directories stay intact (`../modules/x`
still resolves), ARM parameter files stay next to their templates, and
.gitignore files keep their meaning. <tag> is derived from the seed and k.

So that no two copies are byte-identical (no tool can deduplicate them, and
the page cache holds N distinct files), every copy after the first gets a
seeded, semantically neutral perturbation:
  - .tf / .tfvars: a trailing `# bench copy k ...` comment line;
  - .json / .jsonc / .tf.json / .tfvars.json / .bicep: trailing whitespace
    (spaces, tabs and newlines after the closing bracket, which every JSON
    parser accepts);
  - UTF-16 files, files with a BOM other than UTF-8's, and other files: unchanged.
Copy 1 is byte-identical to the source, so N=1 is the source corpus itself,
relocated. The output is deterministic for a given (source, N, seed).

At the end it prints the number of files, bytes, and the counts by kind.
"""
import argparse
import hashlib
import os
import random
import shutil
import sys


def tag_for(seed: int, k: int) -> str:
    return hashlib.sha256(f"{seed}:{k}".encode()).hexdigest()[:6]


def perturb(rel: str, data: bytes, rng: random.Random, k: int) -> bytes:
    if k == 1:
        return data
    # Leave anything not plainly UTF-8 alone: appending ASCII to UTF-16 would
    # corrupt it.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        return data
    name = rel.lower()
    if name.endswith((".tf", ".tfvars")):
        sep = b"" if data.endswith(b"\n") or not data else b"\n"
        return data + sep + f"# bench copy {k} {rng.getrandbits(32):08x}\n".encode()
    if name.endswith((".json", ".jsonc", ".bicep")):
        n = 1 + rng.randrange(24)
        ws = "".join(rng.choice(" \t\n") for _ in range(n))
        return data + f"\n{' ' * k}{ws}\n".encode()
    return data


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default_src = os.environ.get("IDLINT_CORPUS") or os.path.join(here, "..", "..", "shared", "corpus")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--copies", type=int, required=True, help="N: copies of the source corpus")
    ap.add_argument("--source", default=default_src, help="source corpus (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--force", action="store_true", help="replace OUT_DIR if it exists")
    a = ap.parse_args()
    src = os.path.normpath(a.source)
    if not os.path.isdir(src):
        print(f"source corpus not found: {src}", file=sys.stderr)
        return 2
    if a.copies < 1:
        print("--copies must be at least 1", file=sys.stderr)
        return 2
    if os.path.exists(a.out_dir):
        if not a.force:
            print(f"{a.out_dir} exists (use --force to replace it)", file=sys.stderr)
            return 2
        shutil.rmtree(a.out_dir)

    # Deterministic walk: sorted directories and files, symlinks not followed.
    entries = []
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)
            if os.path.islink(p) or not os.path.isfile(p):
                continue
            entries.append(os.path.relpath(p, src))
    contents = {}
    for rel in entries:
        with open(os.path.join(src, rel), "rb") as fh:
            contents[rel] = fh.read()

    files = 0
    total = 0
    kinds = {}
    width = max(4, len(str(a.copies)))
    for k in range(1, a.copies + 1):
        rng = random.Random(f"{a.seed}:{k}")
        tag = tag_for(a.seed, k)
        base = os.path.join(a.out_dir, f"copy-{k:0{width}d}")
        for rel in entries:
            parts = rel.split(os.sep)
            if len(parts) > 1:
                parts[0] = f"{tag}-{parts[0]}"
            dst = os.path.join(base, *parts)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            data = perturb(rel, contents[rel], rng, k)
            with open(dst, "wb") as fh:
                fh.write(data)
            files += 1
            total += len(data)
            ext = rel.rsplit(".", 1)[-1].lower() if "." in os.path.basename(rel) else "(none)"
            kinds[ext] = kinds.get(ext, 0) + 1
    by = ", ".join(f"{n} .{e}" for e, n in sorted(kinds.items(), key=lambda x: -x[1]))
    print(f"{a.out_dir}: {a.copies} copies of {src}: {files} files, {total / 1e6:.1f} MB ({by})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
