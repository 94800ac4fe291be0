use crate::findings::{Finding, Severity};
use crate::model::assignment::{
    created_here, principal_kind, principal_type, Created, PrincipalKind, PrincipalType,
    TypeSetting, SKIP_AAD_CHECK,
};
use crate::model::{Loc, RoleAssignment, Unit};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC011",
        name: "role-assignment-without-principal-type",
        family: Family::Rbac,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "role assignment for a principal created in the same deployment without `principalType`, or with the wrong one for a managed identity",
        help: "set `principalType: 'ServicePrincipal'` on assignments to managed identities and service principals (Terraform: `principal_type = \"ServicePrincipal\"` or `skip_service_principal_aad_check = true`), so that Azure does not look up a principal that has not replicated yet",
        docs: include_str!("../../../rules/RBAC011-role-assignment-without-principal-type/README.md"),
    },
    check,
};

/// What is wrong with an assignment's `principalType`.
#[derive(Debug, PartialEq)]
pub enum Problem {
    /// Not set, for a principal the same deployment creates.
    Missing(PrincipalType),
    /// Set to a type the principal is not.
    Wrong {
        given: PrincipalType,
        actual: PrincipalType,
    },
}

/// The type a principal is, when its kind says.
fn actual_type(kind: &PrincipalKind) -> Option<PrincipalType> {
    match kind {
        PrincipalKind::SystemIdentity(_) | PrincipalKind::UserIdentity(_) => {
            Some(PrincipalType::ServicePrincipal)
        }
        // Only an Entra object the ID is read from says what it is.
        PrincipalKind::Entra(t, Some(_)) => Some(*t),
        _ => None,
    }
}

/// Judges the `principalType` setting of an assignment to `kind`, whose
/// principal `created` says whether the same deployment makes, and whose
/// Terraform `skip_service_principal_aad_check` is `skip`.
pub fn judge(
    setting: &TypeSetting,
    kind: &PrincipalKind,
    created: bool,
    skip: Option<bool>,
) -> Option<Problem> {
    let actual = actual_type(kind)?;
    match setting {
        TypeSetting::Absent => {
            // An unknown switch may be on.
            (created && skip == Some(false)).then_some(Problem::Missing(actual))
        }
        TypeSetting::Is(given) if *given != actual => Some(Problem::Wrong {
            given: *given,
            actual,
        }),
        _ => None,
    }
}

const TYPE_PATH: &str = "properties.principalType";

fn missing_help(t: PrincipalType, tf: bool) -> String {
    let why = "without it Azure looks the new principal up in Entra ID and can fail with `PrincipalNotFound` while it replicates";
    match (tf, t) {
        (true, PrincipalType::ServicePrincipal) => format!(
            "set `principal_type = \"ServicePrincipal\"` (or `skip_service_principal_aad_check = true`): {why}"
        ),
        (true, t) => format!("set `principal_type = \"{}\"`: {why}", t.as_str()),
        (false, t) => format!("set `principalType: '{}'`: {why}", t.as_str()),
    }
}

fn skip_check(unit: &Unit, ra: &RoleAssignment) -> Option<bool> {
    match unit.resources[ra.resource].prop(SKIP_AAD_CHECK) {
        None => Some(false),
        Some(e) if e.value.is_null() => Some(false),
        Some(e) => e.value.as_bool(),
    }
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        if res.deploys_nothing() {
            continue;
        }
        let kind = principal_kind(ra);
        let created = created_here(cx, &kind);
        let Some(problem) = judge(
            &principal_type(ra),
            &kind,
            created.is_some(),
            skip_check(cx, ra),
        ) else {
            continue;
        };
        let who = kind.describe(cx);
        // As the source spells it: `principal_type` in Terraform.
        let key = res.spelling(TYPE_PATH).map_or("principalType", |s| s.key());
        let tf = res.spelling(TYPE_PATH).is_some();
        let f = match problem {
            Problem::Missing(t) => {
                let mut f = Finding::new(
                    &RULE.meta,
                    ra.role_loc(res),
                    format!(
                        "role assignment to {who}, created in the same deployment, does not set `{key}`"
                    ),
                )
                .resource(res, "principalType")
                .help(missing_help(t, tf));
                if let Some(c) = created {
                    let r = match &c {
                        Created::ManagedIdentity(r) | Created::EntraObject(_, r) => r,
                    };
                    if let Some(x) = cx.resolve(r).next() {
                        f = f.related(x.loc, "the principal is created here");
                    }
                }
                f
            }
            Problem::Wrong { given, actual } => {
                let e = ra.principal_type.as_ref();
                let loc: Loc = e.map(|e| e.key_loc).unwrap_or(res.loc);
                let mut f = Finding::new(
                    &RULE.meta,
                    loc,
                    format!("`{key}` is `{}` but the principal is {who}", given.as_str()),
                )
                .resource(res, "principalType")
                .help(if tf {
                    format!("set `principal_type = \"{}\"`", actual.as_str())
                } else {
                    format!("set `principalType` to `{}`", actual.as_str())
                });
                if let Some(e) = e {
                    f = f.traced(&e.value);
                }
                f
            }
        };
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ResourceRef;

    fn uami() -> PrincipalKind {
        PrincipalKind::UserIdentity(ResourceRef {
            ty: "microsoft.managedidentity/userassignedidentities".into(),
            key: "id".into(),
        })
    }

    #[test]
    fn judges_type_settings() {
        let sp = PrincipalType::ServicePrincipal;
        assert_eq!(
            judge(&TypeSetting::Absent, &uami(), true, Some(false)),
            Some(Problem::Missing(sp))
        );
        // Not created here, the skip switch on or unknown: nothing.
        assert_eq!(
            judge(&TypeSetting::Absent, &uami(), false, Some(false)),
            None
        );
        assert_eq!(judge(&TypeSetting::Absent, &uami(), true, Some(true)), None);
        assert_eq!(judge(&TypeSetting::Absent, &uami(), true, None), None);
        assert_eq!(
            judge(&TypeSetting::Is(sp), &uami(), true, Some(false)),
            None
        );
        assert_eq!(
            judge(&TypeSetting::Unknown, &uami(), true, Some(false)),
            None
        );
        // A wrong type for a managed identity, created here or not.
        assert_eq!(
            judge(
                &TypeSetting::Is(PrincipalType::User),
                &uami(),
                false,
                Some(false)
            ),
            Some(Problem::Wrong {
                given: PrincipalType::User,
                actual: sp
            })
        );
        // A principal known only by its `principalType` is not judged.
        let only_type = PrincipalKind::Entra(PrincipalType::User, None);
        assert_eq!(
            judge(
                &TypeSetting::Is(PrincipalType::User),
                &only_type,
                false,
                Some(false)
            ),
            None
        );
        assert_eq!(
            judge(
                &TypeSetting::Absent,
                &PrincipalKind::Unknown,
                true,
                Some(false)
            ),
            None
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
