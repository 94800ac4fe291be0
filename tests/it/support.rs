use idlint::rules::Selection;
use idlint::{lint, Report, Settings};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Scans `paths` with only `rules` selected (all when empty).
pub fn scan(paths: &[&Path], rules: &[&str]) -> Report {
    scan_with(paths, rules, idlint::config::Config::default())
}

/// `scan` with a configuration.
pub fn scan_with(paths: &[&Path], rules: &[&str], config: idlint::config::Config) -> Report {
    let settings = Settings {
        selection: Selection {
            select: rules.iter().map(|s| s.to_string()).collect(),
            ignore: Vec::new(),
        },
        config,
        ..Default::default()
    };
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    lint(&paths, &settings).expect("valid settings")
}

/// Runs the built binary with `args` from the crate root.
pub fn idlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_idlint"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run idlint")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
