use crate::findings::{Finding, Severity};
use crate::model::secrets::{is_placeholder, source, Source};
use crate::model::spelling::props_at;
use crate::model::{Kind, Part, Resource, Unknown, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID011",
        name: "data-factory-linked-service-credential",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "Data Factory linked service that keeps a key, password, SAS or secret-bearing connection string instead of using the factory's managed identity or a Key Vault secret reference",
        help: "remove the credential from `properties.typeProperties` so that the linked service authenticates with the factory's managed identity (no credential property, or a `credential` reference to a user-assigned identity; Terraform: `use_managed_identity = true`), and give that identity a data-plane role on the target; where the connector cannot use a managed identity, reference the secret in Key Vault (`{\"type\": \"AzureKeyVaultSecret\", \"store\": {...}, \"secretName\": ...}`; Terraform: the `key_vault_*` block)",
        docs: include_str!("../../../rules/MID011-data-factory-linked-service-credential/README.md"),
    },
    check,
};

const LINKED_SERVICE: &str = "Microsoft.DataFactory/factories/linkedservices";

/// The credential-bearing members of `properties.typeProperties`.
const CREDENTIALS: &[&str] = &[
    "connectionString",
    "accountKey",
    "sasUri",
    "sasToken",
    "servicePrincipalKey",
    "password",
];

/// Not an ARM property: Terraform's switch, which the loader keeps under
/// this name; a linked service that sets it sends no service principal key.
const USE_MANAGED_IDENTITY: &str = "properties.typeProperties.useManagedIdentity";

/// Linked service types (`properties.type`) whose connector authenticates
/// with the factory's managed identity.
const TAKES_IDENTITY: &[&str] = &[
    "AzureBlobStorage",
    "AzureBlobFS",
    "AzureDataLakeStore",
    "AzureFileStorage",
    "AzureSqlDatabase",
    "AzureSqlDW",
    "AzureSqlMI",
    "CosmosDb",
    "AzureDataExplorer",
    "AzureDatabricks",
    "AzureFunction",
    "AzureKeyVault",
    "RestService",
    "AzureBatch",
    "AzureMLService",
    "AzureSynapseArtifacts",
];

/// Markers of a secret inside a connection string, each followed by it.
const CONNECTION_MARKERS: &[&str] = &[
    "accountkey=",
    "password=",
    "pwd=",
    "sharedaccesskey=",
    "sharedaccesssignature=",
    "sig=",
];

/// The signature of a SAS URI.
const SAS_MARKERS: &[&str] = &["sig="];

/// What a credential property is given, when it is a credential.
#[derive(Clone, Debug, PartialEq)]
enum Held<'v> {
    /// Text written in the code (in place, a default, a parameter file).
    Literal,
    /// A secure input with no value in the code.
    SecureInput(&'v str),
    /// A secret copied from Key Vault at deployment: still stored in the
    /// linked service, and not rotated with the vault.
    KeyVaultCopy,
    /// Generated at deployment (`random_password`).
    Generated,
    /// A key read from the service (`listKeys()`, `primary_access_key`).
    ServiceKey(&'v str),
}

impl Held<'_> {
    fn describe(&self) -> String {
        match self {
            Held::Literal => "a value written in the code".into(),
            Held::SecureInput(n) => format!("secure input `{n}`"),
            Held::KeyVaultCopy => "a secret copied from Key Vault at deployment".into(),
            Held::Generated => "a generated secret".into(),
            Held::ServiceKey(from) => format!("a key read with `{from}`"),
        }
    }
}

/// A secret source that is not written text: what a property fed by it holds.
fn held_from(s: Source<'_>) -> Option<Held<'_>> {
    match s {
        Source::SecureInput(n) => Some(Held::SecureInput(n)),
        Source::KeyVault => Some(Held::KeyVaultCopy),
        Source::Generated => Some(Held::Generated),
        Source::ServiceKey(from) => Some(Held::ServiceKey(from)),
        _ => None,
    }
}

/// A Data Factory expression (`@linkedService().x`, `@{...}`): evaluated
/// by the factory at run time, so its value is not known here.
fn is_expression(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('@') && !t.starts_with("@@")
}

/// A value after a marker that stands in for a secret: a placeholder, or
/// the `{your_password}` / `[key]` of documentation samples.
fn stands_in(value: &str) -> bool {
    let wrapped = |open: char, close: char| {
        value.len() > 2 && value.starts_with(open) && value.ends_with(close)
    };
    is_placeholder(value)
        || wrapped('{', '}')
        || wrapped('[', ']')
        || value.to_ascii_lowercase().starts_with("your")
}

/// Does the marker at byte `at` of `text` start a key (start of the text,
/// or after a separator), rather than sit inside another word?
fn at_boundary(text: &str, at: usize) -> bool {
    at == 0
        || text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, ';' | '&' | '?' | ' ' | '\t' | '\n' | '"' | '\''))
}

/// What the secret after a marker is, in the parts of a string: text
/// written there, or the unknown part that follows the marker.
fn after_markers<'v>(parts: &'v [Part], markers: &[&str]) -> Option<Held<'v>> {
    for (i, p) in parts.iter().enumerate() {
        let Part::Lit(text) = p else { continue };
        let lower = text.to_ascii_lowercase();
        for m in markers {
            for (at, _) in lower.match_indices(m) {
                if !at_boundary(text, at) {
                    continue;
                }
                let rest = &text[at + m.len()..];
                let end = rest.find([';', '&']).unwrap_or(rest.len());
                let value = rest[..end].trim();
                if !value.is_empty() {
                    if !stands_in(value) && !is_expression(value) {
                        return Some(Held::Literal);
                    }
                } else if end == rest.len() {
                    // The secret is the next part, when it is not text.
                    if let Some(h) = parts.get(i + 1).and_then(|p| match p {
                        Part::Hole(u) => held_of(u),
                        Part::Lit(_) => None,
                    }) {
                        return Some(h);
                    }
                }
            }
        }
    }
    None
}

/// What an unknown part of a string holds, as `held_from` says of a value.
fn held_of(u: &Unknown) -> Option<Held<'_>> {
    match u {
        Unknown::Input { name, secure: true } => Some(Held::SecureInput(name)),
        Unknown::KeyVault { .. } => Some(Held::KeyVaultCopy),
        Unknown::Generated { .. } => Some(Held::Generated),
        Unknown::ServiceSecret { source, .. } => Some(Held::ServiceKey(source)),
        _ => None,
    }
}

/// Whether the value of credential property `key` holds a credential, and
/// what it is. `None`: no credential (absent, empty, a placeholder, a Key
/// Vault secret reference, a connection string or URI that carries no
/// secret) or not known (an input without a value, a runtime expression).
fn judge<'v>(key: &str, v: &'v Value) -> Option<Held<'v>> {
    let markers = if key.eq_ignore_ascii_case("connectionString") {
        Some(CONNECTION_MARKERS)
    } else if key.eq_ignore_ascii_case("sasUri") {
        Some(SAS_MARKERS)
    } else {
        None
    };
    match &v.kind {
        // `{"type": "SecureString", "value": ...}` holds its value;
        // `{"type": "AzureKeyVaultSecret", ...}` is a reference, and
        // anything else (`Expression`) is evaluated at run time.
        Kind::Object(_) => {
            let ty = v.get("type").and_then(Value::as_str);
            match ty {
                None => v.get("value").and_then(|x| judge(key, x)),
                Some(t) if t.eq_ignore_ascii_case("SecureString") => {
                    v.get("value").and_then(|x| judge(key, x))
                }
                Some(_) => None,
            }
        }
        Kind::String(text) => {
            if is_placeholder(text) || is_expression(text) {
                return None;
            }
            match markers {
                Some(m) => after_markers(&[Part::Lit(text.clone())], m).map(|_| Held::Literal),
                None => Some(Held::Literal),
            }
        }
        Kind::Template(parts) => match markers {
            // A key pulled from the service anywhere in the text is one.
            Some(m) => after_markers(parts, m).or_else(|| match source(v) {
                Source::ServiceKey(from) => Some(Held::ServiceKey(from)),
                _ => None,
            }),
            None => held_from(source(v)),
        },
        Kind::Unknown(_) => held_from(source(v)),
        _ => None,
    }
}

/// Whether the connector of linked service `r` takes the factory's
/// managed identity: `None` when its type is not known.
fn takes_identity(r: &Resource) -> Option<bool> {
    if r.spelling(USE_MANAGED_IDENTITY).is_some() {
        return Some(true);
    }
    match r.prop("properties.type").map(|e| &e.value) {
        Some(v) => {
            let ty = v.as_str()?;
            Some(TAKES_IDENTITY.iter().any(|t| t.eq_ignore_ascii_case(ty)))
        }
        // A type the loader maps from another spelling says so itself.
        None if !r.spellings.is_empty() => Some(false),
        None => None,
    }
}

/// The fix, in the words of the file the linked service is written in.
fn help(r: &Resource, name: &str, identity: Option<bool>) -> String {
    let mapped = !r.spellings.is_empty();
    // A connection string stays, without its secret.
    let gone = if name.to_ascii_lowercase().contains("connection") {
        format!("the secret (`AccountKey=`, `Password=`, ...) from `{name}`")
    } else {
        format!("`{name}`")
    };
    let key_vault = "`{\"type\": \"AzureKeyVaultSecret\", \"store\": {\"referenceName\": \"<Key Vault linked service>\", \"type\": \"LinkedServiceReference\"}, \"secretName\": \"...\"}`";
    match (identity, r.spelling(USE_MANAGED_IDENTITY)) {
        (_, Some(sp)) => format!(
            "remove {gone} and set `{} = true`: the linked service then authenticates with the data factory's managed identity, which needs a data-plane role on the target",
            sp.written
        ),
        (Some(false), _) if mapped => format!(
            "remove {gone} and reference the secret in Key Vault through a Key Vault linked service instead (the resource's `key_vault_*` block where it has one, else a custom linked service with an `AzureKeyVaultSecret` reference)"
        ),
        (Some(true), _) => format!(
            "remove {gone} so that the linked service authenticates with the data factory's system-assigned managed identity (or set `credential` to a reference to a user-assigned identity credential), and give that identity a data-plane role on the target"
        ),
        (Some(false), _) => format!(
            "replace `{name}` with a Key Vault secret reference ({key_vault}), or authenticate with the data factory's managed identity where the connector supports it"
        ),
        (None, _) => format!(
            "remove {gone} so that the linked service authenticates with the data factory's managed identity (no credential, or a `credential` reference to a user-assigned identity) holding a data-plane role on the target; where the connector cannot use one, reference the secret in Key Vault ({key_vault})"
        ),
    }
}

/// A linked service that keeps a key, password, SAS or connection string
/// with a secret: whoever reads the factory's definition or its deployment
/// inputs holds the credential, and it must be rotated by hand. The
/// factory's managed identity needs none; a Key Vault secret reference at
/// least keeps it in one rotated place. Judged per property of
/// `typeProperties`: an absent property, a Key Vault reference, a
/// connection string without a secret, an input without a value and a
/// runtime expression are not reported.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for r in cx.resources.iter() {
        if !r.is_type(LINKED_SERVICE) || r.deploys_nothing() {
            continue;
        }
        // Set or not known: the service principal key may not be sent.
        let uses_identity = r
            .prop(USE_MANAGED_IDENTITY)
            .is_some_and(|e| !e.value.is_null() && e.value.as_bool() != Some(false));
        let identity = takes_identity(r);
        for key in CREDENTIALS {
            if uses_identity && *key == "servicePrincipalKey" {
                continue;
            }
            let path = format!("properties.typeProperties.{key}");
            for p in props_at(r, &path) {
                if crate::model::maybe_no_block(p.value) {
                    continue;
                }
                let Some(held) = judge(key, p.value) else {
                    continue;
                };
                // A property the loader made from another spelling may be
                // an object it built around what was written: name that.
                let inner = format!("{path}.value");
                let (loc, name, written) = match (p.key_loc == r.loc, p.value.entry("value")) {
                    (true, Some(e)) => (
                        e.key_loc,
                        r.spelling(&inner).map_or(p.key, |s| s.key()),
                        r.written_path(&inner),
                    ),
                    _ => (p.key_loc, p.key, p.path),
                };
                let instead = match identity {
                    Some(true) => "instead of the data factory's managed identity",
                    Some(false) => "instead of a Key Vault secret reference",
                    None => "instead of the data factory's managed identity or a Key Vault secret reference",
                };
                let value = p.value.get("value").unwrap_or(p.value);
                let f = Finding::new(
                    &RULE.meta,
                    loc,
                    format!(
                        "linked service `{}` keeps a credential in `{name}` ({}) {instead}",
                        r.label,
                        held.describe()
                    ),
                )
                .resource(r, written)
                .help(help(r, name, identity))
                .redact_literal(value);
                // Text built from several parts did not come from one input.
                out.push(match value.kind {
                    Kind::Template(_) => f,
                    _ => f.traced(value),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    fn s(t: &str) -> Value {
        Value::string(t, Loc::default())
    }

    fn obj(entries: Vec<(&str, Value)>) -> Value {
        crate::model::value::test_object(entries)
    }

    fn input(name: &str, secure: bool) -> Unknown {
        Unknown::Input {
            name: name.into(),
            secure,
        }
    }

    fn template(parts: Vec<Part>) -> Value {
        Value::new(Kind::Template(parts.into()), Loc::default())
    }

    #[test]
    fn finds_nothing_in_an_empty_unit() {
        let unit = crate::model::Unit::default();
        let options = crate::rules::Options::default();
        let mut out = Vec::new();
        check(&Ctx::new(&unit, &options), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn connection_strings_are_credentials_only_with_a_secret() {
        let cs = "connectionString";
        let key = format!(
            "DefaultEndpointsProtocol=https;AccountName=x;AccountKey={}==",
            "a".repeat(86)
        );
        assert_eq!(judge(cs, &s(&key)), Some(Held::Literal));
        assert_eq!(
            judge(
                cs,
                &s("Server=tcp:x.database.windows.net;User ID=u;Password=hunter2;")
            ),
            Some(Held::Literal)
        );
        assert_eq!(
            judge(
                cs,
                &s("Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=abc")
            ),
            Some(Held::Literal)
        );
        for fine in [
            "DefaultEndpointsProtocol=https;AccountName=x;",
            "Data Source=x.database.windows.net;Initial Catalog=db;Authentication=Active Directory Managed Identity",
            "Server=x;Password=<password>;",
            "Server=x;Password={your_password};",
            "Server=x;Password=yourPassword;",
            "AccountKey=;AccountName=x",
            "@{linkedService().connectionString}",
            "",
        ] {
            assert_eq!(judge(cs, &s(fine)), None, "{fine}");
        }
    }

    #[test]
    fn secure_strings_hold_their_value_and_key_vault_references_are_fine() {
        let secure = obj(vec![
            ("type", s("SecureString")),
            ("value", s("Server=x;Pwd=p4ss;")),
        ]);
        assert_eq!(judge("connectionString", &secure), Some(Held::Literal));
        let kv = obj(vec![
            ("type", s("AzureKeyVaultSecret")),
            ("store", obj(vec![("referenceName", s("kv"))])),
            ("secretName", s("sql")),
        ]);
        assert_eq!(judge("password", &kv), None);
        assert_eq!(judge("accountKey", &kv), None);
        let expr = obj(vec![
            ("type", s("Expression")),
            ("value", s("@pipeline().x")),
        ]);
        assert_eq!(judge("password", &expr), None);
    }

    #[test]
    fn unknown_values_prove_nothing_but_secret_sources_do() {
        let u = |x| Value::unknown(x, Loc::default());
        assert_eq!(judge("accountKey", &u(input("key", false))), None);
        assert_eq!(
            judge("accountKey", &u(input("key", true))),
            Some(Held::SecureInput("key"))
        );
        assert_eq!(
            judge("connectionString", &u(input("cs", true))),
            Some(Held::SecureInput("cs"))
        );
        let listed = Unknown::ServiceSecret {
            source: "listKeys()".into(),
            target: None,
            name: None,
        };
        assert_eq!(
            judge("connectionString", &u(listed.clone())),
            Some(Held::ServiceKey("listKeys()"))
        );
        // The key after the marker decides; a plain input without a value does not.
        let t = template(vec![
            Part::Lit("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=".into()),
            Part::Hole(listed),
        ]);
        assert_eq!(
            judge("connectionString", &t),
            Some(Held::ServiceKey("listKeys()"))
        );
        let t = template(vec![
            Part::Lit("Server=x;Password=".into()),
            Part::Hole(input("pw", true)),
            Part::Lit(";".into()),
        ]);
        assert_eq!(judge("connectionString", &t), Some(Held::SecureInput("pw")));
        let t = template(vec![
            Part::Lit("Server=x;Password=".into()),
            Part::Hole(input("pw", false)),
        ]);
        assert_eq!(judge("connectionString", &t), None);
        // A secure server name in an identity-based connection string is no secret.
        let t = template(vec![
            Part::Lit("Server=".into()),
            Part::Hole(input("server", true)),
            Part::Lit(";Authentication=Active Directory Managed Identity".into()),
        ]);
        assert_eq!(judge("connectionString", &t), None);
    }

    #[test]
    fn sas_uris_need_a_signature() {
        assert_eq!(
            judge(
                "sasUri",
                &s("https://x.blob.core.windows.net/?sv=2022-11-02&sig=abc%3D")
            ),
            Some(Held::Literal)
        );
        assert_eq!(
            judge("sasUri", &s("https://x.blob.core.windows.net/")),
            None
        );
        assert_eq!(
            judge("sasToken", &s("sv=2022&sig=abc")),
            Some(Held::Literal)
        );
    }
}
