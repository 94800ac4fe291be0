use crate::findings::{via_text, Finding, Severity};
use crate::model::secrets::{origin, rows_for, Source};
use crate::model::spelling::props_at;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC015",
        name: "admin-username-literal",
        family: Family::Sec,
        severity: Severity::Low,
        formats: Formats::Both,
        summary: "administrator user name written in the code",
        help: "take the user name from a parameter, or use Entra authentication so no local administrator is needed",
        docs: include_str!("../../../rules/SEC015-admin-username-literal/README.md"),
    },
    check,
};

static PATHS: &[(&str, &str)] = &[
    (
        "Microsoft.Compute/virtualMachines",
        "properties.osProfile.adminUsername",
    ),
    (
        "Microsoft.Compute/virtualMachineScaleSets",
        "properties.virtualMachineProfile.osProfile.adminUsername",
    ),
    (
        "Microsoft.Compute/virtualMachineScaleSets",
        "properties.virtualMachineProfile.osProfile.linuxProfile.adminUsername",
    ),
    (
        "Microsoft.ContainerService/managedClusters",
        "properties.linuxProfile.adminUsername",
    ),
    (
        "Microsoft.ContainerService/managedClusters",
        "properties.windowsProfile.adminUsername",
    ),
    ("Microsoft.Sql/servers", "properties.administratorLogin"),
    (
        "Microsoft.Sql/managedInstances",
        "properties.administratorLogin",
    ),
    (
        "Microsoft.DBforMySQL/servers",
        "properties.administratorLogin",
    ),
    (
        "Microsoft.DBforMySQL/flexibleServers",
        "properties.administratorLogin",
    ),
    (
        "Microsoft.DBforPostgreSQL/servers",
        "properties.administratorLogin",
    ),
    (
        "Microsoft.DBforPostgreSQL/flexibleServers",
        "properties.administratorLogin",
    ),
    (
        "Microsoft.DBforMariaDB/servers",
        "properties.administratorLogin",
    ),
];

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for path in rows_for(r, PATHS) {
            for p in props_at(r, path) {
                let o = origin(p.value);
                if !matches!(o.source, Source::Literal(_)) || o.given {
                    continue;
                }
                out.push(
                    Finding::new(
                        &RULE.meta,
                        p.key_loc,
                        format!(
                            "administrator name `{}` of `{}` is a literal{}",
                            p.key,
                            r.label,
                            via_text(p.value)
                        ),
                    )
                    .resource(r, p.path)
                    .evidence(p.value),
                );
            }
        }
    }
}
