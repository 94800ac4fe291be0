//! `cargo bench`: the corpus through three cumulative stages, so the cost of
//! each is the difference between two rows. `--stats` splits one run into
//! thread-seconds per phase; this measures wall time of stages that stop
//! early, which is what a user waits for.
//!
//! - parse: every discovered file read, decoded and parsed (JSONC or HCL),
//!   in parallel as `check` does, then dropped;
//! - parse + model: `check` with every rule family ignored, so units are
//!   loaded, evaluated and dropped with no rule run;
//! - full check: `check` with all rules, the report built but not written.
//!
//! Environment: `IDLINT_CORPUS` (default `../shared/corpus`), `IDLINT_BENCH_RUNS`
//! (5; the median is shown). Without the corpus it says so and exits.

use idlint::discover::{self, FileKind};
use idlint::model::value::FileId;
use idlint::rules::Selection;
use idlint::scan::{self, PhaseTimes};
use idlint::Settings;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would too, with
    // other flags. A listing request must not run anything.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let corpus =
        PathBuf::from(std::env::var("IDLINT_CORPUS").unwrap_or_else(|_| "../shared/corpus".into()));
    if !corpus.is_dir() {
        eprintln!(
            "phases: no corpus at {} (set IDLINT_CORPUS)",
            corpus.display()
        );
        return;
    }
    let runs: usize = std::env::var("IDLINT_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let paths = vec![corpus.clone()];
    let roots = idlint::source::roots::Roots::for_scan(None, &paths).expect("scan roots");
    let disc = discover::discover(&paths, &discover::Excludes::default(), &roots);
    let files: Vec<(PathBuf, FileKind)> = disc
        .jobs
        .iter()
        .flat_map(|j| j.files.iter().map(|c| (c.path.clone(), c.kind)))
        .collect();
    let bytes: u64 = files
        .iter()
        .filter_map(|(p, _)| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();

    let parse = || {
        files.par_iter().for_each(|(path, kind)| {
            let mut times = PhaseTimes::default();
            let Ok(src) = scan::read_source(path, None, &mut times) else {
                return;
            };
            match kind {
                FileKind::Json => drop(scan::parse_json(src, &mut times)),
                _ => drop(idlint::terraform::parse_file(src, FileId(0))),
            }
        })
    };
    let ignore_all = Settings {
        selection: Selection {
            select: Vec::new(),
            ignore: ["SEC", "MID", "RBAC", "BG", "META"]
                .map(String::from)
                .to_vec(),
        },
        ..Settings::default()
    };
    let all = Settings::default();
    let model = || drop(idlint::lint(&paths, &ignore_all));
    let check = || drop(idlint::lint(&paths, &all));

    println!(
        "corpus {}: {} files, {:.1} MB; median of {runs} runs, {} threads",
        corpus.display(),
        files.len(),
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );
    println!("| stage | wall s | files/s | MB/s |");
    println!("|---|---:|---:|---:|");
    let stages: [(&str, &dyn Fn()); 3] = [
        ("parse", &parse),
        ("parse + model", &model),
        ("full check", &check),
    ];
    for (name, stage) in stages {
        let mut walls: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                stage();
                t.elapsed().as_secs_f64()
            })
            .collect();
        walls.sort_by(f64::total_cmp);
        let wall = walls[walls.len() / 2];
        println!(
            "| {name} | {wall:.3} | {:.0} | {:.1} |",
            files.len() as f64 / wall,
            bytes as f64 / 1e6 / wall
        );
    }
}
