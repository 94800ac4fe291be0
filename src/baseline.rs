//! Baselines: today's findings by fingerprint, so a gate reports only new ones.

use crate::findings::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    fingerprints: BTreeSet<String>,
}

/// Writes the fingerprints of `diagnostics`, sorted and unique.
pub fn write(path: &Path, diagnostics: &[Diagnostic]) -> Result<(), String> {
    let f = File {
        version: 1,
        fingerprints: diagnostics.iter().map(|d| d.fingerprint.clone()).collect(),
    };
    let mut text = serde_json::to_string_pretty(&f).map_err(|e| e.to_string())?;
    text.push('\n');
    std::fs::write(path, text).map_err(|e| {
        format!(
            "cannot write {}: {}",
            path.display(),
            crate::source::io_message(&e)
        )
    })
}

pub fn read(path: &Path) -> Result<BTreeSet<String>, String> {
    let bytes = crate::source::read::read_bytes(path, crate::source::MAX_FILE_BYTES, None)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{} is not an idlint baseline: not UTF-8", path.display()))?;
    let f: File = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not an idlint baseline: {e}", path.display()))?;
    if f.version != 1 {
        return Err(format!(
            "{}: baseline version {} is not supported",
            path.display(),
            f.version
        ));
    }
    Ok(f.fingerprints)
}
