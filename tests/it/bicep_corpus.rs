//! Every `.bicep` / `.bicepparam` file of the shared corpus parses
//! (`../shared/corpus`, when present). Ignored by default: the corpus is not
//! part of the repository. Run with
//! `cargo test --release -j2 --test it bicep_corpus -- --ignored --nocapture`;
//! it prints the failures and the throughput beside the JSONC parser's on
//! the corpus's `main.json` files (printed, never asserted).

use std::path::{Path, PathBuf};
use std::time::Instant;

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
        if let Err(e) = idlint::bicep::parser::parse(text) {
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

    // Throughput, best of 5 passes, against jsonc on the compiled main.json files.
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let mut json_paths = Vec::new();
    walk(root, &mut json_paths, &|p| {
        p.file_name().and_then(|n| n.to_str()) == Some("main.json")
    });
    let json = load(&json_paths);
    let json_bytes: usize = json.iter().map(|(_, t)| t.len()).sum();
    let best = |f: &dyn Fn()| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let tb = best(&|| {
        for (_, t) in &files {
            let _ = std::hint::black_box(idlint::bicep::parser::parse(t));
        }
    });
    let tj = best(&|| {
        for (_, t) in &json {
            let _ = std::hint::black_box(idlint::source::jsonc::parse(t));
        }
    });
    eprintln!(
        "bicep: {} files, {:.1} MB in {:.3} s: {:.0} MB/s",
        files.len(),
        bytes as f64 / 1e6,
        tb,
        bytes as f64 / 1e6 / tb
    );
    eprintln!(
        "jsonc: {} main.json files, {:.1} MB in {:.3} s: {:.0} MB/s",
        json.len(),
        json_bytes as f64 / 1e6,
        tj,
        json_bytes as f64 / 1e6 / tj
    );
    assert!(
        failures.is_empty(),
        "{} files fail to parse",
        failures.len()
    );
}
