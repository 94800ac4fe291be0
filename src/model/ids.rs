//! Azure resource IDs and scopes, read from values that may be only partly
//! known (`/subscriptions/{subscription id}/resourceGroups/rg`).

use super::value::{Attr, Kind, Part, ResourceRef, Unknown, Value};

/// How far a role assignment or deployment reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScopeLevel {
    /// Root (`/`) or a tenant deployment.
    Tenant,
    ManagementGroup,
    Subscription,
    ResourceGroup,
    Resource,
}

impl ScopeLevel {
    pub fn describe(self) -> &'static str {
        match self {
            ScopeLevel::Tenant => "tenant root",
            ScopeLevel::ManagementGroup => "management group",
            ScopeLevel::Subscription => "subscription",
            ScopeLevel::ResourceGroup => "resource group",
            ScopeLevel::Resource => "resource",
        }
    }
}

/// A segment of a `/`-separated ID: known text, or a hole of unknown text.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    Lit(String),
    /// Unknown text; the key matches equal unknowns (same parameter...).
    Hole(Option<String>),
}

impl Seg {
    fn is(&self, s: &str) -> bool {
        matches!(self, Seg::Lit(x) if x.eq_ignore_ascii_case(s))
    }
    fn key(&self) -> Option<String> {
        match self {
            Seg::Lit(s) => Some(s.to_ascii_lowercase()),
            Seg::Hole(k) => k.clone(),
        }
    }
}

/// Splits a string or template value on `/`. A segment that mixes text and
/// an unknown part is a hole. `None` for values that are not strings.
pub fn segments(v: &Value) -> Option<(bool, Vec<Seg>)> {
    let parts = match &v.kind {
        Kind::String(_) | Kind::Template(_) => v.string_parts()?,
        _ => return None,
    };
    let mut segs: Vec<Seg> = Vec::new();
    let mut pieces: Vec<Vec<Part>> = Vec::new();
    // Split literal parts on '/', keeping holes inside their segment.
    let mut owned: Vec<Part> = Vec::new();
    for p in &parts {
        match p {
            Part::Lit(s) => {
                let mut first = true;
                for piece in s.split('/') {
                    if !first {
                        pieces.push(std::mem::take(&mut owned));
                    }
                    first = false;
                    if !piece.is_empty() {
                        owned.push(Part::Lit(piece.to_string()));
                    }
                }
            }
            Part::Hole(_) => owned.push(p.clone()),
        }
    }
    pieces.push(owned);
    for piece in pieces {
        let seg = match piece.as_slice() {
            [] => Seg::Lit(String::new()),
            [Part::Lit(s)] => Seg::Lit(s.clone()),
            _ => {
                let probe = Value::new(Kind::Template(piece.clone().into()), Default::default());
                Seg::Hole(probe.match_key())
            }
        };
        segs.push(seg);
    }
    let absolute = matches!(segs.first(), Some(Seg::Lit(s)) if s.is_empty());
    if absolute {
        segs.remove(0);
    }
    // A trailing slash leaves an empty last segment.
    if matches!(segs.last(), Some(Seg::Lit(s)) if s.is_empty()) && segs.len() > 1 {
        segs.pop();
    }
    Some((absolute, segs))
}

/// What an ID names: its scope level, and the resource (type, name key) when
/// it names a resource.
#[derive(Clone, Debug, PartialEq)]
pub struct IdInfo {
    pub level: ScopeLevel,
    pub resource: Option<ResourceRef>,
}

/// Reads an ID value: an absolute ARM ID, a relative `Microsoft.X/type/name`
/// form (Bicep emits it for `scope`), or a typed reference to a resource's `id`.
pub fn parse_id(v: &Value) -> Option<IdInfo> {
    if let Some(Unknown::Attribute(r)) = v.as_unknown() {
        if r.attr == Attr::Id {
            return Some(IdInfo {
                level: level_of_type(&r.target.ty),
                resource: Some(r.target.clone()),
            });
        }
        return None;
    }
    let (absolute, segs) = segments(v)?;
    if !absolute {
        // Relative resource form: Namespace/type/name[/type/name]...
        return resource_from(&segs).map(|r| IdInfo {
            level: level_of_type(&r.ty),
            resource: Some(r),
        });
    }
    if segs.len() == 1 && segs[0].is("") {
        return Some(IdInfo {
            level: ScopeLevel::Tenant,
            resource: None,
        });
    }
    let mut i = 0;
    let mut level = ScopeLevel::Tenant;
    if segs.len() >= 2 && segs[0].is("subscriptions") {
        level = ScopeLevel::Subscription;
        i = 2;
        if segs.len() >= 4 && segs[2].is("resourceGroups") {
            level = ScopeLevel::ResourceGroup;
            i = 4;
        }
    } else if segs.len() >= 4
        && segs[0].is("providers")
        && segs[1].is("Microsoft.Management")
        && segs[2].is("managementGroups")
    {
        level = ScopeLevel::ManagementGroup;
        i = 4;
    } else if segs.is_empty() {
        return None;
    }
    if i == 0 && !segs[0].is("providers") {
        return None;
    }
    if i >= segs.len() {
        return Some(IdInfo {
            level,
            resource: None,
        });
    }
    if !segs[i].is("providers") {
        return None;
    }
    let resource = resource_from(&segs[i + 1..]);
    Some(IdInfo {
        level: ScopeLevel::Resource,
        resource,
    })
}

/// `Namespace/type/name[/type/name]...` → reference, when the type is literal.
/// Extension resources (`.../providers/X/y/z`) use the last provider segment.
fn resource_from(segs: &[Seg]) -> Option<ResourceRef> {
    let last_provider = segs.iter().rposition(|s| s.is("providers"));
    let segs = match last_provider {
        Some(p) => &segs[p + 1..],
        None => segs,
    };
    if segs.len() < 3 || segs.len() % 2 == 0 {
        return None;
    }
    let Seg::Lit(ns) = &segs[0] else { return None };
    let mut ty = ns.to_ascii_lowercase();
    let mut names = Vec::new();
    for pair in segs[1..].chunks(2) {
        let Seg::Lit(t) = &pair[0] else { return None };
        ty.push('/');
        ty.push_str(&t.to_ascii_lowercase());
        names.push(pair[1].key()?);
    }
    let key = format!("{}/{}", ty, names.join("/"));
    Some(ResourceRef { ty, key })
}

/// The resource ID of a declared resource as text, its unknown parts as
/// `{...}` holes (`/subscriptions/{subscription ID}/resourceGroups/rg-app`):
/// what a scope written as a reference to the resource (`scope =
/// x.id`) denotes. A resource group is under an unknown subscription; any
/// other resource under an unknown resource group, unless its name says
/// more. `None` for types whose IDs have another shape (tenant,
/// subscription and management-group resources) or a name whose segments do
/// not fit the type.
pub fn id_text(r: &super::Resource) -> Option<String> {
    const SUB: &str = "/subscriptions/{subscription ID}";
    let name = r.name.as_ref()?.display();
    let (namespace, types) = r.ty.split_once('/')?;
    if r.ty
        .eq_ignore_ascii_case("Microsoft.Resources/resourceGroups")
    {
        return Some(format!("{SUB}/resourceGroups/{name}"));
    }
    if level_of_type(&r.ty) != ScopeLevel::Resource {
        return None;
    }
    let types: Vec<&str> = types.split('/').collect();
    let names: Vec<&str> = name.split('/').collect();
    if types.len() != names.len() || names.iter().any(|n| n.is_empty()) {
        return None;
    }
    let mut out = format!("{SUB}/resourceGroups/{{resource group}}/providers/{namespace}");
    for (t, n) in types.iter().zip(&names) {
        out.push('/');
        out.push_str(t);
        out.push('/');
        out.push_str(n);
    }
    Some(out)
}

/// The older ARM form of a role assignment: type `<resource
/// type>/providers/roleAssignments`, name `<resource
/// name>/Microsoft.Authorization/<guid>`. `Some` for that form, with the
/// level of the resource it is on and, when the name's segments fit the
/// type, the resource (keyed as the ARM loader keys a declaration).
pub fn legacy_assignment_scope(
    ty: &str,
    name: Option<&Value>,
) -> Option<(ScopeLevel, Option<ResourceRef>)> {
    // Cheap test before allocating: every resource's type comes here.
    const END: &str = "/roleassignments";
    let tail = ty.len().checked_sub(END.len()).and_then(|i| ty.get(i..))?;
    if !tail.eq_ignore_ascii_case(END) {
        return None;
    }
    let lower = ty.to_ascii_lowercase();
    let target_ty = lower
        .strip_suffix("/providers/microsoft.authorization/roleassignments")
        .or_else(|| lower.strip_suffix("/providers/roleassignments"))?;
    let level = level_of_type(target_ty);
    let type_segs = target_ty.split('/').count().saturating_sub(1);
    let target = name.and_then(segments).and_then(|(_, segs)| {
        if type_segs == 0
            || segs.len() != type_segs + 2
            || !segs[type_segs].is("Microsoft.Authorization")
        {
            return None;
        }
        let keys: Option<Vec<String>> = segs[..type_segs].iter().map(Seg::key).collect();
        Some(ResourceRef {
            ty: target_ty.to_string(),
            key: format!("{target_ty}/{}", keys?.join("/")),
        })
    });
    Some((level, target))
}

/// The name of the top-level resource `r` names (the namespace in
/// `sb/rootkey` of a Service Bus authorization rule), lower-case, when its
/// key holds it as literal text (ARM keys are `type/name/...`, unknown
/// parts written `{...}`; Terraform keys are addresses and give `None`).
pub fn literal_name(r: &ResourceRef) -> Option<String> {
    let names = r.key.strip_prefix(&r.ty)?.strip_prefix('/')?;
    let first = names.split('/').next()?;
    (!first.is_empty() && !first.contains('{')).then(|| first.to_string())
}

/// The level a resource ID of this type names.
pub fn level_of_type(ty: &str) -> ScopeLevel {
    match ty.to_ascii_lowercase().as_str() {
        "microsoft.resources/resourcegroups" => ScopeLevel::ResourceGroup,
        "microsoft.resources/subscriptions" => ScopeLevel::Subscription,
        "microsoft.management/managementgroups" => ScopeLevel::ManagementGroup,
        _ => ScopeLevel::Resource,
    }
}

/// The trailing GUID of an ID such as `.../roleDefinitions/<guid>`, or a bare GUID.
pub fn trailing_guid(v: &Value) -> Option<String> {
    let (_, segs) = segments(v)?;
    match segs.last()? {
        Seg::Lit(s) if is_guid(s) => Some(s.to_ascii_lowercase()),
        _ => None,
    }
}

pub fn is_guid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::value::{ContextValue, Loc};

    fn lit(s: &str) -> Value {
        Value::string(s, Loc::default())
    }
    fn tpl(parts: Vec<Part>) -> Value {
        Value::new(Kind::Template(parts.into()), Loc::default())
    }
    fn sub() -> Part {
        Part::Hole(Unknown::Context(ContextValue::SubscriptionId))
    }

    #[test]
    fn levels_of_literal_ids() {
        let l = |s: &str| parse_id(&lit(s)).map(|i| i.level);
        assert_eq!(l("/"), Some(ScopeLevel::Tenant));
        assert_eq!(l("/subscriptions/0000"), Some(ScopeLevel::Subscription));
        assert_eq!(
            l("/subscriptions/0000/resourceGroups/rg"),
            Some(ScopeLevel::ResourceGroup)
        );
        assert_eq!(
            l("/providers/Microsoft.Management/managementGroups/mg"),
            Some(ScopeLevel::ManagementGroup)
        );
        assert_eq!(
            l("/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"),
            Some(ScopeLevel::Resource)
        );
        assert_eq!(
            l("Microsoft.KeyVault/vaults/kv"),
            Some(ScopeLevel::Resource)
        );
        assert_eq!(l("not an id"), None);
    }

    #[test]
    fn templates_with_holes() {
        let v = tpl(vec![Part::Lit("/subscriptions/".into()), sub()]);
        assert_eq!(parse_id(&v).unwrap().level, ScopeLevel::Subscription);
        let v = tpl(vec![
            Part::Lit("/subscriptions/".into()),
            sub(),
            Part::Lit("/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635".into()),
        ]);
        assert_eq!(
            trailing_guid(&v).as_deref(),
            Some("8e3af657-a8ff-443c-a75c-2fe8c4bcb635")
        );
        let info = parse_id(&v).unwrap();
        assert_eq!(
            info.resource.unwrap().ty,
            "microsoft.authorization/roledefinitions"
        );
    }

    #[test]
    fn legacy_assignment_form() {
        let name = tpl(vec![
            Part::Hole(Unknown::Input {
                name: "sa".into(),
                secure: false,
            }),
            Part::Lit("/Microsoft.Authorization/".into()),
            Part::Hole(Unknown::Opaque {
                reason: "guid".into(),
            }),
        ]);
        let (level, target) = legacy_assignment_scope(
            "Microsoft.Storage/storageAccounts/providers/roleAssignments",
            Some(&name),
        )
        .unwrap();
        assert_eq!(level, ScopeLevel::Resource);
        let t = target.unwrap();
        assert_eq!(t.ty, "microsoft.storage/storageaccounts");
        assert_eq!(t.key, "microsoft.storage/storageaccounts/{input:sa}");
        let (level, _) = legacy_assignment_scope(
            "Microsoft.Management/managementGroups/providers/roleAssignments",
            None,
        )
        .unwrap();
        assert_eq!(level, ScopeLevel::ManagementGroup);
        assert!(legacy_assignment_scope("Microsoft.Authorization/roleAssignments", None).is_none());
    }

    #[test]
    fn resource_keys_from_ids() {
        let v = tpl(vec![
            Part::Lit("/subscriptions/".into()),
            sub(),
            Part::Lit("/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/".into()),
            Part::Hole(Unknown::Input {
                name: "db".into(),
                secure: false,
            }),
        ]);
        let r = parse_id(&v).unwrap().resource.unwrap();
        assert_eq!(r.ty, "microsoft.sql/servers/databases");
        assert_eq!(r.key, "microsoft.sql/servers/databases/srv/{input:db}");
    }
}
