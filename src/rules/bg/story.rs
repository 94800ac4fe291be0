//! What the BG rules share: how a finding tells the story of a principal
//! that does not last, and the fix in the file's own format.

use crate::model::{Grant, GrantKind, Loc, Resource, Unit};

/// The source format of a resource, read from its source type: an ARM
/// type (`Microsoft.Web/sites`), an azapi resource, or a Terraform type
/// whose provider prefix (`<provider>_linux_web_app`) names the identity
/// type of the same provider.
pub enum Format<'a> {
    Arm,
    Azapi,
    Terraform { provider: &'a str },
}

pub fn format_of(r: &Resource) -> Format<'_> {
    let st = r.source_type.as_str();
    if st.contains('/') {
        Format::Arm
    } else if st.starts_with("azapi") {
        Format::Azapi
    } else {
        Format::Terraform {
            provider: st.split('_').next().unwrap_or(st),
        }
    }
}

/// The fix: one user-assigned identity shared by `members` (e.g. "the app
/// and each of its slots"), written in `r`'s format.
pub fn shared_identity_help(r: &Resource, members: &str) -> String {
    match format_of(r) {
        Format::Arm => format!(
            "declare one `Microsoft.ManagedIdentity/userAssignedIdentities` resource and attach it to {members} (`identity: {{type: 'UserAssigned', userAssignedIdentities: {{'<its resource ID>': {{}}}}}}`), give the role assignments to its `principalId`, and set `AZURE_CLIENT_ID` (or the service's client-ID setting) to its `clientId`"
        ),
        Format::Azapi => format!(
            "declare one `Microsoft.ManagedIdentity/userAssignedIdentities` identity and attach it to {members} (`identity {{ type = \"UserAssigned\" identity_ids = [<its id>] }}`), give the role assignments to its principal ID, and set `AZURE_CLIENT_ID` (or the service's client-ID setting) to its client ID"
        ),
        Format::Terraform { provider } => format!(
            "declare one `{provider}_user_assigned_identity` and attach it to {members} (`identity {{ type = \"UserAssigned\" identity_ids = [{provider}_user_assigned_identity.<name>.id] }}`), give the role assignments its `principal_id`, and set `AZURE_CLIENT_ID` (or the service's client-ID setting) to its `client_id`"
        ),
    }
}

/// The fix for a registry pull: a user-assigned identity that holds
/// `AcrPull` before the app is created, named in the registry entry.
pub fn pull_help(r: &Resource) -> String {
    match format_of(r) {
        Format::Arm | Format::Azapi => "create a `Microsoft.ManagedIdentity/userAssignedIdentities` identity, give it `AcrPull` on the registry before the app is deployed (`dependsOn` the assignment), attach it to the app, and set `registries[].identity` to its resource ID".to_string(),
        Format::Terraform { provider } => format!(
            "create a `{provider}_user_assigned_identity`, give it `AcrPull` on the registry before the app is created (`depends_on` the assignment), add it to `identity {{ identity_ids }}`, and set `registry {{ identity }}` to its `id`"
        ),
    }
}

/// "role assignment" when every grant is one, else "grant".
pub fn grant_noun(grants: &[&Grant]) -> &'static str {
    if grants.iter().all(|g| g.kind == GrantKind::RoleAssignment) {
        "role assignment"
    } else {
        "grant"
    }
}

/// "its role assignment on line 40 is", "its 3 role assignments on lines
/// 40–60 are": the grants as the subject of a sentence.
pub fn its_grants(unit: &Unit, at: Loc, grants: &[&Grant]) -> String {
    let noun = grant_noun(grants);
    let place = where_text(unit, at, &grant_locs(unit, grants));
    if grants.len() == 1 {
        format!("its {noun}{place} is")
    } else {
        format!("its {} {noun}s{place} are", grants.len())
    }
}

/// " on line 40", " on lines 40–60", " in main.tf": where `locs` are, told
/// from a finding at `at`; "" when there are none.
pub fn where_text(unit: &Unit, at: Loc, locs: &[Loc]) -> String {
    if locs.is_empty() {
        return String::new();
    }
    if locs.iter().all(|l| l.file == at.file) {
        let file = unit.file(at.file);
        let lines: Vec<u32> = locs
            .iter()
            .map(|l| file.line_col(l.span.start).line)
            .collect();
        let (lo, hi) = (
            *lines.iter().min().unwrap_or(&0),
            *lines.iter().max().unwrap_or(&0),
        );
        return if lo == hi {
            format!(" on line {lo}")
        } else {
            format!(" on lines {lo}\u{2013}{hi}")
        };
    }
    let mut files: Vec<&str> = locs
        .iter()
        .map(|l| unit.file(l.file).display.as_str())
        .collect();
    files.sort();
    files.dedup();
    format!(" in {}", files.join(", "))
}

/// Where each grant's principal is given (else the grant's declaration),
/// for related locations and line ranges.
pub fn grant_locs(unit: &Unit, grants: &[&Grant]) -> Vec<Loc> {
    grants
        .iter()
        .map(|g| g.principal_loc.unwrap_or(unit.res(g.resource).loc))
        .collect()
}

/// Related locations naming each grant.
pub fn grant_related(unit: &Unit, grants: &[&Grant]) -> Vec<(Loc, String)> {
    grants
        .iter()
        .map(|g| {
            let res = unit.res(g.resource);
            let what = match (g.kind, &g.role) {
                (GrantKind::RoleAssignment, crate::model::Role::BuiltIn(b)) => {
                    format!("role assignment `{}` ({})", res.label, b.name)
                }
                (GrantKind::RoleAssignment, _) => format!("role assignment `{}`", res.label),
                (GrantKind::AccessPolicy, _) => format!("access policy on `{}`", res.label),
                (GrantKind::CosmosSqlRole, _) => {
                    format!("Cosmos DB data role assignment `{}`", res.label)
                }
            };
            (g.principal_loc.unwrap_or(res.loc), what)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grant_nouns() {
        assert_eq!(grant_noun(&[]), "role assignment");
    }
}
