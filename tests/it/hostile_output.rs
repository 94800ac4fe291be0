//! Hostile input against idlint's own output, driven through the binary:
//! a secret any rule detected is masked in every snippet whatever happens to
//! its finding, and control characters from the scanned files cannot reach a
//! terminal, a CI log or a pull-request annotation raw.

use crate::support::{idlint, stderr, stdout};

const REDACTION: &str = "testdata/hostile/redaction";
const CONTROL: &str = "testdata/hostile/control";

/// The fake secrets of the redaction fixtures.
const KEY86: &str =
    "FAKEkeyForIdlintTestsOnly0123456789FAKEkeyForIdlintTestsOnly0123456789FAKEkeyForIdlint";
const SAK43: &str = "FAKEsasKeyIdlintTests0123456789FAKEsasKeyId";
const ENTRA: &str = "Fak9Q~FAKEidlintClientSecret0123456789ab";
const PW: &str = "Fake-Pw-For-Idlint-Tests-1";
const PW2: &str = "Fake-Second-Pw-Idlint-2";
/// The base64 lines of the fixtures' PEM private keys.
const PEM_BODY: [&str; 4] = [
    "bGluZSAwOiBmYWtlIHByaXZhdGUga2V5IG1hdGVyaWFsIGZvciBpZGxpbnQgdGVz",
    "bGluZSAxOiBmYWtlIHByaXZhdGUga2V5IG1hdGVyaWFsIGZvciBpZGxpbnQgdGVz",
    "bGluZSAyOiBmYWtlIHByaXZhdGUga2V5IG1hdGVyaWFsIGZvciBpZGxpbnQgdGVz",
    "bGluZSAzOiBmYWtlIHByaXZhdGUga2V5IG1hdGVyaWFsIGZvciBpZGxpbnQgdGVz",
];

const FORMATS: [&str; 6] = ["human", "concise", "json", "sarif", "junit", "github"];

/// Runs `idlint check` with `args` in every format, with and without
/// `--show-suppressed`, and fails on any output that shows one of
/// `secrets` past the four characters masking keeps.
fn assert_hidden(args: &[&str], secrets: &[&str]) {
    let mut leaks = Vec::new();
    for format in FORMATS {
        for show in [false, true] {
            let mut a = vec!["check", "--format", format];
            if show {
                a.push("--show-suppressed");
            }
            a.extend_from_slice(args);
            let out = idlint(&a);
            let text = format!("{}{}", stdout(&out), stderr(&out));
            for s in secrets {
                if text.contains(&s[4..]) {
                    leaks.push(format!("{a:?} shows `{}…`", &s[..8]));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

fn fixture(rel: &str) -> String {
    format!("{REDACTION}/{rel}")
}

#[test]
fn error_snippets_mask_secrets_on_and_around_the_error() {
    let json = fixture("invalid_json");
    let out = idlint(&["check", &json]);
    assert_eq!(out.status.code(), Some(2));
    // The snippet is still shown, with the secret's first characters.
    assert!(
        stdout(&out).contains("SharedAccessKey=FAKE*"),
        "{}",
        stdout(&out)
    );
    assert_hidden(&[&json], &[KEY86, SAK43]);
    assert_hidden(&[&fixture("invalid_tf")], &[ENTRA]);
}

#[test]
fn secrets_of_suppressed_findings_stay_masked() {
    assert_hidden(&[&fixture("suppressed_inline")], &[SAK43]);
    assert_hidden(&[&fixture("suppressed_config")], &[SAK43]);
}

#[test]
fn secrets_of_baselined_findings_stay_masked() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let baseline = baseline.to_str().unwrap();
    let target = fixture("unselected");
    let out = idlint(&[
        "check",
        "--select",
        "SEC006",
        "--write-baseline",
        baseline,
        &target,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_hidden(&["--baseline", baseline, &target], &[SAK43]);
}

#[test]
fn secrets_of_rules_not_run_stay_masked() {
    let target = fixture("unselected");
    for args in [
        ["--ignore", "SEC006"],
        ["--ignore", "SEC"],
        ["--select", "MID004"],
    ] {
        let out = idlint(&["check", args[0], args[1], &target]);
        assert!(stdout(&out).contains("MID004"), "{}", stdout(&out));
        assert_hidden(&[args[0], args[1], &target], &[SAK43]);
    }
}

#[test]
fn a_secret_is_masked_in_every_file_that_shows_it() {
    // SEC001 reports the password in main.tf; SEC004's snippet in
    // variables.tf shows the default that holds it.
    let target = fixture("other_file");
    let out = idlint(&["check", &target]);
    assert!(
        stdout(&out).contains("variables.tf:1:1"),
        "{}",
        stdout(&out)
    );
    assert_hidden(&[&target], &[PW]);
}

/// `(rule, line, column, end_line, end_column)` of each finding of a JSON report.
fn spans(json: &str) -> Vec<(String, u64, u64, u64, u64)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let n = |k: &str| f[k].as_u64().unwrap();
            (
                f["rule_id"].as_str().unwrap().to_string(),
                n("line"),
                n("column"),
                n("end_line"),
                n("end_column"),
            )
        })
        .collect()
}

#[test]
fn a_private_key_is_reported_and_masked_whole() {
    let target = fixture("pem");
    let out = idlint(&["check", "--format", "json", "--select", "SEC006", &target]);
    let found = spans(&stdout(&out));
    // The heredoc key spans the header, two base64 lines and the END line.
    assert!(found.contains(&("SEC006".into(), 3, 5, 6, 38)), "{found:?}");
    // The ARM key is one JSON string: through `-----END RSA PRIVATE KEY-----`.
    let line = std::fs::read_to_string(fixture("pem/template.json")).unwrap();
    let line = line.lines().nth(4).unwrap();
    let end = line.find("PRIVATE KEY-----\\n\"").unwrap() + "PRIVATE KEY-----".len();
    assert!(
        found.contains(&("SEC006".into(), 5, 13, 5, end as u64 + 1)),
        "{found:?}"
    );
    assert_hidden(&[&target], &PEM_BODY);
}

#[test]
fn every_secret_on_a_line_is_reported_and_masked() {
    let target = fixture("two_on_a_line");
    let out = idlint(&["check", "--format", "json", "--select", "SEC006", &target]);
    let found: Vec<(u64, u64)> = spans(&stdout(&out))
        .into_iter()
        .map(|(_, l, c, _, _)| (l, c))
        .collect();
    assert_eq!(found, [(2, 24), (2, 62), (2, 155)]);
    assert_hidden(&[&target], &[PW, KEY86, PW2]);
}

/// Characters that must not reach a terminal or log raw: C0 controls but
/// newline (and tab, harmless), DEL, C1 controls, bidi and line separators.
fn hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}' | '\u{2029}'
        )
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn assert_no_raw_controls(what: &str, text: &str) {
    let bad: Vec<String> = text
        .lines()
        .filter(|l| l.chars().any(hostile))
        .map(|l| format!("{l:?}"))
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: raw control characters in\n{}",
        bad.join("\n")
    );
}

#[test]
fn control_characters_from_sources_are_escaped() {
    for format in ["human", "concise", "github", "junit", "json", "sarif"] {
        let out = idlint(&["check", "--format", format, "--show-suppressed", CONTROL]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let text = stdout(&out);
        assert_no_raw_controls(format, &text);
        assert_no_raw_controls(format, &stderr(&out));
        if matches!(format, "human" | "concise" | "github" | "junit") {
            // Visible, not dropped: the reader sees what the file holds.
            assert!(
                text.contains(r"acr\x1b]52;c;aGlqYWNrZWQ=\x07\x1b[2J"),
                "{text}"
            );
            assert!(text.contains(r"\u{202e}gnp.exe"), "{text}");
        }
    }
    // Each finding and nothing else is one workflow command.
    let out = idlint(&["check", "--format", "github", CONTROL]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.lines().all(|l| l.starts_with("::error ")), "{text}");
    // One line per finding in concise output too.
    let out = idlint(&["check", "--format", "concise", CONTROL]);
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));
}

#[test]
fn control_characters_in_file_names_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "acr\x1b]52;c;aGlqYWNrZWQ=\x07\r\u{202e}fnp.tf";
    std::fs::write(
        dir.path().join(name),
        "resource \"azurerm_container_registry\" \"acr\" {\n  admin_enabled = true\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad\x1b[2J\r.tf.json"),
        "{ \"resource\": [ }\n",
    )
    .unwrap();
    let root = dir.path().to_str().unwrap();
    for format in ["human", "concise", "github", "junit", "json", "sarif"] {
        let out = idlint(&["check", "--format", format, root]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let text = stdout(&out);
        assert_no_raw_controls(format, &text);
        if matches!(format, "human" | "concise" | "github" | "junit") {
            assert!(
                text.contains(r"acr\x1b]52;c;aGlqYWNrZWQ=\x07\r\u{202e}fnp.tf"),
                "{text}"
            );
            assert!(text.contains(r"bad\x1b[2J\r.tf.json"), "{text}");
        }
    }
    let out = idlint(&["check", "--format", "github", root]);
    assert!(
        stdout(&out).lines().all(|l| l.starts_with("::")),
        "{}",
        stdout(&out)
    );
    // `inspect` lists load errors on stderr.
    let out = idlint(&["inspect", root]);
    assert_no_raw_controls("inspect", &stderr(&out));
    assert!(
        stderr(&out).contains(r"bad\x1b[2J\r.tf.json"),
        "{}",
        stderr(&out)
    );
}
