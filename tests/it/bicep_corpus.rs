//! Every `.bicep` / `.bicepparam` file of the shared corpus parses
//! (`../shared/corpus`, when present). Ignored by default: the corpus is not
//! part of the repository. Run with
//! `cargo test --release -j2 --test it bicep_corpus -- --ignored --nocapture`;
//! it prints the failures. Throughput is measured by `cargo bench --bench
//! parsers`, not here.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>, keep: &dyn Fn(&Path) -> bool) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            walk(&p, out, keep);
        } else if ft.is_file() && keep(&p) {
            out.push(p);
        }
    }
}

fn load(paths: &[PathBuf]) -> Vec<(PathBuf, String)> {
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            (p.clone(), String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

#[test]
#[ignore]
fn bicep_corpus_parses() {
    let root = Path::new("../shared/corpus");
    if !root.is_dir() {
        eprintln!("no corpus at {}", root.display());
        return;
    }
    let mut paths = Vec::new();
    walk(root, &mut paths, &|p| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("bicep" | "bicepparam")
        )
    });
    let files = load(&paths);
    let mut failures = Vec::new();
    for (p, text) in &files {
        let arena = idlint::bicep::ast::Arena::new();
        if let Err(e) = idlint::bicep::parser::parse(text, &arena) {
            let src = idlint::source::SourceFile::new(p.clone(), text.clone());
            let lc = src.line_col(e.span.start);
            failures.push(format!(
                "{}:{}:{}: {}",
                p.display(),
                lc.line,
                lc.column,
                e.message
            ));
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!(
        "bicep: {}/{} files parse",
        files.len() - failures.len(),
        files.len()
    );

    assert!(
        failures.is_empty(),
        "{} files fail to parse",
        failures.len()
    );
}
