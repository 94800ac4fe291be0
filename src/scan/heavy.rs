//! A process-wide gate for the few jobs whose working set is large.
//!
//! Almost every job holds a few MiB while it runs. A Terraform root that
//! loads a big tree of local modules (the `terraform-azurerm-caf` root loads
//! 359 module directories, 1.6 MB of `.tf`) holds tens of MiB: `hcl-edit`
//! syntax trees take about thirty times their source. Two such jobs on two
//! workers, plus the freed-but-fragmented heap each leaves in its thread's
//! malloc arena, were most of idlint's peak memory on large scans.
//!
//! A job takes the gate when its tree grows past [`HEAVY_SOURCE_BYTES`], so
//! at most one heavy tree is alive at a time while light jobs keep every
//! worker busy, and hands freed memory back to the system around it. A job
//! holds at most this one lock and waits on nothing while holding it. Jobs
//! must stay free of nested rayon work: a worker waiting inside a `join`
//! could steal another heavy job and lock the gate twice.

use std::sync::{Mutex, MutexGuard};

/// Source bytes of a module tree above which its job takes the gate.
pub const HEAVY_SOURCE_BYTES: usize = 1 << 20;

static GATE: Mutex<()> = Mutex::new(());

/// Held for as long as a heavy job's trees and model are alive.
pub struct Heavy {
    _guard: MutexGuard<'static, ()>,
}

impl Heavy {
    /// Waits until no other heavy job runs.
    pub fn acquire() -> Heavy {
        // The gate guards no data: a poisoned lock carries no meaning.
        let guard = GATE.lock().unwrap_or_else(|p| p.into_inner());
        // Start from what is live, not from what light jobs left freed.
        release_free_memory();
        Heavy { _guard: guard }
    }
}

impl Drop for Heavy {
    fn drop(&mut self) {
        release_free_memory();
    }
}

/// Hands free heap pages back to the system. glibc keeps what a thread
/// freed in that thread's arena; after a heavy job those are tens of MiB that
/// the next heavy job, on another thread, would not reuse.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn release_free_memory() {
    extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: `malloc_trim` only walks glibc's own arenas under their locks;
    // it takes no pointers from us and is safe to call from any thread.
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release_free_memory() {}
