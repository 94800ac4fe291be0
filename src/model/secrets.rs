//! Where a secret comes from, answered once for every rule that asks: a
//! literal in the code, a secure or plain input, a Key Vault reference, a
//! generated value, a key pulled from a service, or unknown. Also the
//! secret-bearing properties (RULES.md T4) and app settings in all their shapes.

use super::resource::Resource;
use super::spelling::{props_at, Prop};
use super::value::ops::unknown_member_name;
use super::value::{Attr, Entry, Kind, Loc, Part, Step, StepKind, Unknown, Value};
use std::borrow::Cow;

/// What a value is, as a secret.
#[derive(Clone, Debug, PartialEq)]
pub enum Source<'v> {
    /// Known text written in the code (in place, a variable, a default, a caller's argument).
    Literal(&'v str),
    /// Empty, or a placeholder such as `<password>` or `REPLACE_ME`.
    Placeholder,
    /// A secure/sensitive input with no value in the code.
    SecureInput(&'v str),
    /// A plain input with no value in the code.
    PlainInput(&'v str),
    /// A Key Vault (or App Configuration) reference, resolved at deployment or run time.
    KeyVault,
    /// Generated at deployment: `random_password`, `newGuid()`.
    Generated,
    /// A key or connection string read from a service: `listKeys()`, `primary_access_key`.
    ServiceKey(&'v str),
    /// Text with literal and unknown parts, none of them a secret source.
    Partial,
    /// Anything else: a number, an object, an unknown value.
    Unknown,
}

/// A value's source with the provenance facts rules need.
#[derive(Clone, Debug)]
pub struct Origin<'v> {
    pub source: Source<'v>,
    /// The step that supplied the value: the last default or given value in its chain.
    pub supplied_by: Option<&'v Step>,
    /// The value came through a secure input's default.
    pub via_secure_default: bool,
    /// The value came from a parameter file or tfvars.
    pub given: bool,
}

pub fn origin(v: &Value) -> Origin<'_> {
    let supplied_by = v
        .via
        .iter()
        .rev()
        .find(|s| matches!(s.kind, StepKind::Default | StepKind::Given));
    Origin {
        source: source(v),
        supplied_by,
        via_secure_default: v
            .via
            .iter()
            .any(|s| s.kind == StepKind::Default && s.secure),
        given: v.via.iter().any(|s| s.kind == StepKind::Given),
    }
}

pub fn source(v: &Value) -> Source<'_> {
    match &v.kind {
        Kind::String(s) => {
            if is_reference(s) {
                Source::KeyVault
            } else if is_placeholder(s) {
                Source::Placeholder
            } else {
                Source::Literal(s)
            }
        }
        Kind::Null => Source::Placeholder,
        Kind::Unknown(u) => unknown_source(u),
        Kind::Template(parts) => {
            let holes: Vec<Source> = parts
                .iter()
                .filter_map(|p| match p {
                    Part::Hole(u) => Some(unknown_source(u)),
                    Part::Lit(_) => None,
                })
                .collect();
            // The strongest source among the unknown parts decides.
            let rank = |h: &Source| match h {
                Source::ServiceKey(_) => 0,
                Source::KeyVault => 1,
                Source::SecureInput(_) => 2,
                Source::PlainInput(_) => 3,
                _ => 4,
            };
            if let Some(best) = holes.iter().filter(|h| rank(h) < 4).min_by_key(|h| rank(h)) {
                return best.clone();
            }
            Source::Partial
        }
        _ => Source::Unknown,
    }
}

fn unknown_source(u: &Unknown) -> Source<'_> {
    match u {
        Unknown::Input { name, secure: true } => Source::SecureInput(name),
        Unknown::Input {
            name,
            secure: false,
        } => Source::PlainInput(name),
        Unknown::KeyVault { .. } => Source::KeyVault,
        Unknown::Generated { .. } => Source::Generated,
        Unknown::Volatile { function }
            if function.starts_with("newGuid") || function.starts_with("uuid") =>
        {
            Source::Generated
        }
        Unknown::ServiceSecret { source, .. } => Source::ServiceKey(source),
        _ => Source::Unknown,
    }
}

/// A secret the code does not store but a reader can still see: from a
/// service key, a secure input, a Key Vault reference or a generator.
pub fn is_secret_source(s: &Source) -> bool {
    matches!(
        s,
        Source::ServiceKey(_) | Source::SecureInput(_) | Source::KeyVault | Source::Generated
    )
}

/// A secret source that names what it holds as no secret: a member of a
/// secure object whose name is not secret-like (`parameters('vmSpec').adminUsername`,
/// `computeSettings.orguser`; `vmSpec.adminPassword` stays a secret), or a
/// Key Vault secret whose name, or the data source reading it, names an
/// identifier (`domain_join_username`). The whole secure object, an element
/// of it (`x[]`), a member named `value` and URL members (a caller may have
/// appended a SAS token: `jenkinsSettings.scriptUrl`) stay secrets.
pub fn names_no_secret(u: &Unknown) -> bool {
    match u {
        Unknown::Input { name, secure: true } => name
            .rsplit_once('.')
            .is_some_and(|(_, member)| member_names_no_secret(member)),
        Unknown::KeyVault {
            name: Some(name), ..
        } => identifier_name(name),
        _ => false,
    }
}

/// A member of a secure object that holds no secret by its name
/// (`adminUsername`, `orguser`): see `names_no_secret`. The evaluator
/// applies the same test to members of a secure object with a known value.
pub fn member_names_no_secret(member: &str) -> bool {
    let lower = member.to_ascii_lowercase();
    !member.is_empty()
        && !member.contains(['[', ']'])
        && lower != "value"
        && !["url", "uri", "urls", "uris"]
            .iter()
            .any(|s| lower.ends_with(s))
        && !secret_like_name(member)
}

/// `@Microsoft.KeyVault(...)` and `@Microsoft.AppConfiguration(...)` references.
pub fn is_reference(s: &str) -> bool {
    let t = s.trim_start();
    let starts = |p: &str| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p);
    starts("@Microsoft.KeyVault(") || starts("@Microsoft.AppConfiguration(")
}

/// Values that stand in for a secret rather than being one. The one
/// placeholder judgement of the SEC rules (SEC001, SEC006, SEC007, SEC010,
/// SEC017 ...), documented in `docs/sec-semantics.md` ("Placeholders"):
/// - empty or blank;
/// - token-replacement forms: `<...>`, `{{...}}`, `${...}`, `$(...)`,
///   `#{...}#`, `__X__`, `%X%`, `{word_here}`;
/// - filler made only of `x`, `*`, `0`, `-`, `.`, `?` (`?`: an empty SAS query);
/// - all-caps words with `_`/`-` (`REPLACE_ME`, `YOUR_SECRET_HERE`, `TODO`);
/// - a deployment harness's tokens anywhere in the value: `GEN-PASSWORD`,
///   `GEN-UNIQUE` (`pasGEN-PASSWORDsword`), `GET-PREREQ-serverPassword`;
/// - instructions to the reader: `yourpassword`, `2yourpassword`,
///   `YourClientSecret`, `keyofyourstorageaccount` ("your" in a value of
///   letters, digits, spaces and `_-./:` only), or prose such as
///   `base-64-encoded PFX file contents here`, `see readme.md for details`;
/// - a value that only names what belongs there: `password`, `secretKey`,
///   `storageaccountkey`, `primary-key`, `access-key` (words of the secret
///   vocabulary, one of them a kind of secret);
/// - `dynamic`: "generate one", as Terraform CAF's secret maps write it;
///   and words that say "not set": `optional`, `none`, `null`, `unset`, `n/a`,
///   `defaultValue`.
pub fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return true;
    }
    let wrapped = |open: &str, close: &str| {
        t.starts_with(open) && t.ends_with(close) && t.len() > open.len() + close.len() - 1
    };
    if wrapped("<", ">")
        || wrapped("{{", "}}")
        || wrapped("${", "}")
        || wrapped("$(", ")")
        || wrapped("#{", "}#")
        || wrapped("__", "__")
        || wrapped("%", "%")
    {
        return true;
    }
    if wrapped("{", "}")
        && t[1..t.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return true;
    }
    if t.chars()
        .all(|c| matches!(c, 'x' | 'X' | '*' | '0' | '-' | '.' | '?'))
    {
        return true;
    }
    if harness_token(t) || instruction(t) || names_itself(t) || not_set(t) {
        return true;
    }
    // REPLACE_ME, GEN-PASSWORD, YOUR_SECRET_HERE, TODO: upper-case words.
    let upper_words = t.len() <= 48
        && t.chars().any(|c| c.is_ascii_uppercase())
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if upper_words {
        let words = [
            "REPLACE",
            "CHANGE",
            "GEN-",
            "YOUR",
            "TODO",
            "TBD",
            "PLACEHOLDER",
            "SECRET",
            "PASSWORD",
            "EXAMPLE",
            "DUMMY",
            "FIXME",
            "ENTER",
            "INSERT",
            "NONE",
        ];
        return t.contains('_') || t.contains('-') || words.iter().any(|w| t.contains(w));
    }
    false
}

/// `dynamic` (Terraform CAF's "generate one") and the words that say a value
/// is not set: `optional`, `none`, `null`, `unset`, `n/a`, and `defaultValue`
/// (the name of the field it fills).
fn not_set(t: &str) -> bool {
    [
        "dynamic",
        "optional",
        "none",
        "null",
        "unset",
        "notset",
        "n/a",
        "defaultvalue",
    ]
    .iter()
    .any(|w| t.eq_ignore_ascii_case(w))
}

/// The Azure quickstart test harness's tokens, replaced before deployment:
/// `GEN-PASSWORD`, `GEN-UNIQUE-8`, `GEN-SSH-PUB-KEY`, `GET-PREREQ-x`; upper
/// case as written, anywhere in the value.
pub fn harness_token(t: &str) -> bool {
    if t.contains("GET-PREREQ-") {
        return true;
    }
    t.match_indices("GEN-").any(|(i, _)| {
        t[i + 4..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
    })
}

/// Words addressed to the reader rather than a value: "your" in a value of
/// plain characters, or a sentence pointing somewhere else.
fn instruction(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    let plain = t
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '/' | ':'));
    if plain && lower.contains("your") {
        return true;
    }
    // Prose: three or more words between spaces, no `=`/`;` (a connection
    // string with `AccountKey=REPLACE_WITH_KEY` still holds its other parts).
    if lower.contains(['=', ';']) || lower.split_whitespace().count() < 3 {
        return false;
    }
    const POINTERS: &[&str] = &["here", "see", "enter", "insert", "replace", "readme"];
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| POINTERS.contains(&w))
}

/// A value made only of words that name a secret (`password`, `secretKey`,
/// `storage-account-key`), with at least one kind of secret among them.
fn names_itself(t: &str) -> bool {
    const KINDS: &[&str] = &[
        "password",
        "passwd",
        "pwd",
        "secret",
        "key",
        "token",
        "connectionstring",
    ];
    const WORDS: &[&str] = &[
        "access",
        "storage",
        "account",
        "primary",
        "secondary",
        "client",
        "shared",
        "admin",
        "api",
        "sas",
        "my",
        "the",
        "of",
        "value",
        "connection",
        "string",
        "sql",
        // Whose secret it is: `aadsecret`, `microsoftclientsecret`, `dbpassword`,
        // `aduserpwd` (an Active Directory user's).
        "aad",
        "ad",
        "microsoft",
        "google",
        "github",
        "facebook",
        "twitter",
        "app",
        "db",
        "database",
        "user",
        "service",
        "principal",
        "sp",
        "vm",
    ];
    let letters: String = t
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .collect::<String>()
        .to_ascii_lowercase();
    // Short names only: the split below recurses once per word.
    if letters.is_empty() || letters.len() > 64 || !letters.chars().all(|c| c.is_ascii_lowercase())
    {
        return false;
    }
    // Split into vocabulary words, remembering whether a kind was met.
    fn split(s: &str, kind_seen: bool, kinds: &[&str], words: &[&str]) -> bool {
        if s.is_empty() {
            return kind_seen;
        }
        kinds
            .iter()
            .any(|w| s.starts_with(w) && split(&s[w.len()..], true, kinds, words))
            || words
                .iter()
                .any(|w| s.starts_with(w) && split(&s[w.len()..], kind_seen, kinds, words))
    }
    split(&letters, false, KINDS, WORDS)
}

/// `secret_prefix`, `tokenSuffix`: the text put before or after a secret's
/// name, not the secret.
fn affix_name(n: &str) -> bool {
    n.ends_with("prefix") || n.ends_with("suffix")
}

/// Dummy values that are no secrets, judged with the name they are given
/// to (issue 15): a metasyntactic word (`foo`, `Bar`); a value that calls
/// itself fake, dummy or a sample and otherwise only names a secret
/// (`fakeClientSecret=`); the name it is given to again, with a counter and
/// at most one slip of the keyboard (`secretValue2`, `secretVaule1` for
/// `secretValue`); or a few words that only name the content the input
/// expects (`Apigee License` for `licenseFileText`).
pub fn dummy_for(value: &str, name: &str) -> bool {
    let t = value.trim();
    const METASYNTACTIC: &[&str] = &[
        "foo", "bar", "baz", "qux", "quux", "corge", "grault", "garply", "waldo", "fred", "plugh",
        "xyzzy", "thud", "foobar",
    ];
    if METASYNTACTIC.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        return true;
    }
    let lower = t.trim_end_matches('=').to_ascii_lowercase();
    if ["fake", "dummy", "sample", "example"]
        .iter()
        .any(|w| lower.strip_prefix(w).is_some_and(names_itself))
    {
        return true;
    }
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '-' | '_' | '.' | ' '))
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let key = squash(name);
    let bare = squash(t.trim_end_matches(|c: char| c.is_ascii_digit()));
    if key.len() >= 6 && within_one_slip(&bare, &key) {
        return true;
    }
    // `Apigee License`: two or three plain words, one of them in the name.
    let words: Vec<&str> = t.split(' ').collect();
    (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic()))
        && words
            .iter()
            .any(|w| w.len() >= 4 && key.contains(&w.to_ascii_lowercase()))
}

/// Equal, or one character changed, added, dropped, or two neighbours swapped.
fn within_one_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len() as isize - rb.len() as isize {
        0 => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}

/// Values whose shape says they are not secrets, whatever the property or
/// name holding them says (issue 15, class 2): an identifier (a GUID), a host
/// name, a public key or certificate, an empty object or list, a "not
/// applicable" word; or a reference to an attribute or input field that names
/// or identifies something (`fqdn`, `tenant_id`, `administrator_login`,
/// `public_key_openssh`), alone or formatted together (`login@fqdn`).
pub fn not_secret_shape(v: &Value) -> bool {
    match &v.kind {
        Kind::String(s) => not_secret_text(s),
        Kind::Object(e) => e.is_empty(),
        Kind::Array(items) => items.is_empty(),
        Kind::Unknown(u) => identifier_reference(u) || named_identifier(v),
        Kind::Template(parts) => {
            parts.iter().any(|p| matches!(p, Part::Hole(_)))
                && parts.iter().all(|p| match p {
                    Part::Hole(u) => identifier_reference(u),
                    // Separators only (`login@fqdn`): a word written beside
                    // an ID (`'SA' + subscriptionId`) makes a guessable secret.
                    Part::Lit(l) => {
                        l.len() <= 3
                            && l.chars()
                                .all(|c| matches!(c, '@' | '.' | '-' | '/' | '_' | ' '))
                    }
                })
        }
        _ => false,
    }
}

fn not_secret_text(s: &str) -> bool {
    let t = s.trim();
    let guid = t.len() == 36
        && t.char_indices().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        });
    let public = [
        "ssh-rsa ",
        "ssh-ed25519 ",
        "ecdsa-sha2-",
        "-----BEGIN PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----",
    ]
    .iter()
    .any(|p| t.starts_with(p));
    let not_applicable = ["na", "n/a", "none", "null", "{}", "[]"]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w));
    guid || public || not_applicable || host_name(t) || version(t)
}

/// An API version or a release number: `2024-05-01-preview`, `2023-11-01`,
/// `1.2.3`, `v2.0.1-beta`.
fn version(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let date = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && (b.len() == 10
            || (b[10] == b'-' && b.len() <= 24 && b[11..].iter().all(u8::is_ascii_lowercase)));
    let release = {
        let core = t.strip_prefix(['v', 'V']).unwrap_or(t);
        let (core, pre) = core.split_once('-').unwrap_or((core, ""));
        let nums: Vec<&str> = core.split('.').collect();
        (2..=4).contains(&nums.len())
            && nums
                .iter()
                .all(|n| !n.is_empty() && n.len() <= 5 && n.bytes().all(|c| c.is_ascii_digit()))
            && pre.len() <= 12
            && pre.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'.')
    };
    date || release
}

/// `sql-orders.database.windows.net`: dotted labels of letters, digits and
/// `-`, ending in a letter label.
fn host_name(t: &str) -> bool {
    let labels: Vec<&str> = t.split('.').collect();
    labels.len() >= 3
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|l| l.len() >= 2 && l.chars().all(|c| c.is_ascii_alphabetic()))
}

/// A reference whose last field names or identifies something.
fn identifier_reference(u: &Unknown) -> bool {
    let field = match u {
        Unknown::Attribute(r) => match &r.attr {
            Attr::Other(path) => path.as_str(),
            _ => return true,
        },
        Unknown::Input { name, .. } => name.as_str(),
        Unknown::Context(_) => return true,
        // A member of a value known only at deployment (`each.value.name`,
        // a module input's `settings.administrator_login`).
        Unknown::Opaque { reason } => match unknown_member_name(reason) {
            Some(n) => n,
            None => return false,
        },
        _ => return false,
    };
    let last = field
        .rsplit(['.', '['])
        .next()
        .unwrap_or(field)
        .trim_end_matches(']')
        .trim_matches('"');
    identifier_name(last)
}

/// A value computed at deployment (`coalesce(...)`, a condition) whose
/// input or local is named as an identifier (`local.resource_group_name`,
/// a module's `var.service_principal_application_id`): the name where the
/// value is read, the outermost step, says what it holds.
fn named_identifier(v: &Value) -> bool {
    matches!(v.as_unknown(), Some(Unknown::Opaque { .. }))
        && v.via.first().is_some_and(|s| identifier_name(&s.name))
}

/// A Key Vault secret whose own name says it holds a setting rather than a
/// secret: a name or ID (`identifier_name`: `ADLS-ACCOUNT-NAME`), or the
/// name of a container, database, search index or model, a version, a URL
/// (`ADLS-ACCOUNT-CONTAINER`, `AZURE-SEARCH-INDEX`, `AZURE-OPENAI-EMBEDDING-MODEL`). Applications often keep their whole
/// configuration in Key Vault; the name is what says which entries are secrets.
pub fn key_vault_setting(r: &Resource) -> bool {
    if !r.is_type("Microsoft.KeyVault/vaults/secrets") {
        return false;
    }
    let Some(name) = r.name.as_ref().and_then(|n| match &n.kind {
        Kind::String(s) => Some(s.clone()),
        Kind::Template(parts) => match parts.last() {
            Some(Part::Lit(l)) => Some(l.clone()),
            _ => None,
        },
        _ => None,
    }) else {
        return false;
    };
    let last = name.rsplit('/').next().unwrap_or(&name);
    let n: String = last
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    !n.is_empty()
        && !secret_like_name(last)
        && (identifier_name(last)
            || [
                "container",
                "database",
                "index",
                "model",
                "version",
                "url",
                "uri",
            ]
            .iter()
            .any(|s| n.ends_with(s)))
}

/// `fqdn`, `tenant_id`, `administrator_login`, `user_principal_name`,
/// `public_key_openssh`: names of identifiers, never of secrets.
pub fn identifier_name(name: &str) -> bool {
    let n: String = name
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase();
    // `clusterNameValue`: the value of a name is that name.
    let n = match n.strip_suffix("value") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => n,
    };
    const IDS: &[&str] = &[
        "name",
        "id",
        "fqdn",
        "login",
        "username",
        "upn",
        "hostname",
        "publickeyopenssh",
        "publickeypem",
        "publickey",
        "location",
        "endpoint",
    ];
    !n.contains("password") && !n.contains("secret") && IDS.iter().any(|s| n.ends_with(s))
}

/// Names that say a value is a secret (`adminPassword`, `storage_account_key`),
/// not names that say where one lives (`keyVaultName`, `secretName`, `sshPublicKey`).
pub fn secret_like_name(name: &str) -> bool {
    let n: String = name
        .chars()
        .filter(|c| *c != '_' && *c != '-' && *c != '.')
        .collect::<String>()
        .to_ascii_lowercase();
    const NOT: &[&str] = &[
        "name",
        "names",
        "id",
        "ids",
        "uri",
        "url",
        "urls",
        "version",
        "type",
        "publickey",
        "publickeys",
        "length",
        "policy",
        "expiry",
        "expiration",
        "enabled",
        "mode",
        "format",
        "size",
        "count",
        "lifetime",
        "ttl",
        "path",
        "endpoint",
        "parameters",
        "configuration",
        "config",
        "permissions",
        "location",
        "limit",
        "limits",
        "quota",
    ];
    // Keys that identify or partition data, or reference a key held elsewhere.
    const NOT_KEYS: &[&str] = &[
        "partitionkey",
        "shardkey",
        "uniquekey",
        "sortkey",
        "rowkey",
        "hashkey",
        "idempotencykey",
        "customermanaged",
        "creationtoken",
        "sshkey",
        "authorizedkey",
        // Counts, limits and salts of tokens, and names that say so.
        "maxtoken",
        "mintoken",
        "tokenlimit",
        "tokencount",
        "numtoken",
        "uniquetoken",
        "nonsecret",
        "notsecret",
    ];
    if n.starts_with("keyvault")
        || NOT.iter().any(|s| n.ends_with(s))
        || NOT_KEYS.iter().any(|s| n.contains(s))
        || affix_name(&n)
    {
        return false;
    }
    secret_words(&n)
}

/// A name that says its value is not a secret although it uses the secret
/// vocabulary: `solutionUniqueToken`, `adminPasswordLength`, `secretName`,
/// `keyVaultName` (the exceptions of `secret_like_name`).
pub fn says_not_secret(name: &str) -> bool {
    let n: String = name
        .chars()
        .filter(|c| *c != '_' && *c != '-' && *c != '.')
        .collect::<String>()
        .to_ascii_lowercase();
    !secret_like_name(name) && secret_words(&n)
}

/// The secret vocabulary test behind `secret_like_name`, on a lower-case
/// name without separators, before its exceptions.
fn secret_words(n: &str) -> bool {
    // SSH keys in templates are public keys unless they say otherwise.
    if n.contains("ssh") && !n.contains("private") {
        return false;
    }
    // Flags and verbs: `syncNtlmPasswords`, `enablePasswordReset`, `rotateSecrets`.
    const VERBS: &[&str] = &[
        "enable", "disable", "sync", "allow", "require", "use", "skip", "rotate", "generate", "is",
        "has",
    ];
    if VERBS.iter().any(|v| n.starts_with(v) && n.len() > v.len())
        && !n.starts_with("user")
        && !n.starts_with("issu")
    {
        return false;
    }
    const SECRET: &[&str] = &[
        "password",
        "passwd",
        "pwd",
        "secret",
        "token",
        "accountkey",
        "acctkey",
        "connectionstring",
        "sharedaccesskey",
        "apikey",
    ];
    if SECRET.iter().any(|s| n.contains(s)) {
        return true;
    }
    // `*_key` alone often names a map key (`subscription_key`, `resource_group_key`
    // in Terraform landing zones); only kinds of key that are secrets count.
    const KEY_KINDS: &[&str] = &[
        "access",
        "account",
        "api",
        "shared",
        "primary",
        "secondary",
        "master",
        "private",
        "storage",
        "auth",
        "host",
        "function",
        "client",
        "signing",
        "admin",
        "instrumentation",
        "sas",
        "secret",
        "license",
        "activation",
        "encryption",
    ];
    let stem = n.strip_suffix("keys").or_else(|| n.strip_suffix("key"));
    match stem {
        Some("") => true,
        Some(stem) => KEY_KINDS.iter().any(|k| stem.ends_with(k)),
        None => false,
    }
}

/// Secret-bearing properties (RULES.md T4): (ARM type, ARM path). Loaders
/// map other spellings onto these paths. Array elements are walked through
/// at any step of a path.
static SECRET_PROPERTIES: &[(&str, &str)] = &[
    (
        "Microsoft.Compute/virtualMachines",
        "properties.osProfile.adminPassword",
    ),
    (
        "Microsoft.Compute/virtualMachineScaleSets",
        "properties.virtualMachineProfile.osProfile.adminPassword",
    ),
    (
        "Microsoft.ContainerService/managedClusters",
        "properties.windowsProfile.adminPassword",
    ),
    (
        "Microsoft.ContainerService/managedClusters",
        "properties.servicePrincipalProfile.secret",
    ),
    (
        "Microsoft.ContainerService/managedClusters",
        "properties.aadProfile.serverAppSecret",
    ),
    (
        "Microsoft.ContainerInstance/containerGroups",
        "properties.imageRegistryCredentials.password",
    ),
    (
        "Microsoft.ContainerInstance/containerGroups",
        "properties.diagnostics.logAnalytics.workspaceKey",
    ),
    (
        "Microsoft.ContainerInstance/containerGroups",
        "properties.volumes.azureFile.storageAccountKey",
    ),
    (
        "Microsoft.Sql/servers",
        "properties.administratorLoginPassword",
    ),
    (
        "Microsoft.Sql/managedInstances",
        "properties.administratorLoginPassword",
    ),
    (
        "Microsoft.DBforMySQL/servers",
        "properties.administratorLoginPassword",
    ),
    (
        "Microsoft.DBforMySQL/flexibleServers",
        "properties.administratorLoginPassword",
    ),
    (
        "Microsoft.DBforPostgreSQL/servers",
        "properties.administratorLoginPassword",
    ),
    (
        "Microsoft.DBforPostgreSQL/flexibleServers",
        "properties.administratorLoginPassword",
    ),
    (
        "Microsoft.DBforMariaDB/servers",
        "properties.administratorLoginPassword",
    ),
    ("Microsoft.Web/certificates", "properties.password"),
    ("Microsoft.Web/sourcecontrols", "properties.token"),
    ("Microsoft.Web/sourcecontrols", "properties.tokenSecret"),
    ("Microsoft.Web/staticSites", "properties.repositoryToken"),
    ("Microsoft.KeyVault/vaults/secrets", "properties.value"),
    (
        "Microsoft.Automation/automationAccounts/credentials",
        "properties.password",
    ),
    (
        "Microsoft.ApiManagement/service/users",
        "properties.password",
    ),
    (
        "Microsoft.ApiManagement/service/identityProviders",
        "properties.clientSecret",
    ),
    ("Microsoft.Network/connections", "properties.sharedKey"),
    (
        "Microsoft.Network/virtualNetworkGateways",
        "properties.vpnClientConfiguration.radiusServerSecret",
    ),
    (
        "Microsoft.Network/applicationGateways",
        "properties.sslCertificates.properties.password",
    ),
    (
        "Microsoft.Resources/deploymentScripts",
        "properties.storageAccountSettings.storageAccountKey",
    ),
    (
        "Microsoft.App/managedEnvironments",
        "properties.appLogsConfiguration.logAnalyticsConfiguration.sharedKey",
    ),
    (
        "Microsoft.App/managedEnvironments",
        "properties.daprAIConnectionString",
    ),
    (
        "Microsoft.App/managedEnvironments/storages",
        "properties.azureFile.accountKey",
    ),
    (
        "Microsoft.NetApp/netAppAccounts",
        "properties.activeDirectories.password",
    ),
    // Added for issue 15 (T4 is a floor): sign-in secrets of App Service
    // authentication (v1 `authsettings`; v2 names app settings instead of
    // holding secrets), and where Terraform's `auth_settings` block lands.
    ("Microsoft.Web/sites/config", "properties.clientSecret"),
    (
        "Microsoft.Web/sites/config",
        "properties.googleClientSecret",
    ),
    ("Microsoft.Web/sites/config", "properties.facebookAppSecret"),
    (
        "Microsoft.Web/sites/config",
        "properties.microsoftAccountClientSecret",
    ),
    (
        "Microsoft.Web/sites/config",
        "properties.twitterConsumerSecret",
    ),
    (
        "Microsoft.Web/sites/config",
        "properties.gitHubClientSecret",
    ),
    (
        "Microsoft.Web/sites",
        "properties.authSettings.clientSecret",
    ),
    (
        "Microsoft.Web/sites",
        "properties.authSettings.googleClientSecret",
    ),
    (
        "Microsoft.Web/sites",
        "properties.authSettings.facebookAppSecret",
    ),
    (
        "Microsoft.Web/sites",
        "properties.authSettings.microsoftAccountClientSecret",
    ),
    (
        "Microsoft.Web/sites",
        "properties.authSettings.twitterConsumerSecret",
    ),
    (
        "Microsoft.Web/sites",
        "properties.authSettings.gitHubClientSecret",
    ),
    (
        "Microsoft.Web/sites/slots",
        "properties.authSettings.clientSecret",
    ),
    // A PFX imported into Key Vault (Terraform `certificate { password }`).
    (
        "Microsoft.KeyVault/vaults/certificates",
        "properties.certificate.password",
    ),
    // HDInsight cluster login (gateway) and node SSH passwords.
    (
        "Microsoft.HDInsight/clusters",
        "properties.clusterDefinition.configurations.gateway.restAuthCredential.password",
    ),
    (
        "Microsoft.HDInsight/clusters",
        "properties.computeProfile.roles.osProfile.linuxOperatingSystemProfile.password",
    ),
    // Where Terraform's role blocks land (ARM has them in `roles[]`).
    (
        "Microsoft.HDInsight/clusters",
        "properties.computeProfile.headNode.osProfile.linuxOperatingSystemProfile.password",
    ),
    (
        "Microsoft.HDInsight/clusters",
        "properties.computeProfile.workerNode.osProfile.linuxOperatingSystemProfile.password",
    ),
    (
        "Microsoft.HDInsight/clusters",
        "properties.computeProfile.zookeeperNode.osProfile.linuxOperatingSystemProfile.password",
    ),
    // Terraform's orchestrated scale set spells the Linux login apart.
    (
        "Microsoft.Compute/virtualMachineScaleSets",
        "properties.virtualMachineProfile.osProfile.linuxProfile.adminPassword",
    ),
    // Entra ID user's initial password (Microsoft Graph `passwordProfile`).
    ("Microsoft.Graph/users", "passwordProfile.password"),
    // Azure Cosmos DB for PostgreSQL cluster.
    (
        "Microsoft.DBforPostgreSQL/serverGroupsv2",
        "properties.administratorLoginPassword",
    ),
];

/// The rows of a table keyed by ARM type that apply to `r`.
pub fn rows_for<'a, T>(
    r: &'a Resource,
    table: &'a [(&'a str, T)],
) -> impl Iterator<Item = &'a T> + 'a {
    table
        .iter()
        .filter(move |(t, _)| r.is_type(t))
        .map(|(_, row)| row)
}

/// The secret-bearing properties set on `r`, each with its path as written
/// (see `Resource::written_path`) and its entry under the name written,
/// which differs from the body's where the loader mapped it.
pub fn secret_properties(r: &Resource) -> Vec<(&str, Cow<'_, Entry>)> {
    // Of the `sites/config` resources only `authsettings` holds these names
    // as secrets; `appsettings` entries are app settings (SEC007).
    if r.is_type("Microsoft.Web/sites/config") {
        let name = r.name.as_ref().map(Value::display).unwrap_or_default();
        if !name.to_ascii_lowercase().ends_with("authsettings") {
            return Vec::new();
        }
    }
    rows_for(r, SECRET_PROPERTIES)
        .flat_map(|path| props_at(r, path))
        .map(|p| {
            let e = if p.key == p.entry.key && p.key_loc == p.entry.key_loc {
                Cow::Borrowed(p.entry)
            } else {
                Cow::Owned(Entry {
                    key: p.key.to_string(),
                    key_loc: p.key_loc,
                    ..p.entry.clone()
                })
            };
            (p.path, e)
        })
        .collect()
}

/// Properties that keep a secret in the deployment tool's saved state where
/// the source offers a write-only spelling that would not, with that spelling.
pub fn stored_with_write_only(r: &Resource) -> Vec<(Prop<'_>, &'static str)> {
    r.spellings
        .iter()
        .filter_map(|s| Some((s, s.write_only?)))
        .flat_map(|(s, wo)| props_at(r, &s.path).into_iter().map(move |p| (p, wo)))
        .collect()
}

/// Properties that keep a secret in the deployment tool's saved state with
/// no write-only spelling, with the design that needs no secret instead.
pub fn stored_without_write_only(r: &Resource) -> Vec<(Prop<'_>, &'static str)> {
    r.spellings
        .iter()
        .filter_map(|s| Some((s, s.instead?)))
        .flat_map(|(s, alt)| props_at(r, &s.path).into_iter().map(move |p| (p, alt)))
        .collect()
}

/// Entries at a dotted path; arrays met on the way are walked through.
pub fn entries_at<'v>(v: &'v Value, path: &str) -> Vec<&'v Entry> {
    fn walk<'v>(v: &'v Value, segs: &[&str], out: &mut Vec<&'v Entry>) {
        let Some((first, rest)) = segs.split_first() else {
            return;
        };
        match &v.kind {
            Kind::Array(items) => items.iter().for_each(|i| walk(i, segs, out)),
            Kind::Object(_) => {
                if let Some(e) = v.entry(first) {
                    if rest.is_empty() {
                        out.push(e);
                    } else {
                        walk(&e.value, rest, out);
                    }
                } else if let Some((e, rest)) = dotted_entry(v, segs) {
                    if rest.is_empty() {
                        out.push(e);
                    } else {
                        walk(&e.value, rest, out);
                    }
                }
            }
            _ => {}
        }
    }
    let segs: Vec<&str> = path.split('.').collect();
    let mut out = Vec::new();
    walk(v, &segs, &mut out);
    out
}

/// A member whose own name holds dots (HDInsight's
/// `"restAuthCredential.password"`), matched by the next steps of a path.
fn dotted_entry<'v, 's>(v: &'v Value, segs: &'s [&'s str]) -> Option<(&'v Entry, &'s [&'s str])> {
    (2..=segs.len()).find_map(|n| {
        let key = segs[..n].join(".");
        v.entry(&key).map(|e| (e, &segs[n..]))
    })
}

/// Entries at a dotted path as `entries_at` finds them, each with where a
/// finding about it points: its key, or, for an entry an expression built
/// (`createObject('accountKey', listKeys(...))` has no key of its own in the
/// text), the key of the nearest property written around it.
pub fn written_entries_at<'v>(v: &'v Value, path: &str) -> Vec<(&'v Entry, Loc)> {
    fn walk<'v>(v: &'v Value, segs: &[&str], anchor: Option<Loc>, out: &mut Vec<(&'v Entry, Loc)>) {
        let Some((first, rest)) = segs.split_first() else {
            return;
        };
        match &v.kind {
            Kind::Array(items) => items.iter().for_each(|i| walk(i, segs, anchor, out)),
            Kind::Object(_) => {
                let found = v
                    .entry(first)
                    .map(|e| (e, rest))
                    .or_else(|| dotted_entry(v, segs));
                if let Some((e, rest)) = found {
                    // Built by the expression that is the parent's value: its
                    // key starts where that expression does.
                    let built = anchor.is_some()
                        && e.key_loc.span.start == v.loc.span.start
                        && e.key_loc.file == v.loc.file;
                    let here = if built {
                        anchor.unwrap_or(e.key_loc)
                    } else {
                        e.key_loc
                    };
                    if rest.is_empty() {
                        out.push((e, here));
                    } else {
                        walk(&e.value, rest, Some(here), out);
                    }
                }
            }
            _ => {}
        }
    }
    let segs: Vec<&str> = path.split('.').collect();
    let mut out = Vec::new();
    walk(v, &segs, None, &mut out);
    out
}

/// Every entry of a value tree, depth first.
pub fn each_entry<'v>(v: &'v Value, f: &mut dyn FnMut(&'v Entry)) {
    match &v.kind {
        Kind::Array(items) => items.iter().for_each(|i| each_entry(i, f)),
        Kind::Object(entries) => {
            for e in entries.iter() {
                f(e);
                each_entry(&e.value, f);
            }
        }
        _ => {}
    }
}

/// One app setting or connection string of a web app, function app or Logic App.
#[derive(Debug)]
pub struct Setting<'v> {
    /// The setting's name, when known.
    pub name: Option<&'v str>,
    pub value: &'v Value,
    /// Where findings about the setting point.
    pub loc: Loc,
    pub connection_string: bool,
}

/// Whether `r` holds a web app's settings: the site or slot itself, or
/// its `config` child (`appsettings`, `connectionstrings`, ...).
pub fn holds_site_settings(r: &Resource) -> bool {
    [
        "Microsoft.Web/sites",
        "Microsoft.Web/sites/slots",
        "Microsoft.Web/sites/config",
        "Microsoft.Web/sites/slots/config",
    ]
    .iter()
    .any(|t| r.is_type(t))
}

/// App settings and connection strings in both ARM shapes: `siteConfig`
/// arrays and `sites/config` objects.
pub fn app_settings(r: &Resource) -> Vec<Setting<'_>> {
    let mut out = Vec::new();
    if r.is_type("Microsoft.Web/sites") || r.is_type("Microsoft.Web/sites/slots") {
        for item in entries_at(&r.body, "properties.siteConfig.appSettings") {
            for s in item.value.as_array().unwrap_or(&[]) {
                if let Some(v) = s.entry("value") {
                    out.push(Setting {
                        name: s.get("name").and_then(Value::as_str),
                        value: &v.value,
                        loc: v.key_loc,
                        connection_string: false,
                    });
                }
            }
        }
        for item in entries_at(&r.body, "properties.siteConfig.connectionStrings") {
            for s in item.value.as_array().unwrap_or(&[]) {
                if let Some(v) = s.entry("connectionString") {
                    out.push(Setting {
                        name: s.get("name").and_then(Value::as_str),
                        value: &v.value,
                        loc: v.key_loc,
                        connection_string: true,
                    });
                }
            }
        }
    }
    if r.is_type("Microsoft.Web/sites/config") || r.is_type("Microsoft.Web/sites/slots/config") {
        let name = r
            .name
            .as_ref()
            .map(Value::display)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let kind = if name.ends_with("appsettings") {
            Some(false)
        } else if name.ends_with("connectionstrings") {
            Some(true)
        } else {
            None
        };
        if let (Some(cs), Some(props)) = (kind, r.body.get("properties")) {
            for e in props.as_object().unwrap_or(&[]) {
                let value = if cs {
                    e.value.get("value").unwrap_or(&e.value)
                } else {
                    &e.value
                };
                out.push(Setting {
                    name: Some(&e.key),
                    value,
                    loc: e.key_loc,
                    connection_string: cs,
                });
            }
        }
    }
    out
}

/// Settings that select an identity or an endpoint rather than carrying a secret.
pub fn identity_based_setting(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "__fullyqualifiednamespace",
        "__accountname",
        "__serviceuri",
        "__bloburi",
        "__blobserviceuri",
        "__queueserviceuri",
        "__tableserviceuri",
        "__credential",
        "__clientid",
        "__tenantid",
        "__endpoint",
    ]
    .iter()
    .any(|s| n.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "",
            "  ",
            "<your-password>",
            "REPLACE_ME",
            "GEN-PASSWORD",
            "YOUR_SECRET_HERE",
            "TODO",
            "xxxxxxxx",
            "********",
            "#{DbPassword}#",
            "$(SqlPassword)",
            "${PASSWORD}",
            "__PASSWORD__",
            "{{ pw }}",
        ] {
            assert!(is_placeholder(p), "{p:?}");
        }
        // Instructions, harness tokens and values that name themselves.
        for p in [
            "pasGEN-PASSWORDsword",
            "GET-PREREQ-serverPassword",
            "yourpassword",
            "2yourpassword",
            "YourClientSecret",
            "keyofyourstorageaccount",
            "Your Service principal Secret",
            "base-64-encoded PFX certificate file contents here",
            "see readme.md for details on how to create the SP",
            "{enter_existing_adminUsername_password_here}",
            "dynamic",
            "optional",
            "None",
            "defaultValue",
            "?",
            "aduserpwd",
            "password",
            "secretKey",
            "storageaccountkey",
            "primary-key",
            "access-key",
            "aadsecret",
            "microsoftclientsecret",
        ] {
            assert!(is_placeholder(p), "{p:?}");
        }
        for s in [
            "P@ssw0rd!",
            "hunter2",
            "Sup3rS3cret",
            "ABC123",
            "changeme1",
            "ChangeMe123$",
            "admin",
            "pass@word1",
            "P@ssw0rd1234!",
            "Gen-Password1",
            "Y0urP@ss!",
            "correct horse battery staple",
        ] {
            assert!(!is_placeholder(s), "{s:?}");
        }
    }

    #[test]
    fn secret_names() {
        for n in [
            "adminPassword",
            "sql_admin_pwd",
            "storageAccountKey",
            "apiKeys",
            "clientSecret",
            "sas-token",
            "dbConnectionString",
            "primaryKey",
            "key",
            "storage_access_key",
            "usernamePassword",
        ] {
            assert!(secret_like_name(n), "{n}");
        }
        for n in [
            "keyVaultName",
            "secretName",
            "sshPublicKey",
            "adminPasswordLength",
            "tokenLifetime",
            "keyVaultSecretUri",
            "passwordPolicy",
            "keyType",
            "adminUsername",
            "location",
            "adminSSHKey",
            "shardKey",
            "customerManagedKey",
            "tokenEndpoint",
            "subscription_key",
            "resource_group_key",
            "syncNtlmPasswords",
            "enablePasswordReset",
            "lz_key",
            "AZURE_OPENAI_MAX_TOKENS",
            "azureOpenAIMaxTokens",
            "solutionUniqueToken",
            "nonSecretParameterValues",
            "tokenLimit",
        ] {
            assert!(!secret_like_name(n), "{n}");
        }
    }

    #[test]
    fn shapes_that_are_not_secrets() {
        let s = |t: &str| Value::string(t, Loc::default());
        for t in [
            "44b29aa9-ccd0-4314-aaa0-fd4df282b906",
            "ssh-rsa AAAAB3NzaC1yc2E generated-by-azure",
            "NA",
            "{}",
            "sql-orders.database.windows.net",
            "2024-05-01-preview",
            "2023-11-01",
            "1.2.3",
            "v2.0.1-beta",
        ] {
            assert!(not_secret_shape(&s(t)), "{t}");
        }
        for t in [
            "P@ssw0rd1234!",
            "Sup3r.S3cret.x",
            "a.b",
            "hunter2",
            "2024-05-01-Pa55word!",
            "12345678",
        ] {
            assert!(!not_secret_shape(&s(t)), "{t}");
        }
        let input = |n: &str| {
            Value::unknown(
                Unknown::Input {
                    name: n.into(),
                    secure: false,
                },
                Loc::default(),
            )
        };
        assert!(not_secret_shape(&input("settings.administrator_login")));
        assert!(not_secret_shape(&input("client_config.tenant_id")));
        assert!(!not_secret_shape(&input("settings.administrator_password")));
        assert!(!not_secret_shape(&input("value")));
        assert!(not_secret_shape(&Value::object(Vec::new(), Loc::default())));
        let t = |parts: Vec<Part>| Value::new(Kind::Template(parts.into()), Loc::default());
        let login = || {
            Part::Hole(Unknown::Input {
                name: "settings.administrator_login".into(),
                secure: false,
            })
        };
        let sub = || {
            Part::Hole(Unknown::Context(
                super::super::value::ContextValue::SubscriptionId,
            ))
        };
        assert!(not_secret_shape(&t(vec![
            login(),
            Part::Lit("@".into()),
            login()
        ])));
        assert!(!not_secret_shape(&t(vec![Part::Lit("SA".into()), sub()])));
    }

    #[test]
    fn secret_sources_that_name_no_secret() {
        let input = |n: &str| Unknown::Input {
            name: n.into(),
            secure: true,
        };
        assert!(names_no_secret(&input("vmSpec.adminUsername")));
        assert!(names_no_secret(&input("computeSettings.orguser")));
        assert!(!names_no_secret(&input("vmSpec.adminPassword")));
        assert!(!names_no_secret(&input("computeSettings.adminpassword")));
        assert!(!names_no_secret(&input("vmSpec")));
        assert!(!names_no_secret(&input("secrets.value")));
        assert!(!names_no_secret(&input("settings.scriptUrl")));
        assert!(!names_no_secret(&input("items[]")));
        let kv = |n: Option<&str>| Unknown::KeyVault {
            what: "a secret".into(),
            name: n.map(str::to_string),
        };
        assert!(names_no_secret(&kv(Some("domain_join_username"))));
        assert!(!names_no_secret(&kv(Some("domain_join_password"))));
        assert!(!names_no_secret(&kv(None)));
    }

    #[test]
    fn names_that_say_they_are_no_secret() {
        for n in [
            "solutionUniqueToken",
            "adminPasswordLength",
            "secretName",
            "keyVaultSecretName",
        ] {
            assert!(says_not_secret(n), "{n}");
        }
        for n in ["adminPassword", "location", "vmSize", "enablePasswordReset"] {
            assert!(!says_not_secret(n), "{n}");
        }
    }

    #[test]
    fn references() {
        assert!(is_reference(
            "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x/)"
        ));
        assert!(is_reference(
            " @microsoft.appconfiguration(Endpoint=https://x;Key=y)"
        ));
        assert!(!is_reference("Microsoft.KeyVault"));
    }
    #[test]
    fn dummies_for_their_names() {
        assert!(dummy_for("Bar", "diagnosticsStorageAccountSasToken"));
        assert!(dummy_for("fakeClientSecret=", "clientSecret"));
        assert!(dummy_for("dummyPassword", "adminPassword"));
        assert!(dummy_for("secretValue2", "secretValue"));
        assert!(dummy_for("secretVaule1", "secretValue"));
        assert!(dummy_for("Apigee License", "licenseFileText"));
        for (v, n) in [
            ("fakeP@ss-71x", "clientSecret"),
            ("Sup3rS3cret!", "secretValue"),
            ("tr0ub4dor", "adminPassword"),
            ("correct horse battery", "adminPassword"),
            ("barbell", "token"),
            ("secretSauce7", "secretValue"),
        ] {
            assert!(!dummy_for(v, n), "{v} for {n}");
        }
    }

    #[test]
    fn names_of_identifiers_through_values() {
        assert!(identifier_name("clusterNameValue"));
        assert!(identifier_name("admin-username"));
        assert!(!identifier_name("clusterTokenValue"));
        assert!(!identifier_name("value"));
        assert!(!secret_like_name("secret_prefix"));
        assert!(!secret_like_name("tokenSuffix"));
        assert!(secret_like_name("secret"));
        let opaque = |reason: String, via: Vec<Step>| Value {
            via,
            ..Value::unknown(Unknown::Opaque { reason }, Loc::default())
        };
        let member = super::super::value::ops::unknown_member_reason;
        assert!(not_secret_shape(&opaque(
            member("administrator_login"),
            vec![]
        )));
        assert!(!not_secret_shape(&opaque(
            member("administrator_password"),
            vec![]
        )));
        let local = |name: &str| Step {
            kind: StepKind::Named,
            name: name.into(),
            loc: Loc::default(),
            secure: false,
            noun: "local",
        };
        let cond = || "depends on a condition that is not known".to_string();
        assert!(not_secret_shape(&opaque(
            cond(),
            vec![local("resource_group_name")]
        )));
        assert!(!not_secret_shape(&opaque(cond(), vec![local("value")])));
        assert!(!not_secret_shape(&opaque(cond(), vec![])));
    }
}
