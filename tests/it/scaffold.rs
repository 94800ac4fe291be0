//! `scripts/new-rule.sh` on a copy of the files it reads and edits: every
//! created and edited file, the order it registers in, and refusals that
//! leave the tree as it was. (The copy is not compiled; adding a real rule
//! with it is part of the release checklist in README "Adding a rule".)

use std::path::Path;
use std::process::Command;

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// Every file under `dir` with its content, to compare trees.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).expect("read")));
            }
        }
    }
    out.sort();
    out
}

fn run(root: &Path, args: &[&str]) -> (bool, String) {
    let o = Command::new("bash")
        .arg(root.join("scripts/new-rule.sh"))
        .args(args)
        .current_dir(root)
        .output()
        .expect("run bash");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn read(root: &Path, p: &str) -> String {
    std::fs::read_to_string(root.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
}

#[test]
fn new_rule_creates_and_registers_a_rule() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    copy(Path::new("src/rules"), &root.join("src/rules"));
    copy(Path::new("rules"), &root.join("rules"));
    copy(Path::new("scripts"), &root.join("scripts"));
    std::fs::copy("README.md", root.join("README.md")).expect("copy README");
    let before = snapshot(root);

    // Refusals change nothing.
    for bad in [
        &["MID002", "local-auth-enabled"][..],
        &["MID02", "local-auth-enabled", "mid"],
        &["SEC002", "local-auth-enabled", "mid"],
        &["MID002", "Local_Auth", "mid"],
        &["MID002", "local-auth-enabled", "xyz"],
        &["MID004", "local-auth-enabled", "mid"],
        &["MID002", "acr-admin-user-enabled", "mid"],
    ] {
        let (ok, err) = run(root, bad);
        assert!(!ok, "{bad:?} was accepted");
        assert!(err.starts_with("new-rule: "), "{bad:?}: {err}");
        assert!(snapshot(root) == before, "{bad:?} changed the tree");
    }

    let (ok, err) = run(root, &["SEC000", "example-check", "sec"]);
    assert!(ok, "{err}");
    // Before SEC001 (an ID no rule will take, so that the neighbours stay
    // put as rules are added), in the module, the registry and the table.
    let m = read(root, "src/rules/sec/mod.rs");
    assert!(m.contains("pub mod sec000;\npub mod sec001;\n"), "{m}");
    let reg = read(root, "src/rules/mod.rs");
    assert!(
        reg.contains(
            "pub static REGISTRY: &[Registered] = &[\n    Registered::unit(&sec::sec000::RULE),\n    Registered::unit(&sec::sec001::RULE),\n"
        ),
        "{reg}"
    );
    let readme = read(root, "README.md");
    let row = "| [SEC000](rules/SEC000-example-check/README.md) | `example-check` | medium | arm, terraform | TODO what the rule catches, in one line |\n| [SEC001]";
    assert!(readme.contains(row), "{readme}");
    let rs = read(root, "src/rules/sec/sec000.rs");
    for want in [
        "id: \"SEC000\"",
        "name: \"example-check\"",
        "family: Family::Sec",
        "severity: Severity::Medium",
        "formats: Formats::Both",
        "include_str!(\"../../../rules/SEC000-example-check/README.md\")",
        "fn check(_cx: &Ctx, _out: &mut Vec<Finding>) {}",
        "#[test]",
    ] {
        assert!(rs.contains(want), "sec000.rs lacks {want}:\n{rs}");
    }
    let doc = read(root, "rules/SEC000-example-check/README.md");
    assert!(doc.starts_with(
        "---\nid: SEC000\nname: example-check\nseverity: medium\nfamily: SEC\nformats: arm, terraform\n---\n"
    ));
    for section in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## Options",
        "## References",
        "```json",
        "```hcl",
    ] {
        assert!(doc.contains(section), "README lacks {section}");
    }
    let dir = "rules/SEC000-example-check";
    for f in [
        "arm/bad_todo.json",
        "arm/good_todo.json",
        "terraform/bad_todo/main.tf",
        "terraform/good_todo/main.tf",
    ] {
        assert!(root.join(dir).join(f).is_file(), "no {f}");
    }
    let bad: serde_json::Value =
        serde_json::from_str(&read(root, &format!("{dir}/arm/bad_todo.json"))).expect("JSON");
    assert!(bad["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("deploymentTemplate.json")));
    // expected.txt names the bad fixtures at places that exist.
    let expected = read(root, &format!("{dir}/expected.txt"));
    let lines: Vec<&str> = expected.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        lines,
        ["arm/bad_todo.json:6:7", "terraform/bad_todo/main.tf:1:1"]
    );
    let arm = read(root, &format!("{dir}/arm/bad_todo.json"));
    assert!(arm
        .lines()
        .nth(5)
        .is_some_and(|l| l.starts_with("      \"type\"")));

    // A second run, and a rule of a family with no rule after it, refuse or
    // append in order.
    let after = snapshot(root);
    let (ok, _) = run(root, &["SEC000", "example-check", "sec"]);
    assert!(!ok);
    assert!(snapshot(root) == after, "a second run changed the tree");
    let (ok, err) = run(root, &["BG007", "slot-setting-identity-drift", "bg"]);
    assert!(ok, "{err}");
    let reg = read(root, "src/rules/mod.rs");
    assert!(reg.contains(
        "    Registered::unit(&bg::bg006::RULE),\n    Registered::unit(&bg::bg007::RULE),\n    Registered::scan(&meta::meta001::RULE),\n"
    ));
    assert!(read(root, "src/rules/bg/mod.rs").contains("pub mod bg006;\npub mod bg007;\n"));
}
