//! High-confidence credential formats (RULES.md T5), compiled once and
//! matched over whole file texts, so a secret is found wherever it is
//! written: a property, a variable, a comment, a heredoc, a parameter file.

use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::OnceLock;

/// A credential found in a text: what it looks like, and the byte range of
/// the secret itself (not the `AccountKey=` before it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credential {
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
}

/// (kind, literals one of which every match contains, pattern): group 1 is
/// the secret.
static PATTERNS: &[(&str, &[&str], &str)] = &[
    (
        "storage account key",
        &["AccountKey="],
        r"AccountKey=([A-Za-z0-9+/]{86}==)",
    ),
    (
        "shared access key",
        &["SharedAccessKey="],
        r"SharedAccessKey=([A-Za-z0-9+/]{43}=)",
    ),
    (
        "shared access signature",
        &["SharedAccessSignature sr="],
        r"(SharedAccessSignature sr=[^\s;,'\x22]{8,})",
    ),
    (
        "Entra client secret",
        &["Q~"],
        r"(?:^|[^A-Za-z0-9_~.\-])([A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34})(?:[^A-Za-z0-9_~.\-]|$)",
    ),
    (
        "SAS token signature",
        &["sig="],
        r"sig=([A-Za-z0-9%+/=_\-]{40,})",
    ),
    (
        "private key",
        &["-----BEGIN "],
        r"(-----BEGIN [A-Z ]*PRIVATE KEY-----)",
    ),
    (
        "JSON web token",
        &["eyJ"],
        r"(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,})",
    ),
    (
        "connection string password",
        &["password=", "pwd="],
        r"(?i)(?:^|[;\x22'\s{,(])(?:password|pwd)=([^;\x22'\s,)]+)",
    ),
];

/// The Azurite storage emulator's published development key: not a secret.
const AZURITE_KEY: &str =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

struct Compiled {
    /// The patterns' literals, searched together: most texts contain none,
    /// and one pass over them is several times cheaper than running the
    /// patterns (a `RegexSet` over every file was the scan's top hot spot).
    literals: AhoCorasick,
    /// The pattern each literal belongs to.
    pattern_of: Vec<usize>,
    each: Vec<Regex>,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled {
        literals: AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(PATTERNS.iter().flat_map(|(_, lits, _)| lits.iter()))
            .expect("credential literals compile"),
        pattern_of: PATTERNS
            .iter()
            .enumerate()
            .flat_map(|(i, (_, lits, _))| lits.iter().map(move |_| i))
            .collect(),
        each: PATTERNS
            .iter()
            .map(|(_, _, p)| Regex::new(p).expect("credential pattern compiles"))
            .collect(),
    })
}

/// Every credential in `text`, in order of position.
pub fn find(text: &str) -> Vec<Credential> {
    let c = compiled();
    let mut present = vec![false; PATTERNS.len()];
    for m in c.literals.find_iter(text) {
        present[c.pattern_of[m.pattern().as_usize()]] = true;
    }
    let mut out = Vec::new();
    for (i, _) in present.iter().enumerate().filter(|(_, p)| **p) {
        let kind = PATTERNS[i].0;
        for caps in c.each[i].captures_iter(text) {
            let Some(m) = caps.get(1) else { continue };
            if accepted(kind, m.as_str(), text, m.start()) {
                out.push(Credential {
                    kind,
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
    }
    // A match inside another (the signature of a SAS inside a connection
    // string) is the same secret: keep the outermost.
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut reach = 0;
    out.retain(|c| {
        let inside = c.end <= reach;
        reach = reach.max(c.end);
        !inside
    });
    out
}

/// Filters that keep only real-looking secrets.
fn accepted(kind: &str, secret: &str, text: &str, at: usize) -> bool {
    if secret == AZURITE_KEY || dummy(secret) {
        return false;
    }
    match kind {
        "SAS token signature" => {
            // A SAS signature comes with its version or expiry in the same token.
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            let line = &text[line_start..line_end];
            line.contains("sv=") || line.contains("se=")
        }
        "connection string password" => {
            let expression = secret.starts_with(['[', '$', '{', '(', '%', '#', '<', '\\', '@']);
            !expression
                && !reference_like(secret)
                && !super::secrets::is_placeholder(secret)
                && !sample(secret)
        }
        _ => true,
    }
}

/// Stand-in passwords of examples and tests (`Password=test`): too common
/// to be anyone's secret, and reporting them buries the real ones.
fn sample(s: &str) -> bool {
    const SAMPLES: &[&str] = &[
        "test",
        "testing",
        "password",
        "pass",
        "passwd",
        "secret",
        "changeme",
        "admin",
        "example",
        "sample",
        "dummy",
        "foo",
        "bar",
        "none",
        "null",
        "mypassword",
        "yourpassword",
    ];
    s.chars().count() < 4 || SAMPLES.iter().any(|x| s.eq_ignore_ascii_case(x))
}

/// `var.x`, `local.pw`, `data.a.b.value`, `try(...)`: a reference or a call,
/// not a password written out.
fn reference_like(s: &str) -> bool {
    let head: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    !head.is_empty() && s[head.len()..].starts_with(['.', '('])
}

/// Filler such as `xxxx…`, `0000…` or one repeated character.
fn dummy(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    let mut chars = body.chars();
    match chars.next() {
        None => true,
        Some(first) => {
            chars.all(|c| c == first) || body.chars().all(|c| matches!(c, 'x' | 'X' | '0'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&'static str, String)> {
        find(text)
            .into_iter()
            .map(|c| (c.kind, text[c.start..c.end].to_string()))
            .collect()
    }

    const KEY86: &str =
        "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abcdefghij";

    #[test]
    fn finds_each_format_at_the_secret() {
        assert_eq!(KEY86.len(), 86);
        let t = format!("DefaultEndpointsProtocol=https;AccountName=x;AccountKey={KEY86}==;EndpointSuffix=core.windows.net");
        let k = find(&t);
        assert_eq!(k.len(), 1);
        assert_eq!(&t[k[0].start..k[0].start + 4], "AbCd");
        let sb = "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdE=";
        assert_eq!(kinds(sb)[0].0, "shared access key");
        assert_eq!(
            kinds("secret = \"aBc8Q~AbCdEfGhIjKlMnOpQrStUvWxYz012345\"")[0].0,
            "Entra client secret"
        );
        let sas = "https://x.blob.core.windows.net/c?sv=2022-11-02&se=2030-01-01&sr=c&sp=r&sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2Babcdef%3D";
        assert_eq!(kinds(sas)[0].0, "SAS token signature");
        assert_eq!(
            kinds("-----BEGIN RSA PRIVATE KEY-----\nMIIE")[0].0,
            "private key"
        );
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        assert_eq!(kinds(jwt)[0].1, jwt);
        assert_eq!(
            kinds("Server=tcp:x;Database=d;User ID=u;Password=Hunter2!;")[0].1,
            "Hunter2!"
        );
        assert_eq!(kinds("server=x;pwd=abc123")[0].1, "abc123");
        assert_eq!(kinds("Password=P@ssw0rd!;")[0].1, "P@ssw0rd!");
    }

    #[test]
    fn ignores_expressions_placeholders_and_known_samples() {
        let azurite = format!("AccountKey={AZURITE_KEY}");
        assert!(find(&azurite).is_empty());
        assert!(find(&format!("AccountKey={}==", "x".repeat(86))).is_empty());
        for t in [
            "concat('Server=x;Password=', parameters('pw'))",
            "Password=${var.db_password}",
            "Password={your_password};",
            "Password=<password>;",
            "Password=%s",
            "Password=REPLACE_ME",
            "sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEf without its version",
            "passwordLength = 16",
            "  password = var.admin_password",
            "Password=data.azurerm_key_vault_secret.x.value",
            "pwd=try(local.x, null)",
            "Server=x;Password=test\"",
            "Pwd=abc;",
        ] {
            assert!(find(t).is_empty(), "{t}: {:?}", find(t));
        }
    }
}
