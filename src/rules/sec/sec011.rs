use crate::findings::{Finding, Severity};
use crate::model::secrets::rows_for;
use crate::model::spelling::props_at;
use crate::rules::sec::{holds_secret, text_has_secret};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC011",
        name: "extension-unprotected-settings",
        family: Family::Sec,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "VM extension `settings` (not `protectedSettings`) carrying a secret",
        help: "move the secret to `protectedSettings` (`protected_settings`), which is encrypted and never returned, or fetch it from Key Vault on the VM",
        docs: include_str!("../../../rules/SEC011-extension-unprotected-settings/README.md"),
    },
    check,
};

static PATHS: &[(&str, &str)] = &[
    (
        "Microsoft.Compute/virtualMachines/extensions",
        "properties.settings",
    ),
    (
        "Microsoft.Compute/virtualMachineScaleSets/extensions",
        "properties.settings",
    ),
    (
        "Microsoft.Compute/virtualMachineScaleSets",
        "properties.virtualMachineProfile.extensionProfile.extensions.properties.settings",
    ),
];

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for path in rows_for(r, PATHS) {
            for p in props_at(r, path) {
                if holds_secret(p.value) {
                    let mut f = Finding::new(
                        &RULE.meta,
                        p.key_loc,
                        format!(
                            "`{}` of extension `{}` carries a secret in the clear",
                            p.key, r.label
                        ),
                    )
                    .resource(r, p.path);
                    // Literal secrets inside the settings are masked wherever shown.
                    p.value.walk(&mut |x| {
                        if x.as_str().is_some_and(text_has_secret) {
                            f.redact.push(x.loc);
                        }
                    });
                    out.push(f);
                }
            }
        }
    }
}
