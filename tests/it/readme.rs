//! The README's examples are executed (issue 16, items 7 and 8): every
//! configuration example loads, the `allowed_scopes` example does what it
//! says, the pre-commit recipe pins something that can exist, and the CI
//! recipes' `idlint` steps run over a scratch repository.

use crate::support::scan_with;
use serde_json::Value;
use std::path::{Path, PathBuf};

const CONFIG_KEYS: &[&str] = &[
    "select", "ignore", "fail_on", "exclude", "severity", "rules", "suppress", "bicep",
];

/// The fenced ```yaml blocks of a Markdown file, with the line each starts on.
fn yaml_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, l) in markdown.lines().enumerate() {
        match &mut current {
            None if l.trim_start().starts_with("```yaml") => current = Some((i + 2, String::new())),
            None => {}
            Some(_) if l.trim_start().starts_with("```") => out.extend(current.take()),
            Some((_, text)) => {
                text.push_str(l);
                text.push('\n');
            }
        }
    }
    out
}

fn yaml(text: &str, whence: &str) -> Value {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{whence}: not YAML: {e}\n{text}"))
}

/// A block is a configuration example when its top-level keys are
/// configuration keys.
fn is_config(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|m| !m.is_empty() && m.keys().all(|k| CONFIG_KEYS.contains(&k.as_str())))
}

fn load(text: &str, whence: &str) -> idlint::config::Config {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join(".idlint.yaml");
    std::fs::write(&p, text).unwrap();
    idlint::config::load(&p).unwrap_or_else(|e| {
        panic!(
            "the example at {whence} is rejected (its line {}, column {}): {}",
            e.line, e.column, e.message
        )
    })
}

fn markdown_files() -> Vec<PathBuf> {
    let mut v = vec![PathBuf::from("README.md")];
    for e in std::fs::read_dir("rules").unwrap() {
        let p = e.unwrap().path().join("README.md");
        if p.is_file() {
            v.push(p);
        }
    }
    v.sort();
    v
}

/// Every configuration example (README.md, the rule READMEs) is accepted.
#[test]
fn every_configuration_example_in_the_readmes_loads() {
    let mut loaded = 0;
    for md in markdown_files() {
        let text = std::fs::read_to_string(&md).unwrap();
        for (line, block) in yaml_blocks(&text) {
            let whence = format!("{}:{line}", md.display());
            if is_config(&yaml(&block, &whence)) {
                load(&block, &whence);
                loaded += 1;
            }
        }
    }
    let readme = std::fs::read_to_string("README.md").unwrap();
    let main_example = yaml_blocks(&readme)
        .into_iter()
        .filter(|(_, b)| is_config(&yaml(b, "README.md")))
        .count();
    assert!(
        main_example >= 1,
        "README.md shows no configuration example"
    );
    assert!(
        loaded > main_example,
        "the rule READMEs' examples were not found"
    );
}

/// The README's `rules: RBAC001: { allowed_scopes: [...] }` example applies:
/// Owner on a `platform-*` resource group is not reported, elsewhere it is.
#[test]
fn the_readme_allowed_scopes_example_applies() {
    let fixture =
        Path::new("rules/RBAC001-privileged-role-assignment/terraform/bad_allowed_scopes");
    let lines = |r: &idlint::Report| -> Vec<u32> {
        let mut v: Vec<u32> = r.diagnostics.iter().map(|d| d.line).collect();
        v.sort();
        v
    };
    let everything = scan_with(&[fixture], &["RBAC001"], Default::default());
    assert_eq!(lines(&everything), [12, 19, 36, 43]);
    let mut checked = 0;
    for md in [
        "README.md",
        "rules/RBAC001-privileged-role-assignment/README.md",
    ] {
        let text = std::fs::read_to_string(md).unwrap();
        for (line, block) in yaml_blocks(&text) {
            if !block.contains("allowed_scopes") {
                continue;
            }
            let config = load(&block, &format!("{md}:{line}"));
            let r = scan_with(&[fixture], &["RBAC001"], config);
            // platform-core (literal) and platform-net (by reference) are allowed.
            assert_eq!(lines(&r), [19, 43], "{md}:{line}");
            checked += 1;
        }
    }
    assert_eq!(checked, 2, "an `allowed_scopes` example in each README");
}

fn section<'a>(readme: &'a str, heading: &str) -> &'a str {
    let start = readme
        .find(heading)
        .unwrap_or_else(|| panic!("README has no `{heading}`"));
    let rest = &readme[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

/// The pre-commit recipe pins a commit SHA or a tag that exists, and names
/// a hook this repository defines.
#[test]
fn the_pre_commit_recipe_pins_what_can_exist() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let recipes = section(&readme, "## Pre-commit and CI recipes");
    let hooks = yaml(
        &std::fs::read_to_string(".pre-commit-hooks.yaml").unwrap(),
        ".pre-commit-hooks.yaml",
    );
    let ids: Vec<&str> = hooks
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    let mut seen = 0;
    for (_, block) in yaml_blocks(recipes) {
        let v = yaml(&block, "README.md");
        let Some(repos) = v["repos"].as_array() else {
            continue;
        };
        for r in repos {
            let rev = r["rev"].as_str().unwrap_or_default();
            let sha = rev.len() == 40 && rev.chars().all(|c| c.is_ascii_hexdigit());
            let tag = !sha
                && std::process::Command::new("git")
                    .args(["tag", "--list", rev])
                    .output()
                    .is_ok_and(|o| !String::from_utf8_lossy(&o.stdout).trim().is_empty());
            assert!(
                sha || tag,
                "the pre-commit recipe pins `rev: {rev}`, neither a commit SHA nor an existing tag"
            );
            for h in r["hooks"].as_array().unwrap() {
                let id = h["id"].as_str().unwrap();
                assert!(
                    ids.contains(&id),
                    "hook `{id}` is not in .pre-commit-hooks.yaml"
                );
            }
            seen += 1;
        }
    }
    assert_eq!(seen, 1, "one pre-commit recipe");
}

/// Every `run:` / `script:` string of the README's YAML blocks.
fn steps(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("run" | "script", Value::String(s)) => out.push(s.clone()),
                    _ => steps(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| steps(x, out)),
        _ => {}
    }
}

fn find_key<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    match v {
        Value::Object(m) => m
            .get(key)
            .or_else(|| m.values().find_map(|x| find_key(x, key))),
        Value::Array(a) => a.iter().find_map(|x| find_key(x, key)),
        _ => None,
    }
}

/// The CI recipes' `idlint` steps, run by `sh` as the runner would, over a
/// scratch repository with findings: none is a usage error (exit 2), and
/// every report they name is written.
#[cfg(unix)]
#[test]
fn the_ci_recipes_run() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let mut commands = Vec::new();
    for (_, block) in yaml_blocks(&readme) {
        let v = yaml(&block, "README.md");
        let mut found = Vec::new();
        steps(&v, &mut found);
        // A GitHub matrix step runs once per value.
        let matrix = find_key(&v, "matrix").and_then(Value::as_object).cloned();
        for c in found {
            match &matrix {
                Some(m) if c.contains("${{ matrix.") => {
                    assert_eq!(m.len(), 1, "one matrix dimension: {m:?}");
                    let (k, values) = m.iter().next().unwrap();
                    for x in values.as_array().unwrap() {
                        let x = x.to_string().trim_matches('"').to_string();
                        commands.push(c.replace(&format!("${{{{ matrix.{k} }}}}"), &x));
                    }
                }
                _ => commands.push(c),
            }
        }
    }
    // Installing is the network's business, not this test's.
    commands.retain(|c| c.contains("idlint ") && !c.contains("cargo install"));
    assert!(commands.len() >= 3, "{commands:?}");
    let d = tempfile::tempdir().unwrap();
    let repo = d.path().join("repo");
    let staging = d.path().join("staging");
    let runner_temp = d.path().join("runner-temp");
    for p in [
        &repo.join(".git"),
        &repo.join("infra"),
        &staging,
        &runner_temp,
    ] {
        std::fs::create_dir_all(p).unwrap();
    }
    std::fs::copy(
        "testdata/report/registry.json",
        repo.join("infra/registry.json"),
    )
    .unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_idlint")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for c in &commands {
        let script = c.replace(
            "$(Build.ArtifactStagingDirectory)",
            staging.to_str().unwrap(),
        );
        let o = std::process::Command::new("sh")
            .args(["-ec", &script])
            .current_dir(&repo)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env("RUNNER_TEMP", &runner_temp)
            .env("GITHUB_BASE_REF", "main")
            .env("GIT_CEILING_DIRECTORIES", d.path())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "`{script}` exited {:?}:\n{err}",
            o.status.code()
        );
        assert!(!err.contains("error:"), "`{script}`:\n{err}");
        let words: Vec<&str> = script.split_whitespace().collect();
        for w in words.windows(2) {
            let file = match w[0] {
                "--output" => w[1],
                "--report" => w[1].split_once('=').map_or("", |(_, f)| f),
                _ => continue,
            };
            if file.contains('$') {
                continue;
            }
            assert!(repo.join(file).is_file(), "`{script}` did not write {file}");
        }
    }
}
