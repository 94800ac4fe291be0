//! Bicep source end to end: findings at the Bicep line and column, and a
//! file that does not parse as a located error that stops nothing else.

use crate::support::scan;
use std::path::Path;

fn places(rule: &str) -> Vec<(String, u32, u32)> {
    let r = scan(&[Path::new("testdata/bicep")], &[]);
    r.diagnostics
        .iter()
        .filter(|d| d.rule_id == rule)
        .map(|d| (d.file.clone(), d.line, d.column))
        .collect()
}

#[test]
fn findings_point_at_the_bicep_source() {
    let main = "testdata/bicep/main.bicep".to_string();
    assert_eq!(places("SEC003"), vec![(main.clone(), 2, 30)]);
    assert_eq!(places("MID003"), vec![(main.clone(), 11, 5)]);
    assert_eq!(places("MID006"), vec![(main.clone(), 23, 11)]);
    assert_eq!(places("SEC005"), vec![(main, 38, 1)]);
}

#[test]
fn a_bicep_file_that_does_not_parse_is_a_located_error() {
    let r = scan(&[Path::new("testdata/bicep")], &[]);
    let e: Vec<_> = r
        .errors
        .iter()
        .filter(|e| e.file.ends_with("broken.bicep"))
        .collect();
    assert_eq!(e.len(), 1, "{:?}", r.errors);
    assert_eq!(e[0].line, Some(1));
    // The other file is still scanned.
    assert!(!places("SEC003").is_empty());
}
