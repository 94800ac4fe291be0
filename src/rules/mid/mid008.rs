use crate::findings::{Finding, Severity};
use crate::model::{Kind, Resource, Unit, Value};
use crate::rules::kit::{Absent, Answer, Bad, PropertyCheck};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID008",
        name: "database-password-auth",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "SQL server without Entra-only authentication, or PostgreSQL flexible server with password authentication",
        help: "SQL: set `properties.administrators.azureADOnlyAuthentication` to true (or add a `Microsoft.Sql/servers/azureADOnlyAuthentications` child with `properties.azureADOnlyAuthentication: true`; Terraform: `azuread_administrator { azuread_authentication_only = true }`); PostgreSQL flexible server: set `properties.authConfig.passwordAuth` to `Disabled` (Terraform: `authentication { password_auth_enabled = false }`); clients then sign in with Entra ID tokens from a managed identity",
        docs: include_str!("../../../rules/MID008-database-password-auth/README.md"),
    },
    check,
};

const SQL_HELP: &str = "set `properties.administrators.azureADOnlyAuthentication` to true (or add a `Microsoft.Sql/servers/azureADOnlyAuthentications` child named `Default` with `properties.azureADOnlyAuthentication: true`; Terraform: `azuread_administrator { azuread_authentication_only = true }`) and connect with Entra ID tokens from a managed identity";
const POSTGRES_HELP: &str = "set `properties.authConfig.passwordAuth` to `Disabled` with `activeDirectoryAuth: Enabled` (Terraform: `authentication { password_auth_enabled = false, active_directory_auth_enabled = true }`) and connect with Entra ID tokens from a managed identity";

/// SQL authentication (a login and password) stays on until Entra-only
/// authentication is switched on: absent means allowed, unknown proves
/// nothing. The `azureADOnlyAuthentications` child sets the same switch.
pub static SQL: PropertyCheck = PropertyCheck {
    types: &["Microsoft.Sql/servers"],
    path: "properties.administrators.azureADOnlyAuthentication",
    bad: Bad::False,
    absent: Absent::Bad(
        "sql server `{label}` does not set `{name}`, and password (sql authentication) login is allowed by default",
    ),
    message: "sql server `{label}` allows password (sql authentication) login (`{name}` is {value})",
    help: Some(SQL_HELP),
};

/// The child resource (always named `Default`); its property is required,
/// so an absent one is not judged.
pub static SQL_CHILD: PropertyCheck = PropertyCheck {
    types: &["Microsoft.Sql/servers/azureADOnlyAuthentications"],
    path: "properties.azureADOnlyAuthentication",
    bad: Bad::False,
    absent: Absent::Fine,
    message: "`{label}` turns entra-only authentication off (`{name}` is {value}), so password (sql authentication) login is allowed",
    help: Some(SQL_HELP),
};

/// `passwordAuth` other than `Disabled` lets the administrator login and
/// any role with a password in; absent means `Enabled`. azurerm's
/// `password_auth_enabled` is mapped onto the same path as a boolean
/// (true is `Enabled`).
pub static POSTGRES: PropertyCheck = PropertyCheck {
    types: &["Microsoft.DBforPostgreSQL/flexibleServers"],
    path: "properties.authConfig.passwordAuth",
    bad: Bad::Predicate(password_auth_on),
    absent: Absent::Bad(
        "postgresql flexible server `{label}` does not set `{name}`, and password login is allowed by default",
    ),
    message: "postgresql flexible server `{label}` allows password login (`{name}` is {value})",
    help: Some(POSTGRES_HELP),
};

/// `Enabled`/`Disabled` (ARM) or the azurerm boolean `password_auth_enabled`.
fn password_auth_on(v: &Value) -> Option<bool> {
    match &v.kind {
        Kind::Bool(b) => Some(*b),
        Kind::String(s) if s.eq_ignore_ascii_case("enabled") || s == "true" => Some(true),
        Kind::String(s) if s.eq_ignore_ascii_case("disabled") || s == "false" => Some(false),
        _ => None,
    }
}

fn text(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str)
}

/// The server name part of a child's full name (`sql-orders/Default`).
fn server_of(child: &Resource) -> Option<&str> {
    text(child.name.as_ref())
        .and_then(|n| n.rsplit_once('/'))
        .map(|(s, _)| s)
        .filter(|s| !s.is_empty())
}

/// Whether `child` is the Entra-only switch of `server`: its parent
/// resolves to the server, or its full name starts with the server's name.
fn covers(unit: &Unit, child: &Resource, server: &Resource) -> bool {
    let by_parent = child
        .parent
        .as_ref()
        .is_some_and(|p| unit.resolve(p).any(|r| r.key == server.key));
    by_parent
        || server_of(child).is_some_and(|s| {
            text(server.name.as_ref()).is_some_and(|n| !n.is_empty() && n.eq_ignore_ascii_case(s))
        })
}

/// The message for `r`: `{label}` the resource, `{name}` the property as
/// the source writes it (its full written path where the property is
/// absent), `{value}` the value found.
fn fill(m: &str, r: &Resource, path: &str, value: Option<&Value>) -> String {
    let arm_key = path.rsplit('.').next().unwrap_or(path);
    let name = match (r.spelling(path), value) {
        (Some(s), Some(_)) => s.key(),
        (Some(s), None) => s.written.as_str(),
        (None, _) => arm_key,
    };
    let value = match value.map(|v| &v.kind) {
        Some(Kind::Bool(b)) => b.to_string(),
        Some(Kind::String(t)) => format!("`{t}`"),
        _ => "set".to_string(),
    };
    m.replace("{label}", &r.label)
        .replace("{name}", name)
        .replace("{value}", &value)
}

fn report(check: &PropertyCheck, r: &Resource, answer: Answer, out: &mut Vec<Finding>) {
    let f = match answer {
        Answer::Bad => match r.prop(check.path) {
            Some(e) => {
                let m = fill(check.message, r, check.path, Some(&e.value));
                Finding::property(&RULE.meta, r, check.path, e, m).traced(&e.value)
            }
            None => return,
        },
        Answer::Absent => match check.absent {
            Absent::Bad(m) => {
                let m = fill(m, r, check.path, None);
                Finding::new(&RULE.meta, r.loc, m).resource(r, check.path)
            }
            Absent::Fine => return,
        },
        Answer::Fine | Answer::Unknown => return,
    };
    out.push(match check.help {
        Some(h) => f.help(h),
        None => f,
    });
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let deployed = |c: &'static PropertyCheck| {
        cx.resources
            .iter()
            .filter(move |r| c.types.iter().any(|t| r.is_type(t)) && !r.deploys_nothing())
    };
    let children: Vec<&Resource> = deployed(&SQL_CHILD).collect();
    for c in &children {
        report(&SQL_CHILD, c, SQL_CHILD.judge_resource(c), out);
    }
    // A child whose server is not known may be any server's: the servers
    // of this unit are then not proven to allow passwords.
    let unmatched = children.iter().any(|c| {
        let parent_found = c
            .parent
            .as_ref()
            .is_some_and(|p| cx.unit.resolve(p).next().is_some());
        server_of(c).is_none() && !parent_found
    });
    for server in deployed(&SQL) {
        // The child decides (and is reported itself when it is false).
        if children.iter().any(|c| covers(cx.unit, c, server)) {
            continue;
        }
        match SQL.judge_resource(server) {
            Answer::Absent if unmatched => {}
            a => report(&SQL, server, a, out),
        }
    }
    for server in deployed(&POSTGRES) {
        report(&POSTGRES, server, POSTGRES.judge_resource(server), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    fn v(k: Kind) -> Value {
        Value::new(k, Loc::default())
    }

    #[test]
    fn sql_needs_entra_only_true() {
        assert_eq!(SQL.judge(Some(&v(Kind::Bool(false)))), Answer::Bad);
        assert_eq!(SQL.judge(Some(&v(Kind::Bool(true)))), Answer::Fine);
        assert_eq!(SQL.judge(None), Answer::Absent);
        assert_eq!(
            SQL.judge(Some(&Value::opaque("parameter", Loc::default()))),
            Answer::Unknown
        );
    }

    #[test]
    fn postgres_password_auth_enabled_or_true_is_bad() {
        let s = |t: &str| v(Kind::String(t.into()));
        assert_eq!(POSTGRES.judge(Some(&s("Enabled"))), Answer::Bad);
        assert_eq!(POSTGRES.judge(Some(&s("disabled"))), Answer::Fine);
        assert_eq!(POSTGRES.judge(Some(&v(Kind::Bool(true)))), Answer::Bad);
        assert_eq!(POSTGRES.judge(Some(&v(Kind::Bool(false)))), Answer::Fine);
        assert_eq!(POSTGRES.judge(Some(&s("Maybe"))), Answer::Unknown);
        assert_eq!(POSTGRES.judge(None), Answer::Absent);
        assert_eq!(
            POSTGRES.judge(Some(&Value::opaque("variable", Loc::default()))),
            Answer::Unknown
        );
    }

    #[test]
    fn finds_nothing_in_an_empty_unit() {
        let unit = crate::model::Unit::default();
        let options = crate::rules::Options::default();
        let mut out = Vec::new();
        check(&Ctx::new(&unit, &options), &mut out);
        assert!(out.is_empty());
    }
}
