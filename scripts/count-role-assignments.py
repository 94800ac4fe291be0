#!/usr/bin/env python3
"""Counts role-assignment declarations in a tree without idlint: ARM
resources of type Microsoft.Authorization/roleAssignments (and the older
`<type>/providers/roleAssignments`), nested templates and Bicep symbolic
resources included; Terraform `azurerm_role_assignment` blocks and
`azapi_resource` blocks whose type is roleAssignments. Prints the count
and, with --list, one `file:line` per declaration, for comparison with
`idlint access --format json`."""
import json
import os
import re
import sys

ROLE = "microsoft.authorization/roleassignments"


def is_assignment(ty):
    t = ty.lower()
    return t == ROLE or t.endswith("/providers/roleassignments")


def walk(node, out, depth=0):
    """Every object with a role-assignment `type`, wherever it sits: in
    `resources`, child resources, nested templates, and templates kept in
    variables (Bicep's `loadJsonContent`, AVM's `$fxv#` variables)."""
    if depth > 200:
        return
    if isinstance(node, dict):
        ty = node.get("type")
        if isinstance(ty, str) and is_assignment(ty) and "apiVersion" in node:
            out.append(node)
        for v in node.values():
            walk(v, out, depth + 1)
    elif isinstance(node, list):
        for v in node:
            walk(v, out, depth + 1)


def strip_comments(text):
    """JSON with `//` and `/* */` comments (ARM accepts them) as JSON."""
    out, i, n, in_str = [], 0, len(text), False
    while i < n:
        c = text[i]
        if in_str:
            out.append(c)
            if c == "\\":
                out.append(text[i + 1:i + 2])
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
            out.append(c)
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


def arm(path, text):
    try:
        doc = json.loads(strip_comments(text), strict=False)
    except ValueError:
        return []
    if not isinstance(doc, dict) or "deploymenttemplate" not in str(doc.get("$schema", "")).lower():
        return []
    found = []
    walk(doc.get("resources", []), found)
    walk(doc.get("variables", {}), found)
    # Lines: the n-th `"type": "...roleAssignments"` occurrence in the text.
    lines = [i + 1 for i, l in enumerate(text.splitlines())
             if re.search(r'"type"\s*:\s*"[^"]*roleAssignments"', l, re.I)]
    return [(path, lines[i] if i < len(lines) else 0) for i in range(len(found))]


TF_BLOCK = re.compile(r'^\s*resource\s+"(azurerm_role_assignment|azapi_resource)"\s+"[^"]+"\s*\{', re.M)


def terraform(path, text):
    out = []
    for m in TF_BLOCK.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if m.group(1) == "azapi_resource":
            body = text[m.end():m.end() + 400]
            if not re.search(r'type\s*=\s*"Microsoft\.Authorization/roleAssignments@', body, re.I):
                continue
        out.append((path, line))
    return out


BICEP_DECL = re.compile(r"^\s*resource\s+\w+\s+'Microsoft\.Authorization/roleAssignments@[^']*'", re.M | re.I)


def bicep(path, text):
    """`resource x 'Microsoft.Authorization/roleAssignments@...'` in a
    `.bicep` file (idlint reads them by default, and skips the JSON compiled
    from them)."""
    return [(path, text.count("\n", 0, m.start()) + 1) for m in BICEP_DECL.finditer(text)]


def compiled_beside_source(path, text, names):
    """A template Bicep wrote with its `.bicep` beside it: idlint scans the
    source instead."""
    stem = os.path.basename(path)[: -len(".json")]
    if stem + ".bicep" not in names:
        return False
    try:
        doc = json.loads(strip_comments(text), strict=False)
    except ValueError:
        return False
    gen = (doc.get("metadata") or {}).get("_generator") if isinstance(doc, dict) else None
    return isinstance(gen, dict) and str(gen.get("name", "")).lower() == "bicep"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else "."
    found = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in (".git", ".terraform"))
        for f in sorted(files):
            p = os.path.join(d, f)
            try:
                text = open(p, encoding="utf-8", errors="replace").read()
            except OSError:
                continue
            if f.endswith(".json"):
                if compiled_beside_source(p, text, set(files)):
                    continue
                found += arm(p, text)
            elif f.endswith(".tf"):
                found += terraform(p, text)
            elif f.endswith(".bicep"):
                found += bicep(p, text)
    if "--list" in sys.argv:
        for p, l in found:
            print(f"{p}:{l}")
    print(len(found))


if __name__ == "__main__":
    main()
