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

/// Runs the built binary with `args` from `dir`, as a user would from a
/// subdirectory of their repository.
pub fn idlint_in(dir: &Path, args: &[&str]) -> Output {
    command_in(dir, args).output().expect("run idlint")
}

fn command_in(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_idlint"));
    c.args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .current_dir(dir);
    c
}

/// Address space a bounded run may use: far above what idlint needs, far
/// below what reading `/dev/zero` to the end would take.
#[cfg(unix)]
const BOUNDED_ADDRESS_SPACE: u64 = 2 << 30;

/// Time after which a bounded run is killed and the test fails. A safety
/// net for inputs that used to hang (a FIFO), not a measure of speed.
#[cfg(unix)]
const BOUNDED_WAIT: std::time::Duration = std::time::Duration::from_secs(120);

/// `idlint_in` for inputs that could hang or exhaust memory: the child gets
/// a limited address space and is killed (failing the test) if it has not
/// finished after a generous wait.
#[cfg(unix)]
pub fn idlint_bounded(dir: &Path, args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    let mut c = command_in(dir, args);
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        c.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: BOUNDED_ADDRESS_SPACE as libc::rlim_t,
                rlim_max: BOUNDED_ADDRESS_SPACE as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = c.spawn().expect("run idlint");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    let watchdog = std::thread::spawn(move || {
        if rx.recv_timeout(BOUNDED_WAIT).is_err() {
            // SAFETY: plain kill(2) of the child started above.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
        }
    });
    let out = child.wait_with_output().expect("wait for idlint");
    let _ = tx.send(());
    let _ = watchdog.join();
    assert!(
        out.status.code().is_some(),
        "idlint {args:?} in {} was killed (hung or ran out of memory): {:?}\n{}",
        dir.display(),
        out.status,
        stderr(&out)
    );
    out
}
