//! SARIF, JUnit and GitHub Actions output: schema validity, what GitHub code
//! scanning needs, XML well-formedness, escaping, and snapshots.

use crate::support::{idlint, scan, stdout};
use idlint::findings::{Diagnostic, Suppressed, SuppressionKind};
use idlint::report::{render, Format, RenderOptions};
use idlint::rules::REGISTRY;
use idlint::Report;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Vendored (see `testdata/schemas/README.md`), so a clone alone tests it.
const SARIF_SCHEMA: &str = "testdata/schemas/sarif-schema-2.1.0.json";

fn opts(show_suppressed: bool) -> RenderOptions {
    RenderOptions {
        color: false,
        quiet: false,
        show_suppressed,
        width: 100,
        fail_on: Some(idlint::findings::Severity::Low),
        sarif: Default::default(),
    }
}

fn report_dir() -> Report {
    scan(&[Path::new("testdata/report")], &[])
}

/// The official schema, compiled once. It is draft-04 and all its `$ref`s
/// are local (`#/definitions/...`), so nothing is fetched; the draft is set
/// explicitly rather than detected from the remote `$schema` URI.
fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let text = std::fs::read_to_string(SARIF_SCHEMA).expect("read the SARIF schema");
        let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .should_validate_formats(true)
            .build(&schema)
            .expect("compile the SARIF schema")
    })
}

/// `format: uri-reference` (draft 7), which the draft-04 SARIF schema
/// names but cannot check.
fn uri_reference() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft7)
            .should_validate_formats(true)
            .build(&serde_json::json!({"type": "string", "format": "uri-reference"}))
            .expect("compile")
    })
}

/// Parses `text` as SARIF, validates it against the schema and checks what
/// GitHub code scanning needs beyond the schema; returns the log.
fn check_sarif(text: &str, what: &str) -> Value {
    let log: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: not JSON: {e}\n{text}"));
    let errors: Vec<String> = validator()
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: invalid SARIF:\n{}",
        errors.join("\n")
    );

    assert_eq!(log["version"], "2.1.0", "{what}");
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1, "{what}: one run");
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints", "{what}");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "idlint", "{what}");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"), "{what}");
    let rules = driver["rules"].as_array().expect("rules");
    for r in REGISTRY {
        let d = rules
            .iter()
            .find(|d| d["id"] == r.meta.id)
            .unwrap_or_else(|| panic!("{what}: rule {} missing from tool.driver.rules", r.meta.id));
        assert_eq!(d["name"], r.meta.name, "{what}");
        let tags = d["properties"]["tags"].as_array().expect("tags");
        // Security rules carry the number code scanning ranks them by; META
        // rules judge suppressions and are maintenance, not security.
        let security = r.meta.family != idlint::rules::Family::Meta;
        let kind = if security { "security" } else { "maintenance" };
        assert!(tags.contains(&Value::from(kind)), "{what}: tags {tags:?}");
        match d["properties"]["security-severity"].as_str() {
            Some(sev) => assert!(
                security && sev.parse::<f64>().is_ok(),
                "{what}: security-severity {sev}"
            ),
            None => assert!(!security, "{what}: {} has no security-severity", r.meta.id),
        }
        assert!(
            ["very-high", "high", "medium", "low"]
                .contains(&d["properties"]["precision"].as_str().unwrap_or("")),
            "{what}: precision of {}",
            r.meta.id
        );
        let help_uri = d["helpUri"].as_str().expect("helpUri");
        assert!(
            help_uri.ends_with(&format!("rules/{}-{}/README.md", r.meta.id, r.meta.name)),
            "{what}: {help_uri}"
        );
        assert!(
            !d["help"]["text"].as_str().unwrap_or("").contains("```"),
            "{what}: help.text of {} is markdown",
            r.meta.id
        );
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !d[key]["text"].as_str().unwrap_or("").is_empty(),
                "{what}: {} has no {key}",
                r.meta.id
            );
        }
        assert!(!d["help"]["markdown"].as_str().unwrap_or("").is_empty());
    }
    let mut uris: Vec<&Value> = Vec::new();
    for res in run["results"].as_array().expect("results") {
        let id = res["ruleId"].as_str().expect("ruleId");
        let index = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], id, "{what}: ruleIndex of {id}");
        let level = res["level"].as_str().expect("level");
        assert!(
            ["error", "warning", "note"].contains(&level),
            "{what}: level {level}"
        );
        assert!(!res["message"]["text"].as_str().unwrap_or("").is_empty());
        let locs = res["locations"].as_array().expect("locations");
        assert_eq!(locs.len(), 1, "{what}: one location");
        let region = &locs[0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap_or(0) >= 1, "{what}");
        assert!(region["startColumn"].as_u64().unwrap_or(0) >= 1, "{what}");
        if let (Some(el), Some(ec)) = (region["endLine"].as_u64(), region["endColumn"].as_u64()) {
            let (sl, sc) = (
                region["startLine"].as_u64().unwrap_or(0),
                region["startColumn"].as_u64().unwrap_or(0),
            );
            assert!((el, ec) >= (sl, sc), "{what}: region ends before it starts");
        }
        assert!(
            res["partialFingerprints"]["idlint/v1"].is_string(),
            "{what}"
        );
        uris.push(&locs[0]["physicalLocation"]["artifactLocation"]);
        for rel in res["relatedLocations"].as_array().into_iter().flatten() {
            assert!(
                rel["id"].is_u64() && rel["message"]["text"].is_string(),
                "{what}"
            );
            uris.push(&rel["physicalLocation"]["artifactLocation"]);
        }
    }
    for inv in run["invocations"].as_array().into_iter().flatten() {
        for n in inv["toolExecutionNotifications"]
            .as_array()
            .into_iter()
            .flatten()
        {
            for l in n["locations"].as_array().into_iter().flatten() {
                uris.push(&l["physicalLocation"]["artifactLocation"]);
            }
        }
    }
    for a in uris {
        let uri = a["uri"].as_str().expect("uri");
        assert!(
            !uri.is_empty() && !uri.starts_with('/') && !uri.starts_with("file:"),
            "{what}: uri `{uri}` is not relative"
        );
        assert!(
            uri_reference().is_valid(&a["uri"]) && !uri.contains('\\'),
            "{what}: uri `{uri}` is not a URI reference"
        );
        assert_eq!(a["uriBaseId"], "%SRCROOT%", "{what}");
    }
    log
}

fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for rule in std::fs::read_dir("rules").expect("rules/").flatten() {
        for format in ["arm", "terraform"] {
            let Ok(entries) = std::fs::read_dir(rule.path().join(format)) else {
                continue;
            };
            out.extend(entries.flatten().map(|e| e.path()));
        }
    }
    out.sort();
    out
}

#[test]
fn sarif_of_every_fixture_is_valid_and_fit_for_github() {
    let fixtures = fixtures();
    assert!(
        fixtures.len() > 20,
        "found only {} fixtures",
        fixtures.len()
    );
    let mut results = 0;
    for f in &fixtures {
        let report = scan(&[f.as_path()], &[]);
        let text = render(&report, Format::Sarif, &opts(false));
        let log = check_sarif(&text, &f.display().to_string());
        let run = &log["runs"][0];
        results += run["results"].as_array().map_or(0, Vec::len);
        assert_eq!(
            run["invocations"][0]["executionSuccessful"],
            report.errors.is_empty(),
            "{}",
            f.display()
        );
    }
    assert!(results > 0, "no fixture produced a result");
}

/// The validator really checks: a wrong level, a missing message and a
/// malformed URI are all rejected.
#[test]
fn sarif_validator_rejects_broken_logs() {
    let text = render(&report_dir(), Format::Sarif, &opts(false));
    let good: Value = serde_json::from_str(&text).unwrap();
    assert!(validator().is_valid(&good));
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator().is_valid(&bad));
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!validator().is_valid(&bad));
    let mut bad = good;
    bad["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri".into();
    assert!(!validator().is_valid(&bad), "formats are not validated");
    // Draft-04 has no `uri-reference` format, so the schema's check of
    // artifact URIs is a no-op; check_sarif checks them with this instead.
    assert!(uri_reference().is_valid(&Value::from("my%20dir/a%20b.json")));
    assert!(!uri_reference().is_valid(&Value::from("my dir/a b.json")));
}

#[test]
fn sarif_rules_cover_the_registry_in_order() {
    let log = check_sarif(
        &render(&report_dir(), Format::Sarif, &opts(false)),
        "report",
    );
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let registered: Vec<&str> = REGISTRY.iter().map(|r| r.meta.id).collect();
    assert_eq!(ids, registered);
    let mid004 = rules.iter().find(|r| r["id"] == "MID004").unwrap();
    assert_eq!(mid004["defaultConfiguration"]["level"], "error");
    assert_eq!(mid004["properties"]["security-severity"], "8.0");
    assert_eq!(
        mid004["properties"]["tags"],
        serde_json::json!(["security", "mid", "arm", "terraform"])
    );
    let full = mid004["fullDescription"]["text"].as_str().unwrap();
    assert!(full.starts_with("Reports a container registry"), "{full}");
    assert!(!full.contains("## "), "{full}");
    let help = mid004["help"]["markdown"].as_str().unwrap();
    assert!(help.contains("## Why is this bad?"), "{help}");
    assert!(
        !help.contains("\nseverity: high\n"),
        "front matter kept: {help}"
    );
}

#[test]
fn sarif_parse_error_is_a_notification() {
    let report = report_dir();
    assert!(!report.errors.is_empty(), "testdata/report has broken.json");
    let log = check_sarif(&render(&report, Format::Sarif, &opts(false)), "report");
    let inv = &log["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), report.errors.len());
    assert_eq!(notes[0]["level"], "error");
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("invalid JSON"));
    let loc = &notes[0]["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "testdata/report/broken.json"
    );
    assert_eq!(loc["region"]["startLine"], 4);

    let clean = scan(
        &[Path::new(
            "rules/MID004-acr-admin-user-enabled/arm/bad_literal.json",
        )],
        &[],
    );
    let log = check_sarif(&render(&clean, Format::Sarif, &opts(false)), "clean");
    let inv = &log["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], true);
    assert_eq!(inv["toolExecutionNotifications"], serde_json::json!([]));
}

/// The report of `testdata/report` with its findings turned into odd cases:
/// a file name that needs encoding, a message with markup, suppressed
/// findings of each kind.
fn odd_report() -> Report {
    let mut report = report_dir();
    let base: Diagnostic = report.diagnostics[0].clone();
    let mut odd = base.clone();
    odd.file = "infra/my app/50%,a:b.json".to_string();
    odd.message = "value <&\"'> 100%\nsecond: line, \u{1}end".to_string();
    odd.related.clear();
    report.diagnostics.push(odd);
    for (kind, why) in [
        (SuppressionKind::Inline, "test fixture"),
        (SuppressionKind::Config, "retired in Q3"),
        (SuppressionKind::Baseline, "baseline"),
    ] {
        let mut s = base.clone();
        s.line += 100;
        s.end_line += 100;
        s.suppressed = Some(Suppressed {
            kind,
            justification: why.to_string(),
        });
        report.suppressed.push(s);
    }
    report
}

#[test]
fn sarif_suppressions_and_encoded_uris() {
    let report = odd_report();
    let hidden = check_sarif(&render(&report, Format::Sarif, &opts(false)), "hidden");
    let n = hidden["runs"][0]["results"].as_array().unwrap().len();
    assert_eq!(n, report.diagnostics.len());
    let log = check_sarif(&render(&report, Format::Sarif, &opts(true)), "shown");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), n + 3);
    let kinds: Vec<(&str, &str)> = results
        .iter()
        .filter_map(|r| r["suppressions"].as_array())
        .map(|s| {
            assert_eq!(s.len(), 1);
            (
                s[0]["kind"].as_str().unwrap(),
                s[0]["justification"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("inSource", "test fixture"),
            ("external", "retired in Q3"),
            ("external", "baseline")
        ]
    );
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"infra/my%20app/50%25%2Ca%3Ab.json"),
        "{uris:?}"
    );
    let odd = results
        .iter()
        .find(|r| r["message"]["text"].as_str().unwrap().starts_with("value"))
        .unwrap();
    assert_eq!(
        odd["message"]["text"],
        "value <&\"'> 100%\nsecond: line, \u{1}end"
    );
}

#[test]
fn sarif_is_deterministic_and_from_the_command_line() {
    let a = idlint(&["check", "testdata/report", "--format", "sarif"]);
    let b = idlint(&[
        "check",
        "testdata/report",
        "--format",
        "sarif",
        "--threads",
        "1",
    ]);
    assert_eq!(
        a.status.code(),
        Some(2),
        "broken.json makes the exit code 2"
    );
    assert_eq!(stdout(&a), stdout(&b));
    let text = stdout(&a);
    check_sarif(&text, "cli");
    // The repository root is the one absolute path: %SRCROOT%'s URI, which
    // every artifact location is relative to.
    let log: Value = serde_json::from_str(&text).expect("sarif");
    let base = &log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    let root = std::fs::canonicalize(env!("CARGO_MANIFEST_DIR")).expect("root");
    let expected = format!("file://{}/", root.display());
    if root.join(".git").exists() {
        assert_eq!(base, &Value::from(expected.as_str()));
    }
    let without_base = text.replace(&expected, "");
    assert!(
        !without_base.contains(env!("CARGO_MANIFEST_DIR")),
        "absolute path in SARIF"
    );
}

#[test]
fn sarif_paths_are_relative_to_the_repository_not_the_current_directory() {
    let root = std::fs::canonicalize(env!("CARGO_MANIFEST_DIR")).expect("root");
    if !root.join(".git").exists() {
        return; // a copy of the sources without git: the root is the current directory
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_idlint"))
        .args(["check", "report", "--format", "sarif", "--fail-on", "never"])
        .current_dir(root.join("testdata"))
        .output()
        .expect("idlint runs");
    let log: Value = serde_json::from_slice(&out.stdout).expect("sarif");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for r in results {
        let loc = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uriBaseId"], "%SRCROOT%");
        assert!(
            loc["uri"]
                .as_str()
                .unwrap_or("")
                .starts_with("testdata/report/"),
            "{loc}"
        );
    }
    // --sarif-root names another root.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_idlint"))
        .args(["check", "report", "--format", "sarif", "--fail-on", "never"])
        .args(["--sarif-root", "report"])
        .current_dir(root.join("testdata"))
        .output()
        .expect("idlint runs");
    let log: Value = serde_json::from_slice(&out.stdout).expect("sarif");
    let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert!(
        !uri.as_str().unwrap_or("").starts_with("testdata/"),
        "{uri}"
    );
}

#[test]
fn sarif_rules_follow_configured_severities() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join(".idlint.yaml"),
        "severity:\n  MID004: low\n",
    )
    .expect("config");
    let cfg = dir.path().join(".idlint.yaml");
    let out = idlint(&[
        "check",
        "rules/MID004-acr-admin-user-enabled",
        "--format",
        "sarif",
        "--config",
        cfg.to_str().expect("utf-8"),
        "--help-uri-base",
        "https://example.test/docs",
    ]);
    let log: Value = serde_json::from_slice(&out.stdout).expect("sarif");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let mid004 = rules.iter().find(|r| r["id"] == "MID004").expect("MID004");
    assert_eq!(mid004["defaultConfiguration"]["level"], "note");
    assert_eq!(mid004["properties"]["security-severity"], "3.0");
    assert_eq!(
        mid004["helpUri"],
        "https://example.test/docs/rules/MID004-acr-admin-user-enabled/README.md"
    );
}

// ---------------------------------------------------------------- JUnit

/// A parsed XML element: name, attributes (unescaped), children, text.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("<{}> has no `{name}`", self.name))
    }
    fn count(&self, name: &str) -> usize {
        self.children.iter().filter(|c| c.name == name).count()
    }
    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
}

/// Unescapes entity and character references; panics on a raw `<`, a bare
/// `&`, an unknown entity or a character XML 1.0 does not allow.
fn unescape(s: &str, in_attr: bool) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => panic!("raw `<` in {s:?}"),
            '"' if in_attr => panic!("raw `\"` in attribute {s:?}"),
            '&' => {
                let end = rest
                    .find(';')
                    .unwrap_or_else(|| panic!("bare `&` in {s:?}"));
                let ent = &rest[1..end];
                let ch = match ent {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => {
                        let code = if let Some(hex) = ent.strip_prefix("#x") {
                            u32::from_str_radix(hex, 16)
                        } else if let Some(dec) = ent.strip_prefix('#') {
                            dec.parse()
                        } else {
                            panic!("unknown entity &{ent}; in {s:?}")
                        };
                        char::from_u32(code.expect("character reference")).expect("a char")
                    }
                };
                out.push(ch);
                rest = &rest[end + 1..];
                continue;
            }
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    for c in out.chars() {
        let ok =
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}');
        assert!(ok, "character {c:?} not allowed in XML 1.0: {s:?}");
    }
    out
}

/// A minimal XML parser, enough for our JUnit output: a declaration,
/// elements with double-quoted attributes, text. Panics if not well-formed.
fn parse_xml(xml: &str) -> Element {
    let rest = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .expect("XML declaration");
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut pos = 0;
    let bytes = rest.as_bytes();
    while pos < rest.len() {
        if bytes[pos] != b'<' {
            let end = rest[pos..].find('<').map_or(rest.len(), |i| pos + i);
            let text = unescape(&rest[pos..end], false);
            stack.last_mut().unwrap().text.push_str(&text);
            pos = end;
            continue;
        }
        let end = pos + rest[pos..].find('>').expect("unclosed tag");
        let tag = &rest[pos + 1..end];
        pos = end + 1;
        if let Some(name) = tag.strip_prefix('/') {
            let el = stack.pop().expect("element");
            assert_eq!(el.name, name.trim(), "mismatched end tag");
            stack.last_mut().expect("parent").children.push(el);
            continue;
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(t) => (t, true),
            None => (tag, false),
        };
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let mut el = Element {
            name: tag[..name_end].to_string(),
            ..Default::default()
        };
        assert!(
            !el.name.is_empty()
                && el
                    .name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "bad element name in <{tag}>"
        );
        let mut a = tag[name_end..].trim_start();
        while !a.is_empty() {
            let eq = a
                .find("=\"")
                .unwrap_or_else(|| panic!("bad attribute in <{tag}>"));
            let key = a[..eq].to_string();
            let vend = a[eq + 2..].find('"').expect("unterminated attribute") + eq + 2;
            assert!(
                !el.attrs.iter().any(|(k, _)| *k == key),
                "duplicate attribute {key}"
            );
            el.attrs.push((key, unescape(&a[eq + 2..vend], true)));
            a = a[vend + 1..].trim_start();
        }
        if empty {
            stack.last_mut().unwrap().children.push(el);
        } else {
            stack.push(el);
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut doc = stack.pop().unwrap();
    assert!(doc.text.trim().is_empty(), "text outside the root");
    assert_eq!(doc.children.len(), 1, "one root element");
    doc.children.pop().unwrap()
}

/// Checks the suite counts against its test cases; returns the suite.
fn check_counts(root: &Element) -> &Element {
    assert_eq!(root.name, "testsuites");
    assert_eq!(root.count("testsuite"), 1);
    let suite = root.child("testsuite").unwrap();
    assert_eq!(suite.attr("name"), "idlint");
    let cases: Vec<&Element> = suite.children.iter().collect();
    assert!(cases.iter().all(|c| c.name == "testcase"));
    let n = |what: &str| cases.iter().filter(|c| c.child(what).is_some()).count();
    for el in [root, suite] {
        assert_eq!(el.attr("tests"), cases.len().to_string());
        assert_eq!(el.attr("failures"), n("failure").to_string());
        assert_eq!(el.attr("errors"), n("error").to_string());
        assert_eq!(el.attr("skipped"), n("skipped").to_string());
    }
    suite
}

#[test]
fn junit_is_well_formed_and_counts_add_up() {
    let report = report_dir();
    let root = parse_xml(&render(&report, Format::Junit, &opts(false)));
    let suite = check_counts(&root);
    // Every registered rule appears, failing or passing.
    for r in REGISTRY {
        let classname = format!("{} {}", r.meta.id, r.meta.name);
        assert!(
            suite
                .children
                .iter()
                .any(|c| c.attr("classname") == classname),
            "{classname} missing"
        );
    }
    let failures: Vec<&Element> = suite
        .children
        .iter()
        .filter(|c| c.child("failure").is_some())
        .collect();
    assert_eq!(failures.len(), 4);
    let mid = failures
        .iter()
        .find(|c| c.attr("classname") == "MID004 acr-admin-user-enabled")
        .unwrap();
    assert_eq!(mid.attr("name"), "testdata/report/registry.json");
    let f = mid.child("failure").unwrap();
    assert_eq!(f.attr("type"), "high");
    assert!(f
        .text
        .starts_with("testdata/report/registry.json:18:9 container registry"));
    let err = suite
        .children
        .iter()
        .find(|c| c.child("error").is_some())
        .unwrap();
    assert_eq!(err.attr("classname"), "idlint");
    assert_eq!(err.attr("name"), "testdata/report/broken.json");
    assert!(err
        .child("error")
        .unwrap()
        .attr("message")
        .contains("found `\"`"));
}

#[test]
fn junit_escapes_markup_and_controls() {
    let report = odd_report();
    let xml = render(&report, Format::Junit, &opts(true));
    let root = parse_xml(&xml);
    let suite = check_counts(&root);
    let odd = suite
        .children
        .iter()
        .find(|c| c.attr("name") == "infra/my app/50%,a:b.json")
        .expect("odd file case");
    let f = odd.child("failure").unwrap();
    // Control characters from the scanned files, the newline included (a
    // message is one line), are shown as escapes, which XML carries as is.
    assert_eq!(
        f.attr("message"),
        "value <&\"'> 100%\\nsecond: line, \\x01end"
    );
    assert!(f.text.contains("value <&\"'> 100%"), "{}", f.text);
    assert!(
        xml.contains("value &lt;&amp;&quot;&apos;&gt; 100%"),
        "{xml}"
    );
    // Suppressed findings shown: listed in their rule's case, not failing it.
    let suppressed: Vec<&Element> = suite
        .children
        .iter()
        .filter(|c| {
            c.children
                .iter()
                .any(|e| e.text.contains("(suppressed, inline: test fixture)"))
        })
        .collect();
    assert_eq!(suppressed.len(), 1, "{xml}");
}

// ---------------------------------------------------------------- GitHub

#[test]
fn github_escapes_properties_and_messages() {
    let report = odd_report();
    let out = render(&report, Format::Github, &opts(false));
    let d = &report.diagnostics[0];
    let line = out
        .lines()
        .find(|l| l.contains("file=infra/"))
        .expect("odd finding");
    assert_eq!(
        line,
        format!(
            "::error file=infra/my app/50%25%2Ca%3Ab.json,line={},col={},endLine={},endColumn={},title={} {}::value <&\"'> 100%25\\nsecond: line, \\x01end",
            d.line, d.column, d.end_line, d.end_column, d.rule_id, d.rule_name
        )
    );
    // One line per finding and error, and nothing else.
    assert_eq!(
        out.lines().count(),
        report.diagnostics.len() + report.errors.len()
    );
    assert!(out.lines().all(|l| l.starts_with("::")));
    assert!(out.ends_with("::error file=testdata/report/broken.json,line=4,col=51::invalid JSON: expected `,` or `}`, found `\"`\n"));
}

#[test]
fn github_levels_follow_severity_and_suppressed_are_notices() {
    use idlint::findings::Severity;
    let mut report = odd_report();
    report.diagnostics[0].severity = Severity::Medium;
    report.diagnostics[1].severity = Severity::Low;
    report.diagnostics[2].severity = Severity::Critical;
    report.errors[0].line = None;
    report.errors[0].column = None;
    let out = render(&report, Format::Github, &opts(true));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::warning file=testdata/report/registry.json,line=8,")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::notice file=testdata/report/registry.json,line=18,")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::error file=testdata/report/registry.json,line=26,")));
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("(suppressed)::"))
            .count(),
        3
    );
    assert!(lines
        .iter()
        .all(|l| !l.contains("(suppressed)::") || l.starts_with("::notice ")));
    assert_eq!(
        *lines.last().unwrap(),
        "::error file=testdata/report/broken.json::invalid JSON: expected `,` or `}`, found `\"`"
    );
}

// ---------------------------------------------------------------- snapshots

/// The rule catalog and rule indexes change whenever a rule is added; they
/// are checked by the tests above, so the snapshots leave them out.
fn without_rules(sarif: &str) -> String {
    let open = "          \"rules\": [\n";
    let close = "\n          ]";
    match sarif.find(open) {
        Some(start) => {
            let end = start + sarif[start..].find(close).expect("end of rules") + close.len();
            format!(
                "{}          \"rules\": \"[every registered rule]\"{}",
                &sarif[..start],
                &sarif[end..]
            )
        }
        None => sarif.to_string(),
    }
}

#[test]
fn snapshot_report_sarif() {
    let text = render(&report_dir(), Format::Sarif, &opts(false));
    let mut s = insta::Settings::clone_current();
    s.add_filter(r#""ruleIndex": \d+"#, "\"ruleIndex\": \"[index]\"");
    s.bind(|| insta::assert_snapshot!("report_sarif", without_rules(&text)));
}

#[test]
fn snapshot_report_junit() {
    let text = render(&report_dir(), Format::Junit, &opts(false));
    let mut s = insta::Settings::clone_current();
    // Passing cases (one per rule without findings) and the counts grow with
    // the registry; junit_is_well_formed_and_counts_add_up checks them.
    s.add_filter(
        r#"(?m)^ *<testcase classname="[^"]*" name="no findings"/>\n"#,
        "",
    );
    s.add_filter(r#"tests="\d+""#, "tests=\"[n]\"");
    s.bind(|| insta::assert_snapshot!("report_junit", text));
}

#[test]
fn snapshot_report_github() {
    insta::assert_snapshot!(
        "report_github",
        render(&report_dir(), Format::Github, &opts(false))
    );
}

/// `--output` and stdout stream the report through `report::write`; the
/// snapshots above check `render`. Both must give the same bytes, with and
/// without suppressed findings and errors.
#[test]
fn streamed_reports_are_the_rendered_ones() {
    let report = report_dir();
    assert!(!report.diagnostics.is_empty() && !report.errors.is_empty());
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Github,
    ] {
        for shown in [false, true] {
            let mut streamed = Vec::new();
            idlint::report::write(&report, format, &opts(shown), &mut streamed).unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                render(&report, format, &opts(shown)),
                "{format:?}"
            );
        }
    }
}
