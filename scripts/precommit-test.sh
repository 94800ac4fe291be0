#!/usr/bin/env bash
# The pre-commit hook as a user runs it: pre-commit from PyPI in a temporary
# venv, a temporary git repository with a bad and a good template, and
# `pre-commit try-repo <this repo> idlint --files ...`. The bad file must
# fail with its finding printed, the good one pass, and so must a commit of
# a file in a folder the configuration excludes with a broken non-template
# JSON file (a `package.json` cut short).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
export PATH="$work/venv/bin:$PATH"
export PRE_COMMIT_HOME="$work/cache"
# Reuse the build CI already made instead of compiling every crate again.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"

mkdir "$work/project"
cd "$work/project"
git init --quiet
git config user.email ci@example.com
git config user.name ci
schema='https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
cat > bad.json <<JSON
{
  "\$schema": "$schema",
  "resources": [
    { "type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acr",
      "properties": { "adminUserEnabled": true } }
  ]
}
JSON
cat > good.tf <<'HCL'
resource "azurerm_container_registry" "acr" {
  name          = "acr"
  admin_enabled = false
}
HCL
cat > bad.bicep <<'BICEP'
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr'
  properties: {
    adminUserEnabled: true
  }
}
BICEP
mkdir legacy web
cp bad.json legacy/old.json
printf 'exclude: ["legacy/**"]\n' > .idlint.yaml
printf '{ "name": "web", "version": ' > web/package.json
git add . && git commit --quiet -m fixtures

set +e
pre-commit try-repo "$repo" idlint --files bad.json > bad.log 2>&1
bad=$?
pre-commit try-repo "$repo" idlint --files good.tf > good.log 2>&1
good=$?
pre-commit try-repo "$repo" idlint --files bad.bicep > bicep.log 2>&1
bicep=$?
pre-commit try-repo "$repo" idlint --files legacy/old.json web/package.json good.tf > quiet.log 2>&1
quiet=$?
set -e
fail=0
if [ "$bad" -eq 0 ] || ! grep -q "MID004" bad.log; then
  echo "pre-commit: the bad template should fail with MID004 (exit $bad)"; cat bad.log; fail=1
fi
if [ "$bicep" -eq 0 ] || ! grep -q "bad.bicep:4:5" bicep.log; then
  echo "pre-commit: the bad Bicep file should fail with MID004 at bad.bicep:4:5 (exit $bicep)"; cat bicep.log; fail=1
fi
if [ "$good" -ne 0 ]; then
  echo "pre-commit: the good file should pass (exit $good)"; cat good.log; fail=1
fi
if [ "$quiet" -ne 0 ]; then
  echo "pre-commit: an excluded file and a broken package.json should pass (exit $quiet)"; cat quiet.log; fail=1
fi
[ "$fail" -eq 0 ] && echo "pre-commit: bad.json and bad.bicep failed with MID004, good.tf passed, an excluded file and a broken package.json passed"
exit "$fail"
