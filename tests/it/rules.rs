//! The one data-driven rule test: every fixture under `rules/<ID>-<name>/`
//! produces exactly the findings listed in that folder's `expected.txt`.
//! Adding a rule or a fixture needs no change here.

use crate::support::scan_with;
use idlint::findings::Severity;
use idlint::rules::REGISTRY;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    path: String,
    line: u32,
    column: u32,
    severity: Option<Severity>,
}

fn parse_expected(dir: &Path) -> Vec<Expected> {
    let text = std::fs::read_to_string(dir.join("expected.txt")).unwrap_or_default();
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (loc, sev) = match line.split_once(' ') {
            Some((l, s)) => (
                l,
                Some(Severity::parse(s.trim()).unwrap_or_else(|| {
                    panic!(
                        "{}/expected.txt:{}: bad severity `{s}`",
                        dir.display(),
                        i + 1
                    )
                })),
            ),
            None => (line, None),
        };
        let mut parts = loc.rsplitn(3, ':');
        let column = parts.next().and_then(|c| c.parse().ok());
        let line_no = parts.next().and_then(|c| c.parse().ok());
        let path = parts.next();
        match (path, line_no, column) {
            (Some(p), Some(l), Some(c)) => out.push(Expected {
                path: p.to_string(),
                line: l,
                column: c,
                severity: sev,
            }),
            _ => panic!(
                "{}/expected.txt:{}: expected `path:line:column [severity]`",
                dir.display(),
                i + 1
            ),
        }
    }
    out
}

/// Fixture entries (files or directories) of `dir` named `bad*`/`good*`.
fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        n.starts_with("bad") || n.starts_with("good")
    });
    v.sort();
    v
}

fn rel(p: &Path, base: &Path) -> String {
    p.strip_prefix(base)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn every_fixture_produces_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut bicep_families: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for rule in REGISTRY {
        let m = &rule.meta;
        let dir = Path::new("rules").join(format!("{}-{}", m.id, m.name));
        let expected = parse_expected(&dir);
        let mut matched_expectations = BTreeSet::new();
        let mut formats = Vec::new();
        if m.formats.arm() {
            formats.push("arm");
        }
        if m.formats.terraform() {
            formats.push("terraform");
        }
        // Bicep is lowered into the ARM model, so any ARM rule may have
        // Bicep fixtures; each family must (see below).
        if m.formats.arm() && dir.join("bicep").is_dir() {
            formats.push("bicep");
            bicep_families
                .entry(m.family.prefix())
                .or_default()
                .push(m.id);
        }
        for fmt in &formats {
            let fmt = *fmt;
            let fixtures = fixtures(&dir.join(fmt));
            let bad = fixtures
                .iter()
                .filter(|p| rel(p, &dir.join(fmt)).starts_with("bad"))
                .count();
            if bad == 0 || bad == fixtures.len() {
                failures.push(format!("{}: {fmt}/ needs bad* and good* fixtures", m.id));
            }
            for fx in fixtures {
                checked += 1;
                let name = rel(&fx, &dir);
                // All rules run, as users run them (suppressions and META
                // rules depend on the others); only this rule's findings count.
                let cfg_path = fx.join(".idlint.yaml");
                let config = if cfg_path.is_file() {
                    idlint::config::load(&cfg_path)
                        .unwrap_or_else(|e| panic!("{name}: {}", e.message))
                } else {
                    idlint::config::Config::default()
                };
                let report = scan_with(&[&fx], &[], config);
                for e in &report.errors {
                    failures.push(format!(
                        "{name}: load error {}:{:?}: {}",
                        e.file, e.line, e.message
                    ));
                }
                let actual: BTreeSet<(String, u32, u32, Severity)> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.rule_id == m.id)
                    .map(|d| (rel(Path::new(&d.file), &dir), d.line, d.column, d.severity))
                    .collect();
                let mine: Vec<&Expected> = expected
                    .iter()
                    .filter(|e| e.path == name || e.path.starts_with(&format!("{name}/")))
                    .collect();
                if name.contains("/good") && !mine.is_empty() {
                    failures.push(format!("{name}: a good fixture has expected findings"));
                }
                if name.contains("/bad") && mine.is_empty() {
                    failures.push(format!("{name}: a bad fixture has no expected finding"));
                }
                for e in &mine {
                    matched_expectations.insert((*e).clone());
                    let sev = e.severity.unwrap_or(m.severity);
                    if !actual.contains(&(e.path.clone(), e.line, e.column, sev)) {
                        failures.push(format!(
                            "{name}: missing {}:{}:{} {}",
                            e.path,
                            e.line,
                            e.column,
                            sev.as_str()
                        ));
                    }
                }
                for (p, l, c, s) in &actual {
                    let sev_ok = |e: &&Expected| e.severity.unwrap_or(m.severity) == *s;
                    if !mine
                        .iter()
                        .any(|e| e.path == *p && e.line == *l && e.column == *c && sev_ok(e))
                    {
                        failures.push(format!("{name}: unexpected {p}:{l}:{c} {}", s.as_str()));
                    }
                }
            }
        }
        for e in &expected {
            let fmt = e.path.split('/').next().unwrap_or("");
            if formats.contains(&fmt) && !matched_expectations.contains(e) {
                failures.push(format!(
                    "{}: expected.txt names {} which is no fixture",
                    m.id, e.path
                ));
            }
        }
    }
    for family in ["SEC", "MID", "RBAC", "BG"] {
        if !bicep_families.contains_key(family) {
            failures.push(format!(
                "no {family} rule has Bicep fixtures (rules/<ID>-<name>/bicep/)"
            ));
        }
    }
    assert!(checked > 0, "no fixtures found");
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
