//! idlint never prints a secret: every output format of every SEC fixture
//! is searched for the secrets the fixtures hold.

use crate::support::scan;
use idlint::report::{render, Format, RenderOptions};
use std::path::{Path, PathBuf};

fn bad_fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for rule in std::fs::read_dir("rules").unwrap() {
        let rule = rule.unwrap().path();
        if !rule
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("SEC")
        {
            continue;
        }
        for fmt in ["arm", "terraform"] {
            for e in std::fs::read_dir(rule.join(fmt)).into_iter().flatten() {
                let p = e.unwrap().path();
                if p.file_name().unwrap().to_string_lossy().starts_with("bad") {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn no_output_format_shows_a_secret() {
    let mut checked_secrets = 0;
    let mut leaks = Vec::new();
    for fx in bad_fixtures() {
        let report = scan(&[Path::new(&fx)], &[]);
        // The secrets: the text idlint itself marks for redaction.
        let mut secrets: Vec<String> = Vec::new();
        for d in &report.diagnostics {
            for s in &d.redactions {
                let text = d.source.slice(*s).trim_matches('"').trim().to_string();
                if text.chars().count() > 8 && !secrets.contains(&text) {
                    secrets.push(text);
                }
            }
        }
        // Rule documentation (shown by SARIF) has its own sample secrets,
        // which fixtures may reuse: those are not the user's.
        secrets.retain(|s| {
            !idlint::rules::REGISTRY
                .iter()
                .any(|r| r.meta.docs.contains(s.as_str()))
        });
        checked_secrets += secrets.len();
        let opts = RenderOptions {
            color: false,
            quiet: false,
            show_suppressed: true,
            width: 200,
            fail_on: Some(idlint::findings::Severity::Low),
            sarif: Default::default(),
        };
        for format in [
            Format::Human,
            Format::Concise,
            Format::Json,
            Format::Sarif,
            Format::Junit,
            Format::Github,
        ] {
            let out = render(&report, format, &opts);
            for s in &secrets {
                // Any line of a multi-line secret, or the whole of a short one.
                let in_docs = |p: &str| {
                    idlint::rules::REGISTRY
                        .iter()
                        .any(|r| r.meta.docs.contains(p))
                };
                for piece in s
                    .lines()
                    .map(str::trim)
                    .filter(|l| l.chars().count() > 8 && !in_docs(l))
                {
                    if out.contains(piece) {
                        leaks.push(format!(
                            "{}: {format:?} shows `{}…`",
                            fx.display(),
                            piece.chars().take(6).collect::<String>()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        checked_secrets > 40,
        "only {checked_secrets} secrets found in the SEC fixtures"
    );
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}
