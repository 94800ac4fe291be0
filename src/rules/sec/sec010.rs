use crate::findings::{Finding, Severity};
use crate::model::secrets::{rows_for, source, Source};
use crate::model::spelling::props_at;
use crate::model::Value;
use crate::rules::sec::text_has_secret;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};
use base64::Engine as _;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC010",
        name: "vm-custom-data-secret",
        family: Family::Sec,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "VM or scale set custom data or user data containing a secret",
        help: "do not put secrets in custom data (readable from the VM and the platform): fetch them at boot from Key Vault with the VM's managed identity",
        docs: include_str!("../../../rules/SEC010-vm-custom-data-secret/README.md"),
    },
    check,
};

static PATHS: &[(&str, &str)] = &[
    (
        "Microsoft.Compute/virtualMachines",
        "properties.osProfile.customData",
    ),
    ("Microsoft.Compute/virtualMachines", "properties.userData"),
    (
        "Microsoft.Compute/virtualMachineScaleSets",
        "properties.virtualMachineProfile.osProfile.customData",
    ),
    (
        "Microsoft.Compute/virtualMachineScaleSets",
        "properties.virtualMachineProfile.userData",
    ),
];

/// The text custom data carries: decoded when it is base64, as written otherwise.
pub fn decoded(s: &str) -> String {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_else(|| s.to_string())
}

pub fn carries_secret(v: &Value) -> bool {
    match source(v) {
        Source::Literal(s) => text_has_secret(&decoded(s)),
        _ => false,
    }
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for path in rows_for(r, PATHS) {
            for p in props_at(r, path) {
                if carries_secret(p.value) {
                    out.push(
                        Finding::new(
                            &RULE.meta,
                            p.key_loc,
                            format!("`{}` of `{}` contains a secret", p.key, r.label),
                        )
                        .resource(r, p.path)
                        .evidence(p.value)
                        .redact_literal(p.value),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_cloud_init() {
        let b64 = base64::engine::general_purpose::STANDARD
            .encode("#cloud-config\nchpasswd:\n  list: |\n    root:x\npassword: Sup3rS3cret\n");
        assert!(carries_secret(&Value::string(b64, Default::default())));
        let clean =
            base64::engine::general_purpose::STANDARD.encode("#cloud-config\npackages: [nginx]\n");
        assert!(!carries_secret(&Value::string(clean, Default::default())));
    }
}
