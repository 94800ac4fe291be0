//! Keys pulled from services: which workload holds which service's keys,
//! where, and what it could use instead. MID002 (its severity), MID006 and
//! MID007 ask this rather than walking values themselves.

use super::ids;
use super::resource::Resource;
use super::secrets;
use super::value::{Kind, Loc, Part, ResourceRef, Unknown, Value};

/// Table T3: workload types that take a managed identity (Terraform
/// resources are mapped to these types by the loader).
pub const WORKLOAD_TYPES: &[&str] = &[
    "Microsoft.Web/sites",
    "Microsoft.Web/sites/slots",
    "Microsoft.Logic/workflows",
    "Microsoft.App/containerApps",
    "Microsoft.App/jobs",
    "Microsoft.ContainerInstance/containerGroups",
    "Microsoft.Compute/virtualMachines",
    "Microsoft.Compute/virtualMachineScaleSets",
    "Microsoft.ContainerService/managedClusters",
    "Microsoft.DataFactory/factories",
    "Microsoft.Synapse/workspaces",
    "Microsoft.Databricks/accessConnectors",
    "Microsoft.Automation/automationAccounts",
    "Microsoft.ApiManagement/service",
    "Microsoft.StreamAnalytics/streamingjobs",
    "Microsoft.MachineLearningServices/workspaces",
];

/// Is `r` a T3 workload?
pub fn is_workload(r: &Resource) -> bool {
    is_workload_type(&r.ty)
}

/// Are resources of type `ty` (any case) T3 workloads?
pub fn is_workload_type(ty: &str) -> bool {
    WORKLOAD_TYPES.iter().any(|t| t.eq_ignore_ascii_case(ty))
}

/// Is `r` a T3 workload or one of its child resources (`sites/config`, a
/// VM extension, an API Management named value), whose settings are the
/// workload's?
pub fn in_workload(r: &Resource) -> bool {
    WORKLOAD_TYPES.iter().any(|t| {
        r.ty.len() > t.len()
            && r.ty.as_bytes()[t.len()] == b'/'
            && r.ty[..t.len()].eq_ignore_ascii_case(t)
    }) || is_workload(r)
}

/// A function app's runtime storage key, where Terraform gives it
/// (`storage_account_access_key`): ARM has no such property, since ARM
/// writes the key into the `AzureWebJobsStorage` app setting, and azurerm
/// builds that setting from this attribute; the model keeps it here.
pub const FUNCTION_STORAGE_KEY: &str = "properties.functionStorage.accessKey";
/// Whether the runtime storage is reached with the app's managed identity
/// (Terraform `storage_uses_managed_identity`; ARM writes
/// `AzureWebJobsStorage__accountName` instead).
pub const FUNCTION_STORAGE_IDENTITY: &str = "properties.functionStorage.usesManagedIdentity";
/// Flex Consumption's deployment storage authentication (ARM and
/// Terraform `storage_authentication_type`).
pub const FLEX_STORAGE_AUTH: &str =
    "properties.functionAppConfig.deployment.storage.authentication.type";

/// A service whose keys a workload can stop holding: it takes Microsoft
/// Entra tokens on its data plane.
#[derive(Debug)]
pub struct KeyService {
    /// The service's ARM type (its child types, such as authorization
    /// rules, count as the service).
    pub ty: &'static str,
    /// What messages call it.
    pub noun: &'static str,
    /// The identity-based way to connect, for `help`.
    pub instead: &'static str,
}

const fn service(ty: &'static str, noun: &'static str, instead: &'static str) -> KeyService {
    KeyService { ty, noun, instead }
}

/// The Entra-capable services (RULES.md MID006), as data. Not here:
/// Application Insights (its connection string names the component and stays
/// in use with Entra ingestion), container registries (their admin password
/// is MID004/MID005), Log Analytics workspaces (shared keys serve agents and
/// platform settings that take nothing else).
pub static KEY_SERVICES: &[KeyService] = &[
    service(
        "Microsoft.Storage/storageAccounts",
        "storage account",
        "the account's endpoint with the workload's managed identity (Functions: `<connection>__accountName` or `__blobServiceUri`/`__queueServiceUri`) and a `Storage Blob/Queue/Table Data *` role",
    ),
    service(
        "Microsoft.ServiceBus/namespaces",
        "Service Bus namespace",
        "`<connection>__fullyQualifiedNamespace` (`<namespace>.servicebus.windows.net`) with the workload's managed identity and `Azure Service Bus Data Sender`/`Receiver`",
    ),
    service(
        "Microsoft.EventHub/namespaces",
        "Event Hubs namespace",
        "`<connection>__fullyQualifiedNamespace` (`<namespace>.servicebus.windows.net`) with the workload's managed identity and `Azure Event Hubs Data Sender`/`Receiver`",
    ),
    service(
        "Microsoft.Relay/namespaces",
        "Relay namespace",
        "the namespace endpoint with the workload's managed identity and `Azure Relay Sender`/`Listener`",
    ),
    service(
        "Microsoft.DocumentDB/databaseAccounts",
        "Cosmos DB account",
        "the account endpoint (`<connection>__accountEndpoint`) with the workload's managed identity and a Cosmos DB data-plane role (`sqlRoleAssignments`)",
    ),
    service(
        "Microsoft.Cache/redis",
        "Azure Cache for Redis",
        "Microsoft Entra authentication (`redisConfiguration.aad-enabled`) with an access policy assignment for the workload's managed identity",
    ),
    service(
        "Microsoft.Cache/redisEnterprise",
        "Azure Managed Redis",
        "Microsoft Entra authentication with an access policy assignment for the workload's managed identity",
    ),
    service(
        "Microsoft.Search/searchServices",
        "AI Search service",
        "the service endpoint with the workload's managed identity and `Search Index Data Reader`/`Contributor` (`authOptions.aadOrApiKey`)",
    ),
    service(
        "Microsoft.CognitiveServices/accounts",
        "Cognitive Services account",
        "the account endpoint with the workload's managed identity and `Cognitive Services User` (OpenAI: `Cognitive Services OpenAI User`)",
    ),
    service(
        "Microsoft.AppConfiguration/configurationStores",
        "App Configuration store",
        "the store endpoint (`<connection>__endpoint`) with the workload's managed identity and `App Configuration Data Reader`",
    ),
    service(
        "Microsoft.SignalRService/signalR",
        "SignalR service",
        "an identity-based connection string (`Endpoint=https://<name>.service.signalr.net;AuthType=azure.msi`) or `<connection>__serviceUri`",
    ),
    service(
        "Microsoft.SignalRService/webPubSub",
        "Web PubSub service",
        "an identity-based connection string (`Endpoint=https://<name>.webpubsub.azure.com;AuthType=azure.msi`) or `<connection>__serviceUri`",
    ),
    service(
        "Microsoft.EventGrid/topics",
        "Event Grid topic",
        "the topic endpoint with the workload's managed identity and `EventGrid Data Sender`",
    ),
    service(
        "Microsoft.EventGrid/domains",
        "Event Grid domain",
        "the domain endpoint with the workload's managed identity and `EventGrid Data Sender`",
    ),
];

/// The service `ty` (a service type or one of its child types) belongs to.
pub fn key_service(ty: &str) -> Option<&'static KeyService> {
    KEY_SERVICES.iter().find(|s| {
        ty.len() >= s.ty.len()
            && ty[..s.ty.len()].eq_ignore_ascii_case(s.ty)
            && (ty.len() == s.ty.len() || ty.as_bytes()[s.ty.len()] == b'/')
    })
}

/// Cosmos DB for MongoDB (RU), Apache Cassandra and Apache Gremlin take
/// keys only: no Entra data-plane authentication to switch to. `Some(true)`
/// for an account whose API does take Entra (NoSQL, Table), `None` when
/// the kind or capabilities are not known.
pub fn cosmos_takes_entra(r: &Resource) -> Option<bool> {
    const KEYS_ONLY: &[&str] = &["EnableMongo", "EnableCassandra", "EnableGremlin"];
    let kind = match r.prop("kind").map(|e| &e.value) {
        None => true,
        Some(v) if v.is_null() => true,
        // `Parse` is the MongoDB API under the Parse Server kind.
        Some(v) => {
            let k = v.as_str()?;
            !k.eq_ignore_ascii_case("MongoDB") && !k.eq_ignore_ascii_case("Parse")
        }
    };
    // ARM `properties.capabilities: [{name}]`; Terraform `capabilities { name }` blocks.
    let mut keys_only = false;
    for path in ["properties.capabilities", "capabilities"] {
        let Some(e) = r.prop(path) else { continue };
        let items: Vec<&Value> = match &e.value.kind {
            Kind::Null => continue,
            Kind::Array(items) => items.iter().collect(),
            Kind::Object(_) => vec![&e.value],
            _ => return None,
        };
        for it in items {
            let name = it.get("name").and_then(Value::as_str)?;
            keys_only |= KEYS_ONLY.iter().any(|k| k.eq_ignore_ascii_case(name));
        }
    }
    Some(kind && !keys_only)
}

/// Whether the declared service `r` takes Entra tokens, so that its keys
/// have a replacement: `Some(false)` for Cosmos DB APIs that take keys
/// only, `None` when that is not known.
pub fn takes_entra(r: &Resource) -> Option<bool> {
    if r.is_type("Microsoft.DocumentDB/databaseAccounts") {
        cosmos_takes_entra(r)
    } else {
        Some(true)
    }
}

/// A key pulled from a service (`listKeys()`, `primary_connection_string`)
/// inside a workload or one of its child resources.
#[derive(Debug)]
pub struct KeyUse<'a> {
    /// The resource whose body holds the key.
    pub holder: &'a Resource,
    /// The resource the key is pulled from (the service or a child of it,
    /// such as an authorization rule).
    pub target: &'a ResourceRef,
    /// The service's literal name when the loader read one.
    pub name: Option<&'a str>,
    /// How the key is pulled (`listKeys()`, `data.x.y.primary_key`).
    pub source: &'a str,
    /// Where findings point: the key of the entry holding the value (the
    /// `value` of a `{name, value}` setting, the entry of a map).
    pub loc: Loc,
    /// The setting or property holding it: the `name` of a `{name, value}`
    /// element, else the entry's key.
    pub setting: Option<&'a str>,
    /// The entry keys from the body's root down to the value, dotted,
    /// array indexes left out.
    pub path: String,
    /// The VM extension the value is a setting of (its `type`:
    /// `CustomScript`, `IaaSDiagnostics`), inline or as a child resource.
    pub extension: Option<&'a str>,
}

impl KeyUse<'_> {
    /// The service, comparable across units: `<namespace>/<type>/<name>`,
    /// lower-case, when the name is known as text.
    pub fn subject(&self) -> Option<String> {
        subject_of(self.target, self.name)
    }
}

fn subject_of(target: &ResourceRef, name: Option<&str>) -> Option<String> {
    let mut segs = target.ty.splitn(3, '/');
    let (ns, ty) = (segs.next()?, segs.next()?);
    let name = name
        .map(str::to_string)
        .or_else(|| ids::literal_name(target))
        .filter(|n| comparable(n))?;
    Some(format!("{ns}/{ty}/{name}").to_ascii_lowercase())
}

/// Whether a literal name says which service it is: sample and template
/// repositories fill names with stand-ins (the quickstarts' `GEN-UNIQUE`
/// and `GET-PREREQ-...`, `<your-name>`) that unrelated templates share.
/// The shared placeholder judgement decides; ARM keys reach here
/// lower-case, so the quickstart tokens, which it reads upper-case as they
/// are written, are also looked for upper-case.
fn comparable(name: &str) -> bool {
    !secrets::is_placeholder(name)
        && !secrets::harness_token(&name.to_ascii_uppercase())
        && !name.contains(['<', '>', '{', '}', '$', '%', '#'])
}

/// The subject ([`KeyUse::subject`]) of a declared service, when its name
/// is literal text.
pub fn service_subject(r: &Resource) -> Option<String> {
    let name = r.name.as_ref()?.as_str()?;
    if name.is_empty() || name.contains('/') || !comparable(name) {
        return None;
    }
    Some(format!("{}/{}", r.ty, name).to_ascii_lowercase())
}

/// Values nested deeper than this are not looked into (loaders bound
/// nesting well below it).
const MAX_DEPTH: usize = 64;

/// Every key pulled from a service inside the workloads of `resources`
/// (and their child resources), in declaration order.
pub fn key_uses(resources: &[Resource]) -> Vec<KeyUse<'_>> {
    let mut out = Vec::new();
    for r in resources.iter().filter(|r| in_workload(r)) {
        let mut at = Walk {
            holder: r,
            path: Vec::new(),
            entry: None,
            parent: None,
            named: None,
            has_name: false,
            extension: None,
            out: &mut out,
        };
        at.value(&r.body, 0);
    }
    out
}

struct Walk<'a, 'o> {
    holder: &'a Resource,
    path: Vec<&'a str>,
    /// The innermost entry: its key and where it is.
    entry: Option<(&'a str, Loc)>,
    /// The entry holding the innermost entry's object.
    parent: Option<(&'a str, Loc)>,
    /// The `name` of the innermost `{name, value}` object.
    named: Option<&'a str>,
    /// Whether the innermost object has a `name` member, known or not.
    has_name: bool,
    /// The `type` of the innermost object that also names a `publisher`.
    extension: Option<&'a str>,
    out: &'o mut Vec<KeyUse<'a>>,
}

impl<'a> Walk<'a, '_> {
    fn value(&mut self, v: &'a Value, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match &v.kind {
            Kind::Object(entries) => {
                let (outer, outer_ext, outer_has) = (self.named, self.extension, self.has_name);
                self.has_name = v.get("name").is_some();
                // Only a `{name, value}` element names its own value; what
                // lies deeper is named by its own keys.
                self.named = v
                    .get("name")
                    .and_then(Value::as_str)
                    .filter(|_| entries.iter().any(|e| is_value_key(&e.key)));
                if v.get("publisher").is_some() {
                    if let Some(t) = v.get("type").and_then(Value::as_str) {
                        self.extension = Some(t);
                    }
                }
                for e in entries.iter() {
                    let saved = (self.entry, self.parent);
                    self.parent = self.entry;
                    self.entry = Some((&e.key, e.key_loc));
                    self.path.push(&e.key);
                    self.value(&e.value, depth + 1);
                    self.path.pop();
                    (self.entry, self.parent) = saved;
                }
                self.named = outer;
                self.extension = outer_ext;
                self.has_name = outer_has;
            }
            Kind::Array(items) => items.iter().for_each(|i| self.value(i, depth + 1)),
            Kind::Unknown(u) => self.unknown(u, v.loc),
            Kind::Template(parts) => {
                for p in parts.iter() {
                    if let Part::Hole(u) = p {
                        self.unknown(u, v.loc);
                    }
                }
            }
            _ => {}
        }
    }

    fn unknown(&mut self, u: &'a Unknown, at: Loc) {
        let Unknown::ServiceSecret {
            source,
            target: Some(target),
            name,
        } = u
        else {
            return;
        };
        // `listKeyValue()` reads an App Configuration setting, not a key.
        if source.to_ascii_lowercase().starts_with("listkeyvalue") {
            return;
        }
        let (setting, loc) = match (self.entry, self.parent) {
            // A `{name, value}` element is the setting its `name` says.
            (Some((key, loc)), _) if self.named.is_some() && is_value_key(key) => (self.named, loc),
            // `{"Db": {"value": ..., "type": ...}}` (`sites/config`
            // connection strings) is the setting its key says, found there.
            (Some((key, _)), Some((setting, loc))) if is_value_key(key) && !self.has_name => {
                (Some(setting), loc)
            }
            (Some((key, loc)), _) => (Some(key), loc),
            (None, _) => (None, at),
        };
        self.out.push(KeyUse {
            holder: self.holder,
            target,
            name: name.as_deref(),
            source,
            loc,
            setting,
            path: self.path.join("."),
            extension: self.extension,
        });
    }
}

/// Keys of the member holding the value in `{name, value}` settings.
fn is_value_key(key: &str) -> bool {
    ["value", "connectionString", "secureValue", "secretRef"]
        .iter()
        .any(|k| key.eq_ignore_ascii_case(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_and_their_children() {
        assert_eq!(
            key_service("Microsoft.ServiceBus/namespaces/AuthorizationRules").map(|s| s.noun),
            Some("Service Bus namespace")
        );
        assert_eq!(
            key_service("microsoft.storage/storageaccounts").map(|s| s.noun),
            Some("storage account")
        );
        assert!(key_service("Microsoft.Cache/redisEnterprise/databases").is_some());
        assert_eq!(
            key_service("Microsoft.Cache/redisEnterprise").map(|s| s.ty),
            Some("Microsoft.Cache/redisEnterprise")
        );
        assert!(key_service("Microsoft.Storage/storageAccountsX").is_none());
        assert!(key_service("Microsoft.Insights/components").is_none());
        assert!(key_service("Microsoft.ContainerRegistry/registries").is_none());
    }

    #[test]
    fn one_row_per_type() {
        let mut seen = std::collections::HashSet::new();
        for s in KEY_SERVICES {
            assert!(seen.insert(s.ty.to_ascii_lowercase()), "{} twice", s.ty);
        }
    }

    #[test]
    fn subjects_need_a_literal_name() {
        let r = |ty: &str, key: &str| ResourceRef {
            ty: ty.into(),
            key: key.into(),
        };
        let rule = r(
            "microsoft.servicebus/namespaces/authorizationrules",
            "microsoft.servicebus/namespaces/authorizationrules/sb-prod/root",
        );
        assert_eq!(
            subject_of(&rule, None).as_deref(),
            Some("microsoft.servicebus/namespaces/sb-prod")
        );
        let tf = r("microsoft.servicebus/namespaces", "data.namespace.sb");
        assert_eq!(subject_of(&tf, None), None);
        assert_eq!(
            subject_of(&tf, Some("SB-Prod")).as_deref(),
            Some("microsoft.servicebus/namespaces/sb-prod")
        );
        let hole = r(
            "microsoft.storage/storageaccounts",
            "microsoft.storage/storageaccounts/{input:name}",
        );
        assert_eq!(subject_of(&hole, None), None);
        // Stand-ins that unrelated samples share name no service.
        let sample = r(
            "microsoft.documentdb/databaseaccounts",
            "microsoft.documentdb/databaseaccounts/gen-unique",
        );
        assert_eq!(subject_of(&sample, None), None);
        assert_eq!(subject_of(&tf, Some("GEN-UNIQUE-12")), None);
    }
}
