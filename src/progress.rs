//! Progress on long scans: on a terminal, a line on standard error with the
//! files done, the total and the rate, redrawn in place, for scans that last
//! more than a second. Never in pipes, CI logs or with `--quiet`, where a
//! redrawn line is noise; nothing of it reaches a report.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Whether to show progress: standard error is a terminal, no CI (`CI` set,
/// as every CI service sets it) and not `--quiet`.
pub fn wanted(stderr_is_terminal: bool, ci: bool, quiet: bool) -> bool {
    stderr_is_terminal && !ci && !quiet
}

/// The line drawn: `files done/total, rate files/s`.
pub fn line(done: usize, total: usize, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
    format!("idlint: {done}/{total} files, {rate:.0} files/s")
}

/// Counts files as jobs finish and draws the line from a thread of its own
/// until dropped.
pub struct Progress {
    done: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    drawer: Option<std::thread::JoinHandle<()>>,
}

/// Nothing is drawn before this: short scans print nothing.
const QUIET_FOR: Duration = Duration::from_secs(1);
const EVERY: Duration = Duration::from_millis(150);

impl Progress {
    /// Starts counting toward `total` files; draws only when `show`.
    pub fn start(total: usize, show: bool) -> Progress {
        let done = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let drawer = show.then(|| {
            let (done, stop) = (done.clone(), stop.clone());
            std::thread::spawn(move || {
                let start = Instant::now();
                let mut drawn = false;
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(EVERY);
                    if start.elapsed() < QUIET_FOR || stop.load(Ordering::Relaxed) {
                        continue;
                    }
                    let text = line(done.load(Ordering::Relaxed), total, start.elapsed());
                    let mut err = std::io::stderr().lock();
                    let _ = write!(err, "\r\x1b[K{text}");
                    let _ = err.flush();
                    drawn = true;
                }
                if drawn {
                    let mut err = std::io::stderr().lock();
                    let _ = write!(err, "\r\x1b[K");
                    let _ = err.flush();
                }
            })
        });
        Progress { done, stop, drawer }
    }

    /// `n` more files are done.
    pub fn add(&self, n: usize) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.drawer.take() {
            let _ = h.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_on_a_terminal_outside_ci_and_not_quiet() {
        assert!(wanted(true, false, false));
        assert!(!wanted(false, false, false));
        assert!(!wanted(true, true, false));
        assert!(!wanted(true, false, true));
    }

    #[test]
    fn the_line_says_done_total_and_rate() {
        assert_eq!(
            line(50, 200, Duration::from_secs(2)),
            "idlint: 50/200 files, 25 files/s"
        );
        assert_eq!(line(0, 0, Duration::ZERO), "idlint: 0/0 files, 0 files/s");
    }

    #[test]
    fn counting_without_drawing() {
        let p = Progress::start(10, false);
        p.add(3);
        p.add(4);
        assert_eq!(p.done.load(Ordering::Relaxed), 7);
    }
}
