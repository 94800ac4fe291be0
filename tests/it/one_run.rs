//! Issue 16, items 5 and 11: one configuration per run whatever the order of
//! the paths, and several reports from one scan (`--report FORMAT=FILE`).

use crate::support::{idlint, idlint_in, stderr, stdout};
use serde_json::Value;
use std::path::Path;

const REGISTRY: &str = "testdata/report/registry.json";

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
}

fn json(o: &std::process::Output) -> Value {
    serde_json::from_str(&stdout(o))
        .unwrap_or_else(|e| panic!("JSON report: {e}\n{}\n{}", stdout(o), stderr(o)))
}

fn rules_found(v: &Value) -> Vec<String> {
    let mut r: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["file"].as_str().unwrap(),
                f["rule_id"].as_str().unwrap()
            )
        })
        .collect();
    r.sort();
    r
}

/// `check a b` and `check b a` read the same configuration: the nearest one
/// upward from the deepest directory holding both paths. A configuration
/// inside one of them governs a scan of that folder alone.
#[test]
fn config_discovery_does_not_depend_on_argument_order() {
    let d = tempfile::tempdir().unwrap();
    let repo = d.path();
    std::fs::create_dir(repo.join(".git")).unwrap();
    let acr = std::fs::read_to_string(REGISTRY).unwrap();
    write(repo, "arm/registry.json", &acr);
    write(repo, "terraform/registry.json", &acr);
    // Only in `arm/`: were it read for `check arm terraform` and not for the
    // swapped order, the two runs would differ.
    write(repo, "arm/.idlint.yaml", "select: [SEC003]\n");
    let run = |args: &[&str]| {
        let mut a = vec!["check"];
        a.extend_from_slice(args);
        a.extend(["--format", "json"]);
        let o = idlint_in(repo, &a);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        rules_found(&json(&o))
    };
    let forward = run(&["arm", "terraform"]);
    let swapped = run(&["terraform", "arm"]);
    assert_eq!(forward, swapped);
    assert!(
        forward.contains(&"arm/registry.json MID004".to_string()),
        "{forward:?}"
    );
    // Files named in either order, as pre-commit passes them.
    assert_eq!(
        run(&["terraform/registry.json", "arm/registry.json"]),
        run(&["arm/registry.json", "terraform/registry.json"])
    );
    // One folder: its own configuration.
    assert_eq!(run(&["arm"]), ["arm/registry.json SEC003"]);
    // A configuration at the top governs both, in both orders.
    write(repo, ".idlint.yaml", "select: [MID004]\n");
    let both = [
        "arm/registry.json MID004".to_string(),
        "terraform/registry.json MID004".to_string(),
    ];
    assert_eq!(run(&["arm", "terraform"]), both);
    assert_eq!(run(&["terraform", "arm"]), both);
}

/// One scan, the console report and each `--report` file: the files hold
/// what `--format` of the same name prints.
#[test]
fn reports_beside_the_console_output() {
    let d = tempfile::tempdir().unwrap();
    let sarif = d.path().join("idlint.sarif");
    let junit = d.path().join("junit.xml");
    // Missing folders are made, as CI artifact paths need.
    let json_file = d.path().join("out/idlint/r.json");
    let (s, j, js) = (
        sarif.to_str().unwrap(),
        junit.to_str().unwrap(),
        json_file.to_str().unwrap(),
    );
    let sarif_arg = format!("sarif={s}");
    let junit_arg = format!("junit={j}");
    let json_arg = format!("json={js}");
    let o = idlint(&[
        "check", REGISTRY, "--format", "concise", "--report", &sarif_arg, "--report", &junit_arg,
        "--report", &json_arg,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("MID004 [high]"),
        "console findings: {}",
        stdout(&o)
    );
    for (name, p) in [("sarif", &sarif), ("junit", &junit), ("json", &json_file)] {
        assert!(
            stderr(&o).contains(&format!("wrote the {name} report to {}", p.display())),
            "{}",
            stderr(&o)
        );
    }
    let sarif_v: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(sarif_v["runs"][0]["results"].as_array().unwrap().len(), 4);
    let junit_text = std::fs::read_to_string(&junit).unwrap();
    assert!(junit_text.starts_with("<?xml"), "{junit_text}");
    assert!(junit_text.contains("MID004"), "{junit_text}");
    let from_file: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_file).unwrap()).unwrap();
    let printed = json(&idlint(&["check", REGISTRY, "--format", "json"]));
    assert_eq!(rules_found(&from_file), rules_found(&printed));
    assert_eq!(
        from_file["summary"]["findings"],
        printed["summary"]["findings"]
    );
}

/// A report file that cannot be written fails the run (exit 2) and names the
/// file; the others are still written. A bad FORMAT is a usage error.
#[test]
fn a_report_that_cannot_be_written_exits_2_and_says_which() {
    let d = tempfile::tempdir().unwrap();
    let good = d.path().join("ok.xml");
    // Its parent is a file: no directory can be made there.
    std::fs::write(d.path().join("a-file"), "").unwrap();
    let bad = d.path().join("a-file").join("r.sarif");
    let good_arg = format!("junit={}", good.display());
    let bad_arg = format!("sarif={}", bad.display());
    let o = idlint(&[
        "check", REGISTRY, "--report", &bad_arg, "--report", &good_arg,
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "error: cannot write the sarif report to {}",
            bad.display()
        )),
        "{}",
        stderr(&o)
    );
    assert!(good.is_file(), "the junit report is still written");
    // Even when no finding would fail the run.
    let o = idlint(&[
        "check",
        REGISTRY,
        "--fail-on",
        "never",
        "--report",
        &bad_arg,
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // Two reports into one file.
    let twice = format!("json={}", good.display());
    let o = idlint(&["check", REGISTRY, "--report", &good_arg, "--report", &twice]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is named twice by --output and --report"),
        "{}",
        stderr(&o)
    );
    for bad_usage in ["xml=r.xml", "sarif", "sarif="] {
        let o = idlint(&["check", REGISTRY, "--report", bad_usage]);
        assert_eq!(o.status.code(), Some(2), "{bad_usage}: {}", stderr(&o));
        assert!(stderr(&o).contains("--report"), "{}", stderr(&o));
    }
}
