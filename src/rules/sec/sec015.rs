use crate::findings::{via_text, Finding, Severity};
use crate::model::secrets::{entries_at, origin, rows_for, Source};
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
    ("azurerm_linux_virtual_machine", "admin_username"),
    ("azurerm_windows_virtual_machine", "admin_username"),
    ("azurerm_linux_virtual_machine_scale_set", "admin_username"),
    (
        "azurerm_windows_virtual_machine_scale_set",
        "admin_username",
    ),
    ("azurerm_virtual_machine", "os_profile.admin_username"),
    ("azurerm_kubernetes_cluster", "linux_profile.admin_username"),
    (
        "azurerm_kubernetes_cluster",
        "windows_profile.admin_username",
    ),
    ("azurerm_mssql_server", "administrator_login"),
    ("azurerm_sql_server", "administrator_login"),
    ("azurerm_mssql_managed_instance", "administrator_login"),
    ("azurerm_postgresql_server", "administrator_login"),
    ("azurerm_postgresql_flexible_server", "administrator_login"),
    ("azurerm_mysql_server", "administrator_login"),
    ("azurerm_mysql_flexible_server", "administrator_login"),
    ("azurerm_mariadb_server", "administrator_login"),
];

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for path in rows_for(r, PATHS) {
            for e in entries_at(&r.body, path) {
                let o = origin(&e.value);
                if !matches!(o.source, Source::Literal(_)) || o.given {
                    continue;
                }
                out.push(
                    Finding::new(
                        &RULE.meta,
                        e.key_loc,
                        format!(
                            "administrator name `{}` of `{}` is a literal{}",
                            e.key,
                            r.label,
                            via_text(&e.value)
                        ),
                    )
                    .resource(r, path)
                    .evidence(&e.value),
                );
            }
        }
    }
}
