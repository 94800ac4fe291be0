//! Azure roles: the built-in role catalog, and what a role's permissions let
//! its holder do.
//!
//! The catalog is `data/azure-builtin-roles.json` (a copy of the shared
//! reference data, checked against it by a test), embedded in the binary and
//! parsed once. A role is known by its definition GUID or its name (any
//! case); anything else is an unknown role, never a guess.
//!
//! Capabilities follow Azure's semantics for permissions: an action is
//! allowed when some `actions` pattern matches it and no `notActions`
//! pattern does (the same for `dataActions`/`notDataActions`); in a pattern
//! `*` matches any run of characters, `/` included, and case does not
//! matter. `notActions` are not deny rules: they only take away what the
//! same permission entry's `actions` grant.

use super::rbac::Role;
use super::resource::Resource;
use super::value::{Entry, Kind, Loc, Value};
use super::Unit;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A built-in Azure role from the catalog.
#[derive(Debug, PartialEq, Eq)]
pub struct BuiltinRole {
    pub name: &'static str,
    /// The role definition GUID, lower-case.
    pub guid: &'static str,
    /// The reference page(s) the role is listed on (`storage`, `privileged`...).
    pub category: &'static str,
    /// A privileged administrator role (RULES.md table T1, marked `*`).
    pub privileged: bool,
    pub permissions: Permissions<&'static str>,
    /// What the permissions allow, computed once.
    pub capabilities: Capabilities,
}

/// The privileged administrator roles of RULES.md table T1: Owner,
/// Contributor, User Access Administrator, Role Based Access Control
/// Administrator, Reservations Administrator.
pub const PRIVILEGED: &[&str] = &[
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    "b24988ac-6180-42a0-ab88-20f7382dd24c",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
    "a8889054-8d42-49c9-bc1c-52486c10e7cd",
];

/// The catalog as shipped: a copy of `../shared/data/azure-builtin-roles.json`.
pub const CATALOG_JSON: &str = include_str!("../../data/azure-builtin-roles.json");

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawRole {
    name: &'static str,
    id: &'static str,
    category: &'static str,
    actions: Vec<&'static str>,
    not_actions: Vec<&'static str>,
    data_actions: Vec<&'static str>,
    not_data_actions: Vec<&'static str>,
}

struct Catalog {
    roles: Vec<BuiltinRole>,
    by_guid: HashMap<&'static str, usize>,
    by_name: HashMap<String, usize>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        // The data is part of the build: a parse failure is a build defect,
        // which the catalog tests catch.
        let raw: Vec<RawRole> = serde_json::from_str(CATALOG_JSON).unwrap_or_default();
        let roles: Vec<BuiltinRole> = raw
            .into_iter()
            .map(|r| {
                let permissions = Permissions {
                    actions: r.actions,
                    not_actions: r.not_actions,
                    data_actions: r.data_actions,
                    not_data_actions: r.not_data_actions,
                };
                let capabilities = capabilities(std::slice::from_ref(&permissions));
                BuiltinRole {
                    name: r.name,
                    guid: r.id,
                    category: r.category,
                    privileged: PRIVILEGED.iter().any(|g| g.eq_ignore_ascii_case(r.id)),
                    permissions,
                    capabilities,
                }
            })
            .collect();
        let by_guid = roles.iter().enumerate().map(|(i, r)| (r.guid, i)).collect();
        let by_name = roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.name.to_ascii_lowercase(), i))
            .collect();
        Catalog {
            roles,
            by_guid,
            by_name,
        }
    })
}

/// Every built-in role, sorted by name.
pub fn builtin_roles() -> &'static [BuiltinRole] {
    &catalog().roles
}

/// The built-in role with this definition GUID (any case).
pub fn builtin_by_guid(guid: &str) -> Option<&'static BuiltinRole> {
    let c = catalog();
    let i = match c.by_guid.get(guid) {
        Some(i) => *i,
        None => *c.by_guid.get(guid.trim().to_ascii_lowercase().as_str())?,
    };
    Some(&c.roles[i])
}

/// The built-in role with this name, compared case-insensitively.
pub fn builtin_by_name(name: &str) -> Option<&'static BuiltinRole> {
    let c = catalog();
    c.by_name
        .get(&name.trim().to_ascii_lowercase())
        .map(|&i| &c.roles[i])
}

/// One permission entry of a role definition (`properties.permissions[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Permissions<S> {
    pub actions: Vec<S>,
    pub not_actions: Vec<S>,
    pub data_actions: Vec<S>,
    pub not_data_actions: Vec<S>,
}

/// How far a wildcard permission reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Wildcard {
    /// `Microsoft.X/*`: every operation of one resource provider.
    Provider,
    /// `*`: every operation of every provider.
    All,
}

/// A control-plane action that hands out a service's keys, for a service
/// that also has Entra data-plane roles (so the keys are avoidable).
#[derive(Debug, PartialEq, Eq)]
pub struct KeyListing {
    /// The service, for messages.
    pub service: &'static str,
    /// The resource type (lower-case) whose keys the action lists; a role
    /// granted on a resource of another type cannot list them.
    pub resource_type: &'static str,
    pub action: &'static str,
}

const fn keys(
    service: &'static str,
    resource_type: &'static str,
    action: &'static str,
) -> KeyListing {
    KeyListing {
        service,
        resource_type,
        action,
    }
}

/// Key-listing actions of services with data-plane roles. Not here:
/// `Microsoft.KeyVault/vaults/secrets/read`, which reads a secret's
/// metadata and never its value (that is the data action `getSecret`).
pub static KEY_LISTINGS: &[KeyListing] = &[
    keys(
        "Storage",
        "microsoft.storage/storageaccounts",
        "Microsoft.Storage/storageAccounts/listKeys/action",
    ),
    keys(
        "Service Bus",
        "microsoft.servicebus/namespaces",
        "Microsoft.ServiceBus/namespaces/authorizationRules/listKeys/action",
    ),
    keys(
        "Event Hubs",
        "microsoft.eventhub/namespaces",
        "Microsoft.EventHub/namespaces/authorizationRules/listKeys/action",
    ),
    keys(
        "Cosmos DB",
        "microsoft.documentdb/databaseaccounts",
        "Microsoft.DocumentDB/databaseAccounts/listKeys/action",
    ),
    keys(
        "Cognitive Services",
        "microsoft.cognitiveservices/accounts",
        "Microsoft.CognitiveServices/accounts/listKeys/action",
    ),
    keys(
        "AI Search",
        "microsoft.search/searchservices",
        "Microsoft.Search/searchServices/listAdminKeys/action",
    ),
    keys(
        "App Configuration",
        "microsoft.appconfiguration/configurationstores",
        "Microsoft.AppConfiguration/configurationStores/listKeys/action",
    ),
    keys(
        "SignalR",
        "microsoft.signalrservice/signalr",
        "Microsoft.SignalRService/SignalR/listKeys/action",
    ),
    keys(
        "Web PubSub",
        "microsoft.signalrservice/webpubsub",
        "Microsoft.SignalRService/WebPubSub/listKeys/action",
    ),
    keys(
        "Event Grid",
        "microsoft.eventgrid/topics",
        "Microsoft.EventGrid/topics/listKeys/action",
    ),
];

/// A data plane with an owner-level role and narrower ones that usually do.
#[derive(Debug, PartialEq, Eq)]
pub struct DataArea {
    /// What is owned, for messages.
    pub what: &'static str,
    /// A data action inside the area: a role that may do every data action
    /// of a wildcard covering it owns the area.
    pub probe: &'static str,
    /// The narrower built-in roles, for the fix.
    pub narrower: &'static str,
}

pub static DATA_AREAS: &[DataArea] = &[
    DataArea {
        what: "blob data",
        probe: "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
        narrower: "Storage Blob Data Reader or Storage Blob Data Contributor",
    },
    DataArea {
        what: "Service Bus data",
        probe: "Microsoft.ServiceBus/namespaces/messages/send/action",
        narrower: "Azure Service Bus Data Sender or Azure Service Bus Data Receiver",
    },
    DataArea {
        what: "Event Hubs data",
        probe: "Microsoft.EventHub/namespaces/messages/send/action",
        narrower: "Azure Event Hubs Data Sender or Azure Event Hubs Data Receiver",
    },
    DataArea {
        what: "Key Vault secrets",
        probe: "Microsoft.KeyVault/vaults/secrets/getSecret/action",
        narrower: "Key Vault Secrets User",
    },
];

pub const WRITE_ROLE_ASSIGNMENTS: &str = "Microsoft.Authorization/roleAssignments/write";
pub const WRITE_ROLE_DEFINITIONS: &str = "Microsoft.Authorization/roleDefinitions/write";

/// What a role's permissions allow, as the rules ask it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// `Microsoft.Authorization/roleAssignments/write`: can grant access.
    pub write_role_assignments: bool,
    /// `Microsoft.Authorization/roleDefinitions/write`: can define roles.
    pub write_role_definitions: bool,
    /// Key-listing actions allowed ([`KEY_LISTINGS`]), in table order.
    pub list_keys: Vec<&'static KeyListing>,
    /// Data planes owned whole ([`DATA_AREAS`]), in table order.
    pub owns_data: Vec<&'static DataArea>,
    /// A `dataActions` wildcard (`Microsoft.X/*`, `.../blobs/*`) that no
    /// `notDataActions` narrows: every data operation under it.
    pub data_wildcard: bool,
    /// The widest wildcard of `actions` or `dataActions`.
    pub wildcard: Option<Wildcard>,
}

impl Capabilities {
    /// Can grant access: write role assignments or role definitions.
    pub fn can_grant(&self) -> bool {
        self.write_role_assignments || self.write_role_definitions
    }
}

/// Does the permission pattern match the operation? `*` matches any run of
/// characters (`/` included); ASCII case is ignored.
pub fn matches(pattern: &str, action: &str) -> bool {
    let p = pattern.trim().as_bytes();
    let a = action.as_bytes();
    let (mut pi, mut ai) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ai < a.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ai));
            pi += 1;
        } else if pi < p.len() && p[pi].eq_ignore_ascii_case(&a[ai]) {
            pi += 1;
            ai += 1;
        } else if let Some((sp, sa)) = star {
            pi = sp + 1;
            ai = sa + 1;
            star = Some((sp, sa + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// Is `action` allowed by `grants` less `denies`?
pub fn allows<S: AsRef<str>>(grants: &[S], denies: &[S], action: &str) -> bool {
    grants.iter().any(|g| matches(g.as_ref(), action))
        && !denies.iter().any(|d| matches(d.as_ref(), action))
}

/// The wildcard a single permission pattern is: `*` alone, or
/// `Microsoft.X/*` (a whole resource provider).
pub fn wildcard_of(pattern: &str) -> Option<Wildcard> {
    let p = pattern.trim();
    if p == "*" {
        return Some(Wildcard::All);
    }
    let ns = p.strip_suffix("/*")?;
    (!ns.is_empty() && !ns.contains('/') && !ns.contains('*')).then_some(Wildcard::Provider)
}

/// Is this `dataActions` wildcard narrowed by any of `denies`? A deny
/// inside the wildcard's reach (`.../blobs/*` less `.../blobs/delete`) or
/// one that covers it.
fn narrowed<S: AsRef<str>>(wildcard: &str, denies: &[S]) -> bool {
    let prefix = wildcard.trim().trim_end_matches('*').to_ascii_lowercase();
    denies.iter().any(|d| {
        let d = d.as_ref().trim();
        d.to_ascii_lowercase().starts_with(&prefix) || matches(d, &format!("{prefix}x"))
    })
}

/// What the permission entries of a role allow, taken together.
pub fn capabilities<S: AsRef<str>>(entries: &[Permissions<S>]) -> Capabilities {
    let mut c = Capabilities::default();
    let mut listed = vec![false; KEY_LISTINGS.len()];
    let mut owned = vec![false; DATA_AREAS.len()];
    for p in entries {
        c.write_role_assignments |= allows(&p.actions, &p.not_actions, WRITE_ROLE_ASSIGNMENTS);
        c.write_role_definitions |= allows(&p.actions, &p.not_actions, WRITE_ROLE_DEFINITIONS);
        for (i, k) in KEY_LISTINGS.iter().enumerate() {
            listed[i] |= allows(&p.actions, &p.not_actions, k.action);
        }
        for a in p.actions.iter().chain(&p.data_actions) {
            c.wildcard = c.wildcard.max(wildcard_of(a.as_ref()));
        }
        for w in &p.data_actions {
            let w = w.as_ref().trim();
            if !w.ends_with('*') || narrowed(w, &p.not_data_actions) {
                continue;
            }
            c.data_wildcard = true;
            for (i, area) in DATA_AREAS.iter().enumerate() {
                owned[i] |= matches(w, area.probe);
            }
        }
    }
    c.list_keys = KEY_LISTINGS
        .iter()
        .zip(&listed)
        .filter_map(|(k, &on)| on.then_some(k))
        .collect();
    c.owns_data = DATA_AREAS
        .iter()
        .zip(&owned)
        .filter_map(|(a, &on)| on.then_some(a))
        .collect();
    c
}

/// `Microsoft.Authorization/roleDefinitions`: a custom role.
pub const ROLE_DEFINITION: &str = "Microsoft.Authorization/roleDefinitions";

/// One `properties.permissions[]` entry of a custom role as written: each
/// list with its key and elements, for findings on an element.
#[derive(Clone, Copy, Debug, Default)]
pub struct PermissionEntry<'a> {
    pub actions: Option<&'a Entry>,
    pub not_actions: Option<&'a Entry>,
    pub data_actions: Option<&'a Entry>,
    pub not_data_actions: Option<&'a Entry>,
}

impl<'a> PermissionEntry<'a> {
    /// The entry's lists as far as they are known: the known elements of
    /// `actions`/`dataActions` (what an unknown element grants is not
    /// claimed), and `None` when a `notActions`/`notDataActions` list or
    /// element is unknown, since then nothing granted can be proven left.
    pub fn permissions(&self) -> Option<Permissions<&'a str>> {
        Some(Permissions {
            actions: known_elements(self.actions),
            not_actions: all_elements(self.not_actions)?,
            data_actions: known_elements(self.data_actions),
            not_data_actions: all_elements(self.not_data_actions)?,
        })
    }
}

/// The elements of a permission list: each string value (literal or
/// folded) with its value, for its location.
pub fn elements(list: Option<&Entry>) -> impl Iterator<Item = (&str, &Value)> {
    list.and_then(|e| e.value.as_array())
        .unwrap_or(&[])
        .iter()
        .filter_map(|v| v.as_str().map(|s| (s, v)))
}

fn known_elements(list: Option<&Entry>) -> Vec<&str> {
    elements(list).map(|(s, _)| s).collect()
}

/// Every element, or `None` when the list or one of its elements is unknown.
fn all_elements(list: Option<&Entry>) -> Option<Vec<&str>> {
    let Some(e) = list else {
        return Some(Vec::new());
    };
    if e.value.is_null() {
        return Some(Vec::new());
    }
    e.value.as_array()?.iter().map(|v| v.as_str()).collect()
}

/// The permission entries of a role definition resource; `None` for
/// another type, or when `properties.permissions` is not a known list.
pub fn permission_entries(res: &Resource) -> Option<Vec<PermissionEntry<'_>>> {
    if !res.is_type(ROLE_DEFINITION) {
        return None;
    }
    let list = res.prop("properties.permissions")?;
    let items: &[Value] = match &list.value.kind {
        Kind::Array(a) => a,
        Kind::Object(_) => std::slice::from_ref(&list.value),
        _ => return None,
    };
    Some(
        items
            .iter()
            .map(|p| PermissionEntry {
                actions: p.entry("actions"),
                not_actions: p.entry("notActions"),
                data_actions: p.entry("dataActions"),
                not_data_actions: p.entry("notDataActions"),
            })
            .collect(),
    )
}

/// What a custom role definition resource allows, as far as it is known.
pub fn definition_capabilities(res: &Resource) -> Option<Capabilities> {
    let entries = permission_entries(res)?;
    let perms: Vec<Permissions<&str>> = entries.iter().filter_map(|e| e.permissions()).collect();
    Some(capabilities(&perms))
}

/// The custom role definition of the unit an assignment's role names: by
/// reference, or by a literal GUID that is a definition's name. `None` for
/// built-in and unknown roles, and when the reference is not one resource.
pub fn custom_definition<'u>(unit: &'u Unit, role: &Role) -> Option<&'u Resource> {
    let mut found: Box<dyn Iterator<Item = &Resource>> = match role {
        Role::Custom(target) => Box::new(unit.resolve(target)),
        Role::Guid(guid) => Box::new(unit.resources_of_type(ROLE_DEFINITION).filter(move |r| {
            r.name
                .as_ref()
                .and_then(|n| n.as_str())
                .is_some_and(|n| n.eq_ignore_ascii_case(guid))
        })),
        Role::BuiltIn(_) | Role::Unknown => return None,
    };
    match (found.next(), found.next()) {
        (Some(def), None) => Some(def),
        _ => None,
    }
}

/// What the role an assignment grants allows: a built-in role's from the
/// catalog, a custom role's from its definition in the same unit (see
/// [`custom_definition`]). `None` when the role is unknown.
pub fn role_capabilities<'u>(unit: &'u Unit, role: &Role) -> Option<Cow<'u, Capabilities>> {
    match role {
        Role::BuiltIn(r) => Some(Cow::Borrowed(&r.capabilities)),
        _ => definition_capabilities(custom_definition(unit, role)?).map(Cow::Owned),
    }
}

/// The name of a custom role definition: its `roleName`, else its label
/// unless that is an unevaluated expression.
pub fn definition_name(res: &Resource) -> Option<String> {
    match res
        .prop("properties.roleName")
        .and_then(|e| e.value.as_str())
    {
        Some(n) => Some(n.to_string()),
        None => (!res.label.starts_with('[')).then(|| res.label.clone()),
    }
}

/// How a message names a custom role definition: "custom role `X`".
pub fn definition_phrase(res: &Resource) -> String {
    match definition_name(res) {
        Some(n) => format!("custom role `{n}`"),
        None => "a custom role".to_string(),
    }
}

/// How a message names the role an assignment grants: the built-in role's
/// name, the custom role's name, or the GUID.
pub fn describe_role(unit: &Unit, role: &Role) -> String {
    if let Some(name) = custom_definition(unit, role).and_then(definition_name) {
        return name;
    }
    match role {
        Role::BuiltIn(r) => r.name.to_string(),
        Role::Custom(_) => "custom role".to_string(),
        Role::Guid(g) => g.clone(),
        Role::Unknown => "an unknown role".into(),
    }
}

/// Where a finding on an element of a permission or scope list points:
/// the element where it is written in the list, else (the list comes from
/// a parameter, variable, local or module input) the list's key, where the
/// element's origin is a related location.
pub fn element_loc(unit: &Unit, list: &Entry, element: &Value) -> Loc {
    let (key, l, e) = (list.key_loc, list.value.loc, element.loc);
    let mut in_place = list.value.via.is_empty()
        && element.via.is_empty()
        && l.file == key.file
        && e.file == key.file
        && l.span.start >= key.span.end
        && e.span.start >= l.span.start
        && e.span.end <= l.span.end;
    // The list is written right after its key (`"actions": [`, `actions = [`),
    // not brought in from elsewhere in the file (a local, `each.value`).
    if in_place && (key.file.0 as usize) < unit.files.len() {
        let file = unit.file(key.file);
        let between = crate::source::Span {
            start: key.span.end,
            end: l.span.start,
        };
        if file.holds(between) {
            in_place = file
                .slice(between)
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '"' | ':' | '='));
        }
    }
    if in_place {
        e
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str) -> &'static BuiltinRole {
        builtin_by_name(name).unwrap_or_else(|| panic!("{name} not in the catalog"))
    }

    fn services(c: &Capabilities) -> Vec<&'static str> {
        c.list_keys.iter().map(|k| k.service).collect()
    }

    fn custom(
        actions: &[&str],
        not_actions: &[&str],
        data: &[&str],
        not_data: &[&str],
    ) -> Capabilities {
        capabilities(&[Permissions {
            actions: actions.to_vec(),
            not_actions: not_actions.to_vec(),
            data_actions: data.to_vec(),
            not_data_actions: not_data.to_vec(),
        }])
    }

    #[test]
    fn the_catalog_parses_whole() {
        let roles = builtin_roles();
        assert!(roles.len() >= 400, "{} roles", roles.len());
        for r in roles {
            assert!(crate::model::ids::is_guid(r.guid), "{}", r.name);
            assert_eq!(r.guid, r.guid.to_ascii_lowercase(), "{}", r.name);
            assert_eq!(builtin_by_guid(r.guid), Some(r));
            assert_eq!(builtin_by_name(r.name), Some(r));
            assert_eq!(builtin_by_name(&r.name.to_ascii_uppercase()), Some(r));
            assert_eq!(builtin_by_guid(&r.guid.to_ascii_uppercase()), Some(r));
        }
    }

    #[test]
    fn privileged_roles_are_exactly_table_t1s() {
        let mut names: Vec<&str> = builtin_roles()
            .iter()
            .filter(|r| r.privileged)
            .map(|r| r.name)
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "Contributor",
                "Owner",
                "Reservations Administrator",
                "Role Based Access Control Administrator",
                "User Access Administrator"
            ]
        );
    }

    #[test]
    fn unknown_roles_are_unknown() {
        assert!(builtin_by_guid("11111111-2222-3333-4444-555555555555").is_none());
        assert!(builtin_by_name("Ownerr").is_none());
        assert!(builtin_by_name("").is_none());
    }

    #[test]
    fn wildcards_match_any_run_in_any_case() {
        assert!(matches("*", WRITE_ROLE_ASSIGNMENTS));
        assert!(matches("Microsoft.Authorization/*", WRITE_ROLE_ASSIGNMENTS));
        assert!(matches(
            "microsoft.authorization/*/WRITE",
            WRITE_ROLE_ASSIGNMENTS
        ));
        assert!(matches("*/write", WRITE_ROLE_ASSIGNMENTS));
        assert!(matches(
            "*/listkeys/action",
            "Microsoft.Storage/storageAccounts/listKeys/action"
        ));
        assert!(!matches("*/read", WRITE_ROLE_ASSIGNMENTS));
        assert!(!matches(
            "Microsoft.Authorization/roleAssignments/read",
            WRITE_ROLE_ASSIGNMENTS
        ));
        assert!(!matches("Microsoft.Auth", WRITE_ROLE_ASSIGNMENTS));
        assert!(matches("a*b*c", "aXXbYYc"));
        assert!(!matches("a*b*c", "aXXbYY"));
        assert!(matches("**", ""));
    }

    #[test]
    fn wildcard_kinds() {
        assert_eq!(wildcard_of("*"), Some(Wildcard::All));
        assert_eq!(wildcard_of("Microsoft.Storage/*"), Some(Wildcard::Provider));
        assert_eq!(wildcard_of("Microsoft.Storage/storageAccounts/*"), None);
        assert_eq!(wildcard_of("*/read"), None);
        assert_eq!(wildcard_of("Microsoft.Storage/storageAccounts/read"), None);
    }

    #[test]
    fn owner_can_do_everything() {
        let c = &role("Owner").capabilities;
        assert!(c.write_role_assignments && c.write_role_definitions);
        assert_eq!(services(c).len(), KEY_LISTINGS.len());
        assert_eq!(c.wildcard, Some(Wildcard::All));
        assert!(c.owns_data.is_empty() && !c.data_wildcard);
    }

    #[test]
    fn contributor_lists_keys_but_cannot_grant() {
        let c = &role("Contributor").capabilities;
        assert!(!c.write_role_assignments && !c.write_role_definitions);
        assert!(services(c).contains(&"Storage"));
        assert_eq!(services(c).len(), KEY_LISTINGS.len());
        assert_eq!(c.wildcard, Some(Wildcard::All));
        assert!(c.owns_data.is_empty());
    }

    #[test]
    fn user_access_administrator_grants_but_lists_no_key() {
        let c = &role("User Access Administrator").capabilities;
        assert!(c.write_role_assignments && c.write_role_definitions);
        assert!(c.list_keys.is_empty());
        assert!(c.owns_data.is_empty());
        let c = &role("Role Based Access Control Administrator").capabilities;
        assert!(c.write_role_assignments && c.list_keys.is_empty());
        let c = &role("Key Vault Data Access Administrator").capabilities;
        assert!(c.write_role_assignments && c.list_keys.is_empty());
    }

    #[test]
    fn storage_account_contributor_lists_storage_keys_only() {
        let c = &role("Storage Account Contributor").capabilities;
        assert_eq!(services(c), ["Storage"]);
        assert!(!c.can_grant());
        assert!(c.owns_data.is_empty());
        for name in [
            "Reader and Data Access",
            "Storage Account Key Operator Service Role",
        ] {
            assert_eq!(services(&role(name).capabilities), ["Storage"], "{name}");
        }
        for name in ["Cognitive Services User", "Cognitive Services Contributor"] {
            assert_eq!(
                services(&role(name).capabilities),
                ["Cognitive Services"],
                "{name}"
            );
        }
    }

    #[test]
    fn blob_data_owner_owns_blob_data() {
        let c = &role("Storage Blob Data Owner").capabilities;
        assert_eq!(c.owns_data.len(), 1);
        assert_eq!(c.owns_data[0].what, "blob data");
        assert!(c.data_wildcard);
        assert!(!c.can_grant() && c.list_keys.is_empty());
        assert_eq!(c.wildcard, None);
        // The contributor writes blobs but does not own them.
        assert!(role("Storage Blob Data Contributor")
            .capabilities
            .owns_data
            .is_empty());
        for name in [
            "Azure Service Bus Data Owner",
            "Azure Event Hubs Data Owner",
            "Key Vault Administrator",
            "Key Vault Secrets Officer",
        ] {
            assert_eq!(role(name).capabilities.owns_data.len(), 1, "{name}");
        }
        for name in [
            "Azure Service Bus Data Sender",
            "Azure Event Hubs Data Receiver",
            "Key Vault Crypto Officer",
            "Cognitive Services User",
        ] {
            assert!(role(name).capabilities.owns_data.is_empty(), "{name}");
        }
    }

    #[test]
    fn key_vault_secrets_user_has_none_of_these() {
        let c = &role("Key Vault Secrets User").capabilities;
        assert_eq!(c, &Capabilities::default());
        let c = &role("Reader").capabilities;
        assert_eq!(c, &Capabilities::default());
    }

    #[test]
    fn custom_permissions() {
        let c = custom(&["Microsoft.Authorization/*"], &[], &[], &[]);
        assert!(c.write_role_assignments && c.write_role_definitions);
        assert_eq!(c.wildcard, Some(Wildcard::Provider));
        let c = custom(&["*"], &["Microsoft.Authorization/*/write"], &[], &[]);
        assert!(!c.can_grant());
        let c = custom(&["*/write"], &[], &[], &[]);
        assert!(c.write_role_definitions);
        let c = custom(&["Microsoft.Storage/*/listkeys/action"], &[], &[], &[]);
        assert_eq!(services(&c), ["Storage"]);
        // A deny inside a data wildcard narrows it.
        let c = custom(
            &[],
            &[],
            &["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*"],
            &["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete"],
        );
        assert!(c.owns_data.is_empty() && !c.data_wildcard);
        let c = custom(&[], &[], &["Microsoft.KeyVault/*"], &[]);
        assert_eq!(c.owns_data[0].what, "Key Vault secrets");
        assert_eq!(c.wildcard, Some(Wildcard::Provider));
        // notActions of one entry do not take away what another grants.
        let c = capabilities(&[
            Permissions {
                actions: vec!["*"],
                not_actions: vec!["Microsoft.Authorization/*"],
                ..Default::default()
            },
            Permissions {
                actions: vec![WRITE_ROLE_ASSIGNMENTS],
                ..Default::default()
            },
        ]);
        assert!(c.write_role_assignments && !c.write_role_definitions);
    }
}
