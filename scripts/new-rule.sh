#!/usr/bin/env bash
# Scaffolds a rule: scripts/new-rule.sh ID name family
#   scripts/new-rule.sh MID002 local-auth-enabled mid
# creates src/rules/<family>/<id>.rs (a unit rule that finds nothing yet,
# with a unit test), registers it (family mod.rs, REGISTRY in ID order),
# creates rules/<ID>-<name>/ (README with front matter and sections, a bad
# and a good fixture per format, expected.txt) and adds the README table
# row. The bad fixtures' expected finding fails the rule test until the
# rule finds it. Nothing is written unless every check passes, and a
# failure half-way restores what was there.
set -euo pipefail

die() {
  echo "new-rule: $*" >&2
  exit 1
}

[ $# -eq 3 ] || die "usage: scripts/new-rule.sh ID name family (e.g. MID002 local-auth-enabled mid)"
ID=$1
NAME=$2
FAMILY=$(printf '%s' "$3" | tr '[:upper:]' '[:lower:]')
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

case $FAMILY in
  sec | mid | rbac | bg | meta) ;;
  *) die "family must be one of sec, mid, rbac, bg, meta (got \`$3\`)" ;;
esac
PREFIX=$(printf '%s' "$FAMILY" | tr '[:lower:]' '[:upper:]')
[[ $ID =~ ^${PREFIX}[0-9]{3}$ ]] || die "ID must be ${PREFIX} and three digits (got \`$ID\`)"
[[ $NAME =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || die "name must be kebab-case: lower-case letters, digits and single dashes (got \`$NAME\`)"
[ "$FAMILY" != meta ] || die "META rules are scan rules: write them by hand (see src/rules/meta/)"

id=$(printf '%s' "$ID" | tr '[:upper:]' '[:lower:]')
FAMILY_TYPE=$(printf '%s' "${FAMILY:0:1}" | tr '[:lower:]' '[:upper:]')${FAMILY:1}
RS=src/rules/$FAMILY/$id.rs
MODRS=src/rules/$FAMILY/mod.rs
REG=src/rules/mod.rs
DIR=rules/$ID-$NAME

for f in "$MODRS" "$REG" README.md; do
  [ -f "$f" ] || die "$f not found: run from an idlint checkout"
done
[ ! -e "$RS" ] || die "$RS exists"
if compgen -G "rules/$ID-*" >/dev/null; then die "rule $ID exists: $(compgen -G "rules/$ID-*")"; fi
if compgen -G "rules/*-$NAME" >/dev/null; then die "name $NAME is taken: $(compgen -G "rules/*-$NAME")"; fi
if grep -rqs "id: \"$ID\"" src/rules; then die "rule $ID is declared in src/rules"; fi
if grep -rqs "name: \"$NAME\"" src/rules; then die "name $NAME is declared in src/rules"; fi
grep -q '<!-- rules:start -->' README.md && grep -q '<!-- rules:end -->' README.md ||
  die "README.md has no rules table markers"
grep -q '^pub static REGISTRY' "$REG" || die "$REG has no REGISTRY"

# Order of families in the registry, as `Family` orders them.
rank() {
  case $1 in
    SEC*) echo 1 ;; MID*) echo 2 ;; RBAC*) echo 3 ;; BG*) echo 4 ;; META*) echo 5 ;; *) echo 9 ;;
  esac
}
KEY="$(rank "$ID")$ID"

# Everything is built in a staging directory first.
STAGE=$(mktemp -d)
BACKUP=$(mktemp -d)
trap 'rm -rf "$STAGE" "$BACKUP"' EXIT
CREATED=()
rollback() {
  local f
  for f in "$MODRS" "$REG" README.md; do
    [ -f "$BACKUP/$(basename "$f").${f//\//_}" ] && cp "$BACKUP/$(basename "$f").${f//\//_}" "$f"
  done
  for f in "${CREATED[@]+"${CREATED[@]}"}"; do rm -rf "$f"; done
  echo "new-rule: failed; nothing changed" >&2
}

# The family module: `pub mod <id>;` in order.
awk -v id="$id" '
  /^pub mod / { m = $3; sub(/;$/, "", m); if (!done && m > id) { print "pub mod " id ";"; done = 1 } last = NR }
  { print }
  END { if (!done) print "pub mod " id ";" }
' "$MODRS" >"$STAGE/mod.rs.tmp"
if ! grep -q "^pub mod $id;\$" "$STAGE/mod.rs.tmp"; then die "could not add pub mod $id"; fi

# The registry, in (family, ID) order.
LINE="    Registered::unit(&$FAMILY::$id::RULE),"
awk -v key="$KEY" -v line="$LINE" '
  function rank(i) { return i ~ /^SEC/ ? 1 : i ~ /^MID/ ? 2 : i ~ /^RBAC/ ? 3 : i ~ /^BG/ ? 4 : i ~ /^META/ ? 5 : 9 }
  /^pub static REGISTRY/ { inreg = 1 }
  inreg && /^\];/ { if (!done) print line; done = 1; inreg = 0 }
  inreg && /Registered::/ && !done {
    if (match($0, /::[a-z]+[0-9][0-9][0-9]::/)) {
      other = toupper(substr($0, RSTART + 2, RLENGTH - 4))
      if (rank(other) other > key) { print line; done = 1 }
    }
  }
  { print }
' "$REG" >"$STAGE/reg.tmp"
grep -qF "$LINE" "$STAGE/reg.tmp" || die "could not register $ID"

# The README table row, in registry order.
ROW="| [$ID]($DIR/README.md) | \`$NAME\` | medium | arm, terraform | TODO what the rule catches, in one line |"
awk -v key="$KEY" -v row="$ROW" '
  function rank(i) { return i ~ /^SEC/ ? 1 : i ~ /^MID/ ? 2 : i ~ /^RBAC/ ? 3 : i ~ /^BG/ ? 4 : i ~ /^META/ ? 5 : 9 }
  /<!-- rules:start -->/ { intable = 1 }
  intable && /<!-- rules:end -->/ { if (!done) print row; done = 1; intable = 0 }
  intable && /^\| \[/ && !done {
    other = substr($0, 4); sub(/\].*/, "", other)
    if (rank(other) other > key) { print row; done = 1 }
  }
  { print }
' README.md >"$STAGE/readme.tmp"
grep -qF "$ROW" "$STAGE/readme.tmp" || die "could not add the README row"

# The rule.
cat >"$STAGE/rule.rs" <<EOF
use crate::findings::{Finding, Severity};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "$ID",
        name: "$NAME",
        family: Family::$FAMILY_TYPE,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "TODO what the rule catches, in one line",
        help: "TODO the fix, as the user would apply it",
        docs: include_str!("../../../$DIR/README.md"),
    },
    check,
};

/// TODO why the pattern is bad, and what an absent or unknown value means.
/// A one-property rule is a \`crate::rules::kit::PropertyCheck\` (see MID004).
fn check(_cx: &Ctx, _out: &mut Vec<Finding>) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nothing_in_an_empty_unit() {
        let unit = crate::model::Unit::default();
        let options = crate::rules::Options::default();
        let mut out = Vec::new();
        check(&Ctx::new(&unit, &options), &mut out);
        assert!(out.is_empty());
    }
}
EOF

mkdir -p "$STAGE/dir/arm" "$STAGE/dir/terraform/bad_todo" "$STAGE/dir/terraform/good_todo"
cat >"$STAGE/dir/README.md" <<EOF
---
id: $ID
name: $NAME
severity: medium
family: $PREFIX
formats: arm, terraform
---
# $ID $NAME

## What it does
TODO what is reported, in ARM and Terraform terms, and what an absent property and an unknown value mean.

## Why is this bad?
TODO

## Example
ARM:
\`\`\`json
{
  "type": "Microsoft.TODO/resources",
  "apiVersion": "2024-01-01",
  "name": "bad",
  "properties": {}
}
\`\`\`
Terraform:
\`\`\`hcl
resource "azurerm_todo" "bad" {
}
\`\`\`

## Use instead
TODO

## Options
None.

## References
- TODO
EOF
for kind in bad good; do
  cat >"$STAGE/dir/arm/${kind}_todo.json" <<EOF
{
  "\$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.TODO/resources",
      "apiVersion": "2024-01-01",
      "name": "$kind",
      "properties": {}
    }
  ]
}
EOF
  cat >"$STAGE/dir/terraform/${kind}_todo/main.tf" <<EOF
resource "azurerm_todo" "$kind" {
  name = "$kind"
}
EOF
done
cat >"$STAGE/dir/expected.txt" <<EOF
# $ID $NAME: findings the bad fixtures must produce, \`path:line:column [severity]\`
# (severity medium unless noted). Make the fixtures real and these the places they report.
arm/bad_todo.json:6:7
terraform/bad_todo/main.tf:1:1
EOF

# Apply: new files first, then the edits; a failure restores everything.
trap rollback ERR
for f in "$MODRS" "$REG" README.md; do cp "$f" "$BACKUP/$(basename "$f").${f//\//_}"; done
CREATED+=("$RS")
cp "$STAGE/rule.rs" "$RS"
CREATED+=("$DIR")
cp -R "$STAGE/dir" "$DIR"
cp "$STAGE/mod.rs.tmp" "$MODRS"
cp "$STAGE/reg.tmp" "$REG"
cp "$STAGE/readme.tmp" README.md
trap - ERR

echo "created $RS and $DIR/; registered $ID in $REG, $MODRS and README.md"
echo "next: write the rule, make the fixtures real, list their findings in $DIR/expected.txt,"
echo "      fill in summary/help/severity (README front matter and table row too), then cargo test"
