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
        // The header; `pem_end` takes the secret on through the block.
        "private key",
        &["-----BEGIN "],
        r"(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)",
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

/// Every credential in `text`, in order of position, none inside another.
pub fn find(text: &str) -> Vec<Credential> {
    let c = compiled();
    let mut present = vec![false; PATTERNS.len()];
    for m in c.literals.find_iter(text) {
        present[c.pattern_of[m.pattern().as_usize()]] = true;
    }
    let mut out = Vec::new();
    for (i, _) in present.iter().enumerate().filter(|(_, p)| **p) {
        let kind = PATTERNS[i].0;
        // The next search starts where the secret ends, not where the match
        // does: a pattern that reads the character after a secret must still
        // see it before the next one (`a1b2Q~... c3d4Q~...`).
        let mut at = 0;
        while let Some(caps) = c.each[i].captures_at(text, at) {
            let Some(m) = caps.get(1) else { break };
            let end = if kind == "private key" {
                pem_end(text, m.end())
            } else {
                m.end()
            };
            if accepted(kind, &text[m.start()..end], text, m.start()) {
                out.push(Credential {
                    kind,
                    start: m.start(),
                    end,
                });
            }
            at = end;
        }
    }
    // A secret inside another (the `sig=` of a whole SAS token) is that
    // one secret, reported once.
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut end = 0;
    out.retain(|c| {
        let outside = c.start >= end;
        if outside {
            end = c.end;
        }
        outside
    });
    out
}

/// Where the PEM block whose header ends at `from` ends, so its body is
/// masked too: after its `-----END ... PRIVATE KEY-----` line, when only
/// body text comes before it (base64, `Proc-Type:` headers, indentation,
/// line breaks or the `\n` escapes of a JSON or HCL string); else after the
/// base64 lines right under the header. The body is not read past the next
/// `-----BEGIN `, so a text full of headers without END lines is still read
/// once, not once per header (a regex with a lazy body would be).
fn pem_end(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let body = |c: u8| c.is_ascii_alphanumeric() || b"+/=\\:,.- \t\r\n".contains(&c);
    let mut i = from;
    while i < b.len() && body(b[i]) {
        if b[i] == b'-' {
            let rest = &b[i..];
            if rest.starts_with(b"-----BEGIN ") {
                break;
            }
            if let Some(after) = rest.strip_prefix(b"-----END ") {
                let kind = after
                    .iter()
                    .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || **c == b' ')
                    .count();
                if after[..kind].ends_with(b"PRIVATE KEY") && after[kind..].starts_with(b"-----") {
                    return i + "-----END ".len() + kind + "-----".len();
                }
            }
        }
        i += 1;
    }
    // No END line: the header and the base64 lines right under it.
    let mut end = from;
    loop {
        let mut j = end;
        for brk in [&b"\\r\\n"[..], b"\\n", b"\r\n", b"\n"] {
            if b[j..].starts_with(brk) {
                j += brk.len();
                break;
            }
        }
        if j == end {
            return end;
        }
        while j < b.len() && matches!(b[j], b' ' | b'\t') {
            j += 1;
        }
        let run = b[j..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='))
            .count();
        if run < 16 {
            return end;
        }
        end = j + run;
    }
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
    fn a_private_key_is_the_whole_block() {
        let heredoc = "k = <<EOT\n  -----BEGIN OPENSSH PRIVATE KEY-----\n  b3BlbnNzaC1rZXktdjEAAAAABG5v\n  QyNTUxOQAAACBvcmRlcnNmYWtla2V5\n  -----END OPENSSH PRIVATE KEY-----\n  EOT\n";
        let k = kinds(heredoc);
        assert_eq!(k.len(), 1);
        assert!(k[0].1.starts_with("-----BEGIN OPENSSH"));
        assert!(k[0].1.ends_with("-----END OPENSSH PRIVATE KEY-----"));
        let json = r#""-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nMIIEowIBAAKCAQEAfakefakefake\n-----END RSA PRIVATE KEY-----\n""#;
        assert_eq!(
            kinds(json)[0].1,
            json[1..json.len() - 3].to_string(),
            "through the END line, without the last `\\n`"
        );
        // Without an END line: the header and the base64 lines under it.
        let cut = "\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B\\nAQEFAASCBKcwggSjAgEAAoIB\"\nEOT\n";
        assert_eq!(
            kinds(cut)[0].1,
            "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B\\nAQEFAASCBKcwggSjAgEAAoIB"
        );
    }

    #[test]
    fn headers_without_end_lines_are_read_once() {
        // Each header's body search stops at the next header: linear, where
        // a lazy regex body would rescan the rest of the text per header.
        let t = "-----BEGIN PRIVATE KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
            .repeat(100_000);
        let t0 = std::time::Instant::now();
        let found = find(&t);
        assert_eq!(found.len(), 100_000);
        assert_eq!(
            &t[found[0].start..found[0].end],
            t.lines().take(2).collect::<Vec<_>>().join("\n")
        );
        assert!(t0.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn finds_every_secret_of_a_line() {
        let t =
            "a = \"aBc8Q~AbCdEfGhIjKlMnOpQrStUvWxYz012345 dEf9Q~AbCdEfGhIjKlMnOpQrStUvWxYz012345\"";
        assert_eq!(kinds(t).len(), 2);
        let t = "Password=Hunter2!x;Pwd=Other3!y;";
        let k: Vec<String> = kinds(t).into_iter().map(|(_, s)| s).collect();
        assert_eq!(k, ["Hunter2!x", "Other3!y"]);
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
            "Password=data.vault_secret.x.value",
            "pwd=try(local.x, null)",
            "Server=x;Password=test\"",
            "Pwd=abc;",
        ] {
            assert!(find(t).is_empty(), "{t}: {:?}", find(t));
        }
    }
}
