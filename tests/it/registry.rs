//! The registry, the `rules/` folders, each README's front matter and the
//! README rule table agree. Nothing is synced by hand.

use idlint::rules::{Family, REGISTRY};
use std::collections::BTreeSet;
use std::path::Path;

fn front_matter(readme: &str) -> Vec<(String, String)> {
    let rest = readme
        .strip_prefix("---\n")
        .expect("README starts with front matter");
    let end = rest.find("\n---\n").expect("front matter ends with ---");
    rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// The README rule table, generated from the registry.
pub fn rule_table() -> String {
    let mut s =
        String::from("| ID | name | severity | formats | catches |\n|---|---|---|---|---|\n");
    for r in REGISTRY {
        let m = &r.meta;
        s.push_str(&format!(
            "| [{id}](rules/{id}-{name}/README.md) | `{name}` | {sev} | {fmt} | {sum} |\n",
            id = m.id,
            name = m.name,
            sev = m.severity.as_str(),
            fmt = m.formats.as_str(),
            sum = m.summary
        ));
    }
    s
}

#[test]
fn registry_folders_and_front_matter_agree() {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    let mut names = BTreeSet::new();
    for r in REGISTRY {
        let m = &r.meta;
        if !ids.insert(m.id) {
            problems.push(format!("duplicate id {}", m.id));
        }
        if !names.insert(m.name) {
            problems.push(format!("duplicate name {}", m.name));
        }
        if !m.id.starts_with(m.family.prefix()) || m.id[m.family.prefix().len()..].len() != 3 {
            problems.push(format!(
                "{}: id does not match family {}",
                m.id,
                m.family.prefix()
            ));
        }
        if !m
            .name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            problems.push(format!("{}: name `{}` is not kebab-case", m.id, m.name));
        }
        if m.summary.ends_with('.') || m.help.ends_with('.') {
            problems.push(format!("{}: summary and help end without a period", m.id));
        }
        let dir = Path::new("rules").join(format!("{}-{}", m.id, m.name));
        let readme = match std::fs::read_to_string(dir.join("README.md")) {
            Ok(t) => t,
            Err(_) => {
                problems.push(format!("{}: no {}/README.md", m.id, dir.display()));
                continue;
            }
        };
        assert_eq!(readme, m.docs, "{}: embedded docs are stale", m.id);
        let fm = front_matter(&readme);
        let get = |k: &str| fm.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str());
        for (key, want) in [
            ("id", m.id.to_string()),
            ("name", m.name.to_string()),
            ("severity", m.severity.as_str().to_string()),
            ("family", m.family.prefix().to_string()),
            ("formats", m.formats.as_str().to_string()),
        ] {
            if get(key) != Some(want.as_str()) {
                problems.push(format!(
                    "{}: front matter `{key}` is {:?}, registry says {want:?}",
                    m.id,
                    get(key)
                ));
            }
        }
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## References",
        ] {
            if !readme.contains(&format!("\n{section}\n")) {
                problems.push(format!("{}: README lacks `{section}`", m.id));
            }
        }
        if m.formats.arm() && !readme.contains("```json") {
            problems.push(format!("{}: README has no ARM (```json) example", m.id));
        }
        if m.formats.terraform() && !readme.contains("```hcl") {
            problems.push(format!(
                "{}: README has no Terraform (```hcl) example",
                m.id
            ));
        }
        if m.family == Family::Meta {
            continue;
        }
    }
    let registered: BTreeSet<String> = REGISTRY
        .iter()
        .map(|r| format!("{}-{}", r.meta.id, r.meta.name))
        .collect();
    for e in std::fs::read_dir("rules").expect("rules/ exists") {
        let name = e
            .expect("dir entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if !registered.contains(&name) {
            problems.push(format!("rules/{name} is not in the registry"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn readme_rule_table_matches_registry() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let start = readme
        .find("<!-- rules:start -->\n")
        .expect("rules:start marker")
        + "<!-- rules:start -->\n".len();
    let end = readme.find("<!-- rules:end -->").expect("rules:end marker");
    let table = rule_table();
    if readme[start..end] != table && std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..start], table, &readme[end..]);
        std::fs::write("README.md", updated).expect("write README.md");
        return;
    }
    assert!(
        readme[start..end] == table,
        "README rule table is out of date; run `UPDATE_README=1 cargo test readme` or replace it with:\n{table}"
    );
}

#[test]
fn registry_is_in_id_order() {
    let ids: Vec<(Family, &str)> = REGISTRY
        .iter()
        .map(|r| (r.meta.family, r.meta.id))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
}
