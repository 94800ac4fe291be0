//! `cargo bench --bench parsers`: the Bicep parser (and its lexer alone)
//! over the corpus's `.bicep` files, beside the JSONC parser over the
//! `main.json` files Bicep compiled from them. Texts are read first; each
//! pass parses every file once and drops the tree; the best of
//! `IDLINT_BENCH_RUNS` (5) passes is shown, as MB/s and µs per file.
//! Bicep trees go into one arena, reset between files, as a scan job puts
//! a directory's trees in one arena; JSONC's nodes come from the heap,
//! which reuses what the last file freed.
//!
//! Environment: `IDLINT_CORPUS` (default `../shared/corpus`). Without the
//! corpus it says so and exits. `IDLINT_BENCH_ONLY=bicep|lexer|jsonc` runs
//! one row, for `perf record`.

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

fn texts(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let corpus =
        PathBuf::from(std::env::var("IDLINT_CORPUS").unwrap_or_else(|_| "../shared/corpus".into()));
    if !corpus.is_dir() {
        eprintln!(
            "parsers: no corpus at {} (set IDLINT_CORPUS)",
            corpus.display()
        );
        return;
    }
    let runs: usize = std::env::var("IDLINT_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|r| *r > 0)
        .unwrap_or(5);
    let mut bicep_paths = Vec::new();
    walk(&corpus, &mut bicep_paths, &|p| {
        p.extension().is_some_and(|e| e == "bicep")
    });
    let mut json_paths = Vec::new();
    walk(&corpus, &mut json_paths, &|p| {
        p.file_name().is_some_and(|n| n == "main.json") && p.with_extension("bicep").is_file()
    });
    let bicep = texts(&bicep_paths);
    let json = texts(&json_paths);
    let best = |f: &dyn Fn()| {
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let row = |name: &str, files: &[String], secs: f64| {
        let bytes: usize = files.iter().map(String::len).sum();
        println!(
            "| {name} | {} | {:.1} | {:.3} | {:.0} | {:.0} |",
            files.len(),
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs,
            secs * 1e6 / files.len().max(1) as f64
        );
    };
    let only = std::env::var("IDLINT_BENCH_ONLY").ok();
    let wanted = |name: &str| only.as_deref().is_none_or(|o| o == name);
    println!("| parser | files | MB | best s of {runs} | MB/s | µs per file |");
    println!("|---|---:|---:|---:|---:|---:|");
    if wanted("bicep") {
        let t = best(&|| {
            let mut arena = idlint::bicep::ast::Arena::new();
            for s in &bicep {
                let _ = std::hint::black_box(idlint::bicep::parser::parse(s, &arena));
                arena.reset();
            }
        });
        row("Bicep (lexer and parser)", &bicep, t);
    }
    if wanted("lexer") {
        let t = best(&|| {
            for s in &bicep {
                let _ = std::hint::black_box(idlint::bicep::lexer::lex(s));
            }
        });
        row("Bicep lexer alone", &bicep, t);
    }
    if wanted("jsonc") {
        let t = best(&|| {
            for s in &json {
                let _ = std::hint::black_box(idlint::source::jsonc::parse(s));
            }
        });
        row("JSONC, the main.json Bicep compiled", &json, t);
    }
}
