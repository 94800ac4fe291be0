//! A count of comparisons and hash probes made by loops over input-sized
//! collections (JSON object keys, Terraform locals, `distinct()`, `merge()`,
//! grouping `for` expressions). Tests read it to check that work grows
//! linearly with the input, which a wall-clock bound cannot show reliably.

use std::cell::Cell;

thread_local! {
    static PROBES: Cell<u64> = const { Cell::new(0) };
}

/// Counts `n` comparisons or probes on this thread.
#[inline]
pub fn add(n: u64) {
    PROBES.with(|c| c.set(c.get().wrapping_add(n)));
}

/// Probes counted on this thread so far; callers compare two readings.
#[cfg(test)]
pub fn count() -> u64 {
    PROBES.with(Cell::get)
}
