//! The layering DESIGN.md draws, held by reading the source: rules and the
//! model know no loader and no azurerm spelling, the model knows no rule, and no two top-level
//! parts of the crate use each other (a two-way dependency is where format
//! knowledge and special cases creep in). Comments and test files do not
//! count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file: comment lines and `#[cfg(test)]` modules at the end
/// of a file left out.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level part a file belongs to: `src/rules/sec/sec001.rs` → `rules`.
fn part(path: &Path) -> String {
    let rel = path.strip_prefix(src()).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

fn parts_used(code: &str, parts: &BTreeSet<String>) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for name in group.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                if parts.contains(name) {
                    used.insert(name.to_string());
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if parts.contains(&name) {
                used.insert(name);
            }
        }
    }
    used
}

#[test]
fn rules_and_the_model_know_no_loader_and_the_model_no_rule() {
    let mut files = Vec::new();
    for dir in ["rules", "model"] {
        rust_files(&src().join(dir), &mut files);
    }
    let mut wrong = Vec::new();
    for f in &files {
        let code = code(f);
        let mut banned = vec!["crate::arm", "crate::terraform", "crate::bicep"];
        if part(f) == "model" {
            banned.push("crate::rules");
        }
        for b in banned {
            if code.contains(b) {
                wrong.push(format!("{}: uses `{b}`", f.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Terraform spellings live in `terraform/azurerm.rs` and nowhere the rules
/// read: the model speaks ARM types and paths only. Comments count too, so
/// that a table of spellings cannot hide in one.
#[test]
fn rules_and_the_model_know_no_azurerm_spelling() {
    let mut files = Vec::new();
    for dir in ["rules", "model"] {
        rust_files(&src().join(dir), &mut files);
    }
    let mut hits = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line.contains("azurerm_") {
                hits.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "azurerm spellings outside the loader (map them in terraform/azurerm.rs):\n{}",
        hits.join("\n")
    );
}

#[test]
fn no_two_parts_use_each_other() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.retain(|f| {
        let name = f.file_name().unwrap().to_string_lossy();
        !name.contains("tests") && name != "lib.rs" && name != "main.rs"
    });
    let parts: BTreeSet<String> = files.iter().map(|f| part(f)).collect();
    let mut uses: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for f in &files {
        let me = part(f);
        for other in parts_used(&code(f), &parts) {
            if other != me {
                uses.entry(me.clone())
                    .or_default()
                    .entry(other)
                    .or_insert_with(|| f.clone());
            }
        }
    }
    let mut cycles = Vec::new();
    for (a, targets) in &uses {
        for (b, via) in targets {
            if a < b {
                if let Some(back) = uses.get(b).and_then(|t| t.get(a)) {
                    cycles.push(format!(
                        "{a} <-> {b} ({} uses {b}; {} uses {a})",
                        via.display(),
                        back.display()
                    ));
                }
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "two-way dependencies:\n{}",
        cycles.join("\n")
    );
    // The test must see the crate's real structure, not an empty one.
    assert!(uses.get("rules").is_some_and(|t| t.contains_key("model")));
}

/// Each source format is a front end over the shared parts (the template
/// language, the HCL evaluator's model): no loader reads another's syntax,
/// so a quirk of one format cannot leak into another.
#[test]
fn loaders_do_not_use_each_other() {
    let loaders = ["arm", "bicep", "terraform"];
    let mut wrong = Vec::new();
    for me in loaders {
        let mut files = Vec::new();
        rust_files(&src().join(me), &mut files);
        for f in &files {
            let code = code(f);
            for other in loaders.iter().filter(|o| **o != me) {
                if code.contains(&format!("crate::{other}")) {
                    wrong.push(format!("{}: uses `crate::{other}`", f.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
